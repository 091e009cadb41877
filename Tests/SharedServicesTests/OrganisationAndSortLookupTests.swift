import Testing

@testable import SharedServices

/// The words typed on the command line, looked up in the bundled sample: organisations by
/// name, short name, GSS code or a part of a name, and sort columns by their titles.
@Suite struct OrganisationAndSortLookupTests {
    static func sample() throws -> Register {
        try RegisterLoader.load(arrangements: PackagePaths.sampleData + "/arrangements.csv").register
    }

    @Test func organisationByItsGSSCode() throws {
        let register = try Self.sample()
        let brent = try Fixture.organisation("London Borough of Brent", in: register)
        #expect(try register.organisationID(named: "E09000005") == brent)
        #expect(try register.organisationID(named: " e09000005 ") == brent)
        let westSussex = try Fixture.organisation("West Sussex County Council", in: register)
        #expect(try register.organisationID(named: "E10000032") == westSussex)
    }

    /// A name or short name wins over being part of longer names; a part only one name has
    /// names that one.
    @Test func nameBeforeShortNameBeforePart() throws {
        let register = try Self.sample()
        let brent = try Fixture.organisation("London Borough of Brent", in: register)
        let brentwood = try Fixture.organisation("Brentwood Borough Council", in: register)
        #expect(try register.organisationID(named: "Brent") == brent)
        #expect(try register.organisationID(named: "brent council") == brent)
        #expect(try register.organisationID(named: "Brentwood") == brentwood)
        let kent = try Fixture.organisation("Kent County Council", in: register)
        #expect(try register.organisationID(named: "Kent") == kent)
        let kingsLynn = try Fixture.organisation("Borough Council of King's Lynn and West Norfolk", in: register)
        #expect(try register.organisationID(named: "Kings Lynn and West Norfolk") == kingsLynn)
        let mid = try Fixture.organisation("Mid Sussex District Council", in: register)
        #expect(try register.organisationID(named: "mid sussex") == mid)
    }

    @Test func aPartOfSeveralNamesListsThemAll() throws {
        let register = try Self.sample()
        let error = try #require(throws: UnknownValue.self) { try register.organisationID(named: "Sussex") }
        let expected = register.organisations.names.filter { $0.lowercased().contains("sussex") }.sorted()
        #expect(expected.count == 9)
        #expect(error.isAmbiguous)
        #expect(error.suggestions == expected)
        #expect(
            error.description
                == "\"Sussex\" matches 9 organisations: " + expected.joined(separator: ", ") + "; give more of the name")
    }

    @Test func aPartOfManyNamesListsTheFirstAndCountsTheRest() throws {
        let register = try Self.sample()
        let error = try #require(throws: UnknownValue.self) { try register.organisationID(named: "district") }
        let expected = register.organisations.names.filter { $0.lowercased().contains("district") }.sorted()
        let named = UnknownValue.matchesNamed
        #expect(expected.count > named + 1)
        #expect(
            error.description
                == "\"district\" matches \(expected.count) organisations: "
                + expected.prefix(named).joined(separator: ", ")
                + " and \(expected.count - named) more; give more of the name")
    }

    /// Nothing typed is not a part of every name.
    @Test(arguments: ["", "  "])
    func blankOrganisationMatchesNothing(typed: String) throws {
        let register = try Self.sample()
        let error = try #require(throws: UnknownValue.self) { try register.organisationID(named: typed) }
        #expect(!error.isAmbiguous)
        #expect(error.suggestions.isEmpty)
    }

    @Test func sortTakesTheTitlesShownInAnyCase() {
        #expect(SortColumn(sortName: "saved") == .savingsToDate)
        #expect(SortColumn(sortName: "Saved to date") == .savingsToDate)
        #expect(SortColumn(sortName: "SAVED TO DATE") == .savingsToDate)
        #expect(SortColumn(sortName: "Latest year") == .savingsLatestYear)
        #expect(SortColumn(sortName: "START") == .startYear)
        #expect(SortColumn(sortName: "ID") == .id)
        #expect(SortColumn(sortName: "") == nil)
        #expect(SortColumn(sortName: "description") == nil)
        for column in SortColumn.sortable {
            #expect(column.sortNames.first == column.title.lowercased())
            #expect(SortColumn(sortName: column.title) == column)
            #expect(SortColumn(sortName: column.title.uppercased()) == column)
        }
    }

    /// No name `--sort` takes could mean two columns.
    @Test func sortNamesAreEachOneColumns() {
        let keys = SortColumn.sortable.flatMap { column in
            column.sortNames.map { HeaderMatching<ArrangementField>.key($0) }
        }
        #expect(Set(keys).count == keys.count)
        let unsorted = ArrangementField.allCases.filter { !SortColumn.sortable.contains($0) }
        #expect(unsorted.filter { !$0.sortNames.isEmpty }.isEmpty)
    }
}

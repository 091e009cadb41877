import Foundation
import Testing

@testable import SharedServices

/// The organisations list compiled into ssmap, and registers checked against it when they
/// have no organisations file of their own.
@Suite("Bundled organisations list")
struct BundledOrganisationsTests {
    static let header = "id,name,service,partners\n"

    static func load(_ text: String, file: String = "mine.csv") throws -> LoadedRegister {
        try RegisterLoader.load(arrangementBytes: Array(text.utf8), file: file)
    }

    static func partnerNames(_ register: Register, _ row: Int) -> [String] {
        register.partners(row).map { register.organisations.names[Int($0)] }
    }

    /// The list is said once, in sample-data/organisations.csv; the compiled copy must be it.
    @Test func theCompiledListIsSampleDataOrganisationsCSV() throws {
        let file = try Data(contentsOf: URL(fileURLWithPath: PackagePaths.sampleData + "/organisations.csv"))
        #expect(
            Array(BundledOrganisations.csv.utf8) == Array(file),
            "Sources/SharedServices/Reference/BundledOrganisations.swift is out of date: run scripts/bundle-organisations.sh")
    }

    @Test func theListReadsCleanlyWithEnglandsCouncilsAndOtherBodies() throws {
        var diagnostics: [Diagnostic] = []
        let builder = try BundledOrganisations.builder(diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let organisations = builder.organisations
        #expect(organisations.count == 484)
        #expect(organisations.listedCouncilCount == 353)
        for sector in [Sector.fire, .police, .health] {
            #expect(organisations.sectors.contains(sector), "no \(sector.name) body")
        }
    }

    @Test func aRegisterWithoutAnOrganisationsFileIsCheckedAgainstTheBundledList() throws {
        let loaded = try Self.load(
            Self.header + "A1,Legal,Legal,Brent; Kensington & Chelsea; Mid Devon Council; Devon and Somerset Fire\n")
        #expect(loaded.reference == .bundled)
        #expect(loaded.organisationsFile == nil)
        #expect(loaded.inputFiles == ["mine.csv"])
        #expect(
            Self.partnerNames(loaded.register, 0) == [
                "London Borough of Brent", "Royal Borough of Kensington and Chelsea", "Mid Devon District Council",
                "Devon and Somerset Fire and Rescue Service",
            ])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    }

    @Test func aCouncilThatDoesNotExistIsNamedWithItsLineAndTheNearestRealOnes() throws {
        let loaded = try Self.load(
            Self.header + "A1,Legal,Legal,Adur; Worthing\nA2,Audit,Audit,Adur; Loamshire District Council\n")
        let warnings = loaded.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1, "\(loaded.diagnostics)")
        let warning = try #require(warnings.first)
        #expect(warning.file == "mine.csv")
        #expect(warning.line == 3)
        #expect(warning.field == "partners")
        #expect(
            warning.message.hasPrefix(
                "partners \"Loamshire District Council\" is not in the bundled list of England's councils, fire, "
                    + "police and NHS bodies (2017); kept, taken to be a council body; did you mean \""),
            "\(warning.message)")
        let suggested = Self.quotedNames(afterDidYouMeanIn: warning.message)
        #expect((1...3).contains(suggested.count), "\(warning.message)")
        let register = loaded.register
        for name in suggested {
            let index = try #require(register.organisations.names.firstIndex(of: name), "\(name) is not listed")
            #expect(register.organisations.listed[index])
            #expect(register.organisations.sectors[index] == .council, "\(name) is not a council")
        }
        // Kept, as a council the list does not hold.
        let loamshire = try #require(register.partners(1).last)
        #expect(!register.organisations.listed[Int(loamshire)])
        #expect(register.organisations.sectors[Int(loamshire)] == .council)
    }

    @Test func aLeadTheListDoesNotHoldIsNamedToo() throws {
        let loaded = try Self.load(
            "id,name,service,partners,lead\nA1,Legal,Legal,Adur; Worthing,Wokinham Borough Council\n"
                + "A2,Audit,Audit,Adur; Loamshire District Council,Loamshire District Council\n")
        let messages = loaded.diagnostics.map(\.description)
        #expect(loaded.diagnostics.count == 2, "\(messages)")
        #expect(
            messages.first == "mine.csv:2:31: lead \"Wokinham Borough Council\" is not one of the partners, nor in "
                + "the bundled list of England's councils, fire, police and NHS bodies (2017); "
                + "did you mean \"Wokingham Borough Council\"?")
        // A lead that is a partner is reported once, as a partner.
        #expect(loaded.diagnostics.last?.line == 3)
        #expect(loaded.diagnostics.last?.field == "partners")
    }

    @Test func eachUnknownSpellingIsMatchedOnceAndWarnedOnEveryRow() throws {
        var text = Self.header
        for row in 0..<2_000 {
            text += "A\(row),Legal,Legal,Adur; Wokinham; Loamshire Council \(row % 50)\n"
        }
        let loaded = try Self.load(text)
        let wokinham = loaded.diagnostics.filter { $0.message.contains("\"Wokinham\"") }
        #expect(wokinham.count == 2_000)
        #expect(Set(wokinham.map(\.message)).count == 1)
        #expect(wokinham.first?.message.hasSuffix("did you mean \"Wokingham Borough Council\"?") == true)
        #expect(loaded.diagnostics.count == 4_000)
        // One organisation per distinct unknown spelling, after the 484 listed.
        #expect(loaded.register.organisations.count == 484 + 51)
    }

    @Test func theFastAndRowAtATimeReadersSayTheSame() throws {
        let text = Self.header
            + "A1,Legal,Legal,Adur; Loamshire District Council; Wokinham\n"
            + "A2,Audit,Audit,Wokinham; Acme Widgets Ltd; Kent Fire\n"
            + "A3,\"Quoted, name\",Audit,Loamshire Police; Mid Devn District Council\n"
        let bytes = Array(text.utf8)
        let reference = try RegisterLoader.load(
            arrangementBytes: bytes, file: "mine.csv", organisationBytes: nil, organisationsFile: nil,
            reading: .rowAtATime)
        for minimum in [16, 1 << 20] {
            let fast = try RegisterLoader.load(
                arrangementBytes: bytes, file: "mine.csv", organisationBytes: nil, organisationsFile: nil,
                reading: .inStretches(minimumBytes: minimum))
            #expect(fast.diagnostics == reference.diagnostics)
            #expect(fast.register.organisations.names == reference.register.organisations.names)
        }
        #expect(reference.diagnostics.count == 6, "\(reference.diagnostics.map(\.description))")
    }

    @Test func anOrganisationsFileReplacesTheBundledList() throws {
        let organisations = "name,sector\nAdur District Council,council\nWorthing Borough Council,council\n"
        let loaded = try RegisterLoader.load(
            arrangementBytes: Array((Self.header + "A1,Legal,Legal,Adur; Brent\n").utf8), file: "mine.csv",
            organisationBytes: Array(organisations.utf8), organisationsFile: "lists/ours.csv")
        #expect(loaded.reference == .file("lists/ours.csv"))
        #expect(loaded.reference.name == "ours.csv")
        #expect(loaded.register.organisations.count == 3)
        #expect(
            loaded.diagnostics.map(\.description) == [
                "mine.csv:2:16: partners \"Brent\" is not in ours.csv; kept, taken to be another kind of body"
            ])
    }

    @Test func aNameTwoListedOrganisationsShareIsNamedWithBoth() throws {
        let organisations = "name,sector\nLondon Borough of Brent,council\nBrent Council,council\nAdur District Council,council\n"
        let loaded = try RegisterLoader.load(
            arrangementBytes: Array((Self.header + "A1,Legal,Legal,Adur; Brent\n").utf8), file: "mine.csv",
            organisationBytes: Array(organisations.utf8), organisationsFile: "organisations.csv")
        #expect(
            loaded.diagnostics.map(\.description) == [
                "mine.csv:2:16: partners \"Brent\" matches more than one organisation in organisations.csv "
                    + "(\"London Borough of Brent\" and \"Brent Council\"); kept as written"
            ])
    }

    @Test func aFileBesideTheRegisterWinsAndANamedOneWinsOverThat() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ssmap-bundled-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("mine.csv").path
        try Data((Self.header + "A1,Legal,Legal,Adur; Brent\n").utf8).write(to: URL(fileURLWithPath: path))

        let alone = try RegisterLoader.load(arrangements: path)
        #expect(alone.reference == .bundled)
        #expect(alone.diagnostics.isEmpty, "\(alone.diagnostics)")

        let beside = directory.appendingPathComponent("organisations.csv").path
        try Data("name,sector\nAdur District Council,council\n".utf8).write(to: URL(fileURLWithPath: beside))
        let withBeside = try RegisterLoader.load(arrangements: path)
        #expect(withBeside.reference == .file(beside))
        #expect(withBeside.diagnostics.map(\.message) == ["partners \"Brent\" is not in organisations.csv; kept, taken to be another kind of body"])

        let named = directory.appendingPathComponent("named.csv").path
        try Data("name,sector\nLondon Borough of Brent,council\nAdur District Council,council\n".utf8)
            .write(to: URL(fileURLWithPath: named))
        let withNamed = try RegisterLoader.load(arrangements: path, organisations: named)
        #expect(withNamed.reference == .file(named))
        #expect(withNamed.diagnostics.isEmpty, "\(withNamed.diagnostics)")
    }

    @Test func theHeadlineCountsOnlyListedCouncilsOutOfTheListsCouncils() throws {
        let loaded = try Self.load(
            Self.header + "A1,Legal,Legal,Adur; Worthing; Loamshire District Council; Kent Fire and Rescue Service\n"
                + "A2,Audit,Audit,Brent; Barsetshire Council\n")
        let headline = loaded.register.headline(loaded.register.allRows)
        #expect(headline.councilsKnown == 353)
        #expect(headline.councilsInvolved == 3)
        #expect(headline.unlistedInvolved == 2)
        #expect(headline.otherBodiesInvolved == 1)
        #expect(headline.organisationsInvolved == 6)
        #expect(headline.phrases()[2] == "3 of 353 councils (0.8%)")
    }

    /// The names in `"…; did you mean "A", "B" or "C"?"`.
    static func quotedNames(afterDidYouMeanIn message: String) -> [String] {
        guard let range = message.range(of: "did you mean ") else { return [] }
        return message[range.upperBound...].split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}

/// The nearest listed names to a name the list does not hold.
@Suite("Suggestions for unknown partners")
struct PartnerSuggestionTests {
    static let organisations: OrganisationTable = {
        var diagnostics: [Diagnostic] = []
        return (try? BundledOrganisations.builder(diagnostics: &diagnostics))?.organisations ?? OrganisationTable()
    }()
    static let index = NearestOrganisations(organisations)

    static func nearest(_ name: String) -> [String] {
        var scratch = NearestOrganisations.Scratch()
        return index.nearest(to: name, scratch: &scratch).map { organisations.names[Int($0)] }
    }

    @Test(arguments: [
        ("Brent", "London Borough of Brent"),
        ("Brent Council", "London Borough of Brent"),
        ("Kensington & Chelsea", "Royal Borough of Kensington and Chelsea"),
        ("Mid Devon Council", "Mid Devon District Council"),
        ("Adur", "Adur District Council"),
        ("Kent Fire and Rescue Service", "Kent Fire and Rescue Service"),
    ])
    func commonSpellingsResolveWithoutSuggestions(written: String, listed: String) throws {
        guard case .found(let id) = Self.organisations.resolve(written) else {
            Issue.record("\(written) does not resolve")
            return
        }
        #expect(Self.organisations.names[Int(id)] == listed)
    }

    @Test(arguments: [
        ("Mid Devn District Council", "Mid Devon District Council"),
        ("Wokinham", "Wokingham Borough Council"),
        ("Wokingham Borugh Council", "Wokingham Borough Council"),
        ("Kensington and Chelsey", "Royal Borough of Kensington and Chelsea"),
        ("London Borough of Bernt", "London Borough of Brent"),
        ("Hampshre Fire and Rescue", "Hampshire Fire and Rescue Service"),
        ("Herefordshire Councill", "Herefordshire Council"),
    ])
    func aMisspellingSuggestsTheNameFirst(written: String, meant: String) {
        let suggestions = Self.nearest(written)
        #expect(suggestions.first == meant, "\(written): \(suggestions)")
        #expect(suggestions.count <= 3)
    }

    /// "Brnet" is one edit from Barnet and one swap from Brent: both are offered.
    @Test func aSlipBetweenTwoRealNamesOffersBoth() {
        let suggestions = Self.nearest("Brnet")
        #expect(suggestions.contains("London Borough of Barnet"), "\(suggestions)")
        #expect(suggestions.contains("London Borough of Brent"), "\(suggestions)")
    }

    @Test func aCouncilThatDoesNotExistGetsAFewRealCouncils() {
        let suggestions = Self.nearest("Loamshire District Council")
        #expect((1...3).contains(suggestions.count), "\(suggestions)")
        for name in suggestions {
            guard let index = Self.organisations.names.firstIndex(of: name) else { continue }
            #expect(Self.organisations.sectors[index] == .council, "\(name)")
        }
    }

    @Test func aNameThatSaysItsKindIsOfferedOnlyThatKind() {
        let police = Self.nearest("Loamshire Police")
        #expect(!police.isEmpty)
        for name in police {
            guard let index = Self.organisations.names.firstIndex(of: name) else { continue }
            #expect(Self.organisations.sectors[index] == .police, "\(name)")
        }
    }

    @Test(arguments: ["Acme Widgets Ltd", "Council 17", "Zzyzx", "x", "Bath", String(repeating: "Loamshire ", count: 500)])
    func anInventedNameGetsNothingOrAFewPlausibleNames(name: String) {
        let suggestions = Self.nearest(name)
        #expect(suggestions.count <= 3, "\(name): \(suggestions)")
    }

    @Test func namesWithNothingInCommonGetNoSuggestion() {
        #expect(Self.nearest("Acme Widgets Ltd").isEmpty)
        #expect(Self.nearest("Zzyzx").isEmpty)
        #expect(Self.nearest("Council 17").isEmpty)
    }

    /// A register naming tens of thousands of unknown partners is matched quickly: the
    /// index finds candidates without going through the whole list.
    @Test func fiftyThousandUnknownNamesAreMatchedInSeconds() {
        var scratch = NearestOrganisations.Scratch()
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for number in 0..<50_000 { _ = Self.index.nearest(to: "Council \(number)", scratch: &scratch) }
        }
        #expect(elapsed < .seconds(30), "\(elapsed)")
    }
}

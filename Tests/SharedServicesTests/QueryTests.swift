import Testing

@testable import SharedServices

@Suite("Filters, look-ups and sorting over the hand-made register")
struct QueryTests {
    typealias Row = Fixture.Row

    private func rows(_ register: Register, _ configure: (inout ArrangementFilter) throws -> Void) rethrows -> [Int] {
        var filter = ArrangementFilter()
        try configure(&filter)
        return filter.matchingRows(in: register)
    }

    // MARK: The fixture itself

    @Test func fixtureLoadsCleanly() throws {
        let loaded = try Fixture.loaded()
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let register = loaded.register
        #expect(register.count == 8)
        #expect(register.organisations.count == 14)
        #expect(register.organisations.listedCouncilCount == 10)
        #expect(register.extraColumnNames == ["contact"])
        // "Brent" and "Harrow" in row 6 are the listed London boroughs, not new organisations.
        #expect(
            Fixture.partnerNames(register, Row.cafe) == [
                "London Borough of Brent", "London Borough of Harrow", "Devon County Council", "Torbay Council",
                "West Sussex County Council",
            ])
        // "procurement " is the same service as "Procurement", spelt as first seen.
        #expect(register.service(Row.southwestOne) == "Procurement")
        #expect(register.savingsToDate(Row.southwestOne) == 0)
        #expect(register.savingsToDate(Row.fireWorkingGroup) == nil)
        #expect(register.savingsToDate(Row.hoople) == nil)
    }

    // MARK: Each kind of filter alone

    @Test func emptyFilterMatchesEverything() throws {
        let register = try Fixture.register()
        let filter = ArrangementFilter()
        #expect(filter.isEmpty)
        #expect(filter.matchingRows(in: register) == Array(0..<8))
    }

    @Test func serviceAreaFilter() throws {
        let register = try Fixture.register()
        let backOffice = try register.serviceAreaID(named: "Back office")
        let management = try register.serviceAreaID(named: "Management")
        #expect(rows(register) { $0.serviceAreas = [backOffice] } == [Row.hub, Row.southwestOne])
        #expect(rows(register) { $0.serviceAreas = [backOffice, management] } == [0, 3, 4])
    }

    @Test func serviceFilter() throws {
        let register = try Fixture.register()
        let procurement = try register.serviceID(named: "Procurement")
        let trading = try register.serviceID(named: "Trading standards")
        let legal = try register.serviceID(named: "Legal services")
        #expect(rows(register) { $0.services = [procurement] } == [Row.hub, Row.southwestOne])
        #expect(rows(register) { $0.services = [legal] } == [Row.legal])
        #expect(rows(register) { $0.services = [trading, legal] } == [Row.tradingStandards, Row.legal])
    }

    @Test func regionFilter() throws {
        let register = try Fixture.register()
        let southEast = try register.regionID(named: "South East")
        let london = try register.regionID(named: "London")
        let southWest = try register.regionID(named: "South West")
        let westMidlands = try register.regionID(named: "West Midlands")
        let northWest = try register.regionID(named: "North West")  // only an organisation's region
        #expect(rows(register) { $0.regions = [southEast] } == [2, 3, 7])
        #expect(rows(register) { $0.regions = [london, southWest] } == [0, 1, 4])
        #expect(rows(register) { $0.regions = [westMidlands] } == [Row.hoople])
        #expect(rows(register) { $0.regions = [northWest] } == [])
    }

    @Test func sectorFilter() throws {
        let register = try Fixture.register()
        #expect(rows(register) { $0.sectors = [.fire] } == [Row.fireWorkingGroup])
        #expect(rows(register) { $0.sectors = [.police] } == [Row.southwestOne])
        #expect(rows(register) { $0.sectors = [.health] } == [Row.hoople])
        #expect(rows(register) { $0.sectors = [.other] } == [Row.southwestOne])
        #expect(rows(register) { $0.sectors = [.council] } == Array(0..<8))
        #expect(rows(register) { $0.sectors = [.crossSector] } == [2, 4, 5])
        #expect(rows(register) { $0.sectors = [.fire, .police] } == [2, 4])
        #expect(rows(register) { $0.sectors = [.health, .crossSector] } == [2, 4, 5])
    }

    @Test func sectorLookUp() throws {
        #expect(try SectorLookup.criterion(named: "cross sector") == .crossSector)
        #expect(try SectorLookup.criterion(named: "NHS") == .health)
        #expect(try SectorLookup.criterion(named: " Police ") == .police)
        #expect(try SectorLookup.criterion(named: "fire and rescue") == .fire)
        let error = try #require(throws: UnknownValue.self) { try SectorLookup.criterion(named: "polise") }
        #expect(error.suggestions.contains("police"))
    }

    @Test func organisationFilter() throws {
        let register = try Fixture.register()
        let torbay = try register.organisationID(named: "Torbay")
        let brent = try register.organisationID(named: "Brent")
        let adur = try register.organisationID(named: "Adur")
        let westSussex = try Fixture.organisation("West Sussex County Council", in: register)
        let cumbria = try Fixture.organisation("Cumbria County Council", in: register)
        #expect(rows(register) { $0.organisations = [torbay] } == [1, 4, 6])
        #expect(rows(register) { $0.organisations = [brent] } == [0, 6])
        #expect(rows(register) { $0.organisations = [westSussex] } == [2, 6, 7])
        #expect(rows(register) { $0.organisations = [cumbria] } == [])
        #expect(rows(register) { $0.organisations = [brent, adur] } == [0, 3, 6, 7])
    }

    /// An organisation is "in" an arrangement as a partner; a lead that is not among the
    /// partners (a data problem the loader reports) does not make it one, so the filter and
    /// the summary by organisation always agree.
    @Test func organisationFilterMatchesPartnersNotALeadOutsideThem() throws {
        let loaded = try Fixture.load(
            """
            id,name,service,partners,lead
            A,Pair,ICT,Alpha District Council; Beta District Council,Gamma District Council
            B,Other pair,ICT,Beta District Council; Delta District Council,

            """, withOrganisations: false)
        let register = loaded.register
        let gamma = try register.organisationID(named: "Gamma District Council")
        var filter = ArrangementFilter()
        filter.organisations = [gamma]
        #expect(filter.matchingRows(in: register) == [])
        let beta = try register.organisationID(named: "Beta District Council")
        filter.organisations = [beta]
        #expect(filter.matchingRows(in: register) == [0, 1])
    }

    @Test func statusFilter() throws {
        let register = try Fixture.register()
        #expect(rows(register) { $0.statuses = [.planned] } == [Row.fireWorkingGroup])
        #expect(rows(register) { $0.statuses = [.operational] } == [0, 1, 3, 5, 7])
        #expect(rows(register) { $0.statuses = [.ended, .planned] } == [2, 4])
        // Row 6 has no status and matches no status filter.
        #expect(rows(register) { $0.statuses = [.operational, .planned, .ended] } == [0, 1, 2, 3, 4, 5, 7])
    }

    @Test func statusLookUp() throws {
        #expect(try StatusLookup.status(named: "Live") == .operational)
        #expect(try StatusLookup.status(named: "proposed") == .planned)
        #expect(try StatusLookup.status(named: "CEASED") == .ended)
        let error = try #require(throws: UnknownValue.self) { try StatusLookup.status(named: "operatoinal") }
        #expect(error.suggestions.contains("operational"))
    }

    @Test func yearFilters() throws {
        let register = try Fixture.register()
        // Row 6 has no start year and never matches a year bound.
        #expect(rows(register) { $0.sinceYear = 2013 } == [0, 1, 2, 7])
        #expect(rows(register) { $0.untilYear = 2011 } == [3, 4, 5])
        #expect(rows(register) { $0.sinceYear = 2011; $0.untilYear = 2013 } == [1, 5, 7])
        #expect(rows(register) { $0.sinceYear = 2017; $0.untilYear = 2017 } == [Row.fireWorkingGroup])
        #expect(rows(register) { $0.sinceYear = 2014; $0.untilYear = 2012 } == [])
        #expect(rows(register) { $0.sinceYear = 1900 } == [0, 1, 2, 3, 4, 5, 7])
    }

    @Test func savingsBoundsNeverMatchRowsWithoutAFigure() throws {
        let register = try Fixture.register()
        #expect(rows(register) { $0.minimumSavings = 500_000 } == [0, 1, 3, 7])
        // Only the explicit £0; the two blanks (rows 2 and 5) are not £0.
        #expect(rows(register) { $0.maximumSavings = 0 } == [Row.southwestOne])
        #expect(rows(register) { $0.minimumSavings = 0 } == [0, 1, 3, 4, 6, 7])
        #expect(rows(register) { $0.minimumSavings = 1 } == [0, 1, 3, 6, 7])
        #expect(rows(register) { $0.maximumSavings = 500_000 } == [0, 4, 6, 7])
        #expect(rows(register) { $0.minimumSavings = 250_000; $0.maximumSavings = 1_000_000 } == [0, 1, 7])
        #expect(rows(register) { $0.maximumSavings = Int64.max } == [0, 1, 3, 4, 6, 7])
        #expect(rows(register) { $0.minimumSavings = Int64.min } == [0, 1, 3, 4, 6, 7])
    }

    // MARK: Text search

    @Test func searchLooksAtNameDescriptionAndPartnersIgnoringCase() throws {
        let register = try Fixture.register()
        // "HuB Procurement" and "Legal Services Hub" by name.
        #expect(rows(register) { $0.search = "hub" } == [Row.hub, Row.legal])
        // Only in a partner's name.
        #expect(rows(register) { $0.search = "CONSTABULARY" } == [Row.southwestOne])
        #expect(rows(register) { $0.search = "wye valley" } == [Row.hoople])
        // Name (row 1) and partners (rows 1 and 4).
        #expect(rows(register) { $0.search = "Somerset" } == [1, 4])
        // In the description and a partner's name of row 5 only.
        #expect(rows(register) { $0.search = "nhs" } == [Row.hoople])
        // Not in row 0's name, description or partners ("London Borough of …").
        #expect(rows(register) { $0.search = "council" } == [1, 2, 3, 4, 5, 6, 7])
        // Surrounding spaces are ignored.
        #expect(rows(register) { $0.search = "  harrow  " } == [Row.hub, Row.cafe])
        #expect(rows(register) { $0.search = "no such words" } == [])
        // The service column is not searched: row 4's service is "procurement" but its
        // name, description and partners do not say so.
        #expect(rows(register) { $0.search = "procurement" } == [Row.hub])
    }

    @Test func searchIgnoresAccents() throws {
        let register = try Fixture.register()
        #expect(rows(register) { $0.search = "cafe" } == [Row.cafe])
        #expect(rows(register) { $0.search = "CAFÉ" } == [Row.cafe])
        #expect(rows(register) { $0.search = "cafes" } == [Row.cafe])
        #expect(rows(register) { $0.search = "ynys mon" } == [Row.cafe])
        #expect(rows(register) { $0.search = "Ynys Môn" } == [Row.cafe])
        #expect(TextSearch.fold("Ynys Môn") == "ynys mon")
        #expect(TextSearch.fold("CAFÉ Culture") == "cafe culture")
    }

    @Test func searchDoesNotMatchAcrossNameAndDescription() throws {
        let register = try Fixture.register()
        // Row 0's name ends "Procurement" and its description starts "Shared".
        #expect(rows(register) { $0.search = "procurement shared" } == [])
    }

    // MARK: Combinations

    @Test func filtersCombineWithAnd() throws {
        let register = try Fixture.register()
        let backOffice = try register.serviceAreaID(named: "Back office")
        let southWest = try register.regionID(named: "South West")
        let southEast = try register.regionID(named: "South East")
        let legal = try register.serviceID(named: "Legal services")
        let westSussex = try Fixture.organisation("West Sussex County Council", in: register)

        #expect(rows(register) { $0.serviceAreas = [backOffice]; $0.regions = [southWest] } == [Row.southwestOne])
        #expect(rows(register) { $0.sectors = [.crossSector]; $0.statuses = [.operational] } == [Row.hoople])
        #expect(rows(register) { $0.sinceYear = 2010; $0.minimumSavings = 500_000 } == [0, 1, 7])
        #expect(rows(register) { $0.search = "council"; $0.regions = [southEast] } == [2, 3, 7])
        #expect(rows(register) { $0.organisations = [westSussex]; $0.sectors = [.fire] } == [Row.fireWorkingGroup])
        #expect(rows(register) { $0.statuses = [.operational]; $0.maximumSavings = 500_000 } == [0, 7])
        #expect(rows(register) { $0.search = "hub"; $0.services = [legal] } == [Row.legal])
        #expect(
            rows(register) {
                $0.serviceAreas = [backOffice]
                $0.sectors = [.police]
                $0.sinceYear = 2007
                $0.untilYear = 2007
                $0.maximumSavings = 0
                $0.search = "southwest"
            } == [Row.southwestOne])
    }

    @Test func matchingRowsAmongKeepsTheOrderGiven() throws {
        let register = try Fixture.register()
        var filter = ArrangementFilter()
        filter.minimumSavings = 500_000
        #expect(filter.matchingRows(in: register, among: [7, 0, 3]) == [7, 0, 3])
        #expect(filter.matchingRows(in: register, among: [2, 5, 6]) == [])
        #expect(filter.matchingRows(in: register, among: (0..<8).reversed()) == [7, 3, 1, 0])

        var region = ArrangementFilter()
        region.regions = [try register.regionID(named: "South East")]
        #expect(region.matchingRows(in: register, among: [7, 0, 3]) == [7, 3])
        #expect(ArrangementFilter().matchingRows(in: register, among: [5, 1]) == [5, 1])
    }

    @Test func narrowingASearchGivesTheSameAsSearchingEverything() throws {
        let register = try Fixture.register()
        var filter = ArrangementFilter()
        filter.search = "west"
        let first = filter.matchingRows(in: register)
        #expect(first == [2, 4, 6, 7])
        filter.search = "west s"
        let narrowed = filter.matchingRows(in: register, among: first)
        #expect(narrowed == [2, 6, 7])
        #expect(narrowed == filter.matchingRows(in: register))
    }

    // MARK: Value look-ups

    @Test func lookUpsForgiveCaseSpacingAndPunctuation() throws {
        let register = try Fixture.register()
        let trading = try register.serviceID(named: "Trading standards")
        #expect(register.services[trading] == "Trading standards")
        #expect(try register.serviceID(named: "trading STANDARDS") == trading)
        #expect(try register.serviceID(named: "  trading   standards ") == trading)
        let backOffice = try register.serviceAreaID(named: "back office")
        #expect(register.serviceAreas[backOffice] == "Back office")
        #expect(try register.serviceAreaID(named: "Back-office") == backOffice)
        let southWest = try register.regionID(named: "south west")
        #expect(register.regions[southWest] == "South West")
    }

    @Test func misspeltServiceSuggestsTheRightOne() throws {
        let register = try Fixture.register()
        let error = try #require(throws: UnknownValue.self) { try register.serviceID(named: "Procurment") }
        #expect(error.kind == "service")
        #expect(error.value == "Procurment")
        #expect(error.suggestions.contains("Procurement"))
        #expect(error.description.hasPrefix("no service is called \"Procurment\"; nearest: "))

        let trading = try #require(throws: UnknownValue.self) { try register.serviceID(named: "Trading standrds") }
        #expect(trading.suggestions.first == "Trading standards")
    }

    @Test func misspeltServiceAreaAndRegionSuggestTheRightOnes() throws {
        let register = try Fixture.register()
        let area = try #require(throws: UnknownValue.self) { try register.serviceAreaID(named: "Managment") }
        #expect(area.kind == "service area")
        #expect(area.suggestions.contains("Management"))
        let region = try #require(throws: UnknownValue.self) { try register.regionID(named: "Sout West") }
        #expect(region.kind == "region")
        #expect(region.suggestions.contains("South West"))
    }

    @Test func unrelatedWordsGetNoSuggestions() throws {
        let register = try Fixture.register()
        let error = try #require(throws: UnknownValue.self) { try register.serviceID(named: "Zzzz") }
        #expect(error.suggestions.isEmpty)
        #expect(error.description == "no service is called \"Zzzz\"")
    }

    @Test func organisationsByAnyCommonSpelling() throws {
        let register = try Fixture.register()
        let brent = try Fixture.organisation("London Borough of Brent", in: register)
        #expect(try register.organisationID(named: "Brent") == brent)
        #expect(try register.organisationID(named: "brent") == brent)
        #expect(try register.organisationID(named: "London Borough of Brent") == brent)
        #expect(try register.organisationID(named: "Brent Council") == brent)
        let constabulary = try Fixture.organisation("Avon and Somerset Constabulary", in: register)
        #expect(try register.organisationID(named: "Avon and Somerset Police") == constabulary)
        // Part of one name only.
        let wyeValley = try Fixture.organisation("Wye Valley NHS Trust", in: register)
        #expect(try register.organisationID(named: "wye valley") == wyeValley)
        let somerset = try Fixture.organisation("Somerset County Council", in: register)
        #expect(try register.organisationID(named: "Somerset") == somerset)
    }

    @Test func organisationInSeveralNamesListsThem() throws {
        let register = try Fixture.register()
        let error = try #require(throws: UnknownValue.self) { try register.organisationID(named: "Sussex") }
        #expect(error.kind == "organisation")
        #expect(
            Set(error.suggestions) == ["West Sussex County Council", "West Sussex Fire and Rescue Service"])
    }

    @Test func misspeltOrganisationSuggestsTheRightOne() throws {
        let register = try Fixture.register()
        let error = try #require(throws: UnknownValue.self) { try register.organisationID(named: "Harow") }
        #expect(error.suggestions.contains("London Borough of Harrow"), "\(error)")
    }

    @Test func rowByID() throws {
        let register = try Fixture.register()
        #expect(register.row(withID: "R3") == Row.hub)
        #expect(register.row(withID: "r3") == Row.hub)
        #expect(register.row(withID: "x1") == Row.southwestOne)
        #expect(register.row(withID: "X1") == Row.southwestOne)
        #expect(register.row(withID: "R9") == nil)
    }

    // MARK: Sorting

    /// Hand-sorted orders of all rows, ascending and descending, for every column.
    /// Ties keep register order; rows with no value come last either way.
    static let expectedOrders: [SortColumn: (ascending: [Int], descending: [Int])] = [
        // r1, r2, r3, r4, x1, x2, x3, x4: compared ignoring case.
        .id: ([1, 3, 0, 5, 4, 2, 6, 7], [7, 6, 2, 4, 5, 0, 3, 1]),
        // adur, café, devon, hoople, hub, legal, southwest, west: ignoring case and accents.
        .name: ([3, 6, 1, 5, 0, 7, 4, 2], [2, 4, 7, 0, 5, 1, 6, 3]),
        // Back office (0, 4), Community safety, Culture and leisure, Health…, Management,
        // Regulatory services, then row 7 with none.
        .serviceArea: ([0, 4, 2, 6, 5, 3, 1, 7], [1, 3, 5, 6, 2, 0, 4, 7]),
        // Fire…, Integrated…, Legal services, Procurement (0, 4), Shared management,
        // Trading standards, then row 6 with none.
        .service: ([2, 5, 7, 0, 4, 3, 1, 6], [1, 3, 0, 4, 7, 5, 2, 6]),
        // Counts 2, 3, 2, 2, 4, 2, 5, 3.
        .partners: ([0, 2, 3, 5, 1, 7, 4, 6], [6, 4, 1, 7, 0, 2, 3, 5]),
        // adur, devon, herefordshire, london borough of harrow, somerset, west sussex; 6 and 7 have none.
        .lead: ([3, 1, 5, 0, 4, 2, 6, 7], [2, 4, 0, 5, 1, 3, 6, 7]),
        // London, South East (2, 3, 7), South West (1, 4), West Midlands; row 6 has none.
        .region: ([0, 2, 3, 7, 1, 4, 5, 6], [5, 1, 4, 2, 3, 7, 0, 6]),
        // 2007, 2008, 2011, 2013 (1, 7), 2016, 2017; row 6 has none.
        .startYear: ([4, 3, 5, 1, 7, 0, 2, 6], [2, 0, 1, 7, 5, 3, 4, 6]),
        // operational < planned < ended; row 6 has none.
        .status: ([0, 1, 3, 5, 7, 2, 4, 6], [4, 2, 0, 1, 3, 5, 7, 6]),
        // 0, 125,555, 500,000 (0, 7), 1m, 17m; rows 2 and 5 not reported.
        .savingsToDate: ([4, 6, 0, 7, 1, 3, 2, 5], [3, 1, 0, 7, 6, 4, 2, 5]),
        // 50,000 (6, 7), 150,000, 200,000, 3m; rows 0, 2 and 4 not reported.
        .savingsLatestYear: ([6, 7, 5, 1, 3, 0, 2, 4], [3, 1, 5, 6, 7, 0, 2, 4]),
        // reported < illustrative; row 6 has none.
        .provenance: ([0, 1, 3, 5, 2, 4, 7, 6], [2, 4, 7, 0, 1, 3, 5, 6]),
    ]

    @Test func everyColumnHasAnExpectedOrder() {
        #expect(Set(Self.expectedOrders.keys) == Set(SortColumn.sortable))
    }

    @Test(arguments: SortColumn.sortable)
    func sortsByEveryColumnBothWays(column: SortColumn) throws {
        let register = try Fixture.register()
        let expected = try #require(Self.expectedOrders[column])
        #expect(register.sorted(register.allRows, by: column) == expected.ascending, "\(column) ascending")
        #expect(
            register.sorted(register.allRows, by: column, descending: true) == expected.descending,
            "\(column) descending")
    }

    @Test func sortIsStableForTiesInBothDirections() throws {
        let register = try Fixture.register()
        // Rows 7 and 0 both saved £500,000: the order given is kept.
        #expect(register.sorted([7, 0, 3, 1], by: .savingsToDate) == [7, 0, 1, 3])
        #expect(register.sorted([7, 0, 3, 1], by: .savingsToDate, descending: true) == [3, 1, 7, 0])
        #expect(register.sorted([0, 7], by: .savingsToDate, descending: true) == [0, 7])
        // Both started in 2013.
        #expect(register.sorted([7, 1], by: .startYear) == [7, 1])
        #expect(register.sorted([7, 1], by: .startYear, descending: true) == [7, 1])
        // Both "Procurement".
        #expect(register.sorted([4, 0], by: .service) == [4, 0])
        #expect(register.sorted([4, 0], by: .service, descending: true) == [4, 0])
        let reversed = Array(register.allRows.reversed())
        #expect(register.sorted(reversed, by: .status) == [7, 5, 3, 1, 0, 2, 4, 6])
        #expect(register.sorted(reversed, by: .status, descending: true) == [4, 2, 7, 5, 3, 1, 0, 6])
    }

    @Test func missingValuesGoLastInBothDirections() throws {
        let register = try Fixture.register()
        // Rows 2 and 5 report nothing; row 4 an explicit £0.
        #expect(register.sorted([2, 5, 4], by: .savingsToDate) == [4, 2, 5])
        #expect(register.sorted([2, 5, 4], by: .savingsToDate, descending: true) == [4, 2, 5])
        #expect(register.sorted([5, 2, 4], by: .savingsToDate) == [4, 5, 2])
        #expect(register.sorted([6, 3], by: .startYear) == [3, 6])
        #expect(register.sorted([6, 3], by: .startYear, descending: true) == [3, 6])
        #expect(register.sorted([7, 6], by: .lead, descending: true) == [7, 6])
        #expect(register.sorted([], by: .name) == [])
    }

    @Test func leadSortIgnoresAccentsAsNameSortDoes() throws {
        let loaded = try Fixture.load(
            """
            id,name,service,partners,lead
            A,Étaples pair,ICT,Étaples Council; Dover District Council,Étaples Council
            B,Eton pair,ICT,Eton Town Council; Dover District Council,Eton Town Council
            C,Dover pair,ICT,Dover District Council; Eton Town Council,Dover District Council

            """, withOrganisations: false)
        let register = loaded.register
        // Names sort as "dover pair", "etaples pair", "eton pair": accents ignored.
        #expect(register.sorted(register.allRows, by: .name).map(register.id) == ["C", "A", "B"])
        // Leads should sort the same way: Dover, Étaples, Eton.
        #expect(register.sorted(register.allRows, by: .lead).map(register.id) == ["C", "A", "B"])
        #expect(register.sorted(register.allRows, by: .lead, descending: true).map(register.id) == ["B", "A", "C"])
    }

    @Test func sortColumnNames() {
        #expect(SortColumn(sortName: "savings") == .savingsToDate)
        #expect(SortColumn(sortName: "Savings To Date") == .savingsToDate)
        #expect(SortColumn(sortName: "start") == .startYear)
        #expect(SortColumn(sortName: "year") == .startYear)
        #expect(SortColumn(sortName: "service-area") == .serviceArea)
        #expect(SortColumn(sortName: "partner count") == .partners)
        #expect(SortColumn(sortName: "savings_latest_year") == .savingsLatestYear)
        #expect(SortColumn(sortName: "colour") == nil)
        for column in SortColumn.sortable {
            #expect(SortColumn(sortName: column.rawValue) == column)
        }
    }
}

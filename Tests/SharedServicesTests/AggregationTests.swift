import Testing

@testable import SharedServices

@Suite("Summaries and headline figures over the hand-made register")
struct AggregationTests {
    typealias Row = Fixture.Row

    /// What a group should hold, worked by hand from the fixture.
    struct Expected: CustomStringConvertible {
        var label: String
        var count: Int
        var withFigure: Int
        var total: Int64
        var mean: Int64?

        var description: String { "\(label): \(count)/\(withFigure) £\(total) mean \(String(describing: mean))" }
    }

    private func check(_ groups: [GroupSummary], _ expected: [Expected], grandTotal: Int64 = Fixture.totalSavings) {
        #expect(groups.map(\.label) == expected.map(\.label))
        for (group, want) in zip(groups, expected) {
            #expect(group.count == want.count, "\(want.label) count")
            #expect(group.countWithFigure == want.withFigure, "\(want.label) countWithFigure")
            #expect(group.countWithoutFigure == want.count - want.withFigure, "\(want.label) countWithoutFigure")
            #expect(group.total == want.total, "\(want.label) total")
            #expect(group.mean == want.mean, "\(want.label) mean")
            let share = grandTotal > 0 ? Double(want.total) / Double(grandTotal) : 0
            #expect(abs(group.shareOfTotal - share) < 1e-12, "\(want.label) shareOfTotal")
        }
    }

    // MARK: Each dimension

    @Test func byServiceArea() throws {
        let register = try Fixture.register()
        let groups = register.summarise(register.allRows, by: .serviceArea)
        check(
            groups,
            [
                Expected(label: "Management", count: 1, withFigure: 1, total: 17_000_000, mean: 17_000_000),
                Expected(label: "Regulatory services", count: 1, withFigure: 1, total: 1_000_000, mean: 1_000_000),
                // 500,000 and an explicit £0: two figures, mean and median 250,000.
                Expected(label: "Back office", count: 2, withFigure: 2, total: 500_000, mean: 250_000),
                // Row 7 has a service but no service area; same total as Back office, fewer rows.
                Expected(label: "(not recorded)", count: 1, withFigure: 1, total: 500_000, mean: 500_000),
                Expected(label: "Culture and leisure", count: 1, withFigure: 1, total: 125_555, mean: 125_555),
                // No figure reported: no mean or median, not £0.
                Expected(label: "Community safety", count: 1, withFigure: 0, total: 0, mean: nil),
                Expected(label: "Health and social care", count: 1, withFigure: 0, total: 0, mean: nil),
            ])
        let backOffice = try register.serviceAreaID(named: "Back office")
        #expect(groups[2].key == .value(backOffice))
        #expect(groups[3].key == .notRecorded)
    }

    @Test func byService() throws {
        let register = try Fixture.register()
        let groups = register.summarise(register.allRows, by: .service)
        check(
            groups,
            [
                Expected(label: "Shared management", count: 1, withFigure: 1, total: 17_000_000, mean: 17_000_000),
                Expected(label: "Trading standards", count: 1, withFigure: 1, total: 1_000_000, mean: 1_000_000),
                // "Procurement" and "procurement " are one service.
                Expected(label: "Procurement", count: 2, withFigure: 2, total: 500_000, mean: 250_000),
                Expected(label: "Legal services", count: 1, withFigure: 1, total: 500_000, mean: 500_000),
                Expected(label: "(not recorded)", count: 1, withFigure: 1, total: 125_555, mean: 125_555),
                Expected(label: "Fire and rescue collaboration", count: 1, withFigure: 0, total: 0, mean: nil),
                Expected(label: "Integrated health and social care", count: 1, withFigure: 0, total: 0, mean: nil),
            ])
        #expect(groups[2].key == .value(try register.serviceID(named: "Procurement")))
    }

    @Test func byRegion() throws {
        let register = try Fixture.register()
        let groups = register.summarise(register.allRows, by: .region)
        check(
            groups,
            [
                // Rows 2 (no figure), 3 (17m) and 7 (500k): mean and median of the two figures.
                Expected(label: "South East", count: 3, withFigure: 2, total: 17_500_000, mean: 8_750_000),
                // Rows 1 (1m) and 4 (£0).
                Expected(label: "South West", count: 2, withFigure: 2, total: 1_000_000, mean: 500_000),
                Expected(label: "London", count: 1, withFigure: 1, total: 500_000, mean: 500_000),
                Expected(label: "(not recorded)", count: 1, withFigure: 1, total: 125_555, mean: 125_555),
                Expected(label: "West Midlands", count: 1, withFigure: 0, total: 0, mean: nil),
            ])
        // "North West" is only an organisation's region: no arrangement, no group.
        #expect(!groups.contains { $0.label == "North West" })
    }

    @Test func byYear() throws {
        let register = try Fixture.register()
        let groups = register.summarise(register.allRows, by: .year)
        check(
            groups,
            [
                Expected(label: "2008", count: 1, withFigure: 1, total: 17_000_000, mean: 17_000_000),
                Expected(label: "2013", count: 2, withFigure: 2, total: 1_500_000, mean: 750_000),
                Expected(label: "2016", count: 1, withFigure: 1, total: 500_000, mean: 500_000),
                Expected(label: "(not recorded)", count: 1, withFigure: 1, total: 125_555, mean: 125_555),
                Expected(label: "2007", count: 1, withFigure: 1, total: 0, mean: 0),
                Expected(label: "2011", count: 1, withFigure: 0, total: 0, mean: nil),
                Expected(label: "2017", count: 1, withFigure: 0, total: 0, mean: nil),
            ])
        #expect(groups[1].key == .value(2013))
        #expect(groups[3].key == .notRecorded)
    }

    @Test func byStatus() throws {
        let register = try Fixture.register()
        let groups = register.summarise(register.allRows, by: .status)
        check(
            groups,
            [
                // Rows 0, 1, 3, 5, 7: figures 500k, 1m, 17m, 500k (row 5 none); total 19m,
                // mean 4.75m, median of four = (500k + 1m) / 2.
                Expected(label: "operational", count: 5, withFigure: 4, total: 19_000_000, mean: 4_750_000),
                Expected(label: "(not recorded)", count: 1, withFigure: 1, total: 125_555, mean: 125_555),
                Expected(label: "ended", count: 1, withFigure: 1, total: 0, mean: 0),
                Expected(label: "planned", count: 1, withFigure: 0, total: 0, mean: nil),
            ])
        #expect(groups[0].key == .value(Int32(Status.operational.rawValue)))
    }

    @Test func bySector() throws {
        let register = try Fixture.register()
        let groups = register.summarise(register.allRows, by: .sector)
        check(
            groups,
            [
                // Every row has a council partner. Six figures sum to 19,125,555: mean 3,187,592.5
                // rounds half up to 3,187,593; median of 0, 125,555, 500k, 500k, 1m, 17m is 500k.
                Expected(label: "Councils", count: 8, withFigure: 6, total: 19_125_555, mean: 3_187_593),
                // A reported £0 ranks above no figure at all: not reported is not £0.
                Expected(label: "Other bodies", count: 1, withFigure: 1, total: 0, mean: 0),
                Expected(label: "Police", count: 1, withFigure: 1, total: 0, mean: 0),
                Expected(label: "Fire and rescue", count: 1, withFigure: 0, total: 0, mean: nil),
                Expected(label: "Health", count: 1, withFigure: 0, total: 0, mean: nil),
            ])
        #expect(groups[0].shareOfTotal == 1)
        #expect(groups[3].key == .value(Int32(Sector.fire.rawValue)))
        #expect(Dimension.sector.isMultiValued)
    }

    @Test func byOrganisation() throws {
        let register = try Fixture.register()
        let groups = register.summarise(register.allRows, by: .organisation)
        check(
            groups,
            [
                // Rows 3 and 7.
                Expected(label: "Adur District Council", count: 2, withFigure: 2, total: 17_500_000, mean: 8_750_000),
                Expected(label: "Worthing Borough Council", count: 2, withFigure: 2, total: 17_500_000, mean: 8_750_000),
                // Rows 1, 4, 6: 1m + 0 + 125,555; odd count, median the middle figure.
                Expected(label: "Torbay Council", count: 3, withFigure: 3, total: 1_125_555, mean: 375_185),
                // Rows 1 and 6: 1,125,555 / 2 = 562,777.5, rounded half up.
                Expected(label: "Devon County Council", count: 2, withFigure: 2, total: 1_125_555, mean: 562_778),
                Expected(label: "Somerset County Council", count: 2, withFigure: 2, total: 1_000_000, mean: 500_000),
                // Rows 2 (no figure), 6 and 7.
                Expected(label: "West Sussex County Council", count: 3, withFigure: 2, total: 625_555, mean: 312_778),
                Expected(label: "London Borough of Brent", count: 2, withFigure: 2, total: 625_555, mean: 312_778),
                Expected(label: "London Borough of Harrow", count: 2, withFigure: 2, total: 625_555, mean: 312_778),
                Expected(label: "Avon and Somerset Constabulary", count: 1, withFigure: 1, total: 0, mean: 0),
                Expected(label: "IBM UK Ltd", count: 1, withFigure: 1, total: 0, mean: 0),
                Expected(label: "Herefordshire Council", count: 1, withFigure: 0, total: 0, mean: nil),
                Expected(label: "West Sussex Fire and Rescue Service", count: 1, withFigure: 0, total: 0, mean: nil),
                Expected(label: "Wye Valley NHS Trust", count: 1, withFigure: 0, total: 0, mean: nil),
            ])
        // Cumbria is in no arrangement.
        #expect(!groups.contains { $0.label == "Cumbria County Council" })
        let torbay = try Fixture.organisation("Torbay Council", in: register)
        #expect(groups[2].key == .value(torbay))
        // An arrangement counts for each of its partners, so shares add up to more than 1.
        #expect(groups.map(\.shareOfTotal).reduce(0, +) > 1)
    }

    @Test func groupsWithNoPartnersAreNotRecorded() throws {
        let loaded = try Fixture.load(
            """
            id,name,service,partners,savings_to_date
            A,Nobody yet,ICT,,1000
            B,Two councils,ICT,Adur District Council; Worthing Borough Council,3000

            """)
        let register = loaded.register
        #expect(register.count == 2)
        let sectors = register.summarise(register.allRows, by: .sector)
        check(
            sectors,
            [
                Expected(label: "Councils", count: 1, withFigure: 1, total: 3_000, mean: 3_000),
                Expected(label: "(not recorded)", count: 1, withFigure: 1, total: 1_000, mean: 1_000),
            ], grandTotal: 4_000)
        let organisations = register.summarise(register.allRows, by: .organisation)
        check(
            organisations,
            [
                Expected(label: "Adur District Council", count: 1, withFigure: 1, total: 3_000, mean: 3_000),
                Expected(label: "Worthing Borough Council", count: 1, withFigure: 1, total: 3_000, mean: 3_000),
                Expected(label: "(not recorded)", count: 1, withFigure: 1, total: 1_000, mean: 1_000),
            ], grandTotal: 4_000)
    }

    /// Choosing a group becomes a filter (`GroupKey`): the filter must find the group's rows.
    private func expectGroupsMatchFilters(_ register: Register) {
        let groups = register.summarise(register.allRows, by: .organisation)
        for group in groups {
            guard case .value(let id) = group.key else { continue }
            var filter = ArrangementFilter()
            filter.organisations = [id]
            #expect(filter.matchingRows(in: register).count == group.count, "\(group.label)")
        }
        for id in 0..<Int32(register.organisations.count) {
            var filter = ArrangementFilter()
            filter.organisations = [id]
            let found = filter.matchingRows(in: register)
            if !found.isEmpty {
                let group = groups.first { $0.key == .value(id) }
                #expect(
                    group?.count == found.count,
                    "\(register.organisations.names[Int(id)]): filter finds \(found.count), group has \(group?.count ?? 0)")
            }
        }
    }

    @Test func organisationGroupsMatchTheOrganisationFilter() throws {
        expectGroupsMatchFilters(try Fixture.register())
    }

    @Test func organisationGroupsMatchTheFilterWhenTheLeadIsNotAPartner() throws {
        // The lead of row A is not among its partners (a warning, but the row is kept).
        let loaded = try Fixture.load(
            """
            id,name,service,partners,lead,savings_to_date
            A,Hosted,ICT,Adur District Council; Worthing Borough Council,West Sussex County Council,1000
            B,Pair,ICT,Adur District Council; Worthing Borough Council,Adur District Council,2000

            """)
        #expect(loaded.errorCount == 0)
        expectGroupsMatchFilters(loaded.register)
    }

    // MARK: Ordering by metric

    @Test func orderedByCountThenLabel() throws {
        let register = try Fixture.register()
        let groups = register.summarise(register.allRows, by: .status, metric: .count)
        // operational (5), then three groups of one by label: "(" sorts before letters.
        #expect(groups.map(\.label) == ["operational", "(not recorded)", "ended", "planned"])
    }

    @Test func orderedByMeanWithNoFigureLast() throws {
        let register = try Fixture.register()
        let groups = register.summarise(register.allRows, by: .sector, metric: .mean)
        // Councils 3,187,593; Other bodies and Police £0 (by label); Fire and Health have no mean.
        #expect(groups.map(\.label) == ["Councils", "Other bodies", "Police", "Fire and rescue", "Health"])
        #expect(groups.map { $0.value(of: .mean) } == [3_187_593, 0, 0, nil, nil])
    }

    @Test func orderedByMeanAcrossYears() throws {
        let register = try Fixture.register()
        let groups = register.summarise(register.allRows, by: .year, metric: .mean)
        // Means: 2008 17m, 2013 750k, 2016 500k, none 125,555, 2007 £0, then 2011 and 2017 with no figure.
        #expect(groups.map(\.label) == ["2008", "2013", "2016", "(not recorded)", "2007", "2011", "2017"])
    }

    @Test func orderedByCountAcrossOrganisations() throws {
        let register = try Fixture.register()
        let groups = register.summarise(register.allRows, by: .organisation, metric: .count)
        #expect(
            Array(groups.prefix(8).map(\.label)) == [
                "Torbay Council", "West Sussex County Council",  // 3 each, by label
                "Adur District Council", "Devon County Council", "London Borough of Brent",
                "London Borough of Harrow", "Somerset County Council", "Worthing Borough Council",  // 2 each
            ])
    }

    @Test func summaryOfNoRowsIsEmpty() throws {
        let register = try Fixture.register()
        #expect(register.summarise([], by: .region).isEmpty)
    }

    // MARK: Rounding

    /// The group of `rows` with a savings figure, and the group without.
    private func byFigure(_ register: Register, _ rows: [Int]) -> (reported: GroupSummary?, missing: GroupSummary?) {
        let groups = register.summarise(rows, by: .figure)
        return (
            groups.first { $0.key == .value(Int32(SavingsFigure.reported.rawValue)) },
            groups.first { $0.key == .value(Int32(SavingsFigure.missing.rawValue)) }
        )
    }

    @Test func meanRounding() throws {
        let register = try Fixture.register()
        // Rows 4, 6, 7: 0 + 125,555 + 500,000 = 625,555; / 3 = 208,518.33 → 208,518 (down).
        let down = try #require(byFigure(register, [4, 6, 7]).reported)
        #expect(down.mean == 208_518)
        #expect(down.shareOfTotal == 1)
        // Rows 4, 6, 1: 1,125,555 / 3 = 375,185 exactly.
        #expect(byFigure(register, [4, 6, 1]).reported?.mean == 375_185)
        // Rows 0, 1, 6: 1,625,555 / 3 = 541,851.67 → 541,852 (up).
        #expect(byFigure(register, [0, 1, 6]).reported?.mean == 541_852)
        // Rows 4 and 6: 0 and 125,555; 62,777.5 → 62,778 (half up).
        #expect(byFigure(register, [4, 6]).reported?.mean == 62_778)
    }

    @Test func negativeFiguresRoundHalfAwayFromZero() throws {
        let loaded = try Fixture.load(
            """
            id,name,service,partners,savings_to_date
            A,Net cost,ICT,Adur District Council; Worthing Borough Council,-5
            B,Break even,ICT,Adur District Council; Worthing Borough Council,0

            """)
        let register = loaded.register
        #expect(register.savingsToDate(0) == -5)
        let summary = try #require(byFigure(register, [0, 1]).reported)
        // (-5 + 0) / 2 = -2.5 → -3.
        #expect(summary.mean == -3)
        #expect(summary.total == -5)
        #expect(summary.shareOfTotal == 0)
    }

    // MARK: Not reported is not £0

    @Test func blankFigureCountsAsAnArrangementButNotAsAFigure() throws {
        let register = try Fixture.register()
        let blank = try #require(byFigure(register, [Row.fireWorkingGroup]).missing)
        #expect(blank.count == 1)
        #expect(blank.countWithFigure == 0)
        #expect(blank.countWithoutFigure == 1)
        #expect(blank.total == 0)
        #expect(blank.mean == nil)
        #expect(blank.value(of: .total) == nil, "no figure is not £0")
        #expect(blank.valueText(.total) == "—")
        #expect(blank.valueText(.mean) == "—")

        let zero = try #require(byFigure(register, [Row.southwestOne]).reported)
        #expect(zero.count == 1)
        #expect(zero.countWithFigure == 1)
        #expect(zero.countWithoutFigure == 0)
        #expect(zero.total == 0)
        #expect(zero.mean == 0)
        #expect(zero.valueText(.total) == "£0")

        // Row 2 (blank) with row 7 (500k): the mean is 500k, not 250k.
        let mixed = register.summarise([Row.fireWorkingGroup, Row.legal], by: .sector, metric: .mean)
        let councils = try #require(mixed.first { $0.key == .value(Int32(Sector.council.rawValue)) })
        #expect(councils.count == 2)
        #expect(councils.countWithFigure == 1)
        #expect(councils.mean == 500_000)
        #expect(councils.countText(.mean) == "1 of 2 reported")
        #expect(councils.countText(.total) == "2 (1 n/r)")

        // Row 4 (£0) with row 7 (500k): the £0 does count.
        let withZero = try #require(byFigure(register, [Row.southwestOne, Row.legal]).reported)
        #expect(withZero.countWithFigure == 2)
        #expect(withZero.mean == 250_000)

        #expect(register.totalSavings(register.allRows) == Fixture.totalSavings)
        #expect(register.totalSavings([Row.fireWorkingGroup, Row.hoople]) == 0)
    }

    // MARK: Headline

    @Test func headlineOfEverything() throws {
        let register = try Fixture.register()
        let headline = register.headline(register.allRows)
        #expect(headline.arrangements == 8)
        #expect(headline.withFigure == 6)
        #expect(headline.withoutFigure == 2)
        #expect(headline.totalSavings == 19_125_555)
        // Every organisation listed but Cumbria.
        #expect(headline.organisationsInvolved == 13)
        // Brent, Harrow, Devon, Somerset, Torbay, West Sussex, Adur, Worthing, Herefordshire.
        #expect(headline.councilsInvolved == 9)
        #expect(headline.councilsKnown == 10)
        #expect(headline.otherBodiesInvolved == 4)
        #expect(headline.councilShare == 0.9)
    }

    @Test func headlineOfSomeRows() throws {
        let register = try Fixture.register()
        // Row 2 (no figure): West Sussex CC and its fire service; row 4 (£0): Somerset CC,
        // the constabulary, IBM and Torbay.
        let headline = register.headline([Row.fireWorkingGroup, Row.southwestOne])
        #expect(headline.arrangements == 2)
        #expect(headline.withFigure == 1)
        #expect(headline.withoutFigure == 1)
        #expect(headline.totalSavings == 0)
        #expect(headline.organisationsInvolved == 6)
        #expect(headline.councilsInvolved == 3)
        #expect(headline.councilsKnown == 10)
        #expect(headline.otherBodiesInvolved == 3)
        #expect(headline.councilShare == 0.3)
    }

    @Test func headlineOfNothing() throws {
        let register = try Fixture.register()
        let headline = register.headline([])
        #expect(headline.arrangements == 0)
        #expect(headline.withFigure == 0)
        #expect(headline.withoutFigure == 0)
        #expect(headline.totalSavings == 0)
        #expect(headline.organisationsInvolved == 0)
        #expect(headline.councilsInvolved == 0)
        #expect(headline.councilsKnown == 10)
        #expect(headline.councilShare == 0)
    }

    @Test func headlineWithoutAnOrganisationsFileCountsTheBundledListsCouncils() throws {
        let loaded = try Fixture.load(
            """
            id,name,service,partners,savings_to_date
            A,Fire and council,Emergency planning,Adur District Council; West Sussex Fire and Rescue Service,
            B,Two councils,ICT,Adur District Council; Alpha District Council,0

            """, withOrganisations: false)
        let headline = loaded.register.headline(loaded.register.allRows)
        #expect(headline.arrangements == 2)
        #expect(headline.withFigure == 1)
        #expect(headline.withoutFigure == 1)
        #expect(headline.organisationsInvolved == 3)
        // Alpha District Council is in no list: not a council the headline counts.
        #expect(headline.councilsInvolved == 1)
        #expect(headline.unlistedInvolved == 1)
        #expect(headline.otherBodiesInvolved == 1)
        #expect(headline.councilsKnown == 353)
        #expect(headline.phrases()[2] == "1 of 353 councils (0.3%)")
    }

    @Test func headlineWithAListOfNoCouncilsCountsCouncilsByTheirNames() throws {
        let loaded = try RegisterLoader.load(
            arrangementBytes: Array(
                """
                id,name,service,partners
                A,Fire and council,Emergency planning,Alpha District Council; Beta Fire and Rescue Service
                B,Two councils,ICT,Alpha District Council; Gamma Borough Council; Acme Ltd

                """.utf8),
            file: "extra.csv", organisationBytes: Array("name,sector\nBeta Fire and Rescue Service,fire\n".utf8),
            organisationsFile: "fire.csv")
        let headline = loaded.register.headline(loaded.register.allRows)
        #expect(headline.organisationsInvolved == 4)
        // The list holds no council to check them against, so they are taken at their word.
        #expect(headline.councilsInvolved == 2)
        #expect(headline.councilsKnown == 0)
        #expect(headline.councilShare == nil)
        #expect(headline.otherBodiesInvolved == 1)
        #expect(headline.unlistedInvolved == 1)
        #expect(headline.phrases()[2] == "2 councils")
    }

    @Test("split across the cores, every dimension gives what one pass gives", arguments: Dimension.all)
    func splittingGivesTheSameGroups(dimension: Dimension) throws {
        let register = try SampleRegisterTests.sample().register
        // A view in a shuffled order, with repeats, so pieces differ in what they hold.
        var generator = SplitMix64(seed: 7)
        let rows = (0..<3_000).map { _ in Int(generator.next() % UInt64(register.count)) }
        let whole = register.summarise(rows, by: dimension, metric: .total, splittingFrom: Int.max)
        let split = register.summarise(rows, by: dimension, metric: .total, splittingFrom: 1)
        #expect(split == whole)
        // And against groups worked out plainly, row by row.
        for group in whole where group.key != .notRecorded {
            let members = rows.filter { Self.row($0, of: register, isIn: group.key, of: dimension) }
            let figures = members.compactMap(register.savingsToDate)
            #expect(group.count == members.count, "\(group.label)")
            #expect(group.countWithFigure == figures.count, "\(group.label)")
            #expect(group.total == figures.reduce(0, +), "\(group.label)")
            let qualifier = members.filter { register.savingsToDate($0) != nil }
                .reduce(nil) { SavingsQualifier.combined($0, with: register.savedToDate.qualifier($1)) }
            #expect(group.qualifier == qualifier ?? .exact, "\(group.label)")
        }
        // The sample's figures are not all exact, so the qualifiers above are put to the test.
        #expect(whole.contains { $0.qualifier != .exact })
    }

    /// A sum's qualifier, worked out from the set of its figures' qualifiers, is the one
    /// the figures give added one at a time, in every order: every sequence of up to three.
    @Test func aSumsQualifierIsItsFiguresTakenOneAtATime() {
        let all = SavingsQualifier.allCases
        #expect(QualifierSet().qualifierOfSum == nil)
        for first in all {
            #expect(SavingsQualifier.combined(nil, with: first) == first)
            for second in all {
                for third in all {
                    var set = QualifierSet()
                    [first, second, third].forEach { set.insert($0) }
                    let folded = [second, third].reduce(first) { SavingsQualifier.combined($0, with: $1) }
                    #expect(set.qualifierOfSum == folded, "\(first), \(second), \(third)")
                }
            }
        }
        // The rule as a reader would state it.
        #expect(SavingsQualifier.combined(.exact, with: .atLeast) == .atLeast)
        #expect(SavingsQualifier.combined(.upTo, with: .exact) == .upTo)
        #expect(SavingsQualifier.combined(.atLeast, with: .upTo) == .about)
        #expect(SavingsQualifier.combined(.exact, with: .forecast) == .about)
        #expect(SavingsQualifier.combined(.forecast, with: .forecast) == .forecast)
        #expect(SavingsQualifier.combined(.about, with: .exact) == .about)
    }

    @Test("split into pieces, the headline is what one pass gives")
    func splittingGivesTheSameHeadline() throws {
        let sample = try SampleRegisterTests.sample().register
        var generator = SplitMix64(seed: 11)
        let shuffled = (0..<3_000).map { _ in Int(generator.next() % UInt64(sample.count)) }
        let withoutFigure = sample.allRows.filter { sample.savingsToDate($0) == nil }
        for rows in [shuffled, sample.allRows, withoutFigure, []] { Self.expectSplitHeadlineSame(sample, rows) }

        // Blocks of 100 rows: no figure, forecasts (counted), "at least", "up to". Pieces
        // without figures must leave the others' qualifier alone: no figure then forecasts
        // is "forecast", not "about"; a lower and an upper bound together are "about".
        let blocks = [",", "1000,forecast", "1000,at least", "1000,up to"]
        let text = "id,name,service,partners,savings_to_date,savings_to_date_qualifier\n"
            + (0..<400).map { "F\($0),Shared HR,HR,Adur District Council,\(blocks[$0 / 100])" }.joined(separator: "\n")
        let register = try RegisterLoader.load(arrangementBytes: Array(text.utf8), file: "qualified.csv").register
            .countingForecasts()
        let block = { (index: Int) in Array(index * 100..<(index + 1) * 100) }
        for (rows, expected) in [
            (block(0) + block(1), SavingsQualifier.forecast), (block(0) + block(2), .atLeast),
            (block(2) + block(3), .about), (block(0), .exact), (register.allRows, .about),
        ] {
            Self.expectSplitHeadlineSame(register, rows)
            #expect(register.headline(rows, pieces: Parallel.ranges(splitting: rows.count, into: 2)).totalQualifier == expected, "\(expected)")
        }
        let whole = register.summarise(block(0) + block(1), by: .service, metric: .total, splittingFrom: Int.max)
        let split = register.summarise(block(0) + block(1), by: .service, metric: .total, splittingFrom: 1)
        #expect(split == whole)
        #expect(whole.first?.qualifier == .forecast)
    }

    /// The headline of `rows` in 2, 3 and 7 pieces is the one-piece headline, whose
    /// figures are those worked out plainly.
    static func expectSplitHeadlineSame(
        _ register: Register, _ rows: [Int], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let whole = register.headline(rows, pieces: [0..<rows.count])
        for pieceCount in [2, 3, 7] {
            #expect(
                register.headline(rows, pieces: Parallel.ranges(splitting: rows.count, into: pieceCount)) == whole, "\(rows.count) rows in \(pieceCount) pieces",
                sourceLocation: sourceLocation)
        }
        let figures = rows.compactMap(register.savingsToDate)
        #expect(whole.withFigure == figures.count, sourceLocation: sourceLocation)
        #expect(whole.totalSavings == figures.reduce(0, +), sourceLocation: sourceLocation)
        #expect(
            whole.organisationsInvolved == Set(rows.flatMap { register.partners($0) }).count, sourceLocation: sourceLocation)
        var qualifier: SavingsQualifier?
        for row in rows where register.savingsToDate(row) != nil {
            qualifier = SavingsQualifier.combined(qualifier, with: register.savedToDate.qualifier(row))
        }
        #expect(whole.totalQualifier == qualifier ?? .exact, sourceLocation: sourceLocation)
    }

    /// Whether `row` belongs to the group `key` of `dimension`, worked out plainly from
    /// the accessors.
    static func row(_ row: Int, of register: Register, isIn key: GroupKey, of dimension: Dimension) -> Bool {
        guard case .value(let value) = key else { return false }
        switch dimension {
        case .serviceArea: return register.serviceArea(row) == register.serviceAreas[value]
        case .service: return register.service(row) == register.services[value]
        case .region: return register.region(row) == register.regions[value]
        case .sector: return Sector(rawValue: UInt8(value)).map { register.involves(row, sector: $0) } ?? false
        case .year: return register.startYear(row) == Int(value)
        case .organisation: return register.partners(row).contains(value)
        case .status: return register.status(row).map { Int32($0.rawValue) } == value
        case .figure: return (register.savingsToDate(row) == nil) == (value == Int32(SavingsFigure.missing.rawValue))
        default: return false
        }
    }
}

/// The sector dimension's values are both `SectorCriterion` places (the filter) and
/// `Sector` raw values (the summary's groups): the two orders must agree.
@Suite struct SectorValueTests {
    @Test func criteriaAndSectorsShareTheirPlaces() {
        for (place, criterion) in SectorCriterion.allCases.enumerated() {
            if let sector = criterion.sector { #expect(Int(sector.rawValue) == place, "\(criterion)") }
        }
        #expect(Dimension.sector.extraValue?.value == Int32(SectorCriterion.allCases.firstIndex(of: .crossSector) ?? -1))
    }
}

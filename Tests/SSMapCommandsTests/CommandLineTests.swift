import Foundation
import Testing
@testable import SharedServices

/// The built binary, run as a user would: output and exit status.
@Suite struct CommandLineTests {
    @Test func summaryOfTheSampleShowsTheJune2017Headline() throws {
        let result = try BinaryRunner.run(["summary"])
        #expect(result.status == 0)
        let text = result.standardOutput
        #expect(text.contains("486 arrangements"))
        #expect(text.contains("£643m saved"))
        #expect(text.contains("346 of 353 councils (98%)"))
        #expect(text.contains("97 without a figure"))
        #expect(text.contains("Savings to date by service area"))
        #expect(text.contains("Back office"))
        #expect(text.contains("█"))
        // As wide as the terminal: 80 columns when piped.
        for line in text.split(separator: "\n") {
            #expect(line.count <= 80, "line wider than 80 columns: \(line)")
        }
    }

    /// RFC 4180's corners read to exactly the bytes inside the quotes, as `--format json`
    /// shows them: a quoted CRLF, a lone CR, spaces inside quotes, a doubled quote, a
    /// quoted empty field beside an empty one.
    @Test func listAsJSONShowsEveryCellExactly() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("corners.csv")
        let text = "\u{FEFF}id,name,service,partners,region,description,source\r\n"
            + "C1,\"  padded  \",ICT,Adur District Council; Worthing Borough Council,\"\",\"first\r\nsecond\",\r\n"
            + "C2,Two,ICT,Adur District Council,,\"say \"\"hi\"\"\rthere\",\" \""
        try Data(text.utf8).write(to: path)
        let result = try BinaryRunner.run(["list", path.path, "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(result.outputBytes)) as? [[String: Any]])
        try #require(rows.count == 2)
        #expect(rows[0]["name"] as? String == "  padded  ")
        #expect(rows[0]["description"] as? String == "first\r\nsecond")
        #expect(rows[0]["region"] is NSNull)
        #expect(rows[0]["source"] as? String == "")
        #expect(rows[1]["description"] as? String == "say \"hi\"\rthere")
        #expect(rows[1]["source"] as? String == " ")
    }

    @Test func openingWithNoCommandShowsTheSummaryFromAnyDirectory() throws {
        let result = try BinaryRunner.run([], in: URL(fileURLWithPath: "/"))
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("486 arrangements"))
    }

    @Test func summaryFollowsDimensionMetricAndTop() throws {
        let byRegion = try BinaryRunner.run(["summary", "--by", "region", "--metric", "count"])
        #expect(byRegion.status == 0)
        #expect(byRegion.standardOutput.contains("Arrangements by region"))
        #expect(byRegion.standardOutput.contains("London"))

        let topThree = try BinaryRunner.run(["summary", "--by", "service", "--top", "3"])
        let register = try BinaryRunner.loadSample().register
        let services = register.summarise(register.allRows, by: .service)
        #expect(topThree.standardOutput.contains("…and \(services.count - 3) more services"))

        let mean = try BinaryRunner.run(["summary", "--metric", "mean"])
        #expect(mean.standardOutput.contains("Mean savings to date"))
    }

    /// Each filter flag narrows the headline to what the data module computes for it.
    @Test(arguments: [
        ["--service-area", "Back office"], ["--service", "Trading standards"], ["--region", "london"],
        ["--sector", "fire"], ["--sector", "cross-sector"], ["--organisation", "Brent"], ["--status", "planned"],
        ["--since", "2015"], ["--until", "2009"], ["--min-savings", "£1m"], ["--search", "worthing"],
    ])
    func everyFilterFlagChangesTheSummary(flag: [String]) throws {
        let result = try BinaryRunner.run(["summary"] + flag)
        #expect(result.status == 0)
        let register = try BinaryRunner.loadSample().register
        var filter = ArrangementFilter()
        switch flag[0] {
        case "--service-area": filter.serviceAreas = [try register.serviceAreaID(named: flag[1])]
        case "--service": filter.services = [try register.serviceID(named: flag[1])]
        case "--region": filter.regions = [try register.regionID(named: flag[1])]
        case "--sector": filter.sectors = [try SectorLookup.criterion(named: flag[1])]
        case "--organisation": filter.organisations = [try register.organisationID(named: flag[1])]
        case "--status": filter.statuses = [try StatusLookup.status(named: flag[1])]
        case "--since": filter.sinceYear = Int(flag[1])
        case "--until": filter.untilYear = Int(flag[1])
        case "--min-savings": filter.minimumSavings = 1_000_000
        default: filter.search = flag[1]
        }
        let rows = filter.matchingRows(in: register)
        #expect(!rows.isEmpty && rows.count < register.count)
        let headline = register.headline(rows)
        // The headline's first phrase, whole: "4 arrangements" must not pass as "14 arrangements".
        let headlineLine = result.standardOutput.split(separator: "\n").first { $0.contains(" arrangement") && $0.contains(" saved") }
        #expect(headlineLine?.hasPrefix("\(Count.format(headline.arrangements)) arrangement") == true, "\(headlineLine ?? "")")
        #expect(result.standardOutput.contains("\(Money.format(headline.totalSavings)) saved"))
        #expect(result.standardOutput.contains("Filtered to:"))
    }

    @Test func tradingStandardsAsJSONHasOnlyThatServiceAndDevonAndSomerset() throws {
        let result = try BinaryRunner.run(["list", "--service", "Trading standards", "--format", "json"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.outputBytes))
        let rows = try #require(json as? [[String: Any]])
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row["service"] as? String == "Trading standards")
            #expect(row["partners"] is [String])
        }
        #expect(rows.contains { ($0["name"] as? String)?.contains("Devon and Somerset") == true })
    }

    @Test func csvAndJSONOutputLoadBackUnchanged() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let organisations = BinaryRunner.sampleDirectory.appendingPathComponent("organisations.csv").path
        let sample = try BinaryRunner.loadSample().register
        for format in ["csv", "json"] {
            let result = try BinaryRunner.run(["list", "--format", format])
            #expect(result.status == 0)
            let file = directory.appendingPathComponent("out.\(format)")
            try Data(result.outputBytes).write(to: file)
            let validate = try BinaryRunner.run(["validate", file.path, "--organisations", organisations])
            #expect(validate.status == 0, "\(format): \(validate.standardOutput)")
            let reloaded = try RegisterLoader.load(arrangements: file.path, organisations: organisations).register
            #expect(reloaded.count == sample.count)
            for row in [0, 5, 100, 485] {
                #expect(reloaded.id(row) == sample.id(row))
                #expect(reloaded.savingsToDate(row) == sample.savingsToDate(row))
                #expect(reloaded.partners(row).map { reloaded.organisations.names[Int($0)] }
                    == sample.partners(row).map { sample.organisations.names[Int($0)] })
            }
        }
    }

    @Test func listSortsByAColumnBothWays() throws {
        let ascending = try BinaryRunner.run(["list", "--sort", "savings", "--format", "csv"])
        let descending = try BinaryRunner.run(["list", "--sort", "savings", "--desc", "--format", "csv"])
        let register = try BinaryRunner.loadSample().register
        let top = register.sorted(register.allRows, by: .savingsToDate, descending: true)[0]
        let firstDescending = descending.standardOutput.split(separator: "\n")[1]
        #expect(firstDescending.hasPrefix(register.id(top) + ","))
        // Not reported goes last both ways.
        let lastAscending = try #require(ascending.standardOutput.split(separator: "\n").last)
        let lastDescending = try #require(descending.standardOutput.split(separator: "\n").last)
        #expect(lastAscending.contains(",,") && lastDescending.contains(",,"))
        let markdown = try BinaryRunner.run(["list", "--format", "markdown", "--service", "Trading standards"])
        #expect(markdown.standardOutput.hasPrefix("| ID | Name |"))
    }

    @Test func unknownFilterValuesNameTheNearestKnownOnes() throws {
        let result = try BinaryRunner.run(["summary", "--service", "Trading standrds"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("no service is called \"Trading standrds\""))
        #expect(result.standardError.contains("\"Trading standards\""))
        let sector = try BinaryRunner.run(["list", "--sector", "polise"])
        #expect(sector.status == 64)
        #expect(sector.standardError.contains("police"))
        let sort = try BinaryRunner.run(["list", "--sort", "savigns"])
        #expect(sort.status == 64)
    }

    @Test func showPrintsOneArrangementWithItsPartnersSectors() throws {
        let result = try BinaryRunner.run(["show", "SS0001"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("HuB Procurement"))
        #expect(result.standardOutput.contains("London Borough of Brent"))
        #expect(result.standardOutput.contains("council · london-borough · London"))
        #expect(result.standardOutput.contains("£500,000"))
        #expect(result.standardOutput.contains("Source"))
        let missing = try BinaryRunner.run(["show", "SS9999"])
        #expect(missing.status == 64)
    }

    /// A missing savings figure is "not reported", never £0 (which would be a figure).
    @Test func showSaysNotReportedForAMissingFigure() throws {
        let register = try BinaryRunner.loadSample().register
        let withoutFigure = register.allRows.filter { register.savingsToDate($0) == nil && register.savingsLatestYear($0) == nil }
        #expect(withoutFigure.count > 10)
        for row in withoutFigure.prefix(5) {
            let id = register.id(row)
            let result = try BinaryRunner.run(["show", id])
            #expect(result.status == 0)
            let lines = result.standardOutput.split(separator: "\n")
            #expect(lines.first?.hasPrefix(id) == true)
            #expect(lines.contains("Saved to date   not reported"), "\(id): \(result.standardOutput)")
            #expect(lines.contains("Latest year     not reported"), "\(id): \(result.standardOutput)")
            #expect(!result.standardOutput.contains("£0"), "\(id): \(result.standardOutput)")
        }
    }

    @Test func helpAndCompletionsAreAvailable() throws {
        for command in ["summary", "list", "show", "validate", "generate"] {
            let result = try BinaryRunner.run([command, "--help"])
            #expect(result.status == 0, "\(command) --help")
            #expect(result.standardOutput.contains("USAGE"))
        }
        let completion = try BinaryRunner.run(["--generate-completion-script", "bash"])
        #expect(completion.status == 0)
        #expect(completion.standardOutput.contains("ssmap"))
    }
}

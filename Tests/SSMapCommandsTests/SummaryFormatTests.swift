import Foundation
import Testing
@testable import SharedServices

/// `ssmap summary` as a table to take into a report, the figure filter, and "—" for a
/// group with no figure.
@Suite struct SummaryFormatTests {
    @Test func markdownHasATotalRowAndTheNotes() throws {
        let result = try BinaryRunner.run(["summary", "--by", "status", "--format", "markdown"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "### Savings to date by status")
        #expect(lines.contains("| Status | Arrangements | With a figure | Saved to date | Mean saved | Of savings |"))
        #expect(lines.contains { $0.hasPrefix("| planned | 32 | 0 | — | — | — |") }, "no figure is —, never £0")
        #expect(lines.contains { $0.hasPrefix("| **Total** | **486** | **389** |") })
        #expect(result.standardOutput.contains("n/r: arrangements with no savings figure"))
    }

    @Test func csvIsNumbersAndJSONIsNullForNoFigure() throws {
        let csv = try BinaryRunner.run(["summary", "--by", "status", "--format", "csv"])
        #expect(csv.status == 0)
        let rows = csv.standardOutput.split(separator: "\n").map(String.init)
        #expect(rows[0] == "Status,Arrangements,With a figure,Saved to date,Mean saved,Of savings")
        #expect(rows.contains("planned,32,0,,,"))
        #expect(rows.last?.hasPrefix("Total,486,389,643000500,") == true)

        let json = try BinaryRunner.run(["summary", "--by", "status", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.outputBytes)) as? [String: Any])
        let groups = try #require(object["rows"] as? [[String: Any]])
        let planned = try #require(groups.first { $0["Status"] as? String == "planned" })
        #expect(planned["Saved to date"] is NSNull)
        #expect((object["total"] as? [String: Any])?["Arrangements"] as? Int == 486)
    }

    @Test func theTableSaysDashForAGroupWithNoFigure() throws {
        let result = try BinaryRunner.run(["summary", "--by", "status"])
        let planned = try #require(result.standardOutput.split(separator: "\n").first { $0.hasPrefix("planned") })
        #expect(planned.contains("—"))
        #expect(!planned.contains("£0"))
    }

    @Test func figureMissingKeepsThe97WithoutAFigure() throws {
        let missing = try BinaryRunner.run(["summary", "--figure", "missing"])
        #expect(missing.status == 0, "\(missing.standardError)")
        #expect(missing.standardOutput.contains("97 arrangements"))
        #expect(missing.standardOutput.contains("Filtered to: no savings figure"))
        let reported = try BinaryRunner.run(["list", "--figure", "reported", "--format", "csv"])
        #expect(reported.standardOutput.split(separator: "\n").count == 389 + 1)
        let wrong = try BinaryRunner.run(["summary", "--figure", "maybe"])
        #expect(wrong.status == 64)
        #expect(wrong.standardError.contains("reported"))
    }

    /// The "Filtered to" line is the dashboard's chips: the organisation by its full name,
    /// and every bound given.
    @Test func filteredToNamesEveryPartInFull() throws {
        let result = try BinaryRunner.run(["summary", "--organisation", "brent", "--max-savings", "1m"])
        #expect(result.standardOutput.contains("Filtered to: with London Borough of Brent; saved ≤ £1m"), "\(result.standardOutput)")
    }

    /// Groups of a multi-valued dimension hidden by --top say they count arrangements
    /// once for each partner, so that their total is not read as the register's.
    @Test func theHiddenOrganisationsSayWhyTheyAddUpToMore() throws {
        let result = try BinaryRunner.run(["summary", "--by", "organisation", "--top", "3"])
        let text = result.standardOutput.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("each arrangement counted once for each of them"), "\(result.standardOutput)")
        #expect(text.contains("more than the total"))
    }
}

import Foundation
import Testing
@testable import Dashboard
import SharedServices
import TerminalUI

/// Screens of the sample rendered off-screen and compared with committed text files.
/// Re-record them after an intended change with:
///     SSMAP_RECORD_GOLDENS=1 swift test --filter GoldenScreenTests
@Suite struct GoldenScreenTests {
    struct Scenario: CustomStringConvertible, Sendable {
        var name: String
        var width: Int
        var height: Int
        var keys: String
        var ascii = false
        var monochrome = false
        var description: String { name }
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "arrangements-80x24", width: 80, height: 24, keys: ""),
        Scenario(name: "arrangements-120x40", width: 120, height: 40, keys: ""),
        Scenario(name: "arrangements-40x12", width: 40, height: 12, keys: ""),
        Scenario(name: "arrangements-sorted-by-savings-120x40", width: 120, height: 40, keys: "lllllllsjj"),
        // At 80 columns the table scrolls sideways to reach the status column.
        Scenario(name: "arrangements-scrolled-right-80x24", width: 80, height: 24, keys: "llllll"),
        // Without colour the sort column is still marked.
        Scenario(name: "arrangements-sorted-monochrome-80x24", width: 80, height: 24, keys: "lllllllss", monochrome: true),
        Scenario(name: "headline-focused-80x24", width: 80, height: 24, keys: "k"),
        Scenario(name: "detail-120x40", width: 120, height: 40, keys: "<Enter>"),
        Scenario(name: "detail-80x24", width: 80, height: 24, keys: "jjjjjjj<Enter>"),
        Scenario(name: "detail-40x12", width: 40, height: 12, keys: "<Enter>"),
        // The third arrangement has no savings figure.
        Scenario(name: "detail-not-reported-80x24", width: 80, height: 24, keys: "jj<Enter>"),
        Scenario(name: "summary-120x40", width: 120, height: 40, keys: "3"),
        Scenario(name: "summary-80x24", width: 80, height: 24, keys: "3"),
        Scenario(name: "summary-40x12", width: 40, height: 12, keys: "3"),
        Scenario(name: "summary-by-region-count-80x24", width: 80, height: 24, keys: "3ddm"),
        Scenario(name: "picker-service-80x24", width: 80, height: 24, keys: "f"),
        Scenario(name: "picker-narrowed-120x40", width: 120, height: 40, keys: "ftrad"),
        Scenario(name: "picker-sector-80x24", width: 80, height: 24, keys: "f<Right><Right>"),
        Scenario(name: "filtered-trading-standards-80x24", width: 80, height: 24, keys: "ftrading<Enter>"),
        Scenario(name: "filtered-summary-120x40", width: 120, height: 40, keys: "ftrading<Enter>3"),
        Scenario(name: "search-worthing-80x24", width: 80, height: 24, keys: "/worthing<Enter>"),
        Scenario(name: "help-80x24", width: 80, height: 24, keys: "?"),
        Scenario(name: "help-40x12", width: 40, height: 12, keys: "?"),
        Scenario(name: "organisations-120x40", width: 120, height: 40, keys: "4"),
        Scenario(name: "organisations-by-share-80x24", width: 80, height: 24, keys: "4lls"),
        Scenario(name: "summary-mean-by-status-80x24", width: 80, height: 24, keys: "3ddddmm"),
        Scenario(name: "detail-partner-picker-80x24", width: 80, height: 24, keys: "<Enter>p"),
        Scenario(name: "issues-80x24", width: 80, height: 24, keys: "5"),
        Scenario(name: "export-prompt-80x24", width: 80, height: 24, keys: "e"),
        Scenario(name: "too-small-30x8", width: 30, height: 8, keys: ""),
        Scenario(name: "arrangements-ascii-80x24", width: 80, height: 24, keys: "3", ascii: true),
        // The map, coming from the list: the first arrangement (HuB Procurement) is lit.
        Scenario(name: "map-120x40", width: 120, height: 40, keys: "6"),
        Scenario(name: "map-80x24", width: 80, height: 24, keys: "6"),
        // Without colour the shades are dot densities (the README's capture).
        Scenario(name: "map-monochrome-80x24", width: 80, height: 24, keys: "6", monochrome: true),
        Scenario(name: "map-ascii-120x40", width: 120, height: 40, keys: "6", ascii: true),
        Scenario(name: "map-ascii-80x24", width: 80, height: 24, keys: "6", ascii: true),
        Scenario(name: "map-monochrome-savings-by-region-120x40", width: 120, height: 40, keys: "6ammr", monochrome: true),
        Scenario(name: "map-zoomed-on-london-120x40", width: 120, height: 40, keys: "6++", monochrome: true),
        Scenario(name: "map-too-small-50x12", width: 50, height: 12, keys: "6"),
    ]

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test(arguments: scenarios)
    func screenMatchesGolden(_ scenario: Scenario) throws {
        var state = Sample.state(width: scenario.width, height: scenario.height, glyphs: scenario.ascii ? .ascii : .unicode)
        if scenario.monochrome { state.theme = .monochrome }
        Keys.run(scenario.keys, on: &state)
        let frame = Render.frame(state)
        let text = frame.text + "\n" + Self.styleMarks(frame, theme: state.theme)
        let file = Self.goldenDirectory.appendingPathComponent("\(scenario.name).txt")
        if ProcessInfo.processInfo.environment["SSMAP_RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(text == golden, "\(scenario.name) differs from its golden file; if the change is intended, re-record with SSMAP_RECORD_GOLDENS=1")
        if scenario.ascii {
            #expect(text.utf8.allSatisfy { $0 < 0x80 }, "ASCII mode drew a non-ASCII character")
        }
        // Every line fits the screen.
        for line in frame.text.split(separator: "\n") {
            #expect(line.count <= scenario.width)
        }
    }

    /// The README's captures of the dashboard are golden screens, as they are now: each block
    /// marked `<!-- capture: NAME -->` is the text of the golden file NAME.
    @Test func theReadmeCapturesMatchTheScreens() throws {
        let readme = Self.goldenDirectory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        var text = try String(contentsOf: readme, encoding: .utf8)
        let marker = "<!-- capture: "
        var searchFrom = text.startIndex
        var captures = 0
        while let mark = text.range(of: marker, range: searchFrom..<text.endIndex) {
            let nameEnd = try #require(text.range(of: " -->\n```\n", range: mark.upperBound..<text.endIndex))
            let name = String(text[mark.upperBound..<nameEnd.lowerBound])
            let blockEnd = try #require(text.range(of: "\n```", range: nameEnd.upperBound..<text.endIndex))
            let resumeAt = text.distance(from: text.startIndex, to: mark.upperBound)
            let golden = try String(contentsOf: Self.goldenDirectory.appendingPathComponent("\(name).txt"), encoding: .utf8)
            let screen = String(golden[..<(golden.range(of: "\nstyles:")?.lowerBound ?? golden.endIndex)])
            if ProcessInfo.processInfo.environment["SSMAP_RECORD_GOLDENS"] == "1" {
                text.replaceSubrange(nameEnd.upperBound..<blockEnd.lowerBound, with: screen)
            } else {
                #expect(String(text[nameEnd.upperBound..<blockEnd.lowerBound]) == screen, "README's capture of \(name) is out of date")
            }
            captures += 1
            searchFrom = text.index(text.startIndex, offsetBy: resumeAt)
        }
        #expect(captures >= 4)
        if ProcessInfo.processInfo.environment["SSMAP_RECORD_GOLDENS"] == "1" {
            try text.write(to: readme, atomically: true, encoding: .utf8)
        }
    }

    /// The styles a reader must see, line by line, under the text: the selected row, the
    /// underlined headings (the focused and sorted columns), search matches. A screen that
    /// loses its highlight no longer matches its golden.
    static func styleMarks(_ canvas: Canvas, theme: Theme) -> String {
        var lines = ["styles: S selected, _ underlined (beyond the headings' own style), H search match"]
        for y in 0..<canvas.height {
            var marks = ""
            for x in 0..<canvas.width {
                let style = canvas[x, y].style
                if style == theme.header {
                    marks += " "
                } else if style == theme.highlight {
                    marks += "H"
                } else if style == theme.selected {
                    marks += "S"
                } else if style.underline && style != theme.header {
                    marks += "_"
                } else {
                    marks += " "
                }
            }
            while marks.last == " " { marks.removeLast() }
            if !marks.isEmpty { lines.append(String(format: "%2d ", y) + marks) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A missing savings figure is "not reported" on the detail screen, never £0 (which
    /// would be a figure): on every arrangement of the sample's first screenful that has none.
    @Test func detailOfAnArrangementWithoutAFigureSaysNotReported() throws {
        let state = Sample.state(width: 80, height: 24)
        let register = state.register
        let withoutFigure = state.rows.indices.prefix(40).filter { register.savingsToDate(state.rows[$0]) == nil }
        #expect(withoutFigure.count >= 5)
        for position in withoutFigure {
            var state = Sample.state(width: 80, height: 24)
            Keys.run(String(repeating: "j", count: position) + "<Enter>", on: &state)
            #expect(state.screen == .detail)
            let text = Render.frame(state).text
            let saved = try #require(
                text.split(separator: "\n").first { $0.contains("Saved to date") }, "row \(position): \(text)")
            #expect(saved.contains("not reported"), "\(saved)")
            #expect(!text.contains("£0"), "row \(position): \(text)")
        }
    }
}

/// A register of someone's own, with no organisations file: the data issues screen names
/// the unknown partner with the nearest real councils, and says which list was used.
@Suite struct ReferenceOnScreenTests {
    @Test func theIssuesScreenSaysWhichListThePartnersWereCheckedAgainst() throws {
        let text = "id,name,service,partners\nA1,Legal,Legal,Adur; Worthing\nA2,Audit,Audit,Adur; Loamshire District Council\n"
        let loaded = try RegisterLoader.load(arrangementBytes: Array(text.utf8), file: "mine.csv")
        let data = DashboardData(
            register: loaded.register, diagnostics: loaded.diagnostics, sourceName: "mine.csv", reference: loaded.reference)
        var state = AppState(data: data, size: TerminalSize(width: 160, height: 24), glyphs: .unicode, theme: .monochrome)
        Keys.run("5", on: &state)
        let lines = Render.frame(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1].contains("2 arrangements · £0 saved · 2 of 353 councils"), "\(lines[1])")
        #expect(lines.contains { $0.contains("mine.csv:3") && $0.contains("\"Loamshire District Council\" is not in the bundled list") })
        #expect(lines[22].contains("1 problem found loading mine.csv · partners checked against the bundled list"), "\(lines[22])")
    }
}

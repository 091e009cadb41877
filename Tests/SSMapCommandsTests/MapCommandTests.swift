import Foundation
import Testing
import SharedServices

/// `ssmap map`: England in text, for reports.
@Suite struct MapCommandTests {
    @Test func theMapFitsItsSizeAndCarriesItsLegendAndAttribution() throws {
        let result = try BinaryRunner.run(["map", "--width", "80", "--height", "40"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 40 + 3, "\(lines.count) lines")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.contains { $0.hasPrefix("Legend: ") })
        #expect(result.standardOutput.contains("councils share nothing"))
        #expect(result.standardOutput.replacingOccurrences(of: "\n", with: " ").contains("Contains National Statistics data © Crown copyright"))
        // Braille cells, and more than a few of them: the map is drawn.
        let braille = result.standardOutput.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }.count
        #expect(braille > 500, "\(braille) braille cells")
    }

    @Test func asciiPrintsNothingOutsideASCII() throws {
        let result = try BinaryRunner.run(["map", "--ascii", "--width", "60", "--height", "30"])
        #expect(result.status == 0)
        #expect(result.outputBytes.allSatisfy { $0 < 0x80 })
        // Land in ASCII's density characters, the sea in spaces.
        let land = result.standardOutput.filter { " .:-=+*#%@".contains($0) && $0 != " " }.count
        #expect(land > 300, "\(land) cells of land")
        #expect(result.standardOutput.contains("(c) Crown copyright"))
    }

    /// A filter leaves most councils with nothing to shade, and says how many.
    @Test func theMapFollowsTheFilters() throws {
        let all = try BinaryRunner.run(["map", "--width", "60", "--height", "25"])
        let some = try BinaryRunner.run(["map", "--service", "Trading standards", "--width", "60", "--height", "25"])
        func sharingNothing(_ text: String) -> Int? {
            text.split(separator: "\n").first { $0.contains("share nothing") }.flatMap { Int($0.split(separator: " ")[0]) }
        }
        let before = try #require(sharingNothing(all.standardOutput))
        let after = try #require(sharingNothing(some.standardOutput))
        #expect(after > before + 200, "\(before) → \(after)")
        #expect(some.standardOutput.contains("Filtered to: service: Trading standards"))
    }

    /// England's shape at 120×50: taller than wide, Northumberland at the top, Cornwall the
    /// far south-west, East Anglia bulging east in the south half.
    @Test func theMapAt120x50IsRecognisablyEngland() throws {
        let result = try BinaryRunner.run(["map", "--ascii", "--width", "120", "--height", "50"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The map's lines: from the first after the title to the legend.
        let legend = try #require(lines.firstIndex { $0.hasPrefix("Legend: ") })
        let map = Array(lines[1..<legend])
        #expect(map.count >= 38, "\(map.count) lines of map")
        func landColumns(_ line: String) -> [Int] { line.enumerated().filter { $0.element != " " }.map(\.offset) }
        let rows = map.map(landColumns)
        let west = try #require(rows.compactMap { $0.min() }.min())
        let east = try #require(rows.compactMap { $0.max() }.max())
        // Cells are twice as tall as wide: height in cells × 2 against width, as England is about 1.6 times taller than wide.
        let ratio = Double(map.count * 2) / Double(east - west + 1)
        #expect(ratio > 1.2 && ratio < 2.2, "height / width \(ratio)")
        let westmostRow = try #require(rows.firstIndex { $0.min() == west })
        let eastmostRow = try #require(rows.firstIndex { $0.max() == east })
        #expect(westmostRow > map.count * 3 / 4, "Cornwall is at the bottom: row \(westmostRow) of \(map.count)")
        #expect(eastmostRow > map.count / 2 && eastmostRow < map.count * 5 / 6, "East Anglia: row \(eastmostRow) of \(map.count)")
        let top = try #require(rows.firstIndex { !$0.isEmpty })
        #expect(top < 2 && rows[top].count < 8, "Northumberland's tip is narrow and at the top")
        let widest = rows.map(\.count).max() ?? 0
        #expect(rows.prefix(map.count / 6).allSatisfy { $0.count < widest / 2 }, "the north is narrower than the south")
    }

    /// The trading standards map shades Devon's and Somerset's councils, and is a different picture.
    @Test func tradingStandardsLightsDevonAndSomerset() throws {
        let all = try BinaryRunner.run(["map", "--width", "100", "--height", "40"])
        let some = try BinaryRunner.run(["map", "--service", "Trading standards", "--width", "100", "--height", "40"])
        #expect(all.status == 0 && some.status == 0)
        #expect(all.standardOutput != some.standardOutput)
        let table = try BinaryRunner.run(["map", "--service", "Trading standards", "--format", "csv"])
        let rows = table.standardOutput.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.first?.last == "Shaded by")
        let shaded = rows.dropFirst().filter { $0.count == 8 && Int($0[7]) ?? 0 > 0 }
        let counties = Set(shaded.map { String($0[2]) })
        #expect(counties.isSuperset(of: ["Devon", "Somerset"]), "\(counties)")
        #expect(shaded.contains { $0[0] == "Torbay" })
        #expect(rows.dropFirst().count >= 326 && shaded.count < 60, "\(shaded.count) of \(rows.count - 1)")
    }

    /// The README's captures of `ssmap map`: each block marked `<!-- map-capture: ARGS -->`
    /// is what `ssmap map ARGS` prints now. Re-record with SSMAP_RECORD_GOLDENS=1.
    @Test func theReadmeCapturesOfTheMapAreWhatItPrints() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        var text = try String(contentsOf: readme, encoding: .utf8)
        let marker = "<!-- map-capture: "
        var searchFrom = text.startIndex
        var captures = 0
        let recording = ProcessInfo.processInfo.environment["SSMAP_RECORD_GOLDENS"] == "1"
        while let mark = text.range(of: marker, range: searchFrom..<text.endIndex) {
            let argumentsEnd = try #require(text.range(of: " -->\n```\n", range: mark.upperBound..<text.endIndex))
            let arguments = text[mark.upperBound..<argumentsEnd.lowerBound].split(separator: " ").map(String.init)
            let blockEnd = try #require(text.range(of: "```\n", range: argumentsEnd.upperBound..<text.endIndex))
            let resumeAt = text.distance(from: text.startIndex, to: mark.upperBound)
            let result = try BinaryRunner.run(["map"] + arguments)
            #expect(result.status == 0)
            if recording {
                text.replaceSubrange(argumentsEnd.upperBound..<blockEnd.lowerBound, with: result.standardOutput)
            } else {
                #expect(String(text[argumentsEnd.upperBound..<blockEnd.lowerBound]) == result.standardOutput,
                    "README's capture of ssmap map \(arguments.joined(separator: " ")) is out of date")
            }
            captures += 1
            searchFrom = text.index(text.startIndex, offsetBy: resumeAt)
        }
        #expect(captures >= 1)
        if recording { try text.write(to: readme, atomically: true, encoding: .utf8) }
    }

    /// Commands that draw no map never read the outlines: with a broken outlines file they
    /// work as before, and `ssmap map` names the file, line and column.
    @Test func onlyTheMapReadsTheOutlines() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data")
        for name in ["arrangements.csv", "organisations.csv", "reported-arrangements.csv"] {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        try Data("# ssmap map areas, version 1\nnot an area\n".utf8)
            .write(to: directory.appendingPathComponent(AreaOutlines.bundledFileName))
        let environment = ["SSMAP_SAMPLE_DATA": directory.path]
        let summary = try BinaryRunner.run(["summary"], environment: environment)
        #expect(summary.status == 0)
        #expect(summary.standardOutput.contains("486 arrangements"))
        #expect(!summary.standardError.contains(AreaOutlines.bundledFileName))
        let map = try BinaryRunner.run(["map", "--width", "60", "--height", "20"], environment: environment)
        #expect(map.status != 0)
        #expect(map.standardError.contains(AreaOutlines.bundledFileName + ":2:1"), "\(map.standardError)")
    }

    @Test func aTinySizeIsRefused() throws {
        let result = try BinaryRunner.run(["map", "--width", "5"])
        #expect(result.status == 64)
    }
}

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
        #expect(result.standardOutput.contains("@"))
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

    @Test func aTinySizeIsRefused() throws {
        let result = try BinaryRunner.run(["map", "--width", "5"])
        #expect(result.status == 64)
    }
}

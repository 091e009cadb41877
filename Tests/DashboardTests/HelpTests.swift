import Foundation
import Testing
@testable import Dashboard

/// Every key is discoverable: in the help of its screen, and in the README's key table.
@Suite struct HelpTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    @Test func theReadmeListsEveryBinding() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let all = Help.everywhere + Screen.allCases.flatMap(Help.bindings(for:))
        for binding in all {
            #expect(text.contains(binding.action), "README's key table lacks \"\(binding.action)\"")
        }
    }

    @Test func helpFitsItsBoxAtEverySize() {
        for width in [32, 36, 68] {
            for screen in Screen.allCases {
                for line in Help.lines(for: screen, width: width) {
                    #expect(line.text.count <= width, "\(screen) at \(width): \(line.text)")
                }
            }
        }
    }
}

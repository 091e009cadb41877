import Foundation
import Testing

@testable import SharedServices

/// The README's table of header spellings says what the schema accepts: every spelling it
/// lists must read as its column, and every column must be in it.
@Suite("Header spellings in the README")
struct HeaderSpellingsTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// The table's rows: a column's name and the spellings listed for it.
    static func tableRows() throws -> [(column: String, spellings: [String])] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        guard let start = text.range(of: "<!-- header-spellings -->"), let end = text.range(of: "<!-- /header-spellings -->")
        else { return [] }
        return text[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2, cells[0].hasPrefix("`") else { return nil }
            return (cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")),
                cells[1].components(separatedBy: ", "))
        }
    }

    @Test func everyListedSpellingReadsAsItsColumn() throws {
        let rows = try Self.tableRows()
        #expect(rows.count == ArrangementField.allCases.count)
        for (column, spellings) in rows {
            let field = ArrangementField(rawValue: column)
            #expect(field != nil, "README names a column the schema does not have: \(column)")
            for spelling in spellings + [column] {
                let key = HeaderMatching<ArrangementField>.key(spelling)
                #expect(ArrangementField.aliases[key] == field, "\"\(spelling)\" does not read as \(column)")
            }
        }
        let listed = Set(rows.map(\.column))
        for field in ArrangementField.allCases {
            #expect(listed.contains(field.rawValue), "README's table leaves out \(field.rawValue)")
        }
    }
}

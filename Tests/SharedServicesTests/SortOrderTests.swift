import Foundation
import Testing
@testable import SharedServices

/// Sorting by walking a kept order of the whole register gives exactly what sorting the
/// rows themselves gives, for every column, both directions, all rows and a subset.
@Suite struct SortOrderTests {
    static let sample: Register? = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data/arrangements.csv").path
        return try? RegisterLoader.load(arrangements: path).register
    }()

    @Test(arguments: SortColumn.sortable)
    func keptOrdersMatchComparisonSorts(column: SortColumn) throws {
        let register = try #require(Self.sample)
        let subset = register.allRows.filter { $0 % 3 != 1 }
        for descending in [false, true] {
            for rows in [register.allRows, subset] {
                #expect(
                    register.sorted(rows, by: column, descending: descending)
                        == register.comparisonSorted(rows, by: column, descending: descending),
                    "\(column) descending: \(descending), \(rows.count) rows")
            }
        }
        // Rows not in register order still sort stably by comparison.
        let shuffled = Array(register.allRows.reversed())
        #expect(register.sorted(shuffled, by: column) == register.comparisonSorted(shuffled, by: column, descending: false))
    }
}

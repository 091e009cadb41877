import Foundation

/// Arrangements are sorted by a field of the schema: those in `ArrangementField.sortable`
/// through `--sort` and the dashboard; the rest through this API alone.
public typealias SortColumn = ArrangementField

extension Register {
    /// `rows` sorted by `column`, stable (ties keep their order), missing values last in
    /// both directions so that "not reported" never passes for the smallest or largest.
    public func sorted(_ rows: [Int], by column: SortColumn, descending: Bool = false) -> [Int] {
        // Rows in register order (every filter's result) are sorted by walking the whole
        // register's order for this column, worked out once and kept: a pass, not a sort.
        if rows.count >= 64, Self.isAscending(rows) {
            let order = sortOrders.order(column: column, descending: descending) {
                comparisonSorted(allRows, by: column, descending: descending).map(Int32.init)
            }
            if rows.count == count { return order.map(Int.init) }
            var included = [Bool](repeating: false, count: count)
            for row in rows { included[row] = true }
            var result: [Int] = []
            result.reserveCapacity(rows.count)
            for row in order where included[Int(row)] { result.append(Int(row)) }
            return result
        }
        return comparisonSorted(rows, by: column, descending: descending)
    }

    /// A plain loop: it runs on every re-sort, and a debug build makes `zip` and
    /// `allSatisfy` some ten times slower than this.
    private static func isAscending(_ rows: [Int]) -> Bool {
        var index = 1
        while index < rows.count {
            if rows[index - 1] >= rows[index] { return false }
            index += 1
        }
        return true
    }

    func comparisonSorted(_ rows: [Int], by column: SortColumn, descending: Bool) -> [Int] {
        switch column.kind {
        case .identifier, .text, .repeatedText:
            return sortedByText(rows, descending: descending) { self.text(column, $0) }
        case .category:
            let values = interned[column.slot]
            return sortedByCategory(rows, ids: values.ids, vocabulary: values.values, descending: descending)
        case .organisation:
            let ids = organisationColumns[column.slot].ids
            let folded = foldedOrganisationNames
            return sortedByKey(rows, descending: descending) { row -> String? in
                ids[row] >= 0 ? folded[Int(ids[row])] : nil
            }
        case .organisations: return sortedByKey(rows, descending: descending) { self.partnerCount($0) }
        case .year:
            let years = years[column.slot]
            return sortedByKey(rows, descending: descending) { years[$0] == 0 ? nil : years[$0] }
        case .choice:
            let codes = choices[column.slot]
            return sortedByKey(rows, descending: descending) { codes[$0] == UInt8.max ? nil : codes[$0] }
        case .money:
            let amounts = amounts[column.slot]
            return sortedByKey(rows, descending: descending) { amounts.figure($0) }
        case .qualifier(let figure):
            let amounts = amounts[figure.slot]
            return sortedByKey(rows, descending: descending) { amounts.qualifier($0).rawValue }
        }
    }

    private func sortedByText(_ rows: [Int], descending: Bool, _ text: (Int) -> String) -> [Int] {
        // Compare folded text once per row, not once per comparison.
        let keys = rows.map { TextSearch.fold(text($0)) }
        return stableOrder(rows, descending: descending) { keys[$0] }
    }

    /// Categories sort by their text; each distinct value is ranked once.
    private func sortedByCategory(_ rows: [Int], ids: [Int32], vocabulary: Vocabulary, descending: Bool) -> [Int] {
        let order = vocabulary.values.indices.sorted {
            TextSearch.fold(vocabulary.values[$0]) < TextSearch.fold(vocabulary.values[$1])
        }
        var rank = [Int](repeating: 0, count: vocabulary.count)
        for (position, id) in order.enumerated() { rank[id] = position }
        return sortedByKey(rows, descending: descending) { row -> Int? in
            let id = ids[row]
            return id >= 0 ? rank[Int(id)] : nil
        }
    }

    private func sortedByKey<Key: Comparable>(_ rows: [Int], descending: Bool, _ key: (Int) -> Key?) -> [Int] {
        let keys = rows.map(key)
        return stableOrder(rows, descending: descending) { keys[$0] }
    }

    /// Sorts positions of `rows` by a key looked up per position; nil keys go last;
    /// ties keep their original order.
    private func stableOrder<Key: Comparable>(_ rows: [Int], descending: Bool, _ key: (Int) -> Key?) -> [Int] {
        let positions = rows.indices.sorted { left, right in
            switch (key(left), key(right)) {
            case let (a?, b?):
                if a != b { return descending ? a > b : a < b }
                return left < right
            case (nil, nil): return left < right
            case (nil, _): return false
            case (_, nil): return true
            }
        }
        return positions.map { rows[$0] }
    }
}

/// Each column's order of the whole register, in each direction, built the first time it
/// is asked for. Shared by copies of a register, which never changes once loaded.
final class SortOrders: @unchecked Sendable {
    private struct Key: Hashable {
        var column: SortColumn
        var descending: Bool
    }

    private let lock = NSLock()
    private var orders: [Key: [Int32]] = [:]

    func order(column: SortColumn, descending: Bool, build: () -> [Int32]) -> [Int32] {
        let key = Key(column: column, descending: descending)
        lock.lock()
        defer { lock.unlock() }
        if let order = orders[key] { return order }
        let order = build()
        orders[key] = order
        return order
    }
}

/// The partners of one row as they are read, in order, each once. Rows list a handful,
/// which an array searches fastest; a hostile row may list tens of thousands, which an
/// array would search in time growing with their square, so past a few a set answers.
struct RowPartners {
    private(set) var ids: [Int32] = []
    /// Every id in `ids` once there are more than `searchLimit`; empty until then.
    private var seen: Set<Int32> = []
    private static let searchLimit = 16

    var isEmpty: Bool { ids.isEmpty }

    func contains(_ id: Int32) -> Bool {
        ids.count <= Self.searchLimit ? ids.contains(id) : seen.contains(id)
    }

    /// Adds `id` unless the row already has it; false when it had.
    mutating func insert(_ id: Int32) -> Bool {
        if contains(id) { return false }
        ids.append(id)
        if ids.count == Self.searchLimit + 1 {
            seen = Set(ids)
        } else if ids.count > Self.searchLimit {
            seen.insert(id)
        }
        return true
    }

    /// Empty again, keeping the room for the next row.
    mutating func removeAll() {
        ids.removeAll(keepingCapacity: true)
        if !seen.isEmpty { seen.removeAll(keepingCapacity: true) }
    }
}

/// The partners of one row as they are read, in order, each once. Rows list a handful,
/// which an array searches fastest; a hostile row may list tens of thousands, which an
/// array would search in time growing with their square, so past a few a set answers.
struct RowPartners {
    private let list = ReusedBuffer<Int32>(capacity: 16)
    /// Every id in `ids` once there are more than `searchLimit`; empty until then.
    private var seen: Set<Int32> = []
    private static let searchLimit = 16

    var isEmpty: Bool { list.isEmpty }

    /// The ids, valid until the next change.
    var ids: UnsafeBufferPointer<Int32> { list.slice(0..<list.count) }

    func contains(_ id: Int32) -> Bool {
        list.count <= Self.searchLimit ? ids.contains(id) : seen.contains(id)
    }

    /// Adds `id` unless the row already has it; false when it had.
    mutating func insert(_ id: Int32) -> Bool {
        if contains(id) { return false }
        list.append(id)
        if list.count == Self.searchLimit + 1 {
            seen = Set(ids)
        } else if list.count > Self.searchLimit {
            seen.insert(id)
        }
        return true
    }

    /// Empty again, keeping the room for the next row.
    mutating func removeAll() {
        list.removeAll()
        if !seen.isEmpty { seen.removeAll(keepingCapacity: true) }
    }
}

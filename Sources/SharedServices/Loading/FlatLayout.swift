/// An `ArrangementLayout`'s positions in one block of memory that its reader owns, read
/// through buffer pointers. A stretch's reader looks at them for every row, and reading the
/// layout's arrays there retained and released each array each time: about twenty atomic
/// operations a row, a tenth of reading a stretch.
struct FlatLayout: ~Copyable {
    let texts: UnsafeBufferPointer<Int>
    let interned: UnsafeBufferPointer<Int>
    /// Per interned slot, 1 when it is kept exactly as written (see `ArrangementLayout.internedIsExact`).
    let internedIsExact: UnsafeBufferPointer<Int>
    let organisations: UnsafeBufferPointer<Int>
    let years: UnsafeBufferPointer<Int>
    let choices: UnsafeBufferPointer<Int>
    /// Each figure's column, and its qualifier's at the same slot.
    let figures: UnsafeBufferPointer<Int>
    let qualifiers: UnsafeBufferPointer<Int>
    let required: UnsafeBufferPointer<Int>
    /// Group `g`'s columns are `groupMembers[groupStarts[g]..<groupStarts[g + 1]]`.
    let groupStarts: UnsafeBufferPointer<Int>
    let groupMembers: UnsafeBufferPointer<Int>
    private let block: UnsafeMutableBufferPointer<Int>

    init(_ layout: ArrangementLayout) {
        var groupStarts = [0]
        for group in layout.groups { groupStarts.append(groupStarts[groupStarts.count - 1] + group.count) }
        let lists: [[Int]] = [
            layout.texts, layout.interned, layout.internedIsExact.map { $0 ? 1 : 0 }, layout.organisations,
            layout.years, layout.choices, layout.amounts.map(\.figure), layout.amounts.map(\.qualifier),
            layout.required, groupStarts, layout.groups.flatMap { $0 },
        ]
        let block = UnsafeMutableBufferPointer<Int>.allocate(capacity: lists.reduce(0) { $0 + $1.count })
        var parts: [UnsafeBufferPointer<Int>] = []
        var start = 0
        for list in lists {
            let part = UnsafeMutableBufferPointer(rebasing: block[start..<start + list.count])
            _ = part.initialize(from: list)
            parts.append(UnsafeBufferPointer(part))
            start += list.count
        }
        self.block = block
        texts = parts[0]
        interned = parts[1]
        internedIsExact = parts[2]
        organisations = parts[3]
        years = parts[4]
        choices = parts[5]
        figures = parts[6]
        qualifiers = parts[7]
        required = parts[8]
        self.groupStarts = parts[9]
        groupMembers = parts[10]
    }

    deinit { block.deallocate() }

    var groupCount: Int { groupStarts.count - 1 }

    func group(_ index: Int) -> UnsafeBufferPointer<Int> {
        UnsafeBufferPointer(rebasing: groupMembers[groupStarts[index]..<groupStarts[index + 1]])
    }
}

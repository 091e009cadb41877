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
    /// Choice slot `s`'s words are `choiceWords[choiceWordStarts[s]..<choiceWordStarts[s + 1]]`,
    /// each as three: its length, then its bytes in two 8-byte words, zero past its end (a
    /// word longer than sixteen bytes as length -1, which no cell matches here).
    let choiceWordStarts: UnsafeBufferPointer<Int>
    let choiceWords: UnsafeBufferPointer<Int>
    private let block: UnsafeMutableBufferPointer<Int>

    init(_ layout: ArrangementLayout) {
        var groupStarts = [0]
        for group in layout.groups { groupStarts.append(groupStarts[groupStarts.count - 1] + group.count) }
        var choiceWordStarts = [0]
        var choiceWords: [Int] = []
        for list in layout.choiceLists {
            for name in list.names {
                let packed = Self.packed(Array(name.utf8))
                choiceWords += [packed == nil ? -1 : name.utf8.count, packed?.low ?? 0, packed?.high ?? 0]
            }
            choiceWordStarts.append(choiceWords.count)
        }
        let lists: [[Int]] = [
            layout.texts, layout.interned, layout.internedIsExact.map { $0 ? 1 : 0 }, layout.organisations,
            layout.years, layout.choices, layout.amounts.map(\.figure), layout.amounts.map(\.qualifier),
            layout.required, groupStarts, layout.groups.flatMap { $0 }, choiceWordStarts, choiceWords,
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
        self.choiceWordStarts = parts[11]
        self.choiceWords = parts[12]
    }

    deinit { block.deallocate() }

    var groupCount: Int { groupStarts.count - 1 }

    func group(_ index: Int) -> UnsafeBufferPointer<Int> {
        UnsafeBufferPointer(rebasing: groupMembers[groupStarts[index]..<groupStarts[index + 1]])
    }

    /// The code of choice slot `slot`'s word spelt exactly as `value`, if there is one.
    func choiceCode(_ slot: Int, spelt value: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard let packed = Self.packed(value) else { return nil }
        var index = choiceWordStarts[slot]
        var code: UInt8 = 0
        while index < choiceWordStarts[slot + 1] {
            if choiceWords[index] == value.count && choiceWords[index + 1] == packed.low
                && choiceWords[index + 2] == packed.high
            {
                return code
            }
            index += 3
            code += 1
        }
        return nil
    }

    /// Up to sixteen bytes as two words, zero past the last byte; nil for more.
    private static func packed(_ bytes: some Collection<UInt8>) -> (low: Int, high: Int)? {
        guard bytes.count <= 16 else { return nil }
        var words: (Int, Int) = (0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            for (offset, byte) in bytes.enumerated() { raw[offset] = byte }
        }
        return (words.0, words.1)
    }
}

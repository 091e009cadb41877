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
    /// each as three: its length and its two `overlappingWords`.
    let choiceWordStarts: UnsafeBufferPointer<Int>
    let choiceWords: UnsafeBufferPointer<Int>
    /// The choices' lists themselves, for a word their packed words do not settle.
    let choiceLists: [Choices]
    private let block: UnsafeMutableBufferPointer<Int>

    init(_ layout: ArrangementLayout) {
        var groupStarts = [0]
        for group in layout.groups { groupStarts.append(groupStarts[groupStarts.count - 1] + group.count) }
        var choiceWordStarts = [0]
        var choiceWords: [Int] = []
        for list in layout.choiceLists {
            for name in list.names {
                let words = Array(name.utf8).withUnsafeBufferPointer(Self.overlappingWords)
                choiceWords += [name.utf8.count <= 16 ? name.utf8.count : -1, words.first, words.last]
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
        choiceLists = layout.choiceLists
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
    @inline(__always)
    func choiceCode(_ slot: Int, spelt value: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var words: (first: Int, last: Int)?
        var index = choiceWordStarts[slot]
        var code: UInt8 = 0
        while index < choiceWordStarts[slot + 1] {
            if choiceWords[index] == value.count {
                let found = words ?? Self.overlappingWords(value)
                words = found
                if choiceWords[index + 1] == found.first && choiceWords[index + 2] == found.last { return code }
            }
            index += 3
            code += 1
        }
        return nil
    }

    /// Two loads that between them cover every byte of `bytes`, overlapping when it is shorter
    /// than their two sizes and never reading past its end: for byte strings of the same
    /// length, equal words mean equal bytes.
    private static func overlappingWords(_ bytes: UnsafeBufferPointer<UInt8>) -> (first: Int, last: Int) {
        guard let base = bytes.baseAddress, bytes.count <= 16 else { return (-1, -1) }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        if count >= 8 {
            return (raw.loadUnaligned(as: Int.self), raw.loadUnaligned(fromByteOffset: count - 8, as: Int.self))
        }
        if count >= 4 {
            return (Int(raw.loadUnaligned(as: UInt32.self)), Int(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
        }
        var word = 0
        for index in 0..<count { word |= Int(base[index]) << (8 * index) }
        return (word, 0)
    }
}

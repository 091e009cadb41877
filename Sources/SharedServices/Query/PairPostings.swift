/// For each pair of adjacent characters a search is mostly made of (letters, folded to
/// lower case; digits; a space), the rows whose name or description holds it: a bitmap of
/// every row for a common pair, the list of its rows for a rare one. A search of two such
/// characters is answered by its pair's rows alone; a longer one reads the text only of the
/// rows that hold every one of its pairs. Rows whose text is not all ASCII are left out
/// (their folded text is elsewhere) and are always read.
struct PairPostings: Sendable {
    /// a–z, 0–9 and a space.
    static let symbolCount = 37
    static let pairCount = symbolCount * symbolCount

    let rowCount: Int
    /// The bitmap of each common pair (empty for a rare one), `words` words each.
    private let bitmaps: [[UInt64]]
    /// The rows of each rare pair, ascending (empty for a common one, or one no row holds).
    private let lists: [[UInt32]]

    var words: Int { RowBits.wordCount(rows: rowCount) }

    /// The byte's symbol: 0–25 for a letter of either case, 26–35 for a digit, 36 for a
    /// space, -1 for anything else.
    static let symbols: [Int8] = (0...255).map { byte in
        switch byte {
        case 0x61...0x7A: return Int8(byte - 0x61)
        case 0x41...0x5A: return Int8(byte - 0x41)
        case 0x30...0x39: return Int8(26 + byte - 0x30)
        case 0x20: return 36
        default: return -1
        }
    }

    /// The pairs of a folded needle, or nil when a byte of it has no symbol (then the
    /// postings cannot say which rows hold it) or it is shorter than two.
    static func pairs(of needle: [UInt8]) -> [Int]? {
        guard needle.count >= 2 else { return nil }
        var pairs: [Int] = []
        for index in 1..<needle.count {
            let first = Int(symbols[Int(needle[index - 1])])
            let second = Int(symbols[Int(needle[index])])
            guard first >= 0, second >= 0 else { return nil }
            pairs.append(first * symbolCount + second)
        }
        return pairs
    }

    /// The rows holding every one of `pairs`, as a bitmap of `words` words.
    func rows(holdingEvery pairs: [Int]) -> [UInt64] {
        var result = [UInt64](repeating: UInt64.max, count: words)
        for pair in Set(pairs) {
            if !bitmaps[pair].isEmpty {
                for word in 0..<words { result[word] &= bitmaps[pair][word] }
            } else {
                var only = [UInt64](repeating: 0, count: words)
                for row in lists[pair] { RowBits.insert(Int(row), into: &only) }
                for word in 0..<words { result[word] &= only[word] }
            }
        }
        return result
    }

    /// Bytes held: for the register's size.
    var bytes: Int {
        bitmaps.reduce(0) { $0 + $1.count * 8 } + lists.reduce(0) { $0 + $1.count * 4 }
    }

    /// Built on every core, in two passes over the text: one counts each pair's rows (to
    /// choose a bitmap or a list), the other fills them. Each pass reads a piece's rows in
    /// blocks of 64, keeping one word a pair for the block (a row's bit in it), so that a
    /// pair met many times in a block is one write when the block ends.
    init(_ register: Register, indexed: (Int) -> Bool) {
        let rowCount = register.count
        self.rowCount = rowCount
        let words = RowBits.wordCount(rows: rowCount)
        let pieceCount = rowCount >= Parallel.worthSplitting ? Parallel.coreCount * 2 : 1
        // Pieces of whole blocks, so that no two pieces write one bitmap word.
        let blockRanges = Parallel.ranges(splitting: words, into: pieceCount)
        let indexedRows = (0..<rowCount).map(indexed)
        let counts = Parallel.map(pieceCount) { piece in
            var counts = [Int](repeating: 0, count: Self.pairCount)
            Self.forEachBlock(register, blocks: blockRanges[piece], indexed: indexedRows) { _, pair, word in
                counts[pair] += word.nonzeroBitCount
            }
            return counts
        }
        let isCommon = (0..<Self.pairCount).map { pair in counts.reduce(0) { $0 + $1[pair] } * 32 > rowCount }
        let filled = Parallel.map(pieceCount) { piece in
            let blocks = blockRanges[piece]
            var bitmaps = [[UInt64]](repeating: [], count: Self.pairCount)
            var lists = [[UInt32]](repeating: [], count: Self.pairCount)
            for pair in 0..<Self.pairCount where isCommon[pair] {
                bitmaps[pair] = [UInt64](repeating: 0, count: blocks.count)
            }
            Self.forEachBlock(register, blocks: blocks, indexed: indexedRows) { block, pair, word in
                if isCommon[pair] {
                    bitmaps[pair][block - blocks.lowerBound] = word
                } else {
                    var bits = word
                    while bits != 0 {
                        lists[pair].append(UInt32(block * 64 + bits.trailingZeroBitCount))
                        bits &= bits - 1
                    }
                }
            }
            return (bitmaps: bitmaps, lists: lists)
        }
        bitmaps = (0..<Self.pairCount).map { pair in
            isCommon[pair] ? Array(filled.map { $0.bitmaps[pair] }.joined()) : []
        }
        lists = (0..<Self.pairCount).map { pair in
            isCommon[pair] ? [] : Array(filled.map { $0.lists[pair] }.joined())
        }
    }

    /// Calls `body(block, pair, word)` for each pair met in each block of 64 rows of
    /// `blocks`, `word` holding the bits of the block's rows (row % 64) that hold it.
    private static func forEachBlock(
        _ register: Register, blocks: Range<Int>, indexed: [Bool], _ body: (Int, Int, UInt64) -> Void
    ) {
        var wordOf = [UInt64](repeating: 0, count: pairCount)
        var met: [Int] = []
        met.reserveCapacity(pairCount)
        register.names.bytes.withUnsafeBufferPointer { names in
            register.descriptions.bytes.withUnsafeBufferPointer { descriptions in
                symbols.withUnsafeBufferPointer { symbols in
                    for block in blocks {
                        for row in block * 64..<min(register.count, block * 64 + 64) where indexed[row] {
                            let bit = UInt64(1) << UInt64(row & 63)
                            // Each field on its own: a search never matches across name and description.
                            for fieldIndex in 0..<2 {
                                let field = fieldIndex == 0
                                    ? names[register.names.range(row)] : descriptions[register.descriptions.range(row)]
                                var previous = -1
                                for byte in field {
                                    let symbol = Int(symbols[Int(byte)])
                                    if previous >= 0 && symbol >= 0 {
                                        let pair = previous * symbolCount + symbol
                                        if wordOf[pair] == 0 { met.append(pair) }
                                        wordOf[pair] |= bit
                                    }
                                    previous = symbol
                                }
                            }
                        }
                        for pair in met {
                            body(block, pair, wordOf[pair])
                            wordOf[pair] = 0
                        }
                        met.removeAll(keepingCapacity: true)
                    }
                }
            }
        }
    }
}

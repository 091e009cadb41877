/// The rows of a file's stretches whose id an earlier row already uses, found on every
/// core. Each piece of work takes the ids whose hash falls in its share and walks the
/// stretches in file order, so that, as reading row by row does, the first row with an
/// id is the one kept and every later one is the repeat.
enum RepeatedIDs {
    /// A row whose id is used before, and the row that used it first.
    struct Repeat: Sendable {
        var row: Int
        var firstStretch: Int
        var firstRow: Int
    }

    /// How many shares the ids are cut into: a power of two, more than the cores, so that
    /// an unlucky share does not keep one core busy alone.
    private static let shareBits = 3

    /// By stretch, the repeated rows in row order.
    static func find(in stretches: [ArrangementStretch]) -> [[Repeat]] {
        let shares = 1 << shareBits
        let total = stretches.reduce(0) { $0 + $1.ordinaryRowCount }
        let found = Parallel.map(shares) { share in
            findInShare(share, of: stretches, expectedCount: total / shares + 1)
        }
        var byStretch = [[Repeat]](repeating: [], count: stretches.count)
        for repeats in found {
            for (stretch, repeated) in repeats { byStretch[stretch].append(repeated) }
        }
        for index in byStretch.indices where byStretch[index].count > 1 {
            byStretch[index].sort { $0.row < $1.row }
        }
        return byStretch
    }

    /// An open-addressing table of the share's ids, each entry the stretch and row that
    /// first used it (stretch in the top 24 bits, row in the low 40); -1 marks an empty slot.
    /// It doubles when half full: a file whose ids all fall in one share still loads.
    private static func findInShare(
        _ share: Int, of stretches: [ArrangementStretch], expectedCount: Int
    ) -> [(stretch: Int, repeated: Repeat)] {
        // Sized for the share's expected count, so that a share that draws more than its
        // mean (about half of them) grows: every load goes through the growing.
        var capacity = 16
        while capacity < expectedCount { capacity <<= 1 }
        var entries = [Int64](repeating: -1, count: capacity)
        var entryHashes = [UInt64](repeating: 0, count: capacity)
        var entryCount = 0
        var repeats: [(stretch: Int, repeated: Repeat)] = []
        let shift = UInt64(64 - shareBits)
        for (stretchIndex, stretch) in stretches.enumerated() {
            let hashes = stretch.idHashes
            for row in hashes.indices where Int(hashes[row] >> shift) == share {
                let hash = hashes[row]
                var slot = Int(truncatingIfNeeded: hash) & (entries.count - 1)
                while true {
                    let entry = entries[slot]
                    if entry < 0 {
                        entries[slot] = Int64(stretchIndex) << 40 | Int64(row)
                        entryHashes[slot] = hash
                        entryCount += 1
                        if entryCount * 2 > entries.count { grow(&entries, &entryHashes) }
                        break
                    }
                    let firstStretch = Int(entry >> 40)
                    let firstRow = Int(entry & (1 << 40 - 1))
                    if entryHashes[slot] == hash && sameID(stretches[firstStretch], firstRow, stretch, row) {
                        repeats.append((stretchIndex, Repeat(row: row, firstStretch: firstStretch, firstRow: firstRow)))
                        break
                    }
                    slot = (slot + 1) & (entries.count - 1)
                }
            }
        }
        return repeats
    }

    /// The table at twice the size, every entry placed again.
    private static func grow(_ entries: inout [Int64], _ entryHashes: inout [UInt64]) {
        let capacity = entries.count * 2
        var grown = [Int64](repeating: -1, count: capacity)
        var grownHashes = [UInt64](repeating: 0, count: capacity)
        for (entry, hash) in zip(entries, entryHashes) where entry >= 0 {
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while grown[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            grown[slot] = entry
            grownHashes[slot] = hash
        }
        entries = grown
        entryHashes = grownHashes
    }

    private static func sameID(
        _ left: ArrangementStretch, _ leftRow: Int, _ right: ArrangementStretch, _ rightRow: Int
    ) -> Bool {
        left.ids.withBytes(leftRow) { leftBytes in
            right.ids.withBytes(rightRow) { rightBytes in ByteInterner.equal(leftBytes, rightBytes) }
        }
    }
}

/// The rows of a file's stretches whose id an earlier row already uses, found on every
/// core. The ids are cut into shares by their hash; each piece of work takes a share and
/// walks its rows in file order, so that, as reading row by row does, the first row with
/// an id is the one kept and every later one is the repeat.
enum RepeatedIDs {
    /// A row whose id is used before, and the row that used it first.
    struct Repeat: Sendable {
        var row: Int
        var firstStretch: Int
        var firstRow: Int
    }

    /// How many shares the ids are cut into: enough that a share's table (16 bytes a slot,
    /// twice its ids) stays in a core's cache at 10^6 rows, as a table of all of them
    /// would not, and every probe would wait on memory.
    private static let shareBits = 6

    /// By stretch, the repeated rows in row order.
    static func find(in stretches: [ArrangementStretch]) -> [[Repeat]] {
        let shares = 1 << shareBits
        let rowsByShare = Parallel.map(stretches.count) { index in RowsByShare(stretches[index], shares: shares) }
        let found = Parallel.map(shares) { share in findInShare(share, of: stretches, rowsByShare: rowsByShare) }
        var byStretch = [[Repeat]](repeating: [], count: stretches.count)
        for repeats in found {
            for (stretch, repeated) in repeats { byStretch[stretch].append(repeated) }
        }
        for index in byStretch.indices where byStretch[index].count > 1 {
            byStretch[index].sort { $0.row < $1.row }
        }
        return byStretch
    }

    private static func share(_ hash: UInt64) -> Int { Int(hash >> UInt64(64 - shareBits)) }

    /// A stretch's rows grouped by the share of their id's hash, in row order within each,
    /// each with its hash beside it: a share's rows are then read one after the other, not
    /// looked up all over the stretch's hashes.
    private struct RowsByShare: Sendable {
        /// Share `s`'s rows are `rows[starts[s]..<starts[s + 1]]`, their hashes `hashes[…]` likewise.
        var rows: [Int32]
        var hashes: [UInt64]
        var starts: [Int]

        init(_ stretch: ArrangementStretch, shares: Int) {
            let idHashes = stretch.idHashes
            var starts = [Int](repeating: 0, count: shares + 1)
            for hash in idHashes { starts[RepeatedIDs.share(hash) + 1] += 1 }
            for share in 0..<shares { starts[share + 1] += starts[share] }
            var next = starts
            // Rows as Int32, as the register numbers them (a stretch holds far fewer).
            var rows = [Int32](repeating: 0, count: idHashes.count)
            var hashes = [UInt64](repeating: 0, count: idHashes.count)
            for (row, hash) in idHashes.enumerated() {
                let share = RepeatedIDs.share(hash)
                rows[next[share]] = Int32(row)
                hashes[next[share]] = hash
                next[share] += 1
            }
            self.rows = rows
            self.hashes = hashes
            self.starts = starts
        }

        func range(of share: Int) -> Range<Int> { starts[share]..<starts[share + 1] }
    }

    /// An open-addressing table of the share's ids, each entry the stretch and row that
    /// first used it (stretch in the top 24 bits, row in the low 40); -1 marks an empty
    /// slot. Sized at twice the share's rows, so it never fills.
    private static func findInShare(
        _ share: Int, of stretches: [ArrangementStretch], rowsByShare: [RowsByShare]
    ) -> [(stretch: Int, repeated: Repeat)] {
        let rowCount = rowsByShare.reduce(0) { $0 + $1.range(of: share).count }
        var capacity = 16
        while capacity < rowCount * 2 { capacity <<= 1 }
        var entries = [Int64](repeating: -1, count: capacity)
        var entryHashes = [UInt64](repeating: 0, count: capacity)
        var repeats: [(stretch: Int, repeated: Repeat)] = []
        for (stretchIndex, stretch) in stretches.enumerated() {
            let grouped = rowsByShare[stretchIndex]
            for index in grouped.range(of: share) {
                let row = Int(grouped.rows[index])
                let hash = grouped.hashes[index]
                var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
                while true {
                    let entry = entries[slot]
                    if entry < 0 {
                        entries[slot] = Int64(stretchIndex) << 40 | Int64(row)
                        entryHashes[slot] = hash
                        break
                    }
                    let firstStretch = Int(entry >> 40)
                    let firstRow = Int(entry & (1 << 40 - 1))
                    if entryHashes[slot] == hash && sameID(stretches[firstStretch], firstRow, stretch, row) {
                        repeats.append((stretchIndex, Repeat(row: row, firstStretch: firstStretch, firstRow: firstRow)))
                        break
                    }
                    slot = (slot + 1) & (capacity - 1)
                }
            }
        }
        return repeats
    }

    private static func sameID(
        _ left: ArrangementStretch, _ leftRow: Int, _ right: ArrangementStretch, _ rightRow: Int
    ) -> Bool {
        left.ids.withBytes(leftRow) { leftBytes in
            right.ids.withBytes(rightRow) { rightBytes in ByteInterner.equal(leftBytes, rightBytes) }
        }
    }
}

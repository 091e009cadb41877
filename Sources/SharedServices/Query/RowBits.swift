/// A set of rows as a bitmap, one bit a row in 64-bit words: how the search's index hands
/// rows from one step to the next (the rows holding a pair, those with a partner, those to
/// read).
enum RowBits {
    /// The words a bitmap of `rows` rows takes.
    static func wordCount(rows: Int) -> Int { (rows + 63) / 64 }

    @inline(__always)
    static func holds(_ bits: [UInt64], _ row: Int) -> Bool {
        bits[row >> 6] & (1 << UInt64(row & 63)) != 0
    }

    @inline(__always)
    static func insert(_ row: Int, into bits: inout [UInt64]) {
        bits[row >> 6] |= 1 << UInt64(row & 63)
    }

    /// The rows `bits` holds, ascending; `count` of them (their number of set bits).
    static func rows(in bits: [UInt64], count: Int) -> [Int] {
        var rows: [Int] = []
        rows.reserveCapacity(count)
        for (word, wordBits) in bits.enumerated() {
            var remaining = wordBits
            while remaining != 0 {
                rows.append(word << 6 | remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
        return rows
    }
}

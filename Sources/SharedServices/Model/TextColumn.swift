/// A column of text stored end to end in one byte buffer: a million names are two
/// allocations, not a million, and a search scans contiguous memory.
struct TextColumn: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Row `r` is `bytes[ends[r - 1]..<ends[r]]` (from 0 for the first row).
    private(set) var ends: [Int] = []

    var count: Int { ends.count }

    init() {}

    init(bytes: [UInt8], ends: [Int]) {
        self.bytes = bytes
        self.ends = ends
    }

    func range(_ row: Int) -> Range<Int> {
        (row == 0 ? 0 : ends[row - 1])..<ends[row]
    }

    subscript(row: Int) -> String {
        String(decoding: bytes[range(row)], as: UTF8.self)
    }

    mutating func reserveCapacity(rows: Int, bytes byteCount: Int) {
        ends.reserveCapacity(rows)
        bytes.reserveCapacity(byteCount)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        ends.append(bytes.count)
    }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
    }

    /// Rows `rows` of `other`, in that order; consecutive rows are copied as one stretch of bytes.
    mutating func append(_ rows: [Int], of other: TextColumn) {
        var index = 0
        while index < rows.count {
            // The run of consecutive rows starting here.
            var end = index + 1
            while end < rows.count && rows[end] == rows[end - 1] + 1 { end += 1 }
            let first = other.range(rows[index]).lowerBound
            let last = other.range(rows[end - 1]).upperBound
            let shift = bytes.count - first
            bytes.append(contentsOf: other.bytes[first..<last])
            for row in rows[index..<end] { ends.append(other.ends[row] + shift) }
            index = end
        }
    }

    /// Calls `body` with the UTF-8 bytes of row `row`, without making a String.
    func withBytes<Result>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = range(row)
        return bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[range]))
        }
    }

    /// True when every row is ASCII; eight bytes at a time.
    var isAllASCII: Bool {
        bytes.withUnsafeBytes { raw in
            var index = 0
            while index + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
            while index < raw.count {
                if raw[index] >= 0x80 { return false }
                index += 1
            }
            return true
        }
    }

    /// True when row `row` is all ASCII.
    func isASCII(_ row: Int) -> Bool {
        withBytes(row) { $0.allSatisfy { $0 < 0x80 } }
    }
}

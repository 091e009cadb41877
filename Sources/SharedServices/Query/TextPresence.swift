import Foundation

/// For each row, which letters and digits its name and description contain, one bit
/// each, case folded. A search skips the text of rows that lack a letter of what was typed,
/// and a one-letter search reads no text at all. Made on the first search and kept.
final class TextPresence: @unchecked Sendable {
    /// Every bit set: a row whose text is not all ASCII is always read.
    static let unknown = UInt64.max

    private let lock = NSLock()
    private var masks: [UInt64]?

    func masks(for register: Register) -> [UInt64] {
        lock.lock()
        defer { lock.unlock() }
        if let masks { return masks }
        let built = Self.build(register)
        masks = built
        return built
    }

    /// The bit of a letter (either case) or digit; 0 for any other byte.
    @inline(__always)
    static func bit(_ byte: UInt8) -> UInt64 {
        switch byte {
        case 0x61...0x7A: return 1 << UInt64(byte - 0x61)
        case 0x41...0x5A: return 1 << UInt64(byte - 0x41)
        case 0x30...0x39: return 1 << UInt64(26 + byte - 0x30)
        default: return 0
        }
    }

    static func mask(of needle: [UInt8]) -> UInt64 {
        needle.reduce(0) { $0 | bit($1) }
    }

    private static func build(_ register: Register) -> [UInt64] {
        let count = register.count
        let pieceCount = count >= Parallel.worthSplitting ? Parallel.coreCount * 2 : 1
        let ranges = Parallel.ranges(splitting: count, into: pieceCount)
        let pieces = Parallel.map(pieceCount) { piece in
            let rows = ranges[piece]
            return register.names.bytes.withUnsafeBufferPointer { names in
                register.descriptions.bytes.withUnsafeBufferPointer { descriptions in
                    rows.map { row -> UInt64 in
                        if !register.foldedNonASCIIText.isEmpty && register.foldedNonASCIIText[Int32(row)] != nil {
                            return unknown
                        }
                        var mask: UInt64 = 0
                        for byte in names[register.names.range(row)] { mask |= bit(byte) }
                        for byte in descriptions[register.descriptions.range(row)] { mask |= bit(byte) }
                        return mask
                    }
                }
            }
        }
        return Array(pieces.joined())
    }
}

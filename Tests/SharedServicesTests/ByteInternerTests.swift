import Testing

@testable import SharedServices

/// The interner numbers distinct byte strings in order of first appearance, and finds each
/// again wherever its bytes sit in memory: its hash reads a short tail in at most two
/// loads, overlapping bytes already read, which must not change what a string hashes to.
@Suite struct ByteInternerTests {
    @Test func everyLengthIsFoundAgainFromAnotherPlaceInMemory() {
        let text = Array("Adur District Council; Worthing Borough Council".utf8)
        var interner = ByteInterner()
        for length in 0...text.count {
            let id = text.withUnsafeBufferPointer { interner.intern(UnsafeBufferPointer(rebasing: $0[0..<length])) }
            #expect(id == Int32(length), "a new string of \(length) bytes")
        }
        // The same strings copied behind 0–7 bytes of padding, so that every load is at
        // another alignment and other bytes lie either side.
        for padding in 0..<8 {
            for length in 0...text.count {
                let copy = [UInt8](repeating: 0xFF, count: padding) + text[0..<length] + [0xFE, 0xFD]
                let found = copy.withUnsafeBufferPointer { buffer in
                    let bytes = UnsafeBufferPointer(rebasing: buffer[padding..<padding + length])
                    return interner.find(bytes, hash: ByteInterner.hash(bytes))
                }
                #expect(found == Int32(length), "\(length) bytes behind \(padding)")
            }
        }
        #expect(interner.count == text.count + 1)
    }

    /// A few spellings are found by scanning their lengths, more by the hash: spellings of
    /// one length differing in one byte, repeated before and after the switch, keep the
    /// number of their first appearance either way, and the hash finds those added while
    /// scanning.
    @Test func spellingsScannedAndHashedKeepOneNumbering() {
        let count = ByteInterner.scannedUpTo * 3
        let spellings = (0..<count).map { Array("Shared service \(1_000 + $0)".utf8) }
        var interner = ByteInterner()
        for round in 0..<2 {
            for index in spellings.indices {
                for repeated in [index, index / 2] {
                    let id = spellings[repeated].withUnsafeBufferPointer { interner.intern($0) }
                    #expect(id == Int32(repeated), "round \(round), spelling \(repeated) after \(index)")
                }
            }
        }
        #expect(interner.count == count)
        for (index, spelling) in spellings.enumerated() {
            let found = spelling.withUnsafeBufferPointer { interner.find($0, hash: ByteInterner.hash($0)) }
            #expect(found == Int32(index))
        }
    }

    /// Whether a repeat is the same name decides between one organisation and two: a
    /// difference in any one byte, at every length and alignment, is seen, and equal
    /// bytes are equal.
    @Test func aDifferenceInAnyByteIsSeen() {
        let text = Array("Kensington and Chelsea; Hammersmith and Fulham".utf8)
        for length in 0...text.count {
            for padding in 0..<8 {
                let copy = [UInt8](repeating: 0xEE, count: padding) + text[0..<length] + [0xFE]
                copy.withUnsafeBufferPointer { buffer in
                    text.withUnsafeBufferPointer { original in
                        let same = UnsafeBufferPointer(rebasing: buffer[padding..<padding + length])
                        #expect(ByteInterner.equal(UnsafeBufferPointer(rebasing: original[0..<length]), same))
                    }
                }
                for changed in 0..<length {
                    var other = copy
                    other[padding + changed] ^= 0x20
                    other.withUnsafeBufferPointer { buffer in
                        text.withUnsafeBufferPointer { original in
                            let differing = UnsafeBufferPointer(rebasing: buffer[padding..<padding + length])
                            #expect(
                                !ByteInterner.equal(UnsafeBufferPointer(rebasing: original[0..<length]), differing),
                                "byte \(changed) of \(length) behind \(padding)")
                        }
                    }
                }
            }
            if length > 0 {
                #expect(!text.withUnsafeBufferPointer { ByteInterner.equal(UnsafeBufferPointer(rebasing: $0[0..<length]), UnsafeBufferPointer(rebasing: $0[0..<length - 1])) })
            }
        }
    }

    /// The hash as it was read a byte at a time: for eight bytes or more the loads that
    /// overlap must give exactly this, and shorter strings a hash of every byte.
    static func byteAtATimeHash(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            var word: UInt64 = 0
            for index in 0..<8 { word |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        for (index, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << UInt64(8 * index) }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 32)
    }

    /// Strings that differ only in a byte of their tail hash apart, and from eight bytes
    /// on the hash is the byte-at-a-time one.
    @Test func theTailIsHashedWholeAndAsItWasByteAtATime() {
        var hashes = Set<UInt64>()
        for length in 1...20 {
            for place in 0..<length {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                bytes[place] = UInt8(ascii: "a")
                let hash = bytes.withUnsafeBufferPointer { ByteInterner.hash($0) }
                hashes.insert(hash)
                if length >= 8 { #expect(hash == Self.byteAtATimeHash(bytes), "\(length) bytes, a at \(place)") }
            }
        }
        #expect(hashes.count == (1...20).reduce(0, +), "every string its own hash")
    }
}

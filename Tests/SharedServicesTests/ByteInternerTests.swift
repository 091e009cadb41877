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

    /// Strings that differ only in their last bytes, or only in bytes a tail's overlapping
    /// load re-reads, are told apart.
    @Test func stringsDifferingInTheirTailAreDistinct() {
        var interner = ByteInterner()
        var ids = Set<Int32>()
        for length in 1...20 {
            for last in [UInt8(ascii: "a"), UInt8(ascii: "b")] {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                bytes[length - 1] = last
                ids.insert(bytes.withUnsafeBufferPointer { interner.intern($0) })
            }
        }
        #expect(ids.count == 40)
        #expect(interner.count == 40)
    }
}

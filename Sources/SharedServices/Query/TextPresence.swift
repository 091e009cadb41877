import Foundation

/// The search's index, so that a search reads the text only of rows that may match. For
/// each row, what its name and description contain, case folded: one bit for each letter
/// and digit, and a 256-bit signature of the pairs of adjacent characters (bigrams) each
/// field holds; for each pair of letters, digits and spaces, the rows holding it exactly
/// (`PairPostings`); and for each organisation, the rows it is a partner in
/// (`OrganisationRows`). A row lacking a letter, or a pair, of what was typed cannot match;
/// a one-letter search reads no text at all. Made once, in the background, and kept.
final class TextPresence: @unchecked Sendable {
    /// Every bit set: a row whose text is not all ASCII is always read.
    static let unknown = UInt64.max
    /// The words of a row's bigram signature.
    static let signatureWords = 4

    struct Masks: Sendable {
        /// One word a row: its letters and digits.
        var letters: [UInt64]
        /// `signatureWords` words a row: its bigrams, hashed to 256 bits.
        var bigrams: [UInt64]
        /// The rows of each pair of letters, digits and spaces, exactly.
        var pairs: PairPostings
        /// The rows of each organisation, for a search that matches its name.
        var organisationRows: OrganisationRows

        /// The rows whose text holds the letter or digit of `letterBit` (`TextPresence.bit`),
        /// as a bitmap (`RowBits`): exact, for the index's letters are; rows whose text is
        /// not all ASCII are left out, as the pairs leave them out.
        func rows(holding letterBit: UInt64) -> [UInt64] {
            let words = RowBits.wordCount(rows: letters.count)
            let pieces = Parallel.pieces(of: words, splittingFrom: Parallel.worthSplitting / 64)
            let bitmaps = Parallel.map(pieces.count) { piece in
                pieces[piece].map { word in
                    var bits: UInt64 = 0
                    for row in word * 64..<min(letters.count, word * 64 + 64) {
                        let held = letters[row] & letterBit != 0 && letters[row] != TextPresence.unknown
                        bits |= (held ? 1 : 0) << UInt64(row & 63)
                    }
                    return bits
                }
            }
            return ColumnJoining.joined(bitmaps)
        }
    }

    private let lock = NSLock()
    private var masks: Masks?
    private var preparing = false
    private var waiting: [@Sendable () -> Void] = []

    /// The index when it is ready; nil while it is being made, or was never asked for.
    func readyMasks() -> Masks? {
        lock.lock()
        defer { lock.unlock() }
        return masks
    }

    /// Makes the index on another thread, once; `completion` runs when it is ready (at
    /// once, when it already is).
    func prepare(for register: Register, completion: (@Sendable () -> Void)? = nil) {
        lock.lock()
        if masks != nil {
            lock.unlock()
            completion?()
            return
        }
        if let completion { waiting.append(completion) }
        let start = !preparing
        preparing = true
        lock.unlock()
        guard start else { return }
        DispatchQueue.global(qos: .utility).async {
            let built = Self.build(register)
            self.lock.lock()
            self.masks = built
            let done = self.waiting
            self.waiting = []
            self.lock.unlock()
            done.forEach { $0() }
        }
    }

    /// Builds the index afresh for `register` and gives its size in bytes: for the
    /// benchmarks, which measure what the first search pays and keeps.
    static func buildAfresh(for register: Register) -> Int {
        let masks = build(register)
        return (masks.letters.count + masks.bigrams.count) * MemoryLayout<UInt64>.size + masks.pairs.bytes
            + masks.organisationRows.bytes
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

    /// Which of the 256 signature bits the pair `first`, `second` sets, case folded.
    @inline(__always)
    static func bigram(_ first: UInt8, _ second: UInt8) -> Int {
        let a = UInt32(first &- 0x41 < 26 ? first | 0x20 : first)
        let b = UInt32(second &- 0x41 < 26 ? second | 0x20 : second)
        return Int(((a << 8 | b) &* 0x9E37_79B1) >> 24)
    }

    /// The signature bits of a search's bigrams; all zero for a search shorter than two.
    static func signature(of needle: [UInt8]) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: signatureWords)
        guard needle.count >= 2 else { return words }
        for index in 1..<needle.count {
            let bit = bigram(needle[index - 1], needle[index])
            words[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        return words
    }

    private static func build(_ register: Register) -> Masks {
        let count = register.count
        let ranges = Parallel.pieces(of: count, perCore: 2)
        let pieces = Parallel.map(ranges.count) { piece in
            let rows = ranges[piece]
            var letters = [UInt64](repeating: 0, count: rows.count)
            var bigrams = [UInt64](repeating: 0, count: rows.count * signatureWords)
            register.names.bytes.withUnsafeBufferPointer { names in
                register.descriptions.bytes.withUnsafeBufferPointer { descriptions in
                    for (offset, row) in rows.enumerated() {
                        let signature = offset * signatureWords
                        if !register.foldedNonASCIIText.isEmpty && register.foldedNonASCIIText[Int32(row)] != nil {
                            letters[offset] = unknown
                            for word in 0..<signatureWords { bigrams[signature + word] = unknown }
                            continue
                        }
                        var mask: UInt64 = 0
                        // Each field on its own: a search never matches across name and description.
                        for fieldIndex in 0..<2 {
                            let field = fieldIndex == 0 ? names[register.names.range(row)] : descriptions[register.descriptions.range(row)]
                            var previous: UInt8?
                            for byte in field {
                                mask |= bit(byte)
                                if let previous {
                                    let pair = bigram(previous, byte)
                                    bigrams[signature + pair >> 6] |= 1 << UInt64(pair & 63)
                                }
                                previous = byte
                            }
                        }
                        letters[offset] = mask
                    }
                }
            }
            return (letters: letters, bigrams: bigrams)
        }
        let letters = Array(pieces.map(\.letters).joined())
        let pairs = PairPostings(register, indexed: { letters[$0] != unknown })
        return Masks(
            letters: letters, bigrams: Array(pieces.map(\.bigrams).joined()), pairs: pairs,
            organisationRows: OrganisationRows(register))
    }
}

extension Register {
    /// Builds the search's index of the text afresh and gives its size in bytes: what
    /// `prepareSearch` does in the background, for the benchmarks.
    public func buildSearchIndex() -> Int { TextPresence.buildAfresh(for: self) }

    /// Starts making the search's index on another thread (once); searches use it when it
    /// is ready and read every row's text until then. `completion` runs when it is ready.
    public func prepareSearch(completion: (@Sendable () -> Void)? = nil) {
        textPresence.prepare(for: self, completion: completion)
    }

    /// Makes the search's index and waits for it: for tests and benchmarks.
    public func prepareSearchAndWait() {
        let done = DispatchSemaphore(value: 0)
        prepareSearch { done.signal() }
        done.wait()
    }
}

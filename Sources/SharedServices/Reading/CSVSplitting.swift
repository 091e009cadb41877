/// Splitting a CSV file's body into stretches that can be read on separate cores.
///
/// A stretch must start where a record starts. Whether a line end ends a record depends
/// on whether it is inside quotes, which depends on every quote before it; so a first
/// pass counts the quotes in each stretch (checking the encoding on the way), and each
/// boundary is then moved to the first line end outside quotes. A file that strays from
/// RFC 4180 (a stray quote) can make a boundary land mid-record; the reader checks that
/// each stretch ends exactly where the next begins, and reads the file in one stretch
/// when not.
enum CSVSplitting {
    /// What the first pass found in one stretch.
    struct Survey {
        var quoteCount = 0
        var firstNUL: Int?
        var firstInvalidUTF8: Int?
    }

    static let quote: UInt8 = 0x22
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    /// Nominal stretch starts: `count` pieces of `range`, each but the first moved off
    /// UTF-8 continuation bytes so that it starts on a character. The first starts where
    /// the range does, whatever is there, so that the survey sees a stray continuation
    /// byte at the start of the text.
    static func nominalStarts(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, count: Int) -> [Int] {
        let length = range.count
        var starts: [Int] = []
        for piece in 0..<count {
            var start = range.lowerBound + length / count * piece
            while piece > 0 && start < range.upperBound && bytes[start] & 0xC0 == 0x80 { start += 1 }
            starts.append(max(start, starts.last ?? range.lowerBound))
        }
        return starts
    }

    /// Counts quotes and finds the first NUL and the first invalid UTF-8 in `range`
    /// (a sequence starting in the range may end after it). Eight bytes at a time while
    /// the text is ASCII.
    static func survey(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Survey {
        var survey = Survey()
        guard let base = bytes.baseAddress, !range.isEmpty else { return survey }
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080
        let quotes: UInt64 = 0x2222_2222_2222_2222
        var index = range.lowerBound
        while index < range.upperBound {
            if index + 8 <= range.upperBound {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & high == 0 {
                    survey.quoteCount += zeroBytes(word ^ quotes).nonzeroBitCount
                    if survey.firstNUL == nil && zeroBytes(word) != 0 {
                        survey.firstNUL = index + zeroBytes(word).trailingZeroBitCount / 8
                    }
                    index += 8
                    continue
                }
            }
            let byte = base[index]
            if byte < 0x80 {
                if byte == quote { survey.quoteCount += 1 }
                if byte == 0 && survey.firstNUL == nil { survey.firstNUL = index }
                index += 1
                continue
            }
            if let length = TextBytes.validSequenceLength(bytes, at: index) {
                index += length
            } else {
                if survey.firstInvalidUTF8 == nil { survey.firstInvalidUTF8 = index }
                index += 1
            }
        }
        return survey
    }

    /// 0x80 in exactly the bytes of `word` that are zero.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }

    /// The first record start at or after `from`, given whether `from` is inside quotes:
    /// just after the first line end outside quotes. `end` when there is none before it.
    static func recordStart(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int, insideQuotes: Bool) -> Int {
        var inside = insideQuotes
        var index = from
        while index < end {
            let byte = bytes[index]
            if byte == quote {
                inside.toggle()
            } else if !inside && (byte == lineFeed || byte == carriageReturn) {
                if byte == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == lineFeed { return index + 2 }
                return index + 1
            }
            index += 1
        }
        return end
    }
}

/// Splitting a CSV file's body into stretches that can be read on separate cores.
///
/// A stretch must start where a record starts. Whether a line end ends a record depends
/// on whether it is inside quotes, which depends on every quote before it. Rather than
/// count every quote of the file in a pass of its own, each boundary's state is judged
/// from the quotes just after it (`likelyInsideQuotes`), and the boundary moved to the
/// first line end outside quotes. A file that strays from RFC 4180 (a stray quote) can
/// mislead the judgement; the reader checks that each stretch starts exactly where the
/// one before ended, and reads it again from there when not.
enum CSVSplitting {
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    /// Nominal stretch starts: `count` pieces of `range`, each but the first moved off
    /// UTF-8 continuation bytes so that it starts on a character. The first starts where
    /// the range does, whatever is there, so that `TextBytes.survey` sees a stray
    /// continuation byte at the start of the text.
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

    /// Where each stretch most likely starts: the body's start, then the first record start
    /// after each nominal start but the first (judged by `likelyInsideQuotes`), then the end.
    /// Never decreasing; a stretch may be empty.
    static func likelyRecordStarts(_ bytes: UnsafeBufferPointer<UInt8>, nominalStarts: [Int], bodyStart: Int) -> [Int] {
        var starts = [bodyStart]
        for piece in nominalStarts.indices.dropFirst() {
            let from = max(nominalStarts[piece], bodyStart)
            let next = piece + 1 < nominalStarts.count ? nominalStarts[piece + 1] : bytes.count
            let limit = min(next, from + judgementReach)
            let start = recordStart(
                bytes, from: from, end: limit, insideQuotes: likelyInsideQuotes(bytes, at: from, limit: limit))
            starts.append(max(start, starts[starts.count - 1]))
        }
        starts.append(bytes.count)
        return starts
    }

    /// How far a boundary's judgement reads, ahead and back, and how far a record start is
    /// looked for after it: on the thread that starts the reading, so bounded, though a
    /// register with no quotes would otherwise be read whole. Past it, a boundary is taken
    /// as outside quotes, and read again if that was wrong.
    static let judgementReach = 1 << 16

    /// Whether `offset` is most likely inside quotes (an odd number of quotes before it),
    /// judged from the quotes after it, up to `limit` and at most `judgementReach` on.
    ///
    /// In RFC 4180 a run of quotes is an opening quote (just after a comma or a line
    /// start), doubled quotes, and a closing quote (just before a comma or a line end), each
    /// there or not. So an odd run after a delimiter and before anything else opens a field
    /// (outside before it); an odd run before a delimiter and after anything else closes
    /// one (inside before it); an even run not between two delimiters is doubled quotes
    /// (inside). The first run that tells, with the number of quotes before it, says
    /// whether `offset` is inside: in RFC 4180 text, always rightly. Outside when no run
    /// tells within reach, as in a quoted value longer than that.
    static func likelyInsideQuotes(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, limit: Int) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        func isDelimiter(_ index: Int) -> Bool {
            guard index >= 0 && index < bytes.count else { return true }
            return bytes[index] == comma || bytes[index] == lineFeed || bytes[index] == carriageReturn
        }
        // A run is judged whole: start at the start of one that `offset` is in.
        var index = offset
        while index > 0 && index <= bytes.count && bytes[index - 1] == quote {
            index -= 1
            if offset - index > judgementReach { return false }
        }
        // The quotes from there to the run that tells, less those before `offset`: only its evenness counts.
        var quotesBefore = index - offset
        let end = min(limit, offset + judgementReach, bytes.count)
        let quotes: UInt64 = 0x2222_2222_2222_2222
        while index < end {
            // Eight bytes at a time to the next quote.
            if index + 8 <= end {
                let found = zeroBytes(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ quotes)
                guard found != 0 else {
                    index += 8
                    continue
                }
                index += found.trailingZeroBitCount / 8
            } else if bytes[index] != quote {
                index += 1
                continue
            }
            let runStart = index
            while index < end && bytes[index] == quote { index += 1 }
            // A run cut short by the reach cannot be told.
            if index == end && index < bytes.count && bytes[index] == quote { return false }
            let runLength = index - runStart
            let afterDelimiter = isDelimiter(runStart - 1)
            let beforeDelimiter = isDelimiter(index)
            let insideBeforeRun: Bool?
            if runLength.isMultiple(of: 2) {
                insideBeforeRun = afterDelimiter && beforeDelimiter ? nil : true
            } else {
                insideBeforeRun = afterDelimiter == beforeDelimiter ? nil : beforeDelimiter
            }
            if let insideBeforeRun { return insideBeforeRun != !quotesBefore.isMultiple(of: 2) }
            quotesBefore += runLength
        }
        return false
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

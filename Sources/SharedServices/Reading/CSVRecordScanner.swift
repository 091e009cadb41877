/// Finds the fields of one CSV record at a time, as RFC 4180 has them: quoted fields with
/// commas, doubled quotes and line breaks; LF, CRLF or lone-CR line ends; a final record
/// with or without a line end; a trailing comma as one more, empty field. The value of a
/// field is exactly the bytes between its quotes, with doubled quotes undoubled: line
/// breaks and spaces are kept as written.
///
/// It is forgiving where people's files commonly stray: a quote inside an unquoted field
/// is a literal quote, and text after a closing quote is kept as part of the field; each
/// such place is noted for a warning. Only a quote never closed stops the reading.
///
/// Bytes are compared sixteen at a time (eight or one near the end of the file); a value is
/// copied only when it has a doubled quote or text after its closing quote, into a buffer
/// reused from record to record.
struct CSVRecordScanner {
    let bytes: UnsafeBufferPointer<UInt8>

    /// A field of the record last scanned.
    struct Field: BitwiseCopyable {
        /// Where it starts in the file (its opening quote, when quoted).
        var start: Int
        /// Where its value is: in the file, or in `unescaped` when copied (two numbers, not
        /// a `Range`, so that a field is plain bytes to copy).
        var valueStart: Int
        var valueEnd: Int
        var isCopied: Bool
        var hasNonASCII: Bool

        var value: Range<Int> { valueStart..<valueEnd }
    }

    /// The fields of the record last scanned: one list, so that a field is one append
    /// (a record's sixteen fields were eighty appends, each checking its array is unshared).
    let fields = ReusedBuffer<Field>(capacity: 32)
    /// Whether the record holds a control character other than a tab or a line break.
    private(set) var hasControlCharacters = false
    /// Whether any field of the record holds a byte outside ASCII.
    private(set) var hasNonASCII = false
    /// Places in the record that stray from RFC 4180 but were read, for warnings.
    private(set) var quirks: [Quirk] = []
    /// Line ends scanned so far, counted as lines are (CRLF is one), inside quotes too.
    private(set) var lineEnds = 0
    private let unescaped: ReusedBuffer<UInt8>

    struct Quirk: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            case quoteInUnquotedField
            case textAfterClosingQuote

            var message: String {
                switch self {
                case .quoteInUnquotedField: return "a quote inside an unquoted field was read as a literal quote character"
                case .textAfterClosingQuote: return "text after a closing quote was kept as part of the field"
                }
            }
        }
        var kind: Kind
        /// Offset in the file of the place the warning points at.
        var offset: Int

        static let unclosedQuoteMessage =
            "a quoted field starting here is never closed (a missing \" before the end of the file)"
    }

    enum Outcome {
        /// The record ends just before `end` (after its line end, if it has one).
        case record(end: Int)
        /// A quote opened at `openingQuote` is never closed.
        case unclosedQuote(openingQuote: Int)
    }

    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20

    init(bytes: UnsafeBufferPointer<UInt8>, unescaped: ReusedBuffer<UInt8> = ReusedBuffer(capacity: 4_096)) {
        self.bytes = bytes
        self.unescaped = unescaped
    }

    var fieldCount: Int { fields.count }

    /// The value of field `field` of the record last scanned, valid until the next scan.
    func value(_ field: Int) -> UnsafeBufferPointer<UInt8> {
        let field = fields[field]
        if field.isCopied { return unescaped.slice(field.value) }
        return UnsafeBufferPointer(rebasing: bytes[field.value])
    }

    func string(_ field: Int) -> String {
        String(decoding: value(field), as: UTF8.self)
    }

    /// Whether the fields of the record last scanned (ending at `recordEnd`) that hold bytes
    /// outside ASCII are valid UTF-8, as the file has them: each from its start to the next
    /// field's (commas, quotes and line ends are ASCII, so no sequence can cross them).
    func nonASCIIFieldsAreValidUTF8(recordEnd: Int) -> Bool {
        for index in 0..<fields.count where fields[index].hasNonASCII {
            let end = index + 1 < fields.count ? fields[index + 1].start : recordEnd
            if TextBytes.survey(bytes, range: fields[index].start..<end).firstInvalidUTF8 != nil { return false }
        }
        return true
    }

    /// Every field of the record last scanned, as text.
    func strings() -> [String] {
        (0..<fieldCount).map(string)
    }

    /// When the line starting at `start` holds nothing but spaces and tabs: where its line
    /// end (or the end of the file) is. Such lines carry no data and are skipped.
    func blankLineEnd(from start: Int) -> Int? {
        var index = start
        while index < bytes.count && (bytes[index] == Self.space || bytes[index] == Self.tab) { index += 1 }
        guard index < bytes.count else { return index > start ? index : nil }
        return bytes[index] == Self.lineFeed || bytes[index] == Self.carriageReturn ? index : nil
    }

    /// Just after the line end at `index`, counting it.
    mutating func consumeLineEnd(at index: Int) -> Int {
        lineEnds += 1
        if bytes[index] == Self.carriageReturn && index + 1 < bytes.count && bytes[index + 1] == Self.lineFeed {
            return index + 2
        }
        return index + 1
    }

    /// Scans the record starting at `start` (not a blank line).
    mutating func scan(at start: Int) -> Outcome {
        fields.removeAll()
        if !quirks.isEmpty { quirks.removeAll(keepingCapacity: true) }
        hasControlCharacters = false
        hasNonASCII = false
        unescaped.removeAll()
        let count = bytes.count
        var index = start
        while true {
            if index < count && bytes[index] == Self.quote {
                guard let end = scanQuotedField(at: index) else { return .unclosedQuote(openingQuote: index) }
                index = end
            } else {
                index = scanUnquotedFields(at: index)
            }
            guard index < count else { break }
            if bytes[index] == Self.comma {
                index += 1
                if index >= count || bytes[index] == Self.lineFeed || bytes[index] == Self.carriageReturn {
                    // A trailing comma: one more, empty field.
                    appendField(start: index, value: index..<index, copied: false, nonASCII: false)
                    if index < count { index = consumeLineEnd(at: index) }
                    break
                }
                continue
            }
            index = consumeLineEnd(at: index)
            break
        }
        return .record(end: index)
    }

    private mutating func appendField(start: Int, value: Range<Int>, copied: Bool, nonASCII: Bool) {
        hasNonASCII = hasNonASCII || nonASCII
        fields.append(
            Field(start: start, valueStart: value.lowerBound, valueEnd: value.upperBound, isCopied: copied, hasNonASCII: nonASCII))
    }

    /// Scans an unquoted field, and the unquoted fields after it while the next is neither
    /// quoted nor a trailing comma's; returns the index of the comma, line end or end of file
    /// after the last one scanned. Sixteen bytes are compared at once, and every special
    /// byte among them (as `specialBytes` has them) is dealt with from the one comparison:
    /// most fields are short, and a comparison for each field cost more than its bytes.
    private mutating func scanUnquotedFields(at start: Int) -> Int {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        var fieldStart = start
        var nonASCII = false
        var strayQuote: Int?
        var index = start
        /// Deals with the special byte at `place`; the index to return when the scan ends there.
        func special(at place: Int) -> Int? {
            let byte = base[place]
            if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn {
                if let strayQuote { quirks.append(Quirk(kind: .quoteInUnquotedField, offset: strayQuote)) }
                appendField(start: fieldStart, value: fieldStart..<place, copied: false, nonASCII: nonASCII)
                // Go on to the next field only when it is another plain one.
                let next = place + 1
                guard byte == Self.comma, next < count else { return place }
                let nextByte = base[next]
                if nextByte == Self.quote || nextByte == Self.lineFeed || nextByte == Self.carriageReturn { return place }
                fieldStart = next
                nonASCII = false
                strayQuote = nil
            } else if byte >= 0x80 {
                nonASCII = true
            } else if byte == Self.quote {
                if strayQuote == nil { strayQuote = place }
            } else if byte != Self.tab {
                hasControlCharacters = true  // below 0x20, or DEL
            }
            return nil
        }
        while index + 16 <= count {
            let lanes = Self.specialWords(at: raw + index)
            var low = lanes.low & 0x8080_8080_8080_8080
            while low != 0 {
                if let end = special(at: index + low.trailingZeroBitCount / 8) { return end }
                low &= low &- 1
            }
            var high = lanes.high & 0x8080_8080_8080_8080
            while high != 0 {
                if let end = special(at: index + 8 + high.trailingZeroBitCount / 8) { return end }
                high &= high &- 1
            }
            index += 16
        }
        // The last bytes of the file, one at a time.
        while index < count {
            let byte = base[index]
            if byte == Self.quote || byte == Self.comma || byte < Self.space || byte >= 0x7F,
                let end = special(at: index)
            {
                return end
            }
            index += 1
        }
        if let strayQuote { quirks.append(Quirk(kind: .quoteInUnquotedField, offset: strayQuote)) }
        appendField(start: fieldStart, value: fieldStart..<count, copied: false, nonASCII: nonASCII)
        return count
    }

    /// Scans a quoted field from its opening quote; returns the index of the comma, line
    /// end or end of file after it, or nil when the quote is never closed.
    private mutating func scanQuotedField(at openingQuote: Int) -> Int? {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let valueStart = openingQuote + 1
        var index = valueStart
        var nonASCII = false
        // Once a doubled quote is met, the value is copied: `copiedFrom` is the first byte
        // of the file not yet copied.
        var copyStart: Int?
        var copiedFrom = valueStart
        var valueEnd = valueStart
        while true {
            guard index < count else { return nil }
            if index + 16 <= count {
                let skip = Self.ordinaryBytes(at: raw + index, insideQuotes: true)
                index += skip
                if skip == 16 { continue }
            } else if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let special = Self.specialBytes(in: word, insideQuotes: true)
                if special == 0 {
                    index += 8
                    continue
                }
                index += special.trailingZeroBitCount / 8
            }
            let byte = bytes[index]
            if byte == Self.quote {
                if index + 1 < count && bytes[index + 1] == Self.quote {
                    // A doubled quote: copy up to and including the first of the two.
                    if copyStart == nil { copyStart = unescaped.count }
                    unescaped.append(UnsafeBufferPointer(rebasing: bytes[copiedFrom...index]))
                    index += 2
                    copiedFrom = index
                    continue
                }
                valueEnd = index
                index += 1
                break
            }
            if byte == Self.lineFeed || byte == Self.carriageReturn {
                // Part of the value, as written; counted as a line end.
                index = consumeLineEnd(at: index)
                continue
            }
            if byte >= 0x80 {
                nonASCII = true
            } else if (byte < 0x20 && byte != Self.tab) || byte == 0x7F {
                hasControlCharacters = true
            }
            index += 1
        }
        // Text after the closing quote (`"abc"def`) is not RFC 4180; it is kept, and noted.
        var afterEnd = index
        if index < count && bytes[index] != Self.comma && bytes[index] != Self.lineFeed
            && bytes[index] != Self.carriageReturn
        {
            quirks.append(Quirk(kind: .textAfterClosingQuote, offset: index))
            while afterEnd < count && bytes[afterEnd] != Self.comma && bytes[afterEnd] != Self.lineFeed
                && bytes[afterEnd] != Self.carriageReturn
            {
                let byte = bytes[afterEnd]
                if byte >= 0x80 {
                    nonASCII = true
                } else if (byte < 0x20 && byte != Self.tab) || byte == 0x7F {
                    hasControlCharacters = true
                }
                afterEnd += 1
            }
        }
        if copyStart == nil && afterEnd > index { copyStart = unescaped.count }
        if let copyStart {
            unescaped.append(UnsafeBufferPointer(rebasing: bytes[copiedFrom..<valueEnd]))
            if afterEnd > index { unescaped.append(UnsafeBufferPointer(rebasing: bytes[index..<afterEnd])) }
            appendField(start: openingQuote, value: copyStart..<unescaped.count, copied: true, nonASCII: nonASCII)
        } else {
            appendField(start: openingQuote, value: valueStart..<valueEnd, copied: false, nonASCII: nonASCII)
        }
        return afterEnd
    }

    /// How many of the sixteen bytes at `pointer` are ordinary text before the first that is
    /// not (as `specialBytes` has them); 16 when all are. One vector compare a kind, where
    /// eight bytes at a time took five word operations a kind: descriptions and names
    /// are most of a file's bytes, and long.
    @inline(__always)
    private static func ordinaryBytes(at pointer: UnsafeRawPointer, insideQuotes: Bool) -> Int {
        // The first set byte is the first special one.
        let lanes = specialWords(at: pointer, insideQuotes: insideQuotes)
        if lanes.low != 0 { return lanes.low.trailingZeroBitCount / 8 }
        if lanes.high != 0 { return 8 + lanes.high.trailingZeroBitCount / 8 }
        return 16
    }

    /// The sixteen bytes at `pointer` as two words, each byte all ones where it is not
    /// ordinary text (as `specialBytes` has them) and zero where it is. Apart, and returning
    /// words: written in the body of a longer function, the comparison was compiled a lane
    /// at a time.
    @inline(__always)
    private static func specialWords(at pointer: UnsafeRawPointer, insideQuotes: Bool = false) -> (low: UInt64, high: UInt64) {
        let bytes = pointer.loadUnaligned(as: SIMD16<UInt8>.self)
        var special = bytes .== SIMD16(repeating: quote)
        special .|= bytes .< SIMD16(repeating: space)  // control characters, line ends among them
        special .|= bytes .>= SIMD16(repeating: 0x7F)  // DEL, and bytes outside ASCII
        if !insideQuotes { special .|= bytes .== SIMD16(repeating: comma) }
        let lanes = unsafeBitCast(special, to: SIMD2<UInt64>.self)
        return (lanes[0], lanes[1])
    }

    /// 0x80 in each byte of `word` that is not ordinary text: a comma (outside quotes), a quote,
    /// a control character (line ends included), DEL or a byte outside ASCII. Exact for
    /// the lowest such byte, which is all the scan needs.
    @inline(__always)
    private static func specialBytes(in word: UInt64, insideQuotes: Bool = false) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // Inside quotes a comma is text.
        let comma = insideQuotes ? 0 : CSVSplitting.zeroBytes(word ^ (ones &* 0x2C))
        let quote = CSVSplitting.zeroBytes(word ^ (ones &* 0x22))
        let delete = CSVSplitting.zeroBytes(word ^ (ones &* 0x7F))
        let control = CSVSplitting.zeroBytes(word & (ones &* 0xE0))  // bytes below 0x20
        return comma | quote | delete | control | (word & high)
    }

    /// Where each field of the record last scanned starts, in one pass over the record.
    func fieldPositions(recordStart: Int, recordLine: Int) -> [CellPosition] {
        // Lazily: a table read row by row asks this of every record.
        Self.positions(of: (0..<fields.count).lazy.map { fields[$0].start }, in: bytes, recordStart: recordStart, recordLine: recordLine)
    }

    /// Line and column of each of `offsets` (ascending), in one pass from `recordStart`.
    static func positions(
        of offsets: some Sequence<Int>, in bytes: UnsafeBufferPointer<UInt8>, recordStart: Int, recordLine: Int
    ) -> [CellPosition] {
        var positions: [CellPosition] = []
        positions.reserveCapacity(offsets.underestimatedCount)
        var line = recordLine
        var column = 1
        var index = recordStart
        for offset in offsets {
            while index < offset && index < bytes.count {
                let byte = bytes[index]
                if byte == lineFeed || (byte == carriageReturn && (index + 1 >= bytes.count || bytes[index + 1] != lineFeed)) {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 && byte != lineFeed {
                    column += 1
                }
                index += 1
            }
            positions.append(CellPosition(line: line, column: column))
        }
        return positions
    }

    /// 1-based line and character column of `offset`, in a record that starts at
    /// `recordStart` on line `recordLine` (a record always starts a line).
    static func position(
        of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, recordStart: Int, recordLine: Int
    ) -> CellPosition {
        positions(of: [offset], in: bytes, recordStart: recordStart, recordLine: recordLine)[0]
    }
}

/// Where a cell starts in its file: 1-based line and character column.
struct CellPosition: Sendable, Hashable {
    var line: Int
    var column: Int
}

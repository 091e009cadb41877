/// Checks that a file's bytes are UTF-8 text before any parsing, so that every later
/// stage can assume valid UTF-8 and a binary or mis-encoded file gets one clear message.
enum TextBytes {
    /// The byte offset where the text starts (after a UTF-8 byte-order mark, if any).
    static func validatedTextStart(_ bytes: [UInt8], file: String) throws(LoadError) -> Int {
        try bytes.withUnsafeBufferPointer { buffer throws(LoadError) in try validatedTextStart(buffer, file: file) }
    }

    static func validatedTextStart(_ buffer: UnsafeBufferPointer<UInt8>, file: String) throws(LoadError) -> Int {
        let start = try checkedStart(buffer, file: file)
        let found = survey(buffer, range: start..<buffer.count)
        try throwFirstProblem(
            buffer, textStart: start, file: file, nul: found.firstNUL, invalidUTF8: found.firstInvalidUTF8)
        return start
    }

    /// Where the text starts, after refusing UTF-16 and empty files; the checks that need
    /// only the first bytes.
    static func checkedStart(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(LoadError) -> Int {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw LoadError(
                file: file,
                message: "is UTF-16 text; save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\") and load it again")
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if bytes[start...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw LoadError(file: file, message: "is empty")
        }
        return start
    }

    /// Refuses a file with a NUL byte (binary, or UTF-16 without a mark) or, failing that,
    /// with invalid UTF-8, given the first offset of each.
    static func throwFirstProblem(
        _ bytes: UnsafeBufferPointer<UInt8>, textStart start: Int, file: String, nul: Int?, invalidUTF8: Int?
    ) throws(LoadError) {
        if let nul {
            let place = position(of: nul, in: bytes, textStart: start)
            let looksUTF16 = start + 1 < bytes.count && (bytes[start + 1] == 0 || bytes[start] == 0)
            throw LoadError(
                file: file, line: place.line, column: place.column,
                message: looksUTF16
                    ? "looks like UTF-16 text without a byte-order mark; save it as UTF-8"
                    : "contains binary data (a NUL byte); it is not a CSV or JSON file")
        }
        if let bad = invalidUTF8 {
            let place = position(of: bad, in: bytes, textStart: start)
            let byte = String(bytes[bad], radix: 16, uppercase: true)
            throw LoadError(
                file: file, line: place.line, column: place.column,
                message: "is not valid UTF-8 (byte 0x\(byte)); it may be Latin-1 or Windows-1252 text: save it as UTF-8")
        }
    }

    /// 1-based line and character column of a byte offset. Lines end at LF, CRLF or a lone CR.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, textStart: Int) -> (line: Int, column: Int) {
        // The text starts line 1 as a record starts its line: counted the same way.
        let place = CSVRecordScanner.position(of: offset, in: bytes, recordStart: textStart, recordLine: 1)
        return (place.line, place.column)
    }

    /// 1-based column counted in Unicode scalars (UTF-8 lead bytes), not bytes.
    static func characterColumn(_ bytes: [UInt8], lineStart: Int, offset: Int) -> Int {
        var column = 1
        var index = lineStart
        while index < offset && index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    /// Where a range of a file first has a NUL byte, and invalid UTF-8.
    struct Survey {
        var firstNUL: Int?
        var firstInvalidUTF8: Int?

        var isClean: Bool { firstNUL == nil && firstInvalidUTF8 == nil }
    }

    /// Finds the first NUL and the first invalid UTF-8 in `range` (a sequence starting in
    /// the range may end after it). Eight bytes at a time while the text is ASCII.
    static func survey(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Survey {
        var survey = Survey()
        guard let base = bytes.baseAddress, !range.isEmpty else { return survey }
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080
        var index = range.lowerBound
        while index < range.upperBound {
            if index + 8 <= range.upperBound {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & high == 0 {
                    if survey.firstNUL == nil && CSVSplitting.zeroBytes(word) != 0 {
                        survey.firstNUL = index + CSVSplitting.zeroBytes(word).trailingZeroBitCount / 8
                    }
                    index += 8
                    continue
                }
            }
            let byte = base[index]
            if byte < 0x80 {
                if byte == 0 && survey.firstNUL == nil { survey.firstNUL = index }
                index += 1
                continue
            }
            if let length = validSequenceLength(bytes, at: index) {
                index += length
            } else {
                if survey.firstInvalidUTF8 == nil { survey.firstInvalidUTF8 = index }
                index += 1
            }
        }
        return survey
    }

    /// The length of the valid multi-byte UTF-8 sequence starting at `index`, or nil.
    static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        let minimum: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80
        case 0xE0...0xEF: length = 3; minimum = 0x800
        case 0xF0...0xF4: length = 4; minimum = 0x10000
        default: return nil
        }
        if index + length > bytes.count { return nil }
        var scalar = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let next = bytes[index + offset]
            if next & 0xC0 != 0x80 { return nil }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return nil }
        return length
    }
}

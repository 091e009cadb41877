/// Checks that a file's bytes are UTF-8 text before any parsing, so that every later
/// stage can assume valid UTF-8 and a binary or mis-encoded file gets one clear message.
enum TextBytes {
    /// The byte offset where the text starts (after a UTF-8 byte-order mark, if any).
    static func validatedTextStart(_ bytes: [UInt8], file: String) throws(LoadError) -> Int {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw LoadError(
                file: file,
                message: "is UTF-16 text; save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\") and load it again")
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if bytes[start...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw LoadError(file: file, message: "is empty")
        }
        if let nul = bytes[start...].firstIndex(of: 0) {
            let place = position(of: nul, in: bytes, textStart: start)
            let looksUTF16 = start + 1 < bytes.count && (bytes[start + 1] == 0 || bytes[start] == 0)
            throw LoadError(
                file: file, line: place.line, column: place.column,
                message: looksUTF16
                    ? "looks like UTF-16 text without a byte-order mark; save it as UTF-8"
                    : "contains binary data (a NUL byte); it is not a CSV or JSON file")
        }
        if let bad = firstInvalidUTF8(bytes, from: start) {
            let place = position(of: bad, in: bytes, textStart: start)
            let byte = String(bytes[bad], radix: 16, uppercase: true)
            throw LoadError(
                file: file, line: place.line, column: place.column,
                message: "is not valid UTF-8 (byte 0x\(byte)); it may be Latin-1 or Windows-1252 text: save it as UTF-8")
        }
        return start
    }

    /// 1-based line and character column of a byte offset. Lines end at LF, CRLF or a lone CR.
    static func position(of offset: Int, in bytes: [UInt8], textStart: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = textStart
        var index = textStart
        while index < offset {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return (line, characterColumn(bytes, lineStart: lineStart, offset: offset))
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

    /// Offset of the first byte that does not begin or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return index
            }
            if index + length > count { return index }
            var scalar = UInt32(lead) & (0xFF >> (length + 1))
            for offset in 1..<length {
                let next = bytes[index + offset]
                if next & 0xC0 != 0x80 { return index }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }
}

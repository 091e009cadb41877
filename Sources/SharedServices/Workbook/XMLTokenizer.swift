/// Reads the XML of a workbook's parts as start tags, end tags and text, straight from
/// the bytes, a buffer at a time: a sheet of a million rows is never a tree, nor a
/// String per tag. Only what SpreadsheetML needs is read; comments, processing
/// instructions and document type declarations are skipped, and no entity but XML's
/// five and character references is ever expanded (an external entity stays as written).
struct XMLTokenizer {
    enum Token {
        /// `<name attributes>` or `<name attributes/>`: ranges of the buffer.
        case start(name: Range<Int>, attributes: Range<Int>, selfClosing: Bool)
        case end(name: Range<Int>)
        /// Character data as written: entities still to be decoded (`text(_:)`).
        case text(Range<Int>)
        /// A CDATA section's content, which has no entities.
        case cdata(Range<Int>)
    }

    enum Step {
        case token(Token)
        /// The buffer ends inside a token: read it again from `position` with more bytes.
        case needMore
        case finished
        case malformed(String)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next token starts.
    private(set) var position = 0
    /// Whether the buffer holds the rest of the part: then a token cut short is malformed.
    let isFinal: Bool

    init(bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool) {
        self.bytes = bytes
        self.isFinal = isFinal
    }

    private static let lessThan = UInt8(ascii: "<")
    private static let greaterThan = UInt8(ascii: ">")
    private static let slash = UInt8(ascii: "/")
    private static let colon = UInt8(ascii: ":")

    mutating func next() -> Step {
        guard position < bytes.count else { return isFinal ? .finished : .needMore }
        guard bytes[position] == Self.lessThan else {
            guard let end = find(Self.lessThan, from: position) else {
                // Text after the last tag: whitespace at the end of a part, or more to come.
                if isFinal {
                    let range = position..<bytes.count
                    position = bytes.count
                    return .token(.text(range))
                }
                return .needMore
            }
            let range = position..<end
            position = end
            return .token(.text(range))
        }
        if starts(with: "<?", at: position) { return skip(to: "?>") }
        if starts(with: "<!--", at: position) { return skip(to: "-->") }
        if starts(with: "<![CDATA[", at: position) {
            let contentStart = position + 9
            guard let end = find("]]>", from: contentStart) else { return cutShort("a CDATA section") }
            position = end + 3
            return .token(.cdata(contentStart..<end))
        }
        if starts(with: "<!", at: position) { return skipDeclaration() }
        if position + 1 < bytes.count && bytes[position + 1] == Self.slash {
            guard let end = find(Self.greaterThan, from: position + 2) else { return cutShort("an end tag") }
            let name = trimmed(position + 2..<end)
            position = end + 1
            return name.isEmpty ? .malformed("an end tag has no name") : .token(.end(name: name))
        }
        return startTag()
    }

    /// A start tag: its name, then attributes up to a `>` outside quotes.
    private mutating func startTag() -> Step {
        var index = position + 1
        let nameStart = index
        while index < bytes.count && !Self.isNameEnd(bytes[index]) { index += 1 }
        let nameEnd = index
        var quote: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == Self.greaterThan {
                break
            } else if byte == Self.lessThan {
                return .malformed("a tag has \"<\" inside it")
            }
            index += 1
        }
        guard index < bytes.count else { return cutShort("a start tag") }
        guard nameEnd > nameStart else { return .malformed("a tag has no name") }
        let selfClosing = bytes[index - 1] == Self.slash && index - 1 >= nameEnd
        let attributes = nameEnd..<(selfClosing ? index - 1 : index)
        position = index + 1
        return .token(.start(name: nameStart..<nameEnd, attributes: attributes, selfClosing: selfClosing))
    }

    /// `<!DOCTYPE …>` and the like, with any internal subset in brackets: skipped whole.
    private mutating func skipDeclaration() -> Step {
        var index = position + 2
        var depth = 0
        var quote: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth -= 1
            } else if byte == Self.greaterThan && depth <= 0 {
                position = index + 1
                return next()
            }
            index += 1
        }
        return cutShort("a declaration")
    }

    private mutating func skip(to terminator: StaticString) -> Step {
        guard let end = find(terminator, from: position + 2) else { return cutShort("a comment or instruction") }
        position = end + terminator.utf8CodeUnitCount
        return next()
    }

    private func cutShort(_ what: String) -> Step {
        isFinal ? .malformed("the part ends inside \(what)") : .needMore
    }

    // MARK: Names and attributes

    /// Whether the tag or attribute name at `range` is `name`, ignoring a namespace prefix
    /// (`x:row` is `row`).
    func isName(_ range: Range<Int>, _ name: StaticString) -> Bool {
        var start = range.lowerBound
        for index in range where bytes[index] == Self.colon { start = index + 1 }
        let count = name.utf8CodeUnitCount
        guard range.upperBound - start == count else { return false }
        let expected = name.utf8Start
        for offset in 0..<count where bytes[start + offset] != expected[offset] { return false }
        return true
    }

    /// The value of attribute `name` (its local name) among `attributes`, entities undecoded.
    func attribute(_ name: StaticString, in attributes: Range<Int>) -> Range<Int>? {
        var index = attributes.lowerBound
        while index < attributes.upperBound {
            while index < attributes.upperBound && Self.isSpace(bytes[index]) { index += 1 }
            let nameStart = index
            while index < attributes.upperBound && bytes[index] != UInt8(ascii: "=") && !Self.isSpace(bytes[index]) {
                index += 1
            }
            let nameEnd = index
            while index < attributes.upperBound && bytes[index] != UInt8(ascii: "\"") && bytes[index] != UInt8(ascii: "'") {
                index += 1
            }
            guard index < attributes.upperBound else { return nil }
            let quote = bytes[index]
            let valueStart = index + 1
            index = valueStart
            while index < attributes.upperBound && bytes[index] != quote { index += 1 }
            let value = valueStart..<min(index, attributes.upperBound)
            index += 1
            if nameEnd > nameStart && isName(nameStart..<nameEnd, name) { return value }
        }
        return nil
    }

    /// Text with XML's entities and character references decoded, and the `_xHHHH_`
    /// escapes of SpreadsheetML strings; any other entity is kept as written, never expanded.
    func text(_ range: Range<Int>) -> String {
        var hasEscape = false
        for index in range where bytes[index] == UInt8(ascii: "&") || bytes[index] == UInt8(ascii: "_") {
            hasEscape = true
            break
        }
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        guard hasEscape else { return String(decoding: raw, as: UTF8.self) }
        return XMLText.decoded(raw)
    }

    /// The bytes at `range` as an unsigned integer; nil when they are not digits.
    func integer(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value = 0
        for index in range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    // MARK: Scanning

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == greaterThan || byte == slash
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end && Self.isSpace(bytes[start]) { start += 1 }
        while end > start && Self.isSpace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private func find(_ text: StaticString, from start: Int) -> Int? {
        let count = text.utf8CodeUnitCount
        let first = text.utf8Start[0]
        var index = start
        while let candidate = find(first, from: index) {
            if starts(with: text, at: candidate) { return candidate }
            guard candidate + count <= bytes.count else { return nil }
            index = candidate + 1
        }
        return nil
    }

    private func starts(with text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let expected = text.utf8Start
        for offset in 0..<count where bytes[index + offset] != expected[offset] { return false }
        return true
    }
}

/// Decoding the text of SpreadsheetML parts.
enum XMLText {
    static func decoded(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == UInt8(ascii: "&"), let (scalar, length) = entity(raw, at: index) {
                output.append(contentsOf: String(Character(scalar)).utf8)
                index += length
            } else if byte == UInt8(ascii: "_"), let (scalar, length) = spreadsheetEscape(raw, at: index) {
                output.append(contentsOf: String(Character(scalar)).utf8)
                index += length
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `&lt;`, `&#163;`, `&#xA3;` and the rest of XML's own; nil for any other entity.
    private static func entity(_ raw: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < raw.count && end - start <= 12 && raw[end] != UInt8(ascii: ";") { end += 1 }
        guard end < raw.count, raw[end] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: raw[(start + 1)..<end]), as: UTF8.self)
        let length = end - start + 1
        switch name {
        case "lt": return ("<", length)
        case "gt": return (">", length)
        case "amp": return ("&", length)
        case "quot": return ("\"", length)
        case "apos": return ("'", length)
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { ($0, length) }
        }
    }

    /// `_x000D_`: how SpreadsheetML writes a character XML cannot hold (and `_x005F_` an
    /// underscore that would otherwise start one).
    private static func spreadsheetEscape(_ raw: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        guard start + 7 <= raw.count, raw[start + 1] == UInt8(ascii: "x"), raw[start + 6] == UInt8(ascii: "_") else {
            return nil
        }
        let hex = String(decoding: UnsafeBufferPointer(rebasing: raw[(start + 2)..<(start + 6)]), as: UTF8.self)
        guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, 7)
    }
}

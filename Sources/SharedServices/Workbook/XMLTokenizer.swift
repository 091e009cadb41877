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

    /// How far a token cut short by the end of the buffer was scanned, so that the next
    /// buffer (which starts with that token) resumes the scan instead of repeating it: a
    /// long text read a chunk at a time costs its length, not its length squared.
    struct Resume: Sendable, Equatable {
        enum Kind: Sendable { case text, terminated, startTag, declaration }
        var kind: Kind
        /// Bytes of the token already scanned.
        var scanned: Int
        var quote: UInt8 = 0
        var depth = 0
        /// For a start tag: where its name ends.
        var nameEnd = 0
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next token starts.
    private(set) var position = 0
    /// Whether the buffer holds the rest of the part: then a token cut short is malformed.
    let isFinal: Bool
    /// In: how far the token at the buffer's start was scanned before. Out, with `needMore`:
    /// how far the token at `position` was scanned.
    private(set) var resume: Resume?

    init(bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool, resume: Resume? = nil) {
        self.bytes = bytes
        self.isFinal = isFinal
        self.resume = resume
    }

    /// Where a scan of kind `kind` for the token at `position` may start: after what was
    /// scanned before, less `overlap` bytes (a terminator may straddle the old end).
    private func resumed(_ kind: Resume.Kind, from start: Int, overlap: Int = 0) -> Resume? {
        guard let resume, resume.kind == kind, position == 0 else { return nil }
        return resume.scanned - overlap > start ? Resume(
            kind: kind, scanned: resume.scanned - overlap, quote: resume.quote, depth: resume.depth,
            nameEnd: resume.nameEnd) : nil
    }

    /// `needMore`, noting how far the token at `position` was scanned.
    private mutating func needMore(_ resume: Resume) -> Step {
        self.resume = resume
        return .needMore
    }

    private static let lessThan = UInt8(ascii: "<")
    private static let greaterThan = UInt8(ascii: ">")
    private static let slash = UInt8(ascii: "/")
    private static let colon = UInt8(ascii: ":")

    mutating func next() -> Step {
        // Comments, instructions and declarations are skipped in this loop, not by
        // recursion: a part of a million comments must not run out of stack.
        while true {
            guard position < bytes.count else { return isFinal ? .finished : .needMore }
            guard bytes[position] == Self.lessThan else { return textToken() }
            if starts(with: "<?", at: position) || starts(with: "<!--", at: position) {
                let comment = bytes[position + 1] == UInt8(ascii: "!")
                guard let end = findTerminator(comment ? "-->" : "?>", from: position + 2) else {
                    return cutShort("a comment or instruction")
                }
                position = end + (comment ? 3 : 2)
                clearResume()
                continue
            }
            if starts(with: "<![CDATA[", at: position) {
                let contentStart = position + 9
                guard let end = findTerminator("]]>", from: contentStart) else { return cutShort("a CDATA section") }
                position = end + 3
                clearResume()
                return .token(.cdata(contentStart..<end))
            }
            if starts(with: "<!", at: position) {
                guard let end = declarationEnd() else { return cutShort("a declaration") }
                position = end
                clearResume()
                continue
            }
            if position + 1 < bytes.count && bytes[position + 1] == Self.slash {
                guard let end = findTerminator(">", from: position + 2) else { return cutShort("an end tag") }
                let name = trimmed(position + 2..<end)
                position = end + 1
                clearResume()
                return name.isEmpty ? .malformed("an end tag has no name") : .token(.end(name: name))
            }
            if position + 1 >= bytes.count && !isFinal { return .needMore }
            return startTag()
        }
    }

    /// What was scanned before applies only to the buffer's first token.
    private mutating func clearResume() {
        if position > 0 { resume = nil }
    }

    /// Character data up to the next tag.
    private mutating func textToken() -> Step {
        let from = resumed(.text, from: position)?.scanned ?? position
        guard let end = find(Self.lessThan, from: from) else {
            // Text after the last tag: whitespace at the end of a part, or more to come.
            guard isFinal else { return needMore(Resume(kind: .text, scanned: bytes.count - position)) }
            let range = position..<bytes.count
            position = bytes.count
            return .token(.text(range))
        }
        let range = position..<end
        position = end
        clearResume()
        return .token(.text(range))
    }

    /// Where `terminator` starts, looking from `start` (or from where an earlier buffer's
    /// scan of this token got to); nil, noting how far it looked, when the buffer ends first.
    private mutating func findTerminator(_ terminator: StaticString, from start: Int) -> Int? {
        let overlap = terminator.utf8CodeUnitCount - 1
        let from = resumed(.terminated, from: start, overlap: overlap).map { position + $0.scanned } ?? start
        if let end = find(terminator, from: from) { return end }
        resume = Resume(kind: .terminated, scanned: bytes.count - position)
        return nil
    }

    /// A start tag: its name, then attributes up to a `>` outside quotes.
    private mutating func startTag() -> Step {
        let nameStart = position + 1
        var index: Int
        var nameEnd: Int
        var quote: UInt8 = 0
        if let earlier = resumed(.startTag, from: nameStart) {
            index = position + earlier.scanned
            nameEnd = position + earlier.nameEnd
            quote = earlier.quote
        } else {
            index = nameStart
            while index < bytes.count && !Self.isNameEnd(bytes[index]) { index += 1 }
            nameEnd = index
        }
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isQuoted(byte, &quote) {
                // inside a quoted value, or at one of its quotes
            } else if byte == Self.greaterThan {
                break
            } else if byte == Self.lessThan {
                return .malformed("a tag has \"<\" inside it")
            }
            index += 1
        }
        guard index < bytes.count else {
            // Cut inside its name: read it again whole with the next buffer.
            if !isFinal && nameEnd == bytes.count { return .needMore }
            guard isFinal else {
                return needMore(
                    Resume(kind: .startTag, scanned: index - position, quote: quote, nameEnd: nameEnd - position))
            }
            return .malformed("the part ends inside a start tag")
        }
        guard nameEnd > nameStart else { return .malformed("a tag has no name") }
        let selfClosing = bytes[index - 1] == Self.slash && index - 1 >= nameEnd
        let attributes = nameEnd..<(selfClosing ? index - 1 : index)
        position = index + 1
        clearResume()
        return .token(.start(name: nameStart..<nameEnd, attributes: attributes, selfClosing: selfClosing))
    }

    /// Where `<!DOCTYPE …>` and the like end (after their `>`), with any internal subset
    /// in brackets: skipped whole. Nil, noting how far it looked, when the buffer ends first.
    private mutating func declarationEnd() -> Int? {
        var index = position + 2
        var depth = 0
        var quote: UInt8 = 0
        if let earlier = resumed(.declaration, from: index) {
            index = position + earlier.scanned
            depth = earlier.depth
            quote = earlier.quote
        }
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isQuoted(byte, &quote) {
                // inside a quoted value, or at one of its quotes
            } else if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth -= 1
            } else if byte == Self.greaterThan && depth <= 0 {
                return index + 1
            }
            index += 1
        }
        resume = Resume(kind: .declaration, scanned: index - position, quote: quote, depth: depth)
        return nil
    }

    /// Follows quotes through a tag or declaration: true when `byte` is inside a quoted
    /// value or one of its quotes (`quote` is the one open, or 0).
    private static func isQuoted(_ byte: UInt8, _ quote: inout UInt8) -> Bool {
        if quote != 0 {
            if byte == quote { quote = 0 }
            return true
        }
        guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") else { return false }
        quote = byte
        return true
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
        guard isEscape(raw, at: start),
            let value = UInt32(String(decoding: UnsafeBufferPointer(rebasing: raw[(start + 2)..<(start + 6)]), as: UTF8.self), radix: 16),
            let scalar = Unicode.Scalar(value)
        else { return nil }
        return (scalar, 7)
    }

    /// Whether `_xHHHH_` starts at `start`: exactly four hex digits (a sign, which the
    /// number parser would take, is not one). The writer escapes an underscore that
    /// would read as one, so that text loads back as written.
    static func isEscape(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + 7 <= bytes.count, bytes[start + 1] == UInt8(ascii: "x"), bytes[start + 6] == UInt8(ascii: "_") else {
            return false
        }
        return bytes[(start + 2)..<(start + 6)].allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x66)
        }
    }
}

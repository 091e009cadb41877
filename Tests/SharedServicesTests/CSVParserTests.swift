import Testing

@testable import SharedServices

/// RFC 4180 reading, the forgiving parts, and the encoding checks made before any record
/// is read: each case is read by the loader's CSV reader and by the reference parser,
/// which must agree on every record, cell position, warning and error.
@Suite("CSV parser")
struct CSVParserTests {
    static let file = "test.csv"

    /// Every record of `bytes`, and the warnings, as both readers give them.
    static func parse(
        bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (records: [CSVRecord], warnings: [Diagnostic]) {
        let reference = Result { () throws(LoadError) -> (records: [CSVRecord], warnings: [Diagnostic]) in
            var parser = try CSVParser(bytes: bytes, file: file)
            let records = try parser.readAll()
            return (records, parser.warnings)
        }
        let scanned = Result { () throws(LoadError) -> (records: [TableRow], warnings: [Diagnostic]) in
            let read = try bytes.withUnsafeBufferPointer { buffer throws(LoadError) in try CSVTable.records(buffer, file: file) }
            if let failure = read.failure { throw failure }
            return (read.records, read.warnings)
        }
        switch (reference, scanned) {
        case (.success(let expected), .success(let actual)):
            #expect(actual.records.map(\.fields) == expected.records.map(\.fields), sourceLocation: sourceLocation)
            #expect(actual.records.map(\.line) == expected.records.map(\.line), sourceLocation: sourceLocation)
            #expect(
                actual.records.map { $0.positions ?? [] } == expected.records.map(\.positions),
                sourceLocation: sourceLocation)
            #expect(actual.warnings == expected.warnings, sourceLocation: sourceLocation)
        case (.failure(let expected), .failure(let actual)):
            #expect(actual == expected, sourceLocation: sourceLocation)
        default:
            Issue.record("the readers disagree: \(reference) vs \(scanned)", sourceLocation: sourceLocation)
        }
        return try reference.get()
    }

    static func parse(_ text: String) throws -> (records: [CSVRecord], warnings: [Diagnostic]) {
        try parse(bytes: Array(text.utf8))
    }

    static func fields(_ text: String) throws -> [[String]] {
        try parse(text).records.map(\.fields)
    }

    /// The error reading `bytes` throws, if any.
    static func failure(bytes: [UInt8]) -> LoadError? {
        do {
            _ = try parse(bytes: bytes)
            return nil
        } catch let error as LoadError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    static func failure(_ text: String) -> LoadError? { failure(bytes: Array(text.utf8)) }

    // MARK: Where a scan stops

    /// The scan skips ordinary bytes sixteen or eight at a time: each kind of byte it must
    /// stop on (and the ordinary bytes either side of a kind), at every place in a long
    /// field, quoted or not, in the middle of the file or ending it, reads as the reference
    /// parser reads it.
    @Test(arguments: [
        [UInt8(ascii: ",")], [UInt8(ascii: "\"")], [0x0A], [0x0D], [0x0D, 0x0A], [0x09], [0x01], [0x1F], [0x20],
        [0x7E], [0x7F], Array("é".utf8), Array("€".utf8),
    ])
    func everyStoppingByteAtEveryPlace(stop: [UInt8]) throws {
        let filler = Array("abcdefghijklmnopqrstuvwxyz0123456789ABCD".utf8)
        for place in 0...filler.count {
            let value = Array(filler[..<place]) + stop + Array(filler[place...])
            for quoted in [false, true] {
                // A quote inside quotes is doubled, as a file would hold it.
                let written = quoted ? [UInt8(ascii: "\"")] + value.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22] : value
                let head = Array("id,text,more\nA1,".utf8)
                for bytes in [head + written + Array(",end\nA2,plain,x\n".utf8), head + written] {
                    _ = try? Self.parse(bytes: bytes)
                }
            }
        }
    }

    /// Random records of the bytes a scan must stop on, mixed with ordinary ones, in every
    /// length up to a few blocks of sixteen: each text reads as the reference parser reads
    /// it, and each record's flags (bytes outside ASCII by field, control characters) are
    /// those its values hold.
    @Test func randomRecordsReadAsTheReferenceReadsThem() throws {
        let pieces = (Array(repeating: "a", count: 12) + ["b", " ", ",", ",", ",", "\"", "\n", "\r", "\t", "\u{01}", "\u{7F}", "é"])
            .map { Array($0.utf8) }
        var generator = SplitMix64(seed: 2017)
        var texts = 0
        for _ in 0..<4_000 {
            let length = Int.random(in: 0...70, using: &generator)
            let text = (0..<length).flatMap { _ in pieces.randomElement(using: &generator) ?? [] }
            let bytes = Array("id,text\n".utf8) + text
            // Only texts the reference can read: a quote never closed is its own case.
            guard (try? Self.parse(bytes: bytes)) != nil else { continue }
            texts += 1
            try bytes.withUnsafeBufferPointer { buffer in
                var scanner = CSVRecordScanner(bytes: buffer)
                var index = 0
                while index < buffer.count {
                    guard case .record(let end) = scanner.scan(at: index) else {
                        Issue.record("a quote never closed in \(bytes)")
                        return
                    }
                    var control = false
                    for field in 0..<scanner.fieldCount {
                        let value = scanner.value(field)
                        #expect(scanner.fields[field].hasNonASCII == value.contains { $0 >= 0x80 }, "\(bytes)")
                        control = control || value.contains { ($0 < 0x20 && ![0x09, 0x0A, 0x0D].contains($0)) || $0 == 0x7F }
                    }
                    #expect(scanner.hasControlCharacters == control, "\(bytes)")
                    try #require(end > index)
                    index = end
                }
            }
        }
        #expect(texts > 1_000)
    }

    // MARK: Quoting

    @Test func plainFields() throws {
        #expect(try Self.fields("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
    }

    @Test func quotedFieldKeepsCommas() throws {
        #expect(try Self.fields("id,name\nR1,\"Adur, Worthing\"\n") == [["id", "name"], ["R1", "Adur, Worthing"]])
    }

    @Test func doubledQuotesAreOneQuote() throws {
        #expect(try Self.fields("\"say \"\"hi\"\"\",x\n") == [["say \"hi\"", "x"]])
        // A field that is only a doubled quote, and an empty quoted field.
        #expect(try Self.fields("\"\"\"\",\"\"\n") == [["\"", ""]])
    }

    @Test func newlineInsideQuotesIsKeptAndRecordStartsOnItsFirstLine() throws {
        let result = try Self.parse("id,text\nR1,\"line one\nline two\"\nR2,after\n")
        #expect(result.records.map(\.fields) == [["id", "text"], ["R1", "line one\nline two"], ["R2", "after"]])
        #expect(result.records.map(\.line) == [1, 2, 4])
        #expect(result.warnings.isEmpty)
    }

    /// RFC 4180: a line break inside quotes is part of the value, as written.
    @Test func lineBreaksInsideQuotesAreKeptAsWritten() throws {
        let result = try Self.parse("a,\"x\r\ny\"\r\nb,c\r\n")
        #expect(result.records.map(\.fields) == [["a", "x\r\ny"], ["b", "c"]])
        #expect(result.records.map(\.line) == [1, 3])
        #expect(try Self.fields("a,\"x\ry\nz\"\n") == [["a", "x\ry\nz"]])
    }

    /// RFC 4180: spaces are part of a field, quoted or not.
    @Test func spacesAreKept() throws {
        #expect(try Self.fields("\"  padded  \", bare ,\"\"\n") == [["  padded  ", " bare ", ""]])
    }

    /// Where each field starts: its line and its column in characters, on later lines too.
    @Test func fieldPositions() throws {
        let result = try Self.parse("id,text,n\r\nR1,\"one\r\ntwo\",£3\nR2,\"é\",x\n")
        #expect(result.records.map(\.positions) == [
            [.init(line: 1, column: 1), .init(line: 1, column: 4), .init(line: 1, column: 9)],
            [.init(line: 2, column: 1), .init(line: 2, column: 4), .init(line: 3, column: 6)],
            [.init(line: 4, column: 1), .init(line: 4, column: 4), .init(line: 4, column: 8)],
        ])
    }

    @Test func quotedFieldAtEndOfFileWithoutNewline() throws {
        #expect(try Self.fields("a,\"b c\"") == [["a", "b c"]])
    }

    // MARK: Line ends

    @Test func lineFeedEndings() throws {
        let result = try Self.parse("a,b\nc,d\n")
        #expect(result.records.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(result.records.map(\.line) == [1, 2])
    }

    @Test func crlfEndings() throws {
        let result = try Self.parse("a,b\r\nc,d\r\n")
        #expect(result.records.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(result.records.map(\.line) == [1, 2])
    }

    @Test func loneCREndings() throws {
        let result = try Self.parse("a,b\rc,d\r")
        #expect(result.records.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(result.records.map(\.line) == [1, 2])
    }

    @Test func mixedEndings() throws {
        let result = try Self.parse("a\nb\r\nc\rd")
        #expect(result.records.map(\.fields) == [["a"], ["b"], ["c"], ["d"]])
        #expect(result.records.map(\.line) == [1, 2, 3, 4])
    }

    @Test func lastLineWithAndWithoutNewline() throws {
        #expect(try Self.fields("a,b\nc,d") == [["a", "b"], ["c", "d"]])
        #expect(try Self.fields("a,b\nc,d\n") == [["a", "b"], ["c", "d"]])
        #expect(try Self.fields("a,b\nc,d\r\n") == [["a", "b"], ["c", "d"]])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let result = try Self.parse("a,b\n\n\r\n\rc,d\n\n")
        #expect(result.records.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(result.records.map(\.line) == [1, 5])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,name\nR1,x\n".utf8)
        let result = try Self.parse(bytes: bytes)
        #expect(result.records.map(\.fields) == [["id", "name"], ["R1", "x"]])
        #expect(result.records.first?.fields.first == "id")
        #expect(result.records.map(\.line) == [1, 2])
    }

    // MARK: Empty fields

    @Test func trailingCommaMakesAnEmptyField() throws {
        #expect(try Self.fields("a,b,\nc,d,\n") == [["a", "b", ""], ["c", "d", ""]])
        #expect(try Self.fields("a,b,") == [["a", "b", ""]])
        #expect(try Self.fields("a,b,\r\nc,d,\r\n") == [["a", "b", ""], ["c", "d", ""]])
    }

    @Test func emptyFieldsInTheMiddle() throws {
        #expect(try Self.fields("a,,c\n,,\n") == [["a", "", "c"], ["", "", ""]])
    }

    // MARK: Forgiven strays

    @Test func strayQuoteInsideUnquotedFieldIsKeptWithWarning() throws {
        let result = try Self.parse("id,name\nR1,5\" floppy\n")
        #expect(result.records.map(\.fields) == [["id", "name"], ["R1", "5\" floppy"]])
        #expect(result.warnings.count == 1)
        let warning = try #require(result.warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.file == Self.file)
        #expect(warning.line == 2)
        #expect(warning.column == 5)  // R,1,comma,5 then the quote
    }

    @Test func textAfterClosingQuoteIsKeptWithWarning() throws {
        let result = try Self.parse("id,name\nR1,\"abc\"def,z\n")
        #expect(result.records.map(\.fields) == [["id", "name"], ["R1", "abcdef", "z"]])
        #expect(result.warnings.count == 1)
        let warning = try #require(result.warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.line == 2)
        #expect(warning.column == 9)  // R1,"abc" takes eight columns; d is the ninth
    }

    // MARK: Refusals

    @Test func unterminatedQuoteNamesTheOpeningQuote() throws {
        let error = try #require(Self.failure("id,name\nR1,ok\nR2,\"never closed\nmore text\n"))
        #expect(error.file == Self.file)
        #expect(error.line == 3)
        #expect(error.column == 4)
        #expect(error.description.hasPrefix("test.csv:3:4: "))
    }

    @Test func emptyFileIsEmpty() throws {
        let error = try #require(Self.failure(""))
        #expect(error.message == "is empty")
        #expect(error.line == nil)
    }

    @Test func whitespaceOnlyFileIsEmpty() throws {
        let error = try #require(Self.failure("  \n\t\r\n \n"))
        #expect(error.message == "is empty")
        let bomOnly = try #require(Self.failure(bytes: [0xEF, 0xBB, 0xBF, 0x0A]))
        #expect(bomOnly.message == "is empty")
    }

    @Test(arguments: [[UInt8(0xFF), 0xFE], [0xFE, 0xFF]])
    func utf16ByteOrderMarkIsRefused(bom: [UInt8]) throws {
        let body: [UInt8] = bom == [0xFF, 0xFE] ? [0x69, 0x00, 0x64, 0x00] : [0x00, 0x69, 0x00, 0x64]
        let error = try #require(Self.failure(bytes: bom + body))
        #expect(error.message.contains("UTF-16"))
        #expect(error.message.contains("UTF-8"))
    }

    @Test func nulByteIsBinary() throws {
        let error = try #require(Self.failure(bytes: Array("id,name\nR1,a".utf8) + [0x00] + Array("b\n".utf8)))
        #expect(error.message.contains("binary"))
        #expect(error.line == 2)
        #expect(error.column == 5)
    }

    @Test func invalidUTF8NamesLineAndColumnOfTheBadByte() throws {
        // "Café" in Windows-1252: é is the single byte 0xE9.
        let bytes = Array("id,name\nR1,Caf".utf8) + [0xE9] + Array(" Nero\n".utf8)
        let error = try #require(Self.failure(bytes: bytes))
        #expect(error.line == 2)
        #expect(error.column == 7)
        #expect(error.message.contains("UTF-8"))
        #expect(error.message.contains("0xE9"))
    }

    @Test func invalidUTF8AfterCRLFAndLoneCRLines() throws {
        let crlf = try #require(Self.failure(bytes: Array("a\r\nb\r\nxy".utf8) + [0xFF]))
        #expect(crlf.line == 3)
        #expect(crlf.column == 3)
        let cr = try #require(Self.failure(bytes: Array("a\rb\r".utf8) + [0xFF]))
        #expect(cr.line == 3)
        #expect(cr.column == 1)
    }

    @Test func invalidUTF8AfterByteOrderMarkCountsFromTheText() throws {
        let error = try #require(Self.failure(bytes: [0xEF, 0xBB, 0xBF] + Array("ab".utf8) + [0xC0, 0xAF]))
        #expect(error.line == 1)
        #expect(error.column == 3)
    }

    @Test(arguments: [
        [UInt8(0xC0), 0xAF],  // overlong
        [0xED, 0xA0, 0x80],  // a UTF-16 surrogate
        [0xE2, 0x82],  // cut short at the end
        [0x80],  // a lone continuation byte
        [0xF5, 0x80, 0x80, 0x80],  // beyond U+10FFFF
    ])
    func malformedSequencesAreRefused(bad: [UInt8]) throws {
        let error = try #require(Self.failure(bytes: Array("x,".utf8) + bad))
        #expect(error.line == 1)
        #expect(error.column == 3)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // "Ynys Môn £" before the bad byte: ô and £ are two bytes each but one column each.
        let bytes = Array("id,name\nR1,Ynys Môn £".utf8) + [0xFF]
        let error = try #require(Self.failure(bytes: bytes))
        #expect(error.line == 2)
        #expect(error.column == 14)

        // The opening quote of an unterminated field after multi-byte characters.
        let quote = try #require(Self.failure("id,name\n££,\"open\n"))
        #expect(quote.line == 2)
        #expect(quote.column == 4)

        // A stray quote after CJK characters (three bytes each, one column each).
        let stray = try Self.parse("東京,a\"b\n")
        #expect(stray.warnings.first?.column == 5)
    }

    @Test func validMultiByteTextIsReadIntact() throws {
        #expect(try Self.fields("name,note\nYnys Môn,\"東京, 😀\"\n") == [["name", "note"], ["Ynys Môn", "東京, 😀"]])
    }
}

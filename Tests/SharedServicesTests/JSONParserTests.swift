import Testing

@testable import SharedServices

/// The strict JSON parser, and JSON registers turned into rows of cells.
@Suite("JSON parser and JSON tables")
struct JSONParserTests {
    static let file = "test.json"

    static func parse(_ text: String) throws -> JSONValue {
        var parser = try JSONParser(bytes: Array(text.utf8), file: file)
        return try parser.parseDocument()
    }

    static func failure(_ text: String) -> LoadError? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as LoadError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    /// The string a one-string document holds.
    static func string(_ json: String) throws -> String? {
        guard case .string(let text) = try parse(json) else { return nil }
        return text
    }

    // MARK: Objects and lines

    @Test func objectsKnowTheirLines() throws {
        let text = "[\n  {\"a\": 1},\n  {\n    \"b\": {\"c\": 2}\n  }\n]\n"
        let value = try Self.parse(text)
        guard case .array(let items) = value else {
            Issue.record("not an array: \(value)")
            return
        }
        #expect(items.count == 2)
        guard case .object(let first, let firstLine) = items[0], case .object(let second, let secondLine) = items[1]
        else {
            Issue.record("items are not objects")
            return
        }
        #expect(firstLine == 2)
        #expect(secondLine == 3)
        #expect(first.map(\.key) == ["a"])
        #expect(second.map(\.key) == ["b"])
        guard case .object(_, let innerLine) = second[0].value else {
            Issue.record("b is not an object")
            return
        }
        #expect(innerLine == 4)
    }

    @Test func objectMembersKeepTheirOrder() throws {
        let value = try Self.parse("{\"z\": 1, \"a\": true, \"m\": null, \"k\": [\"x\"]}")
        #expect(
            value
                == .object(
                    [
                        (key: "z", value: .number("1")), (key: "a", value: .bool(true)), (key: "m", value: .null),
                        (key: "k", value: .array([.string("x")])),
                    ], line: 1))
    }

    @Test func crlfLinesAreCountedOnce() throws {
        let value = try Self.parse("[\r\n{},\r\n{}\r\n]")
        #expect(value == .array([.object([], line: 2), .object([], line: 3)]))
    }

    @Test func loneCRLinesAreCountedAsTextBytesCountsThem() throws {
        // The CSV reader and the encoding check both end lines at a lone CR; a JSON file
        // saved with CR line ends should have its objects and errors on the same lines.
        let value = try Self.parse("[\r{},\r{}\r]")
        #expect(value == .array([.object([], line: 2), .object([], line: 3)]))
        let error = try #require(Self.failure("[\r1\r2]"))
        #expect(error.line == 3)
        #expect(error.column == 1)
    }

    // MARK: Strings

    @Test func simpleEscapes() throws {
        #expect(try Self.string(#""a\"b\\c\/d\ne\tf\rg\bh\fi""#) == "a\"b\\c/d\ne\tf\rg\u{08}h\u{0C}i")
    }

    @Test func unicodeEscapes() throws {
        #expect(try Self.string(#""caf\u00e9 \u00E9""#) == "café é")
        #expect(try Self.string(#""\u6771\u4eac""#) == "東京")
    }

    @Test func surrogatePairsJoin() throws {
        #expect(try Self.string(#""\ud83d\ude00""#) == "😀")
        #expect(try Self.string(#""x\uD83C\uDDEC\uD83C\uDDE7y""#) == "x🇬🇧y")
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        #expect(try Self.string(#""a\ud83db""#) == "a\u{FFFD}b")
        #expect(try Self.string(#""a\ude00b""#) == "a\u{FFFD}b")
        #expect(try Self.string(#""\ud83d""#) == "\u{FFFD}")
    }

    @Test func loneHighSurrogateDoesNotSwallowTheNextEscape() throws {
        // The high surrogate has no low one after it: it alone is replaced, and the
        // escape that follows is still read.
        #expect(try Self.string(#""\ud83d\u0041""#) == "\u{FFFD}A")
        #expect(try Self.string(#""\ud83d\ud83d\ude00""#) == "\u{FFFD}😀")
    }

    @Test func rawUTF8IsKept() throws {
        #expect(try Self.string("\"Ynys Môn — 東京 😀\"") == "Ynys Môn — 東京 😀")
    }

    @Test func badStrings() throws {
        #expect(Self.failure(#""\q""#) != nil)
        #expect(Self.failure(#""\u12""#) != nil)
        #expect(Self.failure(#""\u12G4""#) != nil)
        #expect(Self.failure("\"never closed") != nil)
        let control = try #require(Self.failure("[\"a\tb\"]"))
        #expect(control.line == 1)
        #expect(control.column == 4)
    }

    // MARK: Numbers

    @Test(arguments: ["1250000", "0", "-0", "1.50", "-12.5e+3", "1E9", "0.000", "123456789012345678901234567890"])
    func numbersAreKeptAsWritten(literal: String) throws {
        #expect(try Self.parse(literal) == .number(literal))
        #expect(try Self.parse("[\(literal)]") == .array([.number(literal)]))
    }

    @Test(arguments: ["01", "+1", ".5", "1.", "1.e5", "1e", "-", "NaN", "Infinity", "0x10"])
    func badNumbersAreRefused(literal: String) {
        #expect(Self.failure("[\(literal)]") != nil)
    }

    // MARK: Nesting

    @Test func sixtyFourLevelsAreAllowed() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        _ = try Self.parse(text)
    }

    @Test func sixtyFourLevelsHoldingAValueAreAllowed() throws {
        // 64 arrays deep; the number inside is not a 65th level of nesting.
        let text = String(repeating: "[", count: 64) + "1" + String(repeating: "]", count: 64)
        _ = try Self.parse(text)
    }

    @Test func sixtyFiveLevelsAreAnError() throws {
        let text = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let error = try #require(Self.failure(text))
        #expect(error.message.contains("64"))
        #expect(error.line == 1)
        #expect(error.column == 65)
        let objects = String(repeating: "{\"a\":", count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(Self.failure(objects) != nil)
    }

    @Test func hostileNestingIsAnErrorNotACrash() throws {
        let text = String(repeating: "[", count: 200_000)
        let error = try #require(Self.failure(text))
        #expect(error.message.contains("64"))
    }

    // MARK: Syntax errors

    @Test func missingColonNamesLineAndColumn() throws {
        let error = try #require(Self.failure("{\n  \"a\": 1,\n  \"b\" 2\n}"))
        #expect(error.file == Self.file)
        #expect(error.line == 3)
        #expect(error.column == 7)
        #expect(error.message.hasPrefix("is not valid JSON"))
        #expect(error.description.hasPrefix("test.json:3:7: "))
    }

    @Test func trailingCommaIsAnError() throws {
        let array = try #require(Self.failure("[1,]"))
        #expect(array.line == 1)
        #expect(array.column == 4)
        let object = try #require(Self.failure("{\"a\": 1,\n}"))
        #expect(object.line == 2)
        #expect(object.column == 1)
    }

    @Test func missingCommaIsAnError() throws {
        let error = try #require(Self.failure("[\n  1\n  2\n]"))
        #expect(error.line == 3)
        #expect(error.column == 3)
    }

    @Test func columnsCountCharacters() throws {
        let error = try #require(Self.failure("[\"Môn\" \"東京\"]"))
        #expect(error.line == 1)
        #expect(error.column == 8)
    }

    @Test func textAfterTheValueIsAnError() throws {
        let error = try #require(Self.failure("[]\n x"))
        #expect(error.line == 2)
        #expect(error.column == 2)
    }

    @Test func otherSyntaxErrors() {
        #expect(Self.failure("[tru]") != nil)
        #expect(Self.failure("{a: 1}") != nil)
        #expect(Self.failure("[1, 2") != nil)
        #expect(Self.failure("{\"a\": 1") != nil)
        #expect(Self.failure("'x'") != nil)
        #expect(Self.failure("[nul]") != nil)
    }

    @Test func emptyAndBinaryInputsAreRefusedBeforeParsing() throws {
        #expect(Self.failure("")?.message == "is empty")
        #expect(Self.failure(" \n\t ")?.message == "is empty")
        var parser = try JSONParser(bytes: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8), file: Self.file)
        #expect(try parser.parseDocument() == .array([.number("1")]))
    }

    // MARK: Tables from JSON

    static func table(_ text: String) throws(LoadError) -> (reader: TableReader, rows: [TableRow]) {
        var reader = try TableReader(bytes: Array(text.utf8), file: file, format: .json)
        var rows: [TableRow] = []
        while let row = try reader.next() { rows.append(row) }
        return (reader, rows)
    }

    @Test func headerIsTheUnionOfKeysInFirstSeenOrder() throws {
        let (reader, rows) = try Self.table(
            """
            [
              {"b": "1", "a": "2"},
              {"c": "3", "a": "4"},
              {"d": "5", "b": "6"}
            ]
            """)
        #expect(reader.header == ["b", "a", "c", "d"])
        #expect(rows.map(\.fields) == [["1", "2", "", ""], ["", "4", "3", ""], ["6", "", "", "5"]])
        #expect(rows.map(\.line) == [2, 3, 4])
        #expect(rows.allSatisfy { $0.unreadable == nil })
        #expect(reader.headerLine == 1)
    }

    @Test func cellValues() throws {
        let (reader, rows) = try Self.table(
            """
            [{"partners": ["Brent", "Harrow", "Ealing"], "savings": 1250000, "note": null, "flag": true,
              "empty": [], "year": 2015.0}]
            """)
        #expect(reader.header == ["partners", "savings", "note", "flag", "empty", "year"])
        #expect(rows.first?.fields == ["Brent; Harrow; Ealing", "1250000", "", "true", "", "2015.0"])
        #expect(reader.formatWarnings.isEmpty)
    }

    @Test func objectValuesAreLeftEmptyWithAWarning() throws {
        let (reader, rows) = try Self.table("[\n{\"id\": \"R1\", \"contact\": {\"name\": \"Jo\"}}\n]")
        #expect(rows.first?.fields == ["R1", ""])
        #expect(reader.formatWarnings.count == 1)
        let warning = try #require(reader.formatWarnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.line == 2)
        #expect(warning.field == "contact")
    }

    @Test func nonObjectItemsAreReported() throws {
        let (reader, rows) = try Self.table("[\n{\"id\": \"R1\"},\n5,\n\"text\",\n{\"id\": \"R2\"}\n]")
        #expect(reader.header == ["id"])
        #expect(rows.count == 4)
        #expect(rows[0].fields == ["R1"])
        #expect(rows[3].fields == ["R2"])
        #expect(rows[0].unreadable == nil)
        #expect(rows[1].unreadable?.contains("item 2") == true)
        #expect(rows[1].unreadable?.contains("a number") == true)
        #expect(rows[2].unreadable?.contains("item 3") == true)
        #expect(rows[2].unreadable?.contains("a string") == true)
    }

    @Test func documentThatIsNotAnArrayIsRefused() throws {
        do {
            _ = try Self.table("{\"id\": \"R1\"}")
            Issue.record("an object was accepted as a register")
        } catch {
            #expect(error.message.contains("not an array"))
        }
    }
}

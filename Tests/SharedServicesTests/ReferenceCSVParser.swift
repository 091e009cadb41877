// Shared by the test suite and the loader fuzzer (scripts/fuzz.sh compiles it with the
// sources into one module, where there is no SharedServices module to import).
#if canImport(SharedServices)
@testable import SharedServices
#endif

/// One record of a CSV file: its fields and the line it starts on.
struct CSVRecord: Sendable, Equatable {
    var fields: [String]
    /// 1-based line of the record's first byte (a record may span lines inside quotes).
    var line: Int
    /// Where each field starts.
    var positions: [CellPosition] = []

    init(fields: [String], line: Int, positions: [CellPosition] = []) {
        self.fields = fields
        self.line = line
        self.positions = positions
    }

    static func == (lhs: CSVRecord, rhs: CSVRecord) -> Bool { lhs.fields == rhs.fields && lhs.line == rhs.line }
}

/// The reference CSV reader the loader's own is tested against: written apart from it,
/// as plainly as possible, one byte and one record at a time. An RFC 4180 reader over a
/// whole file's bytes: quoted fields with commas, doubled quotes and line breaks (kept as
/// written); LF, CRLF or lone-CR line ends; a final line with or without a line end. It
/// is forgiving where people's files commonly stray (a quote inside an unquoted field,
/// text after a closing quote), reporting each such place as a warning rather than
/// refusing the file.
struct CSVParser {
    private let bytes: [UInt8]
    private let file: String
    private var index: Int
    private var line = 1
    private var lineStart: Int
    /// Places where the file strays from RFC 4180 but could still be read.
    private(set) var warnings: [Diagnostic] = []

    private static let quote: UInt8 = 0x22
    private static let comma: UInt8 = 0x2C
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    /// Validates the encoding up front (UTF-8, optional BOM, no NUL bytes), so a binary
    /// or UTF-16 file is refused with one message before any record is read.
    init(bytes: [UInt8], file: String) throws(LoadError) {
        self.bytes = bytes
        self.file = file
        let start = try TextBytes.validatedTextStart(bytes, file: file)
        self.index = start
        self.lineStart = start
    }

    /// How far through the file reading has got, 0...1.
    var fractionRead: Double {
        bytes.isEmpty ? 1 : Double(index) / Double(bytes.count)
    }

    /// The next non-blank record, or nil at the end of the file.
    mutating func next() throws(LoadError) -> CSVRecord? {
        // Blank lines (or lines of only spaces and tabs) carry no data; skip them rather
        // than report empty records.
        while let afterBlanks = Self.blankLineEnd(bytes, from: index) {
            index = afterBlanks
            if index < bytes.count { consumeLineEnd() }
        }
        guard index < bytes.count else { return nil }
        let recordLine = line
        var fields: [String] = []
        var positions: [CellPosition] = []
        while true {
            positions.append(CellPosition(line: line, column: column))
            fields.append(try readField())
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == Self.comma {
                index += 1
                // A trailing comma at the end of the record means one more, empty field.
                if index >= bytes.count || isLineEnd(bytes[index]) {
                    positions.append(CellPosition(line: line, column: column))
                    fields.append("")
                    if index < bytes.count { consumeLineEnd() }
                    break
                }
                continue
            }
            consumeLineEnd()
            break
        }
        return CSVRecord(fields: fields, line: recordLine, positions: positions)
    }

    /// Reads every remaining record.
    mutating func readAll() throws(LoadError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        while let record = try next() { records.append(record) }
        return records
    }

    /// When the line starting at `start` holds nothing but spaces and tabs: where its
    /// line end (or the end of the file) is.
    static func blankLineEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        guard index < bytes.count else { return index > start ? index : nil }
        return bytes[index] == lineFeed || bytes[index] == carriageReturn ? index : nil
    }

    private func isLineEnd(_ byte: UInt8) -> Bool {
        byte == Self.lineFeed || byte == Self.carriageReturn
    }

    private mutating func consumeLineEnd() {
        if bytes[index] == Self.carriageReturn, index + 1 < bytes.count, bytes[index + 1] == Self.lineFeed {
            index += 2
        } else {
            index += 1
        }
        line += 1
        lineStart = index
    }

    private var column: Int {
        TextBytes.characterColumn(bytes, lineStart: lineStart, offset: index)
    }

    private mutating func warn(_ message: String, line: Int, column: Int) {
        warnings.append(Diagnostic(file: file, line: line, column: column, severity: .warning, message: message))
    }

    /// Reads one field and leaves `index` on the comma, line end, or end of file after it.
    private mutating func readField() throws(LoadError) -> String {
        if index < bytes.count, bytes[index] == Self.quote {
            return try readQuotedField()
        }
        let start = index
        var strayQuoteAt: Int?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.comma || isLineEnd(byte) { break }
            if byte == Self.quote, strayQuoteAt == nil { strayQuoteAt = index }
            index += 1
        }
        if let strayQuoteAt {
            warn(
                "a quote inside an unquoted field was read as a literal quote character",
                line: line, column: TextBytes.characterColumn(bytes, lineStart: lineStart, offset: strayQuoteAt))
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func readQuotedField() throws(LoadError) -> String {
        let openLine = line
        let openColumn = column
        index += 1  // the opening quote
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else {
                throw LoadError(
                    file: file, line: openLine, column: openColumn,
                    message: "a quoted field starting here is never closed (a missing \" before the end of the file)")
            }
            let byte = bytes[index]
            if byte == Self.quote {
                if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                    value.append(Self.quote)
                    index += 2
                    continue
                }
                index += 1  // the closing quote
                break
            }
            if byte == Self.carriageReturn || byte == Self.lineFeed {
                // Line breaks inside a field are kept as written.
                let start = index
                consumeLineEnd()
                value.append(contentsOf: bytes[start..<index])
                continue
            }
            value.append(byte)
            index += 1
        }
        // Text after the closing quote (`"abc"def`) is not RFC 4180; keep it, and say so.
        if index < bytes.count, bytes[index] != Self.comma, !isLineEnd(bytes[index]) {
            warn("text after a closing quote was kept as part of the field", line: line, column: column)
            while index < bytes.count, bytes[index] != Self.comma, !isLineEnd(bytes[index]) {
                value.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: value, as: UTF8.self)
    }
}

extension RegisterLoader.ArrangementsReading {
    /// The reference reading: the file split into rows by `CSVParser`, then read row by row.
    static let rowAtATime = RegisterLoader.ArrangementsReading.cellsFrom(
        RegisterLoader.CSVRowReader(name: "reference") { bytes, file throws(LoadError) in
            var parser = try CSVParser(bytes: bytes, file: file)
            guard let header = try parser.next() else { throw LoadError(file: file, message: "is empty") }
            // The rows are read before the columns are checked, but a failure among them
            // is told after that check, as the loader's reader tells it.
            var rows: [TableRow] = []
            var failure: LoadError?
            do throws(LoadError) {
                while let record = try parser.next() {
                    rows.append(TableRow(fields: record.fields, line: record.line, positions: record.positions))
                }
            } catch {
                failure = error
            }
            return TableReader(
                file: file, header: header.fields.map { $0.trimmingWhitespace() }, headerLine: header.line, rows: rows,
                formatWarnings: parser.warnings, failure: failure)
        })
}

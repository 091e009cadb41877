/// How a register file is written.
public enum RegisterFormat: String, Sendable, CaseIterable {
    case csv, json
    /// A workbook: a zip archive of XML parts (or, encrypted, a compound file).
    case xlsx

    /// By extension (`.csv`, `.json`, `.xlsx`), else by content: a workbook starts as a
    /// zip archive (or an encrypted one as a compound file), JSON with `[` or `{`.
    public static func detect(path: String, bytes: [UInt8]) -> RegisterFormat {
        bytes.withUnsafeBufferPointer { detect(path: path, bytes: $0) }
    }

    static func detect(path: String, bytes: UnsafeBufferPointer<UInt8>) -> RegisterFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return .xlsx }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .xlsx }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let first = bytes[start...].first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return first == UInt8(ascii: "[") || first == UInt8(ascii: "{") ? .json : .csv
    }
}

/// One row of a table file: its cells in header order and its line.
struct TableRow {
    var fields: [String]
    var line: Int
    /// Set when the row cannot be read as cells at all (a JSON item that is not an object).
    var unreadable: String?
    /// Where each cell starts, when the format says (CSV does; a JSON object has one line).
    var positions: [CellPosition]?

    /// A row whose every cell is empty or spaces, such as the `,,,,` a spreadsheet saves
    /// for a row it once formatted: like a blank line, or a blank row of a workbook, it
    /// carries no data and is passed over without a word.
    var isBlank: Bool { unreadable == nil && fields.allSatisfy(\.isBlank) }
}

/// Rows of named cells, the same whether the file is CSV or JSON, read one at a time.
struct TableReader {
    let file: String
    let header: [String]
    let headerLine: Int
    private let rows: [TableRow]
    private var nextRow = 0
    /// Warnings about places where the file strays from its format but could be read.
    let formatWarnings: [Diagnostic]
    /// Whether the file is a JSON array with nothing in it.
    let isEmptyArray: Bool
    /// Why reading stopped before the end of the file, thrown after the rows before it.
    private let failure: LoadError?

    init(bytes: [UInt8], file: String, format: RegisterFormat) throws(LoadError) {
        self.file = file
        switch format {
        case .xlsx:
            throw LoadError(
                file: file, message: "is a workbook; an organisations list must be CSV or JSON (save the sheet as CSV)")
        case .csv:
            let table = try bytes.withUnsafeBufferPointer { buffer throws(LoadError) in try CSVTable.read(buffer, file: file) }
            header = table.header
            headerLine = table.headerLine
            rows = table.rows
            formatWarnings = table.warnings
            isEmptyArray = false
            failure = table.failure
        case .json:
            var parser = try JSONParser(bytes: bytes, file: file)
            let document = try parser.parseDocument()
            guard case .array(let items) = document else {
                throw LoadError(
                    file: file, line: 1,
                    message: "is JSON but not an array of objects (it is \(document.kindName)); "
                        + "a register is [ {\"id\": …, \"name\": …}, … ]")
            }
            var warnings: [Diagnostic] = []
            let table = Self.tabulate(items, lines: parser.topLevelElementLines, file: file, warnings: &warnings)
            header = table.header
            headerLine = 1
            rows = table.rows
            formatWarnings = warnings
            isEmptyArray = items.isEmpty
            failure = nil
        }
    }

    /// Rows another reader has already split into cells.
    init(
        file: String, header: [String], headerLine: Int, rows: [TableRow], formatWarnings: [Diagnostic],
        failure: LoadError? = nil
    ) {
        self.file = file
        self.header = header
        self.headerLine = headerLine
        self.rows = rows
        self.formatWarnings = formatWarnings
        isEmptyArray = false
        self.failure = failure
    }

    /// How far through the rows reading has got, 0...1.
    var fractionRead: Double {
        rows.isEmpty ? 1 : Double(nextRow) / Double(rows.count)
    }

    mutating func next() throws(LoadError) -> TableRow? {
        guard nextRow < rows.count else {
            if let failure { throw failure }
            return nil
        }
        nextRow += 1
        return rows[nextRow - 1]
    }

    /// Turns an array of objects into a header (keys in order of first appearance) and rows.
    private static func tabulate(
        _ items: [JSONValue], lines: [Int], file: String, warnings: inout [Diagnostic]
    ) -> (header: [String], rows: [TableRow]) {
        var header: [String] = []
        var position: [String: Int] = [:]
        for item in items {
            guard case .object(let members, _) = item else { continue }
            for member in members where position[member.key] == nil {
                position[member.key] = header.count
                header.append(member.key)
            }
        }
        var rows: [TableRow] = []
        rows.reserveCapacity(items.count)
        for (number, item) in items.enumerated() {
            guard case .object(let members, let line) = item else {
                rows.append(
                    TableRow(
                        fields: [], line: lines.indices.contains(number) ? lines[number] : 1,
                        unreadable: "item \(number + 1) of the array is \(item.kindName), not an object"))
                continue
            }
            var fields = Array(repeating: "", count: header.count)
            var given = Array(repeating: false, count: header.count)
            for member in members {
                guard let column = position[member.key] else { continue }
                let key = CellReading.columnName(member.key)
                // JSON leaves a repeated key's meaning open; the last value is used, and said so.
                if given[column] {
                    warnings.append(
                        Diagnostic(
                            file: file, line: line, field: member.key, severity: .warning,
                            message: "\(key) is given more than once in this object; the last value was kept"))
                }
                given[column] = true
                switch cellText(member.value) {
                case .some(let text): fields[column] = text
                case .none:
                    fields[column] = ""
                    warnings.append(
                        Diagnostic(
                            file: file, line: line, field: member.key, severity: .warning,
                            message: "\(key) is \(member.value.kindName), not text or a number; left empty"))
                }
            }
            rows.append(TableRow(fields: fields, line: line))
        }
        return (header, rows)
    }

    /// A JSON value as cell text: arrays of plain values become a `;`-separated list.
    private static func cellText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let literal): return literal
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return ""
        case .array(let elements):
            var parts: [String] = []
            for element in elements {
                switch element {
                case .string(let text): parts.append(text)
                case .number(let literal): parts.append(literal)
                default: return nil
                }
            }
            return parts.joined(separator: "; ")
        case .object: return nil
        }
    }
}

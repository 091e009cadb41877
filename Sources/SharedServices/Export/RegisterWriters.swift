/// Writes rows of a register as CSV, JSON or Markdown text, or as a workbook.
public enum RegisterWriter {
    /// The file's bytes. `neutralisingFormulas`: see `SpreadsheetSafety` (CSV only: JSON
    /// and Markdown are not opened by spreadsheets as cells, and a workbook's text is
    /// string cells, which never run).
    public static func write(
        _ register: Register, rows: [Int], as format: ExportFormat, neutralisingFormulas: Bool = true
    ) throws -> [UInt8] {
        switch format {
        case .csv: return Array(csv(register, rows: rows, neutralisingFormulas: neutralisingFormulas).utf8)
        case .json: return Array(json(register, rows: rows).utf8)
        case .markdown: return Array(markdown(register, rows: rows).utf8)
        case .xlsx: return try WorkbookWriter.xlsx(register, rows: rows)
        }
    }

    /// RFC 4180 CSV with the register's column names; loads back into ssmap unchanged.
    /// Text that a spreadsheet would run as a formula gets a leading apostrophe unless
    /// `neutralisingFormulas` is false; numbers, negative ones included, never do.
    public static func csv(_ register: Register, rows: [Int], neutralisingFormulas: Bool = true) -> String {
        func cell(_ text: String) -> String { neutralisingFormulas ? SpreadsheetSafety.neutralised(text) : text }
        var output = CSVWriter.line(register.exportColumnNames.map(cell))
        for row in rows {
            output += CSVWriter.line(
                register.exportValues(row).map { value in
                    if case .number = value { return value.plainText }
                    return cell(value.plainText)
                })
        }
        return output
    }

    /// An array of objects, one per arrangement: partners as an array, years and savings
    /// as numbers or null.
    public static func json(_ register: Register, rows: [Int]) -> String {
        let names = register.exportColumnNames.map(JSONWriter.quoted)
        var output = "["
        for (position, row) in rows.enumerated() {
            output += position == 0 ? "\n  {" : ",\n  {"
            for (column, value) in register.exportValues(row).enumerated() {
                output += column == 0 ? "\n    " : ",\n    "
                output += names[column] + ": " + JSONWriter.value(value)
            }
            output += "\n  }"
        }
        output += rows.isEmpty ? "]\n" : "\n]\n"
        return output
    }

    /// A Markdown table of the main columns, for pasting into a report.
    public static func markdown(_ register: Register, rows: [Int]) -> String {
        let fields: [ArrangementField] = [
            .id, .name, .serviceArea, .service, .partners, .region, .startYear, .status, .savingsToDate,
        ]
        var output = "| " + fields.map(\.title).joined(separator: " | ") + " |\n"
        output += "|" + fields.map { $0.kind.isNumeric ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows {
            let cells = fields.map { register.displayText($0, row) ?? ($0.kind == .money ? $0.kind.missingWording : "") }
            output += "| " + cells.map(ReportTable.markdownCell).joined(separator: " | ") + " |\n"
        }
        return output
    }
}

/// RFC 4180 output: fields quoted only when they must be, quotes doubled, lines ended
/// with LF unless another ending is asked for.
public enum CSVWriter {
    public static func line(_ fields: [String], ending: String = "\n") -> String {
        fields.map(field).joined(separator: ",") + ending
    }

    public static func field(_ text: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// JSON text for the values ssmap writes; every control character escaped.
public enum JSONWriter {
    public static func value(_ value: ExportValue) -> String {
        switch value {
        case .text(let text): return quoted(text)
        case .number(let number): return String(number)
        case .list(let items): return "[" + items.map(quoted).joined(separator: ", ") + "]"
        case .missing: return "null"
        }
    }

    public static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                let value = scalar.value
                // Controls, line separators and bidirectional overrides are escaped, so that
                // JSON shown on a terminal carries none of them (and still reads back the same).
                if value < 0x20 || (0x7F..<0xA0).contains(value) || value == 0x2028 || value == 0x2029
                    || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                {
                    let hex = String(value, radix: 16, uppercase: false)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}

/// A table of figures to take into a report: a summary's groups or the organisations,
/// written as CSV, JSON or Markdown. The dashboard's `e` and `ssmap summary --format`
/// write the same tables.
public struct ReportTable: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        /// Whole pounds.
        case money(Int64, SavingsQualifier)
        case count(Int)
        /// A share 0...1.
        case share(Double)
        /// Not reported: empty in CSV, null in JSON, "—" in Markdown; never 0.
        case missing
    }

    public struct Column: Sendable, Equatable {
        public var title: String
        public var isNumeric: Bool

        public init(_ title: String, isNumeric: Bool = false) {
            self.title = title
            self.isNumeric = isNumeric
        }
    }

    public var title: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// The total row, written last (and in bold in Markdown).
    public var total: [Cell]?
    /// What a reader must know to read the figures right.
    public var notes: [String]

    public init(title: String, columns: [Column], rows: [[Cell]], total: [Cell]? = nil, notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.total = total
        self.notes = notes
    }

    /// The file's bytes in `format`; nil for a workbook, which holds arrangements only.
    public func write(as format: ExportFormat, neutralisingFormulas: Bool = true) -> [UInt8]? {
        switch format {
        case .csv: return Array(csv(neutralisingFormulas: neutralisingFormulas).utf8)
        case .json: return Array(json().utf8)
        case .markdown: return Array(markdown().utf8)
        case .xlsx: return nil
        }
    }

    /// A header row, then every row and the total; money in whole pounds, shares as
    /// percentages to one decimal place, no figure as an empty cell.
    public func csv(neutralisingFormulas: Bool = true) -> String {
        func text(_ text: String) -> String { neutralisingFormulas ? SpreadsheetSafety.neutralised(text) : text }
        var output = CSVWriter.line(columns.map { text($0.title) })
        for row in rows + (total.map { [$0] } ?? []) {
            output += CSVWriter.line(
                row.map { cell in
                    switch cell {
                    case .text(let value): return text(value)
                    case .money(let pounds, _): return String(pounds)
                    case .count(let count): return String(count)
                    case .share(let share): return Self.percentNumber(share)
                    case .missing: return ""
                    }
                })
        }
        return output
    }

    /// An object with the title, the rows as objects keyed by column title, the total and
    /// the notes; money as numbers of pounds, shares as fractions, no figure as null.
    public func json() -> String {
        let keys = columns.map { JSONWriter.quoted($0.title) }
        func object(_ row: [Cell]) -> String {
            "{" + zip(keys, row).map { key, cell in "\(key): \(Self.jsonValue(cell))" }.joined(separator: ", ") + "}"
        }
        var output = "{\n  \"title\": \(JSONWriter.quoted(title)),\n  \"rows\": ["
        output += rows.map { "\n    " + object($0) }.joined(separator: ",")
        output += rows.isEmpty ? "],\n" : "\n  ],\n"
        output += "  \"total\": \(total.map(object) ?? "null"),\n"
        output += "  \"notes\": [" + notes.map(JSONWriter.quoted).joined(separator: ", ") + "]\n}\n"
        return output
    }

    /// A heading, the table with a bold total row, and the notes beneath it.
    public func markdown() -> String {
        var output = "### \(Self.markdownCell(title))\n\n"
        output += "| " + columns.map { Self.markdownCell($0.title) }.joined(separator: " | ") + " |\n"
        output += "|" + columns.map { $0.isNumeric ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows {
            output += "| " + row.map { Self.markdownCell(Self.shown($0)) }.joined(separator: " | ") + " |\n"
        }
        if let total {
            output += "| " + total.map { "**\(Self.markdownCell(Self.shown($0)))**" }.joined(separator: " | ") + " |\n"
        }
        if !notes.isEmpty { output += "\n" + notes.map { Self.markdownCell($0) + "\n" }.joined(separator: "\n") }
        return output
    }

    /// A cell as a report shows it: exact pounds, counts with separators, "—" for no figure.
    public static func shown(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): return text
        case .money(let pounds, let qualifier): return Money.formatExact(pounds, qualifier)
        case .count(let count): return Count.format(count)
        case .share(let share): return Percent.format(share)
        case .missing: return Money.notReportedMark
        }
    }

    private static func jsonValue(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): return JSONWriter.quoted(text)
        case .money(let pounds, _): return String(pounds)
        case .count(let count): return String(count)
        case .share(let share): return String(share)
        case .missing: return "null"
        }
    }

    /// 0.1234 → "12.3"; -0.0004 → "-0.4".
    private static func percentNumber(_ share: Double) -> String {
        let tenths = Int((abs(share) * 1000).rounded())
        return (share < 0 && tenths > 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }

    static func markdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
            .replacingOccurrences(of: "\r", with: "<br>")
    }
}

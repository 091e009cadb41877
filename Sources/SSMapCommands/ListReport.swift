import SharedServices
import TextCells

/// Arrangements as an aligned text table that fits the terminal's width.
public struct ListReport {
    public var register: Register
    public var rows: [Int]
    public var width: Int

    public init(register: Register, rows: [Int], width: Int) {
        self.register = register
        self.rows = rows
        self.width = width
    }

    /// A column of the table: a field of the schema, headed by its title.
    private struct Column {
        var field: ArrangementField
        var width: Int
        var alignment: ColumnFit.Alignment
        var value: (Int) -> String
    }

    public func render() -> String {
        let register = self.register
        var columns = [
            Column(field: .id, width: idWidth, alignment: .left) { register.id($0) },
            Column(field: .name, width: 0, alignment: .left) { register.name($0) },
            Column(field: .service, width: 22, alignment: .left) { register.service($0) ?? register.serviceArea($0) ?? "" },
            Column(field: .partners, width: 8, alignment: .right) { String(register.partnerCount($0)) },
            Column(field: .region, width: 16, alignment: .left) { register.region($0) ?? "" },
            Column(field: .startYear, width: 5, alignment: .right) { register.startYear($0).map(String.init) ?? "" },
            Column(field: .status, width: 11, alignment: .left) { register.status($0)?.name ?? "" },
            Column(field: .savingsToDate, width: 13, alignment: .right) { row in
                guard let pounds = register.savingsToDate(row) else { return "—" }
                return Money.format(pounds, register.savingsToDateQualifier(row))
            },
        ]
        // Narrow terminals drop the least essential columns first.
        let droppable: [ArrangementField] = [.region, .status, .partners, .startYear, .service]
        func fixedWidth() -> Int { columns.filter { $0.field != .name }.reduce(0) { $0 + $1.width + 1 } }
        for field in droppable where width - fixedWidth() < 20 {
            columns.removeAll { $0.field == field }
        }
        if let name = columns.firstIndex(where: { $0.field == .name }) {
            columns[name].width = max(10, width - fixedWidth())
        }
        var lines = [
            columns.map { ColumnFit.pad($0.field.title, to: $0.width, alignment: $0.alignment) }.joined(separator: " ")
        ]
        for row in rows {
            let cells = columns.map { column in
                ColumnFit.pad(SafeText.visible(column.value(row)), to: column.width, alignment: column.alignment)
            }
            lines.append(cells.joined(separator: " "))
        }
        let headline = register.headline(rows)
        lines.append("")
        lines.append(HeadlineText.line(headline))
        return lines.map(trimmedRight).joined(separator: "\n") + "\n"
    }

    private var idWidth: Int {
        min(12, max(2, rows.lazy.map { DisplayWidth.of(register.id($0)) }.max() ?? 2))
    }

    private func trimmedRight(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}

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

    private struct Column {
        var title: String
        var width: Int
        var alignment: ColumnFit.Alignment
        var value: (Int) -> String
    }

    public func render() -> String {
        let register = self.register
        var columns = [
            Column(title: "ID", width: idWidth, alignment: .left) { register.id($0) },
            Column(title: "Name", width: 0, alignment: .left) { register.name($0) },
            Column(title: "Service", width: 22, alignment: .left) { register.service($0) ?? register.serviceArea($0) ?? "" },
            Column(title: "Partners", width: 8, alignment: .right) { String(register.partnerCount($0)) },
            Column(title: "Region", width: 16, alignment: .left) { register.region($0) ?? "" },
            Column(title: "Start", width: 5, alignment: .right) { register.startYear($0).map(String.init) ?? "" },
            Column(title: "Status", width: 11, alignment: .left) { register.status($0)?.name ?? "" },
            Column(title: "Saved to date", width: 13, alignment: .right) { row in
                guard let pounds = register.savingsToDate(row) else { return "—" }
                return Money.format(pounds, register.savingsToDateQualifier(row))
            },
        ]
        // Narrow terminals drop the least essential columns first.
        let droppable = ["Region", "Status", "Partners", "Start", "Service"]
        func fixedWidth() -> Int { columns.filter { $0.title != "Name" }.reduce(0) { $0 + $1.width + 1 } }
        for title in droppable where width - fixedWidth() < 20 {
            columns.removeAll { $0.title == title }
        }
        if let name = columns.firstIndex(where: { $0.title == "Name" }) {
            columns[name].width = max(10, width - fixedWidth())
        }
        var lines = [columns.map { ColumnFit.pad($0.title, to: $0.width, alignment: $0.alignment) }.joined(separator: " ")]
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

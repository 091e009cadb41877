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

    /// The dashboard's columns after the id, the least needed dropped first when the
    /// width is short (a report cannot scroll sideways).
    public func render() -> String {
        let register = self.register
        let idColumn = ArrangementColumn(
            title: ArrangementField.id.title, sortField: .id, width: idWidth, flexWeight: 0, alignment: .left,
            keepPriority: Int.max) { register, row in register.id(row) }
        var columns = [idColumn] + ArrangementColumn.all
        func fixedWidth() -> Int { columns.filter { $0 != .name }.reduce(0) { $0 + $1.width + 1 } }
        for column in ArrangementColumn.all.sorted(by: { $0.keepPriority < $1.keepPriority })
        where column != .name && width - fixedWidth() < 20 {
            columns.removeAll { $0 == column }
        }
        let widths = columns.map { $0 == .name ? max(10, width - fixedWidth()) : $0.width }
        var lines = [
            zip(columns, widths).map { ColumnFit.pad($0.title, to: $1, alignment: $0.alignment) }.joined(separator: " ")
        ]
        for row in rows {
            let cells = zip(columns, widths).map { column, width in
                ColumnFit.pad(SafeText.visible(column.value(register, row)), to: width, alignment: column.alignment)
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

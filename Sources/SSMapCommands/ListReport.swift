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
            Column(title: "Saved to date", width: 13, alignment: .right) {
                register.savingsToDate($0).map(Money.format) ?? "—"
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

/// One arrangement in full: every field, its partners with their sectors and types.
public struct ArrangementReport {
    public var register: Register
    public var row: Int
    public var width: Int
    public var file: String

    public init(register: Register, row: Int, width: Int, file: String) {
        self.register = register
        self.row = row
        self.width = width
        self.file = file
    }

    public func render() -> String {
        let labelWidth = 16
        let textWidth = max(20, width - labelWidth)
        var lines: [String] = []
        func clean(_ text: String) -> String { SafeText.visible(text, keepingLineBreaks: true) }
        func field(_ label: String, _ value: String) {
            let wrapped = ColumnFit.wrap(clean(value), to: textWidth)
            for (index, line) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                lines.append((index == 0 ? ColumnFit.pad(label, to: labelWidth) : String(repeating: " ", count: labelWidth)) + line)
            }
        }
        lines.append(SafeText.visible("\(register.id(row))  \(register.name(row))"))
        lines.append("")
        field("Service area", register.serviceArea(row) ?? "not recorded")
        field("Service", register.service(row) ?? "not recorded")
        field("Region", register.region(row) ?? "not recorded")
        field("Started", register.startYear(row).map(String.init) ?? "not recorded")
        field("Status", register.status(row)?.name ?? "not recorded")
        field("Saved to date", register.savingsToDate(row).map(Money.formatExact) ?? "not reported")
        field("Latest year", register.savingsLatestYear(row).map(Money.formatExact) ?? "not reported")
        field("Lead", register.lead(row).map { register.organisations.names[Int($0)] } ?? "none named")
        let partners = register.partners(row)
        lines.append("Partners (\(partners.count))")
        let nameWidth = min(max(20, partners.map { DisplayWidth.of(register.organisations.names[Int($0)]) }.max() ?? 0), width / 2)
        for partner in partners {
            let index = Int(partner)
            let organisations = register.organisations
            var about = [organisations.sectors[index].name]
            if !organisations.types[index].isEmpty { about.append(organisations.types[index]) }
            if organisations.regions[index] >= 0 { about.append(register.regions[organisations.regions[index]]) }
            if !organisations.listed[index] { about.append("not in the organisations file; sector guessed") }
            lines.append(
                "  " + ColumnFit.pad(SafeText.visible(organisations.names[index]), to: nameWidth) + "  "
                    + SafeText.visible(about.joined(separator: " · ")))
        }
        field("Description", register.description(row).isEmpty ? "none" : register.description(row))
        field("Provenance", register.provenance(row)?.name ?? "not recorded")
        field("Source", register.source(row).isEmpty ? "none given" : register.source(row))
        for (name, value) in zip(register.extraColumnNames, register.extraValues(row)) where !value.isEmpty {
            field(name, value)
        }
        field("Read from", "\(file):\(register.line(row))")
        return lines.joined(separator: "\n") + "\n"
    }
}

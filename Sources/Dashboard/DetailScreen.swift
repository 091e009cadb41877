import SharedServices
import TerminalUI
import TextCells

/// One arrangement in full: every field, its partners with their sectors and types, the
/// description wrapped, provenance and source.
enum DetailScreen {
    static func lines(state: AppState, width: Int) -> [(text: String, style: Style)] {
        guard let row = state.selectedRow else {
            return [("No arrangement selected: the current view is empty.", state.theme.dim)]
        }
        let register = state.register
        let theme = state.theme
        let labelWidth = 15
        let textWidth = max(10, width - labelWidth)
        var lines: [(String, Style)] = []
        func text(_ value: String) -> String { Render.text(value, state) }
        func field(_ label: String, _ value: String, style: Style = theme.normal) {
            let wrapped = ColumnFit.wrap(SafeText.visible(text(value), keepingLineBreaks: true), to: textWidth)
            for (index, line) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                let prefix = index == 0 ? ColumnFit.pad(label, to: labelWidth) : String(repeating: " ", count: labelWidth)
                lines.append((prefix + line, style))
            }
        }
        lines.append((text("\(register.id(row)) · \(register.name(row))"), theme.title))
        lines.append(("", theme.normal))
        field("Service area", register.serviceArea(row) ?? "not recorded")
        field("Service", register.service(row) ?? "not recorded")
        field("Region", register.region(row) ?? "not recorded")
        field("Started", register.startYear(row).map(String.init) ?? "not recorded")
        field("Status", register.status(row)?.name ?? "not recorded")
        field("Saved to date", register.savingsToDate(row).map(Money.formatExact) ?? "not reported", style: theme.accent)
        field("Latest year", register.savingsLatestYear(row).map(Money.formatExact) ?? "not reported")
        field("Lead", register.lead(row).map { register.organisations.names[Int($0)] } ?? "none named")
        let partners = register.partners(row)
        lines.append(("Partners (\(partners.count))", theme.header))
        let organisations = register.organisations
        for partner in partners {
            let index = Int(partner)
            var about = [organisations.sectors[index].name]
            if !organisations.types[index].isEmpty { about.append(organisations.types[index]) }
            if organisations.regions[index] >= 0 { about.append(register.regions[organisations.regions[index]]) }
            if !organisations.listed[index] { about.append("not in the organisations file") }
            let name = ColumnFit.pad(organisations.names[index], to: min(40, max(10, width / 2)))
            lines.append(("  " + text(name + "  " + about.joined(separator: " · ")), theme.normal))
        }
        field("Description", register.description(row).isEmpty ? "none" : register.description(row))
        field("Provenance", register.provenance(row)?.name ?? "not recorded")
        field("Source", register.source(row).isEmpty ? "none given" : register.source(row))
        for (name, value) in zip(register.extraColumnNames, register.extraValues(row)) where !value.isEmpty {
            field(name, value)
        }
        field("Read from", "line \(register.line(row)) of \(state.data.sourceName)", style: theme.dim)
        return lines
    }

    static func draw(state: AppState, rect: Rect, canvas: inout Canvas) {
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        let all = lines(state: state, width: inner.width)
        let top = min(state.detailTop, max(0, all.count - inner.height))
        ScrollingText.draw(all, top: top, in: inner, canvas: &canvas)
    }
}

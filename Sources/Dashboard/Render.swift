import Foundation
import SharedServices
import TerminalUI
import TextCells

/// State → canvas. Draws only what fits on the screen, so a frame costs the same for 486
/// arrangements or a million.
public enum Render {
    public static func frame(_ state: AppState) -> Canvas {
        var canvas = Canvas(size: state.size)
        let layout = Layout(size: state.size)
        let theme = state.theme
        if layout.isTooSmall {
            drawTooSmall(state: state, canvas: &canvas)
            return canvas
        }
        drawTabs(state: state, layout: layout, canvas: &canvas)
        let headline = DashboardText.headline(state.headline, width: layout.headline.width - 1)
        canvas.draw(text(headline, state), x: 1, y: layout.headline.y, style: theme.title, maxWidth: layout.headline.width - 1)
        drawChips(state: state, layout: layout, canvas: &canvas)
        switch state.screen {
        case .arrangements: drawArrangements(state: state, layout: layout, canvas: &canvas)
        case .detail: DetailScreen.draw(state: state, rect: layout.content, canvas: &canvas)
        case .summary: drawSummary(state: state, layout: layout, canvas: &canvas)
        case .organisations: drawOrganisations(state: state, layout: layout, canvas: &canvas)
        case .issues: drawIssues(state: state, layout: layout, canvas: &canvas)
        }
        drawStatus(state: state, layout: layout, canvas: &canvas)
        drawHints(state: state, layout: layout, canvas: &canvas)
        if let overlay = state.overlay { drawOverlay(overlay, state: state, layout: layout, canvas: &canvas) }
        return canvas
    }

    /// Text as this terminal can show it.
    static func text(_ text: String, _ state: AppState) -> String {
        DashboardText.forTerminal(text, glyphs: state.glyphs)
    }

    private static func drawTooSmall(state: AppState, canvas: inout Canvas) {
        let minimum = Layout.minimumSize
        let message = "ssmap needs a terminal of at least \(minimum.width)×\(minimum.height); this one is "
            + "\(state.size.width)×\(state.size.height). Make the window bigger, or press q to quit."
        guard canvas.width > 0 else { return }
        // As many lines as the terminal has; on the smallest, only the start shows.
        let lines = ColumnFit.wrap(text(message, state), to: canvas.width).prefix(canvas.height)
        for (index, line) in lines.enumerated() {
            canvas.draw(line, x: 0, y: index, style: state.theme.warning)
        }
    }

    private static func drawTabs(state: AppState, layout: Layout, canvas: inout Canvas) {
        canvas.fill(layout.tabs, style: state.theme.tabInactive)
        // Tabs that start past the right edge are not drawn (nor can they be clicked).
        for tab in layout.tabRanges() where tab.x < layout.tabs.maxX {
            var label = DashboardText.tabLabel(tab.screen)
            if tab.screen == .issues && !state.data.diagnostics.isEmpty {
                label = " 5 Data issues (\(state.data.diagnostics.count)) "
            }
            let style = tab.screen == state.screen ? state.theme.tabActive : state.theme.tabInactive
            canvas.draw(label, x: tab.x, y: layout.tabs.y, style: style, clip: layout.tabs)
        }
    }

    private static func drawChips(state: AppState, layout: Layout, canvas: inout Canvas) {
        var chips = DashboardText.chips(state.filter, register: state.register)
        if state.screen == .organisations {
            chips += state.organisationTypes.sorted().map { "type: \($0)" }
            chips += state.organisationRegions.sorted().map { "located: \(state.register.regions[$0])" }
        }
        var x = 1
        if chips.isEmpty {
            canvas.draw(text("All arrangements · press f to filter, / to search", state), x: x, y: layout.chips.y, style: state.theme.dim, clip: layout.chips)
            return
        }
        canvas.draw("Filters:", x: x, y: layout.chips.y, style: state.theme.dim, clip: layout.chips)
        x += 9
        // Chips run off the right edge when there are many: stop at the edge.
        for chip in chips where x < layout.chips.maxX {
            x += canvas.draw(" \(text(chip, state)) ", x: x, y: layout.chips.y, style: state.theme.chip, clip: layout.chips) + 1
        }
        if x < layout.chips.maxX {
            canvas.draw(text("c clears", state), x: x, y: layout.chips.y, style: state.theme.dim, clip: layout.chips)
        }
    }

    // MARK: Arrangements

    static func arrangementsTable(state: AppState) -> TableView {
        let columns = ArrangementColumns.visible(width: state.size.width).map(tableColumn)
        let visible = ArrangementColumns.visible(width: state.size.width)
        let sorted = state.sortColumn.flatMap { sortColumn in visible.firstIndex { $0.sortColumn == sortColumn } }
        return TableView(
            columns: columns, rowCount: state.rows.count, scroll: state.table, sortColumn: sorted,
            sortDescending: state.sortDescending)
    }

    private static func tableColumn(_ column: ArrangementColumns.Column) -> TableColumn {
        switch column {
        case .name: return TableColumn("Name", width: 16, flexWeight: 3)
        case .service: return TableColumn("Service", width: 12, flexWeight: 1)
        case .partners: return TableColumn("Partners", width: 8, alignment: .right)
        case .region: return TableColumn("Region", width: 15)
        case .start: return TableColumn("Start", width: 5, alignment: .right)
        case .status: return TableColumn("Status", width: 11)
        case .savings: return TableColumn("Saved", width: 9, alignment: .right)
        }
    }

    private static func drawArrangements(state: AppState, layout: Layout, canvas: inout Canvas) {
        let register = state.register
        let visible = ArrangementColumns.visible(width: state.size.width)
        let table = arrangementsTable(state: state)
        let needle = state.searchText
        table.draw(
            in: layout.content, canvas: &canvas, theme: state.theme, glyphs: state.glyphs,
            cell: { position, column in
                let row = state.rows[position]
                switch visible[column] {
                case .name: return register.name(row)
                case .service: return register.service(row) ?? register.serviceArea(row) ?? ""
                case .partners: return String(register.partnerCount(row))
                case .region: return register.region(row) ?? ""
                case .start: return register.startYear(row).map(String.init) ?? ""
                case .status: return register.status(row)?.name ?? ""
                case .savings: return text(DashboardText.money(register.savingsToDate(row), register.savingsToDateQualifier(row)), state)
                }
            },
            decorate: { position, y, columns, canvas in
                guard !needle.isEmpty, state.isSearchMatch(position), let nameColumn = columns.first else { return }
                highlight(needle, in: register.name(state.rows[position]), x: nameColumn.x, width: nameColumn.width, y: y, state: state, canvas: &canvas)
            })
        // The column the arrows have reached: its heading underlined in the accent style.
        if let focused = visible.firstIndex(where: { $0.rawValue == state.focusedColumn }) {
            let position = table.layout(width: layout.content.width)[focused]
            canvas.restyle(Rect(x: layout.content.x + position.x, y: layout.content.y, width: position.width, height: 1)) {
                $0 = state.theme.accent
                $0.underline = true
            }
        }
        if state.rows.isEmpty {
            canvas.draw(
                text("No arrangement matches these filters · c clears them", state), x: 1, y: layout.content.y + 2,
                style: state.theme.dim, clip: layout.content)
        }
    }

    /// Restyles where `needle` occurs in `name` as drawn in a cell starting at `x`.
    private static func highlight(_ needle: String, in name: String, x: Int, width: Int, y: Int, state: AppState, canvas: inout Canvas) {
        guard let range = name.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) else { return }
        let start = DisplayWidth.of(SafeText.visible(String(name[..<range.lowerBound])))
        let length = DisplayWidth.of(SafeText.visible(String(name[range])))
        let end = min(start + length, width)
        guard start < width, end > start else { return }
        canvas.restyle(Rect(x: x + start, y: y, width: end - start, height: 1)) { $0 = state.theme.highlight }
    }

    // MARK: Summary

    private static func drawSummary(state: AppState, layout: Layout, canvas: inout Canvas) {
        let content = layout.content
        let heading = "\(metricHeading(state.metric)) by \(state.dimension.label)"
        canvas.draw(heading, x: 1, y: content.y, style: state.theme.header, clip: content)
        canvas.draw(
            text("d: group by · m: measure by · Enter: filter to the selected bar", state), x: 1, y: content.y + 1,
            style: state.theme.dim, clip: content)
        guard !state.groups.isEmpty else {
            canvas.draw("No arrangements to chart.", x: 1, y: layout.chart.y, style: state.theme.dim, clip: content)
            return
        }
        let counts = state.groups.map { group in
            group.countWithoutFigure > 0 ? "\(group.count) (\(group.countWithoutFigure) n/r)" : "\(group.count)"
        }
        let countWidth = counts.map(DisplayWidth.of).max() ?? 0
        let items = state.groups.enumerated().map { index, group -> BarChartItem in
            let value = group.value(of: state.metric) ?? 0
            let valueText = state.metric == .count ? String(group.count) : DashboardText.money(group.value(of: state.metric), group.qualifier)
            let share = state.metric == .count
                ? (state.rows.isEmpty ? 0 : Double(group.count) / Double(state.rows.count))
                : group.shareOfTotal
            return BarChartItem(
                label: group.label, value: value, valueText: text(valueText, state),
                detailText: ColumnFit.pad(Percent.format(share), to: 4, alignment: .right) + "  "
                    + ColumnFit.pad(counts[index], to: countWidth))
        }
        BarChartView(items: items, scroll: state.chart).draw(
            in: layout.chart, canvas: &canvas, theme: state.theme, glyphs: state.glyphs)
    }

    private static func metricHeading(_ metric: Metric) -> String {
        switch metric {
        case .total: return "Savings to date"
        case .count: return "Arrangements"
        case .mean: return "Mean savings (of those with a figure)"
        }
    }

    // MARK: Organisations and issues

    private static func drawOrganisations(state: AppState, layout: Layout, canvas: inout Canvas) {
        let organisations = state.register.organisations
        let wide = state.size.width >= 90
        var columns = [TableColumn("Organisation", width: 16, flexWeight: 1)]
        if wide {
            columns += [TableColumn("Sector", width: 8), TableColumn("Type", width: 15), TableColumn("Region", width: 15)]
        }
        columns += [TableColumn("In", width: 4, alignment: .right), TableColumn("Their savings", width: 13, alignment: .right)]
        let table = TableView(columns: columns, rowCount: state.organisationRows.count, scroll: state.organisationsTable)
        table.draw(in: layout.content, canvas: &canvas, theme: state.theme, glyphs: state.glyphs) { position, column in
            let summary = state.organisationRows[position]
            let index = Int(summary.organisation)
            let values: [String]
            let savings = summary.withFigure > 0 ? text(Money.format(summary.savings), state) : text("—", state)
            if wide {
                let region = organisations.regions[index] >= 0 ? state.register.regions[organisations.regions[index]] : ""
                values = [
                    organisations.names[index], organisations.sectors[index].name, organisations.types[index], region,
                    String(summary.arrangements), savings,
                ]
            } else {
                values = [organisations.names[index], String(summary.arrangements), savings]
            }
            return values[column]
        }
    }

    private static func drawIssues(state: AppState, layout: Layout, canvas: inout Canvas) {
        let diagnostics = state.data.diagnostics
        if diagnostics.isEmpty {
            canvas.draw("No problems were found loading \(state.data.sourceName).", x: 1, y: layout.content.y + 1, style: state.theme.dim, clip: layout.content)
            if let reference = state.data.reference {
                canvas.draw(
                    "Its partners were checked against \(reference.name).", x: 1, y: layout.content.y + 2,
                    style: state.theme.dim, clip: layout.content)
            }
            return
        }
        let table = TableView(
            columns: [TableColumn("Where", width: 24, flexWeight: 1), TableColumn("Problem", width: 20, flexWeight: 3)],
            rowCount: diagnostics.count, scroll: state.issuesTable)
        table.draw(in: layout.content, canvas: &canvas, theme: state.theme, glyphs: state.glyphs) { position, column in
            let diagnostic = diagnostics[position]
            return column == 0 ? diagnostic.location : "\(diagnostic.severity.rawValue): \(diagnostic.message)"
        }
    }

    // MARK: Bars at the bottom

    private static func drawStatus(state: AppState, layout: Layout, canvas: inout Canvas) {
        canvas.fill(layout.status, style: state.theme.statusBar)
        var status: String
        if let message = state.message {
            status = message
        } else {
            switch state.screen {
            case .arrangements:
                status = state.rows.isEmpty ? "No rows" : "Row \(state.table.selected + 1) of \(state.rows.count)"
                if let sortColumn = state.sortColumn {
                    status += " · sorted by \(sortColumn.rawValue.replacingOccurrences(of: "_", with: " "))"
                        + (state.sortDescending ? " ▼" : " ▲")
                }
                if !state.searchText.isEmpty {
                    status += " · \(state.searchMatches.count) match\(state.searchMatches.count == 1 ? "" : "es") for \"\(state.searchText)\""
                }
            case .detail: status = "Esc back · ←/→ previous/next arrangement"
            case .summary: status = "Grouped by \(state.dimension.label) · \(state.metric.label)"
            case .organisations: status = "\(state.organisationRows.count) organisations · Enter shows their arrangements"
            case .issues:
                status = "\(state.data.diagnostics.count) problems found loading \(state.data.sourceName)"
                if let reference = state.data.reference, !state.data.diagnostics.isEmpty {
                    status += " · partners checked against \(reference.shortName)"
                }
            }
            if !state.data.diagnostics.isEmpty && state.screen != .issues {
                status += " · \(state.data.diagnostics.count) data issues (5)"
            }
        }
        canvas.draw(" " + text(status, state), x: 0, y: layout.status.y, style: state.theme.statusBar, maxWidth: layout.status.width)
    }

    private static func drawHints(state: AppState, layout: Layout, canvas: inout Canvas) {
        var hints: [(String, String)] = [("?", "Help")]
        switch state.screen {
        case .arrangements: hints += [("Enter", "Open"), ("/", "Search"), ("f", "Filter"), ("s", "Sort")]
        case .detail: hints += [("Esc", "Back"), ("←→", "Prev/next")]
        case .summary: hints += [("d", "Group"), ("m", "Measure"), ("Enter", "Drill"), ("f", "Filter")]
        case .organisations: hints += [("Enter", "Arrangements"), ("f", "Filter")]
        case .issues: break
        }
        hints += [("c", "Clear"), ("e", "Export"), ("Tab", "Screens"), ("q", "Quit")]
        var x = 0
        for (key, label) in hints {
            guard x < layout.hints.maxX else { break }
            x += canvas.draw(text(key, state), x: x, y: layout.hints.y, style: state.theme.hintKey, clip: layout.hints)
            // A key can end exactly at the edge, leaving no room for its label.
            guard x < layout.hints.maxX else { break }
            x += canvas.draw(label + " ", x: x, y: layout.hints.y, style: state.theme.hintLabel, clip: layout.hints)
        }
    }

    // MARK: Overlays

    private static func drawOverlay(_ overlay: Overlay, state: AppState, layout: Layout, canvas: inout Canvas) {
        let box = layout.overlay
        switch overlay {
        case .help(let top):
            let inner = Modal.draw(title: "Keys · ? or Esc closes", in: box, canvas: &canvas, theme: state.theme, glyphs: state.glyphs)
            let lines = Help.lines(for: state.screen, width: inner.width).map { line in
                (text: text(line.text, state), style: line.heading ? state.theme.header : state.theme.normal)
            }
            // The state keeps help within its end at every size; clamped here as well, so
            // that no state can draw an empty box.
            let shownTop = min(top, ScrollingText.lastTop(count: lines.count, height: inner.height))
            ScrollingText.draw(lines, top: shownTop, in: inner, canvas: &canvas)
        case .picker(_, let picker):
            var shown = picker
            shown.options = picker.options.map {
                PickerOption(id: $0.id, label: $0.label, detail: text($0.detail, state))
            }
            shown.title = text(picker.title, state)
            shown.draw(in: box, canvas: &canvas, theme: state.theme, glyphs: state.glyphs)
        case .search(let input):
            prompt(title: "Search", label: "/", input: input, note: "Enter keeps it · Esc cancels · n/N move between matches", state: state, layout: layout, canvas: &canvas)
        case .export(let input):
            prompt(
                title: "Export \(state.rows.count) arrangements", label: "File:", input: input,
                note: ".csv, .json or .md · Enter writes · Esc cancels", state: state, layout: layout, canvas: &canvas)
        case .confirmOverwrite(let path):
            let rect = layout.content.centred(width: min(layout.content.width, 60), height: 5)
            let inner = Modal.draw(title: "Replace?", in: rect, canvas: &canvas, theme: state.theme, glyphs: state.glyphs)
            canvas.draw(text("\(path) already exists.", state), x: inner.x, y: inner.y, style: state.theme.warning, clip: inner)
            canvas.draw("Replace it? y: replace · n: choose another name", x: inner.x, y: inner.y + 1, style: state.theme.normal, clip: inner)
        }
    }

    private static func prompt(
        title: String, label: String, input: TextInput, note: String, state: AppState, layout: Layout, canvas: inout Canvas
    ) {
        let rect = layout.content.centred(width: min(layout.content.width, 64), height: 5)
        let inner = Modal.draw(title: title, in: rect, canvas: &canvas, theme: state.theme, glyphs: state.glyphs)
        guard inner.height >= 1 else { return }
        let used = canvas.draw(label + " ", x: inner.x, y: inner.y, style: state.theme.accent, clip: inner)
        input.draw(
            at: inner.x + used, y: inner.y, width: max(1, inner.width - used), canvas: &canvas, style: state.theme.normal,
            cursorStyle: state.theme.selected)
        canvas.draw(text(note, state), x: inner.x, y: inner.y + 1, style: state.theme.dim, clip: inner)
    }
}

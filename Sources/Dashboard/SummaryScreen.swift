import SharedServices
import TerminalUI
import TextCells

extension Screen {
    public static let summary = Screen("summary", SummaryScreen())
}

/// The savings of the arrangements in view as bars, grouped by any dimension and
/// measured by total, count or mean; Enter on a bar filters to its group.
struct SummaryScreen: ScreenContent {
    let title = "Summary"
    let exportName = "ssmap-summary"

    var list: ScreenList? {
        ScreenList(
            scroll: \AppState.chart, count: { $0.groups.count }, rows: { $0.chart }, noun: "group",
            text: { state, position in state.groups[position].label },
            open: { state in
                Self.drillDown(state: &state)
                return []
            })
    }

    var keys: [KeyBinding] {
        (list?.movementKeys(opening: "filter the arrangements to the selected bar", hint: "Drill") ?? []) + [
            KeyBinding(
                [.character("d")], "d", "group by the next dimension (" + Dimension.all.map(\.label).joined(separator: ", ") + ")",
                hint: ("d", "Group")
            ) { state in
                let all = Dimension.all
                state.setDimension(all[((all.firstIndex(of: state.dimension) ?? -1) + 1) % all.count], metric: state.metric)
            },
            KeyBinding(
                [.character("m")], "m", "measure by the next metric (" + Metric.allCases.map(\.rawValue).joined(separator: ", ") + ")",
                hint: ("m", "Measure")
            ) { state in
                let all = Metric.allCases
                state.setDimension(state.dimension, metric: all[((all.firstIndex(of: state.metric) ?? -1) + 1) % all.count])
            },
        ] + Search.keys
    }

    func draw(_ state: AppState, layout: Layout, canvas: inout Canvas) {
        let content = layout.content
        canvas.draw(state.metric.heading(by: state.dimension) + (state.loading == nil ? "" : " (so far)"), x: 1, y: content.y, style: state.theme.header, clip: content)
        canvas.draw(
            Render.text("d: group by · m: measure by · Enter: filter to the selected bar · e: export the table", state),
            x: 1, y: content.y + 1, style: state.theme.dim, clip: content)
        guard !state.groups.isEmpty else {
            canvas.draw(Wording.noneMatch + ".", x: 1, y: layout.chart.y, style: state.theme.dim, clip: content)
            return
        }
        let metric = state.metric
        let counts = state.groups.map { $0.countText(metric) }
        let countWidth = counts.map(DisplayWidth.of).max() ?? 0
        let items = state.groups.enumerated().map { index, group -> BarChartItem in
            let share = group.shareText(metric, ofArrangements: state.rows.count)
            return BarChartItem(
                label: group.label, value: group.value(of: metric) ?? 0, valueText: Render.text(group.valueText(metric), state),
                detailText: Render.text(
                    ColumnFit.pad(share, to: 4, alignment: .right) + "  " + ColumnFit.pad(counts[index], to: countWidth), state))
        }
        BarChartView(items: items, scroll: state.chart).draw(
            in: layout.chart, canvas: &canvas, theme: state.theme, glyphs: state.glyphs)
        let needle = state.searchText
        guard !needle.isEmpty else { return }
        for line in 0..<layout.chartRows where state.isSearchMatch(state.chart.top + line) {
            Render.highlight(
                needle, in: state.groups[state.chart.top + line].label, x: layout.chart.x, width: layout.chart.width / 3,
                y: layout.chart.y + line, state: state, canvas: &canvas)
        }
    }

    func status(_ state: AppState) -> String {
        var status = "Grouped by \(state.dimension.label) · \(state.metric.label) · share: \(state.metric.shareTitle.lowercased())"
        if state.dimension.isMultiValued { status += " (an arrangement counts in each of its groups)" }
        return status
    }

    func exportTable(_ state: AppState) -> ReportTable? {
        ReportTable.summary(register: state.register, rows: state.rows, by: state.dimension, metric: state.metric, top: nil)
    }

    /// Enter on a bar: the arrangements filtered to that group.
    static func drillDown(state: inout AppState) {
        guard state.groups.indices.contains(state.chart.selected) else { return }
        let group = state.groups[state.chart.selected]
        let chosen = state.dimension.chosen(in: state.filter)
        if !chosen.isEmpty, case .value(let value) = group.key, !chosen.contains(value) {
            // Values of one dimension combine with "or": choosing this one instead would
            // show more arrangements than the bar, not fewer.
            state.message = "Already filtered by \(state.dimension.label): clear it (c) to see all of \(group.label)"
            return
        }
        guard let filter = state.dimension.narrowing(state.filter, to: group.key) else {
            state.message = "\"\(group.label)\" cannot be filtered to"
            return
        }
        state.setFilter(filter)
        state.message = "Filtered to \(group.label)"
        Reducer.switchScreen(to: .arrangements, state: &state)
    }
}

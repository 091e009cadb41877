import SharedServices
import TerminalUI

/// Mouse events: tabs, rows, headings, bars and the wheel.
enum MouseHandling {
    static func handle(_ mouse: MouseEvent, state: inout AppState) -> [Effect] {
        let layout = Layout(size: state.size)
        if state.overlay != nil {
            // A click outside an open overlay closes it; inside, the keyboard does the work.
            if case .press(.left) = mouse.kind, !layout.overlay.contains(x: mouse.x, y: mouse.y) { state.overlay = nil }
            return []
        }
        if mouse.y == layout.tabs.y, case .press(.left) = mouse.kind {
            if let tab = layout.tabRanges().first(where: { mouse.x >= $0.x && mouse.x < $0.x + $0.width }) {
                Reducer.switchScreen(to: tab.screen, state: &state)
            }
            return []
        }
        let content = layout.content
        let visible = TableView.visibleRows(in: content)
        switch mouse.kind {
        case .press(.wheelUp), .press(.wheelDown):
            let delta = mouse.kind == .press(.wheelUp) ? -3 : 3
            switch state.screen {
            case .arrangements: state.table.scroll(by: delta, count: state.rows.count, visible: visible)
            case .summary: state.chart.scroll(by: delta, count: state.groups.count, visible: layout.chartRows)
            case .organisations:
                state.organisationsTable.scroll(by: delta, count: state.organisationRows.count, visible: visible)
            case .issues: state.issuesTable.scroll(by: delta, count: state.data.diagnostics.count, visible: visible)
            case .detail: state.detailTop = DetailScreen.clampedTop(state.detailTop + delta, state: state)
            }
            return []
        case .press(.left), .doubleClick:
            guard content.contains(x: mouse.x, y: mouse.y) else { return [] }
            let isDouble = mouse.kind == .doubleClick
            switch state.screen {
            case .arrangements:
                if mouse.y == content.y {
                    let columns = ArrangementColumns.visible(width: state.size.width)
                    let table = Render.arrangementsTable(state: state)
                    if let index = table.column(atX: mouse.x - content.x, width: content.width), columns.indices.contains(index) {
                        ScreenKeys.sort(by: columns[index], state: &state)
                    }
                    return []
                }
                let row = state.table.top + (mouse.y - content.y - 1)
                guard row < state.rows.count else { return [] }
                state.table.moveTo(row, count: state.rows.count, visible: visible)
                if isDouble { Reducer.switchScreen(to: .detail, state: &state) }
            case .summary:
                let chart = layout.chart
                guard mouse.y >= chart.y else { return [] }
                let index = state.chart.top + (mouse.y - chart.y)
                guard index < state.groups.count else { return [] }
                state.chart.moveTo(index, count: state.groups.count, visible: layout.chartRows)
                if isDouble { DrillDown.apply(state: &state) }
            case .organisations:
                let row = state.organisationsTable.top + (mouse.y - content.y - 1)
                guard mouse.y > content.y, row < state.organisationRows.count else { return [] }
                state.organisationsTable.moveTo(row, count: state.organisationRows.count, visible: visible)
                if isDouble { _ = Reducer.handleKey(.enter, state: &state) }
            case .issues:
                let row = state.issuesTable.top + (mouse.y - content.y - 1)
                guard mouse.y > content.y, row < state.data.diagnostics.count else { return [] }
                state.issuesTable.moveTo(row, count: state.data.diagnostics.count, visible: visible)
            case .detail:
                break
            }
            return []
        case .press(.right):
            return []
        }
    }
}

import SharedServices
import TerminalUI

/// Turns events into new state: key or mouse → action on `AppState`. Pure: it reads no
/// file and draws nothing; what must touch the world comes back as an `Effect`.
public enum Reducer {
    public static func handle(_ event: InputEvent, state: inout AppState) -> [Effect] {
        switch event {
        case .resize(let size):
            state.resize(to: size)
            return []
        case .mouse(let mouse):
            state.message = nil
            return MouseHandling.handle(mouse, state: &state)
        case .key(let key):
            state.message = nil
            if state.overlay != nil { return OverlayHandling.handle(key, state: &state) }
            return handleKey(key, state: &state)
        }
    }

    /// Keys with nothing open over the screen.
    static func handleKey(_ key: Key, state: inout AppState) -> [Effect] {
        switch key {
        case .character("q"), .control("c"):
            state.wantsToQuit = true
            return [.quit]
        case .character("?"), .function(1):
            state.overlay = .help(top: 0)
        case .tab:
            switchScreen(to: Screen(rawValue: state.screen.rawValue % Screen.allCases.count + 1) ?? .arrangements, state: &state)
        case .backTab:
            let previous = (state.screen.rawValue + Screen.allCases.count - 2) % Screen.allCases.count + 1
            switchScreen(to: Screen(rawValue: previous) ?? .arrangements, state: &state)
        case .character(let character) where ("1"..."5").contains(character):
            if let number = Int(String(character)), let screen = Screen(rawValue: number) {
                switchScreen(to: screen, state: &state)
            }
        case .character("f"):
            let kind: PickerKind = state.screen == .organisations ? .organisationType : .service
            state.overlay = .picker(kind, Pickers.make(kind, state: state))
        case .character("c"):
            state.setFilter(ArrangementFilter())
            state.setOrganisationFilters(types: [], regions: [])
            state.message = "Filters cleared"
        case .character("e"):
            state.overlay = .export(TextInput(ExportNaming.defaultPath()))
        case .escape:
            if state.screen == .arrangements {
                if !state.searchText.isEmpty {
                    state.searchText = ""
                    state.searchMatches = []
                    state.message = "Search cleared"
                }
            } else {
                switchScreen(to: .arrangements, state: &state)
            }
        default:
            ScreenKeys.handle(key, state: &state)
        }
        return []
    }

    static func switchScreen(to screen: Screen, state: inout AppState) {
        state.detailTop = 0
        state.show(screen)
        if screen == .detail && state.selectedRow == nil {
            state.message = "No arrangement selected: the current view is empty"
        }
    }
}

/// Keys that mean something on one screen.
enum ScreenKeys {
    static func handle(_ key: Key, state: inout AppState) {
        let layout = Layout(size: state.size)
        let page = max(1, TableView.visibleRows(in: layout.content) - 1)
        switch state.screen {
        case .arrangements:
            if let delta = movement(key, page: page) {
                state.table.move(by: delta, count: state.rows.count, visible: TableView.visibleRows(in: layout.content))
                return
            }
            let columns = ArrangementColumns.visible(width: state.size.width)
            switch key {
            case .left, .character("h"):
                state.focusedColumn = steppedColumn(state.focusedColumn, among: columns, by: -1)
            case .right, .character("l"):
                state.focusedColumn = steppedColumn(state.focusedColumn, among: columns, by: 1)
            case .character("s"):
                let column = ArrangementColumns.Column(rawValue: state.focusedColumn) ?? .name
                sort(by: column, state: &state)
            case .enter:
                if state.selectedRow != nil { Reducer.switchScreen(to: .detail, state: &state) }
            case .character("/"):
                state.overlay = .search(TextInput(state.searchText))
                Search.begin(state: &state)
            case .character("n"):
                Search.jump(forward: true, state: &state)
            case .character("N"):
                Search.jump(forward: false, state: &state)
            default: break
            }
        case .detail:
            if let delta = movement(key, page: page) {
                // Clamped as it moves, so that a key past the end is not a key to undo.
                state.detailTop = DetailScreen.clampedTop(state.detailTop + delta, state: state)
                return
            }
            switch key {
            case .left, .character("h"):
                state.table.move(by: -1, count: state.rows.count, visible: TableView.visibleRows(in: layout.content))
                state.detailTop = 0
            case .right, .character("l"):
                state.table.move(by: 1, count: state.rows.count, visible: TableView.visibleRows(in: layout.content))
                state.detailTop = 0
            default: break
            }
        case .summary:
            if let delta = movement(key, page: page) {
                state.chart.move(by: delta, count: state.groups.count, visible: layout.chartRows)
                return
            }
            switch key {
            case .character("d"):
                let dimensions: [Dimension] = [.serviceArea, .service, .region, .sector, .year]
                let next = dimensions[((dimensions.firstIndex(of: state.dimension) ?? -1) + 1) % dimensions.count]
                state.setDimension(next, metric: state.metric)
            case .character("m"):
                let metrics = Metric.allCases
                let next = metrics[((metrics.firstIndex(of: state.metric) ?? -1) + 1) % metrics.count]
                state.setDimension(state.dimension, metric: next)
            case .enter:
                DrillDown.apply(state: &state)
            default: break
            }
        case .organisations:
            if let delta = movement(key, page: page) {
                state.organisationsTable.move(
                    by: delta, count: state.organisationRows.count, visible: TableView.visibleRows(in: layout.content))
                return
            }
            if key == .enter, state.organisationRows.indices.contains(state.organisationsTable.selected) {
                var filter = state.filter
                filter.organisations = [state.organisationRows[state.organisationsTable.selected].organisation]
                state.setFilter(filter)
                Reducer.switchScreen(to: .arrangements, state: &state)
            }
        case .issues:
            if let delta = movement(key, page: page) {
                state.issuesTable.move(
                    by: delta, count: state.data.diagnostics.count, visible: TableView.visibleRows(in: layout.content))
            }
        }
    }

    /// Rows to move for a movement key; nil for other keys. Home/End move by "everything".
    static func movement(_ key: Key, page: Int) -> Int? {
        switch key {
        case .up, .character("k"): return -1
        case .down, .character("j"): return 1
        case .pageUp: return -page
        case .pageDown: return page
        case .home, .character("g"): return Int.min / 2
        case .end, .character("G"): return Int.max / 2
        default: return nil
        }
    }

    static func steppedColumn(_ current: Int, among columns: [ArrangementColumns.Column], by step: Int) -> Int {
        let raw = columns.map(\.rawValue)
        let position = raw.firstIndex(of: current) ?? 0
        return raw[min(max(position + step, 0), raw.count - 1)]
    }

    /// Sorts by a column; choosing the sorted column again reverses it. Money and counts
    /// sort largest first the first time, text A–Z.
    static func sort(by column: ArrangementColumns.Column, state: inout AppState) {
        state.focusedColumn = column.rawValue
        let sortColumn = column.sortColumn
        if state.sortColumn == sortColumn {
            state.setSort(sortColumn, descending: !state.sortDescending)
        } else {
            let largestFirst = [.savings, .partners, .start].contains(column)
            state.setSort(sortColumn, descending: largestFirst)
        }
        state.message = "Sorted by \(column.title.lowercased()), \(state.sortDescending ? "descending" : "ascending")"
    }
}

extension ArrangementColumns.Column {
    public var title: String {
        switch self {
        case .name: return "Name"
        case .service: return "Service"
        case .partners: return "Partners"
        case .region: return "Region"
        case .start: return "Start"
        case .status: return "Status"
        case .savings: return "Saved to date"
        }
    }
}

import Foundation
import SharedServices
import TerminalUI
import TextCells

extension Screen {
    public static let arrangements = Screen("arrangements", ArrangementsScreen())
}

/// The first screen: the arrangements in view as a table that sorts, searches and
/// scrolls sideways.
struct ArrangementsScreen: ScreenContent {
    let title = "Arrangements"

    var list: ScreenList? {
        ScreenList(
            scroll: \AppState.table, count: { $0.rows.count }, noun: "arrangement",
            matches: { state, text, candidates in Self.matches(of: text, state: state, among: candidates) },
            open: { state in
                if state.selectedRow != nil { Reducer.switchScreen(to: .detail, state: &state) }
                return []
            })
    }

    var keys: [KeyBinding] {
        let list = self.list
        var bindings = [
            KeyBinding(
                [.up, .character("k")], "↑ k at the top",
                "from the first row, choose the headline's \"… without a figure\": Enter shows those arrangements"
            ) { state in
                if state.table.selected == 0 {
                    state.headlineFocused = true
                    state.message = "Enter: show the arrangements without a savings figure · ↓ back to the table"
                } else {
                    list?.move(by: -1, state: &state)
                }
            }
        ]
        bindings += list?.movementKeys(opening: "open the arrangement", hint: "Open") ?? []
        bindings += [
            KeyBinding([.left, .right, .character("h"), .character("l")], "← →  h l", "choose a column (the table scrolls sideways)") {
                state, key in
                let step = key == .left || key == .character("h") ? -1 : 1
                state.focusedColumn = min(max(state.focusedColumn + step, 0), ArrangementColumn.all.count - 1)
                state.clampAll()
                return []
            },
            KeyBinding([.character("s")], "s", "sort by the chosen column (again: reverse)", hint: ("s", "Sort")) {
                Self.sort(by: $0.focusedColumn, state: &$0)
            },
            KeyBinding(describing: "click a heading", "sort by that column"),
        ]
        return bindings + Search.keys
    }

    /// The columns shown at the state's width, as indices of `ArrangementColumn.all`.
    static func shownColumns(_ state: AppState) -> [Int] {
        ArrangementColumn.window(width: Layout(size: state.size).content.width, from: state.firstScrolledColumn)
    }

    static func table(_ state: AppState) -> TableView {
        let shown = shownColumns(state)
        let columns = shown.map { index in
            let column = ArrangementColumn.all[index]
            return TableColumn(column.title, width: column.width, flexWeight: column.flexWeight, alignment: column.alignment)
        }
        let sorted = state.sortColumn.flatMap { field in shown.firstIndex { ArrangementColumn.all[$0].sortField == field } }
        return TableView(
            columns: columns, rowCount: state.rows.count, scroll: state.table, sortColumn: sorted,
            sortDescending: state.sortDescending)
    }

    func draw(_ state: AppState, layout: Layout, canvas: inout Canvas) {
        let register = state.register
        let shown = Self.shownColumns(state)
        let table = Self.table(state)
        let needle = state.searchText
        table.draw(
            in: layout.content, canvas: &canvas, theme: state.theme, glyphs: state.glyphs,
            cell: { position, column in
                Render.text(ArrangementColumn.all[shown[column]].value(register, state.rows[position]), state)
            },
            decorate: { position, y, columns, canvas in
                guard !needle.isEmpty, state.isSearchMatch(position), let nameColumn = columns.first else { return }
                Render.highlight(
                    needle, in: register.name(state.rows[position]), x: nameColumn.x, width: nameColumn.width, y: y,
                    state: state, canvas: &canvas)
            })
        Render.markFocusedHeading(shown.firstIndex(of: state.focusedColumn), of: table, in: layout.content, state: state, canvas: &canvas)
        if state.rows.isEmpty {
            canvas.draw(
                Render.text(Wording.noneMatch + " · c clears them", state), x: 1, y: layout.content.y + 2,
                style: state.theme.dim, clip: layout.content)
        }
    }

    func status(_ state: AppState) -> String {
        var status = state.rows.isEmpty
            ? "No rows" : "Row \(Count.format(state.table.selected + 1)) of \(Count.format(state.rows.count))"
        if state.loading != nil { status += " so far" }
        if let sortColumn = state.sortColumn {
            status += " · sorted by \(sortColumn.title.lowercased())" + (state.sortDescending ? " ▼" : " ▲")
        }
        if !state.searchText.isEmpty {
            status += " · \(Search.matchCount(state.searchMatches.count, state: state)) for \"\(state.searchText)\""
        }
        let shown = Self.shownColumns(state)
        if shown.count < ArrangementColumn.all.count {
            status += " · ←/→ for the other " + Count.format(ArrangementColumn.all.count - shown.count, "column", "columns")
        }
        return status
    }

    func click(x: Int, y: Int, double: Bool, state: inout AppState, layout: Layout) -> [Effect] {
        guard y == layout.content.y else {
            return list?.click(y: y, double: double, state: &state, layout: layout) ?? []
        }
        let shown = Self.shownColumns(state)
        if let index = Self.table(state).column(atX: x - layout.content.x, width: layout.content.width),
            shown.indices.contains(index)
        {
            Self.sort(by: shown[index], state: &state)
        }
        return []
    }

    /// Sorts by a column; choosing the sorted column again reverses it. Money and counts
    /// sort largest first the first time, text A–Z.
    static func sort(by index: Int, state: inout AppState) {
        state.focusedColumn = index
        let column = ArrangementColumn.all[index]
        guard let field = column.sortField else {
            state.message = "\(column.title) cannot be sorted by: it lists the partners' sectors"
            return
        }
        if state.sortColumn == field {
            state.setSort(field, descending: !state.sortDescending)
        } else {
            state.setSort(field, descending: column.sortsLargestFirst)
        }
        state.message = "Sorted by \(column.title.lowercased()), \(state.sortDescending ? "descending" : "ascending")"
    }

    /// The positions in the view whose name, description or partners match: the
    /// register's own search, which handles a million rows.
    static func matches(of text: String, state: AppState, among candidates: [Int]?) -> [Int] {
        var filter = ArrangementFilter()
        filter.search = text
        let rows = state.rows
        // Matches come back in the order asked, so one walk pairs them with their positions.
        let candidateRows = candidates.map { positions in positions.map { rows[$0] } } ?? rows
        let matched = filter.matchingRows(in: state.register, among: candidateRows)
        var result: [Int] = []
        result.reserveCapacity(matched.count)
        var next = 0
        var index = 0
        let count = candidates?.count ?? rows.count
        // A plain loop, as the view can hold a million rows.
        while index < count && next < matched.count {
            let position = candidates?[index] ?? index
            if rows[position] == matched[next] {
                result.append(position)
                next += 1
            }
            index += 1
        }
        return result
    }
}

/// The headline's "… without a figure", reached with ↑ from the first row: Enter (or a
/// click on it) filters to the arrangements with no savings figure.
enum HeadlineFocus {
    /// Handles a key while the headline is focused; false when the key is not its own.
    static func handle(_ key: Key, state: inout AppState) -> Bool {
        guard state.headlineFocused else { return false }
        state.headlineFocused = false
        switch key {
        case .enter:
            showWithoutFigure(state: &state)
            return true
        case .down, .character("j"), .escape, .up, .character("k"):
            return true
        default:
            return false
        }
    }

    static func showWithoutFigure(state: inout AppState) {
        state.setFilter(Dimension.figure.setting([Int32(SavingsFigure.missing.rawValue)], in: state.filter))
        state.message = "Showing the \(Count.format(state.rows.count, "arrangement", "arrangements")) without a savings figure"
        Reducer.switchScreen(to: .arrangements, state: &state)
    }
}

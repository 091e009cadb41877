import SharedServices
import TerminalUI

/// `/` search: as the user types, the selection jumps to the first matching arrangement
/// at or after where the search began; matches are highlighted; `n`/`N` move between them.
enum Search {
    static func begin(state: inout AppState) {
        state.searchOrigin = state.table.selected
    }

    /// The positions in the current view whose name, description or partners match.
    /// `candidates`, when given, are the only positions that can (the matches of a shorter
    /// search this one extends), so typing one more letter searches fewer rows.
    static func refreshMatches(state: inout AppState, candidates: [Int]? = nil) {
        guard !state.searchText.isEmpty else {
            state.searchMatches = []
            return
        }
        var filter = ArrangementFilter()
        filter.search = state.searchText
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
        state.searchMatches = result
    }

    /// After a re-sort: the same arrangements match, at their new positions. Marking them
    /// is a pass over the rows, where searching again would test every row's text.
    static func carryMatches(from previousRows: [Int], state: inout AppState) {
        guard !state.searchMatches.isEmpty else { return }
        var matched = [Bool](repeating: false, count: state.register.count)
        for position in state.searchMatches where previousRows.indices.contains(position) {
            matched[previousRows[position]] = true
        }
        var result: [Int] = []
        result.reserveCapacity(state.searchMatches.count)
        for (position, row) in state.rows.enumerated() where matched[row] { result.append(position) }
        state.searchMatches = result
    }

    /// After each typed character: the first match from where the search began.
    static func update(text: String, state: inout AppState) {
        let previous = state.searchText
        state.searchText = text
        let narrows = !previous.isEmpty && text.hasPrefix(previous)
        refreshMatches(state: &state, candidates: narrows ? state.searchMatches : nil)
        let origin = state.searchOrigin
        if let match = state.searchMatches.first(where: { $0 >= origin }) ?? state.searchMatches.first {
            select(match, state: &state)
        }
        state.message = text.isEmpty ? nil : "\(state.searchMatches.count) match\(state.searchMatches.count == 1 ? "" : "es")"
    }

    static func jump(forward: Bool, state: inout AppState) {
        guard !state.searchText.isEmpty else {
            state.message = "Nothing searched for yet: press / to search"
            return
        }
        guard !state.searchMatches.isEmpty else {
            state.message = "No arrangement in this view matches \"\(state.searchText)\""
            return
        }
        let current = state.table.selected
        let next = forward
            ? state.searchMatches.first { $0 > current } ?? state.searchMatches[0]
            : state.searchMatches.last { $0 < current } ?? state.searchMatches[state.searchMatches.count - 1]
        select(next, state: &state)
        let position = (state.searchMatches.firstIndex(of: next) ?? 0) + 1
        state.message = "Match \(position) of \(state.searchMatches.count)"
    }

    private static func select(_ position: Int, state: inout AppState) {
        let layout = Layout(size: state.size)
        state.table.moveTo(position, count: state.rows.count, visible: TableView.visibleRows(in: layout.content))
    }
}

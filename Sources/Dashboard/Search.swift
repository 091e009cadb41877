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
        let positions = candidates ?? Array(state.rows.indices)
        let rows = state.rows
        // Matches come back in the order asked, so one walk pairs them with their positions.
        let matched = filter.matchingRows(in: state.register, among: positions.map { rows[$0] })
        var result: [Int] = []
        result.reserveCapacity(matched.count)
        var next = 0
        for position in positions where next < matched.count && rows[position] == matched[next] {
            result.append(position)
            next += 1
        }
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

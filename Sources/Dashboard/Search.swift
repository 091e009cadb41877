import SharedServices
import TerminalUI

/// `/` search on the list of the screen shown: as the user types, the selection jumps to
/// the first match at or after where the search began; matches are highlighted; `n`/`N`
/// move between them. A screen with no list says so.
enum Search {
    static func begin(state: inout AppState) {
        guard let list = state.screen.content.list else {
            state.message = "Nothing to search on the \(state.screen.title) screen: / searches a list"
            return
        }
        let text = state.searchText
        state.search = ListSearch(
            screen: state.screen, text: text, matches: state.searchMatches, origin: state[keyPath: list.scroll].selected)
        state.overlay = .search(TextInput(text))
    }

    /// The matches of the search after a list changed (a filter, a sort, new groups):
    /// `listOf` the screen whose list it was, nil for all of them. `candidates`, when
    /// given, are the only positions that can match (the matches of a shorter search this
    /// one extends), so typing one more letter searches fewer rows.
    static func refreshMatches(state: inout AppState, listOf changed: Screen? = nil, candidates: [Int]? = nil) {
        guard var search = state.search, changed == nil || changed == search.screen,
            let list = search.screen.content.list
        else { return }
        search.matches = search.text.isEmpty ? [] : list.matches(state, search.text, candidates)
        state.search = search
    }

    /// After a re-sort of the arrangements: the same arrangements match, at their new
    /// positions. Marking them is a pass over the rows, where searching again would test
    /// every row's text.
    static func carryMatches(from previousRows: [Int], state: inout AppState) {
        guard var search = state.search, search.screen == .arrangements, !search.matches.isEmpty else { return }
        var matched = [Bool](repeating: false, count: state.register.count)
        for position in search.matches where previousRows.indices.contains(position) {
            matched[previousRows[position]] = true
        }
        var result: [Int] = []
        result.reserveCapacity(search.matches.count)
        for (position, row) in state.rows.enumerated() where matched[row] { result.append(position) }
        search.matches = result
        state.search = search
    }

    /// After each typed character: the first match from where the search began.
    static func update(text: String, state: inout AppState) {
        guard var search = state.search, let list = search.screen.content.list else { return }
        let narrows = !search.text.isEmpty && text.hasPrefix(search.text)
        let candidates = narrows ? search.matches : nil
        search.text = text
        state.search = search
        refreshMatches(state: &state, candidates: candidates)
        let matches = state.searchMatches
        if let match = matches.first(where: { $0 >= search.origin }) ?? matches.first {
            list.moveTo(match, state: &state)
        }
        state.message = text.isEmpty ? nil : matchCount(matches.count, state: state)
    }

    /// Esc in the prompt: no search, and the selection back where it was.
    static func cancel(state: inout AppState) {
        guard let search = state.search, let list = search.screen.content.list else { return }
        state.search = nil
        list.moveTo(search.origin, state: &state)
    }

    /// Esc on a screen with a search: forget it.
    static func clear(state: inout AppState) -> Bool {
        guard !state.searchText.isEmpty else { return false }
        state.search = nil
        state.message = "Search cleared"
        return true
    }

    static func jump(forward: Bool, state: inout AppState) {
        guard let list = state.screen.content.list, !state.searchText.isEmpty else {
            state.message = "Nothing searched for yet: press / to search"
            return
        }
        let matches = state.searchMatches
        guard !matches.isEmpty else {
            state.message = "No \(list.noun) in this view matches \"\(state.searchText)\""
            return
        }
        let current = state[keyPath: list.scroll].selected
        let next = forward
            ? matches.first { $0 > current } ?? matches[0]
            : matches.last { $0 < current } ?? matches[matches.count - 1]
        list.moveTo(next, state: &state)
        let position = (matches.firstIndex(of: next) ?? 0) + 1
        state.message = "Match \(Count.format(position)) of \(Count.format(matches.count))"
    }

    /// `n` and `N`, on every screen with a list.
    static let keys: [KeyBinding] = [
        KeyBinding([.character("n"), .character("N")], "n  N", "next / previous match of the search") { state, key in
            jump(forward: key == .character("n"), state: &state)
            return []
        }
    ]

    /// "12 matches", "12 matches so far" while the register is still loading.
    static func matchCount(_ count: Int, state: AppState) -> String {
        Count.format(count, "match", "matches") + (state.loading == nil ? "" : " so far")
    }
}

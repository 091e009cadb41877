import SharedServices
import TerminalUI

/// One entry of a screen's key table: the keys, what help says of them, the hint bar's
/// label (if they have one there) and what they do.
struct KeyBinding: Sendable {
    let keys: [Key]
    /// The keys as help shows them: "↑ ↓  k j".
    let label: String
    let help: String
    /// The hint bar's key and word, when the binding is worth a place there.
    let hint: (key: String, word: String)?
    let perform: @Sendable (inout AppState, Key) -> [Effect]

    init(
        _ keys: [Key], _ label: String, _ help: String, hint: (key: String, word: String)? = nil,
        perform: @escaping @Sendable (inout AppState, Key) -> [Effect]
    ) {
        self.keys = keys
        self.label = label
        self.help = help
        self.hint = hint
        self.perform = perform
    }

    /// A binding whose action has no effect on the world.
    init(
        _ keys: [Key], _ label: String, _ help: String, hint: (key: String, word: String)? = nil,
        act: @escaping @Sendable (inout AppState) -> Void
    ) {
        self.init(keys, label, help, hint: hint) { state, _ in
            act(&state)
            return []
        }
    }

    /// A line of help that no key of a table carries (the mouse, a click on a heading).
    init(describing label: String, _ help: String) {
        self.init([], label, help) { _, _ in [] }
    }
}

/// The keys that work on every screen, after the screen's own.
enum GlobalKeys {
    static let bindings: [KeyBinding] = [
        KeyBinding([.character("?"), .function(1)], "?  F1", "this help (? or Esc closes it)", hint: ("?", "Help")) {
            $0.overlay = .help(top: 0)
        },
        KeyBinding(
            [.character("f")], "f",
            "filter: pick \(Pickers.first.plural) (←/→ for "
                + Dimension.all.filter { $0.isPickable && $0 != Pickers.first }.map(\.label).joined(separator: ", ") + ")",
            hint: ("f", "Filter")
        ) { Pickers.open(state: &$0) },
        KeyBinding([.character("/")], "/", "search the list on screen (n / N: next / previous match)", hint: ("/", "Search")) {
            Search.begin(state: &$0)
        },
        KeyBinding([.character("c")], "c", "clear all filters", hint: ("c", "Clear")) { state in
            state.setFilter(ArrangementFilter())
            state.setOrganisationFilters(types: [], regions: [])
            state.message = "Filters cleared"
        },
        KeyBinding(
            [.character("e")], "e", "export what the screen shows (the arrangements, or its table) to CSV, JSON or Markdown",
            hint: ("e", "Export")
        ) { ExportDialog.open(state: &$0) },
        KeyBinding([.tab, .backTab], "Tab  Shift-Tab", "next / previous screen", hint: ("Tab", "Screens")) { state, key in
            Reducer.switchScreen(to: state.screen.neighbour(key == .tab ? 1 : -1), state: &state)
            return []
        },
        KeyBinding(
            Screen.all.map { .character(Character(String($0.number))) }, "1 – \(Screen.all.count)",
            Screen.all.map(\.title).joined(separator: ", ")
        ) { state, key in
            if case .character(let character) = key, let number = Int(String(character)), let screen = Screen(number: number) {
                Reducer.switchScreen(to: screen, state: &state)
            }
            return []
        },
        KeyBinding([.escape], "Esc", "close what is open, clear the search, or go back") { Reducer.escape(state: &$0) },
        KeyBinding([.character("q"), .control("c")], "q  Ctrl-C", "quit (Esc first closes whatever is open)", hint: ("q", "Quit")) {
            state, _ in
            state.wantsToQuit = true
            return [.quit]
        },
        KeyBinding(describing: "mouse", "click selects, double-click opens, wheel scrolls, click a tab to switch"),
    ]
}

/// A list on a screen: what the arrows, the wheel, clicks and `/` move through.
struct ScreenList: Sendable {
    /// The state's scroll position of the list.
    let scroll: WritableKeyPath<AppState, ScrollState> & Sendable
    let count: @Sendable (AppState) -> Int
    /// Where the list's rows are drawn (below any heading).
    let rows: @Sendable (Layout) -> Rect
    /// What a row is called: "arrangement", "organisation".
    let noun: String
    /// The positions among `candidates` (all when nil) whose text contains `text`.
    let matches: @Sendable (AppState, String, [Int]?) -> [Int]
    /// Enter or a double click on the selected row.
    let open: (@Sendable (inout AppState) -> [Effect])?
    /// What else must follow the selection when it moves (the map's view follows its cursor).
    let moved: (@Sendable (inout AppState) -> Void)?

    init(
        scroll: WritableKeyPath<AppState, ScrollState> & Sendable, count: @escaping @Sendable (AppState) -> Int,
        rows: @escaping @Sendable (Layout) -> Rect = { TableView.rowsRect(in: $0.content) }, noun: String,
        matches: @escaping @Sendable (AppState, String, [Int]?) -> [Int],
        open: (@Sendable (inout AppState) -> [Effect])? = nil, moved: (@Sendable (inout AppState) -> Void)? = nil
    ) {
        self.scroll = scroll
        self.count = count
        self.rows = rows
        self.noun = noun
        self.matches = matches
        self.open = open
        self.moved = moved
    }

    /// A list searched by the text `text(state, position)` of each row.
    init(
        scroll: WritableKeyPath<AppState, ScrollState> & Sendable, count: @escaping @Sendable (AppState) -> Int,
        rows: @escaping @Sendable (Layout) -> Rect = { TableView.rowsRect(in: $0.content) }, noun: String,
        text: @escaping @Sendable (AppState, Int) -> String, open: (@Sendable (inout AppState) -> [Effect])? = nil,
        moved: (@Sendable (inout AppState) -> Void)? = nil
    ) {
        self.init(
            scroll: scroll, count: count, rows: rows, noun: noun,
            matches: { state, needle, candidates in
                (candidates ?? Array(0..<count(state))).filter { TextSearch.matches(text(state, $0), needle) }
            }, open: open, moved: moved)
    }

    func visible(_ layout: Layout) -> Int { rows(layout).height }

    func move(by delta: Int, state: inout AppState) {
        let layout = Layout(size: state.size)
        state[keyPath: scroll].move(by: delta, count: count(state), visible: visible(layout))
        moved?(&state)
    }

    func moveTo(_ position: Int, state: inout AppState) {
        let layout = Layout(size: state.size)
        state[keyPath: scroll].moveTo(position, count: count(state), visible: visible(layout))
        moved?(&state)
    }

    func wheel(by delta: Int, state: inout AppState) {
        let layout = Layout(size: state.size)
        state[keyPath: scroll].scroll(by: delta, count: count(state), visible: visible(layout))
    }

    func clamp(state: inout AppState, layout: Layout) {
        state[keyPath: scroll].clamp(count: count(state), visible: visible(layout))
    }

    /// The row under `y`, or nil.
    func position(atY y: Int, state: AppState, layout: Layout) -> Int? {
        let area = rows(layout)
        guard y >= area.y && y < area.maxY else { return nil }
        let position = state[keyPath: scroll].top + (y - area.y)
        return position < count(state) ? position : nil
    }

    /// A click selects the row under it; a double click opens it.
    func click(y: Int, double: Bool, state: inout AppState, layout: Layout) -> [Effect] {
        guard let position = position(atY: y, state: state, layout: layout) else { return [] }
        moveTo(position, state: &state)
        if double, let open { return open(&state) }
        return []
    }

    /// ↑ ↓, pages, first and last, and Enter when rows open: the same on every list.
    func movementKeys(opening: String? = nil, hint: String? = nil) -> [KeyBinding] {
        let list = self
        var bindings = [
            KeyBinding([.up, .down, .character("k"), .character("j")], "↑ ↓  k j", "move up / down") { state, key in
                list.move(by: key == .up || key == .character("k") ? -1 : 1, state: &state)
                return []
            },
            KeyBinding([.pageUp, .pageDown], "PgUp PgDn", "a page up / down") { state, key in
                let page = max(1, list.visible(Layout(size: state.size)) - 1)
                list.move(by: key == .pageUp ? -page : page, state: &state)
                return []
            },
            KeyBinding([.home, .end, .character("g"), .character("G")], "Home End  g G", "first / last") { state, key in
                list.move(by: key == .home || key == .character("g") ? Int.min / 2 : Int.max / 2, state: &state)
                return []
            },
        ]
        if let opening, let open {
            bindings.append(
                KeyBinding([.enter], "Enter", opening, hint: hint.map { ("Enter", $0) }) { state, _ in open(&state) })
        }
        return bindings
    }
}

extension TableView {
    /// Where a table in `rect` draws its rows: below its heading.
    static func rowsRect(in rect: Rect) -> Rect {
        Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: visibleRows(in: rect))
    }
}

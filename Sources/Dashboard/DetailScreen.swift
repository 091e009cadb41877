import SharedServices
import TerminalUI
import TextCells

extension Screen {
    public static let detail = Screen("detail", DetailScreen())
}

/// One arrangement in full: every field, its partners with their sectors and types, the
/// description wrapped, provenance and source. A partner leads to its arrangements.
struct DetailScreen: ScreenContent {
    let title = "Detail"
    let exportName = "ssmap-arrangements"

    var keys: [KeyBinding] {
        [
            KeyBinding([.up, .down, .character("k"), .character("j")], "↑ ↓  k j", "scroll") { state, key in
                Self.scroll(by: key == .up || key == .character("k") ? -1 : 1, state: &state)
                return []
            },
            KeyBinding([.pageUp, .pageDown], "PgUp PgDn", "a page up / down") { state, key in
                let page = max(1, Layout(size: state.size).content.height - 1)
                Self.scroll(by: key == .pageUp ? -page : page, state: &state)
                return []
            },
            KeyBinding([.home, .end, .character("g"), .character("G")], "Home End  g G", "top / bottom") { state, key in
                Self.scroll(by: key == .home || key == .character("g") ? Int.min / 2 : Int.max / 2, state: &state)
                return []
            },
            KeyBinding([.left, .right, .character("h"), .character("l")], "← →  h l", "previous / next arrangement", hint: ("←→", "Prev/next")) {
                state, key in
                Screen.arrangements.content.list?.move(by: key == .left || key == .character("h") ? -1 : 1, state: &state)
                state.detailTop = 0
                return []
            },
            KeyBinding(
                [.character("p")], "p", "a partner's arrangements: choose the partner (or click its line)",
                hint: ("p", "Partner")
            ) { Pickers.openPartners(state: &$0) },
            KeyBinding(describing: "Esc", "back to the arrangements"),
        ]
    }

    /// Clamped as it moves, so that a key past the end is not a key to undo.
    private static func scroll(by delta: Int, state: inout AppState) {
        state.detailTop = clampedTop(state.detailTop + delta, state: state)
    }

    struct Line {
        var text: String
        var style: Style
        /// The organisation a partner's line names.
        var partner: Int32?
    }

    static func lines(state: AppState, width: Int) -> [Line] {
        guard let row = state.selectedRow else {
            return [Line(text: "No arrangement selected: the current view is empty.", style: state.theme.dim)]
        }
        let theme = state.theme
        let description = state.register.describe(row)
        let labelWidth = 15
        let textWidth = max(10, width - labelWidth)
        var lines: [Line] = []
        func text(_ value: String) -> String { Render.text(value, state) }
        func field(_ label: String, _ value: String, style: Style = theme.normal) {
            let value = SafeText.visible(text(value), keepingLineBreaks: true)
            lines += ColumnFit.labelled(label, value, labelWidth: labelWidth, valueWidth: textWidth).map {
                Line(text: $0, style: style)
            }
        }
        lines.append(Line(text: text("\(description.id) · \(description.name)"), style: theme.title))
        lines.append(Line(text: "", style: theme.normal))
        for fact in description.facts {
            field(fact.label, fact.value, style: fact.label == ArrangementField.savingsToDate.title ? theme.accent : theme.normal)
        }
        lines.append(Line(text: text("Partners (\(description.partners.count)) · p or a click: their arrangements"), style: theme.header))
        let partnerIDs = state.register.partners(row)
        for (index, partner) in description.partners.enumerated() {
            let name = ColumnFit.pad(partner.name, to: min(40, max(10, width / 2)))
            lines.append(
                Line(
                    text: "  " + text(name + "  " + partner.about), style: theme.normal,
                    partner: partnerIDs.indices.contains(index) ? partnerIDs[index] : nil))
        }
        for note in description.notes { field(note.label, note.value) }
        field("Read from", "\(state.register.placeInFile(of: row)) of \(state.data.sourceName)", style: theme.dim)
        return lines
    }

    func draw(_ state: AppState, layout: Layout, canvas: inout Canvas) {
        let inner = Self.textRect(in: layout.content)
        let all = Self.lines(state: state, width: inner.width)
        let top = min(state.detailTop, ScrollingText.lastTop(count: all.count, height: inner.height))
        ScrollingText.draw(all.map { (text: $0.text, style: $0.style) }, top: top, in: inner, canvas: &canvas)
    }

    func wheel(by delta: Int, x: Int, y: Int, state: inout AppState, layout: Layout) {
        state.detailTop = Self.clampedTop(state.detailTop + delta, state: state)
    }

    func status(_ state: AppState) -> String { "Esc back · ←/→ previous/next arrangement · p a partner's arrangements" }

    /// A click on a partner's line shows that partner's arrangements.
    func click(x: Int, y: Int, double: Bool, state: inout AppState, layout: Layout) -> [Effect] {
        let inner = Self.textRect(in: layout.content)
        let all = Self.lines(state: state, width: inner.width)
        let top = min(state.detailTop, ScrollingText.lastTop(count: all.count, height: inner.height))
        let index = top + (y - inner.y)
        if all.indices.contains(index), let partner = all[index].partner {
            Pickers.showArrangements(of: partner, state: &state)
        }
        return []
    }

    /// `top` kept between the first line and the last screenful at the state's size.
    static func clampedTop(_ top: Int, state: AppState) -> Int {
        guard top > 0 else { return 0 }
        let inner = textRect(in: Layout(size: state.size).content)
        return min(top, ScrollingText.lastTop(count: lines(state: state, width: inner.width).count, height: inner.height))
    }

    private static func textRect(in rect: Rect) -> Rect {
        Rect(x: rect.x + 1, y: rect.y, width: max(0, rect.width - 2), height: rect.height)
    }
}

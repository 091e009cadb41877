import SharedServices
import TerminalUI
import TextCells

/// One arrangement in full: every field, its partners with their sectors and types, the
/// description wrapped, provenance and source.
enum DetailScreen {
    static func lines(state: AppState, width: Int) -> [(text: String, style: Style)] {
        guard let row = state.selectedRow else {
            return [("No arrangement selected: the current view is empty.", state.theme.dim)]
        }
        let theme = state.theme
        let description = state.register.describe(row)
        let labelWidth = 15
        let textWidth = max(10, width - labelWidth)
        var lines: [(String, Style)] = []
        func text(_ value: String) -> String { Render.text(value, state) }
        func field(_ label: String, _ value: String, style: Style = theme.normal) {
            let value = SafeText.visible(text(value), keepingLineBreaks: true)
            lines += ColumnFit.labelled(label, value, labelWidth: labelWidth, valueWidth: textWidth).map { ($0, style) }
        }
        lines.append((text("\(description.id) · \(description.name)"), theme.title))
        lines.append(("", theme.normal))
        for fact in description.facts {
            field(fact.label, fact.value, style: fact.label == "Saved to date" ? theme.accent : theme.normal)
        }
        lines.append(("Partners (\(description.partners.count))", theme.header))
        for partner in description.partners {
            let name = ColumnFit.pad(partner.name, to: min(40, max(10, width / 2)))
            lines.append(("  " + text(name + "  " + partner.about), theme.normal))
        }
        for note in description.notes { field(note.label, note.value) }
        field("Read from", "\(state.register.placeInFile(of: row)) of \(state.data.sourceName)", style: theme.dim)
        return lines
    }

    static func draw(state: AppState, rect: Rect, canvas: inout Canvas) {
        let inner = textRect(in: rect)
        let all = lines(state: state, width: inner.width)
        let top = min(state.detailTop, ScrollingText.lastTop(count: all.count, height: inner.height))
        ScrollingText.draw(all, top: top, in: inner, canvas: &canvas)
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

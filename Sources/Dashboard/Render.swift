import Foundation
import SharedServices
import TerminalUI
import TextCells

/// State → canvas. Draws only what fits on the screen, so a frame costs the same for 486
/// arrangements or a million.
public enum Render {
    public static func frame(_ state: AppState) -> Canvas {
        var canvas = drawn(state)
        // What the widgets add themselves (a cut cell's "…") is spelt for an ASCII terminal here.
        if state.glyphs.isASCII { canvas.keepToASCII(cutMark: state.glyphs.cutMark) }
        return canvas
    }

    /// The frame as drawn, before an ASCII terminal's last spelling out.
    static func drawn(_ state: AppState) -> Canvas {
        var canvas = Canvas(size: state.size)
        let layout = Layout(size: state.size)
        if layout.isTooSmall {
            drawTooSmall(state: state, canvas: &canvas)
            return canvas
        }
        drawTabs(state: state, layout: layout, canvas: &canvas)
        drawHeadline(state: state, layout: layout, canvas: &canvas)
        drawChips(state: state, layout: layout, canvas: &canvas)
        state.screen.content.draw(state, layout: layout, canvas: &canvas)
        drawStatus(state: state, layout: layout, canvas: &canvas)
        drawHints(state: state, layout: layout, canvas: &canvas)
        if let overlay = state.overlay { drawOverlay(overlay, state: state, layout: layout, canvas: &canvas) }
        return canvas
    }

    /// Text as this terminal can show it.
    static func text(_ text: String, _ state: AppState) -> String {
        DashboardText.forTerminal(text, glyphs: state.glyphs)
    }

    private static func drawTooSmall(state: AppState, canvas: inout Canvas) {
        let minimum = Layout.minimumSize
        let message = "ssmap needs a terminal of at least \(minimum.width)×\(minimum.height); this one is "
            + "\(state.size.width)×\(state.size.height). Make the window bigger, or press q to quit."
        guard canvas.width > 0 else { return }
        // As many lines as the terminal has; on the smallest, only the start shows.
        let lines = ColumnFit.wrap(text(message, state), to: canvas.width).prefix(canvas.height)
        for (index, line) in lines.enumerated() {
            canvas.draw(line, x: 0, y: index, style: state.theme.warning)
        }
    }

    private static func drawTabs(state: AppState, layout: Layout, canvas: inout Canvas) {
        canvas.fill(layout.tabs, style: state.theme.tabInactive)
        // Tabs that start past the right edge are not drawn (nor can they be clicked).
        for tab in layout.tabRanges(for: state) where tab.x < layout.tabs.maxX {
            let style = tab.screen == state.screen ? state.theme.tabActive : state.theme.tabInactive
            canvas.draw(tab.label, x: tab.x, y: layout.tabs.y, style: style, clip: layout.tabs)
        }
    }

    private static func drawChips(state: AppState, layout: Layout, canvas: inout Canvas) {
        var chips = state.filter.phrases(in: state.register)
        if state.screen == .organisations {
            chips += state.organisationTypes.sorted().map { "type: \($0)" }
            chips += state.organisationRegions.sorted().map { "located: \(state.register.regions[$0])" }
        }
        var x = 1
        if chips.isEmpty {
            canvas.draw(text("All arrangements · press f to filter, / to search", state), x: x, y: layout.chips.y, style: state.theme.dim, clip: layout.chips)
            return
        }
        canvas.draw("Filters:", x: x, y: layout.chips.y, style: state.theme.dim, clip: layout.chips)
        x += 9
        // Chips run off the right edge when there are many: stop at the edge.
        for chip in chips where x < layout.chips.maxX {
            x += canvas.draw(" \(text(chip, state)) ", x: x, y: layout.chips.y, style: state.theme.chip, clip: layout.chips) + 1
        }
        if x < layout.chips.maxX {
            canvas.draw(text("c clears", state), x: x, y: layout.chips.y, style: state.theme.dim, clip: layout.chips)
        }
    }

    // MARK: The headline

    private static func drawHeadline(state: AppState, layout: Layout, canvas: inout Canvas) {
        let line = headlineLine(state)
        let x = 1 + canvas.draw(line.soFar, x: 1, y: layout.headline.y, style: state.theme.warning, maxWidth: layout.headline.width - 1)
        if x < layout.headline.maxX {
            canvas.draw(line.figures, x: x, y: layout.headline.y, style: state.theme.title, maxWidth: layout.headline.maxX - x)
        }
        if state.headlineFocused {
            let phrase = headlineFigurePhrase(state)
            canvas.restyle(Rect(x: phrase.lowerBound, y: layout.headline.y, width: phrase.count, height: 1)) {
                $0 = state.theme.selected
            }
        }
    }

    /// The headline as drawn: while the register is still loading, its figures come after
    /// a warning that they are so far ("Still loading, 37% read · so far: "), so that no
    /// total is ever shown as final before it is.
    static func headlineLine(_ state: AppState) -> (soFar: String, figures: String) {
        let width = Layout(size: state.size).headline.width - 1
        var soFar = ""
        if let loading = state.loading {
            soFar = text(DashboardText.stillLoading(loading, width: width), state)
        }
        let figures = text(DashboardText.headline(state.headline, width: width - DisplayWidth.of(soFar)), state)
        return (soFar, figures)
    }

    /// Where the headline's "… without a figure" (or "… n/r") is drawn: what a click or
    /// ↑ from the first row chooses.
    static func headlineFigurePhrase(_ state: AppState) -> Range<Int> {
        let layout = Layout(size: state.size)
        let line = headlineLine(state)
        let headline = line.soFar + line.figures
        let count = Count.format(state.headline.withoutFigure)
        for phrase in ["\(count) without a figure", "\(count) n/r"] {
            if let range = headline.range(of: phrase) {
                let start = min(1 + DisplayWidth.of(String(headline[..<range.lowerBound])), layout.headline.maxX)
                return start..<min(start + DisplayWidth.of(phrase), layout.headline.maxX)
            }
        }
        return 0..<0
    }

    /// The heading of the column the arrows have reached (`column`, an index of `table`'s
    /// columns), underlined in the accent style: what `s` sorts by.
    static func markFocusedHeading(_ column: Int?, of table: TableView, in rect: Rect, state: AppState, canvas: inout Canvas) {
        guard let column else { return }
        let position = table.layout(width: rect.width)[column]
        canvas.restyle(Rect(x: rect.x + position.x, y: rect.y, width: position.width, height: 1)) {
            $0 = state.theme.accent
            $0.underline = true
        }
    }

    /// Restyles where `needle` occurs in `name` as drawn in a cell starting at `x`.
    static func highlight(_ needle: String, in name: String, x: Int, width: Int, y: Int, state: AppState, canvas: inout Canvas) {
        guard let range = name.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) else { return }
        let start = DisplayWidth.of(SafeText.visible(String(name[..<range.lowerBound])))
        let length = DisplayWidth.of(SafeText.visible(String(name[range])))
        let end = min(start + length, width)
        guard start < width, end > start else { return }
        canvas.restyle(Rect(x: x + start, y: y, width: end - start, height: 1)) { $0 = state.theme.highlight }
    }

    // MARK: Bars at the bottom

    private static func drawStatus(state: AppState, layout: Layout, canvas: inout Canvas) {
        canvas.fill(layout.status, style: state.theme.statusBar)
        var status = state.message ?? state.screen.content.status(state)
        if state.message == nil && !state.data.diagnostics.isEmpty && state.screen != .issues {
            status += " · " + Count.format(state.data.diagnostics.count, "data issue", "data issues")
                + (state.loading == nil ? "" : " so far") + " (\(Screen.issues.number))"
        }
        canvas.draw(" " + text(status, state), x: 0, y: layout.status.y, style: state.theme.statusBar, maxWidth: layout.status.width)
    }

    /// The hint bar: the hinted keys of the screen's table, then the global ones.
    private static func drawHints(state: AppState, layout: Layout, canvas: inout Canvas) {
        var x = 0
        for hint in Help.hints(for: state.screen) {
            guard x < layout.hints.maxX else { break }
            x += canvas.draw(text(hint.key, state), x: x, y: layout.hints.y, style: state.theme.hintKey, clip: layout.hints)
            // A key can end exactly at the edge, leaving no room for its label.
            guard x < layout.hints.maxX else { break }
            x += canvas.draw(hint.word + " ", x: x, y: layout.hints.y, style: state.theme.hintLabel, clip: layout.hints)
        }
    }

    // MARK: Overlays

    private static func drawOverlay(_ overlay: Overlay, state: AppState, layout: Layout, canvas: inout Canvas) {
        let box = layout.overlay
        switch overlay {
        case .help(let top):
            let inner = Modal.draw(title: text("Keys · ? or Esc closes", state), in: box, canvas: &canvas, theme: state.theme, glyphs: state.glyphs)
            let lines = Help.lines(for: state.screen, width: inner.width, glyphs: state.glyphs).map { line in
                (text: line.text, style: line.heading ? state.theme.header : state.theme.normal)
            }
            // The state keeps help within its end at every size; clamped here as well, so
            // that no state can draw an empty box.
            let shownTop = min(top, ScrollingText.lastTop(count: lines.count, height: inner.height))
            ScrollingText.draw(lines, top: shownTop, in: inner, canvas: &canvas)
        case .picker(_, let picker):
            var shown = picker
            shown.options = picker.options.map {
                PickerOption(id: $0.id, label: $0.label, detail: text($0.detail, state))
            }
            shown.title = text(picker.title, state)
            shown.draw(in: box, canvas: &canvas, theme: state.theme, glyphs: state.glyphs)
        case .search(let input):
            prompt(title: "Search", label: "/", input: input, note: "Enter keeps it · Esc cancels · n/N move between matches", state: state, layout: layout, canvas: &canvas)
        case .export(let input, let table):
            prompt(
                title: ExportDialog.title(table, state: state), label: "File:", input: input,
                note: ".csv, .json or .md · Enter writes · Esc cancels", state: state, layout: layout, canvas: &canvas)
        case .confirmOverwrite(let path, _):
            let rect = layout.content.centred(width: min(layout.content.width, 60), height: 5)
            let inner = Modal.draw(title: "Replace?", in: rect, canvas: &canvas, theme: state.theme, glyphs: state.glyphs)
            canvas.draw(text("\(path) already exists.", state), x: inner.x, y: inner.y, style: state.theme.warning, clip: inner)
            canvas.draw("Replace it? y: replace · n: choose another name", x: inner.x, y: inner.y + 1, style: state.theme.normal, clip: inner)
        }
    }

    private static func prompt(
        title: String, label: String, input: TextInput, note: String, state: AppState, layout: Layout, canvas: inout Canvas
    ) {
        let rect = layout.content.centred(width: min(layout.content.width, 64), height: 5)
        let inner = Modal.draw(title: text(title, state), in: rect, canvas: &canvas, theme: state.theme, glyphs: state.glyphs)
        guard inner.height >= 1 else { return }
        let used = canvas.draw(label + " ", x: inner.x, y: inner.y, style: state.theme.accent, clip: inner)
        input.draw(
            at: inner.x + used, y: inner.y, width: max(1, inner.width - used), canvas: &canvas, style: state.theme.normal,
            cursorStyle: state.theme.selected)
        canvas.draw(text(note, state), x: inner.x, y: inner.y + 1, style: state.theme.dim, clip: inner)
    }
}

import TextCells

/// One choice in a picker, with a detail shown beside it (a count, an amount).
public struct PickerOption: Hashable, Sendable {
    public var id: Int
    public var label: String
    public var detail: String

    public init(id: Int, label: String, detail: String) {
        self.id = id
        self.label = label
        self.detail = detail
    }
}

/// A list to choose from: type to narrow, arrows to move, Space to tick several, Enter to
/// apply, Esc to cancel.
public struct ListPicker: Hashable, Sendable {
    public var title: String
    public var options: [PickerOption]
    public var chosen: Set<Int>
    public var query = TextInput()
    public var scroll = ScrollState()

    public init(title: String, options: [PickerOption], chosen: Set<Int>) {
        self.title = title
        self.options = options
        self.chosen = chosen
    }

    /// The options whose label contains the typed text, ignoring case.
    public var visibleOptions: [PickerOption] {
        let needle = query.text.lowercased()
        guard !needle.isEmpty else { return options }
        return options.filter { $0.label.lowercased().contains(needle) }
    }

    public enum Outcome: Equatable, Sendable { case open, applied, cancelled }

    /// Handles a key; `visible` is how many options fit on screen.
    public mutating func handle(_ key: Key, visible: Int) -> Outcome {
        let count = visibleOptions.count
        switch key {
        case .escape: return .cancelled
        case .enter:
            // Enter with nothing ticked takes the highlighted option.
            if chosen.isEmpty, let option = highlighted { chosen = [option.id] }
            return .applied
        case .up: scroll.move(by: -1, count: count, visible: visible)
        case .down: scroll.move(by: 1, count: count, visible: visible)
        case .pageUp: scroll.move(by: -max(1, visible - 1), count: count, visible: visible)
        case .pageDown: scroll.move(by: max(1, visible - 1), count: count, visible: visible)
        case .home: scroll.moveTo(0, count: count, visible: visible)
        case .end: scroll.moveTo(count - 1, count: count, visible: visible)
        case .character(" "), .tab:
            if let option = highlighted {
                if chosen.contains(option.id) { chosen.remove(option.id) } else { chosen.insert(option.id) }
            }
        default:
            if query.handle(key) == .edited {
                scroll = ScrollState()
            }
        }
        return .open
    }

    public var highlighted: PickerOption? {
        let options = visibleOptions
        return options.indices.contains(scroll.selected) ? options[scroll.selected] : nil
    }

    /// Draws the picker as a box in `rect`.
    public func draw(in rect: Rect, canvas: inout Canvas, theme: Theme, glyphs: Glyphs) {
        let inner = Modal.draw(title: title, in: rect, canvas: &canvas, theme: theme, glyphs: glyphs)
        guard inner.height >= 3 else { return }
        canvas.draw("Narrow: ", x: inner.x, y: inner.y, style: theme.dim)
        query.draw(
            at: inner.x + 8, y: inner.y, width: max(1, inner.width - 8), canvas: &canvas, style: theme.normal,
            cursorStyle: theme.selected)
        let listRect = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 2)
        let options = visibleOptions
        var scroll = self.scroll
        scroll.clamp(count: options.count, visible: listRect.height)
        let detailWidth = min(options.map { DisplayWidth.of($0.detail) }.max() ?? 0, inner.width / 2)
        for line in 0..<listRect.height {
            let index = scroll.top + line
            guard index < options.count else { break }
            let option = options[index]
            let y = listRect.y + line
            let style = index == scroll.selected ? theme.selected : theme.normal
            canvas.fill(Rect(x: listRect.x, y: y, width: listRect.width, height: 1), style: style)
            let tick = chosen.contains(option.id) ? (glyphs.isASCII ? "[x] " : "[✓] ") : "[ ] "
            let labelWidth = max(1, listRect.width - 4 - detailWidth - 1)
            canvas.draw(tick + ColumnFit.pad(option.label, to: labelWidth), x: listRect.x, y: y, style: style, clip: listRect)
            canvas.draw(
                ColumnFit.pad(option.detail, to: detailWidth, alignment: .right),
                x: listRect.maxX - detailWidth, y: y, style: style, clip: listRect)
        }
        if options.isEmpty {
            canvas.draw("Nothing matches \"\(query.text)\"", x: listRect.x, y: listRect.y, style: theme.dim, clip: listRect)
        }
        let hint = "Space tick · Enter apply · Esc cancel · \(chosen.count) ticked"
        canvas.draw(hint, x: inner.x, y: inner.maxY - 1, style: theme.dim, maxWidth: inner.width)
    }
}

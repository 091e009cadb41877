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

    /// The options' rows in a picker drawn in `rect`: below the line for typing.
    public static func listRect(in rect: Rect) -> Rect {
        let inner = Modal.inner(of: rect)
        return Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 2))
    }

    /// A click on the picker drawn in `rect` at row `y`: the option there is highlighted
    /// and its tick turned over, as Space does.
    public mutating func click(y: Int, in rect: Rect) {
        let list = Self.listRect(in: rect)
        let options = visibleOptions
        var shown = scroll
        shown.clamp(count: options.count, visible: list.height)
        let index = shown.top + (y - list.y)
        guard y >= list.y, y < list.maxY, options.indices.contains(index) else { return }
        scroll.moveTo(index, count: options.count, visible: list.height)
        let id = options[index].id
        if chosen.contains(id) { chosen.remove(id) } else { chosen.insert(id) }
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
        let listRect = Self.listRect(in: rect)
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
        let hint = ["Space or click: tick", "Enter apply", "Esc cancel", "\(chosen.count) ticked"]
            .joined(separator: " \(glyphs.separator) ")
        canvas.draw(hint, x: inner.x, y: inner.maxY - 1, style: theme.dim, maxWidth: inner.width)
    }
}

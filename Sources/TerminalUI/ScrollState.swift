/// A selection in a scrolling list of `count` rows, `visible` of which fit: keeps the
/// selection inside the rows and the selected row on screen.
public struct ScrollState: Hashable, Sendable {
    public var selected: Int
    public var top: Int

    public init(selected: Int = 0, top: Int = 0) {
        self.selected = selected
        self.top = top
    }

    /// Moves the selection by `delta` rows, clamped.
    public mutating func move(by delta: Int, count: Int, visible: Int) {
        selected += delta
        clamp(count: count, visible: visible)
    }

    public mutating func moveTo(_ row: Int, count: Int, visible: Int) {
        selected = row
        clamp(count: count, visible: visible)
    }

    /// Scrolls the view by `delta` rows without moving past the ends; the selection follows.
    public mutating func scroll(by delta: Int, count: Int, visible: Int) {
        let maxTop = max(0, count - max(visible, 1))
        top = min(max(top + delta, 0), maxTop)
        if selected < top { selected = top }
        if visible > 0 && selected >= top + visible { selected = top + visible - 1 }
        clamp(count: count, visible: visible)
    }

    /// Brings selection and scroll back inside a list of `count` rows showing `visible`.
    public mutating func clamp(count: Int, visible: Int) {
        guard count > 0 else {
            selected = 0
            top = 0
            return
        }
        selected = min(max(selected, 0), count - 1)
        let rows = max(visible, 1)
        if selected < top { top = selected }
        if selected >= top + rows { top = selected - rows + 1 }
        top = min(max(top, 0), max(0, count - rows))
    }
}

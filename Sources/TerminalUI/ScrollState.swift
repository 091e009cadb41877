/// A selection in a scrolling list of `count` rows, `visible` of which fit: keeps the
/// selection inside the rows and the selected row on screen.
public struct ScrollState: Hashable, Sendable {
    public var selected: Int
    /// The first row shown. Setting it, moving or scrolling also makes it the view to come
    /// back to: `clamp` (what a resize calls) fits the list to the screen from that view, not
    /// from the last one shown, so a terminal shrunk and grown again shows what it showed.
    /// A list of another length forgets it: the view was of other rows.
    public var top: Int {
        get { shownTop }
        set {
            shownTop = newValue
            chosenTop = newValue
        }
    }
    private var shownTop: Int
    private var chosenTop: Int
    /// How many rows the list had when `chosenTop` was chosen; nil before any was.
    private var chosenAmong: Int?

    public init(selected: Int = 0, top: Int = 0) {
        self.selected = selected
        shownTop = top
        chosenTop = top
        chosenAmong = nil
    }

    /// The selection moved to `row` of a reordered list, at the same height on the screen
    /// as it was: after a sort, the view does not jump.
    public func keepingHeight(selecting row: Int) -> ScrollState {
        ScrollState(selected: row, top: max(0, row - (selected - top)))
    }

    /// Moves the selection by `delta` rows, clamped.
    public mutating func move(by delta: Int, count: Int, visible: Int) {
        moveTo(selected + delta, count: count, visible: visible)
    }

    public mutating func moveTo(_ row: Int, count: Int, visible: Int) {
        selected = row
        // From the view on screen: a move is a choice made looking at it.
        chosenTop = shownTop
        clamp(count: count, visible: visible)
        chosenTop = shownTop
        chosenAmong = count
    }

    /// Scrolls the view by `delta` rows without moving past the ends; the selection follows.
    public mutating func scroll(by delta: Int, count: Int, visible: Int) {
        let maxTop = max(0, count - max(visible, 1))
        top = min(max(shownTop + delta, 0), maxTop)
        if selected < top { selected = top }
        if visible > 0 && selected >= top + visible { selected = top + visible - 1 }
        clamp(count: count, visible: visible)
    }

    /// Brings selection and scroll back inside a list of `count` rows showing `visible`,
    /// starting from the view last chosen.
    public mutating func clamp(count: Int, visible: Int) {
        guard count > 0 else {
            selected = 0
            top = 0
            return
        }
        if chosenAmong != count {
            chosenTop = shownTop
            chosenAmong = count
        }
        selected = min(max(selected, 0), count - 1)
        let rows = max(visible, 1)
        var fitted = chosenTop
        if selected < fitted { fitted = selected }
        if selected >= fitted + rows { fitted = selected - rows + 1 }
        shownTop = min(max(fitted, 0), max(0, count - rows))
    }
}

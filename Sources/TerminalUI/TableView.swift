import TextCells

/// A column of a table: a fixed width, or a share of the space left over.
public struct TableColumn: Sendable, Equatable {
    public var title: String
    public var width: Int
    /// Columns with a weight share the width the fixed columns leave.
    public var flexWeight: Int
    public var alignment: ColumnFit.Alignment

    public init(_ title: String, width: Int, flexWeight: Int = 0, alignment: ColumnFit.Alignment = .left) {
        self.title = title
        self.width = width
        self.flexWeight = flexWeight
        self.alignment = alignment
    }
}

/// A scrolling table with a header row, a selected row and an optional sort indicator.
/// Draws only the rows that fit: its cost depends on the screen, not on the data.
public struct TableView {
    public var columns: [TableColumn]
    public var rowCount: Int
    public var scroll: ScrollState
    public var sortColumn: Int?
    public var sortDescending: Bool

    public init(
        columns: [TableColumn], rowCount: Int, scroll: ScrollState, sortColumn: Int? = nil, sortDescending: Bool = false
    ) {
        self.columns = columns
        self.rowCount = rowCount
        self.scroll = scroll
        self.sortColumn = sortColumn
        self.sortDescending = sortDescending
    }

    /// Rows of data that fit in `rect` under the header.
    public static func visibleRows(in rect: Rect) -> Int { max(0, rect.height - 1) }

    /// Each column's x and width in a table `width` wide; columns that do not fit get 0.
    public func layout(width: Int) -> [(x: Int, width: Int)] {
        let gaps = max(0, columns.count - 1)
        let fixed = columns.reduce(0) { $0 + ($1.flexWeight == 0 ? $1.width : 0) }
        let totalWeight = columns.reduce(0) { $0 + $1.flexWeight }
        // Flexible columns get their own width, then share what is left by weight.
        let flexMinimum = columns.reduce(0) { $0 + ($1.flexWeight > 0 ? $1.width : 0) }
        let spare = max(0, width - fixed - gaps - flexMinimum)
        var widths = columns.map(\.width)
        if totalWeight > 0 {
            for (index, column) in columns.enumerated() where column.flexWeight > 0 {
                widths[index] = column.width + spare * column.flexWeight / totalWeight
            }
        }
        var result: [(x: Int, width: Int)] = []
        var x = 0
        for columnWidth in widths {
            let fitted = max(0, min(columnWidth, width - x))
            result.append((x, fitted))
            x += fitted + (fitted > 0 ? 1 : 0)
        }
        return result
    }

    /// The column under a header click at `x` (relative to the table's left edge).
    public func column(atX x: Int, width: Int) -> Int? {
        layout(width: width).firstIndex { x >= $0.x && x < $0.x + $0.width }
    }

    /// Draws the table. `cell` gives a row's text in a column; `decorate` may restyle
    /// a drawn row (to highlight search matches, say).
    public func draw(
        in rect: Rect, canvas: inout Canvas, theme: Theme, glyphs: Glyphs,
        cell: (_ row: Int, _ column: Int) -> String,
        decorate: (_ row: Int, _ y: Int, _ layout: [(x: Int, width: Int)], inout Canvas) -> Void = { _, _, _, _ in }
    ) {
        guard !rect.isEmpty else { return }
        let layout = layout(width: rect.width)
        canvas.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: theme.header)
        for (index, column) in columns.enumerated() where layout[index].width > 0 {
            var title = column.title
            if sortColumn == index {
                // The marker is kept when the title is cut, so the sorted column shows
                // without colour too.
                let marker = sortDescending ? glyphs.sortDescending : glyphs.sortAscending
                title = ColumnFit.truncate(title, to: max(0, layout[index].width - DisplayWidth.of(marker))) + marker
            }
            drawCell(title, column: column, at: layout[index], in: rect, y: rect.y, style: theme.header, canvas: &canvas)
        }
        let visible = Self.visibleRows(in: rect)
        for line in 0..<visible {
            let row = scroll.top + line
            let y = rect.y + 1 + line
            guard row < rowCount else { break }
            let style = row == scroll.selected ? theme.selected : theme.normal
            canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
            for (index, column) in columns.enumerated() where layout[index].width > 0 {
                drawCell(cell(row, index), column: column, at: layout[index], in: rect, y: y, style: style, canvas: &canvas)
            }
            decorate(row, y, layout.map { (rect.x + $0.x, $0.width) }, &canvas)
        }
    }

    /// A cell's text cut to its column and aligned in it. The row is already filled with
    /// spaces in `style`, so the padding is not drawn again: on a wide terminal most of a
    /// table is padding, and drawing it was most of the cost of a frame.
    private func drawCell(
        _ text: String, column: TableColumn, at position: (x: Int, width: Int), in rect: Rect, y: Int, style: Style,
        canvas: inout Canvas
    ) {
        // Nothing to draw; right-aligned in the last column it would start past the edge.
        guard !text.isEmpty else { return }
        let fitted: String
        let fittedWidth: Int
        if let columns = text.narrowColumns {
            // Most cells: no measuring needed.
            fitted = text.truncatedNarrow(columns: columns, to: position.width)
            fittedWidth = min(columns, position.width)
        } else {
            fitted = ColumnFit.truncate(text, to: position.width)
            fittedWidth = DisplayWidth.of(fitted)
        }
        let offset = column.alignment == .right ? max(0, position.width - fittedWidth) : 0
        canvas.draw(fitted, x: rect.x + position.x + offset, y: y, style: style, clip: rect)
    }
}

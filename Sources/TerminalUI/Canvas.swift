import TextCells

/// One cell of the screen: a character (with any combining marks) and its style. A wide
/// character fills two cells; the second is its `continuation`.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    public init(character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// An off-screen grid of cells that everything is drawn into. Drivers copy it to a real
/// terminal (only the cells that changed); tests read it as text. Drawing is clipped to
/// the canvas, and text is cleaned of control characters on the way in, so nothing drawn
/// can fall outside the screen or reach the terminal as an escape sequence.
public struct Canvas: Sendable, Equatable {
    public let size: TerminalSize
    public private(set) var cells: [Cell]
    /// How many drawing requests reached outside the canvas. The canvas clips them safely,
    /// but a renderer that makes them has lost track of the screen, so tests expect none.
    /// Counted: a `draw` that starts on a row or column the canvas does not have; a `draw`
    /// whose text runs on past the right edge when the caller set no `maxWidth` or `clip`
    /// that stops it there; a `fill` or `restyle` of a rectangle not wholly inside.
    /// Not counted, because it is clipping by design: text cut short by the caller's own
    /// limit inside the canvas (a column's width, a clip rectangle, even one as wide as the
    /// canvas), a row outside the clip rectangle but inside the canvas, and empty rectangles,
    /// which ask for nothing.
    public private(set) var requestsOutside = 0

    public init(size: TerminalSize) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Two canvases are equal when they show the same: how they were drawn does not count.
    public static func == (left: Canvas, right: Canvas) -> Bool {
        left.size == right.size && left.cells == right.cells
    }

    /// One cell of a picture (a braille pattern, a shade character): a character of one
    /// column that is not a control character, else a space. Pictures set thousands of
    /// cells a frame, one at a time, where `draw` would measure a string for each.
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style) {
        guard x >= 0, y >= 0, x < width, y < height else {
            requestsOutside += 1
            return
        }
        let scalars = character.unicodeScalars
        let scalar = scalars.first?.value ?? 0
        let safe: Character
        if scalars.count != 1 || scalar < 0x20 || (0x7F..<0xA0).contains(scalar) {
            safe = " "
        } else if scalar < 0x7F || (0x2800...0x28FF).contains(scalar) {
            // ASCII and braille patterns, most of what pictures put: one column, no need to measure.
            safe = character
        } else {
            safe = DisplayWidth.of(character) == 1 ? character : " "
        }
        let index = y * width + x
        if cells[index].isContinuation && x > 0 { cells[index - 1] = Cell(character: " ", style: cells[index - 1].style) }
        if x + 1 < width && cells[index + 1].isContinuation { cells[index + 1] = Cell(character: " ", style: cells[index + 1].style) }
        cells[index] = Cell(character: safe, style: style)
    }

    /// Every cell in ASCII, for a terminal that shows nothing else: the widgets' cut mark
    /// (`ColumnFit.cutMark`) becomes `cutMark`, any other character outside ASCII "?" (a wide character
    /// "??", keeping its two columns). Text is spelt out for such a terminal before it is drawn;
    /// this catches what the widgets add themselves, such as the mark of a cut cell.
    public mutating func keepToASCII(cutMark: Character) {
        for index in cells.indices where !cells[index].character.isASCII {
            cells[index].character = cells[index].character == ColumnFit.cutMark ? cutMark : "?"
            if index + 1 < cells.count && cells[index + 1].isContinuation {
                cells[index + 1] = Cell(character: "?", style: cells[index + 1].style)
            }
        }
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        noteIfOutside(rect)
        let clipped = clip(rect)
        let blank = Cell(character: " ", style: style)
        let width = self.width
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                cells[y * width + x] = blank
            }
        }
    }

    /// Draws text from (x, y), at most `maxWidth` columns (and never past the canvas or
    /// `clip`), and returns the number of columns used. Wide characters that do not fit
    /// whole are not drawn; control characters are drawn as visible symbols.
    @discardableResult
    public mutating func draw(
        _ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil, clip clipRect: Rect? = nil
    ) -> Int {
        guard y >= 0, y < height else {
            requestsOutside += 1
            return 0
        }
        var outside = x < 0 || x >= width
        defer { if outside { requestsOutside += 1 } }
        // The caller's own limit; the canvas's edge should only ever cut what runs on past it.
        var callersLimit = maxWidth.map { x + $0 } ?? Int.max
        if let clipRect {
            guard y >= clipRect.y && y < clipRect.maxY else { return 0 }
            callersLimit = min(callersLimit, clipRect.maxX)
        }
        let limit = min(width, callersLimit)
        // Never left of the canvas, even for a clip rectangle that reaches past it.
        let start = max(x, clipRect?.x ?? 0, 0)
        let end: Int
        if let columns = text.narrowColumns {
            end = min(limit, x + columns)
            if x + columns > limit && callersLimit > width { outside = true }
            drawNarrow(text.unicodeScalars, x: x, start: start, end: end, y: y, style: style)
        } else {
            let measured = drawMeasured(text, x: x, start: start, limit: limit, y: y, style: style)
            end = measured.end
            if measured.cut && callersLimit > width { outside = true }
        }
        return max(0, end - x)
    }

    /// Text whose every scalar is a character one column wide (most of what is drawn) into
    /// columns `x..<end`, those left of `start` clipped: nothing to clean or measure.
    private mutating func drawNarrow(
        _ scalars: String.UnicodeScalarView, x: Int, start: Int, end: Int, y: Int, style: Style
    ) {
        let first = max(x, start)
        guard first < end else { return }
        let row = y * width
        // Only the ends of the run can split a wide character; inside it both halves are overwritten.
        if cells[row + first].isContinuation && first > 0 {
            cells[row + first - 1] = Cell(character: " ", style: cells[row + first - 1].style)
        }
        if end < width && cells[row + end].isContinuation {
            cells[row + end] = Cell(character: " ", style: cells[row + end].style)
        }
        var column = x
        for scalar in scalars {
            guard column < end else { break }
            if column >= first { cells[row + column] = Cell(character: Character(scalar), style: style) }
            column += 1
        }
    }

    /// Any other text, cleaned and measured character by character; returns the column after
    /// the last drawn and whether the text was cut short at `limit`.
    private mutating func drawMeasured(
        _ text: String, x: Int, start: Int, limit: Int, y: Int, style: Style
    ) -> (end: Int, cut: Bool) {
        var column = x
        for character in SafeText.visible(text) {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 { continue }
            if column + characterWidth > limit { return (column, true) }
            if column >= start {
                set(character, x: column, y: y, style: style, width: characterWidth)
            }
            column += characterWidth
        }
        return (column, false)
    }

    /// Sets the style of cells already drawn, keeping their characters.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        noteIfOutside(rect)
        let clipped = clip(rect)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                change(&cells[y * width + x].style)
            }
        }
    }

    private mutating func set(_ character: Character, x: Int, y: Int, style: Style, width characterWidth: Int) {
        // Overwriting half of a wide character blanks its other half.
        let index = y * width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(character: " ", style: cells[index - 1].style)
        }
        let end = x + characterWidth
        if end < width, cells[y * width + end].isContinuation {
            cells[y * width + end] = Cell(character: " ", style: cells[y * width + end].style)
        }
        cells[index] = Cell(character: character, style: style)
        if characterWidth == 2 && x + 1 < width {
            cells[index + 1] = Cell(character: " ", style: style, isContinuation: true)
        }
    }

    private mutating func noteIfOutside(_ rect: Rect) {
        if !rect.isEmpty && (rect.x < 0 || rect.y < 0 || rect.maxX > width || rect.maxY > height) {
            requestsOutside += 1
        }
    }

    private func clip(_ rect: Rect) -> Rect {
        let x0 = max(0, rect.x)
        let y0 = max(0, rect.y)
        let x1 = min(width, rect.maxX)
        let y1 = min(height, rect.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// Row `y` as text, trailing spaces kept.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var text = ""
        for x in 0..<width {
            let cell = cells[y * width + x]
            if !cell.isContinuation { text.append(cell.character) }
        }
        return text
    }

    /// The whole canvas as text, one line per row, trailing spaces removed: what a golden
    /// test compares.
    public var text: String {
        (0..<height).map { y in
            var line = self.line(y)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}

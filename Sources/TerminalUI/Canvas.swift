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

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let clipped = clip(rect)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                cells[y * width + x] = Cell(character: " ", style: style)
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
        guard y >= 0, y < height else { return 0 }
        var limit = min(width, x + (maxWidth ?? width))
        if let clipRect {
            guard y >= clipRect.y && y < clipRect.maxY else { return 0 }
            limit = min(limit, clipRect.maxX)
        }
        let start = max(x, clipRect?.x ?? 0)
        var column = x
        for character in SafeText.visible(text) {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 { continue }
            if column + characterWidth > limit { break }
            if column >= start {
                set(character, x: column, y: y, style: style, width: characterWidth)
            }
            column += characterWidth
        }
        return max(0, column - x)
    }

    /// Sets the style of cells already drawn, keeping their characters.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
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

import TextCells

/// A bordered box with a title; returns the rectangle inside the border.
public enum Modal {
    @discardableResult
    public static func draw(title: String, in rect: Rect, canvas: inout Canvas, theme: Theme, glyphs: Glyphs) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        canvas.fill(rect, style: theme.normal)
        let horizontal = String(repeating: glyphs.horizontal, count: rect.width - 2)
        canvas.draw(String(glyphs.topLeft) + horizontal + String(glyphs.topRight), x: rect.x, y: rect.y, style: theme.border)
        canvas.draw(
            String(glyphs.bottomLeft) + horizontal + String(glyphs.bottomRight), x: rect.x, y: rect.maxY - 1,
            style: theme.border)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            canvas.draw(String(glyphs.vertical), x: rect.x, y: y, style: theme.border)
            canvas.draw(String(glyphs.vertical), x: rect.maxX - 1, y: y, style: theme.border)
        }
        if !title.isEmpty && rect.width > 6 {
            canvas.draw(" \(title) ", x: rect.x + 2, y: rect.y, style: theme.title, maxWidth: rect.width - 4)
        }
        return inner(of: rect)
    }

    /// The rectangle inside a box's border, with a column of margin each side.
    public static func inner(of rect: Rect) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        return Rect(x: rect.x + 2, y: rect.y + 1, width: max(0, rect.width - 4), height: rect.height - 2)
    }
}

/// Lines of text scrolled inside a rectangle (help, long descriptions).
public enum ScrollingText {
    /// The furthest `count` lines can scroll in `height` rows: their last screenful at the
    /// top, never past it.
    public static func lastTop(count: Int, height: Int) -> Int {
        max(0, count - max(1, height))
    }

    public static func draw(
        _ lines: [(text: String, style: Style)], top: Int, in rect: Rect, canvas: inout Canvas
    ) {
        for line in 0..<rect.height {
            let index = top + line
            guard index >= 0, index < lines.count else { break }
            canvas.draw(lines[index].text, x: rect.x, y: rect.y + line, style: lines[index].style, clip: rect)
        }
    }
}

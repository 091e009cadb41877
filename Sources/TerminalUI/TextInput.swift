/// A one-line text field: typing, deleting, moving the cursor.
public struct TextInput: Hashable, Sendable {
    public var text: String
    /// Cursor position in characters.
    public var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    public enum Outcome: Equatable, Sendable { case edited, unchanged, submitted, cancelled }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .character(let character):
            guard !character.isNewline else { return .submitted }
            let index = text.index(text.startIndex, offsetBy: min(cursor, text.count))
            text.insert(character, at: index)
            cursor += 1
            return .edited
        case .backspace:
            guard cursor > 0 else { return .unchanged }
            let index = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: index)
            cursor -= 1
            return .edited
        case .delete:
            guard cursor < text.count else { return .unchanged }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
            return .edited
        case .left:
            cursor = max(0, cursor - 1)
            return .unchanged
        case .right:
            cursor = min(text.count, cursor + 1)
            return .unchanged
        case .home, .control("a"):
            cursor = 0
            return .unchanged
        case .end, .control("e"):
            cursor = text.count
            return .unchanged
        case .control("u"):
            text = ""
            cursor = 0
            return .edited
        case .enter: return .submitted
        case .escape: return .cancelled
        default: return .unchanged
        }
    }

    /// Draws the field with a visible cursor (a reversed cell), scrolled to keep it in view.
    public func draw(at x: Int, y: Int, width: Int, canvas: inout Canvas, style: Style, cursorStyle: Style) {
        guard width > 0 else { return }
        let characters = Array(text)
        let start = max(0, cursor - width + 1)
        let shown = String(characters[min(start, characters.count)..<characters.count].prefix(width))
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        canvas.draw(shown, x: x, y: y, style: style, maxWidth: width)
        let cursorColumn = x + min(cursor - start, width - 1)
        canvas.restyle(Rect(x: cursorColumn, y: y, width: 1, height: 1)) { $0 = cursorStyle }
    }
}

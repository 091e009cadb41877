import Foundation
import TerminalUI
import TextCells

/// Every key, by screen, made from the screens' key tables and the global one: what `?`
/// shows, what the hint bar offers and what the README's key table lists.
public enum Help {
    public struct Binding: Sendable, Equatable {
        public var keys: String
        public var action: String
    }

    /// The keys that work on every screen.
    public static var everywhere: [Binding] { GlobalKeys.bindings.map(binding) }

    /// The keys of one screen.
    public static func bindings(for screen: Screen) -> [Binding] { screen.content.keys.map(binding) }

    private static func binding(_ key: KeyBinding) -> Binding { Binding(keys: key.label, action: key.help) }

    /// The hint bar for a screen: its own hinted keys, then the global ones that fit.
    static func hints(for screen: Screen) -> [(key: String, word: String)] {
        let global = GlobalKeys.bindings.compactMap(\.hint)
        let help = global.filter { $0.key == "?" }
        return help + screen.content.keys.compactMap(\.hint) + global.filter { $0.key != "?" }
    }

    /// Every key as Markdown tables: the global keys, then each screen's, for the README.
    public static func markdown() -> String {
        func table(_ bindings: [Binding]) -> String {
            "| key | does |\n| --- | --- |\n"
                + bindings.map { "| `\($0.keys)` | \($0.action.replacingOccurrences(of: "|", with: "\\|")) |\n" }.joined()
        }
        var text = "Everywhere:\n\n" + table(everywhere)
        for screen in Screen.all {
            text += "\n\(screen.number) \(screen.title):\n\n" + table(bindings(for: screen))
        }
        return text
    }

    public typealias Line = (text: String, heading: Bool)

    /// How far the help for `screen` scrolls in an overlay `box`.
    static func lastTop(for screen: Screen, in box: Rect, glyphs: Glyphs) -> Int {
        let inner = Modal.inner(of: box)
        let count = lines(for: screen, width: max(1, inner.width), glyphs: glyphs).count
        return ScrollingText.lastTop(count: count, height: inner.height)
    }

    /// The help text for a screen, as lines at most `width` columns wide, spelt for the
    /// terminal's glyphs before it is laid out (in ASCII "<-" is two columns where "←" is one).
    public static func lines(for screen: Screen, width: Int = 80, glyphs: Glyphs = .unicode) -> [Line] {
        guard (0...Layout.overlayMaximumWidth).contains(width) else { return wrap(for: screen, width: width, glyphs: glyphs) }
        return wrapped.lines(for: screen, width: width, ascii: glyphs.isASCII) { wrap(for: screen, width: width, glyphs: glyphs) }
    }

    /// Help as the overlay shows it, wrapped once for each screen and width: the overlay
    /// draws it on every frame and scrolls it on every key. At most one entry per screen
    /// for each width the overlay can have.
    private static let wrapped = WrappedHelp()

    private final class WrappedHelp: @unchecked Sendable {
        private let lock = NSLock()
        private var byScreenAndWidth: [Int: [Line]] = [:]

        func lines(for screen: Screen, width: Int, ascii: Bool, wrap: () -> [Line]) -> [Line] {
            let key = (screen.number * (Layout.overlayMaximumWidth + 1) + width) * 2 + (ascii ? 1 : 0)
            if let lines = stored(key) { return lines }
            let lines = wrap()
            lock.lock()
            byScreenAndWidth[key] = lines
            lock.unlock()
            return lines
        }

        private func stored(_ key: Int) -> [Line]? {
            lock.lock()
            defer { lock.unlock() }
            return byScreenAndWidth[key]
        }
    }

    private static func wrap(for screen: Screen, width: Int, glyphs: Glyphs) -> [Line] {
        func spelt(_ text: String) -> String { DashboardText.forTerminal(text, glyphs: glyphs) }
        func format(_ binding: Binding) -> [String] {
            // Keys in a column of 16, the action wrapped beside them.
            let keyWidth = width >= 40 ? 16 : 10
            return ColumnFit.labelled(
                spelt(binding.keys), spelt(binding.action), labelWidth: keyWidth, valueWidth: max(8, width - keyWidth))
        }
        var lines: [(String, Bool)] = [(spelt("\(screen.title) screen"), true)]
        for binding in bindings(for: screen) { lines += format(binding).map { ($0, false) } }
        lines.append(("", false))
        lines.append(("Everywhere", true))
        for binding in everywhere { lines += format(binding).map { ($0, false) } }
        return lines
    }
}

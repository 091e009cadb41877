import Foundation
import TerminalUI
import TextCells

/// Every key, by screen: what `?` shows and what the README's key table lists.
public enum Help {
    public struct Binding: Sendable, Equatable {
        public var keys: String
        public var action: String
    }

    public static let everywhere: [Binding] = [
        .init(keys: "?  F1", action: "this help (? or Esc closes it)"),
        .init(keys: "Tab  Shift-Tab", action: "next / previous screen"),
        .init(keys: "1 – 5", action: "Arrangements, Detail, Summary, Organisations, Data issues"),
        .init(keys: "f", action: "filter: pick services (←/→ for area, region, sector, status)"),
        .init(keys: "c", action: "clear all filters"),
        .init(keys: "e", action: "export the current view to CSV, JSON or Markdown"),
        .init(keys: "Esc", action: "close what is open, or go back"),
        .init(keys: "q  Ctrl-C", action: "quit (Esc first closes whatever is open)"),
        .init(keys: "mouse", action: "click selects, double-click opens, wheel scrolls, click a tab to switch"),
    ]

    public static let moving: [Binding] = [
        .init(keys: "↑ ↓  k j", action: "move up / down"),
        .init(keys: "PgUp PgDn", action: "a page up / down"),
        .init(keys: "Home End  g G", action: "first / last"),
    ]

    public static func bindings(for screen: Screen) -> [Binding] {
        switch screen {
        case .arrangements:
            return moving + [
                .init(keys: "← →  h l", action: "choose a column"),
                .init(keys: "s", action: "sort by the chosen column (again: reverse)"),
                .init(keys: "click a heading", action: "sort by that column"),
                .init(keys: "Enter", action: "open the arrangement"),
                .init(keys: "/", action: "search name, description and partners"),
                .init(keys: "n  N", action: "next / previous match"),
            ]
        case .detail:
            return [
                .init(keys: "↑ ↓  k j", action: "scroll"),
                .init(keys: "PgUp PgDn", action: "a page up / down"),
                .init(keys: "Home End  g G", action: "top / bottom"),
                .init(keys: "← →  h l", action: "previous / next arrangement"),
                .init(keys: "Esc", action: "back to the arrangements"),
            ]
        case .summary:
            return moving + [
                .init(keys: "d", action: "group by the next dimension (area, service, region, sector, year)"),
                .init(keys: "m", action: "measure by the next metric (total, count, mean)"),
                .init(keys: "Enter", action: "filter the arrangements to the selected bar"),
            ]
        case .organisations:
            return moving + [
                .init(keys: "Enter", action: "show the arrangements it is in"),
                .init(keys: "f", action: "filter by organisation type and region"),
            ]
        case .issues:
            return moving
        }
    }

    public typealias Line = (text: String, heading: Bool)

    /// How far the help for `screen` scrolls in an overlay `box`.
    static func lastTop(for screen: Screen, in box: Rect) -> Int {
        let inner = Modal.inner(of: box)
        return ScrollingText.lastTop(count: lines(for: screen, width: max(1, inner.width)).count, height: inner.height)
    }

    /// The help text for a screen, as lines at most `width` columns wide.
    public static func lines(for screen: Screen, width: Int = 80) -> [Line] {
        guard (0...Layout.overlayMaximumWidth).contains(width) else { return wrap(for: screen, width: width) }
        return wrapped.lines(for: screen, width: width) { wrap(for: screen, width: width) }
    }

    /// Help as the overlay shows it, wrapped once for each screen and width: the overlay
    /// draws it on every frame and scrolls it on every key. At most one entry per screen
    /// for each width the overlay can have.
    private static let wrapped = WrappedHelp()

    private final class WrappedHelp: @unchecked Sendable {
        private let lock = NSLock()
        private var byScreenAndWidth: [Int: [Line]] = [:]

        func lines(for screen: Screen, width: Int, wrap: () -> [Line]) -> [Line] {
            let key = screen.rawValue * (Layout.overlayMaximumWidth + 1) + width
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

    private static func wrap(for screen: Screen, width: Int) -> [Line] {
        var lines: [(String, Bool)] = [("\(screen.title) screen", true)]
        for binding in bindings(for: screen) { lines += format(binding, width: width).map { ($0, false) } }
        lines.append(("", false))
        lines.append(("Everywhere", true))
        for binding in everywhere { lines += format(binding, width: width).map { ($0, false) } }
        return lines
    }

    /// Keys in a column of 16, the action wrapped beside them.
    private static func format(_ binding: Binding, width: Int) -> [String] {
        let keyWidth = width >= 40 ? 16 : 10
        return ColumnFit.labelled(binding.keys, binding.action, labelWidth: keyWidth, valueWidth: max(8, width - keyWidth))
    }
}

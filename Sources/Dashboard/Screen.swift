import SharedServices
import TerminalUI

/// What a screen of the dashboard is: its keys, its drawing, its mouse handling and its
/// lists, all in the screen's own file. The reducer, the help, the hint bar and the tab
/// bar read them from here; adding a screen is a file and an entry in `Screen.all`.
protocol ScreenContent: Sendable {
    var title: String { get }
    /// The keys that mean something on this screen: the reducer acts on them, and the
    /// help and the hint bar list them.
    var keys: [KeyBinding] { get }
    /// The list `/` searches and the arrows and wheel move through; nil when the screen has none.
    var list: ScreenList? { get }
    func draw(_ state: AppState, layout: Layout, canvas: inout Canvas)
    /// The status line's text when no message is showing.
    func status(_ state: AppState) -> String
    /// A click (or double click) in the content area at `x`, `y`.
    func click(x: Int, y: Int, double: Bool, state: inout AppState, layout: Layout) -> [Effect]
    /// The mouse wheel at `x`, `y`: `delta` lines down (negative: up).
    func wheel(by delta: Int, x: Int, y: Int, state: inout AppState, layout: Layout)
    /// What `e` writes: a table of this screen, or nil for the arrangements in view.
    func exportTable(_ state: AppState) -> ReportTable?
    /// The default export file name, without its extension.
    var exportName: String { get }
}

extension ScreenContent {
    var list: ScreenList? { nil }
    func click(x: Int, y: Int, double: Bool, state: inout AppState, layout: Layout) -> [Effect] {
        list?.click(y: y, double: double, state: &state, layout: layout) ?? []
    }
    /// The wheel scrolls the screen's list.
    func wheel(by delta: Int, x: Int, y: Int, state: inout AppState, layout: Layout) {
        list?.wheel(by: delta, state: &state)
    }
    func exportTable(_ state: AppState) -> ReportTable? { nil }
    var exportName: String { "ssmap-arrangements" }
}

/// A screen of the dashboard, in tab order; its number is the key that opens it.
public struct Screen: Sendable, Hashable, CustomStringConvertible {
    let id: String
    let content: any ScreenContent

    init(_ id: String, _ content: any ScreenContent) {
        self.id = id
        self.content = content
    }

    /// Every screen, in tab order.
    public static let all: [Screen] = [.arrangements, .detail, .summary, .organisations, .issues, .map]

    public static func == (lhs: Screen, rhs: Screen) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    public var description: String { id }

    public var title: String { content.title }
    /// 1 for the first tab.
    public var number: Int { (Self.all.firstIndex(of: self) ?? 0) + 1 }

    /// The screen `number` opens, or nil.
    public init?(number: Int) {
        guard Self.all.indices.contains(number - 1) else { return nil }
        self = Self.all[number - 1]
    }

    /// The screen `step` tabs away, wrapping round.
    func neighbour(_ step: Int) -> Screen {
        let count = Self.all.count
        return Self.all[((number - 1 + step) % count + count) % count]
    }
}

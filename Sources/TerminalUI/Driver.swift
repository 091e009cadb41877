import TextCells

/// What the dashboard needs of a terminal: its size, a way to show a frame, and events.
public protocol TerminalDriver: AnyObject {
    var size: TerminalSize { get }
    /// Shows the canvas; a driver writes only the cells that changed since the last frame.
    func present(_ canvas: Canvas)
    /// The next event, or nil when none arrives within `timeoutMilliseconds` (-1: wait).
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
}

/// A terminal in memory, for tests: events are queued in advance and every presented
/// frame is kept.
public final class TestDriver: TerminalDriver {
    public private(set) var size: TerminalSize
    public private(set) var frames: [Canvas] = []
    private var events: [InputEvent]

    public init(size: TerminalSize, events: [InputEvent] = []) {
        self.size = size
        self.events = events
    }

    public func present(_ canvas: Canvas) { frames.append(canvas) }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard !events.isEmpty else { return nil }
        let event = events.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }
}

/// The characters used for lines and bars: Unicode where the locale can show it, ASCII
/// where it cannot.
public struct Glyphs: Sendable, Equatable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var barFull: Character
    /// Partial bars in eighths, index 1...7 (index 0 unused).
    public var barEighths: [String]
    public var sortAscending: String
    public var sortDescending: String
    /// What ends text cut to fit (`ColumnFit.truncate` writes `ColumnFit.cutMark`): one column.
    public var cutMark: Character
    /// What stands between the parts of a hint ("Enter apply · Esc cancel").
    public var separator: Character
    public var isASCII: Bool

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        barFull: "█", barEighths: ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"], sortAscending: "▲", sortDescending: "▼",
        cutMark: ColumnFit.cutMark, separator: "·", isASCII: false)

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        barFull: "#", barEighths: ["", "", "", "", "+", "+", "+", "+"], sortAscending: "^", sortDescending: "v",
        cutMark: "~", separator: "|", isASCII: true)
}

/// A terminal colour: the terminal's own default, one of the eight ANSI colours, or one of
/// the 256-colour palette (used only where the terminal has 256 colours).
public enum TerminalColor: Hashable, Sendable {
    case standard
    case basic(Basic)
    /// A 256-colour index, with the 8-colour colour to use on smaller terminals.
    case palette(UInt8, fallback: Basic)

    /// The eight ANSI colours; the raw value is the colour's ANSI (and ncurses) number.
    public enum Basic: Int16, Hashable, Sendable { case black, red, green, yellow, blue, magenta, cyan, white }

    public static let black = TerminalColor.basic(.black)
    public static let white = TerminalColor.basic(.white)
}

/// How a cell looks. Drivers map each distinct style to a colour pair once.
public struct Style: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(
        foreground: TerminalColor = .standard, background: TerminalColor = .standard, bold: Bool = false,
        reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()

    /// The style without colours: what a monochrome terminal (or `NO_COLOR`) shows.
    public var monochrome: Style {
        Style(bold: bold, reverse: reverse, underline: underline, dim: dim)
    }
}

#if canImport(Glibc)
import Glibc
#endif
import CNCurses
import TerminalUI

/// A real terminal through ncursesw: draws canvases (only the cells that changed), reads
/// keys and mouse events, and always leaves the terminal as it found it.
public final class NCursesDriver: TerminalDriver {
    public struct Options: Sendable {
        public var colour: Bool
        public init(colour: Bool) { self.colour = colour }
    }

    public enum ColourSupport: Sendable { case none, basic, palette256 }

    /// Why the terminal cannot show a full-screen display.
    public enum StartFailure: Error, Equatable, Sendable {
        /// Standard input or output is not a terminal.
        case notATerminal
        /// TERM is unset or empty.
        case termNotSet
        /// terminfo has no usable entry for TERM (unknown, or only a generic one).
        case unknownTerminal(term: String)
        /// The terminal cannot move its cursor about (TERM=dumb, a hard-copy terminal).
        case cannotDraw(term: String)
        /// There is no terminfo database to look TERM up in.
        case noTerminalDatabase(term: String)
        /// ncurses would not start although terminfo describes the terminal.
        case failed(term: String)
    }

    private let window: UnsafeMutablePointer<WINDOW>
    /// Nil once shut down: delscreen has freed it, and `window` with it.
    private var screen: OpaquePointer?
    private var previous: Canvas?
    private var pairs: [PairKey: Int16] = [:]
    private var pairsExhausted = false
    public let colourSupport: ColourSupport
    /// Unicode lines and bars where the locale is UTF-8, ASCII otherwise.
    public let glyphs: Glyphs
    private var lastClick: (x: Int, y: Int, time: timespec)?

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// Why the terminal cannot show a full-screen display, or nil when it can: asks
    /// terminfo without writing to the terminal or changing its settings, so a caller can
    /// fall back to plain text on a terminal still as it was.
    /// Puts the terminal back as it was; safe to call from a signal handler, and more than once.
    public static let restoreTerminal: @convention(c) () -> Void = { TerminalRestorer.restore() }

    public static func startProblem() -> StartFailure? {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { return .notATerminal }
        guard let term, !term.isEmpty else { return .termNotSet }
        switch ssmap_terminal_can_draw(STDOUT_FILENO) {
        case 1: return nil
        case 0: return .cannotDraw(term: term)
        case -1: return .unknownTerminal(term: term)
        default: return .noTerminalDatabase(term: term)
        }
    }

    private static var term: String? { getenv("TERM").map { String(cString: $0) } }

    /// Sets the locale (falling back to C.UTF-8 when the user's is not UTF-8), starts
    /// ncurses and installs the handlers that restore the terminal. Throws, with the
    /// terminal untouched, when it cannot show a full-screen display (`startProblem`).
    public init(options: Options) throws(StartFailure) {
        if let problem = Self.startProblem() { throw problem }
        glyphs = Self.chooseLocale() ? .unicode : .ascii
        TerminalRestorer.saveSettings()
        // Handlers first: a signal or crash from here on restores the terminal.
        TerminalRestorer.installHandlers()
        TerminalRestorer.isActive = true
        // newterm rather than initscr: initscr ends the process when TERM is unusable.
        guard let screen = ssmap_newterm() else {
            Self.abandonStart()
            throw .failed(term: Self.term ?? "")
        }
        set_term(screen)
        guard let window = ssmap_stdscr() else {
            TerminalRestorer.restore()
            TerminalRestorer.removeHandlers()
            delscreen(screen)
            throw .failed(term: Self.term ?? "")
        }
        self.screen = screen
        self.window = window
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        intrflush(window, false)
        Self.turnOffFlowControl()
        mousemask(ssmap_all_mouse_events(), nil)
        mouseinterval(0)
        if options.colour && has_colors() {
            start_color()
            use_default_colors()
            colourSupport = ssmap_colors() >= 256 ? .palette256 : .basic
        } else {
            colourSupport = .none
        }
    }

    deinit { shutdown() }

    /// Ends ncurses, restores the terminal and frees the screen; called on quit. The
    /// driver draws nothing after this. Safe to call more than once.
    public func shutdown() {
        guard let screen else { return }
        TerminalRestorer.restore()
        TerminalRestorer.removeHandlers()
        delscreen(screen)
        self.screen = nil
    }

    /// Undoes a start that newterm refused: it may have changed the settings before failing.
    private static func abandonStart() {
        TerminalRestorer.isActive = false
        if TerminalRestorer.hasSavedSettings {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &TerminalRestorer.savedSettings)
        }
        TerminalRestorer.removeHandlers()
    }

    /// Ctrl-S and Ctrl-Q are keys here, not XON/XOFF: with flow control on, Ctrl-S stops
    /// the terminal's output and the screen freezes until Ctrl-Q. cbreak leaves it on (only
    /// raw turns it off, and raw would turn Ctrl-C into a key). The settings saved before
    /// ncurses started put it back on exit.
    private static func turnOffFlowControl() {
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
        settings.c_iflag &= ~tcflag_t(IXON)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &settings) == 0 else { return }
        // ncurses keeps its own copy of the program's settings and puts it back after an
        // endwin (as on resume from a stop): that copy must have flow control off too.
        def_prog_mode()
    }

    /// True when the locale can show UTF-8, after trying the user's and then C.UTF-8.
    private static func chooseLocale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8() { return true }
        if setlocale(LC_ALL, "C.UTF-8") != nil, isUTF8() { return true }
        setlocale(LC_ALL, "")
        return false
    }

    private static func isUTF8() -> Bool {
        guard let codeset = ssmap_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    public var size: TerminalSize {
        TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    public func present(_ canvas: Canvas) {
        let fullRedraw = previous?.size != canvas.size
        if fullRedraw {
            werase(window)
            // After a resize the terminal may hold other than what ncurses last sent (a
            // terminal or tmux that reflowed or cleared the screen): cleared and sent whole,
            // no cell is left as ncurses wrongly believes it to be (seen under the monkey).
            clearok(window, true)
        }
        var buffer = [wchar_t](repeating: 0, count: 8)
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                if cell.isContinuation { continue }
                if !fullRedraw, let previous, previous[x, y] == cell,
                    x + 1 >= canvas.width || previous[x + 1, y] == canvas[x + 1, y]
                {
                    continue
                }
                // Without a UTF-8 locale, anything outside ASCII would arrive as garbage.
                let character: Character = glyphs.isASCII && !cell.character.isASCII ? "?" : cell.character
                let scalars = Array(character.unicodeScalars.prefix(6))
                for (index, scalar) in scalars.enumerated() { buffer[index] = wchar_t(bitPattern: scalar.value) }
                buffer[scalars.count] = 0
                let (attributes, pair) = attributes(for: cell.style)
                _ = buffer.withUnsafeBufferPointer { pointer in
                    ssmap_put_cell(window, Int32(y), Int32(x), pointer.baseAddress, attributes, pair)
                }
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = canvas
    }

    /// How long one wait for input lasts. ncurses notices a resize signal that came
    /// between its last look and the start of a wait only when a wait ends empty-handed:
    /// a wait without end would miss it until the next resize, leaving the screen drawn
    /// for the old size.
    static let resizeCheckMilliseconds = 100

    /// The next key, mouse event or resize; nil after `timeoutMilliseconds` with none
    /// (a negative timeout waits for ever).
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        var waited = 0
        while true {
            let slice = timeoutMilliseconds < 0
                ? Self.resizeCheckMilliseconds : min(Self.resizeCheckMilliseconds, timeoutMilliseconds - waited)
            wtimeout(window, Int32(slice))
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == KEY_CODE_YES { return functionKey(Int32(character)) }
            if result != ERR { return .key(Self.key(forCharacter: UInt32(character))) }
            waited += slice
            if timeoutMilliseconds >= 0 && waited >= timeoutMilliseconds { return nil }
        }
    }

    static func key(forCharacter value: UInt32) -> Key {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26:
            return .control(Character(Unicode.Scalar(UInt8(value) + 96)))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .character("\u{FFFD}") }
            return .character(Character(scalar))
        }
    }

    private func functionKey(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case ssmap_key_resize():
            previous = nil
            return .resize(size)
        case ssmap_key_mouse(): return mouseEvent()
        default:
            for number in 1...12 where code == ssmap_key_f(Int32(number)) { return .key(.function(number)) }
            return nil
        }
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let x = Int(event.x)
        let y = Int(event.y)
        let state = event.bstate
        if state & ssmap_button4_pressed() != 0 { return .mouse(MouseEvent(.press(.wheelUp), x: x, y: y)) }
        if state & ssmap_button5_pressed() != 0 { return .mouse(MouseEvent(.press(.wheelDown), x: x, y: y)) }
        if state & ssmap_button1_double_clicked() != 0 { return .mouse(MouseEvent(.doubleClick, x: x, y: y)) }
        if state & ssmap_button3_pressed() != 0 { return .mouse(MouseEvent(.press(.right), x: x, y: y)) }
        if state & (ssmap_button1_pressed() | ssmap_button1_clicked()) != 0 {
            // A second press on the same cell within 400 ms is a double click.
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            if let last = lastClick, last.x == x, last.y == y {
                let elapsed = Double(now.tv_sec - last.time.tv_sec) * 1000 + Double(now.tv_nsec - last.time.tv_nsec) / 1e6
                if elapsed < 400 {
                    lastClick = nil
                    return .mouse(MouseEvent(.doubleClick, x: x, y: y))
                }
            }
            lastClick = (x, y, now)
            return .mouse(MouseEvent(.press(.left), x: x, y: y))
        }
        return nil
    }

    /// ncurses attributes and a colour pair for a style, allocating each pair once.
    private func attributes(for style: Style) -> (attr_t, Int16) {
        var attributes = ssmap_attr_normal()
        if style.bold { attributes |= ssmap_attr_bold() }
        if style.reverse { attributes |= ssmap_attr_reverse() }
        if style.underline { attributes |= ssmap_attr_underline() }
        if style.dim { attributes |= ssmap_attr_dim() }
        guard colourSupport != .none else { return (attributes, 0) }
        let key = PairKey(foreground: colourNumber(style.foreground), background: colourNumber(style.background))
        if key.foreground == -1 && key.background == -1 { return (attributes, 0) }
        if let pair = pairs[key] { return (attributes, pair) }
        let next = Int16(pairs.count + 1)
        guard !pairsExhausted, Int32(next) < ssmap_color_pairs(), init_pair(next, key.foreground, key.background) == OK
        else {
            pairsExhausted = true
            return (attributes, 0)
        }
        pairs[key] = next
        return (attributes, next)
    }

    /// The ncurses colour number: -1 for the terminal's default, ANSI numbers for the
    /// eight colours, the palette index where the terminal has 256.
    private func colourNumber(_ colour: TerminalColor) -> Int16 {
        switch colour {
        case .standard: return -1
        case .basic(let basic): return basic.rawValue
        case .palette(let index, let fallback): return colourSupport == .palette256 ? Int16(index) : fallback.rawValue
        }
    }
}

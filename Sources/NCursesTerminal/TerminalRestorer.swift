#if canImport(Glibc)
import Glibc
#endif
import CNCurses

/// Puts the terminal back as it was, from anywhere: a normal exit, a signal, or a crash.
/// As htop's terminal layer does, the handlers restore first and then let the signal take
/// its ordinary course (re-raised with the default action), so the exit status stays honest.
enum TerminalRestorer {
    /// The terminal's settings before ncurses changed them.
    nonisolated(unsafe) static var savedSettings = termios()
    nonisolated(unsafe) static var hasSavedSettings = false
    nonisolated(unsafe) static var isActive = false

    /// Signals that end the program: restore, then die of the same signal.
    static let terminatingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    static func saveSettings() {
        hasSavedSettings = tcgetattr(STDIN_FILENO, &savedSettings) == 0
    }

    static func installHandlers() {
        for signalNumber in terminatingSignals + crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signalNumber in
                TerminalRestorer.restore()
                Glibc.signal(signalNumber, SIG_DFL)
                Glibc.raise(signalNumber)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(truncatingIfNeeded: SA_RESETHAND))
            sigaction(signalNumber, &action, nil)
        }
    }

    static func removeHandlers() {
        for signalNumber in terminatingSignals + crashSignals {
            Glibc.signal(signalNumber, SIG_DFL)
        }
    }

    /// Leaves ncurses mode: mouse reporting off, cursor shown, alternate screen left, and
    /// the saved terminal settings put back. Safe to call more than once.
    static func restore() {
        guard isActive else { return }
        isActive = false
        // Mouse reporting off and cursor on, written directly in case ncurses cannot.
        let reset: [UInt8] = Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?25h".utf8)
        _ = reset.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        endwin()
        if hasSavedSettings {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedSettings)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TextCells

/// Where the command line writes, and how wide it may write.
public enum TerminalOutput {
    /// The terminal's width in columns, or 80 when the output is not a terminal.
    public static func width() -> Int {
        size()?.width ?? 80
    }

    /// The terminal's size in columns and lines, or nil when the output is not a terminal.
    public static func size() -> (width: Int, height: Int)? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 && size.ws_row > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    public static var isTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

    /// Writes text to standard output as it is: callers pass only text they built from
    /// cleaned values (see `SafeText`).
    public static func write(_ text: String) {
        writeAll(text, to: STDOUT_FILENO)
    }

    /// A one-line progress message on standard error, rewritten in place; nil clears it.
    /// Only when standard error is a terminal.
    public static func progress(_ text: String?) {
        guard isatty(STDERR_FILENO) != 0 else { return }
        writeAll("\r\u{1B}[K" + SafeText.visible(text ?? ""), to: STDERR_FILENO)
    }

    /// A message on standard error, cleaned of control characters.
    public static func note(_ text: String) {
        writeAll(SafeText.visible(text, keepingLineBreaks: true) + "\n", to: STDERR_FILENO)
    }
}

/// Writes every byte, retrying after signals; gives up quietly when the reader has gone
/// (`ssmap list | head`).
private func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, base + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}

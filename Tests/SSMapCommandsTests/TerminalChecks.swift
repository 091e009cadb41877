import Foundation
import Testing

/// What every end-to-end test asks of the terminal once ssmap has gone: the settings as
/// they were, the cursor shown, the alternate screen left.
enum TerminalChecks {
    static var ssmapCommand: String { TmuxSession.shellQuoted(BinaryRunner.binary.path) }

    /// Waits for the program to end and checks its status and the terminal it left.
    static func expectExit(
        of session: TmuxSession, status expectedStatus: Int, _ context: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let exit = try session.waitForExit()
        #expect(exit.status == expectedStatus, "\(context): exit status", sourceLocation: sourceLocation)
        #expect(!exit.before.isEmpty, "\(context): the wrapper recorded no settings", sourceLocation: sourceLocation)
        #expect(exit.before == exit.after, "\(context): stty -g changed", sourceLocation: sourceLocation)
        #expect(try session.cursorIsVisible(), "\(context): the cursor was left hidden", sourceLocation: sourceLocation)
        #expect(!(try session.alternateScreenIsOn()), "\(context): the alternate screen was not left", sourceLocation: sourceLocation)
    }

    /// The dashboard's words for a terminal below 40×10 (Sources/Dashboard/Render.swift).
    static func tooSmallMessage(width: Int, height: Int) -> String {
        "ssmap needs a terminal of at least 40×10; this one is \(width)×\(height). "
            + "Make the window bigger, or press q to quit."
    }

    /// Whether the screen shows the too-small message for this size, as much of it as
    /// fits: wrapped to the width (long words cut) and cut at the height, so its
    /// characters, spaces aside, are the message's first ones.
    static func showsTooSmallMessage(_ screen: String, width: Int, height: Int) -> Bool {
        let shown = screen.filter { !$0.isWhitespace }
        let message = tooSmallMessage(width: width, height: height).filter { !$0.isWhitespace }
        return !shown.isEmpty && message.hasPrefix(shown)
    }

    static func isBlank(_ screen: String) -> Bool {
        screen.allSatisfy(\.isWhitespace)
    }
}

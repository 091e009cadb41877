import Foundation
import Testing

/// The real binary in tmux, ended every way it can end: whatever happens, the terminal is
/// left as it was and the exit status says what happened.
@Suite(.serialized) struct TerminalSafetyTests {
    struct DeliveredSignal: Sendable, CustomTestStringConvertible {
        var name: String
        var number: Int32
        var testDescription: String { "SIG\(name)" }
    }

    static let signals: [DeliveredSignal] = [
        .init(name: "SEGV", number: SIGSEGV), .init(name: "ILL", number: SIGILL), .init(name: "TRAP", number: SIGTRAP),
        .init(name: "ABRT", number: SIGABRT), .init(name: "BUS", number: SIGBUS), .init(name: "FPE", number: SIGFPE),
        .init(name: "TERM", number: SIGTERM), .init(name: "HUP", number: SIGHUP), .init(name: "QUIT", number: SIGQUIT),
        .init(name: "INT", number: SIGINT),
    ]

    /// The crash signals are delivered with kill, which runs the same handler a real fault
    /// runs: the handler is installed for the signal, whatever raised it. It restores the
    /// terminal and re-raises, so the shell sees 128 + the signal.
    @Test(arguments: signals)
    func aSignalRestoresTheTerminalAndKeepsTheExitStatusHonest(_ signal: DeliveredSignal) throws {
        let workingDirectory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: workingDirectory) }
        let session = try TmuxSession(
            width: 100, height: 30, command: TerminalChecks.ssmapCommand, workingDirectory: workingDirectory)
        try session.waitFor("486 arrangements")
        // The checks below can fail: the dashboard hides the cursor and draws on the
        // alternate screen.
        #expect(!(try session.cursorIsVisible()), "the dashboard shows the cursor")
        #expect(try session.alternateScreenIsOn(), "the dashboard is not on the alternate screen")

        let pid = try #require(try session.programPID())
        #expect(kill(pid, signal.number) == 0)
        try TerminalChecks.expectExit(of: session, status: 128 + Int(signal.number), signal.testDescription)
        // ulimit -c 0 in the wrapper: no core file however the program died.
        let leftBehind = try FileManager.default.contentsOfDirectory(atPath: workingDirectory.path)
        #expect(leftBehind.isEmpty, "\(signal.testDescription) left \(leftBehind)")
    }

    struct WindowSize: Sendable, CustomTestStringConvertible {
        var width: Int
        var height: Int
        var testDescription: String { "\(width)×\(height)" }
        var isTooSmall: Bool { width < 40 || height < 10 }
    }

    /// Started in terminals from 1×1 to the 40×10 minimum: no crash, the too-small message
    /// where it fits (the dashboard at 40×10), and q still quits cleanly.
    @Test(arguments: [
        WindowSize(width: 1, height: 1), WindowSize(width: 2, height: 2), WindowSize(width: 10, height: 3),
        WindowSize(width: 39, height: 9), WindowSize(width: 40, height: 10),
    ])
    func startsInATinyTerminalAndQuits(_ size: WindowSize) throws {
        let session = try TmuxSession(width: size.width, height: size.height, command: TerminalChecks.ssmapCommand)
        if size.width == 1 && size.height == 1 {
            // The one cell is the bottom-right one, which ncurses cannot write plainly: on a
            // terminal that wraps at the margin that would scroll, and its way round (write
            // the cell before, then insert) needs a cell before. What is left there varies
            // (blank, or a stray character of that way round); nothing more can be.
            try waitUntilTheDashboardHasStarted(session)
            Thread.sleep(forTimeInterval: 0.3)
            let screen = try session.screen()
            #expect(screen.filter { !$0.isWhitespace }.count <= 1, "1×1 shows \(screen.debugDescription)")
        } else if size.isTooSmall {
            try session.waitUntil("the too-small message at \(size.testDescription)") {
                TerminalChecks.showsTooSmallMessage($0, width: size.width, height: size.height)
            }
        } else {
            let screen = try session.waitFor("1 Arr")
            #expect(!screen.contains("needs a terminal"))
            #expect(screen.split(separator: "\n").allSatisfy { $0.count <= size.width })
        }
        #expect(!session.programHasEnded, "ssmap ended by itself at \(size.testDescription)")
        try session.send("q")
        try TerminalChecks.expectExit(of: session, status: 0, size.testDescription)
    }

    /// The dashboard is drawing once ncurses has moved to the alternate screen.
    private func waitUntilTheDashboardHasStarted(_ session: TmuxSession) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if try session.alternateScreenIsOn() { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxSession.Failure.timedOut(waitingFor: "the dashboard to start", screen: try session.screen())
    }

    /// Ctrl-S and Ctrl-Q are keys to the dashboard, not flow control: with the terminal's
    /// XON/XOFF on, Ctrl-S would stop its output and the screen would freeze.
    @Test func controlSDoesNotFreezeTheScreen() throws {
        let session = try TmuxSession(width: 100, height: 30, command: TerminalChecks.ssmapCommand)
        try session.waitFor("486 arrangements")
        try session.send("C-s")
        try session.send("3")
        try session.waitFor("Savings to date by service area")
        try session.send("C-q")
        try session.send("1")
        try session.waitFor("Row 1 of 486")
        try session.send("q")
        try TerminalChecks.expectExit(of: session, status: 0, "after Ctrl-S")
    }
}

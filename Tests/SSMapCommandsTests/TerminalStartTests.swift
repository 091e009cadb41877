import Foundation
import Testing

/// A terminal that cannot draw the dashboard (TERM=dumb), one terminfo does not know
/// (TERM=nonesuch) and no TERM at all: each gets one plain line from ssmap and the summary,
/// in a real terminal (tmux), and the terminal is left as it was.
@Suite(.serialized) struct TerminalStartTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var label: String
        /// Put before the command: sets or unsets TERM.
        var environment: String
        /// What ssmap's line must say about the terminal.
        var saying: String
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "TERM=dumb", environment: "TERM=dumb", saying: "this terminal (TERM=dumb) cannot draw the dashboard"),
        Case(label: "TERM=nonesuch", environment: "TERM=nonesuch", saying: "TERM=nonesuch"),
        Case(label: "TERM unset", environment: "env -u TERM", saying: "TERM is not set"),
    ]

    /// The summary's width when standard output is not a terminal, so that the pane's
    /// summary and `ssmap summary` through a pipe are the same text.
    static let width = 80

    @Test(arguments: cases)
    func showsAMessageAndTheSummary(_ example: Case) throws {
        let sttyFile = try BinaryRunner.temporaryDirectory().appendingPathComponent("stty")
        defer { try? FileManager.default.removeItem(at: sttyFile.deletingLastPathComponent()) }
        // stty -a after ssmap, as the shell's next command would see the terminal; the
        // subshell hands ssmap's status on to the wrapper.
        let command = "\(example.environment) \(TerminalChecks.ssmapCommand); status=$?; "
            + "stty -a > \(TmuxSession.shellQuoted(sttyFile.path)); (exit $status)"
        let session = try TmuxSession(width: Self.width, height: 40, command: command, capturingOutput: true)

        let screen = Self.lines(try session.waitFor(TmuxSession.endMarker)).joined(separator: "\n")
        try TerminalChecks.expectExit(of: session, status: 0, example.label)
        let everything = try session.screenWithHistory()
        #expect(everything.contains("ssmap: "), "\(example.label): no message from ssmap:\n\(screen)")
        #expect(everything.contains(example.saying), "\(example.label): the message does not say \"\(example.saying)\":\n\(screen)")
        #expect(everything.contains("showing the summary instead"), "\(example.label):\n\(screen)")
        #expect(everything.contains("486 arrangements"), "\(example.label): no summary:\n\(screen)")
        #expect(!everything.contains("Error opening terminal"), "\(example.label): ncurses' message:\n\(screen)")

        // The summary exactly as `ssmap summary` prints it.
        let summary = try BinaryRunner.run(["summary"])
        #expect(summary.status == 0)
        let expected = Self.lines(summary.standardOutput)
        #expect(Self.lines(everything).containsRun(expected), "\(example.label): not the summary:\n\(screen)")

        // Plain text only: a terminal that cannot draw shows escape sequences as litter.
        let output = try session.capturedOutput()
        #expect(!output.contains(0x1B), "\(example.label): escape sequences were written")

        let stty = try String(contentsOf: sttyFile, encoding: .utf8)
        let settings = Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(settings.contains("echo") && settings.contains("icanon"), "\(example.label): stty -a says\n\(stty)")
    }

    /// The check that turns the terminals above away lets one that can draw through.
    @Test func aTerminalThatCanDrawGetsTheDashboard() throws {
        let session = try TmuxSession(
            width: Self.width, height: 30, command: "TERM=xterm-256color \(TerminalChecks.ssmapCommand)")
        let screen = try session.waitFor("Row 1 of 486")
        #expect(try session.alternateScreenIsOn())
        #expect(!screen.contains("showing the summary instead"))
        try session.send("q")
        try TerminalChecks.expectExit(of: session, status: 0, "TERM=xterm-256color")
    }

    /// Lines without trailing spaces (tmux pads a captured line to the pane's width), and
    /// without blank ones at the end.
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop(while: { $0 == " " }).reversed())
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}

extension TmuxSession {
    /// The pane with the lines scrolled off its top, lines the width wrapped joined again.
    func screenWithHistory() throws -> String {
        guard let tmux = Self.tmuxPath else { throw Failure.tmuxMissing }
        return try Self.run(tmux, ["-L", socket, "capture-pane", "-p", "-J", "-S", "-", "-t", name])
    }
}

extension Array where Element == String {
    /// Whether `run` appears in order, line after line, somewhere in this array.
    func containsRun(_ run: [String]) -> Bool {
        guard !run.isEmpty, run.count <= count else { return run.isEmpty }
        return (0...(count - run.count)).contains { start in
            self[start..<(start + run.count)].elementsEqual(run)
        }
    }
}

import Foundation
import Testing
import SharedServices

/// Every byte ssmap writes to a real terminal (tmux's pipe-pane), with a register whose
/// text carries escape sequences: none of them may get through, and the window title
/// must stay as it was. Commands into a pipe or a file carry the data exactly (that is
/// data export, tested elsewhere); these are the terminal cases.
@Suite(.serialized) struct EscapeSequenceTests {
    /// The checks can fail: a program that does write the payloads is caught by both.
    @Test func theChecksCatchAnEscapeSequenceThatGetsThrough() throws {
        let session = try TmuxSession(
            width: 80, height: 24, command: "printf '\\033]0;PWNED\\007\\033[31mRED\\033P1$r\\033\\\\\\n'", capturingOutput: true)
        try TerminalChecks.expectExit(of: session, status: 0, "printf")
        let found = HostileRegister.payloadsFound(in: try session.capturedOutput())
        #expect(found.count == 3, "found \(found)")
        #expect(try session.paneTitle() == "PWNED")
    }

    @Test func theDashboardShowsHostileTextAsSymbols() throws {
        let file = try HostileRegister.write()
        let directory = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try TmuxSession(
            width: 120, height: 40, command: "\(TerminalChecks.ssmapCommand) \(TmuxSession.shellQuoted(file.path))",
            workingDirectory: directory, capturingOutput: true)
        let escape = HostileRegister.visibleEscape

        // Waiting for the text itself: a capture can catch a frame half drawn.
        try session.waitFor("3 arrangements")
        try session.waitFor("\(escape)[31mRED Legal \(escape)]0;PWNED␇ sh")
        // The detail screen of each, in full.
        try session.send("Enter")
        try session.waitFor("Clears \(escape)[2J then \(escape)P1$r\(escape)\\")
        try session.waitFor("bell␇ back␈space del␡")
        try session.send("l")
        try session.waitFor("X2 ·")
        try session.send("l")
        try session.waitFor("X3 ·")
        try session.send("Escape")
        try session.waitFor("Row 3 of 3")
        // Search for the payload's visible text.
        try session.send("/")
        try session.send("RED", literal: true)
        try session.send("Enter")
        try session.waitFor("matches")
        try session.send("n")
        // The summary, grouped every way.
        try session.send("3")
        try session.waitFor("Savings to date by service area")
        // Every grouping, and round to the first again.
        for _ in 0..<Dimension.all.count { try session.send("d") }
        try session.waitFor("Savings to date by service area")
        // The organisations, with the partners the organisations file does not know.
        try session.send("4")
        try session.waitFor("Worth \(escape)P1$r")
        try session.send("Enter")
        try session.waitFor("Filters:")
        try session.send("c")
        try session.waitFor("All arrangements")
        // The data issues quote the values.
        try session.send("5")
        try session.waitFor("control characters")
        // A picker lists the hostile service; help; then quit.
        try session.send("1")
        try session.send("f")
        try session.waitFor("Filter by service")
        try session.waitFor("\(escape)[2JProcurement \(escape)[31mRED")
        try session.send("Escape")
        try session.send("?")
        try session.waitFor("Everywhere")
        try session.send("Escape")
        try session.send("q")
        try TerminalChecks.expectExit(of: session, status: 0, "the dashboard")

        let bytes = try session.capturedOutput()
        #expect(bytes.count > 1000, "the capture holds only \(bytes.count) bytes")
        #expect(HostileRegister.payloadsFound(in: bytes).isEmpty, "reached the terminal: \(HostileRegister.payloadsFound(in: bytes))")
        #expect(!(try session.paneTitle()).contains("PWNED"))
    }

    struct TerminalCommand: Sendable, CustomTestStringConvertible {
        /// The arguments after `ssmap`, the register's path in place of FILE.
        var arguments: [String]
        var status: Int
        /// Whether the output quotes the hostile text (the summary by service area does not).
        var quotesTheData = true
        var testDescription: String { arguments.joined(separator: " ") }
        var isJSON: Bool { arguments.contains("json") }
    }

    @Test(arguments: [
        TerminalCommand(arguments: ["list", "FILE"], status: 0),
        TerminalCommand(arguments: ["list", "FILE", "--format", "csv"], status: 0),
        TerminalCommand(arguments: ["list", "FILE", "--format", "markdown"], status: 0),
        TerminalCommand(arguments: ["list", "FILE", "--format", "json"], status: 0),
        TerminalCommand(arguments: ["show", "FILE", "X1"], status: 0),
        TerminalCommand(arguments: ["show", "FILE", "X2"], status: 0),
        TerminalCommand(arguments: ["summary", "FILE"], status: 0, quotesTheData: false),
        TerminalCommand(arguments: ["summary", "FILE", "--by", "region"], status: 0),
        TerminalCommand(arguments: ["summary", "FILE", "--by", "service"], status: 0),
        TerminalCommand(arguments: ["summary", "FILE", "--by", "organisation"], status: 0),
        TerminalCommand(arguments: ["validate", "FILE"], status: 1),
    ])
    func aCommandOnATerminalShowsHostileTextAsSymbols(_ command: TerminalCommand) throws {
        let file = try HostileRegister.write()
        let directory = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = command.arguments.map { $0 == "FILE" ? file.path : $0 }.map(TmuxSession.shellQuoted)
        let session = try TmuxSession(
            width: 120, height: 40, command: ([TerminalChecks.ssmapCommand] + arguments).joined(separator: " "),
            workingDirectory: directory, capturingOutput: true)
        try TerminalChecks.expectExit(of: session, status: command.status, command.testDescription)
        let bytes = try session.capturedOutput()

        // The data was written, made visible: JSON as its own escapes, the rest as symbols.
        let visible = command.isJSON ? "\\u001b" : HostileRegister.visibleEscape
        if command.quotesTheData {
            #expect(bytes.firstRange(of: Array(visible.utf8)) != nil, "\(command.testDescription) wrote no \(visible)")
        }
        for payload in HostileRegister.payloads {
            let leaked = bytes.firstRange(of: payload.bytes) != nil
            #expect(leaked == false, "\(command.testDescription): \(payload.name) reached the terminal")
        }
        let controls = HostileRegister.unexpectedControlBytes(in: bytes)
        #expect(controls.isEmpty, "\(command.testDescription) wrote control bytes \(controls.prefix(10))")
        #expect(!(try session.paneTitle()).contains("PWNED"))
    }
}

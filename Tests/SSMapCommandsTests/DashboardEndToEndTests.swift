import Foundation
import Testing

/// The real binary in a real terminal (tmux): what a person sees, and that the terminal
/// is left exactly as it was.
@Suite(.serialized) struct DashboardEndToEndTests {
    var command: String { "'\(BinaryRunner.binary.path)'" }

    @Test func browseFilterSearchSummariseResizeExportAndQuit() throws {
        let exportDirectory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: exportDirectory) }
        let session = try TmuxSession(width: 120, height: 40, command: "cd '\(exportDirectory.path)' && \(command)")

        // Opens on the sample: the headline and the table.
        let first = try session.waitFor("486 arrangements")
        #expect(first.contains("£643m saved"))
        #expect(first.contains("346 of 353 councils"))
        #expect(first.contains("Name") && first.contains("Saved"))
        #expect(first.contains("HuB Procurement"))

        // Filter to trading standards through the picker.
        try session.send("f")
        try session.waitFor("Filter by service")
        try session.send("trading", literal: true)
        try session.send("Enter")
        let filtered = try session.waitFor("4 arrangements")
        #expect(filtered.contains("service: Trading standards"))
        let tableLines = filtered.split(separator: "\n").dropFirst(4).prefix(4)
        #expect(tableLines.allSatisfy { $0.contains("Trading standar") })

        // The summary charts only those.
        try session.send("3")
        let summary = try session.waitFor("Savings to date by service area")
        #expect(summary.contains("Regulatory services"))
        #expect(!summary.contains("Back office"))
        #expect(summary.contains("█"))

        // Search for a council, open the match.
        try session.send("1")
        try session.send("/")
        try session.send("Cheshire", literal: true)
        try session.send("Enter")
        try session.waitFor("1 match:")
        try session.send("Enter")
        // The detail's own heading: "Saved to date" is a column of the table too.
        let detail = try session.waitFor("Read from")
        #expect(detail.contains("Cheshire West and Chester"))
        #expect(detail.contains("Partners ("))
        try session.send("Escape")
        try session.waitFor(" of 4")

        // Resize small and back.
        try session.resize(width: 40, height: 12)
        let small = try session.waitFor("4 arr.")
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 40 })
        try session.resize(width: 120, height: 40)
        try session.waitFor("4 arrangements")

        // Export the view.
        try session.send("e")
        try session.waitFor("Export 4 arrangements")
        try session.send("C-u")
        try session.send("trading.csv", literal: true)
        try session.send("Enter")
        try session.waitFor("Wrote 4 arrangements")
        let exported = try String(contentsOf: exportDirectory.appendingPathComponent("trading.csv"), encoding: .utf8)
        #expect(exported.split(separator: "\n").count == 5)
        #expect(exported.hasPrefix("id,name,service_area,service,partners"))

        // Quit: the terminal is as it was.
        try session.send("q")
        let exit = try session.waitForExit()
        #expect(exit.status == 0)
        #expect(!exit.before.isEmpty && exit.before == exit.after)
        let after = try session.screen()
        #expect(!after.contains("1 Arrangements"), "the alternate screen was not left")
    }

    /// Screen 6 in a real terminal: HuB Procurement chosen on the list lights Brent and
    /// Harrow; the cursor moves council to council; Enter lists the council's arrangements.
    @Test func theMapLightsTheChosenArrangementAndItsCursorListsACouncil() throws {
        let session = try TmuxSession(width: 120, height: 40, command: command)
        try session.waitFor("HuB Procurement")
        try session.send("6")
        func brailleCells(_ screen: String) -> Int { screen.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }.count }
        // The whole screen, not the first capture that names the lead: tmux can be caught
        // part way through drawing a frame this size.
        let map = try session.waitUntil("the map drawn, with the chosen arrangement's councils and the legend") { screen in
            screen.contains("London Borough of Harrow (lead)") && screen.contains("Crown copyright") && brailleCells(screen) > 400
        }
        #expect(map.contains("London Borough of Brent"))
        #expect(map.contains("◆"), "the lead is marked")
        #expect(map.contains("Councils by arrangements:") && map.contains("Crown copyright"), "the legend and the attribution")
        #expect(brailleCells(map) > 400, "\(brailleCells(map)) braille cells: England is drawn")
        // The cursor starts on the lead; → moves it to another council, named on the status line.
        try session.send("Right")
        let moved = try session.waitUntil("the status line names a council other than Harrow", seconds: 10) { screen in
            let status = screen.split(separator: "\n").dropLast().last ?? ""
            return status.contains(": in ") && !status.contains("Harrow: in")
        }
        let status = String(moved.split(separator: "\n").dropLast().last ?? "")
        let council = try #require(status.components(separatedBy: ": in ").first).trimmingCharacters(in: .whitespaces)
        #expect(!council.isEmpty, "\(status)")
        try session.send("Enter")
        let listed = try session.waitFor("Arrangements with ")
        let chips = listed.split(separator: "\n").dropFirst(2).first ?? ""
        #expect(chips.contains("with ") && chips.contains(council), "\(chips) names \(council)")
        try session.send("q")
        #expect(try session.waitForExit().status == 0)
    }

    @Test(arguments: [("TERM", Int32(15), 143), ("HUP", Int32(1), 129), ("QUIT", Int32(3), 131)])
    func signalsLeaveTheTerminalAsItWas(name: String, signal: Int32, expectedStatus: Int) throws {
        let session = try TmuxSession(width: 100, height: 30, command: command)
        try session.waitFor("486 arrangements")
        let pid = try #require(try session.programPID())
        kill(pid, signal)
        let exit = try session.waitForExit()
        #expect(exit.status == expectedStatus, "SIG\(name)")
        #expect(!exit.before.isEmpty && exit.before == exit.after, "SIG\(name) left the terminal settings changed")
        #expect(!(try session.screen()).contains("1 Arrangements"), "SIG\(name) left the alternate screen")
    }

    @Test func controlCQuitsCleanly() throws {
        let session = try TmuxSession(width: 100, height: 30, command: command)
        try session.waitFor("486 arrangements")
        try session.send("C-c")
        let exit = try session.waitForExit()
        #expect(exit.status == 130)
        #expect(exit.before == exit.after)
    }

    @Test func tooSmallThenBigEnough() throws {
        let session = try TmuxSession(width: 30, height: 8, command: command)
        try session.waitFor("needs a terminal")
        try session.resize(width: 80, height: 24)
        try session.waitFor("486 arrangements")
        try session.send("q")
        #expect(try session.waitForExit().status == 0)
    }

    /// `body` given a large register (`largeRegister`) in a directory of its own, removed
    /// afterwards.
    static func withLargeRegister(_ body: ((path: String, count: Int)) throws -> Void) throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(try largeRegister(in: directory))
    }

    /// A register large enough to be shown from its first rows while the rest loads: 2,000
    /// generated rows written 45 times over, each time with ids of their own (about 40 MB).
    static func largeRegister(in directory: URL) throws -> (path: String, count: Int) {
        let generated = try BinaryRunner.run(["generate", "--count", "2000", "--out", directory.path])
        #expect(generated.status == 0, "\(generated.standardError)")
        let path = directory.appendingPathComponent("arrangements.csv").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[0]
        let body = lines.dropFirst().filter { !$0.isEmpty }
        #expect(body.count == 2_000 && body.allSatisfy { $0.hasPrefix("SS") }, "one generated row a line")
        var large = header + "\n"
        for copy in 0..<45 {
            for line in body { large += "C\(copy)-" + line.dropFirst(2) + "\n" }
        }
        try large.write(toFile: path, atomically: false, encoding: .utf8)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(size >= 32 << 20, "large enough to be shown from its first rows: \(size) bytes")
        return (path, 45 * body.count)
    }

    /// The first rows at once, marked as so far; keys work meanwhile; then the whole, with
    /// every total final and the terminal left as it was.
    @Test func aLargeRegisterShowsItsFirstRowsThenTheWhole() throws {
        try Self.withLargeRegister { register in
            let session = try TmuxSession(
                width: 120, height: 40, command: "\(command) '\(register.path)'", capturingOutput: true)
            try session.waitFor("Help")
            // A key while the rest loads: the summary, its heading marked as so far.
            try session.send("3")
            let whole = try session.waitUntil("the summary of all 90,000 arrangements", seconds: 60) { screen in
                screen.contains("90,000 arrangements · ") && screen.contains("Savings to date by service area")
            }
            #expect(!whole.contains("so far") && !whole.contains("Still loading"))
            try session.send("q")
            let exit = try session.waitForExit()
            #expect(exit.status == 0)
            #expect(!exit.before.isEmpty && exit.before == exit.after)
            let drawn = String(decoding: try session.capturedOutput(), as: UTF8.self)
            #expect(drawn.contains("Still loading, "), "the first screen said its figures were so far")
            #expect(drawn.contains("(so far)"), "the summary was drawn from the first rows, marked so")
            // No progress line on standard error before the dashboard: the dashboard shows it.
            #expect(!drawn.contains("ssmap: loading"))
        }
    }

    /// Quitting before the whole register is in leaves at once, the terminal as it was.
    @Test func quittingWhileTheRestLoadsLeavesCleanly() throws {
        try Self.withLargeRegister { register in
            let session = try TmuxSession(
                width: 100, height: 30, command: "\(command) '\(register.path)'", capturingOutput: true)
            let first = try session.waitFor("Help")
            try session.send("q")
            let exit = try session.waitForExit()
            #expect(exit.status == 0)
            #expect(exit.before == exit.after)
            #expect(!(try session.screen()).contains("1 Arrangements"), "the alternate screen was left")
            // What the test is about: the first screen was the first rows'.
            let drawn = String(decoding: try session.capturedOutput(), as: UTF8.self)
            #expect(first.contains("so far") || drawn.contains("so far"))
        }
    }

    /// A filter flag that names a value waits for the whole register: the name is matched
    /// against all of it, and the first screen is final.
    @Test func aFilterNamingAValueWaitsForTheWholeRegister() throws {
        try Self.withLargeRegister { register in
            let session = try TmuxSession(
                width: 120, height: 40, command: "\(command) '\(register.path)' --service Payroll", capturingOutput: true)
            let first = try session.waitFor("service: Payroll", seconds: 60)
            #expect(!first.contains("so far"))
            try session.send("q")
            #expect(try session.waitForExit().status == 0)
            let drawn = String(decoding: try session.capturedOutput(), as: UTF8.self)
            #expect(!drawn.contains("Still loading"))
            #expect(drawn.contains("ssmap: loading"), "the progress line on standard error, as before")
        }
    }

    /// The register file cut short while the rest loads behind the dashboard: the terminal
    /// is put back, then the reason is written where the user can read it.
    @Test func aRegisterCutShortWhileLoadingLeavesTheTerminalAsItWas() throws {
        try Self.withLargeRegister { register in
            let session = try TmuxSession(width: 120, height: 40, command: "\(command) '\(register.path)'")
            let first = try session.waitFor("Help")
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: register.path))
            try handle.truncate(atOffset: 1 << 20)
            try handle.close()
            guard first.contains("Still loading") else {
                // Loaded whole before the cut: nothing to test but a clean exit.
                try session.send("q")
                #expect(try session.waitForExit().status == 0)
                return
            }
            let exit = try session.waitForExit(seconds: 60)
            #expect(exit.status == 2)
            #expect(!exit.before.isEmpty && exit.before == exit.after, "the terminal settings were put back")
            let after = try session.screen().replacingOccurrences(of: "\n", with: "")
            #expect(after.contains("changed while it was being read"), "\(after)")
            #expect(!after.contains("1 Arrangements"), "the alternate screen was left")
        }
    }

    /// A register that goes bad after its first rows (a Windows-1252 "£" near the end, as a
    /// spreadsheet saved in the wrong encoding writes it): the first rows show, then the
    /// dashboard closes, the terminal as it was, and the reason names the line and column.
    @Test func aRegisterThatGoesBadAfterItsFirstRowsClosesWithTheReason() throws {
        try Self.withLargeRegister { register in
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: register.path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Array("Z1,Bad pound,Back office,HR,Adur,,,2015,operational,".utf8) + [0xA3] + Array("5,,,,,\n".utf8))
            try handle.close()
            let session = try TmuxSession(
                width: 120, height: 40, command: "\(command) '\(register.path)'", capturingOutput: true)
            let exit = try session.waitForExit(seconds: 60)
            #expect(exit.status == 2)
            #expect(String(decoding: try session.capturedOutput(), as: UTF8.self).contains("Still loading"), "the first rows were shown")
            #expect(exit.before == exit.after)
            // The message may wrap at the pane's width (the space at a wrap is lost): joined again.
            let after = try session.screen().replacingOccurrences(of: "\n", with: "")
            #expect(after.contains("ssmap: error: \(register.path):\(register.count + 2):"), "\(after)")
            #expect(after.contains("is not valid UTF-8") && after.contains("0xA3);"), "\(after)")
            #expect(!after.contains("1 Arrangements"), "the alternate screen was left")
        }
    }
}

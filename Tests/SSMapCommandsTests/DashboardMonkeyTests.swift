import Foundation
import SharedServices
import Testing

/// The real binary on the sample, in tmux, under random keys and resizes: it must stay
/// alive and drawing, and quit cleanly at the end.
@Suite(.serialized) struct DashboardMonkeyTests {
    /// A fixed seed, so that a failure can be replayed; SSMAP_MONKEY_SEED tries another.
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["SSMAP_MONKEY_SEED"].flatMap { UInt64($0) } ?? 2017_06_01
    }

    static let eventCount = 2_000
    static let checkEvery = 200
    static let keysPerBatch = 1...20

    @Test func twoThousandRandomKeysAndResizes() throws {
        let seed = Self.seed
        print("Dashboard monkey: seed \(seed) (SSMAP_MONKEY_SEED=\(seed) replays it)")
        var random = SplitMix64(seed: seed)
        // An export ("e") writes into the working directory: a temporary one.
        let workingDirectory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: workingDirectory) }
        let session = try TmuxSession(
            width: 120, height: 40, command: TerminalChecks.ssmapCommand, workingDirectory: workingDirectory)
        try session.waitFor("486 arrangements")
        let pid = try #require(try session.programPID())
        let started = Date()

        var size = (width: 120, height: 40)
        var events = 0
        var keysSent = 0
        var resizes = 0
        var pending: [String] = []
        var batchLimit = random.inRange(Self.keysPerBatch)
        func flush() throws {
            try session.send(keys: pending)
            keysSent += pending.count
            pending = []
            batchLimit = random.inRange(Self.keysPerBatch)
        }
        while events < Self.eventCount {
            switch MonkeyKeys.event(&random) {
            case .keys(let keys):
                pending += keys
                if pending.count >= batchLimit { try flush() }
            case .resize(let width, let height):
                try flush()
                try session.resize(width: width, height: height)
                size = (width, height)
                resizes += 1
            }
            events += 1
            if events % Self.checkEvery == 0 {
                try flush()
                let context = "seed \(seed), after \(events) events at \(size.width)×\(size.height)"
                #expect(kill(pid, 0) == 0 && !session.programHasEnded, "ssmap ended: \(context)")
                guard !session.programHasEnded else { return }
                try expectDrawing(session, width: size.width, height: size.height, context)
            }
        }

        // Back to a normal size, close whatever is open, and quit.
        try session.resize(width: 120, height: 40)
        try quit(session, seed: seed)
        try TerminalChecks.expectExit(of: session, status: 0, "the monkey, seed \(seed)")
        let exports = (try? FileManager.default.contentsOfDirectory(atPath: workingDirectory.path)) ?? []
        print(
            "Dashboard monkey: \(events) events (\(keysSent) keys, \(resizes) resizes), \(exports.count) exports, "
                + "\(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// Waits for a frame that suits the size: the too-small message below 40×10 (nothing
    /// at 1×1, whose one cell ncurses cannot write), else the dashboard's tab bar on top
    /// and its key hints at the bottom.
    private func expectDrawing(_ session: TmuxSession, width: Int, height: Int, _ context: String) throws {
        let isTooSmall = width < 40 || height < 10
        let suitsTheSize = { (screen: String) -> Bool in
            if isTooSmall {
                return TerminalChecks.showsTooSmallMessage(screen, width: width, height: height)
                    || (width == 1 && height == 1 && TerminalChecks.isBlank(screen))
            }
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            // Tabs padded ("  1 Arrangements ") where they all fit, else not; where even
            // unpadded names do not fit, only the current screen's is written (" 1 2 Detail 3").
            let tabs = (lines.first ?? "").drop { $0 == " " }
            return tabs.hasPrefix("1 ") && lines.dropLast().last?.hasPrefix("?") == true
        }
        do {
            // Keys may still be queued: wait while the screen keeps changing, not for ever.
            try session.waitUntil("a frame at \(width)×\(height)", seconds: 20, atMost: 180, suitsTheSize)
        } catch {
            // A missed resize, or a program that no longer draws: one more resize tells which.
            try session.resize(width: width + 1, height: height)
            try session.resize(width: width, height: height)
            let missedResize = (try? session.waitUntil("a frame after one more resize", seconds: 20, suitsTheSize)) != nil
            Issue.record("\(context): \(error)\n\(missedResize ? "It drew after one more resize: a resize was missed." : "")")
        }
    }

    /// Escape until nothing is open, then q; again if a prompt took the q as text.
    private func quit(_ session: TmuxSession, seed: UInt64) throws {
        for _ in 0..<3 where !session.programHasEnded {
            try session.send(keys: ["Escape", "Escape", "Escape", "Escape"])
            try session.waitUntil("the dashboard at 120×40, seed \(seed)", seconds: 20, atMost: 180) { screen in
                screen.hasPrefix("  1 Arrangements") && screen.contains("qQuit")
            }
            try session.send("q")
            if (try? session.waitForExit()) != nil { return }
        }
    }

    /// 200 resizes in a row, down to 1×1 and up to 250×80, then back: the screen is the
    /// one it was before, as the state has not changed.
    @Test func aResizeStormLeavesTheSameScreen() throws {
        let seed = Self.seed &+ 1
        print("Resize storm: seed \(seed)")
        var random = SplitMix64(seed: seed)
        let session = try TmuxSession(width: 120, height: 40, command: TerminalChecks.ssmapCommand)
        try session.waitFor("486 arrangements")
        // Somewhere past the first screenful of a short terminal, with a column chosen.
        try session.send(keys: Array(repeating: "Down", count: 30) + ["Right", "Right"])
        let before = try session.waitFor("Row 31 of 486")

        for _ in 0..<200 {
            let size = MonkeyKeys.resize(&random)
            try session.resize(width: size.width, height: size.height)
        }
        // Resizes this fast may reach the program only in part: end on a short terminal,
        // seen drawn, where row 31 is kept in view only by scrolling the table.
        try session.resize(width: 60, height: 12)
        try session.waitUntil("row 31 in a 60×12 terminal") { $0.contains("Row 31 of 486") && $0.split(separator: "\n").count <= 12 }
        try session.resize(width: 120, height: 40)
        do {
            try session.waitUntil("the screen from before the storm", seconds: 20) { $0 == before }
        } catch {
            Issue.record("seed \(seed): before the storm the screen was:\n\(before)\nafter it: \(error)")
        }
        try session.send("q")
        try TerminalChecks.expectExit(of: session, status: 0, "after the resize storm")
    }
}

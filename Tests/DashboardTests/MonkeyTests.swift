import Foundation
import Testing
@testable import Dashboard
import SharedServices
import TerminalUI

/// Hostile input for the dashboard, in-process: random keys, clicks and resizes through the
/// reducer and the renderer (100,000 on the sample and 100,000 on a register of 100,000
/// rows), with the invariants checked after every step; every tiny terminal size; and a
/// storm of resizes that must leave the screen as it was.
@Suite("Monkey: random events through the reducer and the renderer")
struct MonkeyTests {
    /// Fixed, so that a failure replays; SSMAP_REDUCER_MONKEY_SEED=<number> tries another.
    static let seed = environmentNumber("SSMAP_REDUCER_MONKEY_SEED").map(UInt64.init) ?? 20_171_129
    /// Events in each session, every one rendered; SSMAP_REDUCER_MONKEY_STEPS=<number> sets
    /// another count. On the generated register a debug build takes some 2.5 ms a step
    /// (searching, filtering and summarising 100,000 rows), so that session is the
    /// suite's longest test: about four minutes of one core.
    static let steps = environmentNumber("SSMAP_REDUCER_MONKEY_STEPS") ?? 100_000

    static var seedNote: String { "seed \(seed) (SSMAP_REDUCER_MONKEY_SEED=\(seed) replays it)" }

    static func environmentNumber(_ name: String) -> Int? {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) }.map { max(1, $0) }
    }

    /// Problems the monkey has found that are not fixed yet, by a phrase of their report,
    /// with why. Empty: remove an entry when its fix lands.
    static let knownProblems: [String: String] = [:]

    @Test func randomSessionOnTheSample() throws {
        #expect(Sample.data.register.count == 486)
        let report = try MonkeySession(seed: Self.seed, steps: Self.steps).run(data: Sample.data)
        print(report.summary(title: "Monkey on the sample (486 rows), \(Self.seedNote)"))
        expectNoProblems(report, steps: Self.steps)
    }

    @Test func randomSessionOnAGeneratedRegisterOf100000Rows() throws {
        let clock = ContinuousClock()
        let began = clock.now
        let data = try GeneratedRegister.data.get()
        print("Generated and loaded \(data.register.count) rows in \(clock.now - began)")
        #expect(data.register.count == GeneratedRegister.rows)
        let report = try MonkeySession(seed: Self.seed, steps: Self.steps).run(data: data)
        print(report.summary(title: "Monkey on a generated register (\(data.register.count) rows), \(Self.seedNote)"))
        expectNoProblems(report, steps: Self.steps)
    }

    private func expectNoProblems(
        _ report: MonkeySession.Report, steps: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(report.steps == steps, sourceLocation: sourceLocation)
        // A session that never reached a screen, a picker or the prompts tried too little.
        for screen in Screen.all {
            #expect(report.stepsByScreen[screen, default: 0] > 0, "never reached \(screen.title)", sourceLocation: sourceLocation)
        }
        for overlay in ["help", "search", "export prompt"] {
            #expect(report.stepsByOverlay[overlay, default: 0] > 0, "never opened the \(overlay)", sourceLocation: sourceLocation)
        }
        #expect(report.stepsByOverlay.keys.contains { $0.hasSuffix("picker") }, "never opened a picker", sourceLocation: sourceLocation)
        func known(_ problem: String) -> String? {
            Self.knownProblems.first { problem.contains($0.key) }?.value
        }
        for problem in report.problems {
            if let why = known(problem) {
                withKnownIssue(Comment(rawValue: why), isIntermittent: true) {
                    Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
                }
            } else {
                Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
            }
        }
        let unknown = report.problemKinds.filter { known($0.key) == nil }.values.reduce(0, +)
        #expect(unknown == 0, "invariants broken, beyond the known ones", sourceLocation: sourceLocation)
    }

    // MARK: Tiny terminals

    /// States to squeeze: each screen, and each kind of overlay open.
    static let squeezed = ["", "<Enter>", "3", "4", "5", "?", "f", "4f", "/count", "e"]

    @Test func everyTinySizeRendersAndBelowTheMinimumAsksForMore() {
        for script in Self.squeezed {
            var state = Sample.state(width: 120, height: 40)
            Keys.run(script, on: &state)
            for width in 1...45 {
                for height in 1...12 {
                    _ = Reducer.handle(.resize(TerminalSize(width: width, height: height)), state: &state)
                    let frame = Render.frame(state)
                    let place = "\(width)×\(height) after \"\(script)\""
                    #expect(frame.size == state.size, "\(place)")
                    #expect(frame.requestsOutside == 0, "\(place): \(frame.requestsOutside) requests outside")
                    if width < 40 || height < 10 {
                        expectTooSmallMessage(frame, where: place)
                    } else {
                        #expect(frame.line(0).dropFirst().hasPrefix(DashboardText.tabLabels(issueCount: state.data.diagnostics.count, stillCounting: state.loading != nil, active: state.screen, width: state.size.width)[0]), "\(place)")
                    }
                }
            }
        }
    }

    /// The frame shows the start of the too-small message and nothing else; all of it when
    /// there is room for it.
    private func expectTooSmallMessage(_ frame: Canvas, where place: String) {
        let message = "ssmap needs a terminal of at least 40×10; this one is \(frame.width)×\(frame.height). "
            + "Make the window bigger, or press q to quit."
        let shown = frame.text.filter { !$0.isWhitespace }
        let expected = message.filter { !$0.isWhitespace }
        #expect(!shown.isEmpty && expected.hasPrefix(shown), "\(place): \(frame.text)")
        if frame.width >= 30 && frame.height >= 5 {
            #expect(shown == expected, "\(place): \(frame.text)")
        }
    }

    @Test func aTerminalWithNoCellsDrawsNothing() {
        for size in [TerminalSize(width: 0, height: 0), TerminalSize(width: 0, height: 24), TerminalSize(width: 80, height: 0)] {
            let frame = Render.frame(Sample.state(width: size.width, height: size.height))
            #expect(frame.size == size)
            #expect(frame.requestsOutside == 0, "\(size)")
        }
    }

    @Test func theTooSmallMessageInASCIISaysTheSizeInASCII() {
        let frame = Render.frame(Sample.state(width: 39, height: 9, glyphs: .ascii))
        let text = frame.text.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("at least 40x10"), "\(text)")
        #expect(text.contains("39x9"), "\(text)")
    }

    // MARK: Resize storm

    /// Lists scrolled, a search, the detail scrolled, help and a picker open: after 200
    /// resizes to random sizes (tiny ones included) and back, the screen is as it was.
    static let beforeStorms = [
        "jjjjjjjjjjjjjjjj", "G", "<PgDn><PgDn>kkk", "/count<Enter>nnn", "jjjjj<Enter>jjjjjjjj", "3jjjjjjjjjj",
        "4jjjjjjjjjjjjjjjjj", "5jj", "?jjjj", "fjjjjjjj", "ftrading<Enter>jj",
    ]

    @Test(arguments: beforeStorms)
    func aResizeStormLeavesTheScreenAsItWas(script: String) {
        var state = Sample.state(width: 120, height: 40)
        Keys.run(script, on: &state)
        let before = Render.frame(state)
        var random = SplitMix64(seed: Self.seed)
        for _ in 0..<200 {
            let size = random.chance(1, in: 3)
                ? TerminalSize(width: random.inRange(1...45), height: random.inRange(1...12))
                : TerminalSize(width: random.inRange(1...300), height: random.inRange(1...100))
            _ = Reducer.handle(.resize(size), state: &state)
            let frame = Render.frame(state)
            #expect(frame.requestsOutside == 0, "\(size)")
        }
        _ = Reducer.handle(.resize(TerminalSize(width: 120, height: 40)), state: &state)
        let after = Render.frame(state)
        // Compared cell by cell, styles included; shown as text when they differ.
        let same = after == before
        #expect(same, "before:\n\(before.text)\nafter:\n\(after.text)")
    }
}

/// A register of 100,000 rows, made in-process as `ssmap generate --count 100000 --seed 2017`
/// makes it (the sample's reported arrangements and organisations, then illustrative rows),
/// and loaded as `ssmap open` would load it. Built once, however many tests use it.
enum GeneratedRegister {
    static let rows = 100_000

    static let data: Result<DashboardData, LoadError> = Result { () throws(LoadError) -> DashboardData in
        let organisations = Sample.directory.appendingPathComponent("organisations.csv").path
        let reported = try RegisterLoader.load(
            arrangements: Sample.directory.appendingPathComponent("reported-arrangements.csv").path,
            organisations: organisations)
        let csv = RegisterGenerator(reported: reported.register, seed: 2017).arrangementsCSV(count: rows)
        let loaded = try RegisterLoader.load(
            arrangementBytes: Array(csv.utf8), file: "generated.csv", organisationBytes: try FileBytes.read(organisations),
            organisationsFile: organisations)
        return DashboardData(
            register: loaded.register, diagnostics: loaded.diagnostics, sourceName: "a generated register")
    }
}

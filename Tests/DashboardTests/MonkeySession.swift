@testable import Dashboard
import TerminalUI

/// One monkey session: random events from a seed through `Reducer.handle`, effects carried
/// out as the app loop does (exports sandboxed), a frame rendered after every step, and the
/// invariants checked after each. Quitting is noted and the session goes on, as if the user
/// had started ssmap again where they were.
struct MonkeySession {
    var seed: UInt64
    var steps: Int
    var startSize = TerminalSize(width: 120, height: 40)
    /// Exports of bigger views are checked but not written.
    var largestExportWritten = 5_000

    /// What a session did and found.
    struct Report {
        var steps = 0
        var framesRendered = 0
        var events: [MonkeyEvents.Kind: Int] = [:]
        var sizes: Set<TerminalSize> = []
        var stepsTooSmall = 0
        var stepsByScreen: [Screen: Int] = [:]
        var stepsByOverlay: [String: Int] = [:]
        var quits = 0
        /// Steps after which the derived lists were recomputed and compared.
        var derivedChecks = 0
        var exportsWritten = 0
        var exportsSkipped = 0
        var total: Duration = .zero
        var reducing: Duration = .zero
        var rendering: Duration = .zero
        var slowSteps = 0
        var slowest: Duration = .zero
        var slowestStep = ""
        var problemCount = 0
        /// Steps with problems, by the problem with its figures taken out.
        var problemKinds: [String: Int] = [:]
        /// The first step with each kind of problem, with the events that led to it.
        var problems: [String] = []
    }

    static let slowStep = Duration.milliseconds(100)

    func run(data: DashboardData) throws -> Report {
        var report = Report()
        var events = MonkeyEvents(seed: seed)
        let effects = try SandboxedEffects(largestWritten: largestExportWritten)
        var state = AppState(data: data, size: startSize, glyphs: .unicode, theme: .colour)
        let checksDerived = data.register.count <= MonkeyInvariants.derivedCheckLimit
        // The last few events, described only if a problem needs them.
        var recent: [(step: Int, event: InputEvent)] = []
        let clock = ContinuousClock()
        let began = clock.now
        for step in 1...steps {
            let (event, kind) = events.next(size: state.size)
            report.events[kind, default: 0] += 1
            let overlayBefore = state.overlay
            let (screenBefore, sizeBefore) = (state.screen, state.size)
            let derivedInputsBefore = checksDerived ? MonkeyInvariants.DerivedInputs(state) : nil
            let started = clock.now
            var problems: [String] = []
            for effect in Reducer.handle(event, state: &state) {
                problems += effects.perform(effect, overlayBefore: overlayBefore, state: &state)
            }
            let reduced = clock.now
            let frame = Render.frame(state)
            let rendered = clock.now
            let elapsed = rendered - started
            report.reducing += reduced - started
            report.rendering += rendered - reduced

            recent.append((step, event))
            if recent.count > 6 { recent.removeFirst() }
            if elapsed > Self.slowStep { report.slowSteps += 1 }
            if elapsed > report.slowest {
                report.slowest = elapsed
                report.slowestStep = "step \(step), \(event) on \(screenBefore.title) at "
                    + "\(sizeBefore.width)×\(sizeBefore.height), \(state.rows.count) rows shown after"
            }
            report.steps += 1
            report.framesRendered += 1
            tally(state, into: &report)
            if state.wantsToQuit {
                report.quits += 1
                state.wantsToQuit = false
            }
            problems += MonkeyInvariants.problems(state: state, frame: frame)
            // After each step that changed what they depend on, and every hundredth.
            if let derivedInputsBefore, derivedInputsBefore != MonkeyInvariants.DerivedInputs(state) || step % 100 == 0 {
                problems += MonkeyInvariants.derivedProblems(state)
                report.derivedChecks += 1
            }
            if !problems.isEmpty {
                report.problemCount += 1
                let byKind = Dictionary(problems.map { (Self.kind(of: $0), $0) }) { first, _ in first }
                for (kind, problem) in byKind {
                    if report.problemKinds[kind] == nil {
                        let events = recent.map { "\($0.step): \($0.event)" }.joined(separator: ", ")
                        report.problems.append("seed \(seed), step \(step): \(problem); after \(events)")
                    }
                    report.problemKinds[kind, default: 0] += 1
                }
            }
        }
        report.total = clock.now - began
        report.exportsWritten = effects.written
        report.exportsSkipped = effects.skipped
        return report
    }

    /// A problem with its figures taken out, to count problems of a kind together.
    static func kind(of problem: String) -> String {
        String(problem.filter { !$0.isNumber })
    }

    private func tally(_ state: AppState, into report: inout Report) {
        report.sizes.insert(state.size)
        if Layout(size: state.size).isTooSmall { report.stepsTooSmall += 1 }
        report.stepsByScreen[state.screen, default: 0] += 1
        let overlay: String
        switch state.overlay {
        case nil: overlay = "none"
        case .help: overlay = "help"
        case .picker(let kind, _): overlay = "\(kind.title) picker"
        case .search: overlay = "search"
        case .export: overlay = "export prompt"
        case .confirmOverwrite: overlay = "replace?"
        }
        report.stepsByOverlay[overlay, default: 0] += 1
    }
}

extension MonkeySession.Report {
    /// The figures, for the test's output.
    func summary(title: String) -> String {
        func milliseconds(_ duration: Duration) -> String {
            let components = duration.components
            let value = Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
            return value >= 100 ? String(Int(value.rounded())) : String(Double(Int(value * 10)) / 10)
        }
        let byKind = events.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
        let byScreen = Screen.all.map { "\($0.title) \(stepsByScreen[$0] ?? 0)" }.joined(separator: ", ")
        let byOverlay = stepsByOverlay.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let kinds = problemKinds.sorted { $0.value > $1.value }.map { "\n    \($0.value) × \($0.key)" }.joined()
        let widths = sizes.map(\.width)
        let heights = sizes.map(\.height)
        return """
            \(title): \(steps) steps, \(framesRendered) frames rendered, \(milliseconds(total)) ms in all
              time: \(milliseconds(reducing)) ms reducing and carrying out effects, \(milliseconds(rendering)) ms rendering
              events: \(byKind)
              sizes: \(sizes.count) visited, widths \(widths.min() ?? 0)...\(widths.max() ?? 0), \
            heights \(heights.min() ?? 0)...\(heights.max() ?? 0); \(stepsTooSmall) steps below the 40×10 minimum
              steps by screen: \(byScreen)
              steps by overlay: \(byOverlay)
              quits: \(quits); exports written \(exportsWritten), checked but not written \(exportsSkipped)
              steps over 100 ms: \(slowSteps); slowest \(milliseconds(slowest)) ms (\(slowestStep))
              derived lists recomputed and compared after \(derivedChecks) steps
              steps with problems: \(problemCount)\(kinds)
            """
    }
}

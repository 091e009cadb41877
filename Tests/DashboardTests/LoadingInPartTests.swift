import Foundation
import Testing
@testable import Dashboard
import SharedServices
import TerminalUI

/// A large register is shown from its first rows while the rest loads: every total says it
/// is so far, keys work, exports wait, and the whole register, when it comes, keeps what the
/// user chose meanwhile.
@Suite struct LoadingInPartTests {
    /// The sample's first rows, as `FirstRows` gives them for a large file.
    static let first: FirstRows = {
        let path = Sample.directory.appendingPathComponent("arrangements.csv").path
        guard let first = FirstRows.load(arrangements: path, smallestFile: 0, bytesRead: 60_000) else {
            preconditionFailure("the sample's first rows could not be loaded")
        }
        return first
    }()

    static var firstData: DashboardData {
        var data = Sample.data
        data.register = first.loaded.register
        data.diagnostics = first.loaded.diagnostics
        return data
    }

    static func loadingState(width: Int = 120, height: Int = 40) -> AppState {
        AppState(
            data: firstData, size: TerminalSize(width: width, height: height), theme: .colour,
            loading: RegisterLoading(shareRead: first.shareOfFile))
    }

    @Test func theFirstRowsAreASmallPartOfTheSample() {
        #expect(Self.first.loaded.register.count > 50)
        #expect(Self.first.loaded.register.count < Sample.data.register.count / 2)
    }

    @Test func everyScreenSaysItsFiguresAreSoFar() {
        var state = Self.loadingState()
        let count = Count.format(Self.first.loaded.register.count)
        let percent = "\(Int(Self.first.shareOfFile * 100))%"
        for screen in Screen.all {
            state.show(screen)
            let headline = Render.frame(state).line(1)
            #expect(headline.hasPrefix(" Still loading, \(percent) read · so far: \(count) arrangements"), "\(screen): \(headline)")
        }
        state.show(.arrangements)
        #expect(Render.frame(state).line(38).contains("Row 1 of \(count) so far"))
        state.show(.summary)
        #expect(Render.frame(state).text.contains("Savings to date by service area (so far)"))
        state.show(.organisations)
        #expect(Render.frame(state).line(38).contains("organisations so far"))
        state.show(.arrangements)
        Keys.run("f", on: &state)
        #expect(Render.frame(state).text.contains("Filter by service · counts so far"))
        Keys.run("<Esc>/shared", on: &state)
        #expect(state.message?.hasSuffix("matches so far") == true, "\(state.message ?? "")")
        // Narrow, the warning is shorter but still there, and the figures follow it.
        let narrow = Render.frame(Self.loadingState(width: 40, height: 12)).line(1)
        #expect(narrow.hasPrefix(" Loading \(percent) · so far: \(count) arr."), "\(narrow)")
        // Loaded, no warning.
        let whole = AppState(data: Sample.data, size: TerminalSize(width: 120, height: 40))
        #expect(Render.frame(whole).line(1).hasPrefix(" 486 arrangements"))
    }

    @Test func theDataIssuesFoundSoFarAreCountedAsSoFar() {
        var data = Self.firstData
        data.diagnostics = [Diagnostic(file: "a.csv", line: 7, severity: .warning, message: "odd")]
        var state = AppState(
            data: data, size: TerminalSize(width: 120, height: 40), loading: RegisterLoading(shareRead: 0.1))
        #expect(Render.frame(state).line(0).contains("5 Data issues (1…)"))
        #expect(Render.frame(state).line(38).contains("1 data issue so far (5)"))
        state.show(.issues)
        #expect(Render.frame(state).line(38).contains("1 problem found so far loading"))
        // Once whole, the count is final.
        state.finishLoading(with: data)
        #expect(Render.frame(state).line(0).contains("5 Data issues (1) "))
    }

    @Test func theWarningIsInTheWarningStyle() {
        let state = Self.loadingState()
        let canvas = Render.frame(state)
        #expect(canvas[2, 1].style == state.theme.warning)
        let figures = Render.headlineLine(state).soFar.count + 2
        #expect(canvas[figures, 1].style == state.theme.title)
    }

    @Test func progressIsShownAndNeverReaches100PercentBeforeTheWhole() {
        var state = Self.loadingState()
        state.setLoadingProgress(0.37)
        #expect(Render.frame(state).line(1).contains("Still loading, 37% read"))
        // Progress never goes back.
        state.setLoadingProgress(0.2)
        #expect(state.loading?.shareRead == 0.37)
        state.setLoadingProgress(1)
        #expect(Render.frame(state).line(1).contains("Still loading, 99% read"))
    }

    @Test func aFigureOnTheHeadlineIsStillClickable() {
        var state = Self.loadingState()
        let phrase = Render.headlineFigurePhrase(state)
        let headline = Render.frame(state).line(1)
        let withoutFigure = "\(Count.format(state.headline.withoutFigure)) without a figure"
        let drawn = String(headline.dropFirst(phrase.lowerBound).prefix(phrase.count))
        #expect(drawn == withoutFigure)
        state.headlineFocused = true
        #expect(Render.frame(state)[phrase.lowerBound, 1].style == state.theme.selected)
    }

    @Test func exportWaitsForTheWholeRegister() {
        var state = Self.loadingState()
        Keys.run("e", on: &state)
        #expect(state.overlay == nil)
        #expect(state.message?.hasPrefix("Still loading") == true)
        // Once whole, `e` exports.
        state.finishLoading(with: Sample.data)
        Keys.run("e", on: &state)
        guard case .export = state.overlay else {
            Issue.record("no export prompt once loaded: \(String(describing: state.overlay))")
            return
        }
    }

    @Test func theWholeRegisterKeepsTheFilterSortSearchAndSelection() throws {
        var state = Self.loadingState()
        let register = state.register
        // A filter of values the first rows have, a sort, a search and a row chosen.
        let service = try #require(register.service(0))
        var filter = ArrangementFilter()
        filter.services = [try Dimension.service.value(named: service, in: register)]
        state.setFilter(filter)
        state.setSort(.savingsToDate, descending: true)
        let searched = String(register.name(state.rows[0]).prefix(4))
        Keys.run("/\(searched)<Enter>", on: &state)
        let selected = try #require(state.selectedRow)
        let chips = state.filter.phrases(in: register)
        #expect(!state.searchMatches.isEmpty)

        state.finishLoading(with: Sample.data)
        let whole = Sample.data.register
        #expect(state.loading == nil)
        #expect(state.register.count == whole.count)
        #expect(state.filter.phrases(in: whole) == chips)
        var expected = ArrangementFilter()
        expected.services = [try Dimension.service.value(named: service, in: whole)]
        #expect(state.rows == whole.sorted(expected.matchingRows(in: whole), by: .savingsToDate, descending: true))
        #expect(state.selectedRow.map { whole.id($0) } == register.id(selected))
        let matching = state.rows.indices.filter { whole.name(state.rows[$0]).range(of: searched, options: .caseInsensitive) != nil }
        #expect(state.searchMatches.count >= matching.count && !state.searchMatches.isEmpty)
        #expect(state.message == "All 486 arrangements loaded")
        #expect(Render.frame(state).line(1).hasPrefix(" \(Count.format(state.rows.count)) arrangement"))
        checkInvariants(state)
    }

    @Test func anOpenPickerKeepsItsTicksAndCountsTheWholeRegister() throws {
        var state = Self.loadingState()
        Keys.run("f", on: &state)
        guard case .picker(let kind, var picker) = state.overlay else {
            Issue.record("f opened no picker")
            return
        }
        let ticked = try #require(picker.options.first)
        picker.chosen = [ticked.id]
        state.overlay = .picker(kind, picker)

        state.finishLoading(with: Sample.data)
        guard case .picker(let kindAfter, let pickerAfter) = state.overlay else {
            Issue.record("the picker closed when the register was loaded")
            return
        }
        #expect(kindAfter == kind)
        let tickedAfter = pickerAfter.options.filter { pickerAfter.chosen.contains($0.id) }
        #expect(tickedAfter.map(\.label) == [ticked.label])
        #expect(pickerAfter.options == Pickers.make(kind, state: state).options)
        #expect(pickerAfter.options.count >= picker.options.count)
    }

    @Test func theLitArrangementAndTheMapAreWorkedOutAgain() {
        var state = Self.loadingState()
        Keys.run("jj6", on: &state)
        let lit = state.map.arrangement
        #expect(lit == 2)
        let firstShading = state.map.shading
        state.finishLoading(with: Sample.data)
        #expect(state.map.arrangement == lit)
        #expect(state.map.shading != nil)
        // Shaded from the whole register's rows: more arrangements in England's total.
        let before = firstShading?.arrangementCounts.reduce(0, +) ?? 0
        let after = state.map.shading?.arrangementCounts.reduce(0, +) ?? 0
        #expect(after > before)
    }

    // MARK: The loop

    @Test func theLoopShowsTheFirstRowsThenTheWhole() {
        let driver = TestDriver(size: TerminalSize(width: 100, height: 30), events: Keys.parse("j"))
        let pending = PendingLoad { progress in
            progress(0.5)
            usleep(150_000)
            return Sample.data
        }
        let app = DashboardApp(
            data: Self.firstData, driver: driver, glyphs: .unicode, theme: .monochrome, pendingLoad: pending,
            shareRead: Self.first.shareOfFile)
        app.run(stopWhenIdle: true)
        #expect(driver.frames.first?.line(1).contains("so far") == true)
        #expect(driver.frames.last?.line(1).hasPrefix(" 486 arrangements") == true)
        #expect(driver.frames.last?.text.contains("All 486 arrangements loaded") == true)
        #expect(app.state.loading == nil)
        #expect(app.loadFailure == nil)
        // The key pressed while loading moved the selection, and the whole register kept it.
        #expect(app.state.table.selected == 1)
    }

    struct Refused: Error {}

    @Test func aWholeRegisterThatFailsToLoadStopsTheLoopWithItsReason() {
        let driver = TestDriver(size: TerminalSize(width: 100, height: 30))
        let app = DashboardApp(
            data: Self.firstData, driver: driver, glyphs: .unicode, theme: .monochrome,
            pendingLoad: PendingLoad(finished: .failed(Refused())))
        app.run(stopWhenIdle: true)
        #expect(app.loadFailure is Refused)
        #expect(!app.state.wantsToQuit)
    }

    @Test func aLoadReportsProgressThenItsOutcome() {
        let goOn = DispatchSemaphore(value: 0)
        let pending = PendingLoad { progress in
            progress(0.25)
            goOn.wait()
            progress(0.5)
            return Sample.data
        }
        func waitFor(_ done: (PendingLoad.Status) -> Bool) -> Bool {
            for _ in 0..<500 {
                if done(pending.current) { return true }
                usleep(10_000)
            }
            return false
        }
        #expect(waitFor { if case .loading(let share) = $0 { share == 0.25 } else { false } })
        goOn.signal()
        #expect(waitFor { if case .loaded(let data) = $0 { data.register.count == 486 } else { false } })
    }

    /// `/` opened on a sorted list before the whole register is in: Esc goes back to the
    /// arrangement the search began on, not to its old position in the list.
    @Test func escapeFromASearchAcrossTheLoadGoesBackToTheSameArrangement() throws {
        var state = Self.loadingState()
        state.setSort(.savingsToDate, descending: true)
        Keys.run("jjj", on: &state)
        let began = try #require(state.selectedRow)
        let id = state.register.id(began)
        Keys.run("/shared", on: &state)
        state.finishLoading(with: Sample.data)
        Keys.run("<Esc>", on: &state)
        #expect(state.selectedRow.map { state.register.id($0) } == id)
    }
}

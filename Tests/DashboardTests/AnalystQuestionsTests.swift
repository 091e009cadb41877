import Foundation
import Testing
@testable import Dashboard
import SharedServices
import TerminalUI

/// The analyst's everyday questions, asked of the dashboard on the sample.
@Suite struct AnalystQuestionsTests {
    static let missing = Int32(SavingsFigure.missing.rawValue)

    // MARK: "No figure" is a filter

    @Test func theHeadlinesWithoutAFigureFiltersWithEnter() {
        var state = Sample.state(width: 80, height: 24)
        Keys.run("k", on: &state)
        #expect(state.headlineFocused)
        Keys.run("<Enter>", on: &state)
        #expect(state.filter.figures == [.missing])
        #expect(state.rows.count == 97)
        #expect(state.rows.allSatisfy { state.register.savingsToDate($0) == nil })
        #expect(Render.frame(state).text.contains("no savings figure"), "the chip says what is filtered")
    }

    @Test func theHeadlinesWithoutAFigureFiltersWithAClick() {
        var state = Sample.state(width: 120, height: 40)
        let phrase = Render.headlineFigurePhrase(state)
        #expect(!phrase.isEmpty)
        _ = Reducer.handle(.mouse(MouseEvent(.press(.left), x: phrase.lowerBound + 1, y: 1)), state: &state)
        #expect(state.rows.count == 97)
        // A click elsewhere on the headline does nothing.
        var other = Sample.state(width: 120, height: 40)
        _ = Reducer.handle(.mouse(MouseEvent(.press(.left), x: 2, y: 1)), state: &other)
        #expect(other.rows.count == 486)
    }

    @Test func theFigureIsAPickerDimension() throws {
        var state = Sample.state()
        state.overlay = .picker(.dimension(.figure), Pickers.make(.dimension(.figure), state: state))
        guard case .picker(_, let picker) = state.overlay else { return }
        let missing = try #require(picker.options.first { $0.id == Int(Self.missing) })
        #expect(missing.label == "no savings figure")
        #expect(missing.detail == "97 · —", "no figure is not £0")
    }

    @Test func noFigureIsADashNeverPoundsZero() throws {
        var state = Sample.state()
        state.overlay = .picker(.dimension(.status), Pickers.make(.dimension(.status), state: state))
        guard case .picker(_, let picker) = state.overlay else { return }
        let planned = try #require(picker.options.first { $0.label == "planned" })
        #expect(planned.detail == "32 · —")
    }

    // MARK: / on every list

    @Test(arguments: [Screen.summary, .organisations, .issues])
    func slashSearchesTheListOnScreen(screen: Screen) {
        var state = Sample.state()
        Reducer.switchScreen(to: screen, state: &state)
        Keys.run("/Devon", on: &state)
        guard case .search(let input) = state.overlay else {
            Issue.record("/ did not open the search on \(screen.title)")
            return
        }
        #expect(input.text == "Devon", "typed into the search, not another field")
    }

    @Test func searchingTheOrganisationsFindsDevonAndNeverOpensTheExport() {
        var state = Sample.state()
        Keys.run("4/Devon", on: &state)
        #expect(!state.searchMatches.isEmpty)
        let selected = state.organisationRows[state.organisationsTable.selected]
        #expect(state.register.organisations.names[Int(selected.organisation)].contains("Devon"))
        Keys.run("<Enter>n", on: &state)
        #expect(state.overlay == nil)
    }

    @Test func theDetailHasNothingToSearchAndSaysSo() {
        var state = Sample.state()
        Keys.run("<Enter>/", on: &state)
        #expect(state.overlay == nil)
        #expect(state.message?.contains("Nothing to search") == true)
    }

    // MARK: Organisations

    @Test func organisationsSortByEveryColumnAndShowTheirShare() {
        var state = Sample.state(width: 120, height: 40)
        Keys.run("4", on: &state)
        for key in OrganisationSummary.SortKey.allCases {
            OrganisationsScreen.sort(by: key, state: &state)
            let again = OrganisationSummary.sorted(
                state.organisationRows, by: key, descending: state.organisationSortDescending, register: state.register)
            #expect(state.organisationRows == again, "\(key)")
        }
        // The shares add up to more than the whole, and the screen says why.
        let shares = state.organisationRows.map(\.share).reduce(0, +)
        #expect(shares > 1)
        state.message = nil
        #expect(Render.frame(state).text.contains("more than 100%"))
    }

    @Test func enterOnAnOrganisationShowsItsArrangements() {
        var state = Sample.state()
        Keys.run("4j<Enter>", on: &state)
        #expect(state.screen == .arrangements)
        let organisation = state.filter.organisations.first
        #expect(organisation != nil)
        #expect(state.rows.allSatisfy { state.register.partners($0).contains(organisation ?? -1) })
    }

    // MARK: Navigation

    @Test func aPartnerInTheDetailLeadsToItsArrangements() {
        var state = Sample.state()
        Keys.run("<Enter>p<Down><Enter>", on: &state)
        #expect(state.screen == .arrangements)
        #expect(state.filter.organisations.count == 1)
        #expect(state.rows.count > 1)
    }

    @Test func aClickOnAPartnerLineLeadsToItsArrangements() throws {
        var state = Sample.state(width: 120, height: 40)
        Keys.run("<Enter>", on: &state)
        let layout = Layout(size: state.size)
        let lines = DetailScreen.lines(state: state, width: layout.content.width - 2)
        let index = try #require(lines.firstIndex { $0.partner != nil })
        _ = Reducer.handle(.mouse(MouseEvent(.press(.left), x: 5, y: layout.content.y + index)), state: &state)
        #expect(state.screen == .arrangements)
        #expect(state.filter.organisations == [lines[index].partner ?? -1])
    }

    static func registerWithIssues() throws -> DashboardData {
        let text = "id,name,service,partners,savings_to_date\nA1,Legal,Legal,Adur; Worthing,lots\n"
            + "A2,Audit,Audit,Adur; Loamshire District Council,5\nA2,Again,Audit,Adur,6\n"
        let loaded = try RegisterLoader.load(arrangementBytes: Array(text.utf8), file: "mine.csv")
        return DashboardData(
            register: loaded.register, diagnostics: loaded.diagnostics, sourceName: "mine.csv", reference: loaded.reference,
            inputFiles: loaded.inputFiles)
    }

    @Test func enterOnADataIssueOpensItsRowAndTheMessageShowsInFull() throws {
        let data = try Self.registerWithIssues()
        var state = AppState(data: data, size: TerminalSize(width: 80, height: 24), theme: .monochrome)
        Keys.run("5", on: &state)
        let position = try #require(data.diagnostics.firstIndex { $0.message.contains("Loamshire") })
        Keys.run(String(repeating: "j", count: position), on: &state)
        // The full message, wrapped under the list: more than the cell shows.
        let text = Render.frame(state).text
        #expect(text.contains("Lincolnshire"), "\(text)")
        Keys.run("<Enter>", on: &state)
        #expect(state.screen == .detail)
        #expect(state.selectedRow.map(state.register.id) == "A2")
        // A row that was left out has nothing to open.
        var left = AppState(data: data, size: TerminalSize(width: 80, height: 24), theme: .monochrome)
        let duplicate = try #require(data.diagnostics.firstIndex { $0.message.contains("already used") })
        Keys.run("5" + String(repeating: "j", count: duplicate) + "<Enter>", on: &left)
        #expect(left.screen == .issues)
        #expect(left.message?.contains("No arrangement to open") == true)
    }

    // MARK: Summaries to take away

    @Test func eOnTheSummaryWritesTheTableShownAndTheDialogRemembersWhere() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ssmap-summary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var state = Sample.state()
        Keys.run("3e", on: &state)
        guard case .export(var input, let table) = state.overlay else {
            Issue.record("e did not open the export prompt")
            return
        }
        #expect(input.text.hasPrefix("ssmap-summary"))
        input = TextInput(directory.path + "/by-area.md")
        state.overlay = .export(input, table)
        for effect in Keys.run("<Enter>", on: &state) { Effects.perform(effect, state: &state) }
        let written = try String(contentsOfFile: directory.path + "/by-area.md", encoding: .utf8)
        #expect(written.hasPrefix("### Savings to date by service area"))
        #expect(written.contains("| **Total** | **486** |"))
        // The next export starts where this one went, in the same format.
        Keys.run("4e", on: &state)
        guard case .export(let next, _) = state.overlay else { return }
        #expect(next.text == directory.path + "/ssmap-organisations.md")
    }

    // MARK: Tables at narrow widths

    @Test func theStatusColumnIsReachableAt80Columns() {
        var state = Sample.state(width: 80, height: 24)
        #expect(!Render.frame(state).text.contains("operational"))
        let status = ArrangementColumn.all.firstIndex(of: .status) ?? 0
        Keys.run(String(repeating: "l", count: status), on: &state)
        #expect(Render.frame(state).text.contains("operational"))
        #expect(Render.frame(state).text.contains("Saved to date"), "the savings stay in view")
    }

    @Test func sortingKeepsTheSelectionWhereItWasOnTheScreen() {
        var state = Sample.state(width: 80, height: 24)
        Keys.run("<PgDn><PgDn>jjj", on: &state)
        let row = state.selectedRow
        let offset = state.table.selected - state.table.top
        Keys.run("s", on: &state)
        #expect(state.selectedRow == row)
        #expect(state.table.selected - state.table.top == offset)
    }

    // MARK: Clicks in the picker

    @Test func aClickInThePickerTicksTheOption() {
        var state = Sample.state(width: 80, height: 24)
        Keys.run("f", on: &state)
        let list = ListPicker.listRect(in: Layout(size: state.size).overlay)
        _ = Reducer.handle(.mouse(MouseEvent(.press(.left), x: list.x + 2, y: list.y + 1)), state: &state)
        guard case .picker(_, let picker) = state.overlay else {
            Issue.record("the click closed the picker")
            return
        }
        #expect(picker.chosen.count == 1)
        #expect(picker.highlighted.map { picker.chosen.contains($0.id) } == true)
    }

    // MARK: Counts

    @Test func countsHaveThousandsSeparators() {
        #expect(Count.format(1_000_000) == "1,000,000")
        #expect(Count.format(999) == "999")
        var headline = Sample.data.register.headline([])
        headline.arrangements = 1_000_000
        #expect(DashboardText.headline(headline, width: 200).hasPrefix("1,000,000 arrangements"))
    }

    // MARK: One wording

    /// The chips and the command line's "Filtered to" line are the same phrases: a filter
    /// the command line applies is never "All arrangements" on screen.
    @Test func chipsSayEveryPartOfTheFilter() throws {
        let register = Sample.data.register
        var filter = ArrangementFilter()
        filter.maximumSavings = 1_000_000
        filter.figures = [.reported]
        filter.organisations = [try register.organisationID(named: "Brent")]
        var state = Sample.state(width: 200, height: 24)
        state.setFilter(filter)
        let chips = Render.frame(state).text.split(separator: "\n")[2]
        #expect(!chips.contains("All arrangements"))
        for phrase in filter.phrases(in: register) {
            #expect(chips.contains(phrase), "\(phrase) is not among the chips: \(chips)")
        }
        #expect(filter.phrases(in: register).contains("with London Borough of Brent"))
        #expect(filter.phrases(in: register).contains("saved ≤ £1m"))
    }

    // MARK: Found in review

    /// A click ends the headline's focus: Enter then opens the row clicked.
    @Test func aClickLeavesTheHeadline() {
        var state = Sample.state(width: 80, height: 24)
        Keys.run("k", on: &state)
        let layout = Layout(size: state.size)
        _ = Reducer.handle(.mouse(MouseEvent(.press(.left), x: 3, y: layout.content.y + 4)), state: &state)
        Keys.run("<Enter>", on: &state)
        #expect(state.screen == .detail)
        #expect(state.filter.figures.isEmpty)
    }

    /// Drilling into another value of a dimension already filtered would show more than
    /// the bar: it says so instead.
    @Test func drillingIntoAnotherValueOfAFilteredDimensionDoesNotWiden() throws {
        var state = Sample.state()
        let brent = try state.register.organisationID(named: "Brent")
        state.setFilter(Dimension.organisation.setting([brent], in: state.filter))
        let before = state.rows
        state.setDimension(.organisation, metric: .count)
        Reducer.switchScreen(to: .summary, state: &state)
        let other = try #require(state.groups.firstIndex { $0.key != .value(brent) && $0.key != .notRecorded })
        Keys.run(String(repeating: "j", count: other) + "<Enter>", on: &state)
        #expect(state.rows == before)
        #expect(state.message?.contains("Already filtered by organisation") == true)
    }

    @Test func arrowsAndBoundsAreSpeltOutInASCII() {
        let text = DashboardText.forTerminal("←/→ for the other 2 columns · saved ≤ £1m · ↓ back", glyphs: .ascii)
        #expect(text.utf8.allSatisfy { $0 < 0x80 }, "\(text)")
        #expect(text.contains("<-/->") && text.contains("<= GBP 1m"))
    }

    @Test func aTableAfterAWorkbookExportIsOfferedAsCSV() {
        #expect(ExportDialog.suggestedPath(name: "x", after: "/nonexistent-dir/view.xlsx") == "/nonexistent-dir/x.xlsx")
        // After an export named with one character, and one at the root.
        #expect(ExportDialog.suggestedPath(name: "nonexistent-x", after: "a") == "nonexistent-x.csv")
        #expect(ExportDialog.suggestedPath(name: "nonexistent-x", after: "/v.md") == "/nonexistent-x.md")
        var state = Sample.state()
        state.lastExportPath = "/nonexistent-dir/view.xlsx"
        Keys.run("3e", on: &state)
        guard case .export(let input, _) = state.overlay else { return }
        #expect(input.text == "/nonexistent-dir/ssmap-summary.csv")
    }
}

import Foundation
import Testing
@testable import Dashboard
import SharedServices
import TerminalUI

/// Key sequences → expected state.
@Suite struct ReducerTests {
    @Test func movingKeepsTheSelectionInsideTheRows() {
        var state = Sample.state(width: 80, height: 24)
        Keys.run("jjj", on: &state)
        #expect(state.table.selected == 3)
        Keys.run("k", on: &state)
        #expect(state.table.selected == 2)
        Keys.run("G", on: &state)
        #expect(state.table.selected == 485)
        Keys.run("<Down><Down>", on: &state)
        #expect(state.table.selected == 485)
        Keys.run("g", on: &state)
        #expect(state.table.selected == 0 && state.table.top == 0)
        Keys.run("<PgDn>", on: &state)
        #expect(state.table.selected > 10)
        checkInvariants(state)
    }

    @Test func tabAndNumbersSwitchScreens() {
        var state = Sample.state()
        Keys.run("<Tab>", on: &state)
        #expect(state.screen == .detail)
        // Round the tabs from the second: as many more as there are screens, less one.
        Keys.run(String(repeating: "<Tab>", count: Screen.all.count - 1), on: &state)
        #expect(state.screen == .arrangements)
        Keys.run("<BackTab>", on: &state)
        #expect(state.screen == Screen.all.last)
        Keys.run("3", on: &state)
        #expect(state.screen == .summary)
        Keys.run("<Esc>", on: &state)
        #expect(state.screen == .arrangements)
    }

    @Test func pickingTradingStandardsFiltersTheTableAndTheHeadline() throws {
        var state = Sample.state()
        Keys.run("f", on: &state)
        guard case .picker(.dimension(.service), let picker) = state.overlay else {
            Issue.record("f did not open the service picker")
            return
        }
        let option = try #require(picker.options.first { $0.label == "Trading standards" })
        #expect(option.detail.hasPrefix("4 · "))
        Keys.run("trading<Enter>", on: &state)
        #expect(state.overlay == nil)
        let service = try state.register.serviceID(named: "Trading standards")
        #expect(state.filter.services == [service])
        #expect(state.rows.count == 4)
        #expect(state.rows.allSatisfy { state.register.service($0) == "Trading standards" })
        #expect(state.headline.arrangements == 4)
        #expect(state.headline.totalSavings == state.register.totalSavings(state.rows))
        // The summary charts only these.
        Keys.run("3", on: &state)
        #expect(state.groups.map(\.label) == ["Regulatory services"])
        Keys.run("c", on: &state)
        #expect(state.rows.count == 486)
        #expect(state.filter.isEmpty)
    }

    @Test func pickersTickSeveralAndSwitchDimension() {
        var state = Sample.state()
        Keys.run("f<Left>", on: &state)
        guard case .picker(.dimension(.serviceArea), _) = state.overlay else {
            Issue.record("← did not move to the service area picker")
            return
        }
        Keys.run("<Space><Down><Space><Enter>", on: &state)
        #expect(state.filter.serviceAreas.count == 2)
        let areas = state.filter.serviceAreas
        let names = Set(areas.map { state.register.serviceAreas[$0] })
        #expect(state.rows.allSatisfy { names.contains(state.register.serviceArea($0) ?? "") })
        Keys.run("f<Esc>", on: &state)
        #expect(state.overlay == nil)
        #expect(state.filter.serviceAreas == areas, "Esc leaves the filter as it was")
    }

    @Test func sortingByTheChosenColumnAndReversing() {
        var state = Sample.state(width: 120, height: 40)
        // Name, Service, Partners, Beyond councils, Region, Start, Status, Saved: seven steps right.
        Keys.run("lllllll", on: &state)
        #expect(ArrangementColumn.all[state.focusedColumn] == .saved)
        Keys.run("s", on: &state)
        #expect(state.sortColumn == .savingsToDate && state.sortDescending)
        let first = state.register.savingsToDate(state.rows[0]) ?? 0
        #expect(state.rows.allSatisfy { (state.register.savingsToDate($0) ?? 0) <= first })
        #expect(state.register.savingsToDate(state.rows[485]) == nil, "not reported sorts last")
        Keys.run("s", on: &state)
        #expect(!state.sortDescending)
        #expect(state.register.savingsToDate(state.rows[485]) == nil, "not reported sorts last both ways")
        Keys.run("hhhhhhhs", on: &state)
        #expect(state.sortColumn == .name)
    }

    @Test func searchJumpsBetweenMatches() {
        var state = Sample.state(width: 80, height: 24)
        Keys.run("/worthing", on: &state)
        guard case .search = state.overlay else {
            Issue.record("/ did not open the search")
            return
        }
        let first = state.table.selected
        #expect(state.register.name(state.rows[first]).contains("Worthing"))
        Keys.run("<Enter>", on: &state)
        #expect(state.overlay == nil)
        #expect(state.searchMatches.count >= 2)
        Keys.run("n", on: &state)
        let second = state.table.selected
        #expect(second > first)
        #expect(state.searchMatches.contains(second))
        Keys.run("N", on: &state)
        #expect(state.table.selected == first)
        Keys.run("<Esc>", on: &state)
        #expect(state.searchText.isEmpty)
    }

    @Test func typingNarrowsTheSearchToTheSameMatchesAsSearchingAfresh() {
        var typed = Sample.state()
        Keys.run("/count", on: &typed)
        var fresh = Sample.state()
        fresh.search = ListSearch(screen: .arrangements, text: "count", matches: [], origin: 0)
        Search.refreshMatches(state: &fresh)
        #expect(!fresh.searchMatches.isEmpty)
        #expect(typed.searchMatches == fresh.searchMatches)
        // Deleting a letter widens it again.
        Keys.run("<BS><BS>", on: &typed)
        fresh.search?.text = "cou"
        Search.refreshMatches(state: &fresh)
        #expect(typed.searchMatches == fresh.searchMatches)
    }

    @Test func searchIgnoresAccentsAndFindsPartners() {
        var state = Sample.state()
        Keys.run("/london borough of brent<Enter>", on: &state)
        #expect(!state.searchMatches.isEmpty)
        let row = state.rows[state.table.selected]
        let partners = state.register.partners(row).map { state.register.organisations.names[Int($0)] }
        #expect(partners.contains("London Borough of Brent"))
    }

    @Test func detailOpensWithEnterAndEscGoesBack() {
        var state = Sample.state()
        Keys.run("jj<Enter>", on: &state)
        #expect(state.screen == .detail)
        let lines = DetailScreen.lines(state: state, width: 100).map(\.text)
        #expect(lines.contains { $0.contains(state.register.name(state.rows[2])) })
        #expect(lines.contains { $0.hasPrefix("Partners (") })
        Keys.run("l", on: &state)
        #expect(state.table.selected == 3)
        Keys.run("<Esc>", on: &state)
        #expect(state.screen == .arrangements)
    }

    @Test func summaryCyclesDimensionAndMetricAndDrillsDown() {
        var state = Sample.state()
        Keys.run("3", on: &state)
        #expect(state.dimension == .serviceArea && state.metric == .total)
        // Bars are sorted largest first, and each group's total is its rows' savings.
        let totals = state.groups.map(\.total)
        #expect(totals == totals.sorted(by: >))
        Keys.run("d", on: &state)
        #expect(state.dimension == .service)
        Keys.run(String(repeating: "d", count: Dimension.all.count - 1), on: &state)
        #expect(state.dimension == .serviceArea)
        Keys.run("m", on: &state)
        #expect(state.metric == .count)
        Keys.run("mm", on: &state)
        #expect(state.metric == .total)
        Keys.run("j<Enter>", on: &state)
        let second = state.register.summarise(state.register.allRows, by: .serviceArea)[1]
        #expect(state.screen == .arrangements)
        #expect(state.rows.count == second.count)
        #expect(state.rows.allSatisfy { state.register.serviceArea($0) == second.label })
    }

    @Test func organisationsShowTheirArrangements() {
        var state = Sample.state()
        Keys.run("4", on: &state)
        let top = state.organisationRows[0]
        #expect(top.arrangements >= state.organisationRows[1].arrangements)
        Keys.run("<Enter>", on: &state)
        #expect(state.screen == .arrangements)
        #expect(state.rows.count == top.arrangements)
        #expect(state.filter.organisations == [top.organisation])
    }

    @Test func escClosesWhatIsOpenBeforeQQuits() {
        var state = Sample.state()
        Keys.run("?", on: &state)
        #expect(state.overlay == .help(top: 0))
        Keys.run("j", on: &state)
        #expect(state.overlay == .help(top: 1))
        Keys.run("<Esc>", on: &state)
        #expect(state.overlay == nil)
        #expect(!state.wantsToQuit)
        let effects = Keys.run("q", on: &state)
        #expect(effects == [.quit])
        #expect(state.wantsToQuit)
    }

    @Test func theSummaryAndOrganisationsFollowAFilterChangedOnAnotherScreen() {
        var state = Sample.state()
        Keys.run("3", on: &state)
        let unfiltered = state.groups
        Keys.run("1ftrading<Enter>", on: &state)
        #expect(state.rows.count == 4)
        Keys.run("3", on: &state)
        #expect(state.groups == state.register.summarise(state.rows, by: state.dimension, metric: state.metric))
        #expect(state.groups != unfiltered)
        Keys.run("4", on: &state)
        let organisations = Set(state.rows.flatMap { state.register.partners($0) })
        let inSome = state.organisationRows.filter { $0.arrangements > 0 }.map(\.organisation)
        #expect(Set(inSome) == organisations)
        // Cleared from the organisations screen: every organisation in some arrangement again.
        Keys.run("c3", on: &state)
        #expect(state.groups == unfiltered)
    }

    @Test func theDetailScrollsToItsLastScreenfulAndNoFurther() {
        var state = Sample.state(width: 80, height: 14)
        Keys.run("<Enter>", on: &state)
        let lastTop = DetailScreen.clampedTop(.max, state: state)
        #expect(lastTop > 0, "the detail must be longer than the screen for this test")
        Keys.run(String(repeating: "j", count: lastTop + 20), on: &state)
        #expect(state.detailTop == lastTop)
        Keys.run("k", on: &state)
        #expect(state.detailTop == lastTop - 1, "one key up moves up at once")
        Keys.run("G", on: &state)
        #expect(state.detailTop == lastTop)
        Keys.run("g", on: &state)
        #expect(state.detailTop == 0)
        // A taller terminal shows more of it, so it scrolls less far.
        Keys.run("G", on: &state)
        _ = Reducer.handle(.resize(TerminalSize(width: 80, height: 60)), state: &state)
        #expect(state.detailTop == DetailScreen.clampedTop(.max, state: state))
        #expect(state.detailTop < lastTop)
    }

    @Test func helpScrolledToItsEndStaysAtItsEndWhenTheTerminalGrows() {
        var state = Sample.state(width: 60, height: 14)
        Keys.run("?G", on: &state)
        guard case .help(let bottom) = state.overlay else {
            Issue.record("help did not open")
            return
        }
        #expect(bottom > 0)
        _ = Reducer.handle(.resize(TerminalSize(width: 120, height: 50)), state: &state)
        guard case .help(let top) = state.overlay else {
            Issue.record("help closed on a resize")
            return
        }
        #expect(top == Help.lastTop(for: state.screen, in: Layout(size: state.size).overlay, glyphs: state.glyphs))
        #expect(top < bottom)
        Keys.run("k", on: &state)
        #expect(state.overlay == .help(top: max(0, top - 1)))
    }

    @Test func exportWritesThroughAConfirmationNeverOverwritingUnasked() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ssmap-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("view.json").path
        var state = Sample.state()
        Keys.run("ftrading<Enter>e", on: &state)
        guard case .export = state.overlay else {
            Issue.record("e did not open the export prompt")
            return
        }
        state.overlay = .export(TextInput(path), nil)
        var effects = Keys.run("<Enter>", on: &state)
        #expect(effects == [.export(path: path, format: .json, overwrite: false, table: nil)])
        for effect in effects { Effects.perform(effect, state: &state) }
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        let json = try JSONSerialization.jsonObject(with: written) as? [[String: Any]]
        #expect(json?.count == 4)
        #expect(state.message?.contains("Wrote 4 arrangements") == true)

        // Again: the file exists, so ssmap asks first.
        state.overlay = .export(TextInput(path), nil)
        effects = Keys.run("<Enter>", on: &state)
        for effect in effects { Effects.perform(effect, state: &state) }
        #expect(state.overlay == .confirmOverwrite(path: path, table: nil))
        Keys.run("n", on: &state)
        #expect(state.overlay == .export(TextInput(path), nil))
        state.overlay = .confirmOverwrite(path: path, table: nil)
        effects = Keys.run("y", on: &state)
        #expect(effects == [.export(path: path, format: .json, overwrite: true, table: nil)])
    }

    /// The export prompt takes the format from the extension, as `ssmap list --output`
    /// does (`ExportFormat(forPath:)`), CSV when it names none, and refuses `.xls`.
    @Test func exportChoosesTheFormatByExtensionAndRefusesXLS() {
        let cases: [(String, ExportFormat)] = [
            ("view.csv", .csv), ("VIEW.CSV", .csv), ("view.json", .json), ("view.Json", .json),
            ("view.md", .markdown), ("view.MD", .markdown), ("view.txt", .csv), ("view", .csv),
            ("view.xlsx", .xlsx), ("VIEW.XLSX", .xlsx),
        ]
        for (path, format) in cases {
            var state = Sample.state()
            Keys.run("e", on: &state)
            state.overlay = .export(TextInput(path), nil)
            #expect(Keys.run("<Enter>", on: &state) == [.export(path: path, format: format, overwrite: false, table: nil)], "\(path)")
        }
        for path in ["view.xls", "VIEW.ODS"] {
            var state = Sample.state()
            Keys.run("e", on: &state)
            state.overlay = .export(TextInput(path), nil)
            #expect(Keys.run("<Enter>", on: &state).isEmpty, "\(path)")
            #expect(state.overlay == .export(TextInput(path), nil), "the prompt stays open to fix the name")
            let pathExtension = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
            #expect(
                state.message
                    == "Could not export: ssmap cannot write .\(pathExtension) files; name the file .xlsx, .csv, .json or .md")
        }
    }

    @Test func mouseSelectsOpensScrollsSortsAndSwitchesTabs() {
        var state = Sample.state(width: 120, height: 40)
        let layout = Layout(size: state.size)
        _ = Reducer.handle(.mouse(MouseEvent(.press(.left), x: 5, y: layout.content.y + 4)), state: &state)
        #expect(state.table.selected == 3)
        _ = Reducer.handle(.mouse(MouseEvent(.press(.wheelDown), x: 5, y: layout.content.y + 4)), state: &state)
        #expect(state.table.top == 3)
        _ = Reducer.handle(.mouse(MouseEvent(.doubleClick, x: 5, y: layout.content.y + 2)), state: &state)
        #expect(state.screen == .detail)
        // Click the Summary tab.
        let summaryTab = layout.tabRanges(issueCount: state.data.diagnostics.count, active: state.screen).first { $0.screen == .summary }
        _ = Reducer.handle(.mouse(MouseEvent(.press(.left), x: (summaryTab?.x ?? 0) + 2, y: 0)), state: &state)
        #expect(state.screen == .summary)
        Keys.run("1", on: &state)
        // Click the last heading (Saved) to sort by savings.
        _ = Reducer.handle(.mouse(MouseEvent(.press(.left), x: 118, y: layout.content.y)), state: &state)
        #expect(state.sortColumn == .savingsToDate)
    }

    /// Too narrow for every title, the tab bar keeps every tab: the screen shown with its
    /// title, the others by the number that opens them; a click on a number opens its screen.
    @Test func aNarrowTabBarKeepsEveryTab() {
        var state = Sample.state(width: 40, height: 12)
        Keys.run("2", on: &state)
        #expect(Render.frame(state).line(0).hasPrefix(" 1 2 Detail 3 4 5 6 "))
        let layout = Layout(size: state.size)
        let mapTab = layout.tabRanges(issueCount: 0, active: state.screen).first { $0.screen == .map }
        #expect(mapTab.map { $0.x + $0.width <= 40 } == true)
        _ = Reducer.handle(.mouse(MouseEvent(.press(.left), x: mapTab?.x ?? 0, y: 0)), state: &state)
        #expect(state.screen == .map)
        #expect(Render.frame(state).line(0).hasPrefix(" 1 2 3 4 5 6 Map"))
        // Wide enough, every title shows.
        #expect(Render.frame(Sample.state(width: 80, height: 24)).line(0).contains("4 Organisations 5 Data issues 6 Map"))
    }

    @Test func resizingKeepsEverythingValid() {
        var state = Sample.state(width: 120, height: 40)
        Keys.run("G", on: &state)
        for size in [(40, 12), (1, 1), (0, 0), (300, 100), (39, 9), (120, 40)] {
            _ = Reducer.handle(.resize(TerminalSize(width: size.0, height: size.1)), state: &state)
            checkInvariants(state)
        }
        #expect(state.table.selected == 485)
        var small = Sample.state(width: 30, height: 8)
        #expect(Render.frame(small).text.replacingOccurrences(of: "\n", with: " ").contains("at least 40×10"))
        Keys.run("q", on: &small)
        #expect(small.wantsToQuit)
    }

    /// Random keys, clicks and resizes: no crash, and the invariants hold after every step.
    @Test func randomSessionsKeepTheInvariants() {
        var generator = SplitMix64(seed: 42)
        let keys: [Key] = [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace,
            .character("j"), .character("k"), .character("f"), .character("c"), .character("s"), .character("/"),
            .character("n"), .character("N"), .character("3"), .character("4"), .character("5"), .character("2"),
            .character("d"), .character("m"), .character("?"), .character("a"), .character(" "), .character("1"),
        ]
        var state = Sample.state(width: 80, height: 24)
        for _ in 0..<2_000 {
            let event: InputEvent
            switch generator.below(10) {
            case 0:
                event = .resize(TerminalSize(width: generator.inRange(1...200), height: generator.inRange(1...60)))
            case 1:
                event = .mouse(MouseEvent(
                    [.press(.left), .doubleClick, .press(.wheelUp), .press(.wheelDown)][generator.below(4)],
                    x: generator.below(state.size.width + 1), y: generator.below(state.size.height + 1)))
            default:
                event = .key(keys[generator.below(keys.count)])
            }
            _ = Reducer.handle(event, state: &state)
            if state.wantsToQuit { state.wantsToQuit = false }
            checkInvariants(state)
        }
    }
}

@testable import Dashboard
import SharedServices
import TerminalUI

/// What must hold after every event, whatever came before: every selection inside its list
/// and on screen, overlays in a state their keys can work from, and a frame of exactly the
/// terminal's size with nothing asked to be drawn outside it. Returns what is wrong, as
/// plain checks rather than expectations, so that 100,000 steps stay cheap.
enum MonkeyInvariants {
    static func problems(state: AppState, frame: Canvas) -> [String] {
        var problems: [String] = []
        let layout = Layout(size: state.size)
        for screen in Screen.all {
            guard let list = screen.content.list else { continue }
            if let problem = scrollProblem(state[keyPath: list.scroll], count: list.count(state), visible: list.visible(layout)) {
                problems.append("\(screen.title) list: \(problem)")
            }
        }
        guard ArrangementColumn.all.indices.contains(state.focusedColumn) else {
            return problems + ["focused column \(state.focusedColumn) is not a column"]
        }
        let focused = ArrangementColumn.all[state.focusedColumn]
        let fits = ArrangementColumn.name.width + ArrangementColumn.saved.width + 2 + focused.width <= layout.content.width
        if fits && !ArrangementColumn.window(width: layout.content.width, from: state.firstScrolledColumn).contains(state.focusedColumn) {
            problems.append("focused column \(state.focusedColumn) scrolled out of view")
        }
        if state.detailTop != DetailScreen.clampedTop(state.detailTop, state: state) {
            problems.append("detail scrolled to \(state.detailTop), past its first or last screenful")
        }
        problems += searchProblems(state)
        problems += overlayProblems(state, layout: layout)
        problems += frameProblems(frame, state: state, layout: layout)
        return problems
    }

    /// A list's selection: inside the rows (0 when there are none), on screen, and the
    /// view scrolled no further than the last screenful. `visible` below 1 counts as 1, as
    /// `ScrollState` counts it: a list squeezed to nothing still has a selected row.
    static func scrollProblem(_ scroll: ScrollState, count: Int, visible: Int) -> String? {
        guard count > 0 else {
            return scroll.selected == 0 && scroll.top == 0 ? nil : "empty but selected \(scroll.selected), top \(scroll.top)"
        }
        let rows = max(visible, 1)
        if !(0..<count).contains(scroll.selected) { return "selected \(scroll.selected) of \(count) rows" }
        if scroll.top < 0 || scroll.top > max(0, count - rows) {
            return "top \(scroll.top) outside 0...\(max(0, count - rows)) (\(count) rows, \(rows) visible)"
        }
        if scroll.selected < scroll.top || scroll.selected >= scroll.top + rows {
            return "selected \(scroll.selected) off screen (top \(scroll.top), \(rows) visible)"
        }
        return nil
    }

    /// Registers up to this size have their derived lists worked out afresh to compare
    /// (on a larger one that would cost more than the step in a debug build);
    /// SSMAP_REDUCER_MONKEY_DERIVED_ROWS=<rows> sets another limit, for a release run.
    static let derivedCheckLimit = MonkeyTests.environmentNumber("SSMAP_REDUCER_MONKEY_DERIVED_ROWS") ?? 5_000

    /// What the derived lists depend on: when none of it changes, neither may they.
    struct DerivedInputs: Equatable {
        var filter: ArrangementFilter
        var sortColumn: SortColumn?
        var sortDescending: Bool
        var searchText: String
        var screen: Screen
        var dimension: Dimension
        var metric: Metric
        var organisationTypes: Set<String>
        var organisationRegions: Set<Int32>

        init(_ state: AppState) {
            filter = state.filter
            sortColumn = state.sortColumn
            sortDescending = state.sortDescending
            searchText = state.searchText
            screen = state.screen
            dimension = state.dimension
            metric = state.metric
            organisationTypes = state.organisationTypes
            organisationRegions = state.organisationRegions
        }
    }

    /// What the state keeps rather than recomputes (the filtered and sorted rows, the
    /// headline, search matches carried across a re-sort, the summary and organisations
    /// worked out only on their screens) must equal what recomputing gives.
    static func derivedProblems(_ state: AppState) -> [String] {
        var problems: [String] = []
        let register = state.register
        let filtered = state.filter.matchingRows(in: register)
        if state.filteredRows != filtered { problems.append("filtered rows kept differ from the filter's") }
        let sorted = state.sortColumn.map { register.sorted(filtered, by: $0, descending: state.sortDescending) } ?? filtered
        if state.rows != sorted { problems.append("rows shown differ from the filtered rows sorted afresh") }
        if state.headline != register.headline(state.rows) { problems.append("headline differs from the rows'") }
        if !state.searchText.isEmpty && state.screen == .arrangements {
            var search = ArrangementFilter()
            search.search = state.searchText
            let matching = Set(search.matchingRows(in: register, among: state.rows))
            let expected = state.rows.indices.filter { matching.contains(state.rows[$0]) }
            if state.searchMatches != expected { problems.append("search matches differ from searching afresh") }
        }
        if state.screen == .summary,
            state.groups != register.summarise(state.rows, by: state.dimension, metric: state.metric)
                .shown(by: state.dimension, top: nil).shown {
            problems.append("summary shown differs from summarising afresh")
        }
        if state.screen == .organisations {
            let expected = OrganisationSummary.rows(
                register: register, arrangements: state.rows, types: state.organisationTypes,
                regions: state.organisationRegions, sortedBy: state.organisationSort,
                descending: state.organisationSortDescending)
            if state.organisationRows != expected { problems.append("organisations shown differ from counting afresh") }
        }
        if state.screen == .map, let geometry = state.map.geometry {
            problems += mapProblems(state, geometry: geometry)
        }
        return problems
    }

    /// The map kept for the screen is the one its size, zoom and filters would make afresh,
    /// and its cursor is on a council.
    private static func mapProblems(_ state: AppState, geometry: MapGeometry) -> [String] {
        var problems: [String] = []
        let rect = MapScreen.mapRect(Layout(size: state.size))
        if let raster = state.map.raster {
            if raster.frame.columns != max(0, rect.width) || raster.frame.rows != max(0, rect.height) {
                problems.append("map raster \(raster.frame.columns)×\(raster.frame.rows) for a \(rect.width)×\(rect.height) map")
            }
            if raster.frame.zoom != state.map.zoom { problems.append("map raster at zoom \(raster.frame.zoom), view at \(state.map.zoom)") }
        } else {
            problems.append("map shown without a raster")
        }
        if state.map.cursor == nil { problems.append("map cursor on no council") }
        if let shading = state.map.shading, state.rows.count <= 10_000 {
            let afresh = MapShading(
                register: state.register, rows: state.rows, geometry: geometry, measure: state.map.measure,
                byRegion: state.map.byRegion)
            if afresh.values != shading.values { problems.append("map shading differs from shading afresh") }
        }
        return problems
    }

    /// Search matches are positions in the rows, in order. Walking them all is kept to short
    /// lists: a search of 100,000 rows can match them all, and this runs every step.
    private static func searchProblems(_ state: AppState) -> [String] {
        let matches = state.searchMatches
        if state.searchText.isEmpty && !matches.isEmpty { return ["\(matches.count) matches for an empty search"] }
        guard let first = matches.first, let last = matches.last, let list = state.screen.content.list else { return [] }
        let count = list.count(state)
        if first < 0 || last >= count || matches.count > count {
            return ["search matches \(first)...\(last) (\(matches.count)) outside \(count) rows"]
        }
        if matches.count <= 1_000 && zip(matches, matches.dropFirst()).contains(where: { $0 >= $1 }) {
            return ["search matches out of order"]
        }
        return []
    }

    private static func overlayProblems(_ state: AppState, layout: Layout) -> [String] {
        switch state.overlay {
        case nil:
            return []
        case .help(let top):
            let lastTop = Help.lastTop(for: state.screen, in: layout.overlay, glyphs: state.glyphs)
            return (0...lastTop).contains(top) ? [] : ["help scrolled to \(top), outside 0...\(lastTop)"]
        case .picker(let kind, let picker):
            var problems: [String] = []
            let belongs: Bool
            switch kind {
            case .organisationType, .organisationRegion: belongs = state.screen == .organisations
            case .partner: belongs = state.screen == .detail
            case .dimension: belongs = state.screen != .organisations
            }
            if !belongs { problems.append("\(kind.title) picker open on the \(state.screen.title) screen") }
            let count = picker.visibleOptions.count
            let scroll = picker.scroll
            if count == 0 ? scroll.selected != 0 : !(0..<count).contains(scroll.selected) {
                problems.append("picker selects \(scroll.selected) of \(count) options")
            }
            if scroll.top < 0 || scroll.top > scroll.selected {
                problems.append("picker top \(scroll.top) with \(scroll.selected) selected")
            }
            if let problem = cursorProblem(picker.query) { problems.append("picker query: \(problem)") }
            return problems
        case .search(let input):
            var problems: [String] = []
            if state.screen.content.list == nil || state.search?.screen != state.screen {
                problems.append("search open on the \(state.screen.title) screen, which has no list of its own")
            }
            if let problem = cursorProblem(input) { problems.append("search: \(problem)") }
            return problems
        case .export(let input, _):
            return cursorProblem(input).map { ["export prompt: \($0)"] } ?? []
        case .confirmOverwrite(let path, _):
            return path.isEmpty ? ["asked to replace a file with no name"] : []
        }
    }

    private static func cursorProblem(_ input: TextInput) -> String? {
        (0...input.text.count).contains(input.cursor) ? nil : "cursor \(input.cursor) in \(input.text.count) characters"
    }

    /// The frame is the terminal's size, nothing was asked to be drawn outside it, and it
    /// shows either the dashboard (its tabs) or the start of the too-small message.
    private static func frameProblems(_ frame: Canvas, state: AppState, layout: Layout) -> [String] {
        var problems: [String] = []
        if frame.size != state.size || frame.cells.count != state.size.width * state.size.height {
            problems.append("frame \(frame.width)×\(frame.height) for a \(state.size.width)×\(state.size.height) terminal")
        }
        if frame.requestsOutside > 0 {
            problems.append("\(frame.requestsOutside) drawing requests outside the \(frame.width)×\(frame.height) canvas")
        }
        guard frame.width > 0 && frame.height > 0 else { return problems }
        if layout.isTooSmall {
            if frame[0, 0].character != "s" { problems.append("too small, but the message is not shown") }
        } else if !frame.line(0).dropFirst().hasPrefix(DashboardText.tabLabels(issueCount: state.data.diagnostics.count, stillCounting: state.loading != nil, active: state.screen, width: state.size.width)[0]) {
            problems.append("no tabs on the top line")
        }
        if case .help = state.overlay, !layout.isTooSmall {
            // Inside the help box's border (lines of help can be blank, but not all of them).
            let box = layout.overlay
            let shown = (box.y + 1..<box.maxY - 1).contains { y in
                (box.x + 2..<box.maxX - 2).contains { frame[$0, y].character != " " }
            }
            if !shown { problems.append("help open but its box is empty") }
        }
        return problems
    }
}

import SharedServices
import TerminalUI

/// Everything the dashboard shows, as a value: the reducer makes a new one for each
/// event, and the renderer draws one. Derived lists (the filtered, sorted rows and the
/// groups of the summary) are recomputed only when what they depend on changes, and the
/// summary's and organisations' only while their screen is shown.
public struct AppState: Sendable {
    /// Replaced once, by `finishLoading(with:)`, when the register was first shown in part.
    public private(set) var data: DashboardData
    /// Set while only the register's first rows are loaded: every total is "so far".
    public private(set) var loading: RegisterLoading?
    public var size: TerminalSize
    public var glyphs: Glyphs
    public var theme: Theme

    /// Changed through `show(_:)`, which brings the new screen's lists up to date.
    public private(set) var screen: Screen = .arrangements
    public var overlay: Overlay?
    /// A one-off message for the status bar, cleared by the next key.
    public var message: String?
    public var wantsToQuit = false

    // The arrangements view.
    public private(set) var filter = ArrangementFilter()
    public private(set) var sortColumn: SortColumn?
    public private(set) var sortDescending = false
    /// The arrangements shown: filtered, then sorted.
    public private(set) var rows: [Int] = []
    /// The arrangements the filter lets through, in register order: re-sorting and the
    /// pickers' counts start from these rather than filtering the register again.
    public private(set) var filteredRows: [Int] = []
    public private(set) var headline: Headline
    public var table = ScrollState()
    /// The column (of `ArrangementColumn.all`) the arrow keys have reached, for `s` to sort by.
    public var focusedColumn = 0
    /// The first of the columns after the name that the table shows: it scrolls sideways
    /// to keep the focused column in view.
    public var firstScrolledColumn = 1
    /// Whether ↑ from the first row has reached the headline's "without a figure".
    public var headlineFocused = false
    /// The search `/` made on a list, and its matches; it belongs to the screen it was made on.
    public var search: ListSearch?

    // Detail.
    public var detailTop = 0

    // Summary.
    public var dimension: Dimension = .serviceArea
    public var metric: Metric = .total
    /// The summary's bars: worked out while the summary is shown, and left empty by a filter
    /// changed on another screen until the summary is shown again. At 10^6 rows each
    /// takes milliseconds, not worth spending on every filter change made elsewhere.
    public private(set) var groups: [GroupSummary] = []
    private var groupsAreCurrent = false
    public var chart = ScrollState()

    // Organisations.
    public private(set) var organisationTypes: Set<String> = []
    public private(set) var organisationRegions: Set<Int32> = []
    /// Worked out while the organisations screen is shown, as `groups` are for the summary.
    public private(set) var organisationRows: [OrganisationSummary] = []
    private var organisationRowsAreCurrent = false
    public private(set) var organisationSort: OrganisationSummary.SortKey = .arrangements
    public private(set) var organisationSortDescending = true
    /// The organisations table's column the arrows have reached.
    public var organisationColumn = OrganisationSummary.SortKey.arrangements.rawValue
    public var organisationsTable = ScrollState()

    // Data issues.
    public var issuesTable = ScrollState()

    // Map: changed through `changeMap`, which fills and shades again what the change needs.
    public var map = MapState()

    /// The file the last export went to: the next export starts from it.
    public var lastExportPath: String?

    /// `loading`, when given, says that `data` holds only the register's first rows.
    public init(
        data: DashboardData, size: TerminalSize, glyphs: Glyphs = .unicode, theme: Theme = .colour,
        loading: RegisterLoading? = nil
    ) {
        self.data = data
        self.size = size
        self.glyphs = glyphs
        self.theme = theme
        self.loading = loading
        headline = data.register.headline([])
        refresh()
    }

    public var register: Register { data.register }

    /// The text searched for on the screen shown; empty when none.
    public var searchText: String { search?.screen == screen ? search?.text ?? "" : "" }
    /// Positions in the shown screen's list that match the search, in order.
    public var searchMatches: [Int] { search?.screen == screen ? search?.matches ?? [] : [] }

    /// Whether the row at `position` of the shown list matches the search: a binary
    /// search of the sorted matches, so that drawing a frame never walks them all.
    public func isSearchMatch(_ position: Int) -> Bool {
        Self.sorted(searchMatches, contains: position)
    }

    /// Whether ascending `values` holds `value`: a binary search.
    static func sorted(_ values: [Int], contains value: Int) -> Bool {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < values.count && values[low] == value
    }

    /// The register row under the table's selection.
    public var selectedRow: Int? {
        rows.indices.contains(table.selected) ? rows[table.selected] : nil
    }

    // MARK: Changing what is shown

    public mutating func setFilter(_ newFilter: ArrangementFilter) {
        guard newFilter != filter else { return }
        let previous = selectedRow
        filter = newFilter
        refresh()
        // Keep the selection on the same arrangement when it is still shown.
        if let previous, let index = rows.firstIndex(of: previous) {
            table.selected = index
        } else {
            table = ScrollState()
        }
        chart = ScrollState()
        organisationsTable = ScrollState()
        Search.refreshMatches(state: &self)
        clampAll()
    }

    /// Sorts the arrangements, keeping the selected one selected at the same height on
    /// the screen, so that the view does not jump.
    public mutating func setSort(_ column: SortColumn?, descending: Bool) {
        let previous = selectedRow
        sortColumn = column
        sortDescending = descending
        let unsorted = rows
        rows = sortedRows(filteredRows)
        if let previous, let index = rows.firstIndex(of: previous) {
            table = table.keepingHeight(selecting: index)
        }
        Search.carryMatches(from: unsorted, state: &self)
        clampAll()
    }

    /// Sorts the organisations by a column.
    public mutating func setOrganisationSort(_ key: OrganisationSummary.SortKey, descending: Bool) {
        organisationSort = key
        organisationSortDescending = descending
        let selected = organisationRows.indices.contains(organisationsTable.selected)
            ? organisationRows[organisationsTable.selected].organisation : nil
        organisationRows = OrganisationSummary.sorted(organisationRows, by: key, descending: descending, register: register)
        if let selected, let index = organisationRows.firstIndex(where: { $0.organisation == selected }) {
            organisationsTable = organisationsTable.keepingHeight(selecting: index)
        }
        Search.refreshMatches(state: &self, listOf: .organisations)
        clampAll()
    }

    public mutating func setOrganisationFilters(types: Set<String>, regions: Set<Int32>) {
        guard types != organisationTypes || regions != organisationRegions else { return }
        organisationTypes = types
        organisationRegions = regions
        forgetOrganisationRows()
        bringShownScreenUpToDate()
        organisationsTable = ScrollState()
        Search.refreshMatches(state: &self, listOf: .organisations)
        clampAll()
    }

    public mutating func setDimension(_ dimension: Dimension, metric: Metric) {
        self.dimension = dimension
        self.metric = metric
        forgetGroups()
        bringShownScreenUpToDate()
        chart = ScrollState()
        Search.refreshMatches(state: &self, listOf: .summary)
        clampAll()
    }

    public mutating func resize(to size: TerminalSize) {
        self.size = size
        bringShownScreenUpToDate()
        clampAll()
    }

    /// Changes the map's view or measure, and brings the map up to date with it.
    mutating func changeMap(_ change: (inout MapState) -> Void) {
        change(&map)
        bringShownScreenUpToDate()
    }

    /// How far the rest of the register has loaded: a share of the file's bytes.
    public mutating func setLoadingProgress(_ shareRead: Double) {
        guard var loading else { return }
        loading.shareRead = max(loading.shareRead, min(1, shareRead))
        self.loading = loading
    }

    /// The whole register, in place of the first rows shown while it loaded. What the user
    /// chose meanwhile is kept: the filter (its values matched by name), the sort, the
    /// search, the selected arrangement, group and organisation, an open picker's ticks.
    public mutating func finishLoading(with whole: DashboardData) {
        let first = data.register
        let firstRows = rows
        let selected = selectedRow
        let selectedGroup = groups.indices.contains(chart.selected) ? groups[chart.selected].label : nil
        let selectedOrganisation = organisationRows.indices.contains(organisationsTable.selected)
            ? register.organisations.names[Int(organisationRows[organisationsTable.selected].organisation)] : nil
        let (carriedFilter, lost) = filter.carried(from: first, to: whole.register)
        var regionFilter = ArrangementFilter()
        regionFilter.regions = organisationRegions
        let carriedRegions = regionFilter.carried(from: first, to: whole.register)

        data = whole
        loading = nil
        filter = carriedFilter
        organisationRegions = carriedRegions.filter.regions
        // The first rows are the whole register's first rows, in order; a row kept (selected,
        // lit, where a search began) is checked by its id all the same.
        let sameRow = { (row: Int) in row < first.count && row < whole.register.count && first.id(row) == whole.register.id(row) }
        if let lit = map.arrangement, !sameRow(lit) { map.arrangement = nil }
        map.registerReplaced()
        refresh()
        // Each list keeps its selection on the same thing, at the same height; else starts again.
        func position(of row: Int?) -> Int? {
            guard let row, sameRow(row) else { return nil }
            return rows.firstIndex(of: row)
        }
        table = position(of: selected).map { table.keepingHeight(selecting: $0) } ?? ScrollState()
        chart = selectedGroup.flatMap { label in groups.firstIndex { $0.label == label } }
            .map { chart.keepingHeight(selecting: $0) } ?? ScrollState()
        organisationsTable = selectedOrganisation.flatMap { name in
            organisationRows.firstIndex { register.organisations.names[Int($0.organisation)] == name }
        }.map { organisationsTable.keepingHeight(selecting: $0) } ?? ScrollState()
        if var search, search.screen == .arrangements {
            search.origin = position(of: firstRows.indices.contains(search.origin) ? firstRows[search.origin] : nil) ?? 0
            self.search = search
        }
        Search.refreshMatches(state: &self)
        if case .picker(let kind, let picker) = overlay {
            overlay = .picker(kind, Pickers.remade(picker, kind: kind, state: self))
        }
        var news = ["All \(Count.format(register.count, "arrangement", "arrangements")) loaded"]
        if !lost.isEmpty {
            news.append("no longer filtered by " + lost.joined(separator: ", ") + " (not in the whole register)")
        }
        if !carriedRegions.lost.isEmpty {
            news.append("organisations no longer filtered by " + carriedRegions.lost.joined(separator: ", "))
        }
        message = news.joined(separator: "; ")
        clampAll()
    }

    /// Recomputes everything derived from the filter.
    private mutating func refresh() {
        filteredRows = filter.matchingRows(in: register)
        rows = sortedRows(filteredRows)
        // The map lights an arrangement in view only: one the filter now hides goes out.
        if let lit = map.arrangement, !Self.sorted(filteredRows, contains: lit) {
            map.arrangement = nil
        }
        headline = register.headline(rows)
        forgetGroups()
        forgetOrganisationRows()
        map.forgetShading()
        bringShownScreenUpToDate()
    }

    /// Nothing stale is kept for another screen to read: empty until worked out again.
    private mutating func forgetGroups() {
        groups = []
        groupsAreCurrent = false
    }

    private mutating func forgetOrganisationRows() {
        organisationRows = []
        organisationRowsAreCurrent = false
    }

    /// Shows `screen`, its lists worked out if a change made elsewhere left them behind.
    public mutating func show(_ screen: Screen) {
        let previous = self.screen
        self.screen = screen
        headlineFocused = false
        if bringShownScreenUpToDate() { Search.refreshMatches(state: &self, listOf: screen) }
        // Coming from the list or the detail, the map lights the arrangement chosen there.
        if screen == .map && (previous == .arrangements || previous == .detail), let row = selectedRow {
            MapScreen.light(row, state: &self)
        }
        clampAll()
    }

    /// Whether a list was worked out again.
    @discardableResult
    private mutating func bringShownScreenUpToDate() -> Bool {
        if screen == .summary && !groupsAreCurrent {
            groups = register.summarise(rows, by: dimension, metric: metric).shown(by: dimension, top: nil).shown
            groupsAreCurrent = true
            return true
        }
        if screen == .organisations && !organisationRowsAreCurrent {
            organisationRows = OrganisationSummary.rows(
                register: register, arrangements: rows, types: organisationTypes, regions: organisationRegions,
                sortedBy: organisationSort, descending: organisationSortDescending)
            organisationRowsAreCurrent = true
            return true
        }
        if screen == .map {
            map.bringUpToDate(data: data, rows: rows, rect: MapScreen.mapRect(Layout(size: size)), ascii: glyphs.isASCII)
        }
        return false
    }

    private func sortedRows(_ rows: [Int]) -> [Int] {
        guard let sortColumn else { return rows }
        return register.sorted(rows, by: sortColumn, descending: sortDescending)
    }

    /// Keeps every selection inside its list and on screen.
    public mutating func clampAll() {
        let layout = Layout(size: size)
        for screen in Screen.all { screen.content.list?.clamp(state: &self, layout: layout) }
        focusedColumn = min(max(focusedColumn, 0), ArrangementColumn.all.count - 1)
        firstScrolledColumn = ArrangementColumn.firstScrolled(
            keeping: focusedColumn, width: layout.content.width, from: firstScrolledColumn)
        let organisationColumns = OrganisationsScreen.columns(self).map(\.key.rawValue)
        if !organisationColumns.contains(organisationColumn) {
            organisationColumn = organisationColumns.last { $0 <= organisationColumn } ?? organisationColumns[0]
        }
        detailTop = DetailScreen.clampedTop(detailTop, state: self)
        if case .help(let top) = overlay { overlay = .help(top: min(top, Help.lastTop(for: screen, in: layout.overlay, glyphs: glyphs))) }
    }
}

/// A search made with `/` on one screen's list.
public struct ListSearch: Sendable, Equatable {
    public var screen: Screen
    public var text: String
    /// Positions in the list that match, in order.
    public var matches: [Int]
    /// Where the selection was when `/` was pressed: typing searches from there.
    public var origin: Int
}

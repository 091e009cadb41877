import SharedServices
import TerminalUI

/// Everything the dashboard shows, as a value: the reducer makes a new one for each
/// event, and the renderer draws one. Derived lists (the filtered, sorted rows and the
/// groups of the summary) are recomputed only when what they depend on changes, and the
/// summary's and organisations' only while their screen is shown.
public struct AppState: Sendable {
    public let data: DashboardData
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
    /// The table column the arrow keys have reached, for `s` to sort by.
    public var focusedColumn = 0
    /// Text that `/` searched for; matching rows are highlighted and `n`/`N` move between them.
    public var searchText = ""
    /// Positions in `rows` that match `searchText`, in order.
    public var searchMatches: [Int] = []
    /// Where the selection was when `/` was pressed: typing searches from there.
    public var searchOrigin = 0

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
    public var organisationsTable = ScrollState()

    // Data issues.
    public var issuesTable = ScrollState()

    public init(data: DashboardData, size: TerminalSize, glyphs: Glyphs = .unicode, theme: Theme = .colour) {
        self.data = data
        self.size = size
        self.glyphs = glyphs
        self.theme = theme
        headline = data.register.headline([])
        refresh()
    }

    public var register: Register { data.register }

    /// Whether the row at `position` matches the search: a binary search of the sorted
    /// matches, so that drawing a frame never walks them all.
    public func isSearchMatch(_ position: Int) -> Bool {
        var low = 0
        var high = searchMatches.count
        while low < high {
            let middle = (low + high) / 2
            if searchMatches[middle] < position { low = middle + 1 } else { high = middle }
        }
        return low < searchMatches.count && searchMatches[low] == position
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

    public mutating func setSort(_ column: SortColumn?, descending: Bool) {
        let previous = selectedRow
        sortColumn = column
        sortDescending = descending
        let unsorted = rows
        rows = sortedRows(filteredRows)
        if let previous, let index = rows.firstIndex(of: previous) { table.selected = index }
        Search.carryMatches(from: unsorted, state: &self)
        clampAll()
    }

    public mutating func setOrganisationFilters(types: Set<String>, regions: Set<Int32>) {
        guard types != organisationTypes || regions != organisationRegions else { return }
        organisationTypes = types
        organisationRegions = regions
        forgetOrganisationRows()
        bringShownScreenUpToDate()
        organisationsTable = ScrollState()
        clampAll()
    }

    public mutating func setDimension(_ dimension: Dimension, metric: Metric) {
        self.dimension = dimension
        self.metric = metric
        forgetGroups()
        bringShownScreenUpToDate()
        chart = ScrollState()
        clampAll()
    }

    public mutating func resize(to size: TerminalSize) {
        self.size = size
        clampAll()
    }

    /// Recomputes everything derived from the filter.
    private mutating func refresh() {
        filteredRows = filter.matchingRows(in: register)
        rows = sortedRows(filteredRows)
        headline = register.headline(rows)
        forgetGroups()
        forgetOrganisationRows()
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
        self.screen = screen
        bringShownScreenUpToDate()
        clampAll()
    }

    private mutating func bringShownScreenUpToDate() {
        if screen == .summary && !groupsAreCurrent {
            groups = register.summarise(rows, by: dimension, metric: metric)
            groupsAreCurrent = true
        }
        if screen == .organisations && !organisationRowsAreCurrent {
            organisationRows = OrganisationSummary.rows(
                register: register, arrangements: rows, types: organisationTypes, regions: organisationRegions)
            organisationRowsAreCurrent = true
        }
    }

    private func sortedRows(_ rows: [Int]) -> [Int] {
        guard let sortColumn else { return rows }
        return register.sorted(rows, by: sortColumn, descending: sortDescending)
    }

    /// Keeps every selection inside its list and on screen.
    public mutating func clampAll() {
        let layout = Layout(size: size)
        table.clamp(count: rows.count, visible: TableView.visibleRows(in: layout.content))
        chart.clamp(count: groups.count, visible: layout.chartRows)
        organisationsTable.clamp(count: organisationRows.count, visible: TableView.visibleRows(in: layout.content))
        issuesTable.clamp(count: data.diagnostics.count, visible: TableView.visibleRows(in: layout.content))
        focusedColumn = min(max(focusedColumn, 0), ArrangementColumns.all.count - 1)
        detailTop = DetailScreen.clampedTop(detailTop, state: self)
        if case .help(let top) = overlay { overlay = .help(top: min(top, Help.lastTop(for: screen, in: layout.overlay))) }
    }
}

/// One organisation in the organisations screen: how many arrangements of the current
/// view it is in, and what those arrangements save.
public struct OrganisationSummary: Sendable, Equatable {
    public var organisation: Int32
    public var arrangements: Int
    public var withFigure: Int
    public var savings: Int64

    static func rows(register: Register, arrangements: [Int], types: Set<String>, regions: Set<Int32>) -> [OrganisationSummary] {
        let organisations = register.organisations
        var counts = [Int](repeating: 0, count: organisations.count)
        var figures = [Int](repeating: 0, count: organisations.count)
        var savings = [Int64](repeating: 0, count: organisations.count)
        for row in arrangements {
            let saved = register.savingsToDate(row)
            for partner in register.partners(row) {
                let index = Int(partner)
                counts[index] += 1
                if let saved {
                    figures[index] += 1
                    savings[index] += saved
                }
            }
        }
        var result: [OrganisationSummary] = []
        for index in 0..<organisations.count {
            if !types.isEmpty && !types.contains(organisations.types[index]) { continue }
            if !regions.isEmpty && !regions.contains(organisations.regions[index]) { continue }
            guard organisations.listed[index] || counts[index] > 0 else { continue }
            result.append(
                OrganisationSummary(
                    organisation: Int32(index), arrangements: counts[index], withFigure: figures[index],
                    savings: savings[index]))
        }
        // Most involved first, then by name.
        result.sort {
            $0.arrangements != $1.arrangements
                ? $0.arrangements > $1.arrangements
                : organisations.names[Int($0.organisation)] < organisations.names[Int($1.organisation)]
        }
        return result
    }
}

import SharedServices
import TerminalUI
import TextCells

extension Screen {
    public static let organisations = Screen("organisations", OrganisationsScreen())
}

/// The organisations in the arrangements in view: how many each is in, what those save,
/// and its share of the view's savings. Enter shows an organisation's arrangements.
struct OrganisationsScreen: ScreenContent {
    let title = "Organisations"
    let exportName = "ssmap-organisations"

    var list: ScreenList? {
        ScreenList(
            scroll: \AppState.organisationsTable, count: { $0.organisationRows.count }, noun: "organisation",
            text: { state, position in
                state.register.organisations.names[Int(state.organisationRows[position].organisation)]
            },
            open: { state in
                guard state.organisationRows.indices.contains(state.organisationsTable.selected) else { return [] }
                Pickers.showArrangements(of: state.organisationRows[state.organisationsTable.selected].organisation, state: &state)
                return []
            })
    }

    var keys: [KeyBinding] {
        (list?.movementKeys(opening: "show the arrangements it is in", hint: "Arrangements") ?? []) + [
            KeyBinding([.left, .right, .character("h"), .character("l")], "← →  h l", "choose a column") { state, key in
                let step = key == .left || key == .character("h") ? -1 : 1
                let shown = Self.columns(state).map(\.key.rawValue)
                let position = (shown.firstIndex(of: state.organisationColumn) ?? 0) + step
                state.organisationColumn = shown[min(max(position, 0), shown.count - 1)]
                return []
            },
            KeyBinding([.character("s")], "s", "sort by the chosen column (again: reverse)", hint: ("s", "Sort")) { state in
                Self.sort(by: OrganisationSummary.SortKey(rawValue: state.organisationColumn) ?? .name, state: &state)
            },
            KeyBinding(describing: "click a heading", "sort by that column"),
            KeyBinding(describing: "f", "filter the organisations by type and region"),
        ] + Search.keys
    }

    struct Column {
        var key: OrganisationSummary.SortKey
        var table: TableColumn
        /// The column in a sentence: "Sorted by arrangements".
        var spoken: String
    }

    /// The columns that fit the state's width: narrow terminals keep the name and the
    /// figures. The count column is as wide as its largest count.
    static func columns(_ state: AppState) -> [Column] {
        let largest = state.organisationRows.map(\.arrangements).max() ?? 0
        let countWidth = max(4, Count.format(largest).count)
        var columns = [Column(key: .name, table: TableColumn("Organisation", width: 16, flexWeight: 1), spoken: "name")]
        if state.size.width >= 100 {
            columns += [
                Column(key: .sector, table: TableColumn("Sector", width: 8), spoken: "sector"),
                Column(key: .type, table: TableColumn("Type", width: 15), spoken: "type"),
                Column(key: .region, table: TableColumn("Region", width: 15), spoken: "region"),
            ]
        }
        columns += [
            Column(key: .arrangements, table: TableColumn("In", width: countWidth, alignment: .right), spoken: "arrangements"),
            Column(key: .savings, table: TableColumn("Their savings", width: 13, alignment: .right), spoken: "their savings"),
            Column(key: .share, table: TableColumn("Share", width: 6, alignment: .right), spoken: "share"),
        ]
        return columns
    }

    static func table(_ state: AppState) -> TableView {
        let columns = columns(state)
        return TableView(
            columns: columns.map(\.table), rowCount: state.organisationRows.count, scroll: state.organisationsTable,
            sortColumn: columns.firstIndex { $0.key == state.organisationSort }, sortDescending: state.organisationSortDescending)
    }

    func draw(_ state: AppState, layout: Layout, canvas: inout Canvas) {
        let organisations = state.register.organisations
        let columns = Self.columns(state)
        let table = Self.table(state)
        let needle = state.searchText
        table.draw(
            in: layout.content, canvas: &canvas, theme: state.theme, glyphs: state.glyphs,
            cell: { position, column in
                let summary = state.organisationRows[position]
                switch columns[column].key {
                case .name, .sector, .type, .region: return summary.text(columns[column].key, in: state.register) ?? ""
                case .arrangements: return Count.format(summary.arrangements)
                case .savings:
                    return Render.text(Money.format(summary.withFigure > 0 ? summary.savings : nil, .exact), state)
                case .share: return summary.withFigure > 0 ? Percent.format(summary.share) : Render.text(Money.notReportedMark, state)
                }
            },
            decorate: { position, y, columns, canvas in
                guard !needle.isEmpty, state.isSearchMatch(position), let nameColumn = columns.first else { return }
                Render.highlight(
                    needle, in: organisations.names[Int(state.organisationRows[position].organisation)], x: nameColumn.x,
                    width: nameColumn.width, y: y, state: state, canvas: &canvas)
            })
        Render.markFocusedHeading(
            columns.firstIndex { $0.key.rawValue == state.organisationColumn }, of: table, in: layout.content, state: state,
            canvas: &canvas)
    }

    func status(_ state: AppState) -> String {
        "\(Count.format(state.organisationRows.count, "organisation", "organisations"))"
            + (state.loading == nil ? "" : " so far") + " · each is credited with the whole "
            + "of every arrangement it is in, so shares add up to more than 100%"
    }

    func click(x: Int, y: Int, double: Bool, state: inout AppState, layout: Layout) -> [Effect] {
        guard y == layout.content.y else { return list?.click(y: y, double: double, state: &state, layout: layout) ?? [] }
        let columns = Self.columns(state)
        if let index = Self.table(state).column(atX: x - layout.content.x, width: layout.content.width),
            columns.indices.contains(index)
        {
            Self.sort(by: columns[index].key, state: &state)
        }
        return []
    }

    func exportTable(_ state: AppState) -> ReportTable? {
        ReportTable.organisations(
            state.organisationRows, register: state.register,
            title: "Organisations in \(Count.format(state.rows.count, "arrangement", "arrangements"))")
    }

    /// Names A–Z, figures largest first; the sorted column again reverses.
    static func sort(by key: OrganisationSummary.SortKey, state: inout AppState) {
        state.organisationColumn = key.rawValue
        let numeric = [.arrangements, .savings, .share].contains(key)
        let descending = state.organisationSort == key ? !state.organisationSortDescending : numeric
        state.setOrganisationSort(key, descending: descending)
        let spoken = columns(state).first { $0.key == key }?.spoken ?? "\(key)"
        state.message = "Sorted by \(spoken), \(descending ? "descending" : "ascending")"
    }
}

import SharedServices
import TerminalUI
import TextCells

extension Screen {
    public static let issues = Screen("issues", IssuesScreen())
}

/// What loading the register found: each problem with where it is. The selected
/// problem's message is shown in full below the list; Enter opens its arrangement.
struct IssuesScreen: ScreenContent {
    let title = "Data issues"
    let exportName = "ssmap-data-issues"

    /// Lines below the list for the selected problem in full.
    static let panelHeight = 4

    var list: ScreenList? {
        ScreenList(
            scroll: \AppState.issuesTable, count: { $0.data.diagnostics.count },
            rows: { TableView.rowsRect(in: Self.tableRect($0)) }, noun: "problem",
            text: { state, position in
                let diagnostic = state.data.diagnostics[position]
                return diagnostic.location + " " + diagnostic.message
            },
            open: { state in
                Self.openRow(state: &state)
                return []
            })
    }

    var keys: [KeyBinding] {
        (list?.movementKeys(opening: "open the arrangement the problem is in", hint: "Open") ?? []) + Search.keys
    }

    static func tableRect(_ layout: Layout) -> Rect {
        let content = layout.content
        return Rect(x: content.x, y: content.y, width: content.width, height: max(2, content.height - panelHeight))
    }

    func draw(_ state: AppState, layout: Layout, canvas: inout Canvas) {
        let diagnostics = state.data.diagnostics
        if diagnostics.isEmpty {
            canvas.draw(
                "No problems were found loading \(state.data.sourceName).", x: 1, y: layout.content.y + 1,
                style: state.theme.dim, clip: layout.content)
            if let reference = state.data.reference {
                canvas.draw(
                    "Its partners were checked against \(reference.name).", x: 1, y: layout.content.y + 2,
                    style: state.theme.dim, clip: layout.content)
            }
            return
        }
        let tableRect = Self.tableRect(layout)
        let table = TableView(
            columns: [TableColumn("Where", width: 24, flexWeight: 1), TableColumn("Problem", width: 20, flexWeight: 3)],
            rowCount: diagnostics.count, scroll: state.issuesTable)
        let needle = state.searchText
        table.draw(
            in: tableRect, canvas: &canvas, theme: state.theme, glyphs: state.glyphs,
            cell: { position, column in
                let diagnostic = diagnostics[position]
                return column == 0 ? diagnostic.location : "\(diagnostic.severity.rawValue): \(diagnostic.message)"
            },
            decorate: { position, y, columns, canvas in
                guard !needle.isEmpty, state.isSearchMatch(position), columns.count > 1 else { return }
                Render.highlight(
                    needle, in: "\(diagnostics[position].severity.rawValue): \(diagnostics[position].message)",
                    x: columns[1].x, width: columns[1].width, y: y, state: state, canvas: &canvas)
            })
        // The selected problem in full, wrapped: long messages do not fit their cell.
        let panel = Rect(
            x: layout.content.x + 1, y: tableRect.maxY, width: max(0, layout.content.width - 2),
            height: layout.content.maxY - tableRect.maxY)
        guard diagnostics.indices.contains(state.issuesTable.selected), panel.height > 0 else { return }
        let diagnostic = diagnostics[state.issuesTable.selected]
        let text = SafeText.visible("\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message)")
        let lines = ColumnFit.wrap(Render.text(text, state), to: max(1, panel.width))
        for (index, line) in lines.prefix(panel.height).enumerated() {
            canvas.draw(line, x: panel.x, y: panel.y + index, style: state.theme.accent, clip: panel)
        }
    }

    func status(_ state: AppState) -> String {
        var status = "\(Count.format(state.data.diagnostics.count, "problem", "problems")) found "
            + (state.loading == nil ? "" : "so far ") + "loading \(state.data.sourceName)"
        if let reference = state.data.reference, !state.data.diagnostics.isEmpty {
            status += " · partners checked against \(reference.shortName)"
        }
        return status
    }

    func exportTable(_ state: AppState) -> ReportTable? {
        ReportTable(
            title: "Problems found loading \(state.data.sourceName)",
            columns: [
                ReportTable.Column("File"), ReportTable.Column("Line", isNumeric: true),
                ReportTable.Column("Column", isNumeric: true), ReportTable.Column("Severity"), ReportTable.Column("Problem"),
            ],
            rows: state.data.diagnostics.map { diagnostic in
                [
                    .text(diagnostic.sheet.map { "\(diagnostic.file) (\($0))" } ?? diagnostic.file),
                    diagnostic.line.map { .count($0) } ?? .missing, diagnostic.column.map { .count($0) } ?? .missing,
                    .text(diagnostic.severity.rawValue), .text(diagnostic.message),
                ]
            })
    }

    /// The arrangement the selected problem is in, in the detail; when filters hide it,
    /// they are cleared. A row left out of the register has no arrangement to open.
    static func openRow(state: inout AppState) {
        let diagnostics = state.data.diagnostics
        guard diagnostics.indices.contains(state.issuesTable.selected) else { return }
        let diagnostic = diagnostics[state.issuesTable.selected]
        guard diagnostic.file == state.data.inputFiles.first, let line = diagnostic.line,
            let row = state.register.row(readFrom: line)
        else {
            state.message = "No arrangement to open: \(diagnostic.location) is not a row of the register "
                + "(it was left out, or is in another file)"
            return
        }
        if !state.rows.contains(row) {
            state.setFilter(ArrangementFilter())
            state.message = "Filters cleared to show it"
        }
        if let position = state.rows.firstIndex(of: row) {
            Screen.arrangements.content.list?.moveTo(position, state: &state)
        }
        Reducer.switchScreen(to: .detail, state: &state)
    }
}

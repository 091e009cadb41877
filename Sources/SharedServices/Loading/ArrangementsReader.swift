/// Reads the arrangements file into the builder, checking every cell: a CSV file in
/// stretches on every core, a JSON file row by row.
enum ArrangementsReader {
    static func read(
        bytes: UnsafeBufferPointer<UInt8>, pages: PageReleaser, file: String, sheet: String?, organisationsFile: String?,
        into builder: inout RegisterBuilder, diagnostics: inout [Diagnostic],
        reading: RegisterLoader.ArrangementsReading, progress: ((Double) -> Void)?
    ) throws(LoadError) {
        let format = RegisterFormat.detect(path: file, bytes: bytes)
        let firstDiagnostic = diagnostics.count
        if format == .xlsx {
            try WorkbookArrangementsReader.read(
                bytes, file: file, sheet: sheet, organisationsFile: organisationsFile, into: &builder,
                diagnostics: &diagnostics, progress: progress)
            ArrangementRows.putInLineOrder(&diagnostics, from: firstDiagnostic)
            return
        }
        if let sheet {
            throw LoadError(
                file: file, message: "is not a workbook, so it has no sheet \(CellReading.quoted(sheet)) (--sheet is for .xlsx files)")
        }
        if format == .csv, case .inStretches(let minimumBytes) = reading {
            try FastArrangementsReader.read(
                bytes, pages: pages, file: file, organisationsFile: organisationsFile,
                minimumStretchBytes: minimumBytes, into: &builder, diagnostics: &diagnostics, progress: progress)
            ArrangementRows.putInLineOrder(&diagnostics, from: firstDiagnostic)
            return
        }
        var reader: TableReader
        if format == .csv, case .cellsFrom(let rowReader) = reading {
            reader = try rowReader.read(Array(bytes), file)
        } else {
            reader = try TableReader(bytes: Array(bytes), file: file, format: format)
        }
        if reader.isEmptyArray {
            // What a JSON export of no rows is: a register with no arrangements, as a CSV
            // header alone is, rather than a file missing every column.
            diagnostics.append(
                Diagnostic(file: file, line: nil, severity: .warning, message: "is an empty array: it holds no arrangements"))
            return
        }
        var rows = try ArrangementRows(
            file: file, header: reader.header, headerLine: reader.headerLine, format: format,
            organisationsFile: organisationsFile)
        builder.setExtraColumns(rows.columns.extraColumns.map { rows.header[$0] })
        var rowsSinceProgress = 0
        while let tableRow = try reader.next() {
            rowsSinceProgress += 1
            if let progress, rowsSinceProgress == 8_192 {
                rowsSinceProgress = 0
                progress(reader.fractionRead)
            }
            rows.read(tableRow, into: &builder, diagnostics: &diagnostics)
        }
        rows.finish(formatWarnings: reader.formatWarnings, builder: builder, diagnostics: &diagnostics)
        ArrangementRows.putInLineOrder(&diagnostics, from: firstDiagnostic)
    }

    static func checkRequiredColumns(
        _ columns: HeaderMatching<ArrangementField>, format: RegisterFormat, file: String, sheet: String? = nil,
        headerLine: Int
    ) throws(LoadError) {
        var missing: [String] = []
        var groups: [String: Bool] = [:]
        for spec in ArrangementField.schema {
            let given = columns.columnOf[spec.field] != nil
            switch spec.requirement {
            case .required: if !given { missing.append(spec.field.rawValue) }
            case .oneOf(let group): groups[group, default: false] = groups[group, default: false] || given
            case .optional: break
            }
        }
        // Groups in the schema's order, each once.
        for spec in ArrangementField.schema {
            if case .oneOf(let group) = spec.requirement, groups[group] == false {
                missing.append(group)
                groups[group] = true
            }
        }
        guard !missing.isEmpty else { return }
        if format == .csv && columns.header.count == 1 && columns.columnOf.isEmpty {
            throw LoadError(
                file: file, line: headerLine,
                message: "does not look like a CSV register: its first line has no commas "
                    + "(expected a header such as id,name,service_area,service,partners,…)")
        }
        let list = missing.map { "\"\($0)\"" }.joined(separator: ", ")
        let plural = missing.count > 1
        let verb = plural ? "are" : "is"
        guard format == .json else {
            throw LoadError(
                file: file, sheet: sheet, line: headerLine,
                message: "the required column\(plural ? "s" : "") \(list) \(verb) missing; "
                    + "the header has: \(CellReading.listed(columns.header))")
        }
        // A JSON register has no header: its columns are the keys of its objects.
        throw LoadError(
            file: file, line: headerLine,
            message: "the required key\(plural ? "s" : "") \(list) \(verb) in no object of the array; "
                + (columns.header.isEmpty
                    ? "no item of the array is an object with keys"
                    : "the objects' keys are: \(CellReading.listed(columns.header))"))
    }
}

/// Reading arrangements one row at a time, checking every cell: the reference reader's
/// whole work, and the fast reader's for any row out of the ordinary.
struct ArrangementRows {
    let file: String
    /// The worksheet the rows are on, for a workbook.
    let sheet: String?
    let header: [String]
    let columns: HeaderMatching<ArrangementField>
    /// The organisations file; nil when partners are checked against the bundled list.
    let organisationsFile: String?
    /// The organisations list as messages name it.
    let organisationsName: String
    private(set) var rowsRead = 0

    init(
        file: String, sheet: String? = nil, header: [String], headerLine: Int, format: RegisterFormat,
        organisationsFile: String?
    ) throws(LoadError) {
        self.file = file
        self.sheet = sheet
        // Column names are cells too: a name ssmap exported with an apostrophe against
        // spreadsheet formulas (an extra column called "=cmd") reads back as it was.
        let header = header.map(SpreadsheetSafety.withoutGuard)
        self.header = header
        columns = try HeaderMatching<ArrangementField>(
            header: header, aliases: ArrangementField.aliases, file: file, sheet: sheet, headerLine: headerLine)
        try ArrangementsReader.checkRequiredColumns(
            columns, format: format, file: file, sheet: sheet, headerLine: headerLine)
        self.organisationsFile = organisationsFile
        organisationsName = (organisationsFile.map(OrganisationsReference.file) ?? .bundled).name
    }

    /// A row kept by the fast reader without going through `read`.
    mutating func countRowRead() { rowsRead += 1 }
    mutating func countRowsRead(_ count: Int) { rowsRead += count }

    mutating func read(_ tableRow: TableRow, into builder: inout RegisterBuilder, diagnostics: inout [Diagnostic]) {
        var cell = CellChecker(
            file: file, sheet: sheet, line: tableRow.line, columns: columns, positions: tableRow.positions)
        if let problem = tableRow.unreadable {
            diagnostics.append(cell.error("\(problem); left out"))
            return
        }
        if tableRow.isBlank { return }
        guard tableRow.fields.count == header.count else {
            diagnostics.append(
                cell.error(
                    "has \(tableRow.fields.count) field\(tableRow.fields.count == 1 ? "" : "s") but the header has "
                        + "\(header.count); row left out (a missing quote or an extra comma?)"))
            return
        }
        // Cells ssmap wrote with an apostrophe against spreadsheet formulas read back as they were.
        // Every cell is kept as written: only matching and checking look past its spaces.
        let fields = tableRow.fields.map(SpreadsheetSafety.withoutGuard)
        // An id is a key, matched and kept without the spaces around it.
        let id = columns.value(.id, in: fields).trimmingWhitespace()
        guard !id.isEmpty else {
            diagnostics.append(cell.error("has no \(columns.title(.id)); row left out"))
            return
        }
        if let firstRow = builder.row(withID: id) {
            let firstLine = builder.register.line(firstRow)
            diagnostics.append(
                cell.error(Self.idUsedBefore(id, firstLine: firstLine, title: columns.title(.id))))
            return
        }
        rowsRead += 1

        var row = RegisterBuilder.Row(
            id: id, texts: [], interned: [], partners: [], partnerSpellings: [], organisations: [], years: [],
            choices: [], amounts: [], line: tableRow.line, extras: columns.extraColumns.map { fields[$0] })
        for spec in ArrangementField.schema {
            let field = spec.field
            let value = columns.value(field, in: fields)
            switch spec.kind {
            case .identifier, .qualifier:
                break  // the id is read above; a qualifier with its figure
            case .text, .repeatedText:
                if spec.requirement == .required && value.isBlank { cell.warn(field, "is empty") }
                if spec.kind == .text { row.texts.append(value) } else { row.interned.append(value) }
            case .category:
                row.interned.append(value)
                checkGroup(of: spec, fields: fields, cell: &cell)
            case .organisations:
                readPartners(value, into: &row, builder: &builder, cell: &cell)
            case .organisation:
                let name = value.trimmingWhitespace()
                guard !name.isEmpty else {
                    row.organisations.append(nil)
                    continue
                }
                let match = builder.matchPartner(Substring(name))
                row.organisations.append((match.id, name))
                if !row.partners.contains(match.id) {
                    cell.warn(field, leadNotAPartner(name, match: match, builder: builder))
                }
            case .year:
                switch CellReading.year(value) {
                case .blank: row.years.append(0)
                case .year(let year): row.years.append(Int16(year))
                case .invalid(let reason):
                    row.years.append(0)
                    cell.warn(field, "\(CellReading.quoted(value)) \(reason); left blank")
                }
            case .choice(let list):
                let word = value.trimmingWhitespace()
                let code = list.code(word)
                if code == nil && !word.isEmpty {
                    cell.warn(field, "\(CellReading.quoted(word)) is not \(CellReading.either(list.names)); left blank")
                }
                row.choices.append(code ?? UInt8.max)
            case .money:
                let reading = cell.savings(field, field.qualifierField, in: fields)
                row.amounts.append(reading)
            }
        }

        for (position, value) in fields.enumerated()
        where CellReading.containsControlCharacters(value) {
            cell.warnRaw(
                field: header[position], position: position,
                "\(CellReading.columnName(header[position])) contains control characters (escape codes or similar); "
                    + "they are shown as symbols")
        }

        builder.append(row)
        diagnostics.append(contentsOf: cell.diagnostics)
    }

    /// Partners, each matched to an organisation once.
    private func readPartners(
        _ text: String, into row: inout RegisterBuilder.Row, builder: inout RegisterBuilder, cell: inout CellChecker
    ) {
        var partners = RowPartners()
        // Split on the bytes of ";" and line breaks: no Character walking per row.
        for raw in text.utf8.split(whereSeparator: { $0 == 0x3B || $0 == 0x0A || $0 == 0x0D }) {
            let partnerName = Substring(raw).trimmedWhitespace()
            if partnerName.isEmpty { continue }
            let match = builder.matchPartner(partnerName)
            guard partners.insert(match.id) else {
                cell.warn(.partners, Self.listedTwice(partnerName))
                continue
            }
            row.partnerSpellings.append(String(partnerName))
            if let problem = matchProblem(match, spelling: partnerName, builder: builder) {
                cell.warn(.partners, problem)
            }
        }
        if partners.isEmpty { cell.warn(.partners, "is empty") }
        row.partners = Array(partners.ids)
    }

    /// After the last field of a group ("service_area or service"), a warning when the row
    /// gives none of them.
    private func checkGroup(of spec: FieldSpec, fields: [String], cell: inout CellChecker) {
        guard case .oneOf(let group) = spec.requirement else { return }
        let members = ArrangementField.schema.filter { $0.requirement == .oneOf(group) }.map(\.field)
        guard members.last == spec.field, members.allSatisfy({ columns.value($0, in: fields).isBlank }) else { return }
        cell.warn(nil, "has neither " + members.map { "a \(columns.title($0))" }.joined(separator: " nor "))
    }

    // Messages shared with the fast reader, which checks ids, partners and leads the same way.

    static func idUsedBefore(_ id: String, firstLine: Int, title: String) -> String {
        "\(title) \(CellReading.quoted(id)) is already used on line \(firstLine); row left out"
    }

    static func listedTwice(_ partner: some StringProtocol) -> String {
        "lists \(CellReading.quoted(String(partner))) more than once; counted once"
    }

    // Unknown partners and leads: PartnerProblems.swift.

    /// The diagnostics about the whole file, after its rows'.
    func finish(formatWarnings: [Diagnostic], builder: RegisterBuilder, diagnostics: inout [Diagnostic]) {
        diagnostics.append(contentsOf: formatWarnings)
        if rowsRead == 0 {
            diagnostics.append(
                Diagnostic(file: file, sheet: sheet, line: nil, severity: .warning, message: "has a header but no arrangements"))
        }
    }

    /// Sorts the diagnostics from `start` on by line, keeping the order of those on one
    /// line, and those about the whole file last: a file's problems read top to bottom.
    static func putInLineOrder(_ diagnostics: inout [Diagnostic], from start: Int) {
        let ordered = diagnostics[start...].enumerated().sorted { left, right in
            let leftLine = left.element.line ?? Int.max
            let rightLine = right.element.line ?? Int.max
            return leftLine != rightLine ? leftLine < rightLine : left.offset < right.offset
        }
        diagnostics.replaceSubrange(start..., with: ordered.map(\.element))
    }
}

/// Collects the diagnostics of one row, naming its cells as the file's header spells them.
struct CellChecker {
    let file: String
    let sheet: String?
    let line: Int
    let columns: HeaderMatching<ArrangementField>
    /// Where each cell of the row starts, when the format says (CSV does, JSON does not).
    let positions: [CellPosition]?
    private(set) var diagnostics: [Diagnostic] = []

    init(
        file: String, sheet: String? = nil, line: Int, columns: HeaderMatching<ArrangementField>, positions: [CellPosition]?
    ) {
        self.file = file
        self.sheet = sheet
        self.line = line
        self.columns = columns
        self.positions = positions
    }

    /// The place of the cell in column `position` of the file: its own line and column
    /// when known, else the row's line.
    private func place(_ position: Int?) -> (line: Int, column: Int?) {
        guard let position, let positions, positions.indices.contains(position) else { return (line, nil) }
        return (positions[position].line, positions[position].column)
    }

    func error(_ message: String) -> Diagnostic {
        Diagnostic(file: file, sheet: sheet, line: line, severity: .error, message: "row \(message)")
    }

    /// A warning about a cell: "<column> <message>", or about the row when `field` is nil.
    mutating func warn(_ field: ArrangementField?, _ message: String) {
        let title = field.map { columns.title($0) }
        let text = title.map { "\($0) \(message)" } ?? "row \(message)"
        let at = place(field.flatMap { columns.columnOf[$0] })
        diagnostics.append(
            Diagnostic(
                file: file, sheet: sheet, line: at.line, column: at.column, field: title, severity: .warning, message: text))
    }

    /// A warning about the cell in column `position`, which the schema may not know.
    mutating func warnRaw(field: String, position: Int, _ message: String) {
        let at = place(position)
        diagnostics.append(
            Diagnostic(
                file: file, sheet: sheet, line: at.line, column: at.column, field: field, severity: .warning,
                message: message))
    }

    /// A savings cell and its qualifier read, with a warning when either was not what it
    /// should be or needed interpreting.
    mutating func savings(
        _ field: ArrangementField, _ qualifierField: ArrangementField?, in fields: [String]
    ) -> (pounds: Int64?, qualifier: SavingsQualifier) {
        let reading = CellReading.savings(
            columns.value(field, in: fields), qualifier: qualifierField.map { columns.value($0, in: fields) } ?? "")
        if let note = reading.amountNote { warn(field, note) }
        if let note = reading.qualifierNote { warn(qualifierField ?? field, note) }
        return (reading.pounds, reading.qualifier)
    }
}

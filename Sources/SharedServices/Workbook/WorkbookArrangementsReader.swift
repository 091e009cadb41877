import Foundation

/// Reads a register from a workbook (.xlsx): the sheet named, or else the first whose
/// rows include the register's header, below any title rows. Its rows go through
/// `ArrangementRows`, the same reading and checks as a CSV's, each diagnostic naming the
/// sheet and cell (`register.xlsx: Register!J14: …`).
enum WorkbookArrangementsReader {
    /// How many rows with something in them are looked through for the header.
    static let headerSearchRows = 30

    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, sheet wanted: String?, organisationsFile: String?,
        into builder: inout RegisterBuilder, diagnostics: inout [Diagnostic], progress: ((Double) -> Void)?
    ) throws(LoadError) {
        var archive = try WorkbookArchive(bytes: bytes, file: file)
        let parts: WorkbookParts
        do {
            parts = try WorkbookParts(&archive)
        } catch {
            throw Self.loadError(error, file: file, part: "its list of sheets, strings or styles")
        }
        let candidates: [WorkbookParts.Sheet]
        if let wanted {
            guard let sheet = parts.sheets.first(where: { $0.name == wanted })
                ?? parts.sheets.first(where: { $0.name.lowercased() == wanted.lowercased() })
            else {
                throw LoadError(
                    file: file,
                    message: "has no sheet named \(CellReading.quoted(wanted)); its sheets are "
                        + CellReading.listed(parts.sheets.map(\.name)))
            }
            candidates = [sheet]
        } else {
            candidates = parts.sheets
        }
        guard !candidates.isEmpty else { throw LoadError(file: file, message: "is a workbook with no worksheets") }

        // The sheet and row of the header, found by looking at each sheet's first rows.
        var firstRows: (sheet: WorkbookParts.Sheet, row: SheetRow)?
        for sheet in candidates {
            guard let header = try findHeader(sheet, parts: parts, archive: &archive) else { continue }
            try readRows(
                sheet, header: header, parts: parts, archive: &archive, file: file, organisationsFile: organisationsFile,
                into: &builder, diagnostics: &diagnostics, progress: progress)
            return
        }
        // No sheet has the header: say what the first sheet's first row lacks, as for a CSV.
        for sheet in candidates {
            if let row = try firstRow(sheet, parts: parts, archive: &archive) {
                firstRows = (sheet, row)
                break
            }
        }
        guard let firstRows else {
            throw LoadError(
                file: file, message: "has no rows in \(wanted == nil ? "any sheet" : "sheet \(CellReading.quoted(wanted ?? ""))")")
        }
        // Reading that row as the header says which columns it lacks.
        _ = try ArrangementRows(
            file: file, sheet: firstRows.sheet.name, header: Self.header(firstRows.row).names,
            headerLine: firstRows.row.number, format: .xlsx, organisationsFile: organisationsFile)
        throw LoadError(file: file, message: "has no sheet with the register's header")
    }

    /// A header row: its non-blank cells' text, and their columns.
    private static func header(_ row: SheetRow) -> (names: [String], columns: [Int]) {
        let cells = row.cells.filter { !$0.value.isBlank }
        return (cells.map(\.value), cells.map(\.column))
    }

    /// The header row of `sheet`: the first of its first filled rows that names every required column.
    private static func findHeader(
        _ sheet: WorkbookParts.Sheet, parts: WorkbookParts, archive: inout WorkbookArchive
    ) throws(LoadError) -> SheetRow? {
        try firstRow(sheet, within: headerSearchRows, parts: parts, archive: &archive) { row in
            guard
                let columns = try? HeaderMatching<ArrangementField>(
                    header: Self.header(row).names, aliases: ArrangementField.aliases, file: "", headerLine: 0)
            else { return false }
            return (try? ArrangementsReader.checkRequiredColumns(columns, format: .xlsx, file: "", headerLine: 0)) != nil
        }
    }

    /// The first of `sheet`'s filled rows (among the first `limit`, when given) that `matches`;
    /// the sheet is read no further.
    private static func firstRow(
        _ sheet: WorkbookParts.Sheet, within limit: Int? = nil, parts: WorkbookParts, archive: inout WorkbookArchive,
        where matches: (SheetRow) -> Bool = { _ in true }
    ) throws(LoadError) -> SheetRow? {
        var found: SheetRow?
        var looked = 0
        do {
            try SheetReader(parts: parts).read(sheet, in: &archive) { row in
                guard !row.isBlank else { return }
                looked += 1
                if matches(row) {
                    found = row
                    throw StopReading()
                }
                if let limit, looked >= limit { throw StopReading() }
            }
        } catch is StopReading {
        } catch {
            throw loadError(error, file: archive.file, part: "sheet \(CellReading.quoted(sheet.name))")
        }
        return found
    }

    private static func readRows(
        _ sheet: WorkbookParts.Sheet, header headerRow: SheetRow, parts: WorkbookParts, archive: inout WorkbookArchive,
        file: String, organisationsFile: String?, into builder: inout RegisterBuilder, diagnostics: inout [Diagnostic],
        progress: ((Double) -> Void)?
    ) throws(LoadError) {
        let header = Self.header(headerRow)
        var rows = try ArrangementRows(
            file: file, sheet: sheet.name, header: header.names, headerLine: headerRow.number, format: .xlsx,
            organisationsFile: organisationsFile)
        builder.setExtraColumns(rows.columns.extraColumns.map { rows.header[$0] })
        builder.setSheet(sheet.name)
        // Each column of the sheet's place among the header's, or -1 for a column with no heading.
        let width = (header.columns.max() ?? 0) + 1
        var place = [Int](repeating: -1, count: width)
        for (index, column) in header.columns.enumerated() { place[column] = index }
        let positions = header.columns.map { CellPosition(line: 0, column: $0 + 1) }
        var unheaded = Set<Int>()
        var formatWarnings: [Diagnostic] = []
        var fields = [String](repeating: "", count: header.names.count)
        // One thread inflates the sheet and reads its XML into rows; this one checks the
        // rows into the register meanwhile.
        let handoff = BatchHandoff<SheetRow>(capacity: 8)
        let reading = HandedOver(archive)
        let reader = SheetReader(parts: parts)
        // How far the inflating has got, for the progress shown while a large sheet loads.
        let sheetBytes = max(1, archive.declaredSize(sheet.path))
        let inflated = ProgressCounter()
        let inflating = Thread {
            var batch: [SheetRow] = []
            do {
                try reader.read(sheet, in: &reading.value, inflated: { inflated.bytesRead.add($0, ordering: .relaxed) }) {
                    row in
                    guard row.number > headerRow.number else { return }
                    batch.append(row)
                    if batch.count == 1_024 {
                        handoff.put(batch)
                        batch = []
                    }
                }
                handoff.put(batch)
                handoff.finish(failure: nil)
            } catch {
                handoff.put(batch)
                handoff.finish(failure: error)
            }
        }
        inflating.start()
        do {
            while let batch = try handoff.take() {
                progress?(min(1, Double(inflated.bytesRead.load(ordering: .relaxed)) / Double(sheetBytes)))
                for row in batch {
                    for (column, message) in row.problems {
                        diagnostics.append(
                            Diagnostic(
                                file: file, sheet: sheet.name, line: row.number, column: column + 1, severity: .warning,
                                message: "cell \(message)"))
                    }
                    guard !row.isBlank else { continue }
                    for index in fields.indices { fields[index] = "" }
                    for (column, value) in row.cells {
                        if column < width && place[column] >= 0 {
                            fields[place[column]] = value
                        } else if !value.isBlank && unheaded.insert(column).inserted {
                            formatWarnings.append(
                                Diagnostic(
                                    file: file, sheet: sheet.name, line: row.number, column: column + 1,
                                    severity: .warning,
                                    message: "column \(SheetReference.letters(column)) has values but no heading in row "
                                        + "\(headerRow.number); they are not read"))
                        }
                    }
                    let rowPositions = positions.map { CellPosition(line: row.number, column: $0.column) }
                    rows.read(
                        TableRow(fields: fields, line: row.number, positions: rowPositions), into: &builder,
                        diagnostics: &diagnostics)
                }
            }
        } catch {
            throw loadError(error, file: file, part: "sheet \(CellReading.quoted(sheet.name))")
        }
        rows.finish(formatWarnings: formatWarnings, builder: builder, diagnostics: &diagnostics)
    }

    /// What stopped a part being read, as one sentence.
    private static func loadError(_ error: any Error, file: String, part: String) -> LoadError {
        switch error {
        case let error as LoadError: return error
        case let error as XMLStream.Malformed:
            return LoadError(file: file, message: "is a damaged workbook: the XML of \(part) is not well formed (\(error.reason))")
        default:
            return LoadError(file: file, message: "is a damaged workbook: \(part) could not be read")
        }
    }
}

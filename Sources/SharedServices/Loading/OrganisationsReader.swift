/// Reads the organisations file: the councils and other bodies partners resolve against.
enum OrganisationsReader {
    static func read(
        bytes: [UInt8], file: String, into builder: inout RegisterBuilder, diagnostics: inout [Diagnostic]
    ) throws(LoadError) {
        let format = RegisterFormat.detect(path: file, bytes: bytes)
        var reader = try TableReader(bytes: bytes, file: file, format: format)
        let columns = try HeaderMatching<OrganisationField>(
            header: reader.header, aliases: OrganisationField.aliases, file: file, headerLine: reader.headerLine)
        guard columns.columnOf[.name] != nil else {
            throw LoadError(
                file: file, line: reader.headerLine,
                message: "the required column \"name\" is missing; the header has: " + CellReading.listed(reader.header))
        }
        builder.setOrganisationExtraColumns(columns.extraColumns.map { reader.header[$0] })
        // An optional column the schema does not know, kept among the extra columns: the
        // councils a fire service or police force covers, as GSS codes (OrganisationTable.covers).
        let coversColumns = columns.extraColumns.filter { OrganisationTable.isCoversColumn(reader.header[$0]) }
        if coversColumns.count > 1 {
            diagnostics.append(
                Diagnostic(
                    file: file, line: reader.headerLine, field: reader.header[coversColumns[1]], severity: .warning,
                    message: "columns \(coversColumns[0] + 1) (\"\(CellReading.columnName(reader.header[coversColumns[0]]))\") "
                        + "and \(coversColumns[1] + 1) (\"\(CellReading.columnName(reader.header[coversColumns[1]]))\") "
                        + "both give the councils covered; the first is used"))
        }
        let coversColumn = coversColumns.first
        // The covers cells of the rows kept, checked once every council is listed.
        var coverCells: [(line: Int, position: CellPosition?, text: String)] = []
        let firstDiagnostic = diagnostics.count

        var firstLineOfName: [String: Int] = [:]
        while let row = try reader.next() {
            func report(_ severity: Diagnostic.Severity, _ field: OrganisationField?, _ message: String) {
                let title = field.map { columns.title($0) }
                diagnostics.append(
                    Diagnostic(
                        file: file, line: row.line, field: title, severity: severity,
                        message: title.map { "\($0) \(message)" } ?? "row \(message)"))
            }
            if let problem = row.unreadable {
                report(.error, nil, "\(problem); left out")
                continue
            }
            if row.isBlank { continue }
            guard row.fields.count == reader.header.count else {
                report(.error, nil, "has \(row.fields.count) fields but the header has \(reader.header.count); left out")
                continue
            }
            let name = columns.value(.name, in: row.fields).trimmingWhitespace()
            guard !name.isEmpty else {
                report(.error, nil, "has no \(columns.title(.name)); left out")
                continue
            }
            let key = OrganisationName.normalised(name)
            if let first = firstLineOfName[key] {
                report(.error, .name, "\(CellReading.quoted(name)) is already listed on line \(first); left out")
                continue
            }
            firstLineOfName[key] = row.line

            let sectorText = columns.value(.sector, in: row.fields).trimmingWhitespace()
            var sector = Sector(name: sectorText)
            if sector == nil {
                sector = Sector.guessed(fromName: name)
                if !sectorText.isEmpty {
                    report(
                        .warning, .sector,
                        "\(CellReading.quoted(sectorText)) is not council, fire, police, health or other; "
                            + "taken to be \(sector?.name ?? "other") from the name")
                }
            }
            let latitude = coordinate(.lat, in: row.fields, columns: columns, range: -90...90, report: report)
            let longitude = coordinate(.long, in: row.fields, columns: columns, range: -180...180, report: report)
            for (position, value) in row.fields.enumerated()
            where CellReading.containsControlCharacters(value) {
                // About a column, which may be one the schema does not know: named as the header spells it.
                diagnostics.append(
                    Diagnostic(
                        file: file, line: row.line, field: reader.header[position], severity: .warning,
                        message: "\(CellReading.columnName(reader.header[position])) contains control characters "
                            + "(escape codes or similar); they are shown as symbols"))
            }
            builder.addListedOrganisation(
                name: name, sector: sector ?? .other, type: columns.value(.type, in: row.fields).trimmingWhitespace(),
                region: builder.internRegion(columns.value(.region, in: row.fields).trimmingWhitespace()),
                gssCode: columns.value(.gssCode, in: row.fields).trimmingWhitespace(),
                latitude: latitude, longitude: longitude,
                extras: columns.extraColumns.map { row.fields[$0] })
            if let coversColumn, !row.fields[coversColumn].isBlank {
                coverCells.append(
                    (row.line, row.positions.flatMap { $0.indices.contains(coversColumn) ? $0[coversColumn] : nil },
                     row.fields[coversColumn]))
            }
        }
        if let coversColumn {
            checkCoverage(
                coverCells, title: CellReading.columnName(reader.header[coversColumn]), file: file,
                organisations: builder.organisations, diagnostics: &diagnostics)
            // Among the rows' own, in line order (stable; the rows' are in order already).
            let ordered = diagnostics[firstDiagnostic...].enumerated().sorted { left, right in
                let (leftLine, rightLine) = (left.element.line ?? .max, right.element.line ?? .max)
                return leftLine != rightLine ? leftLine < rightLine : left.offset < right.offset
            }
            diagnostics.replaceSubrange(firstDiagnostic..., with: ordered.map(\.element))
        }
        diagnostics.append(contentsOf: reader.formatWarnings)
    }

    /// Warns, at its cell, of each covers cell naming codes that no listed council has
    /// (they are left out of `OrganisationTable.covers`); one warning a cell.
    private static func checkCoverage(
        _ cells: [(line: Int, position: CellPosition?, text: String)], title: String, file: String,
        organisations: OrganisationTable, diagnostics: inout [Diagnostic]
    ) {
        let shownCount = 3
        for cell in cells {
            var unknown: [Substring] = []
            var seen: Set<Substring> = []
            for code in OrganisationTable.coverCodes(in: cell.text)
            where organisations.council(withGSSCode: code) == nil && seen.insert(code).inserted {
                unknown.append(code)
            }
            guard !unknown.isEmpty else { continue }
            var named = unknown.prefix(shownCount).map { CellReading.quoted(String($0)) }
            if unknown.count > shownCount { named.append("\(unknown.count - shownCount) more") }
            let list = named.count == 1 ? named[0] : named.dropLast().joined(separator: ", ") + " and " + named[named.count - 1]
            let what = unknown.count == 1 ? "is not the GSS code of a council" : "are not GSS codes of councils"
            diagnostics.append(
                Diagnostic(
                    file: file, line: cell.position?.line ?? cell.line, column: cell.position?.column, field: title,
                    severity: .warning,
                    message: "\(title) \(list) \(what) in \(file.split(separator: "/").last.map(String.init) ?? file); "
                        + "left out of the councils covered"))
        }
    }

    private static func coordinate(
        _ field: OrganisationField, in fields: [String], columns: HeaderMatching<OrganisationField>,
        range: ClosedRange<Double>, report: (Diagnostic.Severity, OrganisationField?, String) -> Void
    ) -> Double? {
        let text = columns.value(field, in: fields).trimmingWhitespace()
        if text.isEmpty { return nil }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            report(.warning, field, "\(CellReading.quoted(text)) is not a \(field == .lat ? "latitude" : "longitude"); left blank")
            return nil
        }
        return value
    }
}

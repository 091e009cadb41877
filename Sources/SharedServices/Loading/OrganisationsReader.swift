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
        }
        diagnostics.append(contentsOf: reader.formatWarnings)
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

/// Where each arrangement field sits in the file's records (-1 when the file has no
/// such column).
struct ArrangementLayout: Sendable {
    let fieldCount: Int
    let id, name, serviceArea, service, partners, lead, region, startYear: Int
    let status, savingsToDate, savingsLatestYear, description, provenance, source: Int
    let savingsToDateQualifier, savingsLatestYearQualifier: Int
    let extraColumns: [Int]

    init(_ columns: HeaderMatching<ArrangementField>) {
        func at(_ field: ArrangementField) -> Int { columns.columnOf[field] ?? -1 }
        fieldCount = columns.header.count
        id = at(.id)
        name = at(.name)
        serviceArea = at(.serviceArea)
        service = at(.service)
        partners = at(.partners)
        lead = at(.lead)
        region = at(.region)
        startYear = at(.startYear)
        status = at(.status)
        savingsToDate = at(.savingsToDate)
        savingsLatestYear = at(.savingsLatestYear)
        savingsToDateQualifier = at(.savingsToDateQualifier)
        savingsLatestYearQualifier = at(.savingsLatestYearQualifier)
        description = at(.description)
        provenance = at(.provenance)
        source = at(.source)
        extraColumns = columns.extraColumns
    }
}

/// The rows of one stretch of the file, read on one core. Ordinary rows are stored
/// as columns, with categories and partner names numbered within the stretch; rows
/// that need a diagnostic are kept as their cells, to be read by `ArrangementRows` in
/// file order when the stretches are put together.
struct ArrangementStretch: Sendable {
    var ids = TextColumn()
    var idHashes: [UInt64] = []
    /// Copied while their bytes are still in the cache, so that the file's pages can be
    /// given back as soon as the stretch is read.
    var names = TextColumn()
    var descriptions = TextColumn()
    /// Stretch-local ids into the spellings below, or -1 for empty.
    var serviceAreas: [Int32] = []
    var services: [Int32] = []
    var regions: [Int32] = []
    var sources: [Int32] = []
    var leads: [Int32] = []
    /// Partners of ordinary row `r` are `partners[partnerStarts[r]..<partnerStarts[r + 1]]`.
    var partnerStarts: [Int32] = [0]
    var partners: [Int32] = []
    var startYears: [Int16] = []
    var statusCodes: [UInt8] = []
    var provenanceCodes: [UInt8] = []
    var savingsToDate: [Int64] = []
    var savingsLatestYear: [Int64] = []
    /// `SavingsQualifier.rawValue` of each figure (exact where there is none).
    var savingsToDateQualifiers: [UInt8] = []
    var savingsLatestYearQualifiers: [UInt8] = []
    /// Line of each ordinary row, counted from the stretch's first line (0).
    var lines: [Int32] = []
    /// Where each ordinary row's record starts in the file, to find a cell for a message.
    var recordStarts: [Int] = []
    var extras: [[String]] = []

    var serviceAreaSpellings = ByteInterner()
    var serviceSpellings = ByteInterner()
    var regionSpellings = ByteInterner()
    var sourceSpellings = ByteInterner()
    /// Partner and lead names, as written but for the spaces around them.
    var partnerSpellings = ByteInterner()

    /// A row that needs a diagnostic: its cells as the file holds them (`ArrangementRows`
    /// takes an export's guard off them, as it does for every reader), and where each starts.
    struct UnusualRow: Sendable {
        /// How many ordinary rows of the stretch come before it.
        var ordinaryRowsBefore: Int
        var fields: [String]
        /// Lines counted from the stretch's first line (0).
        var positions: [CellPosition]
        var line: Int
    }

    var unusualRows: [UnusualRow] = []

    /// A place in the file, with the start and line (from the stretch's first, 0) of its
    /// record, from which its line and column are found when a message needs them.
    struct Place: Sendable {
        var offset: Int
        var recordStart: Int
        var line: Int
    }

    /// Places that stray from RFC 4180 but were read, for warnings.
    var quirks: [(kind: CSVRecordScanner.Quirk.Kind, place: Place)] = []
    /// A quote never closed, which stops the file loading: where it opened.
    var unclosedQuote: Place?
    /// Line ends read in the stretch.
    var lineEnds = 0
    /// Where reading stopped: the start of the next stretch, if the split was right.
    var end = 0

    var ordinaryRowCount: Int { lines.count }

    /// Room for `rows` rows, so the columns do not grow (and copy) as they fill.
    mutating func reserveCapacity(_ rows: Int) {
        ids.reserveCapacity(rows: rows, bytes: rows * 12)
        idHashes.reserveCapacity(rows)
        names.reserveCapacity(rows: rows, bytes: rows * 64)
        descriptions.reserveCapacity(rows: rows, bytes: rows * 128)
        for column in [\ArrangementStretch.serviceAreas, \.services, \.regions, \.sources, \.leads] {
            self[keyPath: column].reserveCapacity(rows)
        }
        partnerStarts.reserveCapacity(rows + 1)
        partners.reserveCapacity(rows * 5)
        startYears.reserveCapacity(rows)
        statusCodes.reserveCapacity(rows)
        provenanceCodes.reserveCapacity(rows)
        savingsToDate.reserveCapacity(rows)
        savingsLatestYear.reserveCapacity(rows)
        savingsToDateQualifiers.reserveCapacity(rows)
        savingsLatestYearQualifiers.reserveCapacity(rows)
        lines.reserveCapacity(rows)
        recordStarts.reserveCapacity(rows)
    }
}

/// Reads one stretch of a CSV arrangements file into an `ArrangementStretch`, scanning
/// bytes and making no String for an ordinary cell.
struct ArrangementStretchReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let layout: ArrangementLayout
    private var scanner: CSVRecordScanner
    private var stretch = ArrangementStretch()
    private var rowPartners = RowPartners()

    private static let semicolon: UInt8 = 0x3B
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
    private static let tab: UInt8 = 0x09
    private static let space: UInt8 = 0x20

    init(bytes: UnsafeBufferPointer<UInt8>, layout: ArrangementLayout) {
        self.bytes = bytes
        self.layout = layout
        scanner = CSVRecordScanner(bytes: bytes)
    }

    /// Reads the records that start in `start..<boundary`; the last may run past it.
    /// `reportProgress` is told how many bytes were read, every megabyte or so.
    consuming func read(from start: Int, to boundary: Int, reportProgress: (Int) -> Void) -> ArrangementStretch {
        var index = start
        var reported = start
        var reservedRoom = false
        while index < boundary {
            // Blank lines, or lines of only spaces and tabs, carry no data.
            if let blankEnd = scanner.blankLineEnd(from: index) {
                index = blankEnd < bytes.count ? scanner.consumeLineEnd(at: blankEnd) : blankEnd
                continue
            }
            let line = scanner.lineEnds
            switch scanner.scan(at: index) {
            case .unclosedQuote(let openingQuote):
                stretch.unclosedQuote = ArrangementStretch.Place(offset: openingQuote, recordStart: index, line: line)
                index = bytes.count
            case .record(let end):
                for quirk in scanner.quirks {
                    stretch.quirks.append(
                        (quirk.kind, ArrangementStretch.Place(offset: quirk.offset, recordStart: index, line: line)))
                }
                if !storeOrdinaryRow(line: line, recordStart: index) {
                    stretch.unusualRows.append(
                        ArrangementStretch.UnusualRow(
                            ordinaryRowsBefore: stretch.ordinaryRowCount, fields: scanner.strings(),
                            positions: scanner.fieldPositions(recordStart: index, recordLine: line), line: line))
                }
                index = end
            }
            if stretch.ordinaryRowCount == 1_024 && !reservedRoom {
                // Estimate the stretch's rows from its first thousand.
                reservedRoom = true
                let perRow = Double(index - start) / 1_024
                stretch.reserveCapacity(Int(Double(boundary - start) / perRow * 1.05) + 1_024)
            }
            if index - reported >= 1 << 20 {
                reportProgress(index - reported)
                reported = index
            }
        }
        reportProgress(max(0, index - reported))
        stretch.lineEnds = scanner.lineEnds
        stretch.end = index
        return stretch
    }

    /// The cell at `position` of the record, without an export's guard against formulas;
    /// empty when the column is absent.
    private func cell(_ position: Int) -> UnsafeBufferPointer<UInt8> {
        guard position >= 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        let value = scanner.value(position)
        return SpreadsheetSafety.isGuarded(value) ? UnsafeBufferPointer(rebasing: value.dropFirst()) : value
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == lineFeed || byte == carriageReturn
    }

    /// `value` without spaces, tabs and line breaks at either end; nil when an end is not ASCII
    /// (it might be a non-breaking space, which only the careful reader trims).
    private static func trimmed(_ value: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        var start = 0
        var end = value.count
        while start < end && Self.isSpace(value[start]) { start += 1 }
        while end > start && Self.isSpace(value[end - 1]) { end -= 1 }
        if start < end && (value[start] >= 0x80 || value[end - 1] >= 0x80) { return nil }
        return UnsafeBufferPointer(rebasing: value[start..<end])
    }

    private func trimmedCell(_ position: Int) -> UnsafeBufferPointer<UInt8>? {
        Self.trimmed(cell(position))
    }

    /// A category: interned as written, unless blank. Static, so that interning into the
    /// stretch does not make the compiler copy the whole reader to call it.
    private static func category(_ value: UnsafeBufferPointer<UInt8>, in spellings: inout ByteInterner) -> Int32? {
        guard let key = trimmed(value) else { return nil }
        return key.isEmpty ? -1 : spellings.intern(value)
    }

    /// Checks and stores the current record as an ordinary row; false (storing nothing)
    /// when any cell needs a diagnostic or a closer look.
    private mutating func storeOrdinaryRow(line: Int, recordStart: Int) -> Bool {
        guard scanner.fieldCount == layout.fieldCount, !scanner.hasControlCharacters else { return false }
        for position in 0..<scanner.fieldCount where scanner.valueHasNonASCII[position] {
            if CellReading.containsControlCharacters(scanner.string(position)) { return false }
        }
        let id = cell(layout.id)
        let name = cell(layout.name)
        let serviceAreaCell = cell(layout.serviceArea)
        let serviceCell = cell(layout.service)
        let regionCell = cell(layout.region)
        guard let idKey = Self.trimmed(id), !idKey.isEmpty, let nameKey = Self.trimmed(name), !nameKey.isEmpty,
            let startYear = year(layout.startYear),
            let status = statusCode(layout.status), let provenance = provenanceCode(layout.provenance),
            let savingsToDate = money(layout.savingsToDate, qualifiedBy: layout.savingsToDateQualifier),
            let savingsLatestYear = money(layout.savingsLatestYear, qualifiedBy: layout.savingsLatestYearQualifier),
            let leadName = trimmedCell(layout.lead),
            readPartners(cell(layout.partners)),
            let serviceArea = Self.category(serviceAreaCell, in: &stretch.serviceAreaSpellings),
            let service = Self.category(serviceCell, in: &stretch.serviceSpellings),
            !(serviceArea < 0 && service < 0),
            let region = Self.category(regionCell, in: &stretch.regionSpellings)
        else { return false }

        // An id is a key, matched and kept without the spaces around it.
        stretch.ids.append(idKey)
        stretch.idHashes.append(ByteInterner.hash(idKey))
        stretch.names.append(name)
        stretch.descriptions.append(cell(layout.description))
        stretch.serviceAreas.append(serviceArea)
        stretch.services.append(service)
        stretch.regions.append(region)
        // Sources are interned even when empty, as the careful reader does.
        stretch.sources.append(stretch.sourceSpellings.intern(cell(layout.source)))
        stretch.partners.append(contentsOf: rowPartners.ids)
        stretch.partnerStarts.append(Int32(stretch.partners.count))
        stretch.leads.append(leadName.isEmpty ? -1 : stretch.partnerSpellings.intern(leadName))
        stretch.startYears.append(startYear)
        stretch.statusCodes.append(status)
        stretch.provenanceCodes.append(provenance)
        stretch.savingsToDate.append(savingsToDate.pounds)
        stretch.savingsLatestYear.append(savingsLatestYear.pounds)
        stretch.savingsToDateQualifiers.append(savingsToDate.qualifier.rawValue)
        stretch.savingsLatestYearQualifiers.append(savingsLatestYear.qualifier.rawValue)
        stretch.lines.append(Int32(clamping: line))
        stretch.recordStarts.append(recordStart)
        if !layout.extraColumns.isEmpty {
            stretch.extras.append(layout.extraColumns.map { String(decoding: cell($0), as: UTF8.self) })
        }
        return true
    }

    /// Splits the partners cell on ";" and line breaks into `rowPartners`; false when a
    /// name is listed twice or none is given (both need a warning).
    private mutating func readPartners(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        rowPartners.removeAll()
        var start = 0
        while start <= value.count {
            var end = start
            while end < value.count && value[end] != Self.semicolon && value[end] != Self.lineFeed
                && value[end] != Self.carriageReturn
            {
                end += 1
            }
            guard let name = Self.trimmed(UnsafeBufferPointer(rebasing: value[start..<end])) else { return false }
            if !name.isEmpty {
                let id = stretch.partnerSpellings.intern(name)
                if !rowPartners.insert(id) { return false }
            }
            start = end + 1
        }
        return !rowPartners.isEmpty
    }

    /// Four digits of a plausible year, or blank; nil for anything needing a closer look.
    private func year(_ position: Int) -> Int16? {
        let value = cell(position)
        if value.isEmpty { return 0 }
        guard value.count == 4 else { return nil }
        var year = 0
        for byte in value {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            year = year * 10 + Int(digit)
        }
        return CellReading.plausibleYears.contains(year) ? Int16(year) : nil
    }

    /// A figure and how exactly it is known: whole pounds written as plain digits (or
    /// blank) with no qualifier; otherwise the careful reading when it needs no note; nil
    /// when it does.
    private func money(
        _ position: Int, qualifiedBy qualifierPosition: Int
    ) -> (pounds: Int64, qualifier: SavingsQualifier)? {
        let value = cell(position)
        let qualifier = cell(qualifierPosition)
        if qualifier.isEmpty, let pounds = plainPounds(value) { return (pounds, .exact) }
        let reading = CellReading.savings(
            String(decoding: value, as: UTF8.self), qualifier: String(decoding: qualifier, as: UTF8.self))
        guard reading.amountNote == nil && reading.qualifierNote == nil else { return nil }
        return (reading.pounds ?? Register.notReported, reading.qualifier)
    }

    /// Up to 11 digits, written plainly (`1234567`) or as a spreadsheet shows pounds
    /// (`£1,234,567`: a pound sign and commas between groups of three); blank is not
    /// reported. Nil for anything else, which the careful reading takes.
    private func plainPounds(_ value: UnsafeBufferPointer<UInt8>) -> Int64? {
        if value.isEmpty { return Register.notReported }
        var start = 0
        if value.count > 2 && value[0] == 0xC2 && value[1] == 0xA3 { start = 2 }  // £
        guard value.count - start <= 15 else { return nil }
        var pounds: Int64 = 0
        var digits = 0
        var digitsSinceComma = -1  // no comma yet
        for index in start..<value.count {
            let byte = value[index]
            if byte == UInt8(ascii: ",") {
                // Groups of three after a first group of one to three.
                guard digitsSinceComma == -1 ? (1...3).contains(digits) : digitsSinceComma == 3 else { return nil }
                digitsSinceComma = 0
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            pounds = pounds * 10 + Int64(digit)
            digits += 1
            if digitsSinceComma >= 0 { digitsSinceComma += 1 }
        }
        guard digits > 0, digits <= 11, digitsSinceComma == -1 || digitsSinceComma == 3 else { return nil }
        return pounds
    }

    private func statusCode(_ position: Int) -> UInt8? {
        guard let value = trimmedCell(position) else { return nil }
        if value.isEmpty { return UInt8.max }
        for status in Status.allCases where matches(value, status.name) { return status.rawValue }
        return Status(name: String(decoding: value, as: UTF8.self))?.rawValue
    }

    private func provenanceCode(_ position: Int) -> UInt8? {
        guard let value = trimmedCell(position) else { return nil }
        if value.isEmpty { return UInt8.max }
        for provenance in Provenance.allCases where matches(value, provenance.name) { return provenance.rawValue }
        return Provenance(name: String(decoding: value, as: UTF8.self))?.rawValue
    }

    private func matches(_ value: UnsafeBufferPointer<UInt8>, _ word: String) -> Bool {
        value.count == word.utf8.count && zip(value, word.utf8).allSatisfy { $0 == $1 }
    }
}

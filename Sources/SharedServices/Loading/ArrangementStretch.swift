/// Where each arrangement field sits in the file's records (-1 when the file has no
/// such column).
struct ArrangementLayout: Sendable {
    let fieldCount: Int
    let id, name, serviceArea, service, partners, lead, region, startYear: Int
    let status, savingsToDate, savingsLatestYear, description, provenance, source: Int
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
        description = at(.description)
        provenance = at(.provenance)
        source = at(.source)
        extraColumns = columns.extraColumns
    }
}

/// The rows of one stretch of the file, read on one core. Ordinary rows are stored
/// as columns, with categories and partner names numbered within the stretch; rows
/// out of the ordinary (anything that needs a diagnostic, unescaping or a closer
/// look) are kept as byte ranges, to be read row by row in file order when the
/// stretches are put together.
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
    /// Line of each ordinary row, counted from the stretch's first line (0).
    var lines: [Int32] = []
    var extras: [[String]] = []

    var serviceAreaSpellings = ByteInterner()
    var serviceSpellings = ByteInterner()
    var regionSpellings = ByteInterner()
    var sourceSpellings = ByteInterner()
    /// Partner and lead names, exactly as written.
    var partnerSpellings = ByteInterner()

    struct UnusualRow: Sendable {
        /// How many ordinary rows of the stretch come before it.
        var ordinaryRowsBefore: Int
        var bytes: Range<Int>
        var line: Int
    }

    var unusualRows: [UnusualRow] = []
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
        lines.reserveCapacity(rows)
    }
}

/// Reads one stretch of a CSV arrangements file into an `ArrangementStretch`, scanning
/// bytes and making no String for an ordinary cell.
struct ArrangementStretchReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let layout: ArrangementLayout
    private var stretch = ArrangementStretch()
    // The current record's fields, reused from record to record.
    private var fieldStarts: [Int] = []
    private var fieldEnds: [Int] = []
    private var fieldHasNonASCII: [Bool] = []
    private var rowPartners = RowPartners()

    private static let quote: UInt8 = 0x22
    private static let comma: UInt8 = 0x2C
    private static let semicolon: UInt8 = 0x3B
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
    private static let tab: UInt8 = 0x09
    private static let space: UInt8 = 0x20

    init(bytes: UnsafeBufferPointer<UInt8>, layout: ArrangementLayout) {
        self.bytes = bytes
        self.layout = layout
    }

    /// Reads the records that start in `start..<boundary`; the last may run past it.
    /// `reportProgress` is told how many bytes were read, every megabyte or so.
    consuming func read(from start: Int, to boundary: Int, reportProgress: (Int) -> Void) -> ArrangementStretch {
        var index = start
        var reported = start
        var reservedRoom = false
        while index < boundary {
            // Blank lines, or lines of only spaces and tabs, are skipped as the careful reader skips them.
            var afterBlanks = index
            while afterBlanks < bytes.count && (bytes[afterBlanks] == Self.space || bytes[afterBlanks] == Self.tab) {
                afterBlanks += 1
            }
            if afterBlanks == bytes.count && afterBlanks > index {
                index = afterBlanks
                break
            }
            if afterBlanks < bytes.count && (bytes[afterBlanks] == Self.lineFeed || bytes[afterBlanks] == Self.carriageReturn) {
                index = consumeLineEnd(at: afterBlanks)
                continue
            }
            let line = stretch.lineEnds
            let (end, ordinary) = scanRecord(at: index)
            if !ordinary || !storeOrdinaryRow(line: line) {
                stretch.unusualRows.append(
                    ArrangementStretch.UnusualRow(
                        ordinaryRowsBefore: stretch.ordinaryRowCount, bytes: index..<end, line: line))
            }
            index = end
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
        stretch.end = index
        return stretch
    }

    private mutating func consumeLineEnd(at index: Int) -> Int {
        stretch.lineEnds += 1
        if bytes[index] == Self.carriageReturn && index + 1 < bytes.count && bytes[index + 1] == Self.lineFeed {
            return index + 2
        }
        return index + 1
    }

    /// Finds the fields of the record at `start` exactly as `CSVParser` would, and the
    /// index after it. Not ordinary: quotes that need unescaping, line breaks inside
    /// quotes, stray quotes, control characters, or an unclosed quote.
    private mutating func scanRecord(at start: Int) -> (end: Int, ordinary: Bool) {
        fieldStarts.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldHasNonASCII.removeAll(keepingCapacity: true)
        let count = bytes.count
        guard let base = bytes.baseAddress else { return (start, false) }
        let raw = UnsafeRawPointer(base)
        var index = start
        var ordinary = true
        while true {
            var fieldStart = index
            var fieldEnd = index
            var nonASCII = false
            if index < count && bytes[index] == Self.quote {
                index += 1
                fieldStart = index
                while true {
                    guard index < count else { return (count, false) }
                    if index + 8 <= count {
                        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                        let special = Self.specialBytes(in: word, insideQuotes: true)
                        if special == 0 {
                            index += 8
                            continue
                        }
                        index += special.trailingZeroBitCount / 8
                    }
                    let byte = bytes[index]
                    if byte == Self.quote {
                        if index + 1 < count && bytes[index + 1] == Self.quote {
                            ordinary = false
                            index += 2
                            continue
                        }
                        fieldEnd = index
                        index += 1
                        break
                    }
                    if byte == Self.lineFeed || byte == Self.carriageReturn {
                        ordinary = false
                        index = consumeLineEnd(at: index)
                        continue
                    }
                    if byte >= 0x80 {
                        nonASCII = true
                    } else if (byte < 0x20 && byte != Self.tab) || byte == 0x7F {
                        ordinary = false
                    }
                    index += 1
                }
                if index < count && !isFieldEnd(bytes[index]) {
                    ordinary = false  // text after the closing quote
                    while index < count && !isFieldEnd(bytes[index]) { index += 1 }
                }
            } else {
                while index < count {
                    // Skip eight ordinary bytes at a time; stop on the word holding the first other one.
                    if index + 8 <= count {
                        let special = Self.specialBytes(in: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                        if special == 0 {
                            index += 8
                            continue
                        }
                        index += special.trailingZeroBitCount / 8
                    }
                    let byte = bytes[index]
                    if byte >= 0x20 && byte < 0x7F && byte != Self.comma && byte != Self.quote {
                        index += 1
                        continue
                    }
                    if isFieldEnd(byte) { break }
                    if byte >= 0x80 {
                        nonASCII = true
                    } else if byte != Self.tab {
                        ordinary = false  // a stray quote or a control character
                    }
                    index += 1
                }
                fieldEnd = index
            }
            appendField(fieldStart, fieldEnd, nonASCII)
            // A cell guarded against spreadsheet formulas is unguarded by the careful reader.
            if fieldStart < fieldEnd && SpreadsheetSafety.mayBeGuarded(bytes[fieldStart]) { ordinary = false }
            guard index < count else { break }
            if bytes[index] == Self.comma {
                index += 1
                if index >= count || bytes[index] == Self.lineFeed || bytes[index] == Self.carriageReturn {
                    appendField(index, index, false)
                    if index < count { index = consumeLineEnd(at: index) }
                    break
                }
                continue
            }
            index = consumeLineEnd(at: index)
            break
        }
        return (index, ordinary)
    }

    /// 0x80 in each byte of `word` that is not ordinary text: a comma (outside quotes), a quote,
    /// a control character (line ends included), DEL or a byte outside ASCII. Exact for
    /// the lowest such byte, which is all the scan needs.
    @inline(__always)
    private static func specialBytes(in word: UInt64, insideQuotes: Bool = false) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // Inside quotes a comma is text.
        let comma = insideQuotes ? 0 : CSVSplitting.zeroBytes(word ^ (ones &* 0x2C))
        let quote = CSVSplitting.zeroBytes(word ^ (ones &* 0x22))
        let delete = CSVSplitting.zeroBytes(word ^ (ones &* 0x7F))
        let control = CSVSplitting.zeroBytes(word & (ones &* 0xE0))  // bytes below 0x20
        return comma | quote | delete | control | (word & high)
    }

    private func isFieldEnd(_ byte: UInt8) -> Bool {
        byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn
    }

    private mutating func appendField(_ start: Int, _ end: Int, _ nonASCII: Bool) {
        fieldStarts.append(start)
        fieldEnds.append(end)
        fieldHasNonASCII.append(nonASCII)
    }

    private func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// The field at `position` of the record, untrimmed; empty when the column is absent.
    private func raw(_ position: Int) -> Range<Int> {
        position < 0 ? 0..<0 : fieldStarts[position]..<fieldEnds[position]
    }

    /// `range` without spaces and tabs at either end; nil when an end is not ASCII
    /// (it might be a non-breaking space, which only the careful reader trims).
    private func trimmed(_ range: Range<Int>) -> Range<Int>? {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end && (bytes[start] == Self.space || bytes[start] == Self.tab) { start += 1 }
        while end > start && (bytes[end - 1] == Self.space || bytes[end - 1] == Self.tab) { end -= 1 }
        if start < end && (bytes[start] >= 0x80 || bytes[end - 1] >= 0x80) { return nil }
        return start..<end
    }

    private func trimmedField(_ position: Int) -> Range<Int>? {
        trimmed(raw(position))
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: slice(range.lowerBound, range.upperBound), as: UTF8.self)
    }

    /// Checks and stores the current record as an ordinary row; false (storing nothing)
    /// when any cell needs a diagnostic or a closer look.
    private mutating func storeOrdinaryRow(line: Int) -> Bool {
        guard fieldStarts.count == layout.fieldCount else { return false }
        for position in fieldStarts.indices where fieldHasNonASCII[position] {
            if CellReading.containsControlCharacters(text(fieldStarts[position]..<fieldEnds[position])) { return false }
        }
        guard let id = trimmedField(layout.id), !id.isEmpty,
            let name = trimmedField(layout.name), !name.isEmpty,
            let serviceArea = trimmedField(layout.serviceArea), let service = trimmedField(layout.service),
            !(serviceArea.isEmpty && service.isEmpty),
            let lead = trimmedField(layout.lead), let region = trimmedField(layout.region),
            let description = trimmedField(layout.description), let source = trimmedField(layout.source),
            let startYear = year(raw(layout.startYear)),
            let status = statusCode(layout.status), let provenance = provenanceCode(layout.provenance),
            let savingsToDate = money(raw(layout.savingsToDate)),
            let savingsLatestYear = money(raw(layout.savingsLatestYear)),
            readPartners(raw(layout.partners))
        else { return false }

        stretch.ids.append(slice(id.lowerBound, id.upperBound))
        stretch.idHashes.append(ByteInterner.hash(slice(id.lowerBound, id.upperBound)))
        stretch.names.append(slice(name.lowerBound, name.upperBound))
        stretch.descriptions.append(slice(description.lowerBound, description.upperBound))
        stretch.serviceAreas.append(intern(serviceArea, in: &stretch.serviceAreaSpellings))
        stretch.services.append(intern(service, in: &stretch.serviceSpellings))
        stretch.regions.append(intern(region, in: &stretch.regionSpellings))
        // Sources are interned even when empty, as the careful reader does.
        stretch.sources.append(stretch.sourceSpellings.intern(slice(source.lowerBound, source.upperBound)))
        stretch.partners.append(contentsOf: rowPartners.ids)
        stretch.partnerStarts.append(Int32(stretch.partners.count))
        stretch.leads.append(intern(lead, in: &stretch.partnerSpellings))
        stretch.startYears.append(startYear)
        stretch.statusCodes.append(status)
        stretch.provenanceCodes.append(provenance)
        stretch.savingsToDate.append(savingsToDate)
        stretch.savingsLatestYear.append(savingsLatestYear)
        stretch.lines.append(Int32(clamping: line))
        if !layout.extraColumns.isEmpty {
            stretch.extras.append(layout.extraColumns.map { text(raw($0)) })
        }
        return true
    }

    private func intern(_ range: Range<Int>, in spellings: inout ByteInterner) -> Int32 {
        range.isEmpty ? -1 : spellings.intern(slice(range.lowerBound, range.upperBound))
    }

    /// Splits the partners cell on ";" into `rowPartners`; false when a name is listed
    /// twice or none is given (both need a warning).
    private mutating func readPartners(_ range: Range<Int>) -> Bool {
        rowPartners.removeAll()
        var start = range.lowerBound
        while start <= range.upperBound {
            var end = start
            while end < range.upperBound && bytes[end] != Self.semicolon { end += 1 }
            guard let name = trimmed(start..<end) else { return false }
            if !name.isEmpty {
                let id = stretch.partnerSpellings.intern(slice(name.lowerBound, name.upperBound))
                if !rowPartners.insert(id) { return false }
            }
            start = end + 1
        }
        return !rowPartners.isEmpty
    }

    /// Four digits of a plausible year, or blank; nil for anything needing a closer look.
    private func year(_ range: Range<Int>) -> Int16? {
        if range.isEmpty { return 0 }
        guard range.count == 4 else { return nil }
        var year = 0
        for index in range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            year = year * 10 + Int(digit)
        }
        return CellReading.plausibleYears.contains(year) ? Int16(year) : nil
    }

    /// Whole pounds written as plain digits, or blank; otherwise the careful parser's
    /// reading when it needs no note; nil when it does.
    private func money(_ range: Range<Int>) -> Int64? {
        if range.isEmpty { return Register.notReported }
        if range.count <= 11 {
            var pounds: Int64 = 0
            var plain = true
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                if digit >= 10 {
                    plain = false
                    break
                }
                pounds = pounds * 10 + Int64(digit)
            }
            if plain { return pounds }
        }
        switch Money.parse(text(range)) {
        case .notReported: return Register.notReported
        case .amount(let pounds, let note): return note == nil ? pounds : nil
        case .invalid: return nil
        }
    }

    private func statusCode(_ position: Int) -> UInt8? {
        guard let range = trimmedField(position) else { return nil }
        if range.isEmpty { return UInt8.max }
        for status in Status.allCases where matches(range, status.name) { return status.rawValue }
        return Status(name: text(range))?.rawValue
    }

    private func provenanceCode(_ position: Int) -> UInt8? {
        guard let range = trimmedField(position) else { return nil }
        if range.isEmpty { return UInt8.max }
        for provenance in Provenance.allCases where matches(range, provenance.name) { return provenance.rawValue }
        return Provenance(name: text(range))?.rawValue
    }

    private func matches(_ range: Range<Int>, _ word: String) -> Bool {
        range.count == word.utf8.count && zip(range, word.utf8).allSatisfy { bytes[$0] == $1 }
    }
}

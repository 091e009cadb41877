/// Where each arrangement field sits in the file's records (-1 when the file has no
/// such column), by storage and slot as the register keeps them. Each thread reading a
/// file makes its own from the header (see `FastArrangementsReader`).
struct ArrangementLayout: Sendable {
    let fieldCount: Int
    let id: Int
    let partners: Int
    let texts: [Int]
    let interned: [Int]
    /// Per interned slot: kept exactly as written (repeating text), or a category.
    let internedIsExact: [Bool]
    let organisations: [Int]
    let years: [Int]
    let choices: [Int]
    let choiceLists: [Choices]
    /// Each figure's column and its qualifier's.
    let amounts: [(figure: Int, qualifier: Int)]
    /// Columns that must not be blank: a blank one needs a diagnostic.
    let required: [Int]
    /// Groups of columns of which one must not be blank ("service_area or service").
    let groups: [[Int]]
    let extraColumns: [Int]

    /// Without `keepingText`, the text fields have no position: their cells are checked
    /// as every cell is, and not stored.
    init(_ columns: HeaderMatching<ArrangementField>, keepingText: Bool) {
        func at(_ field: ArrangementField) -> Int { columns.columnOf[field] ?? -1 }
        func positions(_ storage: FieldStorage) -> [Int] { ArrangementField.fields(storedAs: storage).map(at) }
        fieldCount = columns.header.count
        id = at(.id)
        partners = ArrangementField.fields(storedAs: .partnerList).first.map(at) ?? -1
        texts = keepingText ? positions(.text) : []
        interned = positions(.interned)
        internedIsExact = ArrangementField.fields(storedAs: .interned).map { $0.kind == .repeatedText }
        organisations = positions(.organisation)
        years = positions(.year)
        choices = positions(.choice)
        choiceLists = ArrangementField.fields(storedAs: .choice).map { field in
            if case .choice(let list) = field.kind { return list }
            return .status
        }
        amounts = ArrangementField.fields(storedAs: .amount).map { (at($0), $0.qualifierField.map(at) ?? -1) }
        required = ArrangementField.schema.filter { $0.requirement == .required }.map { at($0.field) }.filter { $0 >= 0 }
        var groups: [String: [Int]] = [:]
        for spec in ArrangementField.schema {
            if case .oneOf(let group) = spec.requirement { groups[group, default: []].append(at(spec.field)) }
        }
        self.groups = groups.keys.sorted().compactMap { groups[$0] }
        // Copied, as every array here is made afresh: a layout's arrays are its thread's own.
        extraColumns = columns.extraColumns.map { $0 }
    }
}

/// The rows of one stretch of the file, read on one core. Ordinary rows are stored
/// as columns by storage and slot, as the register keeps them, with categories and
/// organisations numbered within the stretch; rows that need a diagnostic are kept as
/// their cells, to be read by `ArrangementRows` in file order when the stretches are
/// put together.
struct ArrangementStretch: Sendable {
    var ids = TextColumn()
    var idHashes: [UInt64] = []
    /// Copied while their bytes are still in the cache, so that the file's pages can be
    /// given back as soon as the stretch is read.
    var texts = [TextColumn](repeating: TextColumn(), count: ArrangementField.fields(storedAs: .text).count)
    /// Whether any ordinary row's text holds a byte outside ASCII (which the scanner sees
    /// anyway), so that the register need not look at every byte again to know.
    var textHasNonASCII = false
    /// Stretch-local ids into each slot's spellings, or -1 for a blank category.
    var interned = [[Int32]](repeating: [], count: ArrangementField.fields(storedAs: .interned).count)
    var internedSpellings = [ByteInterner](
        repeating: ByteInterner(), count: ArrangementField.fields(storedAs: .interned).count)
    /// Stretch-local ids into `partnerSpellings`, or -1 where none is named.
    var organisations = [[Int32]](repeating: [], count: ArrangementField.fields(storedAs: .organisation).count)
    /// Partners of ordinary row `r` are `partners[partnerStarts[r]..<partnerStarts[r + 1]]`.
    var partnerStarts: [Int32] = [0]
    var partners: [Int32] = []
    var years = [[Int16]](repeating: [], count: ArrangementField.fields(storedAs: .year).count)
    var choices = [[UInt8]](repeating: [], count: ArrangementField.fields(storedAs: .choice).count)
    var amounts = [[Int64]](repeating: [], count: ArrangementField.fields(storedAs: .amount).count)
    /// `SavingsQualifier.rawValue` of each figure (exact where there is none).
    var qualifiers = [[UInt8]](repeating: [], count: ArrangementField.fields(storedAs: .amount).count)
    /// Line of each ordinary row, counted from the stretch's first line (0).
    var lines: [Int32] = []
    /// Where each ordinary row's record starts in the file, to find a cell for a message.
    var recordStarts: [Int] = []
    var extras: [[String]] = []
    /// Partner and organisation names, as written but for the spaces around them.
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
    /// Whether a record holds a NUL byte or invalid UTF-8, which stop the file loading.
    var hasEncodingProblem = false
    /// Line ends read in the stretch.
    var lineEnds = 0
    /// Where reading started and stopped: the stretch after starts where this one stops,
    /// if the split was right.
    var start = 0
    var end = 0

    var ordinaryRowCount: Int { lines.count }

    /// Room for `rows` rows, so the columns do not grow (and copy) as they fill.
    mutating func reserveCapacity(_ rows: Int, textBytes: [Int]) {
        ids.reserveCapacity(rows: rows, bytes: rows * 12)
        idHashes.reserveCapacity(rows)
        for slot in texts.indices { texts[slot].reserveCapacity(rows: rows, bytes: textBytes[slot]) }
        for slot in interned.indices { interned[slot].reserveCapacity(rows) }
        for slot in organisations.indices { organisations[slot].reserveCapacity(rows) }
        partnerStarts.reserveCapacity(rows + 1)
        partners.reserveCapacity(rows * 5)
        for slot in years.indices { years[slot].reserveCapacity(rows) }
        for slot in choices.indices { choices[slot].reserveCapacity(rows) }
        for slot in amounts.indices {
            amounts[slot].reserveCapacity(rows)
            qualifiers[slot].reserveCapacity(rows)
        }
        lines.reserveCapacity(rows)
        recordStarts.reserveCapacity(rows)
    }
}

/// Reads one stretch of a CSV arrangements file into an `ArrangementStretch`, scanning
/// bytes and making no String for an ordinary cell.
struct ArrangementStretchReader: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let layout: ArrangementLayout
    /// The layout's positions as the per-row loop reads them.
    private let flat: FlatLayout
    private var scanner: CSVRecordScanner
    private var stretch = ArrangementStretch()
    private var rowPartners = RowPartners()
    /// The numbers of the rows read since they were last appended to the stretch.
    private var batch: RowBatch

    private static let semicolon: UInt8 = 0x3B
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
    private static let tab: UInt8 = 0x09
    private static let space: UInt8 = 0x20

    init(bytes: UnsafeBufferPointer<UInt8>, layout: ArrangementLayout) {
        self.bytes = bytes
        self.layout = layout
        flat = FlatLayout(layout)
        scanner = CSVRecordScanner(bytes: bytes)
        batch = RowBatch(layout)
    }

    /// Ordinary rows read so far, in the stretch or still in the batch.
    private var ordinaryRowCount: Int { stretch.ordinaryRowCount + batch.row }

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
                // A NUL sets the first flag, invalid UTF-8 the second: a record with neither
                // needs no check, and most have neither. Without a NUL, only its fields
                // that are not ASCII need one (in a spreadsheet's file, the "£" of a figure).
                if scanner.hasControlCharacters
                    ? !TextBytes.survey(bytes, range: index..<end).isClean
                    : scanner.hasNonASCII && !scanner.nonASCIIFieldsAreValidUTF8(recordEnd: end)
                {
                    stretch.hasEncodingProblem = true
                }
                for quirk in scanner.quirks {
                    stretch.quirks.append(
                        (quirk.kind, ArrangementStretch.Place(offset: quirk.offset, recordStart: index, line: line)))
                }
                if !storeOrdinaryRow(line: line, recordStart: index) {
                    stretch.unusualRows.append(
                        ArrangementStretch.UnusualRow(
                            ordinaryRowsBefore: ordinaryRowCount, fields: scanner.strings(),
                            positions: scanner.fieldPositions(recordStart: index, recordLine: line), line: line))
                }
                index = end
            }
            if ordinaryRowCount == 1_024 && !reservedRoom {
                // Estimate the stretch's rows from its first thousand.
                reservedRoom = true
                let perRow = Double(index - start) / 1_024
                let rows = Int(Double(boundary - start) / perRow * 1.05) + 1_024
                stretch.reserveCapacity(rows, textBytes: stretch.texts.map { $0.bytes.count * rows / 1_024 })
            }
            if index - reported >= 1 << 20 {
                reportProgress(index - reported)
                reported = index
            }
        }
        reportProgress(max(0, index - reported))
        batch.flush(into: &stretch)
        stretch.lineEnds = scanner.lineEnds
        stretch.start = start
        stretch.end = index
        return stretch
    }

    /// The cell at `position` of the record, without an export's guard against formulas;
    /// empty when the column is absent.
    @inline(__always)
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
    @inline(__always)
    private static func trimmed(_ value: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        // Most cells start and end with printable ASCII (0x21...0x7F): nothing to trim or check.
        if let first = value.first, let last = value.last, first &- 0x21 < 0x5F, last &- 0x21 < 0x5F { return value }
        return trimmedAtEitherEnd(value)
    }

    private static func trimmedAtEitherEnd(_ value: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        var start = 0
        var end = value.count
        while start < end && Self.isSpace(value[start]) { start += 1 }
        while end > start && Self.isSpace(value[end - 1]) { end -= 1 }
        if start < end && (value[start] >= 0x80 || value[end - 1] >= 0x80) { return nil }
        return UnsafeBufferPointer(rebasing: value[start..<end])
    }

    @inline(__always)
    private func trimmedCell(_ position: Int) -> UnsafeBufferPointer<UInt8>? {
        Self.trimmed(cell(position))
    }

    /// A category: interned as written, unless blank. Static, so that interning into the
    /// stretch does not make the compiler copy the whole reader to call it.
    private static func category(_ value: UnsafeBufferPointer<UInt8>, in spellings: inout ByteInterner) -> Int32? {
        guard let key = trimmed(value) else { return nil }
        return key.isEmpty ? -1 : spellings.intern(value)
    }

    /// Whether a column's cell has something besides spaces; nil when it needs a closer look.
    @inline(__always)
    private func isGiven(_ position: Int) -> Bool? {
        guard let value = trimmedCell(position) else { return nil }
        return !value.isEmpty
    }

    /// Checks and stores the current record as an ordinary row; false (storing nothing)
    /// when any cell needs a diagnostic or a closer look. Every number is read and checked
    /// into the batch's row first, which is kept only if all are; text is stored last.
    private mutating func storeOrdinaryRow(line: Int, recordStart: Int) -> Bool {
        guard scanner.fieldCount == layout.fieldCount, !scanner.hasControlCharacters else { return false }
        if scanner.hasNonASCII {
            for position in 0..<scanner.fieldCount where scanner.fields[position].hasNonASCII {
                if CellReading.containsControlCharacters(scanner.value(position)) { return false }
            }
        }
        for position in flat.required where isGiven(position) != true { return false }
        for index in 0..<flat.groupCount {
            var given = false
            for position in flat.group(index) where position >= 0 {
                guard let isGiven = isGiven(position) else { return false }
                given = given || isGiven
            }
            if !given { return false }
        }
        guard let idKey = Self.trimmed(cell(layout.id)), readPartners(cell(layout.partners)) else { return false }
        for (slot, position) in flat.years.enumerated() {
            guard let year = year(position) else { return false }
            batch.years[batch.place(slot)] = year
        }
        for (slot, position) in flat.choices.enumerated() {
            // Blank, one of the words the layout packs, or else looked up in the list.
            guard let value = trimmedCell(position),
                let code = value.isEmpty
                    ? UInt8.max : flat.choiceCode(slot, spelt: value) ?? Self.choiceCode(value, in: flat.choiceLists[slot])
            else { return false }
            batch.choices[batch.place(slot)] = code
        }
        for (slot, figure) in flat.figures.enumerated() {
            guard let amount = Self.money(cell(figure), qualifiedBy: cell(flat.qualifiers[slot])) else { return false }
            batch.pounds[batch.place(slot)] = amount.pounds
            batch.qualifiers[batch.place(slot)] = amount.qualifier.rawValue
        }
        for (slot, position) in flat.organisations.enumerated() {
            guard let name = trimmedCell(position) else { return false }
            batch.organisations[batch.place(slot)] = name.isEmpty ? -1 : stretch.partnerSpellings.intern(name)
        }
        for (slot, position) in flat.interned.enumerated() {
            let value = cell(position)
            if flat.internedIsExact[slot] == 1 {
                // Repeating text is interned even when empty, as the careful reader does.
                batch.interned[batch.place(slot)] = stretch.internedSpellings[slot].intern(value)
            } else {
                guard let id = Self.category(value, in: &stretch.internedSpellings[slot]) else { return false }
                batch.interned[batch.place(slot)] = id
            }
        }

        // An id is a key, matched and kept without the spaces around it.
        stretch.ids.append(idKey)
        batch.idHashes[batch.row] = ByteInterner.hash(idKey)
        for (slot, position) in flat.texts.enumerated() {
            stretch.texts[slot].append(cell(position))
            if scanner.hasNonASCII && position >= 0 && scanner.fields[position].hasNonASCII { stretch.textHasNonASCII = true }
        }
        stretch.partners.append(contentsOf: rowPartners.ids)
        batch.partnerEnds[batch.row] = Int32(stretch.partners.count)
        batch.lines[batch.row] = Int32(clamping: line)
        batch.recordStarts[batch.row] = recordStart
        if !layout.extraColumns.isEmpty {
            stretch.extras.append(layout.extraColumns.map { String(decoding: cell($0), as: UTF8.self) })
        }
        if batch.commitRow() { batch.flush(into: &stretch) }
        return true
    }

    /// Splits the partners cell on ";" and line breaks into `rowPartners`; false when a
    /// name is listed twice or none is given (both need a warning).
    private mutating func readPartners(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        rowPartners.removeAll()
        var start = 0
        while start <= value.count {
            let end = Self.nextSeparator(in: value, from: start)
            guard let name = Self.trimmed(UnsafeBufferPointer(rebasing: value[start..<end])) else { return false }
            if !name.isEmpty {
                let id = stretch.partnerSpellings.intern(name)
                if !rowPartners.insert(id) { return false }
            }
            start = end + 1
        }
        return !rowPartners.isEmpty
    }

    /// The first ";" or line break in `value` from `from` on, or its end: eight bytes at a
    /// time, as a list of five names is a hundred bytes or more.
    private static func nextSeparator(in value: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var index = from
        if let base = value.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            while index + 8 <= value.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let separators = CSVSplitting.zeroBytes(word ^ (ones &* UInt64(semicolon)))
                    | CSVSplitting.zeroBytes(word ^ (ones &* UInt64(lineFeed)))
                    | CSVSplitting.zeroBytes(word ^ (ones &* UInt64(carriageReturn)))
                if separators != 0 { return index + separators.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < value.count && value[index] != semicolon && value[index] != lineFeed
            && value[index] != carriageReturn
        {
            index += 1
        }
        return index
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
    /// Static, as `category` is: as a method of the reader, calling it copied 840 bytes of
    /// the reader at every row.
    private static func money(
        _ value: UnsafeBufferPointer<UInt8>, qualifiedBy qualifier: UnsafeBufferPointer<UInt8>
    ) -> (pounds: Int64, qualifier: SavingsQualifier)? {
        if qualifier.isEmpty, let pounds = plainPounds(value) { return (pounds, .exact) }
        let reading = CellReading.savings(
            String(decoding: value, as: UTF8.self), qualifier: String(decoding: qualifier, as: UTF8.self))
        guard reading.amountNote == nil && reading.qualifierNote == nil else { return nil }
        return (reading.pounds ?? Register.notReported, reading.qualifier)
    }

    /// Up to 11 digits, written plainly (`1234567`) or as a spreadsheet shows pounds
    /// (`£1,234,567`: a pound sign and commas between groups of three); blank is not
    /// reported. Nil for anything else, which the careful reading takes.
    private static func plainPounds(_ value: UnsafeBufferPointer<UInt8>) -> Int64? {
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

    /// A choice's code in its list; nil for a word that is not one of it.
    private static func choiceCode(_ value: UnsafeBufferPointer<UInt8>, in list: Choices) -> UInt8? {
        list.code(String(decoding: value, as: UTF8.self))
    }
}

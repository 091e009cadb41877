/// How a field's values are kept in the register. Every field of one storage is kept in
/// the same kind of column; a field's column is found by its `slot` among them, so a new
/// field in the schema gets its column, reading, sorting and writing without new code.
enum FieldStorage: CaseIterable, Sendable {
    /// The ids, which are the register's keys.
    case key
    case text
    /// Categories, and text that repeats: each distinct value stored once.
    case interned
    /// The partners: the register's one list of organisations per row.
    case partnerList
    case organisation
    case year
    case choice
    case amount
    /// Qualifiers, kept in the column of the figure they qualify.
    case withItsFigure
}

extension FieldKind {
    var storage: FieldStorage {
        switch self {
        case .identifier: return .key
        case .text: return .text
        case .repeatedText, .category: return .interned
        case .organisations: return .partnerList
        case .organisation: return .organisation
        case .year: return .year
        case .choice: return .choice
        case .money: return .amount
        case .qualifier: return .withItsFigure
        }
    }
}

extension ArrangementField {
    /// The field's place among the register's columns of its storage.
    var slot: Int { Self.slots[self] ?? 0 }

    /// The fields kept in each storage, in the schema's order: slot `s` is `fields[s]`.
    static let stored: [FieldStorage: [ArrangementField]] = Dictionary(
        grouping: schema.map(\.field), by: { $0.kind.storage })

    static func fields(storedAs storage: FieldStorage) -> [ArrangementField] { stored[storage] ?? [] }

    private static let slots: [ArrangementField: Int] = {
        var slots: [ArrangementField: Int] = [:]
        for fields in stored.values {
            for (slot, field) in fields.enumerated() { slots[field] = slot }
        }
        return slots
    }()

    /// The qualifier field of a money field, if the schema has one.
    var qualifierField: ArrangementField? { Self.qualifiers[self] }

    private static let qualifiers: [ArrangementField: ArrangementField] = Dictionary(
        uniqueKeysWithValues: schema.compactMap { spec in
            if case .qualifier(let figure) = spec.kind { return (figure, spec.field) }
            return nil
        })
}

/// A column of categories or repeating text: a number per row into its values.
struct InternedColumn: Sendable {
    /// Per row, the value's number; -1 when blank (a category; repeating text keeps even
    /// an empty value).
    var ids: [Int32] = []
    var values: Vocabulary
    /// Cells spelt otherwise than the value they were matched to ("ict" for "ICT"), by row,
    /// so that a row is shown and written out as the file has it.
    var written: [Int32: String] = [:]
    /// Whether values are kept exactly as written: case, spaces and empty values count.
    let isExact: Bool

    init(exact: Bool) {
        isExact = exact
        values = Vocabulary(caseSensitive: exact)
    }

    func value(_ row: Int) -> String? { ids[row] >= 0 ? values[ids[row]] : nil }
    func asWritten(_ row: Int) -> String? { written[Int32(row)] ?? value(row) }

    /// The number of the value a cell holds; a category is interned without the spaces
    /// around it, and a blank one is -1.
    mutating func intern(_ text: String) -> Int32 {
        guard !isExact else { return values.intern(text) }
        let trimmed = text.trimmingWhitespace()
        return trimmed.isEmpty ? -1 : values.intern(trimmed)
    }
}

/// A column of single organisations (the lead): a number per row into the register's
/// organisations, -1 when none is named.
struct OrganisationColumn: Sendable {
    var ids: [Int32] = []
    /// Names written otherwise than the organisation's own, by row.
    var written: [Int32: String] = [:]
}

/// A column of figures in whole pounds, with how exactly each is known.
struct AmountColumn: Sendable {
    /// Per row, the pounds, or `Register.notReported`.
    var pounds: [Int64] = []
    /// `SavingsQualifier.rawValue` of each row's figure; empty while every figure is exact,
    /// as in most registers.
    var qualifiers: [UInt8] = []
    /// Forecasts, kept out of `pounds`: a forecast is not a saving made, and is counted
    /// only when asked (`Register.countingForecasts()`).
    var forecasts: [Int32: Int64] = [:]

    func figure(_ row: Int) -> Int64? { pounds[row] == Register.notReported ? nil : pounds[row] }

    func qualifier(_ row: Int) -> SavingsQualifier {
        qualifiers.isEmpty ? .exact : SavingsQualifier(rawValue: qualifiers[row]) ?? .exact
    }

    /// Row `row`'s qualifier as its bit in a `QualifierSet`: what summaries gather.
    @inline(__always)
    func qualifierBit(_ row: Int) -> UInt8 {
        qualifiers.isEmpty ? QualifierSet.bit(.exact) : 1 << qualifiers[row]
    }

    mutating func reserveCapacity(_ rows: Int) { pounds.reserveCapacity(rows) }

    /// Moves row `row`'s figure, a forecast, out of `pounds` into `forecasts`.
    private mutating func keepForecastOut(_ row: Int) {
        guard pounds[row] != Register.notReported else { return }
        forecasts[Int32(row)] = pounds[row]
        pounds[row] = Register.notReported
    }

    /// Rows `rows` of `pounds` (every row when nil), each qualified as `qualifiers` says;
    /// copied at once while every figure is exact, as in most registers.
    mutating func append(_ rows: [Int]?, ofPounds pounds: [Int64], qualifiers: [UInt8]) {
        if self.qualifiers.isEmpty && !qualifiers.contains(where: { $0 != SavingsQualifier.exact.rawValue }) {
            if let rows { self.pounds.append(contentsOf: rows.lazy.map { pounds[$0] }) } else { self.pounds.append(contentsOf: pounds) }
            return
        }
        for row in rows ?? Array(pounds.indices) {
            append(pounds[row], SavingsQualifier(rawValue: qualifiers[row]) ?? .exact)
        }
    }

    /// `pounds` and `qualifiers` of stretches end to end, keeping of piece `i` only the rows
    /// `kept[i]` (every row when nil): the column appending them one by one would make,
    /// copied on every core.
    static func joined(pounds: [[Int64]], qualifiers: [[UInt8]], keeping kept: [[Int]?]) -> AmountColumn {
        var column = AmountColumn()
        column.pounds = ColumnJoining.joined(pounds, keeping: kept)
        let exact = SavingsQualifier.exact.rawValue
        guard qualifiers.contains(where: { $0.contains { $0 != exact } }) else { return column }
        let joinedQualifiers = ColumnJoining.joined(qualifiers, keeping: kept)
        // The rows kept may all be exact even so: then, as when appending, none is stored.
        guard joinedQualifiers.contains(where: { $0 != exact }) else { return column }
        column.qualifiers = joinedQualifiers
        let forecast = SavingsQualifier.forecast.rawValue
        for row in joinedQualifiers.indices where joinedQualifiers[row] == forecast { column.keepForecastOut(row) }
        return column
    }

    mutating func append(_ figure: Int64, _ qualifier: SavingsQualifier) {
        let row = pounds.count
        pounds.append(figure)
        if qualifier == .forecast { keepForecastOut(row) }
        // Qualifiers are stored only once the column has one that is not exact.
        if qualifiers.isEmpty {
            guard qualifier != .exact else { return }
            qualifiers = [UInt8](repeating: SavingsQualifier.exact.rawValue, count: row)
        }
        qualifiers.append(qualifier.rawValue)
    }
}

/// One way of dividing the register, declared once: its words, its command-line flag,
/// where a filter keeps its chosen values, how a typed name becomes a value, and how
/// arrangements fall into its groups. The filter pickers, the chips and the command
/// line's "Filtered to" line, the summaries and drill-down all loop over `Dimension.all`;
/// adding a dimension is one descriptor below and its place in that list.
public struct Dimension: Sendable, Hashable, CustomStringConvertible {
    /// The name `--by` takes: "service-area".
    public let name: String
    /// "service area", as in "Savings to date by service area".
    public let label: String
    /// "service areas", as in "…and 4 more service areas".
    public let plural: String
    /// The repeatable filter flag (`--service-area`), nil when the dimension is filtered
    /// otherwise (years by `--since` and `--until`).
    public let flag: String?
    /// The flag's help.
    public let flagHelp: String
    /// An arrangement can fall in several groups (each of its partners, each sector), so
    /// shares of these add up to more than 100%.
    public let isMultiValued: Bool
    /// Offered as a filter picker in the dashboard.
    public let isPickable: Bool
    let grouping: Grouping
    let chosenIn: @Sendable (ArrangementFilter) -> Set<Int32>
    let choose: @Sendable (inout ArrangementFilter, Set<Int32>) -> Void
    let valueName: @Sendable (Register, Int32) -> String
    let lookUp: @Sendable (Register, String) throws(UnknownValue) -> Int32
    /// The chip for chosen values' names: "service: Legal or Audit".
    let phrase: @Sendable ([String]) -> String
    /// A value a filter can choose that no group has (sector: "cross-sector").
    public let extraValue: ExtraValue?

    /// A filter value beyond the groups, with how to tell the rows it keeps.
    public struct ExtraValue: Sendable {
        public let value: Int32
        public let label: String
        public let matches: @Sendable (Register, Int) -> Bool
    }

    /// How rows fall into groups: the few shapes a dimension's values can have.
    enum Grouping: Sendable {
        /// A category id per row (-1: none), ids below the count.
        case category(ids: @Sendable (Register) -> [Int32], count: @Sendable (Register) -> Int)
        /// The start year; the value is the year.
        case year
        case status
        /// Each partner's sector; the value is the sector's raw value.
        case sector
        /// Each partner; the value is the organisation's id.
        case partners
        /// Reported (0) or not (1); every row has one or the other.
        case figure
    }

    public var description: String { name }
    public static func == (lhs: Dimension, rhs: Dimension) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// "Service area".
    public var title: String { label.sentenceCased }

    /// The values a filter has chosen.
    public func chosen(in filter: ArrangementFilter) -> Set<Int32> { chosenIn(filter) }

    /// `filter` with exactly `values` chosen in this dimension (none: not filtered by it).
    public func setting(_ values: Set<Int32>, in filter: ArrangementFilter) -> ArrangementFilter {
        var filter = filter
        choose(&filter, values)
        return filter
    }

    /// `filter` narrowed to the group `key` names: a drill-down. Nil for "not recorded",
    /// which no filter can choose.
    public func narrowing(_ filter: ArrangementFilter, to key: GroupKey) -> ArrangementFilter? {
        guard case .value(let value) = key else { return nil }
        return setting([value], in: filter)
    }

    /// A value's name: "Legal", "Fire and rescue", "2015".
    public func name(of value: Int32, in register: Register) -> String {
        if let extraValue, extraValue.value == value { return extraValue.label }
        return valueName(register, value)
    }

    /// The group a key names: "(not recorded)" for rows with no value.
    public func label(of key: GroupKey, in register: Register) -> String {
        switch key {
        case .value(let value): return name(of: value, in: register)
        case .notRecorded: return "(not recorded)"
        }
    }

    /// A value by what a user types, forgiving case and spacing; unknown names come back
    /// with the nearest known ones.
    public func value(named typed: String, in register: Register) throws(UnknownValue) -> Int32 {
        try lookUp(register, typed)
    }

    /// The chip for the values `filter` has chosen here; nil when it has chosen none.
    public func chip(for filter: ArrangementFilter, in register: Register) -> String? {
        let values = chosen(in: filter)
        guard !values.isEmpty else { return nil }
        return phrase(values.sorted().map { name(of: $0, in: register) })
    }

    /// Every dimension, in the order the summary and the pickers cycle through them.
    public static let all: [Dimension] = [.serviceArea, .service, .region, .sector, .status, .figure, .organisation, .year]

    /// The dimension `--by` names, or nil.
    public init?(name: String) {
        guard let found = Self.all.first(where: { $0.name == name }) else { return nil }
        self = found
    }

    private init(
        name: String, label: String, plural: String, flag: String?, flagHelp: String, isMultiValued: Bool = false,
        isPickable: Bool = true, grouping: Grouping, chosenIn: @escaping @Sendable (ArrangementFilter) -> Set<Int32>,
        choose: @escaping @Sendable (inout ArrangementFilter, Set<Int32>) -> Void,
        valueName: @escaping @Sendable (Register, Int32) -> String,
        lookUp: @escaping @Sendable (Register, String) throws(UnknownValue) -> Int32,
        phrase: (@Sendable ([String]) -> String)? = nil, extraValue: ExtraValue? = nil
    ) {
        self.name = name
        self.label = label
        self.plural = plural
        self.flag = flag
        self.flagHelp = flagHelp
        self.isMultiValued = isMultiValued
        self.isPickable = isPickable
        self.grouping = grouping
        self.chosenIn = chosenIn
        self.choose = choose
        self.valueName = valueName
        self.lookUp = lookUp
        self.phrase = phrase ?? { names in "\(label): " + names.joined(separator: " or ") }
        self.extraValue = extraValue
    }
}

extension Dimension {
    public static let service = Dimension(
        name: "service", label: "service", plural: "services", flag: "service",
        flagHelp: "Only this service (repeatable), e.g. \"Trading standards\".",
        grouping: .category(ids: { $0.serviceIDs }, count: { $0.services.count }),
        chosenIn: { $0.services }, choose: { $0.services = $1 },
        valueName: { register, value in register.services.values.element(at: Int(value)) ?? "" },
        lookUp: { register, name throws(UnknownValue) in try register.serviceID(named: name) })

    public static let serviceArea = Dimension(
        name: "service-area", label: "service area", plural: "service areas", flag: "service-area",
        flagHelp: "Only this service area (repeatable), e.g. \"Back office\".",
        grouping: .category(ids: { $0.serviceAreaIDs }, count: { $0.serviceAreas.count }),
        chosenIn: { $0.serviceAreas }, choose: { $0.serviceAreas = $1 },
        valueName: { register, value in register.serviceAreas.values.element(at: Int(value)) ?? "" },
        lookUp: { register, name throws(UnknownValue) in try register.serviceAreaID(named: name) },
        phrase: { "area: " + $0.joined(separator: " or ") })

    public static let region = Dimension(
        name: "region", label: "region", plural: "regions", flag: "region",
        flagHelp: "Only arrangements in this region (repeatable).",
        grouping: .category(ids: { $0.regionIDs }, count: { $0.regions.count }),
        chosenIn: { $0.regions }, choose: { $0.regions = $1 },
        valueName: { register, value in register.regions.values.element(at: Int(value)) ?? "" },
        lookUp: { register, name throws(UnknownValue) in try register.regionID(named: name) })

    /// Values are `SectorCriterion`s' places: the five sectors in `Sector`'s order (a
    /// value is a sector's raw value, as the summary's groups are), then cross-sector.
    public static let sector = Dimension(
        name: "sector", label: "partner sector", plural: "sectors", flag: "sector",
        flagHelp: "Only arrangements involving this kind of partner (repeatable): council, fire, police, health, "
            + "other, or cross-sector (any partner that is not a council).",
        isMultiValued: true, grouping: .sector,
        chosenIn: { Set($0.sectors.compactMap { SectorCriterion.allCases.firstIndex(of: $0).map(Int32.init) }) },
        choose: { filter, values in
            filter.sectors = Set(values.compactMap { SectorCriterion.allCases.element(at: Int($0)) })
        },
        valueName: { _, value in Sector(rawValue: UInt8(clamping: value))?.label ?? "" },
        lookUp: { _, name throws(UnknownValue) in
            let criterion = try SectorLookup.criterion(named: name)
            return Int32(SectorCriterion.allCases.firstIndex(of: criterion) ?? 0)
        },
        extraValue: ExtraValue(
            value: Int32(SectorCriterion.allCases.firstIndex(of: .crossSector) ?? 0),
            label: "Cross-sector (any partner not a council)", matches: { $0.isCrossSector($1) }))

    public static let status = Dimension(
        name: "status", label: "status", plural: "statuses", flag: "status",
        flagHelp: "Only this status (repeatable): operational, planned or ended.", grouping: .status,
        chosenIn: { Set($0.statuses.map { Int32($0.rawValue) }) },
        choose: { filter, values in filter.statuses = Set(values.compactMap { Status(rawValue: UInt8(clamping: $0)) }) },
        valueName: { _, value in Status(rawValue: UInt8(clamping: value))?.name ?? "" },
        lookUp: { _, name throws(UnknownValue) in Int32(try StatusLookup.status(named: name).rawValue) })

    /// Whether a savings figure was reported: "97 without a figure" is a group and a filter.
    public static let figure = Dimension(
        name: "figure", label: "savings figure", plural: "savings figures", flag: "figure",
        flagHelp: "Only arrangements whose savings figure is reported, or missing (not reported).", grouping: .figure,
        chosenIn: { Set($0.figures.map { Int32($0.rawValue) }) },
        choose: { filter, values in filter.figures = Set(values.compactMap { SavingsFigure(rawValue: UInt8(clamping: $0)) }) },
        valueName: { _, value in SavingsFigure(rawValue: UInt8(clamping: value))?.label ?? "" },
        lookUp: { _, name throws(UnknownValue) in Int32(try SavingsFigure.named(name).rawValue) },
        phrase: { $0.joined(separator: " or ") })

    public static let organisation = Dimension(
        name: "organisation", label: "organisation", plural: "organisations", flag: "organisation",
        flagHelp: "Only arrangements this organisation is in (repeatable): its name, short name (Brent), "
            + "GSS code or a part of its name that only it has.",
        isMultiValued: true, grouping: .partners,
        chosenIn: { $0.organisations }, choose: { $0.organisations = $1 },
        valueName: { register, value in register.organisations.names.element(at: Int(value)) ?? "" },
        lookUp: { register, name throws(UnknownValue) in try register.organisationID(named: name) },
        phrase: { "with " + $0.joined(separator: " or ") })

    /// Filtered by a range (`--since`, `--until`) rather than chosen values: choosing
    /// years (a drill-down) sets the range around them.
    public static let year = Dimension(
        name: "year", label: "start year", plural: "years", flag: nil, flagHelp: "", isPickable: false,
        grouping: .year, chosenIn: { _ in [] },
        choose: { filter, values in
            filter.sinceYear = values.min().map(Int.init)
            filter.untilYear = values.max().map(Int.init)
        },
        valueName: { _, value in String(value) },
        lookUp: { _, name throws(UnknownValue) in
            // Years are chosen as a range: --since and --until.
            guard let year = Int32(name.trimmingWhitespace()) else {
                throw UnknownValue(kind: "start year", value: name, suggestions: [])
            }
            return year
        })
}

/// Whether an arrangement's savings to date were reported.
public enum SavingsFigure: UInt8, CaseIterable, Sendable, Hashable, Comparable {
    case reported, missing

    public var label: String {
        switch self {
        case .reported: return "savings figure reported"
        case .missing: return "no savings figure"
        }
    }

    /// `--figure reported|missing`, with the words people use for each.
    public static func named(_ name: String) throws(UnknownValue) -> SavingsFigure {
        switch name.trimmingWhitespace().lowercased() {
        case "reported", "yes", "with", "known": return .reported
        case "missing", "not reported", "not-reported", "none", "no", "without", "unknown": return .missing
        default: throw UnknownValue(kind: "savings figure", value: name, suggestions: ["reported", "missing"])
        }
    }

    public static func < (lhs: SavingsFigure, rhs: SavingsFigure) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Array {
    /// The element at `index`, or nil when there is none.
    func element(at index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

import TextCells

/// A column of the arrangements table, the same in the dashboard and in `ssmap list`: its
/// heading, what it sorts by, how wide it is drawn and what a row shows in it.
public struct ArrangementColumn: Sendable, Equatable {
    public let title: String
    /// The field a heading click or `--sort` sorts by; nil for a column that cannot sort.
    public let sortField: ArrangementField?
    /// The narrowest it is drawn.
    public let width: Int
    /// Columns with a weight share the width the others leave.
    public let flexWeight: Int
    public let alignment: ColumnFit.Alignment
    /// Which go first when a report cannot scroll sideways: the lowest.
    public let keepPriority: Int
    public let value: @Sendable (Register, Int) -> String

    public static func == (lhs: ArrangementColumn, rhs: ArrangementColumn) -> Bool { lhs.title == rhs.title }

    /// Money and counts sort largest first the first time they are chosen; text A–Z.
    public var sortsLargestFirst: Bool { alignment == .right }

    /// Every column, left to right. The name comes first and stays put when the rest scroll.
    public static let all: [ArrangementColumn] = [name, service, partners, beyondCouncils, region, start, status, saved]

    public static let name = ArrangementColumn(
        field: .name, width: 16, flexWeight: 3, keepPriority: 9) { register, row in register.name(row) }
    public static let service = ArrangementColumn(
        field: .service, width: 12, flexWeight: 1, keepPriority: 4
    ) { register, row in register.service(row) ?? register.serviceArea(row) ?? "" }
    public static let partners = ArrangementColumn(
        field: .partners, width: 8, alignment: .right, keepPriority: 3) { register, row in
            Count.format(register.partnerCount(row))
        }
    /// The partners that are not councils, by sector: "fire, police". Who shares beyond
    /// councils reads straight off the list.
    public static let beyondCouncils = ArrangementColumn(
        title: "Beyond councils", sortField: nil, width: 15, flexWeight: 0, alignment: .left, keepPriority: 0
    ) { register, row in
        Sector.allCases.filter { $0 != .council && register.involves(row, sector: $0) }.map(\.name).joined(separator: ", ")
    }
    public static let region = ArrangementColumn(
        field: .region, width: 15, keepPriority: 1) { register, row in register.region(row) ?? "" }
    public static let start = ArrangementColumn(
        field: .startYear, width: 5, alignment: .right, keepPriority: 2) { register, row in
            register.startYear(row).map(String.init) ?? ""
        }
    public static let status = ArrangementColumn(
        field: .status, width: 11, keepPriority: 1) { register, row in register.status(row)?.name ?? "" }
    public static let saved = ArrangementColumn(
        field: .savingsToDate, width: 13, alignment: .right, keepPriority: 8) { register, row in
            Money.format(register.savingsToDate(row), register.savingsToDateQualifier(row))
        }

    public init(
        title: String, sortField: ArrangementField?, width: Int, flexWeight: Int, alignment: ColumnFit.Alignment,
        keepPriority: Int, value: @escaping @Sendable (Register, Int) -> String
    ) {
        self.title = title
        self.sortField = sortField
        self.width = width
        self.flexWeight = flexWeight
        self.alignment = alignment
        self.keepPriority = keepPriority
        self.value = value
    }

    /// A column showing a field of the schema, headed by its title.
    init(
        field: ArrangementField, width: Int, flexWeight: Int = 0, alignment: ColumnFit.Alignment = .left, keepPriority: Int,
        value: @escaping @Sendable (Register, Int) -> String
    ) {
        self.init(
            title: field.title, sortField: field, width: width, flexWeight: flexWeight, alignment: alignment,
            keepPriority: keepPriority, value: value)
    }

    /// The first and last columns, the name and the savings, stay put; those between
    /// scroll sideways.
    static var scrolled: Range<Int> { 1..<(all.count - 1) }

    /// The columns shown `width` wide (indices of `all`): the name, as many of the scrolled
    /// columns as fit from the one at `first` (room left at the end filled with those
    /// before it), and the savings.
    public static func window(width: Int, from first: Int) -> [Int] {
        let last = all.count - 1
        var used = all[0].width + 1 + all[last].width
        var shown: [Int] = []
        var index = min(max(scrolled.lowerBound, first), scrolled.upperBound - 1)
        while index < scrolled.upperBound && used + 1 + all[index].width <= width {
            shown.append(index)
            used += 1 + all[index].width
            index += 1
        }
        var before = min(max(scrolled.lowerBound, first), scrolled.upperBound) - 1
        while (index == scrolled.upperBound || shown.isEmpty) && before >= scrolled.lowerBound
            && used + 1 + all[before].width <= width
        {
            shown.insert(before, at: 0)
            used += 1 + all[before].width
            before -= 1
        }
        return [0] + shown + [last]
    }

    /// The first scrolled column that keeps `focused` (an index of `all`) in a window
    /// `width` wide, moving the window from `first` as little as possible.
    public static func firstScrolled(keeping focused: Int, width: Int, from first: Int) -> Int {
        var first = min(max(scrolled.lowerBound, first), scrolled.upperBound - 1)
        guard scrolled.contains(focused) else { return first }
        if focused < first { first = focused }
        while !window(width: width, from: first).contains(focused) && first < focused { first += 1 }
        return first
    }
}

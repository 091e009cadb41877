/// How groups are measured and ranked, and the words every summary uses for it.
public enum Metric: String, CaseIterable, Sendable, Hashable {
    case total, count, mean

    public var label: String {
        switch self {
        case .total: return "total savings to date"
        case .count: return "number of arrangements"
        case .mean: return "mean savings per arrangement with a figure"
        }
    }

    /// The summary's heading: "Savings to date by service area".
    public func heading(by dimension: Dimension) -> String {
        switch self {
        case .total: return "Savings to date by \(dimension.label)"
        case .count: return "Arrangements by \(dimension.label)"
        case .mean: return "Mean savings to date by \(dimension.label) (of those with a figure)"
        }
    }

    /// The value column's heading.
    public var columnTitle: String {
        switch self {
        case .total: return ArrangementField.savingsToDate.title
        case .count: return "Arrangements"
        case .mean: return "Mean saved"
        }
    }

    /// The share column's heading: what the share is of.
    public var shareTitle: String { self == .count ? "Of arrangements" : "Of savings" }
}

/// The arrangements of one group and what they save.
public struct GroupSummary: Sendable, Equatable {
    public var label: String
    /// What a drill-down filters on: the dimension's value, or none.
    public var key: GroupKey
    public var count: Int
    /// Arrangements with a savings figure; `count - countWithFigure` were not reported.
    public var countWithFigure: Int
    public var total: Int64
    /// Mean of the figures reported; nil when none was.
    public var mean: Int64?
    /// This group's total as a share of the whole filtered set's total, 0...1.
    public var shareOfTotal: Double
    /// How exactly the total (and so the mean) is known: "at least" when a figure in it is.
    public var qualifier: SavingsQualifier = .exact

    public var countWithoutFigure: Int { count - countWithFigure }

    /// The value the metric ranks by; nil for money when no arrangement had a figure.
    public func value(of metric: Metric) -> Int64? {
        switch metric {
        case .total: return countWithFigure > 0 ? total : nil
        case .count: return Int64(count)
        case .mean: return mean
        }
    }
}

/// Identifies a group, so that choosing it can become a filter.
public enum GroupKey: Sendable, Hashable {
    /// A value of the dimension: a category's id, a year, a sector's raw value.
    case value(Int32)
    /// The arrangements with no value for the dimension.
    case notRecorded
}

extension Register {
    /// Groups `rows` by `dimension`, largest first by `metric` (then by label), with a
    /// "not recorded" group for rows with no value.
    public func summarise(_ rows: [Int], by dimension: Dimension, metric: Metric = .total) -> [GroupSummary] {
        summarise(rows, by: dimension, metric: metric, splittingFrom: Parallel.worthSplitting)
    }

    /// `splittingFrom`: the fewest rows worth splitting across the cores (tests lower it).
    func summarise(_ rows: [Int], by dimension: Dimension, metric: Metric, splittingFrom: Int) -> [GroupSummary] {
        let whole = tally(rows, by: dimension, qualifying: true, splittingFrom: splittingFrom)
        let slotCount = whole.slots.count
        let notRecorded = slotCount - 1
        let grandTotal = whole.grandTotal
        var groups: [GroupSummary] = []
        for (slot, tally) in whole.slots.enumerated() where tally.count > 0 {
            let key = groupKey(slot: slot, notRecorded: notRecorded, dimension: dimension)
            let figures = tally.figureCount
            let total = tally.total
            groups.append(
                GroupSummary(
                    label: dimension.label(of: key, in: self), key: key, count: tally.count,
                    countWithFigure: figures, total: total,
                    mean: figures == 0 ? nil : Self.roundedQuotient(total, Int64(figures)),
                    shareOfTotal: grandTotal > 0 ? Double(total) / Double(grandTotal) : 0,
                    qualifier: tally.qualifiers.qualifierOfSum ?? .exact))
        }
        groups.sort { left, right in
            let a = left.value(of: metric) ?? Int64.min
            let b = right.value(of: metric) ?? Int64.min
            if a != b { return a > b }
            if left.count != right.count { return left.count > right.count }
            return left.label < right.label
        }
        return groups
    }

    /// Per slot of the dimension (the last: not recorded), how many of `rows` are in it,
    /// how many of those have a figure, what the figures add up to and (when `qualifying`)
    /// how exactly; counted in one pass, split across the cores by rows for large views.
    func tally(
        _ rows: [Int], by dimension: Dimension, qualifying: Bool = false,
        splittingFrom: Int = Parallel.worthSplitting
    ) -> SlotTally {
        let slotCount = slots(for: dimension)
        let pieces = Parallel.pieces(of: rows.count, splittingFrom: splittingFrom)
        let amounts = savedToDate
        let tallies = Parallel.map(pieces.count) { piece in
            // Two loops, so that one that is not qualifying does no work for it.
            qualifying
                ? self.tally(rows[pieces[piece]], by: dimension, slotCount: slotCount) { amounts.qualifierBit($0) }
                : self.tally(rows[pieces[piece]], by: dimension, slotCount: slotCount) { _ in 0 }
        }
        var whole = tallies.first ?? SlotTally(slotCount: slotCount)
        for tally in tallies.dropFirst() { whole.add(tally) }
        return whole
    }

    /// A piece's tally; `qualifierBit` gives a row's bit in its slots' `QualifierSet`.
    @inline(__always)
    private func tally(
        _ rows: ArraySlice<Int>, by dimension: Dimension, slotCount: Int, qualifierBit: (Int) -> UInt8
    ) -> SlotTally {
        var tally = SlotTally(slotCount: slotCount)
        let saved = savedToDate.pounds
        var grandTotal: Int64 = 0
        // Through the buffer: an array written in a closure is checked for sharing at every write.
        tally.slots.withUnsafeMutableBufferPointer { slots in
            self.forEachSlot(of: rows, by: dimension, notRecorded: slotCount - 1) { row in
                // What the row adds to each of its slots, worked out once: no branch a slot.
                let reported = saved[row] != Register.notReported
                let pounds = reported ? saved[row] : 0
                // Each row once, though a row of several partners or sectors is in several slots.
                grandTotal &+= pounds
                return (figures: reported ? 1 : 0, pounds: pounds, qualifiers: reported ? qualifierBit(row) : 0)
            } _: { slot, added in
                slots[slot].count &+= 1
                slots[slot].figureCount &+= added.figures
                slots[slot].total &+= added.pounds
                slots[slot].qualifiers.bits |= added.qualifiers
            }
        }
        tally.grandTotal = grandTotal
        return tally
    }

    /// How exactly the total of `rows`' savings to date is known.
    public func totalQualifier(_ rows: [Int]) -> SavingsQualifier {
        let saved = savedToDate
        var figures = QualifierSet()
        for row in rows where saved.pounds[row] != Register.notReported { figures.bits |= saved.qualifierBit(row) }
        return figures.qualifierOfSum ?? .exact
    }

    /// Works out `perRow` of each of `rows` once, and calls `body` with it and each of the
    /// row's slots (several for a multi-valued dimension); one loop per shape of grouping,
    /// so each loop's body is that shape's arithmetic alone.
    @inline(__always)
    private func forEachSlot<RowValue>(
        of rows: ArraySlice<Int>, by dimension: Dimension, notRecorded: Int,
        _ perRow: (Int) -> RowValue, _ body: (Int, RowValue) -> Void
    ) {
        switch dimension.grouping {
        case .category(let column, _):
            let ids = column(self)
            for row in rows { body(ids[row] >= 0 ? Int(ids[row]) : notRecorded, perRow(row)) }
        case .year:
            let startYears = startYears
            for row in rows {
                let year = Int(startYears[row])
                let inRange = year != 0 && year >= Self.firstYear && year < Self.firstYear + notRecorded
                body(inRange ? year - Self.firstYear : notRecorded, perRow(row))
            }
        case .status:
            let statusCount = UInt8(Status.allCases.count)
            let statusCodes = statusCodes
            for row in rows { body(statusCodes[row] < statusCount ? Int(statusCodes[row]) : notRecorded, perRow(row)) }
        case .sector:
            // A row counts once in each of its partners' sectors.
            // A sector's slot is its raw value, the place of its bit in the mask.
            let sectorMasks = sectorMasks
            for row in rows {
                let value = perRow(row)
                var mask = sectorMasks[row]
                if mask == 0 { body(notRecorded, value) }
                while mask != 0 {
                    body(mask.trailingZeroBitCount, value)
                    mask &= mask - 1
                }
            }
        case .partners:
            // A row counts once for each partner.
            let (partnerStarts, partnerIDs) = (partnerStarts, partnerIDs)
            for row in rows {
                let value = perRow(row)
                let start = Int(partnerStarts[row])
                let end = Int(partnerStarts[row + 1])
                if start == end { body(notRecorded, value) }
                for index in start..<end { body(Int(partnerIDs[index]), value) }
            }
        case .figure:
            let saved = savedToDate.pounds
            for row in rows {
                body(Int(saved[row] == Register.notReported ? SavingsFigure.missing.rawValue : SavingsFigure.reported.rawValue), perRow(row))
            }
        }
    }

    /// Start years the summary can group: the plausible range the loader accepts.
    static let firstYear = 1945
    static let yearSlots = 2100 - 1945 + 1

    /// How many groups a dimension can have, plus one for "not recorded".
    private func slots(for dimension: Dimension) -> Int {
        switch dimension.grouping {
        case .category(_, let count): return count(self) + 1
        case .year: return Self.yearSlots + 1
        case .status: return Status.allCases.count + 1
        case .sector: return Sector.allCases.count + 1
        case .partners: return organisations.count + 1
        case .figure: return SavingsFigure.allCases.count + 1
        }
    }

    private func groupKey(slot: Int, notRecorded: Int, dimension: Dimension) -> GroupKey {
        if slot == notRecorded { return .notRecorded }
        if case .year = dimension.grouping { return .value(Int32(Self.firstYear + slot)) }
        return .value(Int32(slot))
    }

    /// The sum of the savings reported by `rows`.
    public func totalSavings(_ rows: [Int]) -> Int64 {
        var total: Int64 = 0
        let saved = savedToDate.pounds
        for row in rows where saved[row] != Register.notReported { total &+= saved[row] }
        return total
    }

    static func roundedQuotient(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder.magnitude * 2 >= denominator.magnitude {
            return quotient + (numerator < 0 ? -1 : 1)
        }
        return quotient
    }
}

/// Counts, figure counts, totals and their qualifiers per slot, side by side in memory,
/// and the total of the rows, each counted once.
struct SlotTally: Sendable {
    struct Slot: Sendable {
        var count = 0
        var figureCount = 0
        var total: Int64 = 0
        /// Empty unless the tally was asked to qualify its figures.
        var qualifiers = QualifierSet()
    }

    var slots: [Slot]
    var grandTotal: Int64 = 0

    init(slotCount: Int) {
        slots = Array(repeating: Slot(), count: slotCount)
    }

    mutating func add(_ other: SlotTally) {
        for index in slots.indices {
            slots[index].count += other.slots[index].count
            slots[index].figureCount += other.slots[index].figureCount
            slots[index].total &+= other.slots[index].total
            slots[index].qualifiers.formUnion(other.slots[index].qualifiers)
        }
        grandTotal &+= other.grandTotal
    }
}

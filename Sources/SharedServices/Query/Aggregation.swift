/// What to group arrangements by in a summary.
public enum Dimension: String, CaseIterable, Sendable, Hashable {
    case serviceArea = "service-area"
    case service, region, sector
    case year
    case organisation
    case status

    public var label: String {
        switch self {
        case .serviceArea: return "service area"
        case .service: return "service"
        case .region: return "region"
        case .sector: return "partner sector"
        case .year: return "start year"
        case .organisation: return "organisation"
        case .status: return "status"
        }
    }

    /// An arrangement can fall in several groups of these (each of its partners' sectors,
    /// each organisation), so their shares need not add up to 100%.
    public var isMultiValued: Bool { self == .sector || self == .organisation }
}

/// How groups are measured and ranked.
public enum Metric: String, CaseIterable, Sendable, Hashable {
    case total, count, mean

    public var label: String {
        switch self {
        case .total: return "total savings to date"
        case .count: return "number of arrangements"
        case .mean: return "mean savings per arrangement with a figure"
        }
    }
}

/// The arrangements of one group and what they save.
public struct GroupSummary: Sendable, Equatable {
    public var label: String
    /// What a drill-down filters on: the category's id, the year, or the sector.
    public var key: GroupKey
    public var count: Int
    /// Arrangements with a savings figure; `count - countWithFigure` were not reported.
    public var countWithFigure: Int
    public var total: Int64
    /// Mean and median of the figures reported; nil when none was.
    public var mean: Int64?
    public var median: Int64?
    /// This group's total as a share of the whole filtered set's total, 0...1.
    public var shareOfTotal: Double
    /// How exactly the total (and so the mean) is known: "at least" when a figure in it is.
    public var qualifier: SavingsQualifier = .exact

    public var countWithoutFigure: Int { count - countWithFigure }

    public func value(of metric: Metric) -> Int64? {
        switch metric {
        case .total: return total
        case .count: return Int64(count)
        case .mean: return mean
        }
    }
}

/// Identifies a group, so that choosing it can become a filter.
public enum GroupKey: Sendable, Hashable {
    case serviceArea(Int32)
    case service(Int32)
    case region(Int32)
    case sector(Sector)
    case year(Int)
    case organisation(Int32)
    case status(Status)
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
        // Slots indexed by category id (the last: not recorded). A first pass counts each
        // slot's rows and figures; a second puts each slot's figures together in one shared
        // buffer, where its median is then selected: no per-row allocation, no sorting.
        // Large views are split across the cores, by rows and then by groups.
        let slotCount = slots(for: dimension)
        let notRecorded = slotCount - 1
        let pieceCount = rows.count >= splittingFrom ? Parallel.coreCount : 1
        let pieces = Parallel.ranges(splitting: rows.count, into: pieceCount)
        let saved = savedToDate.pounds
        let tallies = Parallel.map(pieceCount) { piece in
            var tally = SlotTally(slotCount: slotCount)
            self.forEachSlot(of: rows[pieces[piece]], by: dimension, notRecorded: notRecorded) { slot, row in
                tally.counts[slot] += 1
                if saved[row] != Register.notReported { tally.figureCounts[slot] += 1 }
            }
            return tally
        }
        var counts = [Int](repeating: 0, count: slotCount)
        var starts = [Int](repeating: 0, count: slotCount + 1)
        // Where each piece writes each slot's figures: after the earlier pieces' figures.
        var pieceStarts = [[Int]](repeating: [], count: pieceCount)
        for slot in 0..<slotCount {
            var next = starts[slot]
            for piece in 0..<pieceCount {
                counts[slot] += tallies[piece].counts[slot]
                pieceStarts[piece].append(next)
                next += tallies[piece].figureCounts[slot]
            }
            starts[slot + 1] = next
        }
        let figures = FigureBuffer(count: starts[slotCount])
        let writeStarts = pieceStarts
        _ = Parallel.map(pieceCount) { piece in
            var next = writeStarts[piece]
            self.forEachSlot(of: rows[pieces[piece]], by: dimension, notRecorded: notRecorded) { slot, row in
                if saved[row] != Register.notReported {
                    figures.values[next[slot]] = saved[row]
                    next[slot] += 1
                }
            }
        }
        // Medians and totals, the groups split between the cores by their figures.
        let occupied = (0..<slotCount).filter { counts[$0] > 0 }
        let groupPieces = Self.balanced(occupied, weights: { starts[$0 + 1] - starts[$0] }, into: pieceCount)
        let slotStarts = starts
        let figureSummaries = Parallel.map(groupPieces.count) { piece in
            groupPieces[piece].map { slot in
                var slice = UnsafeMutableBufferPointer(rebasing: figures.values[slotStarts[slot]..<slotStarts[slot + 1]])
                return (slot: slot, figures: Self.figureSummary(&slice))
            }
        }
        let grandTotal = totalSavings(rows)
        let qualifiers = groupQualifiers(rows, by: dimension, slotCount: slotCount)
        var groups: [GroupSummary] = []
        for (slot, figureSummary) in figureSummaries.joined() {
            let key = groupKey(slot: slot, notRecorded: notRecorded, dimension: dimension)
            var group = Self.summary(
                count: counts[slot], figures: figureSummary, label: label(of: key), key: key, grandTotal: grandTotal)
            group.qualifier = qualifiers.isEmpty ? .exact : qualifiers[slot]
            groups.append(group)
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

    /// Count, figures, total, mean and median of a set of rows.
    public func summary(of rows: [Int], label: String, key: GroupKey, grandTotal: Int64) -> GroupSummary {
        var figures: [Int64] = []
        figures.reserveCapacity(rows.count)
        let saved = savedToDate.pounds
        for row in rows where saved[row] != Register.notReported { figures.append(saved[row]) }
        var group = Self.summary(
            count: rows.count, figures: Self.figureSummary(&figures), label: label, key: key, grandTotal: grandTotal)
        group.qualifier = totalQualifier(rows)
        return group
    }

    /// `items` in at most `count` lists of about equal total weight, in order.
    private static func balanced(_ items: [Int], weights: (Int) -> Int, into count: Int) -> [[Int]] {
        let total = items.reduce(0) { $0 + weights($1) }
        var lists: [[Int]] = [[]]
        var weightSoFar = 0
        for item in items {
            if weightSoFar >= total * lists.count / count && lists.count < count && !lists[lists.count - 1].isEmpty {
                lists.append([])
            }
            lists[lists.count - 1].append(item)
            weightSoFar += weights(item)
        }
        return lists
    }

    /// How exactly each slot's total is known, from the qualifiers of the figures in it;
    /// empty when every figure of the register is exact (most registers: no pass at all).
    private func groupQualifiers(_ rows: [Int], by dimension: Dimension, slotCount: Int) -> [SavingsQualifier] {
        let saved = savedToDate
        guard !saved.qualifiers.isEmpty else { return [] }
        var qualifiers = [SavingsQualifier?](repeating: nil, count: slotCount)
        forEachSlot(of: rows[...], by: dimension, notRecorded: slotCount - 1) { slot, row in
            if saved.pounds[row] != Register.notReported {
                qualifiers[slot] = SavingsQualifier.combined(qualifiers[slot], with: saved.qualifier(row))
            }
        }
        return qualifiers.map { $0 ?? .exact }
    }

    /// How exactly the total of `rows`' savings to date is known.
    public func totalQualifier(_ rows: [Int]) -> SavingsQualifier {
        let saved = savedToDate
        guard !saved.qualifiers.isEmpty else { return .exact }
        var qualifier: SavingsQualifier?
        for row in rows where saved.pounds[row] != Register.notReported {
            qualifier = SavingsQualifier.combined(qualifier, with: saved.qualifier(row))
        }
        return qualifier ?? .exact
    }

    /// Calls `body` with the slot of each of `rows` (several for a multi-valued
    /// dimension) and the row; one loop per dimension, so each loop's body is that
    /// dimension's arithmetic alone.
    @inline(__always)
    private func forEachSlot(
        of rows: ArraySlice<Int>, by dimension: Dimension, notRecorded: Int, _ body: (Int, Int) -> Void
    ) {
        switch dimension {
        case .serviceArea, .service, .region:
            let ids = dimension == .serviceArea ? serviceAreaIDs : dimension == .service ? serviceIDs : regionIDs
            for row in rows { body(ids[row] >= 0 ? Int(ids[row]) : notRecorded, row) }
        case .year:
            let startYears = startYears
            for row in rows {
                let year = Int(startYears[row])
                let inRange = year != 0 && year >= Self.firstYear && year < Self.firstYear + notRecorded
                body(inRange ? year - Self.firstYear : notRecorded, row)
            }
        case .status:
            let statusCount = UInt8(Status.allCases.count)
            let statusCodes = statusCodes
            for row in rows { body(statusCodes[row] < statusCount ? Int(statusCodes[row]) : notRecorded, row) }
        case .sector:
            // A row counts once in each of its partners' sectors.
            for row in rows {
                let mask = sectorMasks[row]
                if mask == 0 { body(notRecorded, row) }
                for sector in Sector.allCases where mask & sector.bit != 0 { body(Int(sector.rawValue), row) }
            }
        case .organisation:
            // A row counts once for each partner.
            for row in rows {
                let start = Int(partnerStarts[row])
                let end = Int(partnerStarts[row + 1])
                if start == end { body(notRecorded, row) }
                for index in start..<end { body(Int(partnerIDs[index]), row) }
            }
        }
    }

    /// The reported figures of a group, summed and their middle found.
    struct FigureSummary: Sendable {
        var count = 0
        var total: Int64 = 0
        var median: Int64?
    }

    /// Reorders `figures` (to select the middle one, linear in their number, not sorting).
    static func figureSummary<Figures: MutableCollection & RandomAccessCollection>(
        _ figures: inout Figures
    ) -> FigureSummary where Figures.Element == Int64, Figures.Index == Int {
        var summary = FigureSummary(count: figures.count, total: figures.reduce(0, &+))
        guard !figures.isEmpty else { return summary }
        let middle = figures.startIndex + figures.count / 2
        let upper = Selection.select(middle, in: &figures)
        if figures.count % 2 == 1 {
            summary.median = upper
        } else {
            // After selection every figure before `middle` is at most the middle one.
            summary.median = average(figures[figures.startIndex..<middle].max() ?? upper, upper)
        }
        return summary
    }

    /// A group's summary from its size and its reported figures' summary.
    static func summary(
        count: Int, figures: FigureSummary, label: String, key: GroupKey, grandTotal: Int64
    ) -> GroupSummary {
        GroupSummary(
            label: label, key: key, count: count, countWithFigure: figures.count, total: figures.total,
            mean: figures.count == 0 ? nil : roundedQuotient(figures.total, Int64(figures.count)),
            median: figures.median,
            shareOfTotal: grandTotal > 0 ? Double(figures.total) / Double(grandTotal) : 0)
    }

    /// Start years the summary can group: the plausible range the loader accepts.
    static let firstYear = 1945
    static let yearSlots = 2100 - 1945 + 1

    /// How many groups a dimension can have, plus one for "not recorded".
    private func slots(for dimension: Dimension) -> Int {
        switch dimension {
        case .serviceArea: return serviceAreas.count + 1
        case .service: return services.count + 1
        case .region: return regions.count + 1
        case .year: return Self.yearSlots + 1
        case .status: return Status.allCases.count + 1
        case .sector: return Sector.allCases.count + 1
        case .organisation: return organisations.count + 1
        }
    }

    private func groupKey(slot: Int, notRecorded: Int, dimension: Dimension) -> GroupKey {
        if slot == notRecorded { return .notRecorded }
        switch dimension {
        case .serviceArea: return .serviceArea(Int32(slot))
        case .service: return .service(Int32(slot))
        case .region: return .region(Int32(slot))
        case .year: return .year(Self.firstYear + slot)
        case .status: return Status(rawValue: UInt8(slot)).map(GroupKey.status) ?? .notRecorded
        case .sector: return Sector(rawValue: UInt8(slot)).map(GroupKey.sector) ?? .notRecorded
        case .organisation: return .organisation(Int32(slot))
        }
    }

    /// The sum of the savings reported by `rows`.
    public func totalSavings(_ rows: [Int]) -> Int64 {
        var total: Int64 = 0
        let saved = savedToDate.pounds
        for row in rows where saved[row] != Register.notReported { total &+= saved[row] }
        return total
    }

    public func label(of key: GroupKey) -> String {
        switch key {
        case .serviceArea(let id): return serviceAreas[id]
        case .service(let id): return services[id]
        case .region(let id): return regions[id]
        case .sector(let sector): return sector.label
        case .year(let year): return String(year)
        case .organisation(let id): return organisations.names[Int(id)]
        case .status(let status): return status.name
        case .notRecorded: return "(not recorded)"
        }
    }

    /// Mean of two amounts rounded half away from zero, without overflow.
    static func average(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow { return a / 2 + b / 2 }
        return roundedQuotient(sum, 2)
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

/// One piece's counts per slot.
private struct SlotTally: Sendable {
    var counts: [Int]
    var figureCounts: [Int]

    init(slotCount: Int) {
        counts = Array(repeating: 0, count: slotCount)
        figureCounts = Array(repeating: 0, count: slotCount)
    }
}

/// The figures of every group, end to end. Shared by the threads that fill it and select
/// in it: safe, because each writes only its own disjoint ranges and all are done before
/// anyone reads another's.
private final class FigureBuffer: @unchecked Sendable {
    let values: UnsafeMutableBufferPointer<Int64>

    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: 0)
    }

    deinit { values.deallocate() }
}

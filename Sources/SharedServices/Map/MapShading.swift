import TextCells

/// What each council on the map is shaded by: a measure of the arrangements in view it
/// is in. Unless the measure is `own`, a county's arrangements count for each of its
/// districts too, so a county-wide service shades the whole county. Shaded by region,
/// every district takes its region's total instead.
public struct MapShading: Sendable {
    public enum Measure: String, CaseIterable, Sendable {
        /// How many arrangements of the view the council or its county is in.
        case arrangements
        /// How many it is in itself, leaving out its county's.
        case own
        /// The savings to date of those arrangements (each in full, as partners share them).
        case savings
        /// How many of them have a partner beyond councils: fire, police, health or other.
        case beyond

        /// What a council's shade says, after "Each council shaded by".
        public var label: String {
            switch self {
            case .arrangements: return "the arrangements it or its county is in"
            case .own: return "the arrangements it is in itself (not its county's)"
            case .savings: return "the savings to date of the arrangements it or its county is in"
            case .beyond: return "the arrangements with fire, police, health or other bodies it or its county is in"
            }
        }

        /// What a region's shade says, after "Each region shaded by".
        public var regionLabel: String {
            switch self {
            case .arrangements, .own: return "the arrangements of that region"
            case .savings: return "the savings to date of that region's arrangements"
            case .beyond: return "that region's arrangements with fire, police, health or other bodies"
            }
        }

        /// A few words for the status line and the legend: "arrangements", "saved".
        public var short: String {
            switch self {
            case .arrangements: return "arrangements"
            case .own: return "own arrangements"
            case .savings: return "savings"
            case .beyond: return "beyond councils"
            }
        }

        public var isMoney: Bool { self == .savings }

        /// What one arrangement adds to the measure of each council in it, from its
        /// savings to date and the sectors of its partners (`Register.sectorMasks`).
        func value(saved: Int64?, sectorMask: UInt8) -> Int64 {
            switch self {
            case .arrangements, .own: return 1
            case .savings: return saved ?? 0
            case .beyond: return Register.isCrossSector(sectorMask) ? 1 : 0
            }
        }

        /// The same, added up over a group of arrangements: its count or its total; for
        /// `beyond`, the count of those of them with a partner beyond councils.
        func value(of group: SlotTally.Slot, beyond: SlotTally.Slot?) -> Int64 {
            switch self {
            case .arrangements, .own: return Int64(group.count)
            case .savings: return group.total
            case .beyond: return Int64(beyond?.count ?? 0)
            }
        }

        /// The next measure `m` shows.
        public var next: Measure {
            let all = Self.allCases
            return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
        }
    }

    /// A region's total in the view, for shading by region.
    public struct RegionTotal: Sendable, Equatable {
        public var region: String
        public var arrangements: Int
        /// How many of them have a savings figure.
        public var withFigures: Int
        public var value: Int64
    }

    public let measure: Measure
    public let byRegion: Bool
    /// The value each area is shaded by (0 for none), by area index.
    public let values: [Int64]
    /// How many of the arrangements behind each area's value have a savings figure: a
    /// savings value with none behind it is not reported, not zero.
    public let figuresBehind: [Int]
    /// Each council's measure, with its county's arrangements unless the measure is `own`
    /// (each arrangement once): what it is shaded by unless the map is shaded by region.
    public let councilValues: [Int64]
    /// The arrangements of the view each area is in itself, by area index; how many of
    /// them have a savings figure, and what those figures add up to.
    public let arrangementCounts: [Int]
    public let withFigure: [Int]
    public let savings: [Int64]
    /// District-level councils with no arrangement in view, theirs or (unless the measure
    /// is `own`) their county's: the councils that share nothing.
    public let sharingNothing: Int
    /// The councils in view with no area on the map (a GSS code the outlines do not have,
    /// or none), by name: listed as "not on the map". Their arrangements still count in
    /// the totals.
    public let notOnTheMap: [String]
    /// Each area's region, by the organisations list.
    public let regionOfArea: [String?]
    /// Every region's total, largest first, when shaded by region.
    public let regionTotals: [RegionTotal]

    /// `overlaps`: the rows that reach a district more than one way, worked out once for
    /// the register and the map (`MapOverlaps`); worked out here when not given.
    public init(
        register: Register, rows: [Int], geometry: MapGeometry, measure: Measure, byRegion: Bool = false,
        overlaps: MapOverlaps? = nil
    ) {
        self.init(
            register: register, rows: rows, geometry: geometry, measure: measure, byRegion: byRegion,
            overlaps: overlaps, splittingFrom: Parallel.worthSplitting)
    }

    /// `splittingFrom`: the fewest rows worth splitting across the cores (tests lower it).
    ///
    /// Each arrangement is added to each of its partners, a piece of the rows a core; an
    /// area's figures are its organisations' (a district's with its county's, unless the
    /// measure is `own`). A row that reaches a district more than one way (the district and
    /// its county are both partners, say) was added to it once for each way, so the
    /// extra ways are taken off again from `overlaps`.
    init(
        register: Register, rows: [Int], geometry: MapGeometry, measure: Measure, byRegion: Bool,
        overlaps: MapOverlaps? = nil, splittingFrom: Int
    ) {
        let outlines = geometry.outlines
        self.measure = measure
        self.byRegion = byRegion
        let organisations = register.organisations
        let areaCount = outlines.areas.count
        let places = MapOverlaps.Places(register: register, geometry: geometry)
        var regionOfArea = [String?](repeating: nil, count: areaCount)
        for (organisation, area) in places.areaOfOrganisation.enumerated() where area >= 0 {
            regionOfArea[area] = register.regionName(ofOrganisation: Int32(organisation))
        }

        // What the arrangements in view add to each organisation (each to each of its
        // partners) and to each region: the summaries' counts, on every core. The measure
        // "beyond councils" counts only the arrangements with a partner beyond councils.
        let beyond = measure == .beyond ? rows.filter { register.isCrossSector($0) } : []
        func tally(by dimension: Dimension) -> (all: SlotTally, beyond: SlotTally?) {
            (
                register.tally(rows, by: dimension, splittingFrom: splittingFrom),
                measure == .beyond ? register.tally(beyond, by: dimension, splittingFrom: splittingFrom) : nil
            )
        }
        let byOrganisation = tally(by: .organisation)

        // Each area's figures: its organisations'.
        var counts = [Int](repeating: 0, count: areaCount)
        var withFigure = [Int](repeating: 0, count: areaCount)
        var savings = [Int64](repeating: 0, count: areaCount)
        var areaValues = [Int64](repeating: 0, count: areaCount)
        var missing: [String] = []
        for organisation in 0..<organisations.count {
            let tally = byOrganisation.all.slots[organisation]
            guard tally.count > 0 else { continue }
            let area = places.areaOfOrganisation[organisation]
            guard area >= 0 else {
                if organisations.sectors[organisation] == .council { missing.append(organisations.names[organisation]) }
                continue
            }
            counts[area] += tally.count
            withFigure[area] += tally.figureCount
            savings[area] &+= tally.total
            areaValues[area] &+= measure.value(of: tally, beyond: byOrganisation.beyond?.slots[organisation])
        }

        // Each district's: its own and, unless the measure is `own`, its county's, less the
        // extra ways of the rows that reach it more than one way.
        let countsCounty = measure != .own
        // A county's own figure; a region or the country is no council and stays at 0.
        var councilValues = [Int64](repeating: 0, count: areaCount)
        for area in 0..<areaCount where outlines.areas[area].layer == .county { councilValues[area] = areaValues[area] }
        var reaching = [Int](repeating: 0, count: areaCount)
        var figuresBehind = [Int](repeating: 0, count: areaCount)
        for district in geometry.districtsByName {
            councilValues[district] = areaValues[district]
            reaching[district] = counts[district]
            figuresBehind[district] = withFigure[district]
            if countsCounty, let county = geometry.countyOfArea[district] {
                councilValues[district] &+= areaValues[county]
                reaching[district] += counts[county]
                figuresBehind[district] += withFigure[county]
            }
        }
        let overlaps = overlaps ?? MapOverlaps(register: register, geometry: geometry)
        if !overlaps.all.isEmpty {
            // How many times each row is in view (a view may repeat a row).
            var occurrences = [Int32](repeating: 0, count: register.count)
            for row in rows { occurrences[row] += 1 }
            let pounds = register.savedToDate.pounds
            let sectorMasks = register.sectorMasks
            for overlap in overlaps.all {
                let row = Int(overlap.row)
                let times = Int(occurrences[row])
                let extraWays = Int(countsCounty ? overlap.direct + overlap.throughCounty : overlap.direct) - 1
                guard times > 0, extraWays > 0 else { continue }
                let hasFigure = pounds[row] != Register.notReported
                let value = measure.value(saved: hasFigure ? pounds[row] : nil, sectorMask: sectorMasks[row])
                let district = Int(overlap.district)
                councilValues[district] &-= value &* Int64(extraWays * times)
                reaching[district] -= extraWays * times
                if hasFigure { figuresBehind[district] -= extraWays * times }
            }
        }

        var regionTotals: [String: RegionTotal] = [:]
        if byRegion {
            let byRegion = tally(by: .region)
            for id in 0..<register.regions.count where byRegion.all.slots[id].count > 0 {
                let region = register.regions[Int32(id)]
                let total = byRegion.all.slots[id]
                regionTotals[region] = RegionTotal(
                    region: region, arrangements: total.count, withFigures: total.figureCount,
                    value: measure.value(of: total, beyond: byRegion.beyond?.slots[id]))
            }
        }
        self.councilValues = councilValues
        arrangementCounts = counts
        self.withFigure = withFigure
        self.savings = savings
        self.regionOfArea = regionOfArea
        if byRegion {
            values = regionOfArea.map { $0.flatMap { regionTotals[$0]?.value } ?? 0 }
            self.figuresBehind = regionOfArea.map { $0.flatMap { regionTotals[$0]?.withFigures } ?? 0 }
        } else {
            values = councilValues
            self.figuresBehind = figuresBehind
        }
        // Sharing nothing means no arrangement at all, whatever the measure weighs; through
        // the county too, unless the measure is `own`.
        sharingNothing = geometry.districtsByName.filter { reaching[$0] == 0 }.count
        notOnTheMap = missing.sorted()
        self.regionTotals = regionTotals.values.sorted { ($0.value, $1.region) > ($1.value, $0.region) }
    }

    /// "7 councils share nothing themselves", or "… nor do their counties".
    public var sharingNothingText: String {
        Count.format(sharingNothing, "council shares nothing", "councils share nothing")
            + (measure == .own ? " themselves" : ", nor do their counties")
    }

    /// The legend's heading: "Councils by arrangements", "Regions by savings". A region
    /// has no county to leave out, so "own arrangements" are its arrangements.
    public var heading: String {
        byRegion ? "Regions by " + (measure == .own ? Measure.arrangements : measure).short : "Councils by " + measure.short
    }

    /// What the shade measures: "each council shaded by …".
    public var shadedBy: String {
        byRegion ? "each region shaded by " + measure.regionLabel : "each council shaded by " + measure.label
    }

    /// The councils not on the map, in a sentence; nil when there are none.
    public var notOnTheMapText: String? {
        guard !notOnTheMap.isEmpty else { return nil }
        return Count.format(notOnTheMap.count, "council", "councils") + " not on the map (no area; still counted): "
            + notOnTheMap.map { SafeText.visible($0) }.joined(separator: ", ")
    }

    /// Upper bounds of `classes` shading classes for the non-zero values of `layer`:
    /// quantiles, so each class holds about as many councils.
    public func classBounds(classes: Int, layer: [Int]) -> [Int64] {
        let sorted = layer.map { values[$0] }.filter { $0 > 0 }.sorted()
        guard !sorted.isEmpty, classes > 0 else { return [] }
        var bounds: [Int64] = []
        for step in 1...classes {
            let bound = sorted[min(sorted.count - 1, sorted.count * step / classes - (step == classes ? 1 : 0))]
            if bounds.last != bound { bounds.append(bound) }
        }
        return bounds
    }

    /// The class of a value: 0 for none, then 1… by `bounds`.
    public static func shadeClass(_ value: Int64, bounds: [Int64]) -> Int {
        guard value > 0 else { return 0 }
        return (bounds.firstIndex { value <= $0 } ?? (bounds.count - 1)) + 1
    }

    /// An area's value as the table and the status give it: nil for savings with no
    /// figure behind them.
    public func shownValue(ofArea area: Int) -> Int64? {
        measure.isMoney && figuresBehind[area] == 0 ? nil : values[area]
    }

    /// A region's total, likewise.
    public func shownValue(of total: RegionTotal) -> Int64? {
        measure.isMoney && total.withFigures == 0 ? nil : total.value
    }

    /// A value as the legend and the status line write it; "—" for one not reported.
    public func format(_ value: Int64?) -> String {
        guard let value else { return Money.notReportedMark }
        return format(value)
    }

    public func format(_ value: Int64) -> String {
        measure.isMoney ? Money.format(value) : Count.format(Int(value))
    }
}

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

        /// What one arrangement adds to the measure of each council in it.
        func value(of row: Int, in register: Register) -> Int64 {
            switch self {
            case .arrangements, .own: return 1
            case .savings: return register.savingsToDate(row) ?? 0
            case .beyond: return register.isCrossSector(row) ? 1 : 0
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

    public init(register: Register, rows: [Int], geometry: MapGeometry, measure: Measure, byRegion: Bool = false) {
        let outlines = geometry.outlines
        self.measure = measure
        self.byRegion = byRegion
        let organisations = register.organisations
        let areaCount = outlines.areas.count
        // Each organisation's area, once, rather than a look-up for every partner of every row.
        var areaOfOrganisation = [Int](repeating: -1, count: organisations.count)
        var regionOfArea = [String?](repeating: nil, count: areaCount)
        for index in 0..<organisations.count {
            guard let area = outlines.area(code: organisations.gssCodes[index]) else { continue }
            areaOfOrganisation[index] = area
            regionOfArea[area] = register.regionName(ofOrganisation: Int32(index))
        }
        let countsCounty = measure != .own
        let districtsOfCounty = geometry.districtsOfCounty
        var counts = [Int](repeating: 0, count: areaCount)
        var withFigure = [Int](repeating: 0, count: areaCount)
        var savings = [Int64](repeating: 0, count: areaCount)
        // Each district's measure, and how many arrangements reach it (itself, or through its
        // county unless the measure is `own`), each arrangement once: one with both a county
        // and its district as partners counts once for the district.
        var councilValues = [Int64](repeating: 0, count: areaCount)
        var tally = DistrictTally(areaCount: areaCount)
        var missing = Set<Int>()
        var regionTotals: [String: RegionTotal] = [:]
        // Flat per-area facts, so the loop over rows touches no outline.
        let layers = outlines.areas.map(\.layer)
        for (position, row) in rows.enumerated() {
            let value = measure.value(of: row, in: register)
            let saved = register.savingsToDate(row)
            for partner in register.partners(row) {
                let area = areaOfOrganisation[Int(partner)]
                guard area >= 0 else {
                    if organisations.sectors[Int(partner)] == .council { missing.insert(Int(partner)) }
                    continue
                }
                counts[area] += 1
                if let saved {
                    withFigure[area] += 1
                    savings[area] &+= saved
                }
                switch layers[area] {
                case .district: tally.reach(area, by: position, value: value, hasFigure: saved != nil)
                case .county:
                    councilValues[area] &+= value
                    if countsCounty {
                        for district in districtsOfCounty[area] { tally.reach(district, by: position, value: value, hasFigure: saved != nil) }
                    }
                case .region, .country: break
                }
            }
            if byRegion, let region = register.region(row) {
                var total = regionTotals[region] ?? RegionTotal(region: region, arrangements: 0, withFigures: 0, value: 0)
                total.arrangements += 1
                if saved != nil { total.withFigures += 1 }
                total.value &+= value
                regionTotals[region] = total
            }
        }
        for area in geometry.districtsByName { councilValues[area] = tally.values[area] }
        self.councilValues = councilValues
        arrangementCounts = counts
        self.withFigure = withFigure
        self.savings = savings
        self.regionOfArea = regionOfArea
        if byRegion {
            values = regionOfArea.map { $0.flatMap { regionTotals[$0]?.value } ?? 0 }
            figuresBehind = regionOfArea.map { $0.flatMap { regionTotals[$0]?.withFigures } ?? 0 }
        } else {
            values = councilValues
            figuresBehind = tally.withFigures
        }
        // Sharing nothing means no arrangement at all, whatever the measure weighs; through
        // the county too, unless the measure is `own`.
        sharingNothing = geometry.districtsByName.filter { tally.reaching[$0] == 0 }.count
        notOnTheMap = missing.map { organisations.names[$0] }.sorted()
        self.regionTotals = regionTotals.values.sorted { ($0.value, $1.region) > ($1.value, $0.region) }
    }

    /// What the arrangements add to each district, each arrangement once however many of its
    /// partners (the district, its county) reach the district.
    private struct DistrictTally {
        var values: [Int64]
        var reaching: [Int]
        var withFigures: [Int]
        /// The position of the last row that reached each district.
        var lastReachedBy: [Int]

        init(areaCount: Int) {
            values = [Int64](repeating: 0, count: areaCount)
            reaching = [Int](repeating: 0, count: areaCount)
            withFigures = [Int](repeating: 0, count: areaCount)
            lastReachedBy = [Int](repeating: -1, count: areaCount)
        }

        mutating func reach(_ district: Int, by position: Int, value: Int64, hasFigure: Bool) {
            guard lastReachedBy[district] != position else { return }
            lastReachedBy[district] = position
            values[district] &+= value
            reaching[district] += 1
            if hasFigure { withFigures[district] += 1 }
        }
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

    /// A value as the legend and the status line write it.
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

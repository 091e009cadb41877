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
        self.init(
            register: register, rows: rows, geometry: geometry, measure: measure, byRegion: byRegion,
            splittingFrom: Parallel.worthSplitting)
    }

    /// `splittingFrom`: the fewest rows worth splitting across the cores (tests lower it).
    init(
        register: Register, rows: [Int], geometry: MapGeometry, measure: Measure, byRegion: Bool, splittingFrom: Int
    ) {
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
        // Each piece of the rows on its own core, with its own tallies, added up after.
        let pieceCount = rows.count >= splittingFrom ? max(2, Parallel.coreCount) : 1
        let ranges = Parallel.ranges(splitting: rows.count, into: pieceCount)
        let areas = AreaFacts(
            areaOfOrganisation: areaOfOrganisation, layers: outlines.areas.map(\.layer),
            districtsOfCounty: geometry.districtsOfCounty)
        let pieces = Parallel.map(pieceCount) { piece in
            ShadingTally(
                rows[ranges[piece]], register: register, areas: areas, measure: measure, byRegion: byRegion)
        }
        var whole = pieces.first ?? ShadingTally(areaCount: areaCount, regionCount: register.regions.count)
        for piece in pieces.dropFirst() { whole.add(piece) }
        let tally = whole.districts
        let counts = whole.counts
        let withFigure = whole.withFigure
        let savings = whole.savings
        var councilValues = whole.countyValues
        var regionTotals: [String: RegionTotal] = [:]
        for (id, total) in whole.regions.enumerated() where total.arrangements > 0 {
            let region = register.regions[Int32(id)]
            regionTotals[region] = RegionTotal(
                region: region, arrangements: total.arrangements, withFigures: total.withFigures, value: total.value)
        }
        let missing = whole.missing
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

    /// Where each organisation is on the map, and what each area is.
    private struct AreaFacts: Sendable {
        /// -1 for an organisation with no area.
        let areaOfOrganisation: [Int]
        let layers: [MapLayer]
        let districtsOfCounty: [[Int]]
    }

    /// What the arrangements add to each district, each arrangement once however many of its
    /// partners (the district, its county) reach the district.
    private struct DistrictTally: Sendable {
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

        mutating func add(_ other: DistrictTally) {
            for area in values.indices {
                values[area] &+= other.values[area]
                reaching[area] += other.reaching[area]
                withFigures[area] += other.withFigures[area]
            }
        }
    }

    /// A region's arrangements, figures and measure, by the register's region number.
    private struct RegionTally: Sendable {
        var arrangements = 0
        var withFigures = 0
        var value: Int64 = 0
    }

    /// What some of the rows add to each area and region.
    private struct ShadingTally: Sendable {
        /// The arrangements each area is in itself, how many have a figure, and their savings.
        var counts: [Int]
        var withFigure: [Int]
        var savings: [Int64]
        /// Each county's measure (its own arrangements); districts' come from `districts`.
        var countyValues: [Int64]
        var districts: DistrictTally
        var regions: [RegionTally]
        /// Councils in view with no area, by organisation number.
        var missing = Set<Int>()

        init(areaCount: Int, regionCount: Int) {
            counts = [Int](repeating: 0, count: areaCount)
            withFigure = [Int](repeating: 0, count: areaCount)
            savings = [Int64](repeating: 0, count: areaCount)
            countyValues = [Int64](repeating: 0, count: areaCount)
            districts = DistrictTally(areaCount: areaCount)
            regions = [RegionTally](repeating: RegionTally(), count: regionCount)
        }

        init(_ rows: ArraySlice<Int>, register: Register, areas: AreaFacts, measure: Measure, byRegion: Bool) {
            self.init(areaCount: areas.layers.count, regionCount: register.regions.count)
            let countsCounty = measure != .own
            let sectors = register.organisations.sectors
            let (partnerStarts, partnerIDs) = (register.partnerStarts, register.partnerIDs)
            let (pounds, sectorMasks, regionIDs) = (register.savedToDate.pounds, register.sectorMasks, register.regionIDs)
            for (position, row) in rows.enumerated() {
                let saved = pounds[row]
                let hasFigure = saved != Register.notReported
                let value = measure.value(saved: hasFigure ? saved : nil, sectorMask: sectorMasks[row])
                for index in Int(partnerStarts[row])..<Int(partnerStarts[row + 1]) {
                    let partner = Int(partnerIDs[index])
                    let area = areas.areaOfOrganisation[partner]
                    guard area >= 0 else {
                        if sectors[partner] == .council { missing.insert(partner) }
                        continue
                    }
                    counts[area] += 1
                    if hasFigure {
                        withFigure[area] += 1
                        savings[area] &+= saved
                    }
                    switch areas.layers[area] {
                    case .district: districts.reach(area, by: position, value: value, hasFigure: hasFigure)
                    case .county:
                        countyValues[area] &+= value
                        if countsCounty {
                            for district in areas.districtsOfCounty[area] {
                                districts.reach(district, by: position, value: value, hasFigure: hasFigure)
                            }
                        }
                    case .region, .country: break
                    }
                }
                if byRegion, regionIDs[row] >= 0 {
                    let region = Int(regionIDs[row])
                    regions[region].arrangements += 1
                    if hasFigure { regions[region].withFigures += 1 }
                    regions[region].value &+= value
                }
            }
        }

        mutating func add(_ other: ShadingTally) {
            for area in counts.indices {
                counts[area] += other.counts[area]
                withFigure[area] += other.withFigure[area]
                savings[area] &+= other.savings[area]
                countyValues[area] &+= other.countyValues[area]
            }
            districts.add(other.districts)
            for region in regions.indices {
                regions[region].arrangements += other.regions[region].arrangements
                regions[region].withFigures += other.regions[region].withFigures
                regions[region].value &+= other.regions[region].value
            }
            missing.formUnion(other.missing)
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

/// What each council on the map is shaded by: a measure of the arrangements in view it
/// is in. A county's arrangements count for each of its districts too, so a county-wide
/// service shades the whole county.
public struct MapShading: Sendable {
    public enum Measure: String, CaseIterable, Sendable {
        /// How many arrangements of the view the council (or its county) is in.
        case arrangements
        /// The savings to date of those arrangements (each in full, as partners share them).
        case savings

        public var label: String {
            switch self {
            case .arrangements: return "arrangements it or its county is in"
            case .savings: return "savings to date of the arrangements it or its county is in"
            }
        }
    }

    /// The value of each area of the outlines (0 for none), by area index.
    public let values: [Int64]
    /// Areas of the district layer with a value of 0: the councils that share nothing.
    public let sharingNothing: Int
    /// The organisations in view with no GSS code on the map (bodies other than councils,
    /// or codes the outlines do not have), by name: listed as "not on the map".
    public let notOnTheMap: [String]

    public init(register: Register, rows: [Int], outlines: AreaOutlines, measure: Measure) {
        let summaries = OrganisationSummary.rows(register: register, arrangements: rows)
        let organisations = register.organisations
        var own = [Int64](repeating: 0, count: outlines.areas.count)
        var missing: [String] = []
        for summary in summaries where summary.arrangements > 0 {
            let index = Int(summary.organisation)
            let value = measure == .arrangements ? Int64(summary.arrangements) : (summary.withFigure > 0 ? summary.savings : 0)
            if let area = outlines.area(code: organisations.gssCodes[index]) {
                own[area] &+= value
            } else if organisations.sectors[index] == .council {
                missing.append(organisations.names[index])
            }
        }
        // A district's county, from the organisations file's `county` column.
        let countyColumn = organisations.extraColumnNames.firstIndex(of: "county")
        var countyOfArea = [Int?](repeating: nil, count: outlines.areas.count)
        if let countyColumn {
            var countyArea: [String: Int] = [:]
            for index in 0..<organisations.count {
                if let area = outlines.area(code: organisations.gssCodes[index]) { countyArea[organisations.names[index]] = area }
            }
            for index in 0..<organisations.count {
                guard let area = outlines.area(code: organisations.gssCodes[index]),
                    organisations.extraValues[index].indices.contains(countyColumn)
                else { continue }
                countyOfArea[area] = countyArea[organisations.extraValues[index][countyColumn]]
            }
        }
        var values = own
        for (area, county) in countyOfArea.enumerated() {
            if let county, outlines.areas[area].layer == .district { values[area] &+= own[county] }
        }
        self.values = values
        sharingNothing = outlines.areas.indices.filter { outlines.areas[$0].layer == .district && values[$0] == 0 }.count
        notOnTheMap = missing.sorted()
    }

    /// Upper bounds of `classes` shading classes for the non-zero values: quantiles, so
    /// each class holds about as many councils.
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
}

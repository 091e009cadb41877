import Foundation
import Testing

@testable import SharedServices

/// The map's shading against a plain reference that walks every partner of every row and
/// counts each arrangement once for a district by remembering the last row that reached
/// it: for every measure, by council and by region, whole and filtered, on the sample, on
/// a generated register, and on rows that reach a district several ways at once.
@Suite struct MapShadingTests {
    static let geometry: MapGeometry? = (try? AreaOutlines.read(path: PackagePaths.sampleData + "/england-2017-areas.txt"))
        .map(MapGeometry.init(outlines:))

    /// What the shading must give, worked out the plain way.
    struct Reference: Equatable {
        var councilValues: [Int64]
        var figuresBehind: [Int]
        var arrangementCounts: [Int]
        var withFigure: [Int]
        var savings: [Int64]
        var sharingNothing: Int
        var notOnTheMap: [String]
        var regionTotals: [String: MapShading.RegionTotal]

        init(register: Register, rows: [Int], geometry: MapGeometry, measure: MapShading.Measure) {
            let outlines = geometry.outlines
            let organisations = register.organisations
            let areaCount = outlines.areas.count
            var councilValues = [Int64](repeating: 0, count: areaCount)
            var figuresBehind = [Int](repeating: 0, count: areaCount)
            var arrangementCounts = [Int](repeating: 0, count: areaCount)
            var withFigure = [Int](repeating: 0, count: areaCount)
            var savings = [Int64](repeating: 0, count: areaCount)
            var regionTotals: [String: MapShading.RegionTotal] = [:]
            var reaching = [Int](repeating: 0, count: areaCount)
            var lastReachedBy = [Int](repeating: -1, count: areaCount)
            var missing = Set<String>()
            for (position, row) in rows.enumerated() {
                let saved = register.savingsToDate(row)
                let value: Int64
                switch measure {
                case .arrangements, .own: value = 1
                case .savings: value = saved ?? 0
                case .beyond: value = register.isCrossSector(row) ? 1 : 0
                }
                func reach(_ district: Int) {
                    guard lastReachedBy[district] != position else { return }
                    lastReachedBy[district] = position
                    councilValues[district] += value
                    reaching[district] += 1
                    if saved != nil { figuresBehind[district] += 1 }
                }
                for partner in register.partners(row) {
                    guard let area = outlines.area(code: organisations.gssCodes[Int(partner)]) else {
                        if organisations.sectors[Int(partner)] == .council { missing.insert(organisations.names[Int(partner)]) }
                        continue
                    }
                    arrangementCounts[area] += 1
                    if let saved {
                        withFigure[area] += 1
                        savings[area] += saved
                    }
                    switch outlines.areas[area].layer {
                    case .district: reach(area)
                    case .county:
                        councilValues[area] += value
                        if measure != .own { geometry.districtsOfCounty[area].forEach(reach) }
                    case .region, .country: break
                    }
                }
                if let region = register.region(row) {
                    var total = regionTotals[region] ?? .init(region: region, arrangements: 0, withFigures: 0, value: 0)
                    total.arrangements += 1
                    if saved != nil { total.withFigures += 1 }
                    total.value += value
                    regionTotals[region] = total
                }
            }
            self.councilValues = councilValues
            self.figuresBehind = figuresBehind
            self.arrangementCounts = arrangementCounts
            self.withFigure = withFigure
            self.savings = savings
            self.regionTotals = regionTotals
            sharingNothing = geometry.districtsByName.filter { reaching[$0] == 0 }.count
            notOnTheMap = missing.sorted()
        }
    }

    static func expectSame(
        _ register: Register, rows: [Int], geometry: MapGeometry, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for measure in MapShading.Measure.allCases {
            let reference = Reference(register: register, rows: rows, geometry: geometry, measure: measure)
            for splittingFrom in [1, Int.max] {
                let shading = MapShading(
                    register: register, rows: rows, geometry: geometry, measure: measure, byRegion: false,
                    splittingFrom: splittingFrom)
                let context = "\(what), \(measure), \(splittingFrom == 1 ? "in pieces" : "in one")"
                #expect(shading.councilValues == reference.councilValues, "\(context)", sourceLocation: sourceLocation)
                #expect(shading.values == reference.councilValues, "\(context)", sourceLocation: sourceLocation)
                #expect(shading.figuresBehind == reference.figuresBehind, "\(context)", sourceLocation: sourceLocation)
                #expect(shading.arrangementCounts == reference.arrangementCounts, "\(context)", sourceLocation: sourceLocation)
                #expect(shading.withFigure == reference.withFigure, "\(context)", sourceLocation: sourceLocation)
                #expect(shading.savings == reference.savings, "\(context)", sourceLocation: sourceLocation)
                #expect(shading.sharingNothing == reference.sharingNothing, "\(context)", sourceLocation: sourceLocation)
                #expect(shading.notOnTheMap == reference.notOnTheMap, "\(context)", sourceLocation: sourceLocation)
                let byRegion = MapShading(
                    register: register, rows: rows, geometry: geometry, measure: measure, byRegion: true,
                    splittingFrom: splittingFrom)
                #expect(
                    Dictionary(uniqueKeysWithValues: byRegion.regionTotals.map { ($0.region, $0) }) == reference.regionTotals,
                    "\(context), by region", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func theSampleIsShadedAsCountedPlainly() throws {
        let geometry = try #require(Self.geometry)
        let loaded = try RegisterLoader.load(arrangements: PackagePaths.sampleData + "/arrangements.csv")
        let register = loaded.register
        Self.expectSame(register, rows: register.allRows, geometry: geometry, "the sample")
        // A filtered view, in another order: the shading follows the rows given.
        let some = register.allRows.filter { $0 % 3 != 1 }.reversed()
        Self.expectSame(register, rows: Array(some), geometry: geometry, "two thirds of the sample, reversed")
        Self.expectSame(register, rows: [], geometry: geometry, "no rows")
    }

    @Test func aGeneratedRegisterIsShadedAsCountedPlainly() throws {
        let geometry = try #require(Self.geometry)
        let reported = try RegisterLoader.load(
            arrangements: PackagePaths.sampleData + "/reported-arrangements.csv",
            organisations: PackagePaths.sampleData + "/organisations.csv")
        let csv = RegisterGenerator(reported: reported.register, seed: 14).arrangementsCSV(count: 5_000)
        let register = try RegisterLoader.load(arrangementBytes: Array(csv.utf8), file: "generated.csv").register
        Self.expectSame(register, rows: register.allRows, geometry: geometry, "5,000 generated rows")
    }

    /// Rows that reach a district several ways at once: two organisations with the
    /// district's code, the county and its district, two organisations with the county's
    /// code, a council with no area, and a body with a region's code (no council).
    @Test func rowsThatReachADistrictSeveralWaysCountOnceForIt() throws {
        let geometry = try #require(Self.geometry)
        let sampleOrganisations = try String(contentsOfFile: PackagePaths.sampleData + "/organisations.csv", encoding: .utf8)
        let organisations = sampleOrganisations
            + "Teignbridge Shared Services,council,district,South West,E07000045,,,,\n"
            + "Devon Trading Standards Service,council,county,South West,E10000008,,,,\n"
            + "South West Councils,other,partnership,South West,E12000009,,,,\n"
        let partners = [
            "Teignbridge District Council; Teignbridge Shared Services",
            "Devon County Council; Teignbridge District Council",
            "Devon County Council; Devon Trading Standards Service; Exeter City Council",
            "Devon County Council; Devon Trading Standards Service; Teignbridge District Council; Teignbridge Shared Services",
            "Teignbridge Shared Services; Nowhere Borough Council",
            "Exeter City Council; Mid Devon District Council; South West Councils",
        ]
        var csv = "id,name,service_area,service,partners,lead,region,start_year,status,savings_to_date\n"
        for (index, list) in partners.enumerated() {
            for copy in 0..<3 {
                let savings = copy == 2 ? "" : "\(1_000 * (index + 1))"
                csv += "R\(index)-\(copy),Shared \(index),Back office,HR,\(list),,South West,2015,operational,\(savings)\n"
            }
        }
        let register = try RegisterLoader.load(
            arrangementBytes: Array(csv.utf8), file: "several-ways.csv", organisationBytes: Array(organisations.utf8),
            organisationsFile: "organisations.csv"
        ).register
        #expect(register.count == partners.count * 3)
        Self.expectSame(register, rows: register.allRows, geometry: geometry, "rows reaching a district several ways")
        Self.expectSame(register, rows: [3, 4, 5, 9, 10], geometry: geometry, "some of them")
    }
}

/// The rows that reach a district more than one way: through two of their partners in it
/// (two organisations with its code), through it and its county, or through two partners
/// in its county. The map's shading adds each arrangement to each of its partners, then
/// takes these extra ways off, so that an arrangement counts once for a district. They
/// depend only on the rows' partners and the map, so they are worked out once, on every
/// core, and kept while the filters change.
public struct MapOverlaps: Sendable {
    struct Overlap: Sendable {
        var row: Int32
        var district: Int32
        /// How many of the row's partners are the district, and its county.
        var direct: Int32
        var throughCounty: Int32
    }

    /// By row.
    let all: [Overlap]

    /// Where each organisation is on the map, and what each area is.
    struct Places: Sendable {
        /// -1 for an organisation with no area.
        let areaOfOrganisation: [Int]
        let layers: [MapLayer]

        init(register: Register, geometry: MapGeometry) {
            let organisations = register.organisations
            areaOfOrganisation = organisations.gssCodes.map { geometry.outlines.area(code: $0) ?? -1 }
            layers = geometry.outlines.areas.map(\.layer)
        }
    }

    public init(register: Register, geometry: MapGeometry) {
        let places = Places(register: register, geometry: geometry)
        let count = register.count
        let ranges = Parallel.pieces(of: count, perCore: 2)
        let pieces = Parallel.map(ranges.count) { piece in
            Self.overlaps(of: ranges[piece], register: register, geometry: geometry, places: places)
        }
        all = Array(pieces.joined())
    }

    private static func overlaps(
        of rows: Range<Int>, register: Register, geometry: MapGeometry, places: Places
    ) -> [Overlap] {
        let (partnerStarts, partnerIDs) = (register.partnerStarts, register.partnerIDs)
        var found: [Overlap] = []
        // The row's partners' districts and counties, each as often as a partner is in it.
        var districts: [Int] = []
        var counties: [Int] = []
        for row in rows {
            districts.removeAll(keepingCapacity: true)
            counties.removeAll(keepingCapacity: true)
            for index in Int(partnerStarts[row])..<Int(partnerStarts[row + 1]) {
                let area = places.areaOfOrganisation[Int(partnerIDs[index])]
                guard area >= 0 else { continue }
                switch places.layers[area] {
                case .district: districts.append(area)
                case .county: counties.append(area)
                case .region, .country: break
                }
            }
            guard districts.count + counties.count >= 2 else { continue }
            for (place, district) in districts.enumerated() where !districts[..<place].contains(district) {
                let direct = districts.count { $0 == district }
                let county = geometry.countyOfArea[district]
                let throughCounty = county.map { county in counties.count { $0 == county } } ?? 0
                if direct + throughCounty >= 2 {
                    found.append(
                        Overlap(
                            row: Int32(row), district: Int32(district), direct: Int32(direct),
                            throughCounty: Int32(throughCounty)))
                }
            }
            // Districts reached only through a county that two partners are in.
            for (place, county) in counties.enumerated() where !counties[..<place].contains(county) {
                let times = counties.count { $0 == county }
                guard times >= 2 else { continue }
                for district in geometry.districtsOfCounty[county] where !districts.contains(district) {
                    found.append(
                        Overlap(row: Int32(row), district: Int32(district), direct: 0, throughCounty: Int32(times)))
                }
            }
        }
        return found
    }
}

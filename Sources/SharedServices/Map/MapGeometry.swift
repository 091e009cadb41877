/// What the map needs of its outlines beyond the outlines themselves, worked out once:
/// the district-level areas (the councils a cursor moves between) in name order, a centre
/// for each area, from which directions and the lines between partners are taken, and the
/// county each district lies in.
public struct MapGeometry: Sendable {
    public let outlines: AreaOutlines
    /// The district-level areas, by name: the order `/` searches them in.
    public let districtsByName: [Int]
    /// Each area's centre in degrees: the centroid of its largest ring.
    public let centres: [(longitude: Double, latitude: Double)]
    /// The county area each district lies in, by area index; nil for unitaries, metropolitan
    /// and London boroughs, and for areas that are not districts.
    public let countyOfArea: [Int?]
    /// The districts of each county, in name order, by area index; empty for other areas.
    public let districtsOfCounty: [[Int]]

    public init(outlines: AreaOutlines) {
        self.outlines = outlines
        let areas = outlines.areas
        districtsByName = areas.indices.filter { areas[$0].layer == .district }
            .sorted { (areas[$0].name.lowercased(), $0) < (areas[$1].name.lowercased(), $1) }
        let centres = areas.map(Self.centre)
        self.centres = centres
        let counties = areas.indices.filter { areas[$0].layer == .county }
        let countyOfArea = areas.indices.map { index -> Int? in
            guard areas[index].layer == .district else { return nil }
            let point = Self.insidePoint(of: areas[index], centre: centres[index])
            return counties.first { county in
                areas[county].bounds.contains(areas[index].bounds) && Self.contains(areas[county].rings, point)
            }
        }
        self.countyOfArea = countyOfArea
        var districtsOfCounty = [[Int]](repeating: [], count: areas.count)
        for district in districtsByName { if let county = countyOfArea[district] { districtsOfCounty[county].append(district) } }
        self.districtsOfCounty = districtsOfCounty
    }

    /// Of `areas`, the one whose centre is nearest the middle of their centres (`among`
    /// all district-level areas and a given point when `point` is set); nil for none.
    public func nearest(among areas: [Int], to point: (longitude: Double, latitude: Double)? = nil) -> Int? {
        guard !areas.isEmpty else { return nil }
        let target = point ?? {
            let sum = areas.reduce((0.0, 0.0)) { ($0.0 + centres[$1].longitude, $0.1 + centres[$1].latitude) }
            return (sum.0 / Double(areas.count), sum.1 / Double(areas.count))
        }()
        func distance(_ area: Int) -> Double {
            // In the map's proportions: a degree of longitude is shorter than one of latitude.
            let dx = (centres[area].longitude - target.longitude) * MapProjection.longitudeScale
            let dy = centres[area].latitude - target.latitude
            return dx * dx + dy * dy
        }
        return areas.min { distance($0) < distance($1) }
    }

    /// The centroid of the area's largest ring (a council's mainland, not its islands);
    /// the middle of its bounds when the ring has no area.
    static func centre(of area: MapArea) -> (longitude: Double, latitude: Double) {
        var best: (area: Double, x: Double, y: Double)?
        for ring in area.rings where ring.count >= 3 {
            var twiceArea = 0.0
            var x = 0.0
            var y = 0.0
            for index in ring.indices {
                let a = ring[index]
                let b = ring[(index + 1) % ring.count]
                let cross = a.longitude * b.latitude - b.longitude * a.latitude
                twiceArea += cross
                x += (a.longitude + b.longitude) * cross
                y += (a.latitude + b.latitude) * cross
            }
            guard twiceArea != 0, abs(twiceArea) > abs(best?.area ?? 0) else { continue }
            best = (twiceArea, x / (3 * twiceArea), y / (3 * twiceArea))
        }
        if let best { return (best.x, best.y) }
        return (
            (Double(area.bounds.minX) + Double(area.bounds.maxX)) / 2000,
            (Double(area.bounds.minY) + Double(area.bounds.maxY)) / 2000
        )
    }

    /// A point inside the area: its centre when that is inside (a crescent's is not), else
    /// the middle of the widest stretch of the area along the centre's latitude.
    static func insidePoint(of area: MapArea, centre: (longitude: Double, latitude: Double)) -> (Double, Double) {
        if contains(area.rings, centre) { return centre }
        let y = centre.latitude
        var crossings: [Double] = []
        for ring in area.rings {
            for index in ring.indices {
                let a = ring[index]
                let b = ring[(index + 1) % ring.count]
                let (low, high) = a.latitude < b.latitude ? (a.latitude, b.latitude) : (b.latitude, a.latitude)
                guard y >= low && y < high else { continue }
                crossings.append(a.longitude + (y - a.latitude) * (b.longitude - a.longitude) / (b.latitude - a.latitude))
            }
        }
        crossings.sort()
        var best: (width: Double, x: Double)?
        var index = 0
        while index + 1 < crossings.count {
            let width = crossings[index + 1] - crossings[index]
            if width > best?.width ?? 0 { best = (width, (crossings[index] + crossings[index + 1]) / 2) }
            index += 2
        }
        return (best?.x ?? centre.longitude, y)
    }

    /// Whether a point lies inside rings, by the even-odd rule.
    static func contains(_ rings: [[MapPoint]], _ point: (longitude: Double, latitude: Double)) -> Bool {
        var inside = false
        for ring in rings {
            var previous = ring.last
            for current in ring {
                guard let last = previous else { break }
                if (current.latitude > point.latitude) != (last.latitude > point.latitude) {
                    let x = current.longitude
                        + (point.latitude - current.latitude) * (last.longitude - current.longitude)
                        / (last.latitude - current.latitude)
                    if point.longitude < x { inside.toggle() }
                }
                previous = current
            }
        }
        return inside
    }
}

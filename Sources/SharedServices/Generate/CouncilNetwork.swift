/// The councils and other bodies the generator draws partners from, with who neighbours
/// whom, worked out once so that each generated row costs a few lookups.
struct CouncilNetwork {
    private let organisations: OrganisationTable
    let councils: [Int32]
    let counties: [Int32]
    let districts: [Int32]
    let upperTier: [Int32]
    let districtsByCounty: [Int32: [Int32]]
    let countyOfDistrict: [Int32: Int32]
    /// Fire, police and health bodies from the organisations file, by sector.
    let crossSectorPartners: [Sector: [Int32]]
    /// For each council and each tier, the other councils of that tier, nearest first.
    private let nearestByTier: [CatalogueService.Tier: [Int32: [Int32]]]
    private let shortNames: [String]
    /// The register's region vocabulary, which organisations' region ids index.
    private let regionNames: [String]

    private enum Kind { case county, district, unitaryLike }
    private let kinds: [Int32: Kind]

    init(_ organisations: OrganisationTable, regions: Vocabulary) {
        self.organisations = organisations
        regionNames = regions.values
        shortNames = organisations.names.map(OrganisationName.shortName)
        var councils: [Int32] = []
        var kinds: [Int32: Kind] = [:]
        var partnersBySector: [Sector: [Int32]] = [:]
        for index in 0..<organisations.count where organisations.listed[index] {
            let id = Int32(index)
            let sector = organisations.sectors[index]
            guard sector == .council else {
                partnersBySector[sector, default: []].append(id)
                continue
            }
            councils.append(id)
            switch organisations.types[index].lowercased() {
            case "county": kinds[id] = .county
            case "district": kinds[id] = .district
            default: kinds[id] = .unitaryLike
            }
        }
        partnersBySector[.other] = nil
        self.councils = councils
        self.kinds = kinds
        self.crossSectorPartners = partnersBySector
        counties = councils.filter { kinds[$0] == .county }
        districts = councils.filter { kinds[$0] == .district }
        upperTier = councils.filter { kinds[$0] != .district }

        // Districts name their county in the organisations file's "county" column.
        var byCounty: [Int32: [Int32]] = [:]
        var countyOf: [Int32: Int32] = [:]
        if let countyColumn = organisations.extraColumnNames.firstIndex(where: { $0.lowercased() == "county" }) {
            for district in councils where kinds[district] == .district {
                let countyName = organisations.extraValues[Int(district)][countyColumn]
                if case .found(let county) = organisations.resolve(countyName), kinds[county] == .county {
                    byCounty[county, default: []].append(district)
                    countyOf[district] = county
                }
            }
        }
        districtsByCounty = byCounty
        countyOfDistrict = countyOf

        func position(_ id: Int32) -> (Double, Double) {
            (organisations.latitudes[Int(id)] ?? 52.5, organisations.longitudes[Int(id)] ?? -1.5)
        }
        var nearest: [CatalogueService.Tier: [Int32: [Int32]]] = [:]
        for tier in [CatalogueService.Tier.upper, .lower, .any] {
            var lists: [Int32: [Int32]] = [:]
            for council in councils {
                let anchorKind = kinds[council] ?? .unitaryLike
                let pool = councils.filter { other in
                    guard other != council, let kind = kinds[other] else { return false }
                    switch tier {
                    case .upper: return kind != .district
                    case .lower: return kind != .county
                    case .any:
                        // Like with like: counties with upper tiers, districts with lower tiers.
                        switch anchorKind {
                        case .county: return kind != .district
                        case .district: return kind != .county
                        case .unitaryLike: return kind == .unitaryLike
                        }
                    }
                }
                let (latitude, longitude) = position(council)
                let region = organisations.regions[Int(council)]
                // Squared distance in degrees, longitude shrunk for England's latitude;
                // a neighbour across a regional border counts as farther away.
                let distances = pool.map { other -> (Int32, Double) in
                    let (otherLatitude, otherLongitude) = position(other)
                    let north = otherLatitude - latitude
                    let east = (otherLongitude - longitude) * 0.62
                    let penalty = organisations.regions[Int(other)] == region ? 0.0 : 0.5
                    return (other, north * north + east * east + penalty)
                }
                lists[council] = distances.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
            }
            nearest[tier] = lists
        }
        nearestByTier = nearest
    }

    func isUpperTier(_ council: Int32) -> Bool { kinds[council] != .district }

    /// Whether a council provides services of a tier.
    func provides(_ tier: CatalogueService.Tier, _ council: Int32) -> Bool {
        switch tier {
        case .any: return true
        case .upper: return kinds[council] != .district
        case .lower: return kinds[council] != .county
        }
    }

    /// `count` councils near `council` providing `tier`, chosen at random among the
    /// nearest few so that neighbours do not always pair the same way.
    func neighbours(
        of council: Int32, count: Int, tier: CatalogueService.Tier, excluding: Set<Int32>, rng: inout SplitMix64
    ) -> [Int32] {
        let list = nearestByTier[tier]?[council] ?? []
        var candidates: [Int32] = []
        for other in list where !excluding.contains(other) {
            candidates.append(other)
            if candidates.count >= count * 2 + 1 { break }
        }
        rng.shuffle(&candidates)
        return Array(candidates.prefix(count))
    }

    func shortName(_ id: Int32) -> String { shortNames[Int(id)] }

    /// A name for where a group of councils is: their county, else their region.
    func areaName(_ partners: [Int32]) -> String {
        let countiesOfPartners = Set(partners.map { countyOfDistrict[$0] ?? $0 })
        if countiesOfPartners.count == 1, let county = countiesOfPartners.first, kinds[county] == .county {
            return shortName(county)
        }
        let regions = Set(partners.map { organisations.regions[Int($0)] })
        if regions.count == 1, let region = regions.first, region >= 0 {
            return regionNames[Int(region)]
        }
        return "Cross-region"
    }


    /// A fire, police or health body for a council: the one named after its area if any
    /// ("Kent Fire and Rescue Service" for a Kent district), else one in its region.
    func partnerBody(for council: Int32, sector: Sector, rng: inout SplitMix64) -> Int32 {
        let bodies = crossSectorPartners[sector] ?? []
        let placeNames = [shortName(council)] + (countyOfDistrict[council].map { [shortName($0)] } ?? [])
        for place in placeNames {
            if let named = bodies.first(where: { organisations.names[Int($0)].hasPrefix(place + " ") }) {
                return named
            }
        }
        let region = organisations.regions[Int(council)]
        let inRegion = bodies.filter { organisations.regions[Int($0)] == region }
        let pool = inRegion.isEmpty ? bodies : inRegion
        return pool[rng.below(pool.count)]
    }
}

/// Collects a register row by row while loading, then hands over the finished,
/// immutable `Register`.
struct RegisterBuilder {
    private(set) var register = Register()
    /// Partner spellings already resolved, so each distinct spelling is matched once.
    private var partnerCache: [Substring: PartnerMatch] = [:]

    enum PartnerMatch: Equatable {
        /// Listed in the organisations file.
        case listed(Int32)
        /// Not in the organisations file: added with a sector guessed from its name.
        case unlisted(Int32)
        /// Matches two or more listed organisations equally; added as written.
        case ambiguous(Int32)

        var id: Int32 {
            switch self {
            case .listed(let id), .unlisted(let id), .ambiguous(let id): return id
            }
        }
    }

    var organisations: OrganisationTable { register.organisations }

    mutating func setOrganisationExtraColumns(_ names: [String]) {
        register.organisations.setExtraColumnNames(names)
    }

    mutating func setExtraColumns(_ names: [String]) {
        register.extraColumnNames = names
    }

    mutating func internRegion(_ text: String) -> Int32 {
        text.isEmpty ? -1 : register.regions.intern(text)
    }

    @discardableResult
    mutating func addListedOrganisation(
        name: String, sector: Sector, type: String, region: Int32, gssCode: String,
        latitude: Double?, longitude: Double?, extras: [String]
    ) -> Int32 {
        register.organisations.add(
            name: name, sector: sector, type: type, region: region, gssCode: gssCode,
            latitude: latitude, longitude: longitude, listed: true, extras: extras)
    }

    /// The organisation a partner's name stands for, adding it when no listed one matches.
    mutating func matchPartner(_ spelling: Substring) -> PartnerMatch {
        if let cached = partnerCache[spelling] { return cached }
        let name = String(spelling)
        let match: PartnerMatch
        switch register.organisations.resolve(name) {
        case .found(let id):
            match = register.organisations.listed[Int(id)] ? .listed(id) : .unlisted(id)
        case .ambiguous:
            match = .ambiguous(addUnlisted(name))
        case .notFound:
            match = .unlisted(addUnlisted(name))
        }
        partnerCache[Substring(name)] = match
        return match
    }

    private mutating func addUnlisted(_ name: String) -> Int32 {
        let extras = Array(repeating: "", count: register.organisations.extraColumnNames.count)
        return register.organisations.add(
            name: name, sector: Sector.guessed(fromName: name), type: "", region: -1, gssCode: "",
            latitude: nil, longitude: nil, listed: false, extras: extras)
    }

    struct Row {
        var id: String
        var name: String
        var serviceArea: String
        var service: String
        var partners: [Int32]
        var lead: Int32?
        var region: String
        var startYear: Int?
        var status: Status?
        var provenance: Provenance?
        var savingsToDate: Int64?
        var savingsLatestYear: Int64?
        var description: String
        var source: String
        var line: Int
        var extras: [String]
    }

    mutating func append(_ row: Row) {
        register.ids.append(row.id)
        register.names.append(row.name)
        register.serviceAreaIDs.append(row.serviceArea.isEmpty ? -1 : register.serviceAreas.intern(row.serviceArea))
        register.serviceIDs.append(row.service.isEmpty ? -1 : register.services.intern(row.service))
        register.regionIDs.append(internRegion(row.region))
        register.leadIDs.append(row.lead ?? -1)
        register.partnerIDs.append(contentsOf: row.partners)
        register.partnerStarts.append(Int32(register.partnerIDs.count))
        var mask: UInt8 = 0
        for partner in row.partners { mask |= register.organisations.sectors[Int(partner)].bit }
        register.sectorMasks.append(mask)
        register.startYears.append(Int16(row.startYear ?? 0))
        register.statusCodes.append(row.status?.rawValue ?? UInt8.max)
        register.provenanceCodes.append(row.provenance?.rawValue ?? UInt8.max)
        register.savingsToDate.append(row.savingsToDate ?? Register.notReported)
        register.savingsLatestYear.append(row.savingsLatestYear ?? Register.notReported)
        register.descriptions.append(row.description)
        register.sourceIDs.append(register.sourceTexts.intern(row.source))
        register.lines.append(Int32(clamping: row.line))
        register.extraValues.append(row.extras)
    }

    /// Precomputes what queries need (folded search text) and returns the register.
    consuming func finish() -> Register {
        for row in 0..<register.count {
            let name = register.names[row]
            let description = register.descriptions[row]
            if !name.utf8.allSatisfy({ $0 < 0x80 }) || !description.utf8.allSatisfy({ $0 < 0x80 }) {
                register.foldedNonASCIIText[Int32(row)] = TextSearch.fold(name + "\n" + description)
            }
        }
        register.foldedOrganisationNames = register.organisations.names.map(TextSearch.fold)
        register.sortOrders = SortOrders()
        return register
    }
}

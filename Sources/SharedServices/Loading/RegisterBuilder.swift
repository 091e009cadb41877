/// Collects a register row by row while loading, then hands over the finished,
/// immutable `Register`.
struct RegisterBuilder {
    private(set) var register = Register()
    /// The ids of the rows kept so far, which become the register's id column: row `r`'s
    /// id is interned as number `r`, so a lookup finds the row an id is already used on.
    private var idIndex = ByteInterner(expectedCount: 1_024)
    /// Partner spellings already resolved, so each distinct spelling is matched once.
    private var partnerCache: [Substring: PartnerMatch] = [:]
    /// The listed organisations nearest to each partner the list does not hold, found once
    /// per name, when it is first seen.
    private var suggestions = PartnerSuggestions()

    enum PartnerMatch: Equatable {
        /// Listed in the organisations file.
        case listed(Int32)
        /// Not in the organisations list: added with a sector guessed from its name.
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

    /// A category's number; a new category is spelt as first written, without the spaces
    /// around it (the cell as written is kept apart when it differs).
    mutating func internRegion(_ text: String) -> Int32 {
        Self.intern(text, in: &register.regions)
    }

    mutating func internServiceArea(_ text: String) -> Int32 {
        Self.intern(text, in: &register.serviceAreas)
    }

    mutating func internService(_ text: String) -> Int32 {
        Self.intern(text, in: &register.services)
    }

    private static func intern(_ text: String, in vocabulary: inout Vocabulary) -> Int32 {
        let trimmed = text.trimmingWhitespace()
        return trimmed.isEmpty ? -1 : vocabulary.intern(trimmed)
    }

    mutating func internSource(_ text: String) -> Int32 {
        register.sourceTexts.intern(text)
    }

    mutating func reserveCapacity(rows: Int, nameBytes: Int, descriptionBytes: Int) {
        idIndex.reserveCapacity(rows)
        register.names.reserveCapacity(rows: rows, bytes: nameBytes)
        register.descriptions.reserveCapacity(rows: rows, bytes: descriptionBytes)
        register.serviceAreaIDs.reserveCapacity(rows)
        register.serviceIDs.reserveCapacity(rows)
        register.regionIDs.reserveCapacity(rows)
        register.leadIDs.reserveCapacity(rows)
        register.partnerStarts.reserveCapacity(rows + 1)
        register.sectorMasks.reserveCapacity(rows)
        register.startYears.reserveCapacity(rows)
        register.statusCodes.reserveCapacity(rows)
        register.provenanceCodes.reserveCapacity(rows)
        register.savingsToDate.reserveCapacity(rows)
        register.savingsLatestYear.reserveCapacity(rows)
        register.sourceIDs.reserveCapacity(rows)
        register.lines.reserveCapacity(rows)
        register.extraValues.reserveCapacity(rows)
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
        // Normalised once, for the lookup and for the suggestions if it is not found.
        let normalised = OrganisationName.normalised(name)
        let match: PartnerMatch
        switch register.organisations.resolve(normalised: normalised) {
        case .found(let id):
            match = register.organisations.listed[Int(id)] ? .listed(id) : .unlisted(id)
        case .ambiguous:
            let id = addUnlisted(name)
            suggestions.noteAmbiguous(id, normalised: normalised, organisations: register.organisations)
            match = .ambiguous(id)
        case .notFound:
            let id = addUnlisted(name)
            suggestions.noteUnlisted(id, normalised: normalised, organisations: register.organisations)
            match = .unlisted(id)
        }
        partnerCache[Substring(name)] = match
        return match
    }

    /// Makes the index that suggestions are found with, if it is not made yet.
    mutating func prepareSuggestions() {
        suggestions.prepare(register.organisations)
    }

    /// The listed organisations nearest to unlisted organisation `id`'s name, best first; for
    /// one added as ambiguous, those it matches equally.
    func nearestListed(to id: Int32) -> [Int32] {
        suggestions.nearest[id] ?? []
    }

    private mutating func addUnlisted(_ name: String) -> Int32 {
        let extras = Array(repeating: "", count: register.organisations.extraColumnNames.count)
        return register.organisations.add(
            name: name, sector: Sector.guessed(fromName: name), type: "", region: -1, gssCode: "",
            latitude: nil, longitude: nil, listed: false, extras: extras)
    }

    /// A row read cell by cell. Text is as the file writes it; categories, partners and
    /// the lead are given as written and matched here.
    struct Row {
        var id: String
        var name: String
        var serviceArea: String
        var service: String
        var partners: [Int32]
        /// Each partner's name as written (without the spaces around it).
        var partnerSpellings: [String]
        var lead: Int32?
        var leadSpelling: String
        var region: String
        var startYear: Int?
        var status: Status?
        var provenance: Provenance?
        var savingsToDate: Int64?
        var savingsLatestYear: Int64?
        var savingsToDateQualifier: SavingsQualifier
        var savingsLatestYearQualifier: SavingsQualifier
        var description: String
        var source: String
        var line: Int
        var extras: [String]
    }

    /// The row already using `id`, if any.
    func row(withID id: String) -> Int? {
        idIndex.find(id).map(Int.init)
    }

    func row(withID id: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        idIndex.find(id, hash: hash).map(Int.init)
    }

    mutating func append(_ row: Row) {
        let number = Int32(register.count)
        _ = idIndex.intern(row.id)
        register.names.append(row.name)
        register.serviceAreaIDs.append(
            category(row.serviceArea, in: \.serviceAreas, row: number, spellings: \.serviceAreas))
        register.serviceIDs.append(category(row.service, in: \.services, row: number, spellings: \.services))
        register.regionIDs.append(category(row.region, in: \.regions, row: number, spellings: \.regions))
        register.leadIDs.append(row.lead ?? -1)
        if let lead = row.lead { noteSpelling(row.leadSpelling, of: lead, at: number, in: \.leads) }
        let firstPartner = Int32(register.partnerIDs.count)
        appendPartners(row.partners)
        for (offset, spelling) in zip(row.partners, row.partnerSpellings).enumerated() {
            noteSpelling(spelling.1, of: spelling.0, at: firstPartner + Int32(offset), in: \.partners)
        }
        register.startYears.append(Int16(row.startYear ?? 0))
        register.statusCodes.append(row.status?.rawValue ?? UInt8.max)
        register.provenanceCodes.append(row.provenance?.rawValue ?? UInt8.max)
        appendSavings(
            row.savingsToDate ?? Register.notReported, row.savingsToDateQualifier,
            latestYear: row.savingsLatestYear ?? Register.notReported, row.savingsLatestYearQualifier)
        register.descriptions.append(row.description)
        register.sourceIDs.append(internSource(row.source))
        register.lines.append(Int32(clamping: row.line))
        register.extraValues.append(row.extras)
    }

    /// The category a cell names, interned without the spaces around it; -1 when blank.
    /// Notes the cell as written when it is not the category's own spelling.
    private mutating func category(
        _ written: String, in vocabulary: WritableKeyPath<Register, Vocabulary>, row: Int32,
        spellings: WritableKeyPath<WrittenSpellings, [Int32: String]>
    ) -> Int32 {
        let id = Self.intern(written, in: &register[keyPath: vocabulary])
        guard id >= 0 else { return -1 }
        noteSpelling(written, of: register[keyPath: vocabulary][id], at: row, in: spellings)
        return id
    }

    /// Keeps `written` as the spelling at `key` when it is not `canonical`.
    mutating func noteSpelling(
        _ written: String, of canonical: String, at key: Int32, in spellings: WritableKeyPath<WrittenSpellings, [Int32: String]>
    ) {
        if written != canonical { register.writtenSpellings[keyPath: spellings][key] = written }
    }

    /// The same for an organisation named as a partner or lead.
    mutating func noteSpelling(
        _ written: String, of organisation: Int32, at key: Int32, in spellings: WritableKeyPath<WrittenSpellings, [Int32: String]>
    ) {
        noteSpelling(written, of: register.organisations.names[Int(organisation)], at: key, in: spellings)
    }

    /// The figures of the row being appended, with their qualifiers; a forecast of
    /// savings to date is kept apart from the savings made.
    private mutating func appendSavings(
        _ toDate: Int64, _ toDateQualifier: SavingsQualifier, latestYear: Int64, _ latestYearQualifier: SavingsQualifier
    ) {
        let row = register.savingsToDate.count
        if toDateQualifier == .forecast && toDate != Register.notReported {
            register.forecastSavingsToDate[Int32(row)] = toDate
            register.savingsToDate.append(Register.notReported)
        } else {
            register.savingsToDate.append(toDate)
        }
        register.savingsLatestYear.append(latestYear)
        Self.append(toDateQualifier, to: &register.savingsToDateQualifiers, row: row)
        Self.append(latestYearQualifier, to: &register.savingsLatestYearQualifiers, row: row)
    }

    /// Qualifiers are stored only once a register has one that is not exact.
    private static func append(_ qualifier: SavingsQualifier, to column: inout [UInt8], row: Int) {
        if column.isEmpty {
            guard qualifier != .exact else { return }
            column = [UInt8](repeating: SavingsQualifier.exact.rawValue, count: row)
        }
        column.append(qualifier.rawValue)
    }

    private mutating func appendPartners(_ partners: [Int32]) {
        register.partnerIDs.append(contentsOf: partners)
        register.partnerStarts.append(Int32(register.partnerIDs.count))
        var mask: UInt8 = 0
        for partner in partners { mask |= register.organisations.sectors[Int(partner)].bit }
        register.sectorMasks.append(mask)
    }

    /// Adds the id of a row about to be appended by `appendOrdinary`; false (adding
    /// nothing) when a row already uses it.
    mutating func addID(_ id: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {
        idIndex.intern(id, hash: hash).isNew
    }

    /// Appends ordinary row `row` of a stretch read by the fast reader,
    /// with its categories and partners already numbered as the register numbers them;
    /// its id was added by `addID`.
    mutating func appendOrdinary(
        _ row: Int, of stretch: ArrangementStretch, serviceArea: Int32,
        service: Int32, region: Int32, source: Int32, partners: [Int32], lead: Int32, line: Int
    ) {
        stretch.names.withBytes(row) { register.names.append($0) }
        register.serviceAreaIDs.append(serviceArea)
        register.serviceIDs.append(service)
        register.regionIDs.append(region)
        register.leadIDs.append(lead)
        appendPartners(partners)
        register.startYears.append(stretch.startYears[row])
        register.statusCodes.append(stretch.statusCodes[row])
        register.provenanceCodes.append(stretch.provenanceCodes[row])
        appendSavings(
            stretch.savingsToDate[row], SavingsQualifier(rawValue: stretch.savingsToDateQualifiers[row]) ?? .exact,
            latestYear: stretch.savingsLatestYear[row],
            SavingsQualifier(rawValue: stretch.savingsLatestYearQualifiers[row]) ?? .exact)
        stretch.descriptions.withBytes(row) { register.descriptions.append($0) }
        register.sourceIDs.append(source)
        register.lines.append(Int32(clamping: line))
        register.extraValues.append(stretch.extras.isEmpty ? [] : stretch.extras[row])
    }

    /// Precomputes what queries need (folded search text) and returns the register.
    consuming func finish() -> Register {
        register.ids = idIndex.spellings

        // Most registers are all ASCII: one scan of each column's bytes says so.
        let allASCII = register.names.isAllASCII && register.descriptions.isAllASCII
        for row in 0..<register.count where !allASCII && (!register.names.isASCII(row) || !register.descriptions.isASCII(row)) {
            register.foldedNonASCIIText[Int32(row)] = TextSearch.fold(
                register.names[row] + "\n" + register.descriptions[row])
        }
        register.foldedOrganisationNames = register.organisations.names.map(TextSearch.fold)
        register.sortOrders = SortOrders()
        register.textPresence = TextPresence()
        return register
    }
}

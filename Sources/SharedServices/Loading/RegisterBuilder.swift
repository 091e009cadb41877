/// Collects a register row by row while loading, then hands over the finished,
/// immutable `Register`.
struct RegisterBuilder {
    private(set) var register = Register()
    /// The ids of the rows kept so far, which become the register's id column: row `r`'s
    /// id is interned as number `r`, so a lookup finds the row an id is already used on.
    private var idIndex = ByteInterner(expectedCount: 1_024)
    /// The ids of stretches merged on every core (`append(_:of:)`), whose repeats were
    /// found without the index.
    private var mergedIDs = TextColumn()
    /// Whether every name and description is ASCII, when the stretches' reading already
    /// says (nil: `finish` looks at the bytes).
    private var textIsASCII: Bool?
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

    /// Loads names and descriptions without keeping them (`Register.keepsText`).
    mutating func leaveOutText() {
        register.keepsText = false
    }

    var keepsText: Bool { register.keepsText }

    mutating func setSheet(_ name: String) {
        register.sheet = name
    }

    /// The number of the value a category or repeating-text cell holds (see
    /// `InternedColumn.intern`); the cell as written is kept apart when it differs.
    mutating func intern(_ field: ArrangementField, _ text: String) -> Int32 {
        register.interned[field.slot].intern(text)
    }

    /// An organisation's region, numbered among the register's regions.
    mutating func internRegion(_ text: String) -> Int32 { intern(.region, text) }

    mutating func reserveCapacity(rows: Int, textBytes: [Int]) {
        idIndex.reserveCapacity(rows)
        for slot in register.texts.indices where keepsText {
            register.texts[slot].reserveCapacity(rows: rows, bytes: textBytes.indices.contains(slot) ? textBytes[slot] : 0)
        }
        for slot in register.interned.indices { register.interned[slot].ids.reserveCapacity(rows) }
        for slot in register.organisationColumns.indices { register.organisationColumns[slot].ids.reserveCapacity(rows) }
        for slot in register.years.indices { register.years[slot].reserveCapacity(rows) }
        for slot in register.choices.indices { register.choices[slot].reserveCapacity(rows) }
        for slot in register.amounts.indices { register.amounts[slot].reserveCapacity(rows) }
        register.partnerStarts.reserveCapacity(rows + 1)
        register.sectorMasks.reserveCapacity(rows)
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

    /// A row read cell by cell, each storage's values by their fields' slots. Text is as
    /// the file writes it; categories, partners and organisations are given as written and
    /// matched here.
    struct Row {
        var id: String
        var texts: [String]
        var interned: [String]
        var partners: [Int32]
        /// Each partner's name as written (without the spaces around it).
        var partnerSpellings: [String]
        /// Each organisation field's match and name as written; nil where none is named.
        var organisations: [(id: Int32, spelling: String)?]
        /// 0 where not given.
        var years: [Int16]
        /// `UInt8.max` where not given.
        var choices: [UInt8]
        var amounts: [(pounds: Int64?, qualifier: SavingsQualifier)]
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
        for (slot, text) in row.texts.enumerated() where keepsText { register.texts[slot].append(text) }
        for (slot, written) in row.interned.enumerated() {
            let id = register.interned[slot].intern(written)
            register.interned[slot].ids.append(id)
            if id >= 0 && written != register.interned[slot].values[id] { register.interned[slot].written[number] = written }
        }
        for (slot, organisation) in row.organisations.enumerated() {
            register.organisationColumns[slot].ids.append(organisation?.id ?? -1)
            if let organisation { noteSpelling(organisation.spelling, of: organisation.id, row: number, slot: slot) }
        }
        let firstPartner = Int32(register.partnerIDs.count)
        appendPartners(row.partners)
        for (offset, (partner, spelling)) in zip(row.partners, row.partnerSpellings).enumerated() {
            notePartnerSpelling(spelling, of: partner, at: firstPartner + Int32(offset))
        }
        for (slot, year) in row.years.enumerated() { register.years[slot].append(year) }
        for (slot, code) in row.choices.enumerated() { register.choices[slot].append(code) }
        for (slot, amount) in row.amounts.enumerated() {
            register.amounts[slot].append(amount.pounds ?? Register.notReported, amount.qualifier)
        }
        register.lines.append(Int32(clamping: row.line))
        if !register.extraColumnNames.isEmpty { register.extraValues.append(row.extras) }
    }

    /// Keeps a category's cell as written on row `row` when it is not the value's own spelling.
    mutating func noteSpelling(_ written: String, ofInterned slot: Int, row: Int32) {
        let column = register.interned[slot]
        let id = column.ids[Int(row)]
        if id >= 0 && written != column.values[id] { register.interned[slot].written[row] = written }
    }

    /// Keeps an organisation field's name as written when it is not the organisation's own.
    mutating func noteSpelling(_ written: String, of organisation: Int32, row: Int32, slot: Int) {
        if written != register.organisations.names[Int(organisation)] {
            register.organisationColumns[slot].written[row] = written
        }
    }

    /// Keeps a partner's name as written, at its place in `partnerIDs`, when it is not the organisation's own.
    mutating func notePartnerSpelling(_ written: String, of organisation: Int32, at index: Int32) {
        if written != register.organisations.names[Int(organisation)] { register.partnerSpellings[index] = written }
    }

    mutating func appendPartners(_ partners: some Collection<Int32>) {
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

    // The fast reader's merge appends a run of a stretch's rows a column at a time: lines
    // with the ids, partners and organisations row by row, then each other column.

    mutating func appendLine(_ line: Int) { register.lines.append(Int32(clamping: line)) }

    mutating func appendOrganisations(_ ids: [Int32]) {
        for slot in ids.indices { register.organisationColumns[slot].ids.append(ids[slot]) }
    }

    mutating func appendInterned(_ ids: [Int32], slot: Int) { register.interned[slot].ids.append(contentsOf: ids) }

    /// The text, year, choice, figure and extra columns of the stretch's rows `rows`.
    mutating func appendColumns(of stretch: ArrangementStretch, rows: [Int]) {
        for slot in register.texts.indices where keepsText { register.texts[slot].append(rows, of: stretch.texts[slot]) }
        for slot in register.years.indices {
            let years = stretch.years[slot]
            register.years[slot].append(contentsOf: rows.lazy.map { years[$0] })
        }
        for slot in register.choices.indices {
            let codes = stretch.choices[slot]
            register.choices[slot].append(contentsOf: rows.lazy.map { codes[$0] })
        }
        for slot in register.amounts.indices {
            register.amounts[slot].append(rows, ofPounds: stretch.amounts[slot], qualifiers: stretch.qualifiers[slot])
        }
        if !stretch.extras.isEmpty { register.extraValues.append(contentsOf: rows.lazy.map { stretch.extras[$0] }) }
    }

    /// The rows of a register merged on every core (`ParallelStretchMerge`), stretch by
    /// stretch in file order, into a builder that has none yet. Each column is joined on
    /// every core, then freed from the stretches before the next is joined.
    mutating func setRows(_ merged: inout [MergedStretch], of stretches: inout [ArrangementStretch]) {
        let kept = merged.map(\.kept)
        let all = merged.map { _ -> [Int]? in nil }
        register.lines = ColumnJoining.joined(merged.map(\.lines), keeping: all)
        for index in merged.indices { merged[index].lines = [] }
        var partnerStarts: [Int32] = [0]
        partnerStarts.reserveCapacity(register.lines.count + 1)
        for index in merged.indices {
            let base = partnerStarts[partnerStarts.count - 1]
            partnerStarts.append(contentsOf: merged[index].partnerStarts.dropFirst().lazy.map { $0 + base })
            merged[index].partnerStarts = []
        }
        register.partnerStarts = partnerStarts
        register.partnerIDs = ColumnJoining.joined(merged.map(\.partners), keeping: all)
        register.sectorMasks = ColumnJoining.joined(merged.map(\.sectorMasks), keeping: all)
        for index in merged.indices {
            merged[index].partners = []
            merged[index].sectorMasks = []
        }
        for slot in register.organisationColumns.indices {
            register.organisationColumns[slot].ids = ColumnJoining.joined(merged.map { $0.organisations[slot] }, keeping: all)
            for index in merged.indices { merged[index].organisations[slot] = [] }
        }
        for slot in register.interned.indices {
            register.interned[slot].ids = ColumnJoining.joined(merged.map { $0.interned[slot] }, keeping: all)
            for index in merged.indices { merged[index].interned[slot] = [] }
        }
        textIsASCII = !stretches.contains(where: \.textHasNonASCII)
        var pieces: [TextColumn] = []
        for index in stretches.indices {
            pieces.append(stretches[index].ids)
            stretches[index].ids = TextColumn()
        }
        mergedIDs = TextColumn.joined(consume pieces, keeping: kept)
        for slot in register.texts.indices where keepsText {
            pieces = []
            for index in stretches.indices {
                pieces.append(stretches[index].texts[slot])
                stretches[index].texts[slot] = TextColumn()
            }
            register.texts[slot] = TextColumn.joined(consume pieces, keeping: kept)
        }
        for slot in register.years.indices {
            register.years[slot] = ColumnJoining.joined(stretches.map { $0.years[slot] }, keeping: kept)
            for index in stretches.indices { stretches[index].years[slot] = [] }
        }
        for slot in register.choices.indices {
            register.choices[slot] = ColumnJoining.joined(stretches.map { $0.choices[slot] }, keeping: kept)
            for index in stretches.indices { stretches[index].choices[slot] = [] }
        }
        for slot in register.amounts.indices {
            register.amounts[slot] = AmountColumn.joined(
                pounds: stretches.map { $0.amounts[slot] }, qualifiers: stretches.map { $0.qualifiers[slot] }, keeping: kept)
            for index in stretches.indices {
                stretches[index].amounts[slot] = []
                stretches[index].qualifiers[slot] = []
            }
        }
        for (index, stretch) in stretches.enumerated() where !stretch.extras.isEmpty {
            if let rows = kept[index] {
                register.extraValues.append(contentsOf: rows.lazy.map { stretch.extras[$0] })
            } else {
                register.extraValues.append(contentsOf: stretch.extras)
            }
        }

        // Names spelt otherwise than their organisation's or value's, by their place in the register.
        var firstRow: Int32 = 0
        for (index, piece) in merged.enumerated() {
            let firstPartner = register.partnerStarts[Int(firstRow)]
            for (place, spelling) in piece.partnerSpellings { register.partnerSpellings[firstPartner + place] = spelling }
            for (row, slot, spelling) in piece.organisationSpellings {
                register.organisationColumns[slot].written[firstRow + row] = spelling
            }
            for (row, slot, spelling) in piece.internedSpellings { register.interned[slot].written[firstRow + row] = spelling }
            firstRow += Int32(merged[index].rowCount)
        }
    }

    /// Precomputes what queries need (folded search text) and returns the register.
    consuming func finish() -> Register {
        // A register is read one way or the other: by the index, or merged on every core.
        register.ids = idIndex.count > 0 ? idIndex.spellings : mergedIDs

        // Most registers are all ASCII: one scan of each column's bytes says so.
        let allASCII = !keepsText || (textIsASCII ?? (register.names.isAllASCII && register.descriptions.isAllASCII))
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

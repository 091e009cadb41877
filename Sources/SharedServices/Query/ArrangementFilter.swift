/// Which arrangements to show. Every part is optional; parts combine with AND, and the
/// values within one part with OR ("trading standards or legal, in London").
public struct ArrangementFilter: Sendable, Equatable, Hashable {
    /// Ids in `Register.serviceAreas`.
    public var serviceAreas: Set<Int32> = []
    public var services: Set<Int32> = []
    public var regions: Set<Int32> = []
    /// Arrangements that involve any of these kinds of partner.
    public var sectors: Set<SectorCriterion> = []
    /// Arrangements that any of these organisations is a partner in.
    public var organisations: Set<Int32> = []
    public var statuses: Set<Status> = []
    /// Arrangements whose savings figure is reported, or missing.
    public var figures: Set<SavingsFigure> = []
    public var sinceYear: Int?
    public var untilYear: Int?
    /// Savings to date at least this; arrangements with no figure never match a savings bound.
    public var minimumSavings: Int64?
    public var maximumSavings: Int64?
    /// Words searched for in name, description and partners, ignoring case and accents.
    public var search: String = ""

    public init() {}

    /// True when the filter keeps every arrangement (a search of only spaces keeps all).
    public var isEmpty: Bool { isNothingButASearch && !readsText }

    /// True when the filter reads the register's text (names and descriptions), which a
    /// register loaded without its text (`Register.keepsText`) cannot answer.
    public var readsText: Bool { Self.readsText(searching: search) }

    /// True when a filter searching for `search` reads the register's text: a search of
    /// only spaces keeps every arrangement without reading any.
    public static func readsText(searching search: String) -> Bool { !search.trimmingWhitespace().isEmpty }

    /// True when no part but the search is set.
    private var isNothingButASearch: Bool {
        var withoutSearch = self
        withoutSearch.search = ""
        return withoutSearch == ArrangementFilter()
    }

    /// The search as it is looked for: trimmed, folded, in UTF-8.
    private var foldedSearch: [UInt8] { Array(TextSearch.fold(search.trimmingWhitespace()).utf8) }

    /// The rows of `register` that match, in register order.
    public func matchingRows(in register: Register) -> [Int] {
        if isEmpty { return register.allRows }
        requireText(in: register)
        let pairRows = rowsHoldingThePairs(in: register)
        let partnerRows = rowsWithAPartnerHoldingTheSearch(in: register)
        if let pairRows, let partnerRows {
            if let rows = rowsAnsweredByTheIndex(pairRows: pairRows, partnerRows: partnerRows, in: register) { return rows }
            if let candidates = Self.fewRows(holdingThePairs: pairRows, orAPartner: partnerRows, in: register) {
                return matching(in: register, among: candidates, pairRows: pairRows, partnerRows: partnerRows)
            }
        }
        return inPieces(register.count) {
            matching(in: register, positions: $0, of: nil, pairRows: pairRows, partnerRows: partnerRows)
        }
    }

    /// The rows among `candidates` that match, in the order given; a large list is
    /// split across the cores.
    public func matchingRows(in register: Register, among candidates: [Int]) -> [Int] {
        requireText(in: register)
        // The partners' bitmap is a pass over every row an organisation is in: worth it
        // for many candidates, not for a few, whose own partners are walked instead.
        let manyCandidates = candidates.count * 32 >= register.count
        return matching(
            in: register, among: candidates, pairRows: rowsHoldingThePairs(in: register),
            partnerRows: manyCandidates ? rowsWithAPartnerHoldingTheSearch(in: register) : nil)
    }

    /// A search of a register loaded without its text would find nothing: a caller's
    /// mistake (a command loads the text whenever its filter reads it), not the input's.
    private func requireText(in register: Register) {
        precondition(!readsText || register.keepsText, "a search needs a register loaded with its text")
    }

    private func matching(in register: Register, among candidates: [Int], pairRows: [UInt64]?, partnerRows: [UInt64]?) -> [Int] {
        // A search's candidates are scattered rows, each waiting on memory: worth splitting sooner.
        let worthSplitting = readsText ? Parallel.worthSplitting / 16 : Parallel.worthSplitting
        return inPieces(candidates.count, worthSplitting: worthSplitting) {
            matching(in: register, positions: $0, of: candidates, pairRows: pairRows, partnerRows: partnerRows)
        }
    }

    /// The only rows a search can match, in order, when there are few enough to be worth
    /// listing (a quarter of the register): those whose text holds every pair of its
    /// characters, those with a partner whose name holds it, and those whose text the
    /// pairs leave out (not all ASCII). Nil when there are more.
    static func fewRows(holdingThePairs pairRows: [UInt64], orAPartner partnerRows: [UInt64], in register: Register) -> [Int]? {
        var union = pairRows
        for word in union.indices { union[word] |= partnerRows[word] }
        for row in register.foldedNonASCIIText.keys { RowBits.insert(Int(row), into: &union) }
        let count = union.reduce(0) { $0 + $1.nonzeroBitCount }
        guard count * 4 <= register.count else { return nil }
        return RowBits.rows(in: union, count: count)
    }

    /// The rows that match a filter of nothing but a search of one or two characters, from
    /// the index alone: the rows holding its pairs (or its character), with a partner
    /// holding it, or whose text, not all ASCII, holds it. Nil for any other filter.
    private func rowsAnsweredByTheIndex(pairRows: [UInt64], partnerRows: [UInt64], in register: Register) -> [Int]? {
        let needle = foldedSearch
        guard needle.count <= 2, isNothingButASearch else { return nil }
        var union = pairRows
        for word in union.indices { union[word] |= partnerRows[word] }
        for row in register.foldedNonASCIIText.keys where register.textContains(Int(row), needle) {
            RowBits.insert(Int(row), into: &union)
        }
        return RowBits.rows(in: union, count: union.reduce(0) { $0 + $1.nonzeroBitCount })
    }

    /// The rows with a partner whose name holds the search, as a bitmap, from the search's
    /// index: nil when there is no search or the index is not ready.
    func rowsWithAPartnerHoldingTheSearch(in register: Register) -> [UInt64]? {
        let needle = foldedSearch
        guard !needle.isEmpty, let masks = register.textPresence.readyMasks() else { return nil }
        return masks.organisationRows.rows(withAPartnerIn: Self.organisations(of: register, holding: needle))
    }

    /// For each organisation, whether its folded name holds `needle`.
    private static func organisations(of register: Register, holding needle: [UInt8]) -> [Bool] {
        register.foldedOrganisationNames.map { TextSearch.contains($0, needle) }
    }

    /// The rows whose text holds every pair of the search's characters (for a search of
    /// one letter or digit, the character), from the search's index, as a bitmap: nil when
    /// the search is empty, has a character the index leaves out, or the index is not ready.
    func rowsHoldingThePairs(in register: Register) -> [UInt64]? {
        let needle = foldedSearch
        guard let masks = register.textPresence.readyMasks() else { return nil }
        if needle.count == 1 {
            let letterBit = TextPresence.bit(needle[0])
            return letterBit == 0 ? nil : masks.rows(holding: letterBit)
        }
        guard let pairs = PairPostings.pairs(of: needle) else { return nil }
        return masks.pairs.rows(holdingEvery: pairs)
    }

    /// `match` over pieces of `0..<count`, on every core when there are enough rows to
    /// be worth it (a search of a million rows takes two cores' scan, not one).
    private func inPieces(
        _ count: Int, worthSplitting: Int = Parallel.worthSplitting, _ match: @escaping @Sendable (Range<Int>) -> [Int]
    ) -> [Int] {
        let ranges = Parallel.pieces(of: count, splittingFrom: worthSplitting, perCore: 2)
        guard ranges.count > 1 else { return match(0..<count) }
        let pieces = Parallel.map(ranges.count) { match(ranges[$0]) }
        return ColumnJoining.joined(pieces)
    }

    /// The rows at `positions` of `candidates` (of the register when nil) that match, in
    /// order. Not generic over the candidates, and walked with a plain counter: in a debug
    /// build a generic sequence's iterator costs more than the test of a row.
    /// `pairRows`, when given, are the rows holding every pair of the search's characters
    /// (`rowsHoldingThePairs`); `partnerRows`, the rows with a partner whose name holds it
    /// (`rowsWithAPartnerHoldingTheSearch`). Without the pairs, a row's letters and bigram
    /// signature say which rows' text to read; without `partnerRows`, each row's partners
    /// are walked.
    private func matching(
        in register: Register, positions: Range<Int>, of candidates: [Int]?, pairRows: [UInt64]?, partnerRows: [UInt64]?
    ) -> [Int] {
        let needle = foldedSearch
        let sectorBits = sectors.reduce(UInt8(0)) { $0 | $1.bits }
        let crossSector = sectors.contains(.crossSector)
        // Sets become tables indexed by id: a row's test is a load, not a hash.
        let serviceAreaWanted = Self.table(serviceAreas, count: register.serviceAreas.count)
        let serviceWanted = Self.table(services, count: register.services.count)
        let regionWanted = Self.table(regions, count: register.regions.count)
        let organisationWanted = Self.table(organisations, count: register.organisations.count)
        let statusWanted = Self.table(Set(statuses.map { Int32($0.rawValue) }), count: 256)
        let (wantsReported, wantsMissing) = (figures.contains(.reported), figures.contains(.missing))
        var partnerMatchesSearch: [Bool] = []
        var presence: [UInt64] = []
        var bigrams: [UInt64] = []
        let needleLetters = TextPresence.mask(of: needle)
        let needleBigrams = TextPresence.signature(of: needle)
        let (needleBigrams0, needleBigrams1, needleBigrams2, needleBigrams3) =
            (needleBigrams[0], needleBigrams[1], needleBigrams[2], needleBigrams[3])
        if !needle.isEmpty {
            if partnerRows == nil { partnerMatchesSearch = Self.organisations(of: register, holding: needle) }
            if let masks = register.textPresence.readyMasks() {
                presence = masks.letters
                bigrams = masks.bigrams
            }
        }
        let indexed = !presence.isEmpty
        // Without `partnerRows`, rows are tested against the partners' names only when some
        // partner's name holds the search.
        let somePartnerMatches = partnerMatchesSearch.contains(true)
        let someTextIsNotASCII = !register.foldedNonASCIIText.isEmpty
        // The pairs of a two-character search are the search (and a one-character search's
        // rows are its character's): no text to read.
        let answeredByPairs = needle.count <= 2
        // A search of one character has no pair: its rows' signatures need no reading.
        let hasPairs = needle.count >= 2
        // A one-letter (or one-digit) search is answered by the presence bits alone.
        let answeredByPresence = indexed && needle.count == 1 && needleLetters != 0
        // The columns as locals: reaching them through `register` in the loop costs a copy
        // of the whole register per row in a debug build.
        let (serviceAreaIDs, serviceIDs, regionIDs) = (register.serviceAreaIDs, register.serviceIDs, register.regionIDs)
        let (statusCodes, sectorMasks, startYears) = (register.statusCodes, register.sectorMasks, register.startYears)
        let (savingsToDate, partnerStarts, partnerIDs) = (register.savedToDate.pounds, register.partnerStarts, register.partnerIDs)
        func anyPartner(of row: Int, in wanted: [Bool]) -> Bool {
            for index in Int(partnerStarts[row])..<Int(partnerStarts[row + 1])
            where wanted[Int(partnerIDs[index])] {
                return true
            }
            return false
        }
        func wanted(_ id: Int32, in table: [Bool]) -> Bool { id >= 0 && Int(id) < table.count && table[Int(id)] }

        // The text columns' bytes, reached directly for every row rather than through a
        // closure per row.
        return register.names.bytes.withUnsafeBufferPointer { names in
            register.descriptions.bytes.withUnsafeBufferPointer { descriptions in
                var result: [Int] = []
                var position = positions.lowerBound - 1
                while position + 1 < positions.upperBound {
                    position += 1
                    let row = candidates?[position] ?? position
                    if !serviceAreas.isEmpty && !wanted(serviceAreaIDs[row], in: serviceAreaWanted) { continue }
                    if !services.isEmpty && !wanted(serviceIDs[row], in: serviceWanted) { continue }
                    if !regions.isEmpty && !wanted(regionIDs[row], in: regionWanted) { continue }
                    if !statuses.isEmpty && !statusWanted[Int(statusCodes[row])] { continue }
                    if !sectors.isEmpty {
                        let mask = sectorMasks[row]
                        let crossMatches = crossSector && mask & ~Sector.council.bit != 0
                        if mask & sectorBits == 0 && !crossMatches { continue }
                    }
                    if sinceYear != nil || untilYear != nil {
                        let year = Int(startYears[row])
                        if year == 0 { continue }
                        if let sinceYear, year < sinceYear { continue }
                        if let untilYear, year > untilYear { continue }
                    }
                    if !figures.isEmpty {
                        let reported = savingsToDate[row] != Register.notReported
                        if !(reported ? wantsReported : wantsMissing) { continue }
                    }
                    if minimumSavings != nil || maximumSavings != nil {
                        let savings = savingsToDate[row]
                        if savings == Register.notReported { continue }
                        if let minimumSavings, savings < minimumSavings { continue }
                        if let maximumSavings, savings > maximumSavings { continue }
                    }
                    if !organisations.isEmpty && !anyPartner(of: row, in: organisationWanted) { continue }
                    if let pairRows {
                        // The pairs first: a row's letters are read only for a row they leave out.
                        let textFound: Bool
                        if let partnerRows, RowBits.holds(partnerRows, row) {
                            result.append(row)  // a partner's name holds the search: no text to read
                            continue
                        } else if RowBits.holds(pairRows, row) {
                            textFound = answeredByPairs
                                || register.asciiTextContains(row, needle, names: names, descriptions: descriptions)
                        } else if someTextIsNotASCII && presence[row] == TextPresence.unknown {
                            textFound = register.textContains(row, needle, names: names, descriptions: descriptions)
                        } else {
                            textFound = false  // the text lacks a pair of the search
                        }
                        if !textFound && !(somePartnerMatches && anyPartner(of: row, in: partnerMatchesSearch)) { continue }
                    } else if !needle.isEmpty {
                        let letters = indexed ? presence[row] : TextPresence.unknown
                        let textFound: Bool
                        let signature = row * TextPresence.signatureWords
                        if !indexed {
                            textFound = register.textContains(row, needle, names: names, descriptions: descriptions)
                        } else if needleLetters & ~letters != 0 {
                            textFound = false  // the text lacks a letter of the search
                        } else if hasPairs
                            && (needleBigrams0 & ~bigrams[signature] != 0 || needleBigrams1 & ~bigrams[signature + 1] != 0
                            || needleBigrams2 & ~bigrams[signature + 2] != 0 || needleBigrams3 & ~bigrams[signature + 3] != 0)
                        {
                            textFound = false  // or a pair of its letters
                        } else if answeredByPresence && letters != TextPresence.unknown {
                            textFound = true
                        } else {
                            textFound = register.textContains(row, needle, names: names, descriptions: descriptions)
                        }
                        let found = textFound
                            || (partnerRows.map { RowBits.holds($0, row) } ?? (somePartnerMatches && anyPartner(of: row, in: partnerMatchesSearch)))
                        if !found { continue }
                    }
                    result.append(row)
                }
                return result
            }
        }
    }

    /// `ids` as a table of `count` flags (ids outside it are never wanted).
    private static func table(_ ids: Set<Int32>, count: Int) -> [Bool] {
        guard !ids.isEmpty else { return [] }
        var table = [Bool](repeating: false, count: count)
        for id in ids where id >= 0 && Int(id) < count { table[Int(id)] = true }
        return table
    }
}

/// "Involves fire", "involves police", …, and "cross-sector": any partner not a council.
public enum SectorCriterion: String, CaseIterable, Sendable, Hashable, Comparable {
    case council, fire, police, health, other
    case crossSector = "cross-sector"

    public var sector: Sector? {
        switch self {
        case .council: return .council
        case .fire: return .fire
        case .police: return .police
        case .health: return .health
        case .other: return .other
        case .crossSector: return nil
        }
    }

    var bits: UInt8 { sector?.bit ?? 0 }

    public static func < (lhs: SectorCriterion, rhs: SectorCriterion) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

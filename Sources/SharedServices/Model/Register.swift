/// The register in memory: every arrangement, stored as columns so that a million rows
/// stay compact and a filter or sort touches only the columns it needs. Immutable once
/// loaded; an arrangement is its row index.
///
/// Missing values are explicit: `Register.notReported` in the savings columns (never 0),
/// -1 in categorical columns, 0 for an unknown start year.
public struct Register: Sendable {
    /// The sentinel for "not reported" in the savings columns.
    static let notReported = Int64.min

    public internal(set) var organisations = OrganisationTable()
    public internal(set) var serviceAreas = Vocabulary()
    public internal(set) var services = Vocabulary()
    public internal(set) var regions = Vocabulary()
    /// Columns of the input that the schema does not know, kept to be shown and written out.
    public internal(set) var extraColumnNames: [String] = []

    var ids = TextColumn()
    var names = TextColumn()
    var serviceAreaIDs: [Int32] = []
    var serviceIDs: [Int32] = []
    var regionIDs: [Int32] = []
    var leadIDs: [Int32] = []
    /// Partners of row `r` are `partnerIDs[partnerStarts[r]..<partnerStarts[r + 1]]`.
    var partnerStarts: [Int32] = [0]
    var partnerIDs: [Int32] = []
    /// The sectors among a row's partners, one bit per `Sector`.
    var sectorMasks: [UInt8] = []
    var startYears: [Int16] = []
    /// `Status.rawValue`, or `UInt8.max` when not given.
    var statusCodes: [UInt8] = []
    var provenanceCodes: [UInt8] = []
    var savingsToDate: [Int64] = []
    var savingsLatestYear: [Int64] = []
    /// `SavingsQualifier.rawValue` of each row's figures; empty while every figure is exact,
    /// as in most registers.
    var savingsToDateQualifiers: [UInt8] = []
    var savingsLatestYearQualifiers: [UInt8] = []
    /// Forecasts given as savings to date, kept out of that column: a forecast is not a
    /// saving made, and is counted only when asked (`countingForecasts()`).
    var forecastSavingsToDate: [Int32: Int64] = [:]
    /// Whether the forecasts have been put in the savings column.
    public private(set) var countsForecasts = false
    var descriptions = TextColumn()
    /// Sources repeat (a generated register cites one for every row): each is stored once.
    var sourceIDs: [Int32] = []
    var sourceTexts = Vocabulary(caseSensitive: true)
    /// Line of each arrangement in its file, for pointing back at the source.
    var lines: [Int32] = []
    var extraValues: [[String]] = []
    /// Cells spelt otherwise than the value they were matched to.
    var writtenSpellings = WrittenSpellings()
    /// Name and description case- and accent-folded for text search, kept only for rows
    /// with text outside ASCII; ASCII rows are searched in place, ignoring case.
    var foldedNonASCIIText: [Int32: String] = [:]
    /// Each organisation's name, folded the same way.
    var foldedOrganisationNames: [String] = []
    /// Sort orders of the whole register, made when first needed.
    var sortOrders = SortOrders()
    /// Which letters each row's text holds, made on the first search.
    var textPresence = TextPresence()

    public init() {}

    public var count: Int { lines.count }
    /// Every row, in order. Written with a plain loop: `Array(0..<count)` walks a range's
    /// iterator, which a debug build makes ten times slower.
    public var allRows: [Int] {
        [Int](unsafeUninitializedCapacity: count) { buffer, initialised in
            var row = 0
            while row < buffer.count {
                buffer[row] = row
                row += 1
            }
            initialised = buffer.count
        }
    }

    // MARK: Reading one field

    public func id(_ row: Int) -> String { ids[row] }
    public func name(_ row: Int) -> String { names[row] }
    public func serviceArea(_ row: Int) -> String? { label(serviceAreaIDs[row], in: serviceAreas) }
    public func service(_ row: Int) -> String? { label(serviceIDs[row], in: services) }
    public func region(_ row: Int) -> String? { label(regionIDs[row], in: regions) }
    public func lead(_ row: Int) -> Int32? { leadIDs[row] >= 0 ? leadIDs[row] : nil }
    public func partners(_ row: Int) -> ArraySlice<Int32> {
        partnerIDs[Int(partnerStarts[row])..<Int(partnerStarts[row + 1])]
    }
    public func partnerCount(_ row: Int) -> Int { Int(partnerStarts[row + 1] - partnerStarts[row]) }
    public func startYear(_ row: Int) -> Int? { startYears[row] == 0 ? nil : Int(startYears[row]) }
    public func status(_ row: Int) -> Status? { Status(rawValue: statusCodes[row]) }
    public func provenance(_ row: Int) -> Provenance? { Provenance(rawValue: provenanceCodes[row]) }
    public func savingsToDate(_ row: Int) -> Int64? { money(savingsToDate[row]) }
    public func savingsLatestYear(_ row: Int) -> Int64? { money(savingsLatestYear[row]) }
    public func savingsToDateQualifier(_ row: Int) -> SavingsQualifier {
        qualifier(row, in: savingsToDateQualifiers)
    }

    public func savingsLatestYearQualifier(_ row: Int) -> SavingsQualifier {
        qualifier(row, in: savingsLatestYearQualifiers)
    }

    /// The forecast given as the row's savings to date, when its figure is one.
    public func forecastSavingsToDate(_ row: Int) -> Int64? { forecastSavingsToDate[Int32(row)] }

    /// Whether any figure is qualified (at least, up to, about, forecast).
    public var hasQualifiedFigures: Bool { !savingsToDateQualifiers.isEmpty || !savingsLatestYearQualifiers.isEmpty }

    /// The register with forecasts counted as savings to date, as `--include-forecasts` asks.
    public func countingForecasts() -> Register {
        guard !countsForecasts else { return self }
        var counted = self
        for (row, pounds) in forecastSavingsToDate { counted.savingsToDate[Int(row)] = pounds }
        counted.countsForecasts = true
        counted.sortOrders = SortOrders()
        return counted
    }

    private func qualifier(_ row: Int, in column: [UInt8]) -> SavingsQualifier {
        column.isEmpty ? .exact : SavingsQualifier(rawValue: column[row]) ?? .exact
    }

    public func description(_ row: Int) -> String { descriptions[row] }
    public func source(_ row: Int) -> String { sourceTexts[sourceIDs[row]] }

    /// Whether the name or description contains `needle` (already folded), ignoring case and accents.
    func textContains(_ row: Int, _ needle: [UInt8]) -> Bool {
        names.bytes.withUnsafeBufferPointer { names in
            descriptions.bytes.withUnsafeBufferPointer { descriptions in
                textContains(row, needle, names: names, descriptions: descriptions)
            }
        }
    }

    /// The same, given the name and description columns' bytes (so that a search of many
    /// rows reaches them once, not once per row).
    func textContains(
        _ row: Int, _ needle: [UInt8], names: UnsafeBufferPointer<UInt8>, descriptions: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        if !foldedNonASCIIText.isEmpty, let folded = foldedNonASCIIText[Int32(row)] {
            return TextSearch.contains(folded, needle)
        }
        return TextSearch.containsIgnoringASCIICase(UnsafeBufferPointer(rebasing: names[self.names.range(row)]), needle)
            || TextSearch.containsIgnoringASCIICase(
                UnsafeBufferPointer(rebasing: descriptions[self.descriptions.range(row)]), needle)
    }

    // MARK: A field as the file spells it

    /// The service area as the file writes it on this row ("ict" where the register's
    /// category is spelt "ICT"): for showing the row and writing it out.
    public func serviceAreaAsWritten(_ row: Int) -> String? {
        writtenSpellings.serviceAreas[Int32(row)] ?? serviceArea(row)
    }

    public func serviceAsWritten(_ row: Int) -> String? { writtenSpellings.services[Int32(row)] ?? service(row) }
    public func regionAsWritten(_ row: Int) -> String? { writtenSpellings.regions[Int32(row)] ?? region(row) }

    /// The partners' names as the file writes them ("Brent" for London Borough of Brent).
    public func partnersAsWritten(_ row: Int) -> [String] {
        (Int(partnerStarts[row])..<Int(partnerStarts[row + 1])).map { index in
            writtenSpellings.partners[Int32(index)] ?? organisations.names[Int(partnerIDs[index])]
        }
    }

    public func leadAsWritten(_ row: Int) -> String? {
        writtenSpellings.leads[Int32(row)] ?? lead(row).map { organisations.names[Int($0)] }
    }

    public func line(_ row: Int) -> Int { Int(lines[row]) }
    public func extraValues(_ row: Int) -> [String] { extraValues[row] }
    public func involves(_ row: Int, sector: Sector) -> Bool { sectorMasks[row] & sector.bit != 0 }
    /// True when any partner is not a council: fire, police, health or another body.
    public func isCrossSector(_ row: Int) -> Bool { sectorMasks[row] & ~Sector.council.bit != 0 }

    /// The row whose id is `id`, matched exactly, then ignoring case.
    public func row(withID id: String) -> Int? {
        if let exact = (0..<count).first(where: { ids[$0] == id }) { return exact }
        let folded = id.lowercased()
        return (0..<count).first { ids[$0].lowercased() == folded }
    }

    private func label(_ id: Int32, in vocabulary: Vocabulary) -> String? {
        id >= 0 ? vocabulary[id] : nil
    }

    private func money(_ stored: Int64) -> Int64? {
        stored == Register.notReported ? nil : stored
    }
}

/// Cells whose spelling differs from the category or organisation they were matched to
/// ("ict" read as "ICT", "Brent" as "London Borough of Brent"), kept so that a row is shown
/// and written out as the file has it. By row; partners by their place in `partnerIDs`.
/// Most registers spell each value one way, so these stay small.
struct WrittenSpellings: Sendable, Equatable {
    var serviceAreas: [Int32: String] = [:]
    var services: [Int32: String] = [:]
    var regions: [Int32: String] = [:]
    var leads: [Int32: String] = [:]
    var partners: [Int32: String] = [:]
}

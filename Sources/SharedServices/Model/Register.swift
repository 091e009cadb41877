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
    /// Columns of the input that the schema does not know, kept to be shown and written out.
    public internal(set) var extraColumnNames: [String] = []
    /// The worksheet the arrangements were read from, for a workbook.
    public internal(set) var sheet: String?

    /// The ids, which are keys.
    var ids = TextColumn()
    /// The columns of every other field, by storage, each at its field's `slot`.
    var texts = [TextColumn](repeating: TextColumn(), count: ArrangementField.fields(storedAs: .text).count)
    /// Whether `texts` (names and descriptions) were kept. A command that neither shows
    /// nor searches them, such as a summary, loads without them: every cell is still read
    /// and checked, with the same diagnostics, but copying a million rows' text into memory
    /// was a fifth of the load.
    public internal(set) var keepsText = true
    var interned: [InternedColumn] = ArrangementField.fields(storedAs: .interned).map {
        InternedColumn(exact: $0.kind == .repeatedText)
    }
    var organisationColumns = [OrganisationColumn](
        repeating: OrganisationColumn(), count: ArrangementField.fields(storedAs: .organisation).count)
    /// Start years and the like; 0 when not given.
    var years = [[Int16]](repeating: [], count: ArrangementField.fields(storedAs: .year).count)
    /// A `Choices` code per row, or `UInt8.max` when not given.
    var choices = [[UInt8]](repeating: [], count: ArrangementField.fields(storedAs: .choice).count)
    var amounts = [AmountColumn](repeating: AmountColumn(), count: ArrangementField.fields(storedAs: .amount).count)
    /// The partners of row `r` are `partnerIDs[partnerStarts[r]..<partnerStarts[r + 1]]`.
    var partnerStarts: [Int32] = [0]
    var partnerIDs: [Int32] = []
    /// Partners named otherwise than their organisation ("Brent" for London Borough of
    /// Brent), by their place in `partnerIDs`.
    var partnerSpellings: [Int32: String] = [:]
    /// The sectors among a row's partners, one bit per `Sector`.
    var sectorMasks: [UInt8] = []
    /// Whether the forecasts have been put in the savings columns.
    public private(set) var countsForecasts = false
    /// Line of each arrangement in its file, for pointing back at the source.
    var lines: [Int32] = []
    /// Each row's values of the extra columns; empty when there are none (most registers).
    var extraValues: [[String]] = []
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

    // MARK: Reading a field by the schema

    /// A text field's value, as written; empty for a name or description when the
    /// register was loaded without them (`keepsText`).
    public func text(_ field: ArrangementField, _ row: Int) -> String {
        switch field.kind.storage {
        case .key: return ids[row]
        case .text: return keepsText ? texts[field.slot][row] : ""
        case .interned: return interned[field.slot].asWritten(row) ?? ""
        default: return ""
        }
    }

    /// A category's value, spelt as the register spells it; nil when blank.
    public func category(_ field: ArrangementField, _ row: Int) -> String? { interned[field.slot].value(row) }
    /// A category as this row's cell writes it: for showing the row and writing it out.
    public func categoryAsWritten(_ field: ArrangementField, _ row: Int) -> String? {
        interned[field.slot].asWritten(row)
    }

    public func year(_ field: ArrangementField, _ row: Int) -> Int? {
        let year = years[field.slot][row]
        return year == 0 ? nil : Int(year)
    }

    /// A choice field's code (`Status.rawValue` and the like); nil when not given.
    public func choiceCode(_ field: ArrangementField, _ row: Int) -> UInt8? {
        let code = choices[field.slot][row]
        return code == UInt8.max ? nil : code
    }

    /// A choice field's word; nil when not given.
    public func choiceName(_ field: ArrangementField, _ row: Int) -> String? {
        guard case .choice(let list) = field.kind, let code = choiceCode(field, row) else { return nil }
        return list.names.indices.contains(Int(code)) ? list.names[Int(code)] : nil
    }

    /// A money field's figure; nil when not reported (or only forecast).
    public func amount(_ field: ArrangementField, _ row: Int) -> Int64? { amounts[field.slot].figure(row) }
    public func qualifier(of field: ArrangementField, _ row: Int) -> SavingsQualifier {
        amounts[field.slot].qualifier(row)
    }

    /// The forecast a money field gives on this row, when its figure is one.
    public func forecast(_ field: ArrangementField, _ row: Int) -> Int64? {
        amounts[field.slot].forecasts[Int32(row)]
    }

    /// A single-organisation field's organisation; nil when none is named.
    public func organisation(_ field: ArrangementField, _ row: Int) -> Int32? {
        let id = organisationColumns[field.slot].ids[row]
        return id >= 0 ? id : nil
    }

    public func organisationAsWritten(_ field: ArrangementField, _ row: Int) -> String? {
        organisationColumns[field.slot].written[Int32(row)] ?? organisation(field, row).map { organisations.names[Int($0)] }
    }

    // MARK: The fields the program names

    public func id(_ row: Int) -> String { ids[row] }
    public func name(_ row: Int) -> String { text(.name, row) }
    public func serviceArea(_ row: Int) -> String? { category(.serviceArea, row) }
    public func service(_ row: Int) -> String? { category(.service, row) }
    public func region(_ row: Int) -> String? { category(.region, row) }
    public func lead(_ row: Int) -> Int32? { organisation(.lead, row) }
    public func partners(_ row: Int) -> ArraySlice<Int32> {
        partnerIDs[Int(partnerStarts[row])..<Int(partnerStarts[row + 1])]
    }
    public func partnerCount(_ row: Int) -> Int { Int(partnerStarts[row + 1] - partnerStarts[row]) }
    public func startYear(_ row: Int) -> Int? { year(.startYear, row) }
    public func status(_ row: Int) -> Status? { choiceCode(.status, row).flatMap(Status.init(rawValue:)) }
    public func provenance(_ row: Int) -> Provenance? { choiceCode(.provenance, row).flatMap(Provenance.init(rawValue:)) }
    public func savingsToDate(_ row: Int) -> Int64? { amount(.savingsToDate, row) }
    public func savingsLatestYear(_ row: Int) -> Int64? { amount(.savingsLatestYear, row) }
    public func savingsToDateQualifier(_ row: Int) -> SavingsQualifier { qualifier(of: .savingsToDate, row) }
    public func savingsLatestYearQualifier(_ row: Int) -> SavingsQualifier { qualifier(of: .savingsLatestYear, row) }
    /// The forecast given as the row's savings to date, when its figure is one.
    public func forecastSavingsToDate(_ row: Int) -> Int64? { forecast(.savingsToDate, row) }
    public func description(_ row: Int) -> String { text(.description, row) }
    public func source(_ row: Int) -> String { text(.source, row) }

    public var serviceAreas: Vocabulary { interned[ArrangementField.serviceArea.slot].values }
    public var services: Vocabulary { interned[ArrangementField.service.slot].values }
    public var regions: Vocabulary { interned[ArrangementField.region.slot].values }

    // The columns queries walk row by row.
    var names: TextColumn { texts[ArrangementField.name.slot] }
    var descriptions: TextColumn { texts[ArrangementField.description.slot] }
    var serviceAreaIDs: [Int32] { interned[ArrangementField.serviceArea.slot].ids }
    var serviceIDs: [Int32] { interned[ArrangementField.service.slot].ids }
    var regionIDs: [Int32] { interned[ArrangementField.region.slot].ids }
    var startYears: [Int16] { years[ArrangementField.startYear.slot] }
    var statusCodes: [UInt8] { choices[ArrangementField.status.slot] }
    var savedToDate: AmountColumn { amounts[ArrangementField.savingsToDate.slot] }

    /// Whether any figure is qualified (at least, up to, about, forecast).
    public var hasQualifiedFigures: Bool { amounts.contains { !$0.qualifiers.isEmpty } }

    /// The register with forecasts counted as savings, as `--include-forecasts` asks.
    public func countingForecasts() -> Register {
        guard !countsForecasts else { return self }
        var counted = self
        for slot in counted.amounts.indices {
            for (row, pounds) in counted.amounts[slot].forecasts { counted.amounts[slot].pounds[Int(row)] = pounds }
        }
        counted.countsForecasts = true
        counted.sortOrders = SortOrders()
        return counted
    }

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
        return asciiTextContains(row, needle, names: names, descriptions: descriptions)
    }

    /// The same for a row whose text is known to be ASCII (as every row the search's pairs
    /// hold is), without looking up its folded text: a search of many candidates saves a
    /// dictionary look-up for each.
    func asciiTextContains(
        _ row: Int, _ needle: [UInt8], names: UnsafeBufferPointer<UInt8>, descriptions: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        TextSearch.containsIgnoringASCIICase(UnsafeBufferPointer(rebasing: names[self.names.range(row)]), needle)
            || TextSearch.containsIgnoringASCIICase(
                UnsafeBufferPointer(rebasing: descriptions[self.descriptions.range(row)]), needle)
    }

    // MARK: A field as the file spells it

    /// The service area as the file writes it on this row ("ict" where the register's
    /// category is spelt "ICT"): for showing the row and writing it out.
    public func serviceAreaAsWritten(_ row: Int) -> String? { categoryAsWritten(.serviceArea, row) }
    public func serviceAsWritten(_ row: Int) -> String? { categoryAsWritten(.service, row) }
    public func regionAsWritten(_ row: Int) -> String? { categoryAsWritten(.region, row) }

    /// The partners' names as the file writes them ("Brent" for London Borough of Brent).
    public func partnersAsWritten(_ row: Int) -> [String] {
        (Int(partnerStarts[row])..<Int(partnerStarts[row + 1])).map { index in
            partnerSpellings[Int32(index)] ?? organisations.names[Int(partnerIDs[index])]
        }
    }

    public func leadAsWritten(_ row: Int) -> String? { organisationAsWritten(.lead, row) }

    public func line(_ row: Int) -> Int { Int(lines[row]) }

    /// The region an organisation is in, or nil when the organisations list gives none.
    public func regionName(ofOrganisation organisation: Int32) -> String? {
        let region = organisations.regions[Int(organisation)]
        return region >= 0 ? regions[region] : nil
    }

    /// The row read from `line` of the file (a sheet's row number for a workbook); nil
    /// when that line was left out or holds no arrangement.
    public func row(readFrom line: Int) -> Int? {
        lines.firstIndex(of: Int32(clamping: line))
    }

    /// Where row `row` is in `file`, as diagnostics write it: `file:12`, or for a
    /// workbook `file: Register!14:14`.
    public func location(of row: Int, in file: String) -> String {
        SourcePlace.describe(file: file, sheet: sheet, line: line(row), column: nil)
    }

    /// Where row `row` is, in words: "line 12", or "row 14 of sheet Register".
    public func placeInFile(of row: Int) -> String {
        sheet.map { "row \(line(row)) of sheet \($0)" } ?? "line \(line(row))"
    }
    public func extraValues(_ row: Int) -> [String] { extraValues.isEmpty ? [] : extraValues[row] }
    public func involves(_ row: Int, sector: Sector) -> Bool { sectorMasks[row] & sector.bit != 0 }
    /// True when any partner is not a council: fire, police, health or another body.
    public func isCrossSector(_ row: Int) -> Bool { Self.isCrossSector(sectorMasks[row]) }
    /// Whether a row with these partners' sectors has a partner that is not a council.
    static func isCrossSector(_ sectorMask: UInt8) -> Bool { sectorMask & ~Sector.council.bit != 0 }

    /// The row whose id is `id`, matched exactly, then ignoring case.
    public func row(withID id: String) -> Int? {
        if let exact = (0..<count).first(where: { ids[$0] == id }) { return exact }
        let folded = id.lowercased()
        return (0..<count).first { ids[$0].lowercased() == folded }
    }
}

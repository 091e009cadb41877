/// Writes registers of any size with the shape of the LGA's June 2017 register: the
/// reported arrangements first, then illustrative ones among real councils that are
/// neighbours, calibrated so that a register of N rows saves £643m × N / 486 in all,
/// about a fifth report no figure, about one in ten involves fire, police or health,
/// and 98% of councils are in at least one. The same seed gives the same bytes.
public struct RegisterGenerator {
    /// The June 2017 figures every generated register is scaled from.
    public enum Calibration {
        public static let arrangements: Int64 = 486
        public static let savingsToDate: Int64 = 643_000_000
        /// Shares in percent.
        public static let withoutFigurePercent = 20
        public static let crossSectorPercent = 10
        public static let councilsLeftOutPercent = 2
        public static let countyWidePercent = 5
        public static let groupPercent = 25
    }

    /// The year the sample describes: nothing starts later than the year after it.
    static let asOfYear = 2017

    private let register: Register
    private let seed: UInt64
    private let network: CouncilNetwork

    /// `reported` holds the organisations to draw partners from and the reported
    /// arrangements to put first (its `provenance=reported` rows).
    public init(reported: Register, seed: UInt64) {
        self.register = reported
        self.seed = seed
        self.network = CouncilNetwork(reported.organisations, regions: reported.regions)
    }

    /// How the CSV is laid out. Both styles hold the same rows, ids and figures; the
    /// spreadsheet style adds a sentence to every description.
    public enum Style: String, CaseIterable, Sendable {
        /// As ssmap writes CSV: LF line ends, fields quoted only when they must be.
        case plain
        /// As a spreadsheet (Excel) saves it: a UTF-8 byte-order mark and CRLF line ends;
        /// every description quotes "phase 1" (so it is written with doubled quotes), one
        /// in ten puts that sentence after a line break, and a third of the rows write
        /// their amounts as `"£1,234,567"`.
        case spreadsheet
    }

    /// The register as CSV, handed to `write` in pieces of about a megabyte.
    public func writeArrangementsCSV(
        count: Int, style: Style = .plain, to write: (String) throws -> Void
    ) rethrows {
        var rng = SplitMix64(seed: seed)
        let reportedRows = Array(
            register.allRows.filter { register.provenance($0) == .reported }.prefix(count))
        let illustrative = makeIllustrative(count: count, reported: reportedRows, rng: &rng)

        let idWidth = max(4, String(count).count)
        func id(_ number: Int) -> String {
            let digits = String(number)
            return "SS" + String(repeating: "0", count: max(0, idWidth - digits.count)) + digits
        }
        func line(_ fields: [String], position: Int) -> String {
            switch style {
            case .plain: CSVWriter.line(fields)
            case .spreadsheet: CSVWriter.line(Self.asSpreadsheetSaves(fields, position: position), ending: "\r\n")
            }
        }
        var buffer = style == .spreadsheet ? "\u{FEFF}" : ""
        buffer += line(ArrangementField.allCases.map(\.rawValue), position: -1)
        for (position, row) in reportedRows.enumerated() {
            var values = register.exportValues(row).prefix(ArrangementField.allCases.count).map(\.plainText)
            values[0] = id(position + 1)
            buffer += line(Array(values), position: position)
        }
        for (offset, arrangement) in illustrative.enumerated() {
            let position = reportedRows.count + offset
            buffer += line(arrangement.fields(id: id(position + 1), register: register), position: position)
            if buffer.utf8.count > 1 << 20 {
                try write(buffer)
                buffer = ""
            }
        }
        try write(buffer)
    }

    /// The whole register as one string, for tests and small registers.
    public func arrangementsCSV(count: Int, style: Style = .plain) -> String {
        var text = ""
        writeArrangementsCSV(count: count, style: style) { text += $0 }
        return text
    }

    private static let descriptionColumn = ArrangementField.allCases.firstIndex(of: .description)
    private static let amountColumns = [ArrangementField.savingsToDate, .savingsLatestYear].compactMap {
        ArrangementField.allCases.firstIndex(of: $0)
    }

    /// One row's fields as a spreadsheet saves them (see `Style.spreadsheet`); `position`
    /// counts rows from 0, and the header (position -1) is left as it is.
    static func asSpreadsheetSaves(_ fields: [String], position: Int) -> [String] {
        guard position >= 0 else { return fields }
        var fields = fields
        if let column = descriptionColumn, column < fields.count {
            let separator = position % 10 == 0 ? "\r\n" : " "
            fields[column] += separator + "Agreed as \"phase 1\"."
        }
        if position % 3 == 0 {
            for column in amountColumns where column < fields.count {
                if let pounds = Int64(fields[column]) { fields[column] = Money.formatExact(pounds) }
            }
        }
        return fields
    }

    // MARK: Making the illustrative rows

    private enum Pattern { case pair, group, countyWide, crossSector(Sector) }

    private func makeIllustrative(count: Int, reported: [Int], rng: inout SplitMix64) -> [DraftArrangement] {
        let total = Int64(count)
        let illustrativeCount = count - reported.count
        // Illustrative rows are made among councils; an organisations file with none gives none.
        guard illustrativeCount > 0, !network.councils.isEmpty else { return [] }
        func percent(_ share: Int) -> Int { (count * share + 50) / 100 }

        // Exact quotas, shuffled, so that small registers keep the shape too.
        let reportedCross = reported.filter { row in
            [Sector.fire, .police, .health].contains { register.involves(row, sector: $0) }
        }.count
        var crossSector = max(0, percent(Calibration.crossSectorPercent) - reportedCross)
        if network.crossSectorPartners.isEmpty { crossSector = 0 }
        let countyWide = network.counties.isEmpty ? 0 : percent(Calibration.countyWidePercent)
        let groups = percent(Calibration.groupPercent)
        var patterns: [Pattern] = []
        let sectors: [Sector] = [.fire, .police, .health].filter { network.crossSectorPartners[$0]?.isEmpty == false }
        for index in 0..<crossSector { patterns.append(.crossSector(sectors[index % sectors.count])) }
        patterns += Array(repeating: .countyWide, count: countyWide)
        patterns += Array(repeating: .group, count: groups)
        patterns = Array(patterns.prefix(illustrativeCount))
        patterns += Array(repeating: .pair, count: illustrativeCount - patterns.count)
        rng.shuffle(&patterns)

        // Councils left out of every arrangement (2% of them, as in 2017), and the order in
        // which the rest are made sure to appear.
        var covered = Set(reported.flatMap { register.partners($0) })
        var leftOut = Set<Int32>()
        var candidatesToLeaveOut = network.districts.filter { !covered.contains($0) }
        rng.shuffle(&candidatesToLeaveOut)
        let leftOutCount = (network.councils.count * Calibration.councilsLeftOutPercent + 50) / 100
        leftOut.formUnion(candidatesToLeaveOut.prefix(leftOutCount))
        var anchorsToCover = network.councils.filter { !covered.contains($0) && !leftOut.contains($0) }
        rng.shuffle(&anchorsToCover)
        var counties = network.counties
        rng.shuffle(&counties)
        var nextCounty = 0

        var drafts: [DraftArrangement] = []
        drafts.reserveCapacity(illustrativeCount)
        var usedNames: [String: Int] = [:]
        for pattern in patterns {
            var draft: DraftArrangement
            switch pattern {
            case .countyWide:
                let county = counties[nextCounty % counties.count]
                nextCounty += 1
                draft = countyWideDraft(county: county, leftOut: leftOut, rng: &rng)
            case .crossSector(let sector):
                let anchor = nextAnchor(&anchorsToCover, covered: covered, leftOut: leftOut, upperTierOnly: true, rng: &rng)
                draft = crossSectorDraft(anchor: anchor, sector: sector, leftOut: leftOut, rng: &rng)
            case .pair, .group:
                let anchor = nextAnchor(&anchorsToCover, covered: covered, leftOut: leftOut, upperTierOnly: false, rng: &rng)
                let isPair: Bool
                if case .pair = pattern { isPair = true } else { isPair = false }
                draft = councilDraft(anchor: anchor, size: isPair ? 2 : rng.inRange(3...6), leftOut: leftOut, rng: &rng)
            }
            covered.formUnion(draft.partners)
            draft.makeNameUnique(&usedNames)
            drafts.append(draft)
        }
        assignTimeline(&drafts, rng: &rng)
        assignSavings(&drafts, count: total, reported: reported, rng: &rng)
        return drafts
    }

    /// The next council still to be covered, else any council at random.
    private func nextAnchor(
        _ toCover: inout [Int32], covered: Set<Int32>, leftOut: Set<Int32>, upperTierOnly: Bool,
        rng: inout SplitMix64
    ) -> Int32 {
        // Covered councils stay covered: dropping them keeps this search short once most
        // are, without changing which council it finds.
        toCover.removeAll(where: covered.contains)
        let network = self.network  // a local, so a debug build does not copy the generator per council
        if let index = toCover.lastIndex(where: { !upperTierOnly || network.isUpperTier($0) }) {
            return toCover.remove(at: index)
        }
        let pool = upperTierOnly ? network.upperTier : network.councils
        while true {
            let council = pool[rng.below(pool.count)]
            if !leftOut.contains(council) { return council }
        }
    }

    private func councilDraft(anchor: Int32, size: Int, leftOut: Set<Int32>, rng: inout SplitMix64) -> DraftArrangement {
        let services = ServiceCatalogue.councilServices.filter { network.provides($0.tier, anchor) }
        let service = services[rng.weightedIndex(services.map(\.weight))]
        let neighbours = network.neighbours(of: anchor, count: size - 1, tier: service.tier, excluding: leftOut, rng: &rng)
        let partners = [anchor] + neighbours
        let lead: Int32? = rng.chance(3, in: 4) ? partners[rng.below(partners.count)] : nil
        let names = partners.map { network.shortName($0) }
        let name: String
        if partners.count == 2 {
            name = "\(names[0]) and \(names[1]) \(service.title)"
        } else if partners.count == 3 {
            name = "\(names[0]), \(names[1]) and \(names[2]) \(service.title)"
        } else {
            name = "\(network.areaName(partners)) \(service.title) Partnership"
        }
        return DraftArrangement(
            name: name, area: service.area, service: service.service, partners: partners, lead: lead,
            region: register.organisations.regions[Int(anchor)],
            description: describe(partners: partners, servicePhrase: service.phrase, lead: lead))
    }

    private func countyWideDraft(county: Int32, leftOut: Set<Int32>, rng: inout SplitMix64) -> DraftArrangement {
        let serviceName = ServiceCatalogue.countyWideServices[rng.below(ServiceCatalogue.countyWideServices.count)]
        let service = ServiceCatalogue.councilServices.first { $0.service == serviceName }
        let districts = (network.districtsByCounty[county] ?? []).filter { !leftOut.contains($0) }
        let partners = [county] + districts
        let countyName = network.shortName(county)
        return DraftArrangement(
            name: "\(countyName) \(serviceName) Partnership", area: service?.area ?? "Back office",
            service: serviceName, partners: partners, lead: county,
            region: register.organisations.regions[Int(county)],
            description: "\(countyName) County Council and the \(districts.count) district councils of \(countyName) "
                + "share \(service?.phrase ?? serviceName.lowercased()) across the county, led by the county council.")
    }

    private func crossSectorDraft(anchor: Int32, sector: Sector, leftOut: Set<Int32>, rng: inout SplitMix64)
        -> DraftArrangement
    {
        let options = (ServiceCatalogue.crossSectorServices[sector] ?? []).filter { network.provides($0.tier, anchor) }
        let fallback = CatalogueService(area: "Community safety", service: "Shared buildings", tier: .any, weight: 1)
        let service = options.isEmpty ? fallback : options[rng.weightedIndex(options.map(\.weight))]
        let body = network.partnerBody(for: anchor, sector: sector, rng: &rng)
        var councils = [anchor]
        if rng.chance(1, in: 3) {
            councils += network.neighbours(of: anchor, count: 1, tier: service.tier, excluding: leftOut, rng: &rng)
        }
        let partners = councils + [body]
        let bodyName = register.organisations.names[Int(body)]
        let councilNames = councils.map { network.shortName($0) }
        let theme: String
        switch sector {
        case .fire: theme = "Blue Light"
        case .police: theme = "Community Safety"
        default: theme = "Health and Care"
        }
        let name = "\(councilNames.joined(separator: " and ")) \(theme) \(service.title)"
        return DraftArrangement(
            name: name, area: service.area, service: service.service, partners: partners, lead: anchor,
            region: register.organisations.regions[Int(anchor)],
            description: "\(councilNames.joined(separator: " and ")) and \(bodyName) share \(service.phrase), "
                + "led by \(register.organisations.names[Int(anchor)]).")
    }

    private func describe(partners: [Int32], servicePhrase: String, lead: Int32?) -> String {
        let names = partners.map { network.shortName($0) }
        let who: String
        if names.count <= 3 {
            who = names.count == 2 ? "\(names[0]) and \(names[1])" : "\(names[0]), \(names[1]) and \(names[2])"
        } else {
            who = "\(Self.numberWords[min(names.count, Self.numberWords.count - 1)]) councils around \(names[0])"
        }
        let hosted = lead.map { ", hosted by \(register.organisations.names[Int($0)])" } ?? ""
        return "\(who) share one \(servicePhrase) team\(hosted)."
    }

    private static let numberWords = [
        "", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
        "Thirteen", "Fourteen", "Fifteen",
    ]

    /// Start years (more from 2010, when austerity began), and status as at June 2017.
    private func assignTimeline(_ drafts: inout [DraftArrangement], rng: inout SplitMix64) {
        let years = Array(2004...Self.asOfYear)
        let weights = years.map { $0 < 2008 ? 2 : ($0 < 2010 ? 4 : ($0 <= 2015 ? 9 : 6)) }
        for index in drafts.indices {
            switch rng.weightedIndex([85, 7, 8]) {
            case 1:
                drafts[index].status = .planned
                drafts[index].startYear = rng.chance(1, in: 2) ? Self.asOfYear : Self.asOfYear + 1
            case 2:
                drafts[index].status = .ended
                drafts[index].startYear = rng.inRange(2004...2013)
            default:
                drafts[index].status = .operational
                drafts[index].startYear = years[rng.weightedIndex(weights)]
            }
        }
    }

    /// Draws savings from a realistic spread, leaves a fifth unreported (planned ones
    /// first), then scales so that the whole register's total is exactly calibrated,
    /// to within £500 after rounding every figure as people report them.
    private func assignSavings(
        _ drafts: inout [DraftArrangement], count: Int64, reported: [Int], rng: inout SplitMix64
    ) {
        let reportedBlank = reported.filter { register.savingsToDate($0) == nil }.count
        let blankQuota = max(0, (Int(count) * Calibration.withoutFigurePercent + 50) / 100 - reportedBlank)
        var order = Array(drafts.indices)
        rng.shuffle(&order)
        order.sort { (drafts[$0].status == .planned ? 0 : 1) < (drafts[$1].status == .planned ? 0 : 1) }
        let blank = Set(order.prefix(blankQuota))

        // Bands of savings to date: (weight, lowest, highest) in pounds.
        let bands: [(Int, Int, Int)] = [
            (25, 20_000, 100_000), (30, 100_000, 400_000), (22, 400_000, 1_000_000),
            (13, 1_000_000, 3_000_000), (7, 3_000_000, 8_000_000), (3, 8_000_000, 25_000_000),
        ]
        var raw: [Int64] = Array(repeating: 0, count: drafts.count)
        var rawTotal: Int64 = 0
        for index in drafts.indices where !blank.contains(index) {
            let band = bands[rng.weightedIndex(bands.map(\.0))]
            // Bigger and older partnerships have saved more by 2017.
            let partnerBoost = Int64(100 + 15 * min(drafts[index].partners.count - 2, 6))
            let yearsRunning = Int64(max(0, Self.asOfYear - (drafts[index].startYear ?? Self.asOfYear)))
            let ageBoost = 1 + min(yearsRunning, 8)
            raw[index] = Int64(rng.inRange(band.1...band.2)) * partnerBoost * ageBoost / 400
            rawTotal += raw[index]
        }
        if rawTotal == 0 { return }
        let reportedTotal = reported.compactMap { register.savingsToDate($0) }.reduce(0, +)
        let target = max(0, Calibration.savingsToDate * count / Calibration.arrangements - reportedTotal)
        var assigned: Int64 = 0
        var largest = 0
        for index in drafts.indices where raw[index] > 0 {
            let exact = raw[index].multipliedFullWidth(by: target)
            let scaled = rawTotal.dividingFullWidth(exact).quotient
            drafts[index].savingsToDate = Self.roundedAsReported(max(scaled, 1_000))
            assigned += drafts[index].savingsToDate ?? 0
            if (drafts[index].savingsToDate ?? 0) > (drafts[largest].savingsToDate ?? 0) { largest = index }
        }
        // The rounding's remainder goes to the largest figure, in whole thousands.
        let remainder = target - assigned
        let adjusted = (drafts[largest].savingsToDate ?? 0) + Register.roundedQuotient(remainder, 1_000) * 1_000
        drafts[largest].savingsToDate = max(adjusted, 1_000)

        for index in drafts.indices {
            guard let toDate = drafts[index].savingsToDate, drafts[index].status == .operational,
                rng.chance(3, in: 5)
            else { continue }
            let yearsRunning = Int64(max(1, Self.asOfYear - (drafts[index].startYear ?? Self.asOfYear) + 1))
            let perYear = toDate * Int64(rng.inRange(80...130)) / (100 * yearsRunning)
            // One year's saving cannot exceed everything saved to date.
            drafts[index].savingsLatestYear = min(toDate, Self.roundedAsReported(max(perYear, 1_000)))
        }
    }

    /// Rounded as councils report figures: two significant figures below £1m, three above.
    static func roundedAsReported(_ pounds: Int64) -> Int64 {
        var unit: Int64 = 1
        let figures: Int64 = pounds >= 1_000_000 ? 1_000 : 100
        while pounds / unit >= figures { unit *= 10 }
        return Register.roundedQuotient(pounds, unit) * unit
    }

}

/// One illustrative arrangement while it is being made.
struct DraftArrangement {
    var name: String
    var area: String
    var service: String
    var partners: [Int32]
    var lead: Int32?
    var region: Int32
    var description: String
    var startYear: Int?
    var status: Status = .operational
    var savingsToDate: Int64?
    var savingsLatestYear: Int64?

    /// Names repeat when neighbours share the same service twice; number the later ones.
    mutating func makeNameUnique(_ used: inout [String: Int]) {
        let seen = used[name, default: 0]
        used[name] = seen + 1
        if seen > 0 { name += " (\(seen + 1))" }
    }

    /// The row's cells in the schema's order; fields it does not set are blank.
    func fields(id: String, register: Register) -> [String] {
        let organisations = register.organisations
        let values: [ArrangementField: String] = [
            .id: id, .name: name, .serviceArea: area, .service: service,
            .partners: partners.map { organisations.names[Int($0)] }.joined(separator: "; "),
            .lead: lead.map { organisations.names[Int($0)] } ?? "",
            .region: region >= 0 ? register.regions[region] : "",
            .startYear: startYear.map(String.init) ?? "", .status: status.name,
            .savingsToDate: savingsToDate.map(String.init) ?? "",
            .savingsLatestYear: savingsLatestYear.map(String.init) ?? "",
            .description: description, .provenance: Provenance.illustrative.name,
            .source: "Illustrative: written by ssmap generate to the shape of the LGA's June 2017 figures; not a real arrangement",
        ]
        return ArrangementField.allCases.map { values[$0] ?? "" }
    }
}

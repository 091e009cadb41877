/// One arrangement in words, field by field: what `ssmap show` prints and the dashboard's
/// detail screen draws, so that both always say the same.
public struct ArrangementDescription: Sendable {
    public struct Partner: Sendable {
        public var name: String
        /// "council · district · South East", and a note when it is not in the organisations list.
        public var about: String
    }

    public var id: String
    public var name: String
    /// Service, region, dates, status, savings, lead: shown before the partners.
    public var facts: [(label: String, value: String)]
    public var partners: [Partner]
    /// Description, provenance, source and any extra columns: shown after the partners.
    public var notes: [(label: String, value: String)]
}

extension Register {
    public func describe(_ row: Int) -> ArrangementDescription {
        let facts: [(String, String)] = [
            ("Service area", serviceArea(row) ?? "not recorded"),
            ("Service", service(row) ?? "not recorded"),
            ("Region", region(row) ?? "not recorded"),
            ("Started", startYear(row).map(String.init) ?? "not recorded"),
            ("Status", status(row)?.name ?? "not recorded"),
            ("Saved to date", savingsToDate(row).map(Money.formatExact) ?? "not reported"),
            ("Latest year", savingsLatestYear(row).map(Money.formatExact) ?? "not reported"),
            ("Lead", lead(row).map { organisations.names[Int($0)] } ?? "none named"),
        ]
        let partnerList = partners(row).map { partner -> ArrangementDescription.Partner in
            let index = Int(partner)
            var about = [organisations.sectors[index].name]
            if !organisations.types[index].isEmpty { about.append(organisations.types[index]) }
            if organisations.regions[index] >= 0 { about.append(regions[organisations.regions[index]]) }
            if !organisations.listed[index] { about.append("not in the organisations list; sector guessed") }
            return .init(name: organisations.names[index], about: about.joined(separator: " · "))
        }
        var notes: [(String, String)] = [
            ("Description", description(row).isEmpty ? "none" : description(row)),
            ("Provenance", provenance(row)?.name ?? "not recorded"),
            ("Source", source(row).isEmpty ? "none given" : source(row)),
        ]
        for (column, value) in zip(extraColumnNames, extraValues(row)) where !value.isEmpty {
            notes.append((column, value))
        }
        return ArrangementDescription(id: id(row), name: name(row), facts: facts, partners: partnerList, notes: notes)
    }
}

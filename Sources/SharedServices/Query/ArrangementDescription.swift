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
    /// "£500,000", "≥ £1,000,000", or for a forecast not counted, what it is and why.
    private func savedToDateText(_ row: Int) -> String {
        if let pounds = savingsToDate(row) { return Money.formatExact(pounds, savingsToDateQualifier(row)) }
        if let forecast = forecastSavingsToDate(row) {
            return "not reported (a forecast of \(Money.formatExact(forecast)) is given; forecasts count only with "
                + "--include-forecasts)"
        }
        return "not reported"
    }

    public func describe(_ row: Int) -> ArrangementDescription {
        let facts: [(String, String)] = [
            ("Service area", serviceAreaAsWritten(row) ?? "not recorded"),
            ("Service", serviceAsWritten(row) ?? "not recorded"),
            ("Region", regionAsWritten(row) ?? "not recorded"),
            ("Started", startYear(row).map(String.init) ?? "not recorded"),
            ("Status", status(row)?.name ?? "not recorded"),
            ("Saved to date", savedToDateText(row)),
            ("Latest year", savingsLatestYear(row).map { Money.formatExact($0, savingsLatestYearQualifier(row)) } ?? "not reported"),
            ("Lead", leadAsWritten(row) ?? "none named"),
        ]
        let partnerList = zip(partners(row), partnersAsWritten(row)).map { partner, written in
            let index = Int(partner)
            let name = organisations.names[index]
            // A partner is shown as the file names it, and what that was matched to.
            var about = written == name ? [] : ["taken to be \(name)"]
            about.append(organisations.sectors[index].name)
            if !organisations.types[index].isEmpty { about.append(organisations.types[index]) }
            if organisations.regions[index] >= 0 { about.append(regions[organisations.regions[index]]) }
            if !organisations.listed[index] { about.append("not in the organisations list; sector guessed") }
            return ArrangementDescription.Partner(name: written, about: about.joined(separator: " · "))
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

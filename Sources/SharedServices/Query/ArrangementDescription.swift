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
    /// A field of row `row` as a person reads it, as the file writes it: figures in pounds
    /// with how exactly they are known ("≥ £1,000,000"), a forecast marked as not counted,
    /// partners joined by "; ". Nil where the row has no value.
    public func displayText(_ field: ArrangementField, _ row: Int) -> String? {
        switch field.kind {
        case .identifier, .text, .repeatedText:
            let text = text(field, row)
            return text.isEmpty ? nil : text
        case .category: return categoryAsWritten(field, row)
        case .organisations: return partnersAsWritten(row).joined(separator: "; ")
        case .organisation: return organisationAsWritten(field, row)
        case .year: return year(field, row).map(String.init)
        case .choice: return choiceName(field, row)
        case .money:
            if let pounds = amount(field, row) { return Money.formatExact(pounds, qualifier(of: field, row)) }
            return forecast(field, row).map { "forecast \(Money.formatExact($0)), not counted" }
        case .qualifier(let figure):
            let qualifier = qualifier(of: figure, row)
            return qualifier == .exact ? nil : qualifier.name
        }
    }

    public func describe(_ row: Int) -> ArrangementDescription {
        var facts: [(String, String)] = []
        // Organisations (the lead) are said last among the facts, next to the partners.
        var organisationFacts: [(String, String)] = []
        var notes: [(String, String)] = []
        for spec in ArrangementField.schema {
            let value = displayText(spec.field, row) ?? spec.kind.missingWording
            switch spec.shown {
            case .fact where spec.kind == .organisation: organisationFacts.append((spec.title, value))
            case .fact: facts.append((spec.title, value))
            case .note: notes.append((spec.title, value))
            case .heading, .partners, .withItsFigure: break
            }
        }
        facts += organisationFacts
        let partnerList = zip(partners(row), partnersAsWritten(row)).map { partner, written in
            let index = Int(partner)
            let name = organisations.names[index]
            // A partner is shown as the file names it, and what that was matched to.
            var about = written == name ? [] : ["taken to be \(name)"]
            about.append(organisations.sectors[index].name)
            if !organisations.types[index].isEmpty { about.append(organisations.types[index]) }
            if let region = regionName(ofOrganisation: partner) { about.append(region) }
            if !organisations.listed[index] { about.append("not in the organisations list; sector guessed") }
            return ArrangementDescription.Partner(name: written, about: about.joined(separator: " · "))
        }
        for (column, value) in zip(extraColumnNames, extraValues(row)) where !value.isEmpty {
            notes.append((column, value))
        }
        return ArrangementDescription(id: id(row), name: name(row), facts: facts, partners: partnerList, notes: notes)
    }
}

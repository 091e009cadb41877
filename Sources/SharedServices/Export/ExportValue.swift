/// One cell of an arrangement as written out: text, a whole number, a list, or nothing.
public enum ExportValue: Sendable, Equatable {
    case text(String)
    case number(Int64)
    case list([String])
    case missing

    /// The cell as CSV or Markdown text: lists joined by "; ", missing as empty.
    public var plainText: String {
        switch self {
        case .text(let text): return text
        case .number(let number): return String(number)
        case .list(let items): return items.joined(separator: "; ")
        case .missing: return ""
        }
    }
}

extension Register {
    /// The column names of an export: the register's schema, then the input's extra columns.
    public var exportColumnNames: [String] {
        ArrangementField.allCases.map(\.rawValue) + extraColumnNames
    }

    /// Row `row` in export column order, as the file it came from spells it, so that what
    /// is written loads back unchanged.
    public func exportValues(_ row: Int) -> [ExportValue] {
        var values = ArrangementField.allCases.map { exportValue($0, row) }
        values.append(contentsOf: extraValues(row).map(ExportValue.text))
        return values
    }

    /// One field of row `row` as written out, by its kind.
    public func exportValue(_ field: ArrangementField, _ row: Int) -> ExportValue {
        func text(_ value: String?) -> ExportValue {
            guard let value, !value.isEmpty else { return .missing }
            return .text(value)
        }
        switch field.kind {
        case .identifier, .text, .repeatedText: return .text(self.text(field, row))
        case .category: return text(categoryAsWritten(field, row))
        case .organisations: return .list(partnersAsWritten(row))
        case .organisation: return text(organisationAsWritten(field, row))
        case .year: return year(field, row).map { .number(Int64($0)) } ?? .missing
        case .choice: return text(choiceName(field, row))
        // A forecast is written as the file gave it: as the figure, qualified.
        case .money: return (amount(field, row) ?? forecast(field, row)).map(ExportValue.number) ?? .missing
        case .qualifier(let figure):
            let qualifier = self.qualifier(of: figure, row)
            return qualifier == .exact ? .missing : .text(qualifier.name)
        }
    }
}

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
        func text(_ value: String?) -> ExportValue {
            guard let value, !value.isEmpty else { return .missing }
            return .text(value)
        }
        func number(_ value: Int64?) -> ExportValue { value.map(ExportValue.number) ?? .missing }
        func qualifier(_ value: SavingsQualifier) -> ExportValue { value == .exact ? .missing : .text(value.name) }
        var values: [ExportValue] = ArrangementField.allCases.map { field in
            switch field {
            case .id: return .text(id(row))
            case .name: return .text(name(row))
            case .serviceArea: return text(serviceAreaAsWritten(row))
            case .service: return text(serviceAsWritten(row))
            case .partners: return .list(partnersAsWritten(row))
            case .lead: return text(leadAsWritten(row))
            case .region: return text(regionAsWritten(row))
            case .startYear: return number(startYear(row).map(Int64.init))
            case .status: return text(status(row)?.name)
            // A forecast is written as the file gave it: as the figure, qualified.
            case .savingsToDate: return number(savingsToDate(row) ?? forecastSavingsToDate(row))
            case .savingsLatestYear: return number(savingsLatestYear(row))
            case .savingsToDateQualifier: return qualifier(savingsToDateQualifier(row))
            case .savingsLatestYearQualifier: return qualifier(savingsLatestYearQualifier(row))
            case .description: return .text(description(row))
            case .provenance: return text(provenance(row)?.name)
            case .source: return .text(source(row))
            }
        }
        values.append(contentsOf: extraValues(row).map(ExportValue.text))
        return values
    }
}

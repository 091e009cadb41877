import SharedServices
import TerminalUI
import TextCells

/// The words and figures the dashboard shows, in one place.
public enum DashboardText {
    public static func tabLabel(_ screen: Screen) -> String {
        " \(screen.rawValue) \(screen.title) "
    }

    /// The headline in the longest form that fits `width` columns.
    public static func headline(_ headline: Headline, width: Int) -> String {
        let full = self.headline(headline)
        if DisplayWidth.of(full) <= width { return full }
        let shorter = headline.phrases(showingCouncilShare: false, qualifierAsSymbol: true).joined(separator: " · ")
        if DisplayWidth.of(shorter) <= width { return shorter }
        let councils = headline.councilsKnown > 0
            ? "\(headline.councilsInvolved)/\(headline.councilsKnown) councils" : "\(headline.councilsInvolved) councils"
        let compact = "\(headline.arrangements) arr. · \(Money.format(headline.totalSavings, headline.totalQualifier)) · \(councils) · \(headline.withoutFigure) n/r"
        if DisplayWidth.of(compact) <= width { return compact }
        return "\(headline.arrangements) arr. · \(Money.format(headline.totalSavings, headline.totalQualifier)) · \(headline.withoutFigure) n/r"
    }

    /// "486 arrangements · £643m saved · 346 of 353 councils · 97 without a figure"
    public static func headline(_ headline: Headline) -> String {
        headline.phrases(showingCouncilShare: false).joined(separator: " · ")
    }

    public static func money(_ pounds: Int64?, _ qualifier: SavingsQualifier = .exact) -> String {
        pounds.map { Money.format($0, qualifier) } ?? "—"
    }

    /// The filter as chips: "service: Trading standards", "since 2015", …
    public static func chips(_ filter: ArrangementFilter, register: Register) -> [String] {
        var chips: [String] = []
        func names(_ ids: Set<Int32>, _ vocabulary: Vocabulary) -> String {
            ids.sorted().map { vocabulary[$0] }.joined(separator: " or ")
        }
        if !filter.services.isEmpty { chips.append("service: " + names(filter.services, register.services)) }
        if !filter.serviceAreas.isEmpty { chips.append("area: " + names(filter.serviceAreas, register.serviceAreas)) }
        if !filter.regions.isEmpty { chips.append("region: " + names(filter.regions, register.regions)) }
        if !filter.sectors.isEmpty { chips.append(filter.sectors.sorted().map(\.label).joined(separator: " or ")) }
        if !filter.statuses.isEmpty { chips.append("status: " + filter.statuses.sorted().map(\.name).joined(separator: " or ")) }
        if !filter.organisations.isEmpty {
            chips.append("with " + filter.organisations.sorted().map { register.organisations.names[Int($0)] }.joined(separator: " or "))
        }
        if let since = filter.sinceYear { chips.append("since \(since)") }
        if let until = filter.untilYear { chips.append("until \(until)") }
        if let minimum = filter.minimumSavings { chips.append("saved ≥ \(Money.format(minimum))") }
        if !filter.search.isEmpty { chips.append("matching \"\(filter.search)\"") }
        return chips
    }

    /// Text as the terminal can show it: in ASCII mode, the few symbols ssmap itself uses
    /// are spelt out and anything else outside ASCII becomes "?".
    public static func forTerminal(_ text: String, glyphs: Glyphs) -> String {
        guard glyphs.isASCII, !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "£": result += "GBP "
            case "·", "│": result += "|"
            case "—", "–", "─": result += "-"
            case "…": result += "..."
            case "≥": result += ">="
            case "×": result += "x"
            case "✓": result += "x"
            case "▲": result += "^"
            case "▼": result += "v"
            default: result += character.isASCII ? String(character) : "?"
            }
        }
        return result.replacingOccurrences(of: "GBP  ", with: "GBP ")
    }
}

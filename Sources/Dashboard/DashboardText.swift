import SharedServices
import TerminalUI
import TextCells

/// The words and figures the dashboard shows, in one place.
public enum DashboardText {
    /// Each screen's tab, in order: " 1 Arrangements ", the data issues' with their count.
    /// Where they do not all fit `width`, they lose their padding ("1 Arrangements"); where
    /// even that is too wide, the screen shown keeps its title and the others show their
    /// number, the key that opens them ("1 2 Detail 3 4 5 6"), so that every tab is there.
    /// While the register loads, the count is marked as so far: "(12…)".
    public static func tabLabels(issueCount: Int, stillCounting: Bool = false, active: Screen, width: Int) -> [String] {
        let names = Screen.all.map { screen in
            "\(screen.number) \(screen.title)"
                + (screen == .issues && issueCount > 0 ? " (\(Count.format(issueCount))\(stillCounting ? "…" : ""))" : "")
        }
        func widthOf(_ labels: [String]) -> Int { labels.reduce(1) { $0 + DisplayWidth.of($1) + 1 } }
        let padded = names.map { " \($0) " }
        if widthOf(padded) <= width { return padded }
        if widthOf(names) <= width { return names }
        return zip(Screen.all, names).map { screen, name in screen == active ? name : "\(screen.number)" }
    }

    /// The headline in the longest form that fits `width` columns.
    public static func headline(_ headline: Headline, width: Int) -> String {
        let full = self.headline(headline)
        if DisplayWidth.of(full) <= width { return full }
        let shorter = headline.phrases(showingCouncilShare: false, qualifierAsSymbol: true).joined(separator: " · ")
        if DisplayWidth.of(shorter) <= width { return shorter }
        let councils = headline.councilsKnown > 0
            ? "\(Count.format(headline.councilsInvolved))/\(Count.format(headline.councilsKnown)) councils"
            : Count.format(headline.councilsInvolved, "council", "councils")
        let arrangements = "\(Count.format(headline.arrangements)) arr. · \(Money.format(headline.totalSavings, headline.totalQualifier))"
        let withoutFigure = "\(Count.format(headline.withoutFigure)) n/r"
        let compact = "\(arrangements) · \(councils) · \(withoutFigure)"
        if DisplayWidth.of(compact) <= width { return compact }
        return "\(arrangements) · \(withoutFigure)"
    }

    /// What comes before the headline's figures while the register loads, in the longest
    /// form that leaves the figures room: "Still loading, 37% read · so far: ".
    public static func stillLoading(_ loading: RegisterLoading, width: Int) -> String {
        let full = "Still loading, \(loading.percentRead) read · so far: "
        return DisplayWidth.of(full) * 2 <= width ? full : "Loading \(loading.percentRead) · so far: "
    }

    /// "486 arrangements · £643m saved · 346 of 353 councils · 97 without a figure"
    public static func headline(_ headline: Headline) -> String {
        headline.phrases(showingCouncilShare: false).joined(separator: " · ")
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
            case "≤": result += "<="
            case "←": result += "<-"
            case "→": result += "->"
            case "↑": result += "Up "
            case "↓": result += "Down "
            case "×": result += "x"
            case "©": result += "(c)"
            case "✓": result += "x"
            case MapPainter.leadMark: result.append(MapPainter.asciiLead)
            case MapPainter.siteMark: result.append(MapPainter.asciiSite)
            case "▲": result += "^"
            case "▼": result += "v"
            default: result += character.isASCII ? String(character) : "?"
            }
        }
        return result.replacingOccurrences(of: "GBP  ", with: "GBP ")
    }
}

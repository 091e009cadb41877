import SharedServices
import TextCells

/// The headline in words, shared by every report.
public enum HeadlineText {
    /// "486 arrangements · £643m saved · 346 of 353 councils (98%) · 97 without a figure"
    public static func line(_ headline: Headline) -> String {
        headline.phrases().joined(separator: " · ")
    }

    /// The headline broken between its phrases to fit `width` columns.
    public static func lines(_ headline: Headline, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for part in headline.phrases() {
            let candidate = current.isEmpty ? part : current + " · " + part
            if DisplayWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = part
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// "Partners: 386 organisations: 346 councils and 40 other bodies", and how many the
    /// organisations list does not hold, when some are not.
    public static func partnersLine(_ headline: Headline) -> String {
        var parts = [
            Count.format(headline.councilsInvolved, "council", "councils"),
            Count.format(headline.otherBodiesInvolved, "other body", "other bodies"),
        ]
        if headline.unlistedInvolved > 0 { parts.append("\(headline.unlistedInvolved) not in the organisations list") }
        let last = parts.removeLast()
        return "Partners: \(Count.format(headline.organisationsInvolved, "organisation", "organisations")): "
            + parts.joined(separator: ", ") + " and " + last
    }

}

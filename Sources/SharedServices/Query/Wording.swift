/// The words and figures every report and screen share: the dashboard and the command
/// line say a thing the same way because they both say it from here.
extension Money {
    /// "Not reported" as shown in a table: never "£0".
    public static let notReportedMark = "—"

    /// An amount, or the not-reported mark when there is none.
    public static func format(_ pounds: Int64?, _ qualifier: SavingsQualifier) -> String {
        pounds.map { format($0, qualifier) } ?? notReportedMark
    }
}

public enum Count {
    /// A count with thousands separators: "1,000,000".
    public static func format(_ count: Int) -> String {
        count < 0 ? "-" + grouped(count.magnitude) : grouped(count.magnitude)
    }

    /// Digits in threes: "1,250,000".
    static func grouped<Number: BinaryInteger>(_ number: Number) -> String {
        let digits = String(number)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    /// "1 arrangement", "1,000 arrangements".
    public static func format(_ count: Int, _ one: String, _ many: String) -> String {
        "\(format(count)) \(count == 1 ? one : many)"
    }
}

/// Sentences more than one screen or report says.
public enum Wording {
    /// A view with nothing in it.
    public static let noneMatch = "No arrangement matches these filters"
}

extension Array where Element == GroupSummary {
    /// The groups as a summary shows them: the `top` largest (all when nil), years then put
    /// in time order with "not recorded" last; and the groups left out.
    public func shown(by dimension: Dimension, top: Int?) -> (shown: [GroupSummary], hidden: ArraySlice<GroupSummary>) {
        var shown = top.map { Array(prefix(Swift.max(0, $0))) } ?? self
        let hidden = dropFirst(shown.count)
        if dimension == .year {
            shown.sort { left, right in
                switch (left.key, right.key) {
                case let (.value(a), .value(b)): return a < b
                case (.value, _): return true
                default: return false
                }
            }
        }
        return (shown, hidden)
    }
}

extension GroupSummary {
    /// The group's value by `metric`: a count, or money ("—" when no figure was reported).
    public func valueText(_ metric: Metric) -> String {
        metric == .count ? Count.format(count) : Money.format(value(of: metric), qualifier)
    }

    /// How many arrangements, and how many of them had a figure: "12 (3 n/r)"; for the
    /// mean, which only the figures make, "9 of 12 reported".
    public func countText(_ metric: Metric) -> String {
        if metric == .mean { return "\(Count.format(countWithFigure)) of \(Count.format(count)) reported" }
        return countWithoutFigure > 0
            ? "\(Count.format(count)) (\(Count.format(countWithoutFigure)) n/r)" : Count.format(count)
    }

    /// The share as a percentage, or "—" when the group has no figure to share.
    public func shareText(_ metric: Metric, ofArrangements arrangements: Int) -> String {
        value(of: metric) == nil ? Money.notReportedMark : Percent.format(share(metric, ofArrangements: arrangements))
    }

    /// The group's share: of all the arrangements for the count, else of all the savings.
    public func share(_ metric: Metric, ofArrangements arrangements: Int) -> Double {
        guard metric == .count else { return shareOfTotal }
        return arrangements == 0 ? 0 : Double(count) / Double(arrangements)
    }
}

extension ArrangementFilter {
    /// The filter in words, one phrase per part: the dashboard's chips and the command
    /// line's "Filtered to" line. Empty when nothing is filtered.
    public func phrases(in register: Register) -> [String] {
        var phrases = Dimension.all.compactMap { $0.chip(for: self, in: register) }
        if let sinceYear, sinceYear == untilYear {
            phrases.append("started in \(sinceYear)")
        } else {
            if let sinceYear { phrases.append("since \(sinceYear)") }
            if let untilYear { phrases.append("until \(untilYear)") }
        }
        if let minimumSavings { phrases.append("saved ≥ \(Money.format(minimumSavings))") }
        if let maximumSavings { phrases.append("saved ≤ \(Money.format(maximumSavings))") }
        let search = search.trimmingWhitespace()
        if !search.isEmpty { phrases.append("matching \"\(search)\"") }
        return phrases
    }
}

extension StringProtocol {
    /// The text as a sentence starts: its first letter a capital ("each council …" → "Each council …").
    public var sentenceCased: String { prefix(1).uppercased() + dropFirst() }
}

/// The headline and shares in words, the same in every report and on every screen.
extension Headline {
    /// "486 arrangements", "£643m saved", "346 of 353 councils (98%)", "97 without a figure".
    /// A total with a bound in it says so: "at least £643m saved", or "≥ £643m saved"
    /// where room is short (`qualifierAsSymbol`).
    public func phrases(showingCouncilShare: Bool = true, qualifierAsSymbol: Bool = false) -> [String] {
        let total = qualifierAsSymbol
            ? Money.format(totalSavings, totalQualifier) : totalQualifier.words + Money.format(totalSavings)
        var parts = [
            Count.format(arrangements, "arrangement", "arrangements"),
            "\(total) saved",
        ]
        if let share = councilShare {
            parts.append(
                "\(Count.format(councilsInvolved)) of \(Count.format(councilsKnown)) councils"
                    + (showingCouncilShare ? " (\(Percent.format(share)))" : ""))
        } else {
            parts.append(Count.format(councilsInvolved, "council", "councils"))
        }
        parts.append("\(Count.format(withoutFigure)) without a figure")
        return parts
    }
}

public enum Percent {
    /// A share 0...1 as a percentage: one decimal below 10%, whole numbers above.
    public static func format(_ share: Double) -> String {
        let value = share * 100
        if value > 0 && value < 10 {
            let tenths = Int((value * 10).rounded())
            return "\(tenths / 10).\(tenths % 10)%"
        }
        return "\(Int(value.rounded()))%"
    }
}

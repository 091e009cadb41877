import SharedServices
import TerminalUI
import TextCells

/// The headline figures and a horizontal bar chart, as plain text of a given width.
public struct SummaryReport {
    public var register: Register
    public var rows: [Int]
    public var dimension: Dimension
    public var metric: Metric
    /// Show only the largest groups; the rest are totalled on one line.
    public var top: Int?
    public var width: Int
    public var title: String
    public var filters: [String]

    public init(
        register: Register, rows: [Int], dimension: Dimension, metric: Metric, top: Int?, width: Int,
        title: String, filters: [String]
    ) {
        self.register = register
        self.rows = rows
        self.dimension = dimension
        self.metric = metric
        self.top = top
        self.width = width
        self.title = title
        self.filters = filters
    }

    public func render() -> String {
        let width = max(self.width, 40)
        let headline = register.headline(rows)
        var lines: [String] = []
        lines.append(SafeText.visible(title))
        lines += HeadlineText.lines(headline, width: width)
        lines += ColumnFit.wrap(HeadlineText.partnersLine(headline), to: width)
        if !filters.isEmpty {
            lines += ColumnFit.wrap("Filtered to: " + SafeText.visible(filters.joined(separator: "; ")), to: width)
        }
        lines.append("")

        let groups = register.summarise(rows, by: dimension, metric: metric)
        lines.append("\(metricHeading) by \(dimension.label)")
        guard !groups.isEmpty else {
            lines.append("No arrangements match.")
            return lines.joined(separator: "\n") + "\n"
        }
        var shown = top.map { Array(groups.prefix(max(0, $0))) } ?? groups
        let hidden = groups.dropFirst(shown.count)
        if dimension == .year {
            // Years read best in time order, with "not recorded" last.
            shown.sort { left, right in
                switch (left.key, right.key) {
                case let (.year(a), .year(b)): return a < b
                case (.year, _): return true
                default: return false
                }
            }
        }

        let values = shown.map { formatValue($0.value(of: metric), $0.qualifier) }
        let shares = shown.map { shareText($0) }
        let counts = shown.map { countText($0) }
        let valueWidth = max(5, values.map(DisplayWidth.of).max() ?? 0)
        let shareWidth = max(5, shares.map(DisplayWidth.of).max() ?? 0)
        let countWidth = max(12, counts.map(DisplayWidth.of).max() ?? 0)
        let labelWidth = min(max(12, shown.map { DisplayWidth.of(SafeText.visible($0.label)) }.max() ?? 0), width / 3)
        let barWidth = max(4, width - labelWidth - valueWidth - shareWidth - countWidth - 4)
        let largest = shown.compactMap { $0.value(of: metric) }.max() ?? 0

        lines.append(
            ColumnFit.pad(dimension.label.prefix(1).uppercased() + dimension.label.dropFirst(), to: labelWidth) + " "
                + ColumnFit.pad("", to: barWidth) + " " + ColumnFit.pad(valueHeading, to: valueWidth, alignment: .right)
                + " " + ColumnFit.pad("Share", to: shareWidth, alignment: .right) + " "
                + ColumnFit.pad("Arrangements", to: countWidth, alignment: .right))
        for (index, group) in shown.enumerated() {
            let bar = BarChartView.bar(value: group.value(of: metric) ?? 0, maximum: largest, width: barWidth, glyphs: .unicode)
            lines.append(
                ColumnFit.pad(SafeText.visible(group.label), to: labelWidth) + " " + ColumnFit.pad(bar, to: barWidth)
                    + " " + ColumnFit.pad(values[index], to: valueWidth, alignment: .right) + " "
                    + ColumnFit.pad(shares[index], to: shareWidth, alignment: .right) + " "
                    + ColumnFit.pad(counts[index], to: countWidth, alignment: .right))
        }
        if !hidden.isEmpty {
            let hiddenTotal = hidden.reduce(Int64(0)) { $0 + $1.total }
            let hiddenQualifier = hidden.filter { $0.countWithFigure > 0 }
                .reduce(nil) { SavingsQualifier.combined($0, with: $1.qualifier) } ?? .exact
            lines.append(
                "…and \(hidden.count) more \(pluralLabel) (\(hiddenQualifier.words)\(Money.format(hiddenTotal)) saved, "
                    + "\(hidden.reduce(0) { $0 + $1.count }) arrangements)")
        }
        lines.append("")
        for note in footnotes(headline) { lines += ColumnFit.wrap(note, to: width) }
        return lines.joined(separator: "\n") + "\n"
    }

    private var metricHeading: String {
        switch metric {
        case .total: return "Savings to date"
        case .count: return "Arrangements"
        case .mean: return "Mean savings to date (of those with a figure)"
        }
    }

    private var valueHeading: String {
        switch metric {
        case .total: return "Saved"
        case .count: return "Count"
        case .mean: return "Mean"
        }
    }

    private var pluralLabel: String {
        switch dimension {
        case .serviceArea: return "service areas"
        case .service: return "services"
        case .region: return "regions"
        case .sector: return "sectors"
        case .year: return "years"
        case .organisation: return "organisations"
        case .status: return "statuses"
        }
    }

    private func formatValue(_ value: Int64?, _ qualifier: SavingsQualifier) -> String {
        guard let value else { return "—" }
        return metric == .count ? String(value) : Money.format(value, qualifier)
    }

    /// Share of all savings for money metrics, of all arrangements for the count.
    private func shareText(_ group: GroupSummary) -> String {
        let share: Double
        if metric == .count {
            share = rows.isEmpty ? 0 : Double(group.count) / Double(rows.count)
        } else {
            share = group.shareOfTotal
        }
        return Percent.format(share)
    }

    private func countText(_ group: GroupSummary) -> String {
        group.countWithoutFigure > 0 ? "\(group.count) (\(group.countWithoutFigure) n/r)" : "\(group.count)"
    }

    private func footnotes(_ headline: Headline) -> [String] {
        var notes = ["n/r: arrangements with no savings figure reported; they count as arrangements but add nothing to savings."]
        if metric != .count {
            notes.append("Shares are of \(headline.totalQualifier.words)\(Money.format(headline.totalSavings)), the savings of the \(headline.withFigure) arrangements with a figure.")
        }
        if dimension.isMultiValued {
            notes.append("An arrangement counts once for each of its \(dimension == .sector ? "partners' sectors" : "partners"), so shares add up to more than 100%.")
        }
        return notes
    }
}

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
        lines.append(metric.heading(by: dimension))
        guard !groups.isEmpty else {
            lines.append(Wording.noneMatch + ".")
            return lines.joined(separator: "\n") + "\n"
        }
        let (shown, hidden) = groups.shown(by: dimension, top: top)

        let values = shown.map { $0.valueText(metric) }
        let shares = shown.map { $0.shareText(metric, ofArrangements: rows.count) }
        let counts = shown.map { $0.countText(metric) }
        let valueWidth = max(DisplayWidth.of(metric.columnTitle), values.map(DisplayWidth.of).max() ?? 0)
        let shareWidth = max(DisplayWidth.of(metric.shareTitle), shares.map(DisplayWidth.of).max() ?? 0)
        let countWidth = max(12, counts.map(DisplayWidth.of).max() ?? 0)
        let labelWidth = min(max(12, shown.map { DisplayWidth.of(SafeText.visible($0.label)) }.max() ?? 0), width / 3)
        let barWidth = max(4, width - labelWidth - valueWidth - shareWidth - countWidth - 4)
        let largest = shown.compactMap { $0.value(of: metric) }.max() ?? 0

        lines.append(
            ColumnFit.pad(dimension.title, to: labelWidth) + " " + ColumnFit.pad("", to: barWidth) + " "
                + ColumnFit.pad(metric.columnTitle, to: valueWidth, alignment: .right) + " "
                + ColumnFit.pad(metric.shareTitle, to: shareWidth, alignment: .right) + " "
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
            let hiddenTotal = hidden.reduce(Int64(0)) { $0 &+ $1.total }
            let hiddenQualifier = hidden.filter { $0.countWithFigure > 0 }
                .reduce(nil) { SavingsQualifier.combined($0, with: $1.qualifier) } ?? .exact
            let hiddenCount = hidden.reduce(0) { $0 + $1.count }
            var line = "…and " + Count.format(hidden.count, "more \(dimension.label)", "more \(dimension.plural)") + " ("
            line += hidden.contains { $0.countWithFigure > 0 }
                ? "\(hiddenQualifier.words)\(Money.format(hiddenTotal)) saved, " : "no savings figure, "
            line += dimension.isMultiValued
                ? "\(Count.format(hiddenCount)) places in arrangements, each arrangement counted once for each of them)"
                : "\(Count.format(hiddenCount, "arrangement", "arrangements")))"
            lines += ColumnFit.wrap(line, to: width)
        }
        lines.append("")
        for note in ReportTable.summaryNotes(headline, dimension: dimension, metric: metric) {
            lines += ColumnFit.wrap(note, to: width)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension ReportTable {
    /// A summary's groups as a table, in the order a summary shows them (the `top`
    /// largest when given), with a total row for the whole view.
    public static func summary(register: Register, rows: [Int], by dimension: Dimension, metric: Metric, top: Int?) -> ReportTable {
        let (groups, hidden) = register.summarise(rows, by: dimension, metric: metric).shown(by: dimension, top: top)
        func money(_ pounds: Int64?, _ qualifier: SavingsQualifier) -> Cell { pounds.map { .money($0, qualifier) } ?? .missing }
        let table = groups.map { group -> [Cell] in
            [
                .text(group.label), .count(group.count), .count(group.countWithFigure),
                money(group.value(of: .total), group.qualifier), money(group.mean, group.qualifier),
                group.value(of: metric) == nil ? .missing : .share(group.share(metric, ofArrangements: rows.count)),
            ]
        }
        let headline = register.headline(rows)
        let withFigure = headline.withFigure
        let total: [Cell] = [
            .text("Total"), .count(rows.count), .count(withFigure),
            withFigure > 0 ? .money(headline.totalSavings, headline.totalQualifier) : .missing,
            withFigure > 0
                ? .money(Register.roundedQuotient(headline.totalSavings, Int64(withFigure)), headline.totalQualifier) : .missing,
            // Multi-valued groups overlap, and with no figure there is nothing to share.
            dimension.isMultiValued || (metric != .count && withFigure == 0) ? .missing : .share(rows.isEmpty ? 0 : 1),
        ]
        var notes = summaryNotes(headline, dimension: dimension, metric: metric)
        if !hidden.isEmpty {
            notes.insert(
                "Only the largest " + Count.format(groups.count, dimension.label, dimension.plural) + " of "
                    + Count.format(groups.count + hidden.count) + " are listed; the total is of them all.", at: 0)
        }
        return ReportTable(
            title: metric.heading(by: dimension),
            columns: [
                Column(dimension.title), Column("Arrangements", isNumeric: true), Column("With a figure", isNumeric: true),
                Column(Metric.total.columnTitle, isNumeric: true), Column(Metric.mean.columnTitle, isNumeric: true),
                Column(metric.shareTitle, isNumeric: true),
            ],
            rows: table, total: total, notes: notes)
    }

    /// The notes every summary carries: what n/r means, what shares are of, and why a
    /// multi-valued dimension's shares add up to more than 100%.
    public static func summaryNotes(_ headline: Headline, dimension: Dimension, metric: Metric) -> [String] {
        var notes = [
            "n/r: arrangements with no savings figure reported; they count as arrangements but add nothing to savings."
        ]
        if metric != .count {
            notes.append(
                "Shares are of \(headline.totalQualifier.words)\(Money.format(headline.totalSavings)), the savings of the "
                    + "\(Count.format(headline.withFigure, "arrangement", "arrangements")) with a figure.")
        }
        if dimension.isMultiValued {
            notes.append(
                "An arrangement counts once for each of its \(dimension == .sector ? "partners' sectors" : "partners"), "
                    + "so the groups add up to more than the total and their shares to more than 100%.")
        }
        return notes
    }
}

/// The figures at the top of every view: how many arrangements, who is in them, what
/// they save, and how many have no figure.
public struct Headline: Sendable, Equatable {
    public var arrangements: Int
    public var withFigure: Int
    public var totalSavings: Int64
    /// How exactly the total is known: "at least" when a figure in it is a lower bound.
    public var totalQualifier: SavingsQualifier = .exact
    /// Distinct organisations that are partners in the arrangements.
    public var organisationsInvolved: Int
    public var councilsInvolved: Int
    /// Councils the organisations file lists: the denominator of the councils' share.
    public var councilsKnown: Int

    public var withoutFigure: Int { arrangements - withFigure }
    public var otherBodiesInvolved: Int { organisationsInvolved - councilsInvolved }

    /// Councils involved as a share of councils known, 0...1; nil when none are known.
    public var councilShare: Double? {
        councilsKnown > 0 ? Double(councilsInvolved) / Double(councilsKnown) : nil
    }
}

extension Register {
    public func headline(_ rows: [Int]) -> Headline {
        var involved = [Bool](repeating: false, count: organisations.count)
        var withFigure = 0
        var total: Int64 = 0
        for row in rows {
            // Through the flat partner column, not a slice per row.
            for index in Int(partnerStarts[row])..<Int(partnerStarts[row + 1]) { involved[Int(partnerIDs[index])] = true }
            if savingsToDate[row] != Register.notReported {
                withFigure += 1
                total &+= savingsToDate[row]
            }
        }
        var organisationsInvolved = 0
        var councilsInvolved = 0
        for (index, isInvolved) in involved.enumerated() where isInvolved {
            organisationsInvolved += 1
            if organisations.sectors[index] == .council { councilsInvolved += 1 }
        }
        let councilsKnown = organisations.listedCouncilCount
        return Headline(
            arrangements: rows.count, withFigure: withFigure, totalSavings: total, totalQualifier: totalQualifier(rows),
            organisationsInvolved: organisationsInvolved, councilsInvolved: councilsInvolved,
            councilsKnown: councilsKnown > 0 ? councilsKnown : councilsInvolved)
    }
}

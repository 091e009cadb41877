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
    /// Listed councils (in the organisations file, or the bundled list) that are partners.
    /// Only when the list holds no council at all are partners counted as councils by the
    /// sector guessed from their names.
    public var councilsInvolved: Int
    /// Councils the list holds: the denominator of the councils' share (353 in the bundled list).
    public var councilsKnown: Int
    /// Partners the list does not hold (a council that does not exist, a misspelling),
    /// counted neither as councils nor as other bodies.
    public var unlistedInvolved: Int

    public var withoutFigure: Int { arrangements - withFigure }
    /// Listed partners that are not councils: fire, police, health and other bodies.
    public var otherBodiesInvolved: Int { organisationsInvolved - councilsInvolved - unlistedInvolved }

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
        let (saved, partnerStarts, partnerIDs) = (savedToDate.pounds, partnerStarts, partnerIDs)
        for row in rows {
            // Through the flat partner column, not a slice per row.
            for index in Int(partnerStarts[row])..<Int(partnerStarts[row + 1]) { involved[Int(partnerIDs[index])] = true }
            if saved[row] != Register.notReported {
                withFigure += 1
                total &+= saved[row]
            }
        }
        let councilsKnown = organisations.listedCouncilCount
        var organisationsInvolved = 0
        var councilsInvolved = 0
        var unlistedInvolved = 0
        for (index, isInvolved) in involved.enumerated() where isInvolved {
            organisationsInvolved += 1
            let isCouncil = organisations.sectors[index] == .council
            if organisations.listed[index] {
                if isCouncil { councilsInvolved += 1 }
            } else if isCouncil && councilsKnown == 0 {
                councilsInvolved += 1  // a list of no councils cannot say which are real
            } else {
                unlistedInvolved += 1
            }
        }
        return Headline(
            arrangements: rows.count, withFigure: withFigure, totalSavings: total, totalQualifier: totalQualifier(rows),
            organisationsInvolved: organisationsInvolved, councilsInvolved: councilsInvolved,
            councilsKnown: councilsKnown, unlistedInvolved: unlistedInvolved)
    }
}

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
        headline(rows, pieces: Parallel.pieces(of: rows.count))
    }

    /// The rows' partners, figures and qualifiers, counted in `pieces` of the rows at once
    /// (one a core, for large views; tests choose) and added up.
    func headline(_ rows: [Int], pieces: [Range<Int>]) -> Headline {
        let counted = Parallel.map(pieces.count) { piece in self.countPartnersAndFigures(of: rows[pieces[piece]]) }
        var involved = [Bool](repeating: false, count: organisations.count)
        var withFigure = 0
        var total: Int64 = 0
        var qualifiers = QualifierSet()
        for part in counted {
            for index in part.involved.indices where part.involved[index] { involved[index] = true }
            withFigure += part.withFigure
            total &+= part.total
            qualifiers.formUnion(part.qualifiers)
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
            arrangements: rows.count, withFigure: withFigure, totalSavings: total, totalQualifier: qualifiers.qualifierOfSum ?? .exact,
            organisationsInvolved: organisationsInvolved, councilsInvolved: councilsInvolved,
            councilsKnown: councilsKnown, unlistedInvolved: unlistedInvolved)
    }

    /// A piece of the headline's pass: the organisations partnering in `rows`, and their
    /// figures with their qualifiers (empty when no row has a figure, so that such a piece
    /// leaves the others' qualifier as it is).
    private struct PartnersAndFigures: Sendable {
        var involved: [Bool]
        var withFigure = 0
        var total: Int64 = 0
        var qualifiers = QualifierSet()
    }

    private func countPartnersAndFigures(of rows: ArraySlice<Int>) -> PartnersAndFigures {
        var counted = PartnersAndFigures(involved: [Bool](repeating: false, count: organisations.count))
        let (amounts, partnerStarts, partnerIDs) = (savedToDate, partnerStarts, partnerIDs)
        let saved = amounts.pounds
        // Through the buffer: an array written in a loop is checked for sharing at every write.
        counted.involved.withUnsafeMutableBufferPointer { involved in
            for row in rows {
                // Through the flat partner column, not a slice per row.
                for index in Int(partnerStarts[row])..<Int(partnerStarts[row + 1]) { involved[Int(partnerIDs[index])] = true }
                if saved[row] != Register.notReported {
                    counted.withFigure += 1
                    counted.total &+= saved[row]
                    counted.qualifiers.bits |= amounts.qualifierBit(row)
                }
            }
        }
        return counted
    }
}

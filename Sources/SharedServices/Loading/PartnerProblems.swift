/// What to say about partners and leads that are not simply listed organisations: the
/// same words from the row-at-a-time reader and the fast one.
extension ArrangementRows {
    /// A partner that is not simply a listed organisation, naming the list it was looked
    /// for in and the nearest names there; nil for one the list holds.
    func matchProblem(
        _ match: RegisterBuilder.PartnerMatch, spelling: some StringProtocol, builder: RegisterBuilder
    ) -> String? {
        let quoted = CellReading.quoted(String(spelling))
        switch match {
        case .listed:
            return nil
        case .unlisted(let id):
            let sector = builder.organisations.sectors[Int(id)]
            return "\(quoted) is not in \(organisationsName); kept, taken to be "
                + (sector == .other ? "another kind of body" : "a \(sector.name) body")
                + Self.didYouMean(builder.nearestListed(to: id), in: builder.organisations)
        case .ambiguous(let id):
            let candidates = builder.nearestListed(to: id)
            return "\(quoted) matches more than one organisation in \(organisationsName)"
                + (candidates.isEmpty ? "" : " (\(Self.names(candidates, in: builder.organisations)))")
                + "; kept as written"
        }
    }

    /// A lead that is not one of the row's partners; when the list does not hold it
    /// either, that too, with the nearest names.
    func leadNotAPartner(
        _ lead: some StringProtocol, match: RegisterBuilder.PartnerMatch, builder: RegisterBuilder
    ) -> String {
        let text = "\(CellReading.quoted(String(lead))) is not one of the partners"
        guard case .unlisted(let id) = match else { return text }
        return text + ", nor in \(organisationsName)"
            + Self.didYouMean(builder.nearestListed(to: id), in: builder.organisations)
    }

    /// "; did you mean "A", "B" or "C"?", or nothing when there is nothing to suggest.
    private static func didYouMean(_ ids: [Int32], in organisations: OrganisationTable) -> String {
        ids.isEmpty ? "" : "; did you mean \(names(ids, in: organisations, joinedBy: "or"))?"
    }

    /// At most three names, quoted, and how many more.
    private static func names(_ ids: [Int32], in organisations: OrganisationTable, joinedBy last: String = "and")
        -> String
    {
        var quoted = ids.prefix(3).map { CellReading.quoted(organisations.names[Int($0)]) }
        if ids.count > 3 { quoted.append("\(ids.count - 3) more") }
        guard quoted.count > 1, let final = quoted.popLast() else { return quoted.first ?? "" }
        return quoted.joined(separator: ", ") + " \(last) " + final
    }
}

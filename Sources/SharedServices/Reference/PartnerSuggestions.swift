/// The listed organisations nearest to each partner that the organisations list does not
/// hold, found once per name (a register of a million rows names each partner many
/// times, but has few distinct unknown names).
struct PartnerSuggestions: Sendable {
    /// Made on the first unknown name, from the listed organisations.
    private var index: NearestOrganisations?
    private var scratch = NearestOrganisations.Scratch()
    /// By unlisted organisation: the listed ones to suggest, best first.
    private(set) var nearest: [Int32: [Int32]] = [:]
    /// The listed organisations sharing each ambiguous name's key, by the name normalised:
    /// spellings that differ only in case or punctuation are each added, but looked up once.
    private var sharingKey: [String: [Int32]] = [:]

    mutating func prepare(_ organisations: OrganisationTable) {
        if index == nil { index = NearestOrganisations(organisations) }
    }

    /// `id` was added for a name (`normalised` by `OrganisationName.normalised`) that no
    /// listed organisation matches.
    mutating func noteUnlisted(_ id: Int32, normalised: String, organisations: OrganisationTable) {
        prepare(organisations)
        guard let index else { return }
        // The sector its words suggest was guessed when it was added.
        let found = index.nearest(normalised: normalised, sector: organisations.sectors[Int(id)], scratch: &scratch)
        if !found.isEmpty { nearest[id] = found }
    }

    /// `id` was added for a name (`normalised`) that two or more listed organisations match equally.
    mutating func noteAmbiguous(_ id: Int32, normalised: String, organisations: OrganisationTable) {
        prepare(organisations)
        guard let index else { return }
        let found = sharingKey[normalised] ?? index.sharingKey(withNormalised: normalised)
        sharingKey[normalised] = found
        if !found.isEmpty { nearest[id] = found }
    }
}

/// A filter value the register does not have, with the nearest values it does; or, when
/// `isAmbiguous`, one that names several values, every one of them in `suggestions`.
public struct UnknownValue: Error, Sendable, Equatable, CustomStringConvertible {
    public var kind: String
    public var value: String
    public var suggestions: [String]
    public var isAmbiguous = false

    /// How many of an ambiguous value's matches the message names; one more is named
    /// rather than saying "and 1 more".
    public static let matchesNamed = 8

    public var description: String {
        if isAmbiguous {
            let named = suggestions.count <= Self.matchesNamed + 1 ? suggestions : Array(suggestions.prefix(Self.matchesNamed))
            let more = suggestions.count - named.count
            return "\"\(value)\" matches \(suggestions.count) \(kind)s: " + named.joined(separator: ", ")
                + (more > 0 ? " and \(more) more" : "") + "; give more of the name"
        }
        var text = "no \(kind) is called \"\(value)\""
        if !suggestions.isEmpty {
            text += "; nearest: " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ")
        }
        return text
    }
}

/// Turns the words a user types (`--service "trading standards"`) into filter ids,
/// forgiving case and spacing, and suggesting the nearest known values when nothing matches.
extension Register {
    public func serviceAreaID(named name: String) throws(UnknownValue) -> Int32 {
        try lookUp(name, in: serviceAreas, kind: "service area")
    }

    public func serviceID(named name: String) throws(UnknownValue) -> Int32 {
        try lookUp(name, in: services, kind: "service")
    }

    public func regionID(named name: String) throws(UnknownValue) -> Int32 {
        try lookUp(name, in: regions, kind: "region")
    }

    /// An organisation by its name, its short name ("Brent" or "Brent Council" for "London
    /// Borough of Brent"), its GSS code ("E09000005") or a part of its name only it has.
    /// Each way is tried only when those before it found nothing, so that a name wins over
    /// being part of longer ones ("Brent", not "Brentwood"). Several matches of one way
    /// throw, naming them all.
    public func organisationID(named name: String) throws(UnknownValue) -> Int32 {
        let key = OrganisationName.normalised(name)
        guard !key.isEmpty else { throw UnknownValue(kind: "organisation", value: name, suggestions: []) }
        let names = organisations.names
        let normalisedNames = names.map(OrganisationName.normalised)
        let core = OrganisationName.core(ofNormalised: key)
        let code = name.trimmingWhitespace().uppercased()
        let folded = TextSearch.fold(name)
        let ways: [(Int) -> Bool] = [
            { normalisedNames[$0] == key },
            // "Borough Council of King's Lynn…" keeps its wording in `core`, not in `shortName`.
            { OrganisationName.core(ofNormalised: normalisedNames[$0]) == core
                || OrganisationName.core(OrganisationName.shortName(names[$0])) == core },
            { self.organisations.gssCodes[$0].uppercased() == code },
            { normalisedNames[$0].contains(key) || TextSearch.fold(names[$0]).contains(folded) },
        ]
        for matches in ways.lazy.map({ way in names.indices.filter(way) }) where !matches.isEmpty {
            if matches.count == 1 { return Int32(matches[0]) }
            throw UnknownValue(
                kind: "organisation", value: name, suggestions: matches.map { names[$0] }.sorted(), isAmbiguous: true)
        }
        // People type short names ("Harow"): match against those, suggest the full names.
        let shortNames = names.map(OrganisationName.shortName)
        let nearest = Set(Suggestions.nearest(to: name, among: shortNames))
        let suggestions = names.indices.filter { nearest.contains(shortNames[$0]) }.prefix(3).map { names[$0] }
        throw UnknownValue(kind: "organisation", value: name, suggestions: suggestions)
    }

    private func lookUp(_ name: String, in vocabulary: Vocabulary, kind: String) throws(UnknownValue) -> Int32 {
        if let id = vocabulary.id(of: name) { return id }
        let key = HeaderMatching<ArrangementField>.key(name)
        if let index = vocabulary.values.firstIndex(where: { HeaderMatching<ArrangementField>.key($0) == key }) {
            return Int32(index)
        }
        let folded = HeaderMatching<ArrangementField>.key(TextSearch.fold(name))
        if let index = vocabulary.values.firstIndex(where: {
            HeaderMatching<ArrangementField>.key(TextSearch.fold($0)) == folded
        }) {
            return Int32(index)
        }
        throw UnknownValue(kind: kind, value: name, suggestions: Suggestions.nearest(to: name, among: vocabulary.values))
    }
}

public enum SectorLookup {
    public static func criterion(named name: String) throws(UnknownValue) -> SectorCriterion {
        let key = name.trimmingWhitespace().lowercased().replacingOccurrences(of: " ", with: "-")
        switch key {
        case "cross-sector", "crosssector", "cross", "non-council": return .crossSector
        case "nhs": return .health
        case "fire-and-rescue": return .fire
        default:
            if let criterion = SectorCriterion(rawValue: key) { return criterion }
            throw UnknownValue(
                kind: "partner sector", value: name,
                suggestions: Suggestions.nearest(to: name, among: SectorCriterion.allCases.map(\.rawValue)))
        }
    }
}

public enum StatusLookup {
    public static func status(named name: String) throws(UnknownValue) -> Status {
        if let status = Status(name: name) { return status }
        throw UnknownValue(
            kind: "status", value: name, suggestions: Suggestions.nearest(to: name, among: Status.allCases.map(\.name)))
    }
}

/// Nearest spellings by edit distance, with values containing the typed text first.
public enum Suggestions {
    public static func nearest(to typed: String, among candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(TextSearch.fold(typed))
        let scored = candidates.map { candidate -> (String, Int) in
            let folded = TextSearch.fold(candidate)
            if !target.isEmpty && (folded.contains(String(target)) || String(target).contains(folded)) {
                return (candidate, 0)
            }
            return (candidate, distance(target, Array(folded)))
        }
        let threshold = max(3, target.count / 2)
        return scored.filter { $0.1 <= threshold }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .prefix(limit).map(\.0)
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

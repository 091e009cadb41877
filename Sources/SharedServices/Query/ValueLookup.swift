/// A filter value the register does not have, with the nearest values it does.
public struct UnknownValue: Error, Sendable, Equatable, CustomStringConvertible {
    public var kind: String
    public var value: String
    public var suggestions: [String]

    public var description: String {
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

    /// An organisation by any common spelling ("Brent", "London Borough of Brent").
    public func organisationID(named name: String) throws(UnknownValue) -> Int32 {
        if case .found(let id) = organisations.resolve(name) { return id }
        let folded = TextSearch.fold(name)
        let containing = organisations.names.indices.filter {
            TextSearch.fold(organisations.names[$0]).contains(folded)
        }
        if containing.count == 1 { return Int32(containing[0]) }
        let suggestions: [String]
        if containing.count > 1 {
            suggestions = Array(containing.prefix(5).map { organisations.names[$0] })
        } else {
            // People type short names ("Harow"): match against those, suggest the full names.
            let shortNames = organisations.names.map(OrganisationName.shortName)
            let nearest = Set(Suggestions.nearest(to: name, among: shortNames))
            suggestions = organisations.names.indices.filter { nearest.contains(shortNames[$0]) }.prefix(3)
                .map { organisations.names[$0] }
        }
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

/// The kind of body an organisation is. Councils are the register's subject; the others
/// are the partners the LGA urged councils to share with.
public enum Sector: UInt8, CaseIterable, Sendable, Hashable, Comparable {
    case council, fire, police, health, other

    public var name: String {
        switch self {
        case .council: return "council"
        case .fire: return "fire"
        case .police: return "police"
        case .health: return "health"
        case .other: return "other"
        }
    }

    /// A phrase for headings: "fire and rescue", "NHS and health".
    public var label: String {
        switch self {
        case .council: return "Councils"
        case .fire: return "Fire and rescue"
        case .police: return "Police"
        case .health: return "Health"
        case .other: return "Other bodies"
        }
    }

    /// The bit of this sector in a set of sectors stored as a byte.
    var bit: UInt8 { 1 << rawValue }

    public init?(name: String) {
        let key = name.trimmingWhitespace().lowercased()
        switch key {
        case "council", "local authority", "local government": self = .council
        case "fire", "fire and rescue", "fire & rescue": self = .fire
        case "police": self = .police
        case "health", "nhs": self = .health
        case "other": self = .other
        default: return nil
        }
    }

    /// The sector a partner's name suggests, for partners not in the organisations file.
    public static func guessed(fromName name: String) -> Sector {
        let words = OrganisationName.normalised(name)
        let padded = " \(words) "
        func has(_ word: String) -> Bool { padded.contains(" \(word) ") }
        if has("fire") { return .fire }
        if has("police") || has("constabulary") || padded.contains(" crime commissioner ") { return .police }
        if has("leisure") || has("housing") { return .other }
        if has("nhs") || has("ccg") || has("trust") || has("health") || has("hospital")
            || padded.contains(" clinical commissioning ") || has("ambulance")
        {
            return .health
        }
        if has("council") || has("borough") || has("district") || has("county") || has("corporation") {
            return .council
        }
        return .other
    }

    public static func < (lhs: Sector, rhs: Sector) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where an arrangement stands.
public enum Status: UInt8, CaseIterable, Sendable, Hashable, Comparable {
    case operational, planned, ended

    public var name: String {
        switch self {
        case .operational: return "operational"
        case .planned: return "planned"
        case .ended: return "ended"
        }
    }

    /// Reads the register's words and the ones people commonly use for them.
    public init?(name: String) {
        switch name.trimmingWhitespace().lowercased() {
        case "operational", "live", "active", "in place", "running", "operating", "current", "established":
            self = .operational
        case "planned", "proposed", "in development", "developing", "in progress", "planning", "future":
            self = .planned
        case "ended", "closed", "ceased", "discontinued", "dissolved", "terminated", "finished":
            self = .ended
        default: return nil
        }
    }

    public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Whether a row records what was reported at the time or was written to illustrate.
public enum Provenance: UInt8, CaseIterable, Sendable, Hashable {
    case reported, illustrative

    public var name: String { self == .reported ? "reported" : "illustrative" }

    public init?(name: String) {
        switch name.trimmingWhitespace().lowercased() {
        case "reported", "real": self = .reported
        case "illustrative", "illustration", "synthetic", "generated": self = .illustrative
        default: return nil
        }
    }
}

/// The nine English regions, as the register and ONS spell them.
public enum EnglishRegions {
    public static let all = [
        "North East", "North West", "Yorkshire and The Humber", "East Midlands", "West Midlands",
        "East of England", "London", "South East", "South West",
    ]
}

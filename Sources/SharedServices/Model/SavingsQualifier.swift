/// How exactly a savings figure is known, as its source gives it: "£500,000", "more than
/// £1m", "up to £10m", "about £2m", or a forecast. Read from the figure's own words or
/// from a qualifier column; kept with the figure, shown beside it, and written out.
public enum SavingsQualifier: UInt8, CaseIterable, Sendable, Hashable {
    case exact, atLeast, upTo, about, forecast

    /// The word a qualifier column holds; exact is a blank cell.
    public var name: String {
        switch self {
        case .exact: return "exact"
        case .atLeast: return "at least"
        case .upTo: return "up to"
        case .about: return "about"
        case .forecast: return "forecast"
        }
    }

    /// Before a compact amount: "≥ £1m", "≤ £10m", "~£2m", "forecast £3m".
    public var symbol: String {
        switch self {
        case .exact: return ""
        case .atLeast: return "≥ "
        case .upTo: return "≤ "
        case .about: return "~"
        case .forecast: return "forecast "
        }
    }

    /// Before an amount in a sentence: "at least £643m saved".
    public var words: String {
        self == .exact ? "" : name + " "
    }

    /// Reads a qualifier column's cell: the names above and the words people use for them.
    public init?(name: String) {
        switch Self.key(name) {
        case "", "exact", "actual", "confirmed", "=": self = .exact
        case "at least", "atleast", "more than", "over", "minimum", "min", "in excess of", "lower bound", ">", ">=", "≥", "+":
            self = .atLeast
        case "up to", "upto", "at most", "maximum", "max", "less than", "under", "upper bound", "<", "<=", "≤":
            self = .upTo
        case "about", "approximately", "approx", "around", "circa", "c", "roughly", "estimated", "estimate", "~", "≈":
            self = .about
        case "forecast", "projected", "expected", "target", "planned", "anticipated": self = .forecast
        default: return nil
        }
    }

    private static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "." }).joined(separator: " ")
    }

    /// The qualifier of a sum of figures, `sofar` that of the figures summed so far (nil for
    /// none) and `next` that of the figure added: as `QualifierSet` says it of them together.
    public static func combined(_ sofar: SavingsQualifier?, with next: SavingsQualifier) -> SavingsQualifier {
        var set = QualifierSet()
        if let sofar { set.insert(sofar) }
        set.insert(next)
        return set.qualifierOfSum ?? next
    }

    /// Takes the words of a qualifier off an amount as people write it: "more than £1m",
    /// "over £16m", "exceeds £3m a year", "£1m+", "up to £10m", "c. £2m", "~£2m",
    /// "£3m (forecast)". Returns the qualifier and the amount's own text.
    public static func split(_ text: String) -> (SavingsQualifier, String) {
        var rest = Substring(text).trimmedWhitespace()
        var qualifier = SavingsQualifier.exact
        let lower = rest.lowercased()
        for (phrase, meaning) in leadingPhrases where lower.hasPrefix(phrase) {
            qualifier = meaning
            rest = rest.dropFirst(phrase.count).trimmedWhitespace()
            break
        }
        // Trailing words: a year (the latest-year column's unit), "(forecast)", "+".
        for suffix in [" a year", " per year", " per annum", " pa", " p.a.", " a yr"] where rest.lowercased().hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count).trimmedWhitespace()
        }
        for (phrase, meaning) in trailingPhrases where rest.lowercased().hasSuffix(phrase) {
            // "up to £10m (forecast)" is a forecast: what it says of a saving not yet made.
            qualifier = qualifier == .exact || meaning == .forecast ? meaning : qualifier
            rest = rest.dropLast(phrase.count).trimmedWhitespace()
            break
        }
        if rest.hasSuffix("+") {
            qualifier = qualifier == .exact ? .atLeast : qualifier
            rest = rest.dropLast().trimmedWhitespace()
        }
        return (qualifier, String(rest))
    }

    /// Longer phrases first, so that "more than" is not read as "more".
    private static let leadingPhrases: [(String, SavingsQualifier)] = [
        ("in excess of", .atLeast), ("more than", .atLeast), ("at least", .atLeast), ("exceeding", .atLeast),
        ("exceeds", .atLeast), ("exceed", .atLeast), ("over", .atLeast), ("≥", .atLeast), (">=", .atLeast),
        (">", .atLeast),
        ("up to", .upTo), ("at most", .upTo), ("less than", .upTo), ("under", .upTo), ("≤", .upTo), ("<=", .upTo),
        ("<", .upTo),
        ("approximately", .about), ("approx.", .about), ("approx", .about), ("around", .about), ("about", .about),
        ("roughly", .about), ("circa", .about), ("c.", .about), ("~", .about), ("≈", .about),
        ("estimated", .about), ("an estimated", .about),
        ("a forecast", .forecast), ("forecast", .forecast), ("projected", .forecast), ("expected", .forecast),
    ]

    private static let trailingPhrases: [(String, SavingsQualifier)] = [
        ("(forecast)", .forecast), ("forecast", .forecast), ("(projected)", .forecast), ("(expected)", .forecast),
        ("(estimate)", .about), ("(estimated)", .about), ("(approx.)", .about), ("(approx)", .about),
        ("or more", .atLeast), ("and over", .atLeast),
    ]
}

/// The qualifiers among a set of figures, a bit each: all a sum's qualifier depends on,
/// whatever the order or repeats of its figures, so that a summary gathers it with one OR
/// a figure and pieces of a view join theirs with another.
struct QualifierSet: Sendable, Equatable {
    var bits: UInt8 = 0

    static func bit(_ qualifier: SavingsQualifier) -> UInt8 { 1 << qualifier.rawValue }

    mutating func insert(_ qualifier: SavingsQualifier) { bits |= Self.bit(qualifier) }

    mutating func formUnion(_ other: QualifierSet) { bits |= other.bits }

    /// The sum's qualifier; nil when the set holds no figure. Figures all alike keep their
    /// qualifier; a lower bound among exact figures makes the sum at least its total, an
    /// upper bound at most; anything else mixed (both bounds, an approximate figure, a
    /// forecast among other figures) makes it about.
    var qualifierOfSum: SavingsQualifier? {
        let exact = Self.bit(.exact)
        switch bits {
        case 0: return nil
        case exact | Self.bit(.atLeast): return .atLeast
        case exact | Self.bit(.upTo): return .upTo
        default:
            guard bits & (bits - 1) == 0 else { return .about }
            return SavingsQualifier(rawValue: UInt8(bits.trailingZeroBitCount))
        }
    }
}

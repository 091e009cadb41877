/// Interned text for a categorical column: each distinct value is stored once and rows
/// hold a small integer. Values that differ only in case, spacing or "&" for "and" are
/// one value, spelt as first seen.
public struct Vocabulary: Sendable, Equatable {
    public private(set) var values: [String] = []
    private var idsByKey: [String: Int32] = [:]
    /// Exact spellings already seen: most repeats are exact, and skip building a key.
    private var idsBySpelling: [String: Int32] = [:]

    /// Whether "Back office" and "back office" are different values (true for free text
    /// that is only being stored once, such as sources).
    private var caseSensitive = false

    public init() {}

    public init(caseSensitive: Bool) {
        self.caseSensitive = caseSensitive
    }

    public init(_ values: [String]) {
        for value in values { _ = intern(value) }
    }

    public var count: Int { values.count }

    public subscript(id: Int32) -> String { values[Int(id)] }

    /// The id of `value`, adding it if new.
    public mutating func intern(_ value: String) -> Int32 {
        if let id = idsBySpelling[value] { return id }
        let key = caseSensitive ? value : Self.key(value)
        if let id = idsByKey[key] {
            idsBySpelling[value] = id
            return id
        }
        let id = Int32(values.count)
        values.append(value)
        idsByKey[key] = id
        idsBySpelling[value] = id
        return id
    }

    /// The id of a value already present, matched ignoring case and spacing.
    public func id(of value: String) -> Int32? {
        idsByKey[caseSensitive ? value : Self.key(value)]
    }

    /// Case, spacing and "&" for "and" do not matter.
    static func key(_ value: String) -> String {
        let lower = value.lowercased()
        let words = lower.contains("&") ? lower.split(separator: "&", omittingEmptySubsequences: false).joined(separator: " and ") : lower
        return words.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    public static func == (lhs: Vocabulary, rhs: Vocabulary) -> Bool { lhs.values == rhs.values }
}

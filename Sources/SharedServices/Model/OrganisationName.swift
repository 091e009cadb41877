/// Matching the many ways people write an organisation's name: "Brent", "London Borough
/// of Brent" and "Brent Council" are one council; "Kensington & Chelsea" is "Royal
/// Borough of Kensington and Chelsea".
public enum OrganisationName {
    /// Lowercase ASCII-folded words: accents dropped, "&" read as "and", punctuation as
    /// spaces, and the common long forms of fire, police and NHS names shortened.
    public static func normalised(_ name: String) -> String {
        // Words joined by single spaces, with a space at either end so that a phrase is
        // found as whole words: " fire and rescue service ". Made as UTF-8 bytes: appending
        // to a String a scalar at a time, and Foundation's replacing, cost ten times more.
        var joined: [UInt8] = [space]
        joined.reserveCapacity(name.utf8.count + 8)
        var hasWord = false
        var wordEnded = false
        for scalar in TextSearch.fold(name).unicodeScalars {
            if scalar == "&" {
                if hasWord { joined.append(space) }
                joined.append(contentsOf: "and".utf8)
                hasWord = true
                wordEnded = true
            } else if isWordScalar(scalar) {
                if wordEnded && hasWord { joined.append(space) }
                if scalar.isASCII {
                    joined.append(UInt8(scalar.value))
                } else {
                    joined.append(contentsOf: scalar.utf8)
                }
                hasWord = true
                wordEnded = false
            } else if scalar == "'" || scalar == "’" {
                continue  // "King's Lynn" and "Kings Lynn" are the same place
            } else {
                wordEnded = true
            }
        }
        joined.append(space)
        for (long, short) in spacedSynonyms { joined = replacing(long, with: short, in: joined) }
        // Words hold no spaces: the spaces at either end are one each.
        var words = joined.count > 2 ? joined[1..<joined.count - 1] : []
        if words.starts(with: thePrefix) { words = words.dropFirst(thePrefix.count) }
        return String(decoding: words, as: UTF8.self)
    }

    private static let space = UInt8(ascii: " ")
    private static let thePrefix = Array("the ".utf8)

    /// `bytes` with each `long`, from the left and not overlapping, replaced by `short`;
    /// `bytes` itself, not a copy, when there is none (as for most names).
    private static func replacing(_ long: [UInt8], with short: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var copied = 0
        var index = 0
        while index + long.count <= bytes.count {
            if bytes[index] == long[0] && bytes[index..<index + long.count].elementsEqual(long) {
                result.append(contentsOf: bytes[copied..<index])
                result.append(contentsOf: short)
                index += long.count
                copied = index
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return bytes }
        result.append(contentsOf: bytes[copied...])
        return result
    }

    /// A letter or digit, part of a word; ASCII is told without Unicode's tables.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return (0x61...0x7A).contains(value) || ("0"..."9").contains(scalar)
        }
        return scalar.properties.isAlphabetic
    }

    /// The name without the wording of its kind ("London Borough of", "District Council",
    /// "County Council", "Council", "Corporation", a leading "NHS"): the key most people's
    /// spellings of it share.
    public static func core(_ name: String) -> String {
        core(ofNormalised: normalised(name))
    }

    /// `core` of a name already passed through `normalised`, so it is not normalised twice.
    static func core(ofNormalised normalisedName: String) -> String {
        var key = normalisedName
        var changed = true
        while changed {
            changed = false
            for suffix in spacedWordingSuffixes where key.hasSuffix(suffix) {
                key.removeLast(suffix.count)
                changed = true
                break
            }
            for prefix in spacedWordingPrefixes where key.hasPrefix(prefix) {
                key.removeFirst(prefix.count)
                changed = true
                break
            }
        }
        return key
    }

    /// Ordered so that longer phrases are tried before the words they end with.
    private static let wordingSuffixes = [
        "metropolitan borough council", "metropolitan district council", "city and district council",
        "district council", "borough council", "city council", "county council", "councils", "council",
        "corporation", "unitary authority",
    ]
    private static let wordingPrefixes = [
        "london borough of", "royal borough of", "borough of", "council of the", "city of", "county", "nhs",
    ]
    /// The wordings as whole words, made once rather than for every name.
    private static let spacedWordingSuffixes = wordingSuffixes.map { " " + $0 }
    private static let spacedWordingPrefixes = wordingPrefixes.map { $0 + " " }
    static let synonyms: [(String, String)] = [
        ("fire and rescue service", "fire"), ("fire and rescue authority", "fire"), ("fire authority", "fire"),
        ("fire and rescue", "fire"), ("fire service", "fire"), ("fire brigade", "fire"),
        ("constabulary", "police"), ("police force", "police"), ("police service", "police"),
        ("clinical commissioning group", "ccg"), ("nhs foundation trust", "nhs ft"),
        ("saint", "st"),
    ]
    /// `synonyms` as whole words, in UTF-8.
    private static let spacedSynonyms: [(long: [UInt8], short: [UInt8])] = synonyms.map {
        (Array(" \($0.0) ".utf8), Array(" \($0.1) ".utf8))
    }
}

extension OrganisationName {
    /// The name people use in conversation, case kept: "London Borough of Brent" → "Brent",
    /// "Adur District Council" → "Adur", "Kent Fire and Rescue Service" unchanged.
    public static func shortName(_ name: String) -> String {
        var short = name
        for prefix in ["London Borough of ", "Royal Borough of ", "Borough Council of ", "Council of the "]
        where short.hasPrefix(prefix) {
            short.removeFirst(prefix.count)
        }
        for suffix in [
            " Metropolitan Borough Council", " Metropolitan District Council", " City and District Council",
            " District Council", " Borough Council", " City Council", " County Council", " Council", " Corporation",
        ] where short.hasSuffix(suffix) && short.count > suffix.count {
            short.removeLast(suffix.count)
            break
        }
        return short
    }
}

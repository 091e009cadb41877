import Foundation

/// The listed organisations nearest to a name that matches none of them, for "did you
/// mean …?": "Wokinham" → Wokingham Borough Council, "Mid Devn District Council" → Mid
/// Devon District Council, "Loamshire Police" → police forces with names like it.
///
/// Names are compared by their core keys (`OrganisationName.core`: normalised, without
/// "District Council", "London Borough of" and the like), two ways, the better counting:
/// - spelling: 1 − (edits between the keys ÷ the longer key's length), counting a swap of
///   two letters as one edit. The whole normalised names are compared too, but count only
///   when a tenth of their letters or fewer differ: a slip in the wording ("Herefordshire
///   Councill") then costs one edit rather than a word, while wording alike ("… District
///   Council") does not make unlike places look near;
/// - words: the words the keys share, each weighted by how rare it is among the listed
///   names (a place name counts, "and" hardly), as a share of all their words.
/// A name is suggested only when it scores `plausible` or more, and not far below the best;
/// when the name says what kind of body it is (council, fire, police, health), only bodies
/// of that kind are suggested.
///
/// Finding candidates costs about the number of listed names that share a pair of letters
/// with the name, not the whole list: an index says which names hold each pair of letters
/// and each word.
struct NearestOrganisations: Sendable {
    /// The fewest a suggestion may score, 0...1.
    static let plausible = 0.55
    /// How far below the best suggestion another may score and still be given.
    static let closeToBest = 0.15
    static let limit = 3

    /// The organisations indexed (the listed ones), by their index in the table.
    private let ids: [Int32]
    private let names: [String]
    private let sectors: [Sector]
    private let normalisedKeys: [String]
    /// `OrganisationName.core` of each, which may be empty (unlike `coreKeys`).
    private let cores: [String]
    private let normalisedBytes: [[UInt8]]
    private let coreKeys: [[UInt8]]
    private let words: [[String]]
    private let wordTotals: [Double]
    /// Number of distinct letter pairs in each padded core key.
    private let pairCounts: [Int]
    /// Which indexed names (positions in `ids`) hold each letter pair and each word.
    private let pairPostings: [UInt16: [Int32]]
    private let wordPostings: [String: [Int32]]
    private let wordWeights: [String: Double]
    private let unknownWordWeight: Double
    /// No name whose key is much longer than every listed one can be near any of them.
    private let longestKey: Int

    init(_ organisations: OrganisationTable) {
        var ids: [Int32] = []
        var names: [String] = []
        var sectors: [Sector] = []
        var normalisedKeys: [String] = []
        var coreKeys: [[UInt8]] = []
        var words: [[String]] = []
        var pairCounts: [Int] = []
        var pairPostings: [UInt16: [Int32]] = [:]
        var wordPostings: [String: [Int32]] = [:]
        for index in 0..<organisations.count where organisations.listed[index] {
            let position = Int32(ids.count)
            let normalised = OrganisationName.normalised(organisations.names[index])
            let core = Self.key(normalised: normalised)
            ids.append(Int32(index))
            names.append(organisations.names[index])
            sectors.append(organisations.sectors[index])
            normalisedKeys.append(normalised)
            coreKeys.append(Array(core.utf8))
            let pairs = Self.letterPairs(Array(core.utf8))
            pairCounts.append(pairs.count)
            for pair in pairs { pairPostings[pair, default: []].append(position) }
            let distinctWords = Self.words(core)
            words.append(distinctWords)
            for word in distinctWords { wordPostings[word, default: []].append(position) }
        }
        let count = Double(max(1, ids.count))
        var wordWeights: [String: Double] = [:]
        for (word, holders) in wordPostings { wordWeights[word] = log(1 + count / Double(holders.count)) }
        self.ids = ids
        self.names = names
        self.sectors = sectors
        self.normalisedKeys = normalisedKeys
        self.cores = normalisedKeys.map { OrganisationName.core(ofNormalised: $0) }
        self.normalisedBytes = normalisedKeys.map { Array($0.utf8) }
        self.coreKeys = coreKeys
        self.words = words
        self.wordTotals = words.map { $0.reduce(0) { $0 + (wordWeights[$1] ?? 0) } }
        self.pairCounts = pairCounts
        self.pairPostings = pairPostings
        self.wordPostings = wordPostings
        self.wordWeights = wordWeights
        self.unknownWordWeight = log(1 + count)
        self.longestKey = coreKeys.map(\.count).max() ?? 0
    }

    var isEmpty: Bool { ids.isEmpty }

    /// Working space for `nearest`, reused from name to name: the tallies are allocated
    /// once, the edit-distance rows are sized again for each comparison.
    struct Scratch {
        fileprivate var sharedPairs: [Int32] = []
        fileprivate var sharedWords: [Double] = []
        fileprivate var touched: [Int32] = []
        fileprivate var row: [Int] = []
        fileprivate var previousRow: [Int] = []
        fileprivate var rowBeforeThat: [Int] = []
    }

    /// The organisations (indices in the table) nearest to `name`, best first; at most
    /// `limit`, and none when nothing is plausibly near.
    func nearest(to name: String, scratch: inout Scratch) -> [Int32] {
        nearest(
            normalised: OrganisationName.normalised(name), sector: Sector.guessed(fromName: name), scratch: &scratch)
    }

    /// `nearest` for a name already passed through `OrganisationName.normalised`, and the
    /// sector its words suggest (`Sector.guessed`).
    func nearest(normalised: String, sector: Sector, scratch: inout Scratch) -> [Int32] {
        guard !ids.isEmpty else { return [] }
        let core = Array(Self.key(normalised: normalised).utf8)
        // A key twice as long as any listed one is over half edits away from every one.
        guard !core.isEmpty, core.count <= 2 * longestKey + 8 else { return [] }
        let whole = Array(normalised.utf8)
        let wantedSector: Sector? = sector == .other ? nil : sector

        if scratch.sharedPairs.count != ids.count {
            scratch.sharedPairs = Array(repeating: 0, count: ids.count)
            scratch.sharedWords = Array(repeating: 0, count: ids.count)
        }
        defer {
            for position in scratch.touched {
                scratch.sharedPairs[Int(position)] = 0
                scratch.sharedWords[Int(position)] = 0
            }
            scratch.touched.removeAll(keepingCapacity: true)
        }
        let pairs = Self.letterPairs(core)
        for pair in pairs {
            for position in pairPostings[pair] ?? [] {
                if scratch.sharedPairs[Int(position)] == 0 && scratch.sharedWords[Int(position)] == 0 {
                    scratch.touched.append(position)
                }
                scratch.sharedPairs[Int(position)] += 1
            }
        }
        let queryWords = Self.words(String(decoding: core, as: UTF8.self))
        var queryWordTotal = 0.0
        for word in queryWords {
            let weight = wordWeights[word] ?? unknownWordWeight
            queryWordTotal += weight
            for position in wordPostings[word] ?? [] {
                if scratch.sharedPairs[Int(position)] == 0 && scratch.sharedWords[Int(position)] == 0 {
                    scratch.touched.append(position)
                }
                scratch.sharedWords[Int(position)] += weight
            }
        }

        // Names sharing under two fifths of the name's letter pairs are too far to spell
        // alike; they can still share its words.
        let fewestSharedPairs = max(2, (pairs.count * 2 + 4) / 5)
        var scored: [(position: Int32, score: Double)] = []
        for position in scratch.touched {
            let index = Int(position)
            if let wantedSector, sectors[index] != wantedSector { continue }
            var score = 0.0
            let shared = scratch.sharedWords[index]
            if shared > 0 { score = 2 * shared / (queryWordTotal + wordTotals[index]) }
            if Int(scratch.sharedPairs[index]) >= fewestSharedPairs {
                score = Self.spelling(core, coreKeys[index], over: score, scratch: &scratch)
                if whole != core || normalisedBytes[index] != coreKeys[index] {
                    score = Self.spelling(
                        whole, normalisedBytes[index], over: score, fewEdits: true, scratch: &scratch)
                }
            }
            if score >= Self.plausible { scored.append((position, score)) }
        }
        guard let best = scored.map(\.score).max() else { return [] }
        return scored.filter { $0.score >= best - Self.closeToBest }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
            .prefix(Self.limit).map { ids[Int($0.position)] }
    }

    /// The listed organisations that a name (`normalised`) matches equally, when the table
    /// calls it ambiguous: those whose words, or words without council wording, are the name's.
    func sharingKey(withNormalised normalised: String) -> [Int32] {
        let core = OrganisationName.core(ofNormalised: normalised)
        var found: [Int32] = []
        for position in ids.indices {
            let theirs = normalisedKeys[position]
            let theirCore = cores[position]
            if theirs == normalised || theirCore == normalised || theirs == core || theirCore == core {
                found.append(ids[position])
            }
        }
        return found
    }

    // MARK: Keys, pairs and words

    /// What names are compared by: the core key, or the normalised name when it is all
    /// council wording ("Council").
    private static func key(normalised: String) -> String {
        let core = OrganisationName.core(ofNormalised: normalised)
        return core.isEmpty ? normalised : core
    }

    /// The distinct pairs of neighbouring bytes in the key with a space at either end, so
    /// that first and last letters count.
    private static func letterPairs(_ key: [UInt8]) -> [UInt16] {
        var pairs: [UInt16] = []
        pairs.reserveCapacity(key.count + 1)
        var previous: UInt8 = 0x20
        for byte in key {
            pairs.append(UInt16(previous) << 8 | UInt16(byte))
            previous = byte
        }
        pairs.append(UInt16(previous) << 8 | 0x20)
        pairs.sort()
        var distinct = 0
        for pair in pairs where distinct == 0 || pairs[distinct - 1] != pair {
            pairs[distinct] = pair
            distinct += 1
        }
        pairs.removeLast(pairs.count - distinct)
        return pairs
    }

    /// The key's words, each once, in order.
    private static func words(_ key: String) -> [String] {
        var words: [String] = []
        for word in key.split(separator: " ") where !words.contains(where: { $0 == word }) { words.append(String(word)) }
        return words
    }

    /// The spelling score of `a` against `b` when it is above `score` (and plausible), else
    /// `score`; with `fewEdits`, only when a tenth of the letters or fewer differ.
    private static func spelling(
        _ a: [UInt8], _ b: [UInt8], over score: Double, fewEdits: Bool = false, scratch: inout Scratch
    ) -> Double {
        let longer = max(a.count, b.count)
        guard longer > 0 else { return score }
        // More edits than this cannot beat the score in hand.
        var worthwhile = Int(Double(longer) * (1 - max(score, plausible)))
        if fewEdits { worthwhile = min(worthwhile, max(1, longer / 10)) }
        guard let edits = edits(a, b, atMost: worthwhile, scratch: &scratch) else { return score }
        return max(score, 1 - Double(edits) / Double(longer))
    }

    /// Edits (insertions, deletions, substitutions, and swaps of neighbours) between `a`
    /// and `b`, or nil when there are more than `limit`.
    private static func edits(_ a: [UInt8], _ b: [UInt8], atMost limit: Int, scratch: inout Scratch) -> Int? {
        guard limit >= 0, abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let width = b.count + 1
        scratch.row = Array(0..<width)
        scratch.previousRow = Array(repeating: 0, count: width)
        scratch.rowBeforeThat = Array(repeating: 0, count: width)
        for i in 1...a.count {
            swap(&scratch.rowBeforeThat, &scratch.previousRow)
            swap(&scratch.previousRow, &scratch.row)
            scratch.row[0] = i
            var smallest = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(scratch.previousRow[j] + 1, scratch.row[j - 1] + 1, scratch.previousRow[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    value = min(value, scratch.rowBeforeThat[j - 2] + 1)
                }
                scratch.row[j] = value
                smallest = min(smallest, value)
            }
            if smallest > limit { return nil }
        }
        let total = scratch.row[b.count]
        return total <= limit ? total : nil
    }
}

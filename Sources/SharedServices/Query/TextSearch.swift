import Foundation

/// Case- and accent-insensitive substring search, as people expect from a search box:
/// "ynys mon" finds "Ynys Môn".
public enum TextSearch {
    /// Lowercased with accents removed.
    public static func fold(_ text: String) -> String {
        // ASCII text (most of a register) folds by lowercasing bytes, without Foundation.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Whether `text` contains `needle`, ignoring case and accents: a search of a short
    /// list (the organisations, a summary's groups) where no index is worth building.
    public static func matches(_ text: String, _ needle: String) -> Bool {
        contains(fold(text), Array(fold(needle).utf8))
    }

    /// Whether ASCII `haystack` contains `needle` (already folded), ignoring ASCII case.
    static func containsIgnoringASCIICase(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        contains(haystack, needle, lowercasing: true)
    }

    /// Whether `haystack` contains `needle`; both already folded. Compares UTF-8 bytes.
    static func contains(_ haystack: String, _ needle: [UInt8]) -> Bool {
        var haystack = haystack
        return haystack.withUTF8 { contains($0, needle, lowercasing: false) }
    }

    /// A substring search; with `lowercasing`, haystack bytes A–Z compare as a–z.
    /// Candidates for the needle's first byte are found eight bytes at a time.
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], lowercasing: Bool) -> Bool {
        guard let first = needle.first else { return true }
        let count = bytes.count
        let needleCount = needle.count
        guard count >= needleCount, let base = bytes.baseAddress else { return false }
        // With lowercasing, a letter is looked for as (byte | 0x20), which only A–Z and a–z map onto.
        let foldsCase = lowercasing && first >= 0x61 && first <= 0x7A
        let caseBits: UInt64 = foldsCase ? 0x2020_2020_2020_2020 : 0
        let pattern = UInt64(first) &* 0x0101_0101_0101_0101
        let last = count - needleCount
        var start = 0
        let raw = UnsafeRawPointer(base)
        while start <= last {
            if start + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)
                var hits = CSVSplitting.zeroBytes((word | caseBits) ^ pattern)
                while hits != 0 {
                    let position = start + hits.trailingZeroBitCount / 8
                    if position > last { return false }
                    if matches(base, at: position, needle, lowercasing: lowercasing) { return true }
                    hits &= hits - 1
                }
                start += 8
                continue
            }
            var byte = base[start]
            if lowercasing && byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte == first && matches(base, at: start, needle, lowercasing: lowercasing) { return true }
            start += 1
        }
        return false
    }

    @inline(__always)
    private static func matches(
        _ base: UnsafePointer<UInt8>, at start: Int, _ needle: [UInt8], lowercasing: Bool
    ) -> Bool {
        for offset in 1..<max(1, needle.count) {
            var byte = base[start + offset]
            if lowercasing && byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != needle[offset] { return false }
        }
        return true
    }
}

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

    /// Whether ASCII `haystack` contains `needle` (already folded), ignoring ASCII case.
    static func containsIgnoringASCIICase(_ haystack: String, _ needle: [UInt8]) -> Bool {
        contains(haystack, needle, lowercasing: true)
    }

    /// Whether `haystack` contains `needle`; both already folded. Compares UTF-8 bytes.
    static func contains(_ haystack: String, _ needle: [UInt8]) -> Bool {
        contains(haystack, needle, lowercasing: false)
    }

    /// A byte-by-byte substring search; with `lowercasing`, haystack bytes A–Z compare as a–z.
    private static func contains(_ haystack: String, _ needle: [UInt8], lowercasing: Bool) -> Bool {
        if needle.isEmpty { return true }
        var haystack = haystack
        return haystack.withUTF8 { bytes in
            let count = bytes.count
            let needleCount = needle.count
            guard count >= needleCount else { return false }
            var start = 0
            while start <= count - needleCount {
                var matched = 0
                while matched < needleCount {
                    var byte = bytes[start + matched]
                    if lowercasing && byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                    if byte != needle[matched] { break }
                    matched += 1
                }
                if matched == needleCount { return true }
                start += 1
            }
            return false
        }
    }
}

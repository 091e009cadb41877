import Testing

@testable import SharedServices

/// Search with its shortcuts (presence bits, eight bytes at a time, split across cores)
/// finds exactly what reading every row's folded text finds.
@Suite("Search finds what a plain reading finds")
struct SearchEquivalenceTests {
    /// Rows whose folded name, description or a partner's folded name contains the folded needle.
    static func plainSearch(_ register: Register, _ needle: String) -> [Int] {
        let folded = TextSearch.fold(needle.trimmingWhitespace())
        return register.allRows.filter { row in
            TextSearch.fold(register.name(row)).contains(folded)
                || TextSearch.fold(register.description(row)).contains(folded)
                || register.partners(row).contains { TextSearch.fold(register.organisations.names[Int($0)]).contains(folded) }
        }
    }

    /// The substring search itself, at every place a needle can be in texts either side of
    /// the sixteen bytes it compares at once: at each start, across the end of a block of
    /// sixteen, as the last bytes, in either case, with only its first byte (or first two)
    /// present, and with letters and other bytes that `| 0x20` could confuse.
    @Test func theSubstringSearchFindsANeedleAtEveryPlace() {
        func plain(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
            let lowered = haystack.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            guard needle.count <= lowered.count else { return false }
            return (0...(lowered.count - needle.count)).contains { Array(lowered[$0..<$0 + needle.count]) == needle }
        }
        var checked = 0
        for needle in ["wo", "wort", "w@", "@w", "`a", "a`", "[z", "z[", "ab", "aa", "aaa", "2017", "x", ", "] {
            let folded = Array(needle.utf8)
            for length in 0...40 {
                for place in -1...length {
                    for variant in 0..<4 {
                        var haystack = [UInt8](repeating: UInt8(ascii: "-"), count: length)
                        if place >= 0 {
                            for (offset, byte) in folded.enumerated() where place + offset < length {
                                // Upper case in some variants; only the first byte or two in others.
                                let upper = variant == 1 && byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
                                if variant == 2 && offset >= 1 && folded.count > 1 { break }
                                if variant == 3 && offset >= 2 && folded.count > 2 { break }
                                haystack[place + offset] = upper
                            }
                        }
                        // Neighbours that fold onto the needle's bytes only by mistake: '@' is 'a' - 0x21, '`' is '@' | 0x20.
                        if length > 0 && place != 0 { haystack[0] = UInt8(ascii: "@") }
                        let found = haystack.withUnsafeBufferPointer { TextSearch.containsIgnoringASCIICase($0, folded) }
                        #expect(found == plain(haystack, folded), "\(needle) in \(String(decoding: haystack, as: UTF8.self))")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 10_000)
    }

    /// Enough rows for the index to be made in pieces on every core (its pairs' bitmaps and
    /// lists joined from pieces), searched for pairs common and rare, longer needles, digits
    /// and a space.
    @Test func aRegisterIndexedInPiecesFindsWhatAPlainReadingFinds() throws {
        let reported = try RegisterLoader.load(
            arrangements: ReaderEquivalenceTests.sampleReported, organisations: ReaderEquivalenceTests.sampleOrganisations)
        let csv = RegisterGenerator(reported: reported.register, seed: 23).arrangementsCSV(count: 70_000)
        let register = try RegisterLoader.load(arrangementBytes: Array(csv.utf8), file: "generated.csv").register
        #expect(register.count >= 65_536, "more rows than one piece")
        register.prepareSearchAndWait()
        for needle in ["wo", "Qu", "zy", "20", "e s", "wort", "shared service", "ynys"] {
            var filter = ArrangementFilter()
            filter.search = needle
            let found = filter.matchingRows(in: register)
            #expect(found == Self.plainSearch(register, needle), "\"\(needle)\"")
            // Among candidates in another order, as the dashboard's list search asks.
            let candidates = Array(register.allRows.reversed().prefix(30_000))
            let foundAmong = filter.matchingRows(in: register, among: candidates)
            let foundSet = Set(found)
            #expect(foundAmong == candidates.filter { foundSet.contains($0) }, "\"\(needle)\" among candidates")
        }
    }

    @Test func everyKindOfNeedleOnTheSample() throws {
        let register = try SampleRegisterTests.sample().register
        var needles = ["a", "W", "z", "q", "7", "2017", "-", " ", "£", "ô", "trading", "TRADING STANDARDS", "no such words",
                       "mon", "fire and", "x9", "ynys"]
        // Pieces of real names and descriptions, at every length from one to twelve characters.
        var generator = SplitMix64(seed: 11)
        for _ in 0..<120 {
            let row = Int(generator.next() % UInt64(register.count))
            let text = Array(generator.next() % 2 == 0 ? register.name(row) : register.description(row))
            guard !text.isEmpty else { continue }
            let length = 1 + Int(generator.next() % 12)
            let start = Int(generator.next() % UInt64(text.count))
            needles.append(String(text[start..<min(text.count, start + length)]))
        }
        // Before the index is made (every row read), and with it (letters and pairs skipped).
        let fresh = try SampleRegisterTests.sample().register
        for indexed in [false, true] {
            if indexed { fresh.prepareSearchAndWait() }
            for needle in needles where !needle.trimmingWhitespace().isEmpty {
                var filter = ArrangementFilter()
                filter.search = needle
                #expect(filter.matchingRows(in: fresh) == Self.plainSearch(register, needle), "\"\(needle)\", indexed: \(indexed)")
            }
        }
    }

    @Test func nonASCIIRowsAreAlwaysRead() throws {
        let text = """
            id,name,service,partners,description
            N1,Ynys Môn shared service,Legal,Adur District Council; Worthing Borough Council,Gwasanaeth ar y cyd
            N2,Plain,Legal,Adur District Council; Worthing Borough Council,Nothing special
            N3,Café culture,Leisure,Adur District Council; Worthing Borough Council,Zürich twinning

            """
        let register = try RegisterLoader.load(arrangementBytes: Array(text.utf8), file: "accents.csv").register
        for indexed in [false, true] {
            if indexed { register.prepareSearchAndWait() }
            for needle in ["o", "mon", "MÔN", "cafe", "z", "zurich", "ü", "p", "gw", "e c", "ng se"] {
                var filter = ArrangementFilter()
                filter.search = needle
                #expect(filter.matchingRows(in: register) == Self.plainSearch(register, needle), "\"\(needle)\", indexed: \(indexed)")
            }
        }
    }
}

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
        // One character: its rows from the index's letters, in pieces too.
        for needle in ["w", "Q", "7", "wo", "Qu", "zy", "20", "e s", "wort", "shared service", "ynys"] {
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

    /// With the index, a search reads only the rows it can match: those holding every pair
    /// of its characters, those with a partner whose name holds it, and those whose text is
    /// not all ASCII (left out of the pairs). Here the matches are a few rows among 400, so
    /// only those are listed and read; a needle found only in partners' names, or only in
    /// accented text, would be missed if any of the three were left out.
    @Test func aSearchOfFewRowsReadsOnlyTheRowsThatCanMatch() throws {
        var lines = ["id,name,service,partners,description"]
        for index in 0..<400 {
            let service = index % 2 == 0 ? "Legal" : "Procurement"
            let partners = index % 50 == 7 ? "Adur District Council; Worthing Borough Council" : "Adur District Council; Arun District Council"
            let description = index % 100 == 3 ? "Twinned with Zürich" : index % 100 == 5 ? "Zurich and Worthing both" : "Nothing special"
            lines.append("R\(index),Shared service \(index),\(service),\(partners),\(description)")
        }
        let register = try RegisterLoader.load(arrangementBytes: Array((lines.joined(separator: "\n") + "\n").utf8), file: "few.csv").register
        register.prepareSearchAndWait()
        let legal = try #require(register.serviceIDs.first)
        for needle in ["zurich", "worthing", "orthi", "ZÜRICH", "both", "shared", "z", "w", "ü"] {
            for onlyLegal in [false, true] {
                var filter = ArrangementFilter()
                filter.search = needle
                if onlyLegal { filter.services = [legal] }
                let expected = Self.plainSearch(register, needle).filter { !onlyLegal || register.serviceIDs[$0] == legal }
                #expect(filter.matchingRows(in: register) == expected, "\"\(needle)\", only legal: \(onlyLegal)")
                let candidates = Array(register.allRows.reversed())
                let expectedSet = Set(expected)
                #expect(
                    filter.matchingRows(in: register, among: candidates) == candidates.filter { expectedSet.contains($0) },
                    "\"\(needle)\" among candidates, only legal: \(onlyLegal)")
            }
        }
        var zurich = ArrangementFilter()
        zurich.search = "zurich"
        #expect(zurich.matchingRows(in: register).count == 8, "four accented rows and four plain ones")
        // The rows read are exactly those that can match, and the accented ones (left out
        // of the pairs, so always read): for "worthing", the four whose description holds
        // its pairs, the eight with Worthing as a partner and the four accented; for
        // "zurich", the four plain rows and the four accented.
        let accented = Set(register.foldedNonASCIIText.keys.map { Int($0) })
        #expect(accented.count == 4)
        for (needle, expected) in [("worthing", 16), ("zurich", 8)] {
            var filter = ArrangementFilter()
            filter.search = needle
            let pairRows = try #require(filter.rowsHoldingThePairs(in: register))
            let partnerRows = try #require(filter.rowsWithAPartnerHoldingTheSearch(in: register))
            let read = try #require(ArrangementFilter.fewRows(holdingThePairs: pairRows, orAPartner: partnerRows, in: register))
            #expect(read == Set(Self.plainSearch(register, needle)).union(accented).sorted(), "\(needle)")
            #expect(read.count == expected, "\(needle)")
        }
    }

    /// Each organisation's rows, as the index keeps them, are the rows that name it as a
    /// partner, on every kind of organisation set (none, one, several, all).
    @Test func anOrganisationsRowsAreTheRowsNamingItAsAPartner() throws {
        let reported = try RegisterLoader.load(
            arrangements: ReaderEquivalenceTests.sampleReported, organisations: ReaderEquivalenceTests.sampleOrganisations)
        let csv = RegisterGenerator(reported: reported.register, seed: 5).arrangementsCSV(count: 3_000)
        let register = try RegisterLoader.load(arrangementBytes: Array(csv.utf8), file: "generated.csv").register
        let organisationRows = OrganisationRows(register)
        var generator = SplitMix64(seed: 3)
        let organisationCount = register.organisations.count
        var wantedSets: [[Bool]] = [
            [Bool](repeating: false, count: organisationCount), [Bool](repeating: true, count: organisationCount),
        ]
        for _ in 0..<20 {
            wantedSets.append((0..<organisationCount).map { _ in generator.next() % 9 == 0 })
        }
        for wanted in wantedSets {
            let bitmap = organisationRows.rows(withAPartnerIn: wanted)
            let listed = register.allRows.filter { bitmap[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }
            let walked = register.allRows.filter { row in register.partners(row).contains { wanted[Int($0)] } }
            #expect(listed == walked)
            #expect(bitmap.count == (register.count + 63) / 64)
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

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

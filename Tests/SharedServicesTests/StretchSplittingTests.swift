import Testing

@testable import SharedServices

/// How a CSV file is cut into stretches with no pass over it first: whether a boundary is
/// inside quotes is judged from the quotes after it, and a stretch cut in the wrong place
/// is read again.
struct StretchSplittingTests {
    /// Values of the kinds registers hold, with quotes next to commas, line breaks, spaces
    /// and each other, at either end and in the middle.
    static let values = [
        "Shared HR", "", "Adur, Worthing", "two\nlines", "CRLF\r\nlines", "the \"Tri-borough\" deal",
        "\"Quoted\" first", "last \"quoted\"", "say \"hi\",\nthen go", "\",x", "\"\nx", "a,\"", "\"", "\"\"",
        ",", "\n", "x\"\"y", "\"\"\"", "Café, Ynys Môn",
    ]

    /// RFC 4180 records of those values, each quoted when it must be or at random.
    /// Runs of quotes between two delimiters (`,"",` or `,""",`) tell nothing, so a
    /// register ending in such values leaves its last offsets judged outside.
    static func rfc4180Text(rows: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        var text = "id,name,description\r\n"
        for row in 0..<rows {
            let fields = (0..<3).map { _ -> String in
                let value = values[Int(random.next() % UInt64(values.count))]
                // By byte: "\r\n" is one Character, neither "\r" nor "\n".
                let mustQuote = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                guard mustQuote || random.next() % 4 == 0 else { return value }
                return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            text += "R\(row)," + fields.joined(separator: ",") + (row % 3 == 0 ? "\n" : "\r\n")
        }
        // A last value whose opening quote tells, so that from every offset some run does.
        return Array((text + "R-end,\"end\"\n").utf8)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyOffsetOfRFC4180TextIsJudgedAsCountingEveryQuoteBeforeIt(seed: UInt64) {
        let bytes = Self.rfc4180Text(rows: 300, seed: seed)
        bytes.withUnsafeBufferPointer { buffer in
            var quotes = 0
            var misjudged: [Int] = []
            for offset in 0...buffer.count {
                let judged = CSVSplitting.likelyInsideQuotes(buffer, at: offset, limit: buffer.count)
                if judged != !quotes.isMultiple(of: 2) { misjudged.append(offset) }
                if offset < buffer.count && buffer[offset] == UInt8(ascii: "\"") { quotes += 1 }
            }
            #expect(misjudged.isEmpty, "misjudged at \(misjudged.prefix(10)) of \(buffer.count) offsets")
        }
    }

    /// The judgement reads at most `judgementReach` bytes ahead and back: beyond, it cannot
    /// tell, and says outside.
    @Test func aBoundaryIsJudgedFromNoFurtherThanItsReach() {
        let reach = CSVSplitting.judgementReach
        func judged(_ bytes: [UInt8], at offset: Int) -> Bool {
            bytes.withUnsafeBufferPointer { CSVSplitting.likelyInsideQuotes($0, at: offset, limit: $0.count) }
        }
        // From inside a quoted value, its closing quote tells just within reach, and does
        // not just beyond.
        let within = Array("\"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: reach - 1) + Array("\",b\n".utf8)
        #expect(judged(within, at: 2) == true)
        let beyond = Array("\"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: reach + 1) + Array("\",b\n".utf8)
        #expect(judged(beyond, at: 2) == false)
        // In a run of quotes longer than the reach, nothing tells.
        let run = Array("a,".utf8) + [UInt8](repeating: UInt8(ascii: "\""), count: 3 * reach) + Array("x\"\n".utf8)
        #expect(judged(run, at: 2 + reach + 1) == false)
    }

    @Test func eachKindOfQuoteRunTells() {
        func judged(_ text: String, at offset: Int) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer {
                CSVSplitting.likelyInsideQuotes($0, at: offset, limit: $0.count)
            }
        }
        // An opening quote: outside before it.
        #expect(judged("ab,\"cd\"\n", at: 1) == false)
        // A closing quote: inside before it.
        #expect(judged("\"ab cd\",e\n", at: 3) == true)
        // Doubled quotes between letters: inside.
        #expect(judged("\"say \"\"hi\"\" now\"\n", at: 2) == true)
        // An empty field tells nothing; the opening quote after it does.
        #expect(judged("a,\"\",\"b\"\n", at: 1) == false)
        // A value starting with a quote and a comma: the run tells nothing; the closing quote does.
        #expect(judged("a,\"\"\",x\",b\n", at: 1) == false)
        // From the middle of a run, counting the run's quotes before the offset.
        #expect(judged("\"x\"\"\",b\n", at: 3) == false)
        #expect(judged("\"x\"\"\",b\n", at: 4) == true)
        // No quote: outside.
        #expect(judged("a,b\nc,d\n", at: 2) == false)
    }

    /// A boundary with no quote between it and the next is judged outside quotes: inside a
    /// quoted value longer than a stretch, with line breaks in it, that is wrong, and the
    /// stretch is read again from where the one before stopped.
    @Test func aStretchCutInTheWrongPlaceIsReadAgainFromWhereTheOneBeforeStopped() throws {
        let longValue = String(repeating: "a line of a long description\n", count: 120)
        let rows = (1...4).map { ReaderEquivalenceTests.row("S\($0)", description: ReaderEquivalenceTests.quoted(longValue)) }
        let bytes = Array(ReaderEquivalenceTests.text(rows).utf8)
        let reference = ReaderEquivalenceTests.outcome(
            .rowAtATime, arrangements: bytes, file: ReaderEquivalenceTests.file, organisations: nil, organisationsFile: nil)
        var readAgain = 0
        for pieces in 2...8 {
            var unused: [Diagnostic] = []
            var builder = try BundledOrganisations.builder(diagnostics: &unused)
            var diagnostics: [Diagnostic] = []
            let reading = try bytes.withUnsafeBufferPointer { buffer in
                try FastArrangementsReader.read(
                    buffer, pages: PageReleaser(base: nil, count: 0), file: ReaderEquivalenceTests.file,
                    organisationsFile: nil, minimumStretchBytes: bytes.count / pieces, into: &builder,
                    diagnostics: &diagnostics, progress: nil)
            }
            readAgain += reading.stretchesReadAgain
            // Whatever was read again, the register and its diagnostics are those of reading row by row.
            let fast = ReaderEquivalenceTests.outcome(
                .inStretches(minimumBytes: bytes.count / pieces), arrangements: bytes, file: ReaderEquivalenceTests.file,
                organisations: nil, organisationsFile: nil)
            ReaderEquivalenceTests.expectSame(reference, fast, reading: "\(pieces) pieces", sourceLocation: #_sourceLocation)
        }
        #expect(readAgain >= 7)
    }
}

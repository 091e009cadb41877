import Testing

@testable import SharedServices

/// A register loaded without its text (as `ssmap summary` and `ssmap map` load one when
/// they search nothing) must be the register loaded with it, names and descriptions apart:
/// the same rows, partners, figures and diagnostics, by every way a file is read, and
/// the same summaries.
@Suite("Loading without names and descriptions")
struct LoadingWithoutTextTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let bytes: @Sendable () throws -> [UInt8]
        let readings: [RegisterLoader.ArrangementsReading]
        /// Whether some row needs a diagnostic, so that the rows read one at a time are covered.
        let hasDiagnostics: Bool

        var testDescription: String { name }
    }

    /// The generated register's header and first `count` rows, with the rows of `repeated`
    /// written again after them: their ids are used before.
    static func generatedLines(_ count: Int, repeating repeated: Range<Int>) throws -> [UInt8] {
        let lines = try ReaderEquivalenceTests.generated.get().split(separator: 0x0A, omittingEmptySubsequences: false)
        let rows = lines[0...count] + repeated.map { lines[$0] }
        return Array(rows.joined(separator: [0x0A])) + [0x0A]
    }

    static let sample: Result<Register, LoadError> = Result { () throws(LoadError) -> Register in
        try RegisterLoader.load(
            arrangements: ReaderEquivalenceTests.sampleArrangements, organisations: ReaderEquivalenceTests.sampleOrganisations
        ).register
    }

    static let cases: [Case] = [
        Case(
            name: "generated rows, merged on every core", file: "generated.csv",
            bytes: { try ReaderEquivalenceTests.generated.get() },
            readings: [.fast, .inStretches(minimumBytes: 1 << 18), .rowAtATime], hasDiagnostics: false),
        Case(
            name: "generated rows with ids used before", file: "generated.csv",
            bytes: { try generatedLines(3_000, repeating: 1..<300) },
            readings: [.inStretches(minimumBytes: 1 << 16), .rowAtATime], hasDiagnostics: true),
        Case(
            name: "rows out of the ordinary, merged one after another", file: "hard.csv",
            bytes: { Array(ReaderEquivalenceTests.mixedText(count: 600, rotation: 3, oddQuotes: true).utf8) },
            readings: [.fast, .inStretches(minimumBytes: 1), .inStretches(minimumBytes: 4_096), .rowAtATime],
            hasDiagnostics: true),
        Case(
            name: "the sample written as JSON", file: "arrangements.json",
            bytes: {
                let register = try sample.get()
                return Array(RegisterWriter.json(register, rows: register.allRows).utf8)
            },
            readings: [.fast], hasDiagnostics: false),
        Case(
            name: "the sample written as a workbook", file: "arrangements.xlsx",
            bytes: {
                let register = try sample.get()
                return try WorkbookWriter.xlsx(register, rows: register.allRows)
            },
            readings: [.fast], hasDiagnostics: false),
    ]

    @Test(arguments: cases)
    func theSameRegisterButForItsText(_ testCase: Case) throws {
        let bytes = try testCase.bytes()
        for reading in testCase.readings {
            func load(keepingText: Bool) throws -> LoadedRegister {
                try RegisterLoader.load(
                    arrangementBytes: bytes, file: testCase.file, organisationBytes: nil, organisationsFile: nil,
                    reading: reading, keepingText: keepingText)
            }
            let whole = try load(keepingText: true)
            let withoutText = try load(keepingText: false)
            let register = withoutText.register
            #expect(whole.register.keepsText && !register.keepsText)

            // The case is what its name says: text to leave out, and diagnostics where promised.
            #expect(whole.register.count > 100)
            #expect(whole.register.allRows.contains { !whole.register.name($0).isEmpty })
            #expect(whole.register.allRows.contains { !whole.register.description($0).isEmpty })
            #expect(whole.diagnostics.isEmpty != testCase.hasDiagnostics, "\(reading): \(whole.diagnostics.count) diagnostics")

            let diagnostics = ReaderEquivalenceTests.diagnosticDifferences(whole.diagnostics, withoutText.diagnostics)
            #expect(diagnostics.isEmpty, "\(reading): \(diagnostics.joined(separator: "\n"))")
            let differences = registerDifferences(whole.register, register, comparingText: false)
            #expect(differences.isEmpty, "\(reading): \(differences.joined(separator: "\n"))")

            // Nothing of the text is held, and asking for it gives nothing rather than a trap.
            #expect(register.allRows.allSatisfy { register.name($0).isEmpty && register.description($0).isEmpty })
            let textBytes = register.size.columns.filter { [ArrangementField.name.rawValue, ArrangementField.description.rawValue].contains($0.name) }
            #expect(textBytes.count == 2 && textBytes.allSatisfy { $0.bytes == 0 }, "\(textBytes)")

            // What a summary shows is the same.
            let rows = register.allRows
            #expect(register.headline(rows) == whole.register.headline(rows))
            for dimension in Dimension.all {
                #expect(
                    register.summarise(rows, by: dimension) == whole.register.summarise(rows, by: dimension),
                    "\(reading), by \(dimension.name)")
            }
        }
    }

    @Test func onlyASearchOfSomethingReadsTheText() {
        #expect(!ArrangementFilter.readsText(searching: ""))
        #expect(!ArrangementFilter.readsText(searching: " \t "))
        #expect(ArrangementFilter.readsText(searching: "wort"))
        var filter = ArrangementFilter()
        filter.sinceYear = 2015
        #expect(!filter.readsText)
        filter.search = " Worthing "
        #expect(filter.readsText)
    }
}

import Foundation
import Testing

@testable import SharedServices

/// The fast arrangements reader must give exactly what the row-at-a-time reference reader
/// gives: the same `LoadError` when a file cannot be read, else the same diagnostics in the
/// same order and the same register, field by field. Each case loads one text with the
/// reference reader and with the fast reader at its default stretch size and at stretch
/// sizes small enough to put stretch boundaries all through the text.
@Suite("Fast reader matches the reference reader")
struct ReaderEquivalenceTests {
    static let file = "arrangements.csv"

    // MARK: Whole files: the bundled sample and a generated register

    /// A whole file, read from disk or generated when the test runs (not when tests are listed).
    struct FileCase: Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let arrangements: @Sendable () throws -> [UInt8]
        let organisations: (@Sendable () throws -> [UInt8])?
        let organisationsFile: String?
        /// How many rows the reference reader should find, to be sure the case is not trivial.
        let expectedCount: Int?

        var testDescription: String { name }
    }

    static let sampleDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path + "/sample-data"
    static let sampleArrangements = sampleDirectory + "/arrangements.csv"
    static let sampleOrganisations = sampleDirectory + "/organisations.csv"
    static let sampleReported = sampleDirectory + "/reported-arrangements.csv"
    static let generatedCount = 20_000

    /// The generated register, made once however many cases use it.
    static let generated: Result<[UInt8], LoadError> = Result { () throws(LoadError) -> [UInt8] in
        let reported = try RegisterLoader.load(arrangements: sampleReported, organisations: sampleOrganisations)
        return Array(RegisterGenerator(reported: reported.register, seed: 2017).arrangementsCSV(count: generatedCount).utf8)
    }

    static let fileCases: [FileCase] = [
        FileCase(
            name: "bundled sample with its organisations", file: sampleArrangements,
            arrangements: { try FileBytes.read(sampleArrangements) },
            organisations: { try FileBytes.read(sampleOrganisations) }, organisationsFile: sampleOrganisations,
            expectedCount: 486),
        FileCase(
            name: "bundled sample without organisations", file: sampleArrangements,
            arrangements: { try FileBytes.read(sampleArrangements) },
            organisations: nil, organisationsFile: nil, expectedCount: 486),
        FileCase(
            name: "bundled sample with the LoaderTests organisations", file: sampleArrangements,
            arrangements: { try FileBytes.read(sampleArrangements) },
            organisations: { Array(LoaderTests.organisations.utf8) }, organisationsFile: LoaderTests.organisationsFile,
            expectedCount: 486),
        FileCase(
            name: "generated \(generatedCount) rows with the sample organisations", file: "generated.csv",
            arrangements: { try generated.get() },
            organisations: { try FileBytes.read(sampleOrganisations) }, organisationsFile: "organisations.csv",
            expectedCount: generatedCount),
        FileCase(
            name: "generated \(generatedCount) rows without organisations", file: "generated.csv",
            arrangements: { try generated.get() },
            organisations: nil, organisationsFile: nil, expectedCount: generatedCount),
        FileCase(
            name: "generated \(generatedCount) rows with the LoaderTests organisations", file: "generated.csv",
            arrangements: { try generated.get() },
            organisations: { Array(LoaderTests.organisations.utf8) }, organisationsFile: LoaderTests.organisationsFile,
            expectedCount: generatedCount),
    ]

    @Test(arguments: fileCases)
    func wholeFile(_ testCase: FileCase) throws {
        let bytes = try testCase.arrangements()
        // Big files take a while to load: the default stretches (at least 1 MB each), three
        // stretches, and for a small file as many as there can be.
        var readings: [RegisterLoader.ArrangementsReading] = [.fast, .inStretches(minimumBytes: max(1, bytes.count / 3))]
        if bytes.count < 1 << 20 { readings.append(.inStretches(minimumBytes: 1)) }
        let reference = try Self.expectSameOutcome(
            arrangements: bytes, file: testCase.file,
            organisations: testCase.organisations?(), organisationsFile: testCase.organisationsFile, readings: readings)
        guard case .loaded(let loaded) = reference else {
            Issue.record("the reference reader could not load \(testCase.name): \(reference)")
            return
        }
        if let expectedCount = testCase.expectedCount {
            #expect(loaded.register.count == expectedCount)
        }
    }

    // MARK: Hard CSV texts

    /// A small arrangements text built to trip a CSV reader up.
    struct HardCase: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        /// Whether the reference reader refuses the file (checked, so a case cannot silently
        /// stop testing what its name says).
        let throwsError: Bool
        let file: String

        init(_ name: String, _ text: String, throwsError: Bool = false, file: String = ReaderEquivalenceTests.file) {
            self.init(name, bytes: Array(text.utf8), throwsError: throwsError, file: file)
        }

        init(_ name: String, bytes: [UInt8], throwsError: Bool = false, file: String = ReaderEquivalenceTests.file) {
            self.name = name
            self.bytes = bytes
            self.throwsError = throwsError
            self.file = file
        }

        var testDescription: String { name }
    }

    enum Organisations: String, Sendable, CaseIterable, CustomTestStringConvertible {
        case without = "without organisations"
        case loaderTests = "with the LoaderTests organisations"

        var bytes: [UInt8]? { self == .without ? nil : Array(LoaderTests.organisations.utf8) }
        var file: String? { self == .without ? nil : LoaderTests.organisationsFile }
        var testDescription: String { rawValue }
    }

    @Test(arguments: hardCases, Organisations.allCases)
    func hardText(_ testCase: HardCase, _ organisations: Organisations) {
        let reference = Self.expectSameOutcome(
            arrangements: testCase.bytes, file: testCase.file,
            organisations: organisations.bytes, organisationsFile: organisations.file)
        switch reference {
        case .failed(let error):
            #expect(testCase.throwsError, "the reference reader refused \(testCase.name): \(error)")
        case .loaded:
            #expect(!testCase.throwsError, "the reference reader loaded \(testCase.name), which should be refused")
        }
    }

    /// Every field of a row, written as given (quote them yourself where needed).
    static func row(
        _ id: String, name: String = "Shared HR", area: String = "Back office", service: String = "HR",
        partners: String = "Adur District Council; Worthing Borough Council", lead: String = "Adur District Council",
        region: String = "South East", year: String = "2015", status: String = "operational",
        toDate: String = "100000", latest: String = "20000", description: String = "Shared HR for two councils.",
        provenance: String = "reported", source: String = "LGA 2017"
    ) -> String {
        [id, name, area, service, partners, lead, region, year, status, toDate, latest, description, provenance, source]
            .joined(separator: ",")
    }

    /// A value quoted for CSV, with its quotes doubled.
    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The header and rows, each line ended with `ending` (the last one only when `finalEnding`).
    static func text(_ rows: [String], header: String = LoaderTests.header, ending: String = "\n", finalEnding: Bool = true)
        -> String
    {
        ([header] + rows).joined(separator: ending) + (finalEnding ? ending : "")
    }

    static let header = LoaderTests.header
    static let plainRows = [row("A1"), row("A2", name: "Legal", service: "Legal"), row("A3", name: "Audit", year: "2011")]

    static let hardCases: [HardCase] = quotingCases + lineCases + encodingCases + rowCases + cellCases + headerCases
        + hostileInputCases + spreadsheetCases + spellingCases

    /// Registers as a spreadsheet saves them: a byte-order mark, CRLF, doubled quotes in
    /// every description, line breaks inside cells, "£1,234" amounts, and an empty column
    /// or trailing comma at the end of every row.
    static let spreadsheetCases: [HardCase] = [
        HardCase(
            "saved by a spreadsheet",
            "\u{FEFF}" + text(
                (1...40).map { number in
                    row(
                        "S\(number)", name: number % 7 == 0 ? quoted("  Padded, with spaces  ") : "Shared HR \(number)",
                        toDate: number % 3 == 0 ? quoted("£1,234,567") : "\(number * 1000)",
                        latest: number % 5 == 0 ? quoted("£12,000") : "",
                        description: quoted(
                            "Phase \(number) (\"phase 1\" done)" + (number % 10 == 0 ? "\r\nsecond line\r\nthird" : "")))
                        + ","
                }, header: header + ",", ending: "\r\n")),
        HardCase(
            "trailing comma on every row but the header",
            text([row("T1") + ",", row("T2", description: quoted("two\nlines")) + ","], ending: "\r\n")),
        HardCase(
            "multi-line cell at the end without a final line end",
            text([row("M1"), row("M2", description: quoted("last\r\nrow"))], ending: "\r\n", finalEnding: false)),
        HardCase(
            "quoted empty and empty fields",
            text([row("E1", region: "\"\"", latest: "\"\"", source: "\"\""), row("E2", region: "", latest: "", source: "")])),
        HardCase(
            "lone CR line ends with quoted CR inside",
            text([row("C1", description: quoted("a\rb")), row("C2")], ending: "\r")),
    ]

    /// Categories and partners spelt otherwise than the value they match: kept as written.
    static let spellingCases: [HardCase] = [
        HardCase(
            "category and partner spellings",
            text([
                row("W1", area: "Back office", service: "ICT", region: "South East"),
                row("W2", area: "back  office", service: "ict", region: "south east "),
                row("W3", area: " Culture & leisure", service: "Leisure", region: "SOUTH EAST"),
                row("W4", area: "Culture and Leisure", partners: "adur district council;  Worthing Borough Council ",
                    lead: "ADUR DISTRICT COUNCIL"),
                row("W5", partners: quoted("Adur\r\nWorthing"), lead: "Adur"),
            ])),
    ]

    static let quotingCases: [HardCase] = [
        HardCase(
            "a long last line in a quoted value, its closing quote starting the next line",
            text([
                row("L1"),
                row("L2", description: quoted("first line\n" + String(repeating: "a long last line ", count: 400) + "\n")),
                row("L3"),
            ])),
        HardCase(
            "a value of a hundred thousand quotes",
            text([row("L1"), row("L2", description: quoted(String(repeating: "\"", count: 100_000))), row("L3")])),
        HardCase(
            "a value starting with a quote and a comma, in every row",
            text((1...24).map { row("M\($0)", description: quoted("\",x")) })),
        HardCase(
            "a value starting with a quote and a line break, in every row",
            text((1...24).map { row("M\($0)", description: quoted("\"\nx")) }, ending: "\r\n")),
        HardCase(
            "quoted fields with commas",
            text([
                row("Q1", name: quoted("Adur, Worthing and Friends HR"), description: quoted("One, two, three, four.")),
                row("Q2", partners: quoted("London Borough of Brent; London Borough of Harrow, Middlesex")),
                row("Q3", source: quoted(",")),
            ])),
        HardCase(
            "doubled quotes",
            text([
                row("D1", name: quoted("The \"Hub\""), description: quoted("He said \"hi\", then \"\"left\"\".")),
                row("D2", name: quoted("\""), description: quoted("\"\"\"")),
                row("D3", name: "\"\"", description: "\"\"\"\"\"\""),
            ])),
        HardCase(
            "LF inside quotes shifts later lines",
            text([
                row("L1", description: quoted("line one\nline two\nline three")),
                row("L2", year: "abc"),
                row("L3", name: quoted("two\nlines"), toDate: "about £2m"),
            ])),
        HardCase(
            "CRLF inside quotes shifts later lines",
            text([
                row("L1", description: quoted("line one\r\nline two\r\n\r\nline four")),
                row("L2", year: "abc"),
            ])),
        HardCase(
            "lone CR inside quotes shifts later lines",
            text([
                row("L1", description: quoted("line one\rline two\r\rline four")),
                row("L2", year: "abc"),
            ])),
        HardCase(
            "mixed breaks inside quotes, ending the field",
            text([
                row("L1", description: quoted("a\n\r\nb\r\n\rc\r"), source: quoted("\n")),
                row("L2", year: "15"),
            ])),
        HardCase(
            "partners separated by line breaks inside quotes",
            text([
                row("P1", partners: quoted("London Borough of Brent\nLondon Borough of Harrow\r\nAdur District Council\rWorthing")),
                row("P2", partners: quoted("\n\nBrent;\n;Harrow\n")),
            ])),
        HardCase(
            "quoted field holding lines that look like rows",
            text([
                row("F1", description: quoted(
                    "Not rows:\n" + row("F9", description: quoted("x,y")) + "\n" + row("F8") + "\n\"\n,,,,\n")),
                row("F2"),
            ])),
        HardCase(
            "stray quote inside an unquoted field",
            text([
                row("S1", name: "Bob's \"best\" HR", description: "5\" tall"),
                row("S2", name: "Café \"Culture\"", description: "naïve \"quote\" after accents"),
                row("S3", name: "end quote\""),
            ])),
        HardCase(
            "space before an opening quote",
            text([
                row("S1", name: " \"Adur, Worthing\"", description: " \"a\""),
                row("S2"),
            ])),
        HardCase(
            "text after a closing quote",
            text([
                row("T1", name: "\"Shared\" HR", description: "\"a\"b\"c\""),
                row("T2", name: "\"Ynys Môn\" café", description: "\"x\"\"y\"z"),
                row("T3", description: quoted("two\nlines") + " and more"),
            ])),
        HardCase(
            "every field quoted",
            text(
                [
                    row(
                        quoted("E1"), name: quoted("HR"), area: quoted("Back office"), service: quoted("HR"),
                        partners: quoted("Brent; Harrow"), lead: quoted("Brent"), region: quoted("London"),
                        year: quoted("2016"), status: quoted("operational"), toDate: quoted("1000"),
                        latest: quoted("100"), description: quoted("All quoted."), provenance: quoted("reported"),
                        source: quoted("")),
                    row("E2", name: quoted(""), year: quoted(""), toDate: quoted(""), latest: quoted("")),
                ],
                header: header.split(separator: ",").map { quoted(String($0)) }.joined(separator: ","))),
        HardCase(
            "unterminated quote at the end",
            text([row("U1"), row("U2", description: "\"never closed")]), throwsError: true),
        HardCase(
            "unterminated quote on a later line after lone-CR lines and a multi-line field",
            text([row("U1", description: quoted("a\nb")), row("U2"), row("U3", name: "\"Café, never closed")], ending: "\r"),
            throwsError: true),
        HardCase(
            "unterminated quote in the header",
            "id,name,\"service_area,service,partners\n" + row("U1") + "\n", throwsError: true),
    ]

    static let lineCases: [HardCase] = [
        HardCase("CRLF line endings throughout", text(plainRows + [row("A4", year: "abc")], ending: "\r\n")),
        HardCase("lone-CR line endings", text(plainRows + [row("A4", year: "abc")], ending: "\r")),
        HardCase(
            "mixed line endings",
            header + "\r\n" + row("A1") + "\n" + row("A2", year: "abc") + "\r" + row("A3", toDate: "x") + "\r\n"
                + row("A4", status: "gone") + "\n"),
        HardCase(
            "blank lines between rows and at the end",
            header + "\n\n" + row("A1") + "\n\n\n" + row("A2", year: "abc") + "\r\n\r\n" + row("A3") + "\r\r"
                + row("A4", toDate: "x") + "\n\n\n\n"),
        HardCase("blank lines before the header", "\n\r\n\r" + text([row("A1", year: "abc")])),
        HardCase("lines of spaces between rows", text([row("A1"), "   ", "\t", row("A2", year: "abc")])),
        HardCase("no final newline", text(plainRows, finalEnding: false)),
        HardCase("no final newline after a quoted field", text([row("A1"), row("A2", source: quoted("x, y"))], finalEnding: false)),
        HardCase("no final newline after a trailing comma", text([row("A1"), row("A2") + ","], finalEnding: false)),
        HardCase("only a CR at the very end", text(plainRows, finalEnding: false) + "\r"),
        HardCase("a lone CR right after a quoted field", header + "\n" + row("A1", source: quoted("s")) + "\r" + row("A2") + "\r"),
    ]

    static let encodingCases: [HardCase] = [
        HardCase("UTF-8 BOM at the start", bytes: [0xEF, 0xBB, 0xBF] + Array(text(plainRows).utf8)),
        HardCase("UTF-8 BOM and CRLF", bytes: [0xEF, 0xBB, 0xBF] + Array(text(plainRows, ending: "\r\n").utf8)),
        HardCase(
            "UTF-16 little-endian with BOM",
            bytes: [0xFF, 0xFE] + Array(text(plainRows).utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
            throwsError: true),
        HardCase(
            "UTF-16 big-endian with BOM",
            bytes: [0xFE, 0xFF] + Array(text(plainRows).utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
            throwsError: true),
        HardCase(
            "UTF-16 without a BOM",
            bytes: Array(text(plainRows).utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, throwsError: true),
        HardCase(
            "invalid UTF-8 (Latin-1 é) on a later line",
            bytes: Array((text(plainRows) + "A9,Caf").utf8) + [0xE9] + Array(",Back office,HR,Brent,,,,,,,,,,\n".utf8),
            throwsError: true),
        HardCase(
            "invalid UTF-8 that a doubled quote's undoubling would make valid",
            bytes: Array((text(plainRows) + "A9,\"Caf").utf8) + [0xC3] + Array("\"\"".utf8) + [0xA9]
                + Array("\",Back office,HR,Brent,,,,,,,,,,\n".utf8),
            throwsError: true),
        HardCase(
            "invalid UTF-8 that joining the text after a closing quote would make valid",
            bytes: Array((text(plainRows) + "A9,\"Caf").utf8) + [0xC3] + Array("\"".utf8) + [0xA9]
                + Array(",Back office,HR,Brent,,,,,,,,,,\n".utf8),
            throwsError: true),
        HardCase(
            "invalid UTF-8 in a figure beside a pound sign",
            bytes: {
                // "£1,0~0" with the "~" made a byte that continues no sequence.
                var bytes = Array((text(plainRows) + row("A9", toDate: quoted("£1,0~0")) + "\n").utf8)
                if let tilde = bytes.firstIndex(of: UInt8(ascii: "~")) { bytes[tilde] = 0xA3 }
                return bytes
            }(),
            throwsError: true),
        HardCase(
            "UTF-8 sequence cut short at the end",
            bytes: Array(text(plainRows, finalEnding: false).utf8) + [0xE2, 0x82], throwsError: true),
        HardCase(
            "NUL byte after CRLF lines",
            bytes: Array(text(plainRows, ending: "\r\n").utf8) + Array("A9,Nul".utf8) + [0]
                + Array(",Back office,HR,Brent,,,,,,,,,,\r\n".utf8),
            throwsError: true),
        HardCase(
            "a quote never closed, then invalid UTF-8 after it",
            bytes: Array(text([row("A1"), row("A2", description: "\"never closed"), row("A3")]).utf8)
                + Array("A9,Caf".utf8) + [0xE9] + Array(",Back office,HR,Brent,,,,,,,,,,\n".utf8),
            throwsError: true),
        HardCase(
            "a header missing columns, then a NUL byte",
            bytes: Array("id,name\nA1,x\nA2,y".utf8) + [0] + Array("\nA3,z\n".utf8), throwsError: true),
        HardCase(
            "a NUL byte inside a quoted field",
            bytes: Array(text(plainRows).utf8) + Array("A9,\"Nul".utf8) + [0]
                + Array("\",Back office,HR,Brent,,,,,,,,,,\n".utf8),
            throwsError: true),
        HardCase(
            "invalid UTF-8 in a required column's name, which the header then lacks",
            bytes: {
                var bytes = Array(text(plainRows).utf8)
                bytes[4] = 0xFF  // in "name"
                return bytes
            }(),
            throwsError: true),
        HardCase(
            "invalid UTF-8 in an extra column's name, the header read whole",
            bytes: Array((header + ",Cont").utf8) + [0xFF] + Array(("act\n" + plainRows.map { $0 + ",x" }.joined(separator: "\n")).utf8),
            throwsError: true),
        HardCase(
            "a NUL byte in an extra column's name, the header read whole",
            bytes: Array((header + ",Cont").utf8) + [0] + Array(("act\n" + plainRows.map { $0 + ",x" }.joined(separator: "\n")).utf8),
            throwsError: true),
        HardCase("empty file", "", throwsError: true),
        HardCase("only blank lines", "\n\r\n \t\n", throwsError: true),
        HardCase("BOM and nothing else", bytes: [0xEF, 0xBB, 0xBF], throwsError: true),
    ]

    static let rowCases: [HardCase] = [
        HardCase(
            "choices spelt as their words, and one letter away from them",
            text([
                row("C1", status: "operational", provenance: "reported"), row("C2", status: "operationaL"),
                row("C3", status: "Operational", provenance: "Reported"), row("C4", status: "operationa"),
                row("C5", status: "operationals", provenance: "reporte"), row("C6", status: "ended", provenance: "illustrative"),
                row("C7", status: "endeD", provenance: "illustrativE"), row("C8", status: "ende"), row("C9", status: "planned"),
                row("C10", status: "plannee", provenance: "reportedd"), row("C11", status: "live", provenance: "synthetic"),
            ])),
        HardCase(
            "C1 controls and bidirectional overrides among other characters outside ASCII",
            text([
                row("A1", name: "Caf\u{85}é"), row("A2", name: "£ \u{202E}x"), row("A3", name: "a\u{A0}b – ’"),
                row("A4", description: quoted("x\u{2066}y £")), row("A5", toDate: quoted("£1,000")), row("A6"),
            ])),
        HardCase(
            "trailing comma (one more, empty field)",
            text([row("A1") + ",", row("A2"), row("A3") + ",,", row("A4", year: "abc")])),
        HardCase(
            "trailing comma on the header and every row",
            text([row("A1") + ",", row("A2", source: quoted("s")) + ","], header: header + ",")),
        HardCase(
            "rows with too few and too many fields",
            text([row("A1"), "A2,HR", row("A3") + ",extra", "A4", row("A5") + ",\"x,y\",z", row("A6")])),
        HardCase("a row of only commas", text([row("A1"), String(repeating: ",", count: 13), row("A2")])),
        HardCase(
            "duplicate ids, the second left out",
            text([
                row("R1"), row("R2"), row("R1", name: "Second R1", partners: "Brent"),
                row(" R2 ", name: "Padded R2"), row("r1", name: "Lower-case r1"), row("R3"), row("R1"),
            ])),
        HardCase(
            "duplicate id whose partners appear nowhere else",
            text([
                row("R1"),
                row("R1", partners: "Upper Nowhere Parish Council; Nowhere Fire Authority", lead: "Nowhere Police"),
                row("R2", partners: "Lower Nowhere Town Council"),
            ])),
        HardCase(
            "empty and blank ids",
            text([row(""), row("  "), row(quoted("")), row("\u{A0}"), row("A1"), row("\t", year: "abc")])),
        HardCase("empty name", text([row("N1", name: ""), row("N2", name: "  "), row("N3", name: quoted("\n"))])),
        HardCase(
            "neither service area nor service",
            text([row("N1", area: "", service: ""), row("N2", area: " ", service: "\t"), row("N3", area: "", service: "HR")])),
    ]

    static let cellCases: [HardCase] = [
        HardCase(
            "a partner listed twice and two spellings of one organisation",
            text([
                row("P1", partners: "Brent; London Borough of Brent; Harrow; Harrow", lead: "Brent"),
                row("P2", partners: "london borough of brent;BRENT; Brent ;Brent", lead: "London Borough of Brent"),
                row("P3", partners: "Adur; Adur District Council; Worthing Borough Council; Worthing"),
            ])),
        HardCase(
            "empty partners cells",
            text([row("P1", partners: ""), row("P2", partners: "; ;;", lead: ""), row("P3", partners: quoted(" \n "))])),
        HardCase(
            "lead not among the partners",
            text([
                row("L1", lead: "London Borough of Harrow"), row("L2", lead: "Somewhere Else Council"),
                row("L3", partners: "Brent", lead: "brent"),
            ])),
        HardCase(
            "partners not in the organisations file",
            text([
                row("P1", partners: "Kent Fire and Rescue Service; Acme Services Ltd; Northshire Police", lead: "Acme Services Ltd"),
                row("P2", partners: "Acme Services Ltd; NHS Somewhere Trust; Somewhere Leisure Trust; Brent"),
                row("P3", partners: "Royal Borough of Kensington and Chelsea; Kensington and Chelsea; Herefordshire"),
                row("P4", partners: "Avon and Somerset Constabulary; Avon and Somerset Police; West Sussex County Council"),
            ])),
        HardCase(
            "bad and odd years",
            text(
                ["2015/16", "15", "2150", "abc", " 2016 ", "2015-04-01", "01/04/2015", "2015.0", "1944", "0", "-2015",
                 "２０１５", "2015 ", "\u{A0}2016", "20166", quoted("2016\n")]
                    .enumerated().map { row("Y\($0.offset)", year: $0.element) })),
        HardCase(
            "status and provenance in odd case or unknown",
            text(
                [("OPERATIONAL", "REPORTED"), ("Live", "Real"), ("in Place", "Illustrative"), (" ended ", "generated"),
                 ("unknown", "guess"), ("Planned ", " reported"), ("operational.", "report")]
                    .enumerated().map { row("S\($0.offset)", status: $0.element.0, provenance: $0.element.1) })),
        HardCase(
            "money written every way",
            text(
                [quoted("£1,250,000"), "£2.5m", "-5000", "1234.56", "about £2m", "", "  ", "£500k", quoted("GBP 40,000"),
                 "1.3bn", "999999999999999", quoted("−£5,000"), "£", "1,2,3", "0", "00042", "£ 12", "12p", "£1.2.3", "2 million",
                 "\u{A0}100\u{A0}", "1e6"]
                    .enumerated().map { row("M\($0.offset)", toDate: $0.element, latest: $0.element) })),
        HardCase(
            "control characters in names and descriptions",
            text([
                row("C1", name: "Red \u{1B}[31mHR\u{1B}[0m", description: "bell \u{07} here"),
                row("C2", name: "del \u{7F}", description: "next line \u{85} C1"),
                row("C3", name: "right-to-left \u{202E}reversed", description: "tab\tand\u{1B}]0;title\u{07}"),
                row("C4", area: "Back\u{1B}office", partners: "Brent\u{7}; Harrow", source: "\u{9B}31m"),
                row("\u{1B}C5"),
            ])),
        HardCase(
            "non-ASCII names and descriptions",
            text([
                row("W1", name: "Gwasanaethau a Rennir Ynys Môn", description: "Cydweithio â Gwynedd; ŵyr ŷd"),
                row("W2", name: "🤝 Shared 👩‍👩‍👧 services", description: "emoji 🇬🇧 flags and 🏳️‍🌈"),
                row("W3", name: "共享服务", description: quoted("日本語のテキスト, 한국어")),
                row("W4", name: "Cafe\u{301} combining", description: quoted("Zürich, Ærø, İstanbul, ß")),
                row("W5", name: "Ｆｕｌｌ ｗｉｄｔｈ", area: "Bäck office", region: "Südost"),
            ])),
        HardCase(
            "non-breaking spaces and tabs around values",
            text([
                row(
                    "\u{A0}B1\u{A0}", name: "\tShared HR\t", area: "\u{A0}Back office\u{A0}", service: " HR ",
                    partners: "\u{A0}Brent\u{A0};\tHarrow\t", lead: "\tBrent", region: "\u{A0}London",
                    year: "\t2016\t", status: "\u{A0}operational", toDate: quoted("\u{A0}£1,000\u{A0}"), latest: "\t500",
                    description: "\u{2003}em spaces\u{2003}", provenance: "\treported", source: "\u{A0}"),
                row("B2", area: "\u{3000}Back office\u{3000}", partners: "Brent\u{200B}"),
            ])),
        HardCase(
            "case variants of service areas and regions",
            text([
                row("V1", area: "Back office", region: "South East"),
                row("V2", area: "back office", region: "south east"),
                row("V3", area: "BACK  OFFICE", region: "SOUTH  EAST"),
                row("V4", area: "Back\toffice", service: "hr", region: "South\u{A0}East"),
                row("V5", area: "back office ", service: "HR", region: "London"),
                row("V6", area: "Legal", service: "legal", region: "LONDON"),
            ])),
        HardCase(
            "very long description (100 KB), quoted with line breaks",
            text([
                row("LONG1", description: quoted(String(repeating: "Lorem ipsum, dolor \"sit\" amet.\n", count: 3_300))),
                row("LONG2", year: "abc"),
            ])),
        HardCase(
            "very long description (100 KB), unquoted",
            text([row("LONG1", description: String(repeating: "Lorem ipsum dolor sit amet; ", count: 3_700)), row("LONG2")])),
    ]

    static let headerCases: [HardCase] = [
        HardCase(
            "an extra unknown column",
            text([row("X1") + ",Jo Bloggs", row("X2") + ",\"a, b\"", row("X3") + ",\u{1B}[31m"], header: header + ",Contact officer")),
        HardCase(
            "extra columns with blank and repeated names",
            text([row("X1") + ",a,b,c", row("X2") + ",,,"], header: header + ",,Notes 2,Notes 2")),
        HardCase(
            "header aliases (LGA wording)",
            text(
                [
                    "A1,Shared HR,\"Adur; Worthing\",Back office,\"£1,000\",500,Hosted by Adur,2008,Live,Reported",
                    "A2,Legal,Brent; Harrow; Kent County Council,Legal services,,£1.2m,,2015/16,proposed,",
                ],
                header: "Ref,Name of shared service,Councils involved,Service area,Savings to date (£),Annual savings,"
                    + "Host authority,Year started,Current status,Data type")),
        HardCase(
            "header spelt oddly and reordered",
            text(
                [
                    "South East,A1,HR,Adur; Worthing,Back office,2015/16,£2m,£1.2m,Adur,notes,operational,src,real,Shared HR",
                    "London,A2,Legal,Brent,Legal,15,,,Harrow,,unknown,,,Legal",
                ],
                header: " Region ,ID ,Service-Type,Partners:,Category,Start-Year,  Savings To Date  ,Savings (latest year),"
                    + "Lead Council,Details,STATUS,Citation,Origin,TITLE")),
        HardCase(
            "a header with only some optional columns",
            text(["A1,HR,HR,Brent,2015", "A2,IT,IT,Harrow,abc", "A3,Audit,,Brent; Adur,"], header: "id,name,service,partners,year")),
        HardCase("header only, no rows", header + "\n"),
        HardCase("header only, no final newline", header),
        HardCase("header then blank lines", header + "\r\n\r\n\n"),
        HardCase(
            "two columns give the same field",
            text(["A1,HR,HR,Brent,x"], header: "id,name,service,partners,Service"), throwsError: true),
        HardCase("required columns missing", text(["A1,HR,Back office"], header: "id,name,service_area"), throwsError: true),
        HardCase("not a CSV register", "These are my notes\nabout shared services\n", throwsError: true),
        HardCase("a file name without .csv", text(plainRows + [row("A4", year: "abc")]), file: "arrangements"),
        HardCase(
            "rows of only empty cells, as a spreadsheet saves cleared rows",
            text(
                [row("A1"), String(repeating: ",", count: 13), " , ,\t, ", row("A2", year: "abc"), ",,,", ",,,"],
                ending: "\r\n", finalEnding: false)),
    ]

    /// Cases from the hostile-input corpus (Tests/SSMapCommandsTests/Corpus), at sizes that
    /// let every stretch split be tried.
    static let hostileInputCases: [HardCase] = [
        HardCase(
            "a row of 10,000 fields",
            text([row("A1"), "A2" + String(repeating: ",", count: 9_999), row("A3", year: "abc")])),
        HardCase(
            "lines of 100,000 characters, one ending in a stray quote",
            text([
                row("A1", name: String(repeating: "y", count: 100_000), toDate: "about £2m"),
                row("A2", name: String(repeating: "z", count: 100_000) + "\""), row("A3", year: "abc"),
            ])),
        HardCase(
            "an unterminated quote after a 100,000-character field",
            text([row("A1", description: String(repeating: "d", count: 100_000)), row("A2", description: "\"open")]),
            throwsError: true),
        // Enough partners that a row's are looked up in a set rather than searched.
        HardCase(
            "1,000 partners with one repeated",
            text([
                row("A1", partners: (["Brent"] + (1...999).map { "Council \($0)" } + ["Council 7"]).joined(separator: "; "),
                    lead: "Brent"),
                row("A2", partners: (1...40).map { "Council \($0 % 20)" }.joined(separator: "; ")),
            ])),
        HardCase(
            "10,000 blank lines of every kind before the header",
            String(repeating: "\n\r\n\r \t \n", count: 2_500) + text([row("A1", year: "abc"), row("A2")])),
        HardCase("a header of only commas", ",,,,\n,,,,\n", throwsError: true),
        HardCase(
            "column names longer than messages show, and with escape codes",
            text(
                [row("A1", toDate: "about £2m") + ",\u{1B}[31mred", row("A2", latest: "x") + ",plain"],
                header: header.replacingOccurrences(of: "savings_to_date", with: "Savings to date" + String(repeating: "!", count: 200))
                    + ",Notes\u{1B}[31m")),
        HardCase(
            "formulas, guarded with an apostrophe and not",
            text([
                row("G1", name: "'=1+1", status: "'-2+3", toDate: "'=1000", description: "'+SUM(A1)"),
                row("G2", name: "=1+1", service: "@cmd", description: quoted("=HYPERLINK(\"http://example.com\")")),
                row("G3", name: "'plain apostrophe", description: "'@'"),
            ])),
    ]

    // MARK: Many hard rows, so odd rows land in different chunks of the fast reader

    /// One of the kinds of hard row, numbered `number`: every id unique, except that every
    /// tenth row of kind 16 after the first thousand repeats the id of the kind-16 row 988 rows
    /// earlier (so a duplicate is found across chunks).
    static func mixedRow(_ number: Int, kind: Int, oddQuotes: Bool) -> String {
        let id = "M\(number)"
        switch kind {
        case 0: return row(id)
        case 1: return row(id, name: quoted("Adur, Worthing \"\(number)\""), description: quoted("a, \"b\", c"))
        case 2: return row(id, description: quoted("line one\nline two \(number)\nline three"))
        case 3: return row(id, description: quoted("line one\r\nline two\r\n"))
        case 4: return row(id, name: quoted("lone\rCR"), description: quoted("x\ry"))
        case 5: return row(id, year: ["2015/16", "15", "2150", "abc", " 2016 "][number % 5], toDate: "£2.5m", latest: "about £2m")
        case 6: return row(id, name: "Red \u{1B}[31m\(number)", description: "bell\u{07} del\u{7F} rlo\u{202E} nel\u{85}")
        case 7: return row(id, name: "Ynys Môn 🤝 \(number) 共享", description: "Cydweithio â Gwynedd 👩‍👩‍👧")
        case 8: return row(id, area: "\u{A0}Back office\u{A0}", partners: "\tBrent\u{A0};Harrow\t", year: "\t2014")
        case 9: return "\(id),too,few"
        case 10: return row(id) + ",too,many"
        case 11: return row(id, name: "Bob's \"best\" \(number)")
        case 12: return row(id, name: "\"Shared\" after \(number)")
        case 13:
            return row(
                id, partners: "Parish Council \(number); Brent; Fire Authority \(number % 7)", lead: "Lead Body \(number % 11)")
        case 14: return row(id, partners: "Brent; London Borough of Brent; Harrow; Harrow; Adur")
        case 15: return row(number % 2 == 0 ? "" : " ", name: "no id \(number)")
        case 16:
            return row(
                number > 1_000 && (number / mixedKinds) % 10 == 0 ? "M\(number - 988)" : id,
                partners: "Only In Row \(number) Council")
        case 17: return row(id, name: "", area: "", service: "", partners: "", lead: "")
        case 18:
            return [id, "All quoted \(number)", "BACK  OFFICE", "hr", "Brent; Harrow", "Brent", "LONDON", "2016",
                    "Operational", "1,000", "100", "quoted", "REPORTED", ""].map(quoted).joined(separator: ",")
        case 19:
            return row(
                id,
                description: quoted(
                    "Looks like rows:\n" + row("FAKE\(number)", description: quoted("q, r")) + "\n"
                        + String(repeating: "filler, \"text\"\n", count: 40)))
        case 20: return row(id) + "\n\n\r\n" + (number % 2 == 0 ? String(repeating: ",", count: 13) : " , ,\t,")
        case 21: return row(id, status: ["OPERATIONAL", "Live", "gone", "planned "][number % 4], provenance: "Real")
        case 22: return row(id) + ","
        case 23: return row(id, area: ["Back office", "back office", "BACK  OFFICE"][number % 3], region: "south east")
        case oddQuoteKind:
            // Stray quotes in an unquoted field: four of them, or three in odd rows with `oddQuotes`.
            return row(id, description: "5\" tall and \"quoted\" words" + (oddQuotes && number % 2 == 1 ? "" : "\""))
        default: return row(id, name: quoted("\(number)\n\n\n"), source: quoted("\"\"\"\""))
        }
    }

    static let mixedKinds = 26
    /// The kind of row with an odd number of quotes when its number is odd.
    static let oddQuoteKind = 24

    /// `count` rows of every kind in turn (starting at `rotation`), with line endings that
    /// change every few rows and no line end after the last row. Without `oddQuotes`, no row
    /// has an odd number of quotes, so the fast reader can split the text where it likes;
    /// with them, a stray quote makes it misjudge where records start (and fall back).
    static func mixedText(count: Int, rotation: Int, oddQuotes: Bool) -> String {
        var text = header + "\n"
        for number in 1...count {
            let kind = (number + rotation) % mixedKinds
            text += mixedRow(number, kind: kind, oddQuotes: oddQuotes)
            if number < count { text += ["\n", "\r\n", "\r"][(number / 7) % 3] }
        }
        return text
    }

    struct MixedVariant: Sendable, CustomTestStringConvertible {
        let rotation: Int
        let oddQuotes: Bool
        var testDescription: String { "rotation \(rotation)\(oddQuotes ? ", with odd quotes" : "")" }
    }

    @Test(
        arguments: [
            MixedVariant(rotation: 0, oddQuotes: false), MixedVariant(rotation: 11, oddQuotes: false),
            MixedVariant(rotation: 5, oddQuotes: true),
        ], Organisations.allCases)
    func manyHardRows(_ variant: MixedVariant, organisations: Organisations) {
        let text = Self.mixedText(count: 3_000, rotation: variant.rotation, oddQuotes: variant.oddQuotes)
        let reference = Self.expectSameOutcome(
            arrangements: Array(text.utf8), file: Self.file,
            organisations: organisations.bytes, organisationsFile: organisations.file)
        guard case .loaded(let loaded) = reference else {
            Issue.record("the reference reader could not load the mixed text: \(reference)")
            return
        }
        // Most rows are kept: the case tests rows, not a refused file.
        #expect(loaded.register.count > 2_000)
        #expect(loaded.errorCount > 100)
    }

    // MARK: Ordinary rows that give the merge work, merged on every core

    /// Row `number` of a text whose rows are all ordinary (no cell needs a closer look)
    /// but give the merge work: ids used before (in the same stretch and in earlier ones),
    /// partners named otherwise than their organisation or twice under two names, unknown
    /// partners and leads, a lead that is not a partner, categories spelt otherwise and new
    /// ones, qualified and forecast figures, and blanks.
    static func mergeWorkRow(_ number: Int) -> String {
        let id = mergeWorkID(number)
        let qualifier: String
        switch number % 13 {
        case 0:
            return row(id, partners: "Brent; Harrow", lead: "Harrow") + ","
        case 1:
            return row(id, partners: "Brent; London Borough of Brent; Adur District Council", lead: "Brent") + ","
        case 2:
            return row(id, partners: "Parish Council \(number % 50); Brent", lead: "Lead Body \(number % 11)") + ","
        case 3:
            return row(id, area: "back office", service: "hr", region: "south east") + ","
        case 4:
            return row(id, area: "Area \(number % 23)", service: "Service \(number % 31)") + ","
        case 5: qualifier = "at least"
        case 6: qualifier = "forecast"
        case 7:
            return row(id, lead: "", year: "", status: "planned", toDate: "", latest: "") + ","
        case 8:
            return row(id, name: quoted("Quoted, \"\(number)\""), description: quoted("two\nlines")) + ","
        case 9 where number > 2_000:
            // Text outside ASCII only late in the file: the register must still fold it for search.
            return row(id, name: "Café \(number)", description: "Ynys Môn") + ","
        default:
            return row(id) + ","
        }
        return row(id, toDate: quoted("1,500")) + "," + qualifier
    }

    /// Every 17th row after the 400th names the id of a row 397 before, and every 29th that
    /// of the row 2 before (which may itself not be its own).
    static func mergeWorkID(_ number: Int) -> String {
        if number % 29 == 0 { return "R\(number - 2)" }
        if number > 400 && number % 17 == 0 { return "R\(number - 397)" }
        return "R\(number)"
    }

    @Test(arguments: Organisations.allCases)
    func ordinaryRowsAreMergedOnEveryCoreExactlyAsReadRowByRow(_ organisations: Organisations) throws {
        let count = 3_000
        let text = ([LoaderTests.header + ",savings_to_date_qualifier"] + (1...count).map(Self.mergeWorkRow))
            .joined(separator: "\n")
        let bytes = Array(text.utf8)
        // Every row is ordinary, so however the text is cut, the stretches are merged on every core.
        for minimumBytes in [1, bytes.count / 7, bytes.count / 2, 1 << 20] {
            var diagnostics: [Diagnostic] = []
            var builder: RegisterBuilder
            if let organisationBytes = organisations.bytes, let file = organisations.file {
                builder = RegisterBuilder()
                try OrganisationsReader.read(bytes: organisationBytes, file: file, into: &builder, diagnostics: &diagnostics)
            } else {
                builder = try BundledOrganisations.builder(diagnostics: &diagnostics)
            }
            let reading = try bytes.withUnsafeBufferPointer { buffer in
                try FastArrangementsReader.read(
                    buffer, pages: PageReleaser(base: nil, count: 0), file: Self.file,
                    organisationsFile: organisations.file, minimumStretchBytes: minimumBytes, into: &builder,
                    diagnostics: &diagnostics, progress: nil)
            }
            #expect(reading.merge == .onEveryCore, "stretches of at least \(minimumBytes) bytes")
        }
        let reference = Self.expectSameOutcome(
            arrangements: bytes, file: Self.file, organisations: organisations.bytes,
            organisationsFile: organisations.file)
        guard case .loaded(let loaded) = reference else {
            Issue.record("the reference reader could not load the text: \(reference)")
            return
        }
        // The merge had each kind of work to do.
        var seen: Set<String> = []
        let repeatedIDs = (1...count).filter { !seen.insert(Self.mergeWorkID($0)).inserted }.count
        #expect(loaded.errorCount == repeatedIDs)
        #expect(loaded.register.count == count - repeatedIDs)
        #expect(!loaded.register.partnerSpellings.isEmpty)
        #expect(!loaded.register.interned[ArrangementField.serviceArea.slot].written.isEmpty)
        #expect(loaded.register.amounts[ArrangementField.savingsToDate.slot].forecasts.count > 100)
        #expect(loaded.diagnostics.contains { $0.message.contains("more than once") })
        #expect(loaded.diagnostics.contains { $0.message.contains("is not one of the partners") })
        #expect(!loaded.register.foldedNonASCIIText.isEmpty)
    }

    // MARK: Comparing

    /// The comparison itself must notice a difference, or every case above passes vacuously.
    @Test func theComparisonNoticesDifferences() throws {
        func load(_ rows: [String]) throws -> LoadedRegister {
            try RegisterLoader.load(
                arrangementBytes: Array(Self.text(rows, header: Self.header + ",Contact").utf8), file: Self.file,
                organisationBytes: Array(LoaderTests.organisations.utf8), organisationsFile: LoaderTests.organisationsFile,
                reading: .rowAtATime)
        }
        let base = try load([Self.row("A1") + ",n", Self.row("A2", partners: "Brent; Harrow") + ",n"])
        #expect(registerDifferences(base.register, base.register).isEmpty)
        #expect(Self.diagnosticDifferences(base.diagnostics, base.diagnostics).isEmpty)
        let variants: [(field: String, rows: [String])] = [
            ("startYear", [Self.row("A1", year: "2016") + ",n", Self.row("A2", partners: "Brent; Harrow") + ",n"]),
            ("partners", [Self.row("A1") + ",n", Self.row("A2", partners: "Harrow; Brent") + ",n"]),
            ("extraValues", [Self.row("A1") + ",m", Self.row("A2", partners: "Brent; Harrow") + ",n"]),
            ("line", [Self.row("A1") + ",n", "", Self.row("A2", partners: "Brent; Harrow") + ",n"]),
            ("count", [Self.row("A1") + ",n"]),
            ("description", [Self.row("A1", description: "Other.") + ",n", Self.row("A2", partners: "Brent; Harrow") + ",n"]),
        ]
        for variant in variants {
            let other = try load(variant.rows)
            let differences = registerDifferences(base.register, other.register)
            #expect(
                differences.contains { $0.contains(variant.field) },
                "a changed \(variant.field) was not reported: \(differences)")
        }
        let warned = try load([Self.row("A1", year: "abc") + ",n", Self.row("A2", partners: "Brent; Harrow") + ",n"])
        #expect(!Self.diagnosticDifferences(base.diagnostics, warned.diagnostics).isEmpty)
    }

    enum Outcome: CustomStringConvertible {
        case loaded(LoadedRegister)
        case failed(LoadError)

        var description: String {
            switch self {
            case .loaded(let loaded):
                return "loaded \(loaded.register.count) rows with \(loaded.diagnostics.count) diagnostics"
            case .failed(let error):
                return "threw \(error)"
            }
        }
    }

    static func outcome(
        _ reading: RegisterLoader.ArrangementsReading, arrangements: [UInt8], file: String,
        organisations: [UInt8]?, organisationsFile: String?
    ) -> Outcome {
        do {
            return .loaded(
                try RegisterLoader.load(
                    arrangementBytes: arrangements, file: file, organisationBytes: organisations,
                    organisationsFile: organisationsFile, reading: reading))
        } catch {
            return .failed(error)
        }
    }

    /// The fast readings to compare with the reference: the default `.fast` (stretches of
    /// at least 1 MB, so small texts are one stretch), and stretches small enough that the
    /// text is cut into 2, 3, … pieces, putting stretch boundaries all over it.
    static func fastReadings(byteCount: Int) -> [RegisterLoader.ArrangementsReading] {
        var readings: [RegisterLoader.ArrangementsReading] = [.fast, .inStretches(minimumBytes: 1)]
        for pieces in 2...max(2, min(16, Parallel.coreCount * 4)) {
            let reading = RegisterLoader.ArrangementsReading.inStretches(minimumBytes: max(1, byteCount / pieces))
            if !readings.contains(reading) { readings.append(reading) }
        }
        return readings
    }

    /// Loads the bytes with the reference reader and with each fast reading, records every
    /// difference, and returns the reference outcome.
    @discardableResult
    static func expectSameOutcome(
        arrangements: [UInt8], file: String, organisations: [UInt8]?, organisationsFile: String?,
        readings: [RegisterLoader.ArrangementsReading]? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Outcome {
        let reference = outcome(
            .rowAtATime, arrangements: arrangements, file: file, organisations: organisations,
            organisationsFile: organisationsFile)
        for reading in readings ?? fastReadings(byteCount: arrangements.count) {
            let fast = outcome(
                reading, arrangements: arrangements, file: file, organisations: organisations,
                organisationsFile: organisationsFile)
            expectSame(reference, fast, reading: "\(reading)", sourceLocation: sourceLocation)
        }
        return reference
    }

    static func expectSame(_ reference: Outcome, _ fast: Outcome, reading: String, sourceLocation: SourceLocation) {
        switch (reference, fast) {
        case (.failed(let expected), .failed(let actual)):
            #expect(actual.file == expected.file, "\(reading)", sourceLocation: sourceLocation)
            #expect(actual.line == expected.line, "\(reading)", sourceLocation: sourceLocation)
            #expect(actual.column == expected.column, "\(reading)", sourceLocation: sourceLocation)
            #expect(actual.message == expected.message, "\(reading)", sourceLocation: sourceLocation)
            #expect(actual == expected, "\(reading)", sourceLocation: sourceLocation)
        case (.loaded(let expected), .loaded(let actual)):
            let diagnostics = diagnosticDifferences(expected.diagnostics, actual.diagnostics)
            #expect(
                diagnostics.isEmpty,
                "\(reading): diagnostics differ (reference, then fast):\n\(diagnostics.joined(separator: "\n"))",
                sourceLocation: sourceLocation)
            let differences = registerDifferences(expected.register, actual.register)
            #expect(
                differences.isEmpty,
                "\(reading): registers differ (reference, then fast):\n\(differences.joined(separator: "\n"))",
                sourceLocation: sourceLocation)
            #expect(actual.arrangementsFile == expected.arrangementsFile, "\(reading)", sourceLocation: sourceLocation)
            #expect(actual.organisationsFile == expected.organisationsFile, "\(reading)", sourceLocation: sourceLocation)
        case (.failed, .loaded), (.loaded, .failed):
            Issue.record(
                "the reference reader \(reference) but the fast reader (\(reading)) \(fast)", sourceLocation: sourceLocation)
        }
    }

    /// The first few differences between two lists of diagnostics, by position.
    static func diagnosticDifferences(_ a: [Diagnostic], _ b: [Diagnostic], limit: Int = 8) -> [String] {
        var differences: [String] = []
        if a.count != b.count { differences.append("\(a.count) diagnostics vs \(b.count)") }
        for index in 0..<max(a.count, b.count) where differences.count < limit {
            let left = index < a.count ? a[index] : nil
            let right = index < b.count ? b[index] : nil
            if left != right {
                differences.append(
                    "diagnostic \(index): \(left.map(describe) ?? "none")\n"
                        + "          vs \(right.map(describe) ?? "none")")
            }
        }
        return differences
    }

    static func describe(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.severity) \(diagnostic.location) [\(diagnostic.field ?? "-")] \(shown(diagnostic.message))"
    }

    /// A value as it appears in a difference: escaped, and shortened when long.
    static func shown(_ value: some Any) -> String {
        let text = String(reflecting: value)
        return text.count > 120 ? String(text.prefix(100)) + "… (\(text.count) characters)" : text
    }
}

/// Human-readable differences between two registers, the first few only: every row's
/// every field read through the accessors, the organisation table's columns, the
/// vocabularies and the extra columns. Empty when the registers are the same. Without
/// `comparingText`, names and descriptions (and the search of them) are left out.
func registerDifferences(_ a: Register, _ b: Register, comparingText: Bool = true, limit: Int = 12) -> [String] {
    var differences: [String] = []
    var more = 0
    func note(_ text: @autoclosure () -> String) {
        if differences.count < limit { differences.append(text()) } else { more += 1 }
    }
    // `what` is only worked out when there is a difference: a big register has many fields.
    func compare<T: Equatable>(_ what: @autoclosure () -> String, _ x: T, _ y: T) {
        if x != y { note("\(what()): \(ReaderEquivalenceTests.shown(x)) vs \(ReaderEquivalenceTests.shown(y))") }
    }
    /// A column compared element by element: its length, then its first few differing entries.
    func compareColumn<T: Equatable>(_ what: String, _ x: [T], _ y: [T]) {
        if x.count != y.count { note("\(what): \(x.count) entries vs \(y.count)") }
        var shownHere = 0
        for index in 0..<min(x.count, y.count) where x[index] != y[index] {
            shownHere += 1
            if shownHere > 3 {
                note("\(what): more entries differ after [\(index)]")
                break
            }
            compare("\(what)[\(index)]", x[index], y[index])
        }
    }

    compare("count", a.count, b.count)
    if comparingText { compare("keepsText", a.keepsText, b.keepsText) }
    compare("allRows", a.allRows, b.allRows)
    compare("extraColumnNames", a.extraColumnNames, b.extraColumnNames)
    compareColumn("serviceAreas", a.serviceAreas.values, b.serviceAreas.values)
    compareColumn("services", a.services.values, b.services.values)
    compareColumn("regions", a.regions.values, b.regions.values)

    let x = a.organisations
    let y = b.organisations
    compare("organisations.count", x.count, y.count)
    compare("organisations.listedCouncilCount", x.listedCouncilCount, y.listedCouncilCount)
    compareColumn("organisations.names", x.names, y.names)
    compareColumn("organisations.sectors", x.sectors, y.sectors)
    compareColumn("organisations.types", x.types, y.types)
    compareColumn("organisations.regions", x.regions, y.regions)
    compareColumn("organisations.gssCodes", x.gssCodes, y.gssCodes)
    compareColumn("organisations.latitudes", x.latitudes, y.latitudes)
    compareColumn("organisations.longitudes", x.longitudes, y.longitudes)
    compareColumn("organisations.listed", x.listed, y.listed)
    compare("organisations.extraColumnNames", x.extraColumnNames, y.extraColumnNames)
    compareColumn("organisations.extraValues", x.extraValues, y.extraValues)
    compareColumn("sectorMasks", a.sectorMasks, b.sectorMasks)

    func organisationName(_ register: Register, _ id: Int32?) -> String? {
        guard let id else { return nil }
        return register.organisations.names.indices.contains(Int(id)) ? register.organisations.names[Int(id)] : "#\(id)?"
    }
    let noMatch = Array("\u{1}no such text\u{1}".utf8)
    for row in 0..<min(a.count, b.count) {
        if differences.count >= limit {
            more += 1
            continue
        }
        var at: String { "row \(row) (\(ReaderEquivalenceTests.shown(a.id(row))), line \(a.line(row)))" }
        compare("\(at) id", a.id(row), b.id(row))
        if comparingText { compare("\(at) name", a.name(row), b.name(row)) }
        compare("\(at) serviceArea", a.serviceArea(row), b.serviceArea(row))
        compare("\(at) service", a.service(row), b.service(row))
        compare("\(at) region", a.region(row), b.region(row))
        compare("\(at) lead", a.lead(row), b.lead(row))
        compare("\(at) lead's name", organisationName(a, a.lead(row)), organisationName(b, b.lead(row)))
        compare("\(at) partners", Array(a.partners(row)), Array(b.partners(row)))
        compare(
            "\(at) partners' names", a.partners(row).map { organisationName(a, $0) },
            b.partners(row).map { organisationName(b, $0) })
        compare("\(at) partnerCount", a.partnerCount(row), b.partnerCount(row))
        compare("\(at) serviceAreaAsWritten", a.serviceAreaAsWritten(row), b.serviceAreaAsWritten(row))
        compare("\(at) serviceAsWritten", a.serviceAsWritten(row), b.serviceAsWritten(row))
        compare("\(at) regionAsWritten", a.regionAsWritten(row), b.regionAsWritten(row))
        compare("\(at) partnersAsWritten", a.partnersAsWritten(row), b.partnersAsWritten(row))
        compare("\(at) leadAsWritten", a.leadAsWritten(row), b.leadAsWritten(row))
        compare("\(at) startYear", a.startYear(row), b.startYear(row))
        compare("\(at) status", a.status(row), b.status(row))
        compare("\(at) provenance", a.provenance(row), b.provenance(row))
        compare("\(at) savingsToDate", a.savingsToDate(row), b.savingsToDate(row))
        compare("\(at) savingsLatestYear", a.savingsLatestYear(row), b.savingsLatestYear(row))
        if comparingText { compare("\(at) description", a.description(row), b.description(row)) }
        compare("\(at) source", a.source(row), b.source(row))
        compare("\(at) line", a.line(row), b.line(row))
        compare("\(at) extraValues", a.extraValues(row), b.extraValues(row))
        compare("\(at) isCrossSector", a.isCrossSector(row), b.isCrossSector(row))
        for sector in Sector.allCases {
            compare("\(at) involves \(sector.name)", a.involves(row, sector: sector), b.involves(row, sector: sector))
        }
        // The folded search text, asked about through the search itself.
        for needle in !comparingText ? [] : [
            Array(TextSearch.fold(a.name(row)).utf8), Array(TextSearch.fold(a.description(row)).utf8),
            Array(TextSearch.fold(String(a.name(row).suffix(3))).utf8), noMatch,
        ] {
            compare(
                "\(at) textContains \(ReaderEquivalenceTests.shown(String(decoding: needle, as: UTF8.self)))",
                a.textContains(row, needle), b.textContains(row, needle))
        }
    }
    if more > 0 { differences.append("… and more (\(more) further differences or rows not compared)") }
    return differences
}

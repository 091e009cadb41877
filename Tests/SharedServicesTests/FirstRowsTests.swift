import Foundation
import Testing

@testable import SharedServices

/// The first rows of a large register, shown while the whole loads, must be exactly the
/// whole register's first rows: the same arrangements at the same positions, read the same
/// way, with the same problems reported. Checked with cuts all through files shaped as
/// people's files are (a spreadsheet's CSV, hard rows with stray quotes and line breaks in
/// cells), with and without an organisations file.
@Suite("First rows of a large register")
struct FirstRowsTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        let name: String
        let text: @Sendable () throws -> String
        var testDescription: String { name }
    }

    static let shapes: [Shape] = [
        Shape(name: "generated, as a spreadsheet saves it (BOM, CRLF, quoted line breaks, £1,234 amounts)") {
            try generator().arrangementsCSV(count: 1_000, style: .spreadsheet)
        },
        Shape(name: "generated, plain") { try generator().arrangementsCSV(count: 1_000) },
        Shape(name: "hard rows, quotes even") {
            ReaderEquivalenceTests.mixedText(count: 600, rotation: 0, oddQuotes: false)
        },
        Shape(name: "hard rows with stray odd quotes") {
            ReaderEquivalenceTests.mixedText(count: 600, rotation: 5, oddQuotes: true)
        },
    ]

    static func generator() throws -> RegisterGenerator {
        let reported = try RegisterLoader.load(
            arrangements: ReaderEquivalenceTests.sampleReported, organisations: ReaderEquivalenceTests.sampleOrganisations)
        return RegisterGenerator(reported: reported.register, seed: 31)
    }

    @Test(arguments: shapes, ReaderEquivalenceTests.Organisations.allCases)
    func areTheWholeRegistersFirstRows(_ shape: Shape, _ organisations: ReaderEquivalenceTests.Organisations) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bytes = Array(try shape.text().utf8)
        let path = directory.appendingPathComponent("arrangements.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var organisationsPath: String?
        if let organisationBytes = organisations.bytes {
            organisationsPath = directory.appendingPathComponent("organisations.csv").path
            try Data(organisationBytes).write(to: URL(fileURLWithPath: organisationsPath ?? ""))
        }
        let whole = try RegisterLoader.load(arrangements: path, organisations: organisationsPath)
        #expect(whole.register.count > 500)

        var seen = Set<Int>()
        // Cuts all through the file, and a few bytes either side of some.
        let cuts = stride(from: 2_000, to: bytes.count, by: bytes.count / 13).flatMap { [$0, $0 + 1, $0 + 7] }
        for cut in cuts {
            let first = try #require(
                FirstRows.load(arrangements: path, organisations: organisationsPath, smallestFile: 0, bytesRead: cut),
                "no first rows for a cut at \(cut)")
            let register = first.loaded.register
            seen.insert(register.count)
            #expect(register.count < whole.register.count)
            #expect(first.shareOfFile > 0 && first.shareOfFile < 1 && first.shareOfFile <= Double(cut) / Double(bytes.count))
            for row in 0..<register.count {
                let firstRow = Self.describe(register, row)
                let wholeRow = Self.describe(whole.register, row)
                if firstRow != wholeRow {
                    Issue.record("cut at \(cut), row \(row): \(firstRow) vs \(wholeRow)")
                    break
                }
            }
            // The whole file's problems in the lines read, and no others.
            let end = try #require(Array(bytes[..<cut]).withUnsafeBufferPointer { FirstRows.wholeRecordsEnd($0) })
            let linesRead = Self.lineCount(bytes[..<end])
            let expected = whole.diagnostics.filter { ($0.line ?? 0) <= linesRead }
            let differences = ReaderEquivalenceTests.diagnosticDifferences(first.loaded.diagnostics, expected)
            #expect(differences.isEmpty, "cut at \(cut): \(differences)")
        }
        // The cuts gave first rows of many lengths, not one.
        #expect(seen.count > 10)
    }

    /// Every value of a row, by name rather than by the register's numbers.
    static func describe(_ register: Register, _ row: Int) -> [String] {
        func organisation(_ id: Int32?) -> String { id.map { register.organisations.names[Int($0)] } ?? "-" }
        let values: [Any?] = [
            register.id(row), register.name(row), register.serviceArea(row), register.service(row), register.region(row),
            organisation(register.lead(row)), register.partners(row).map { organisation($0) },
            register.serviceAreaAsWritten(row), register.serviceAsWritten(row), register.regionAsWritten(row),
            register.partnersAsWritten(row), register.leadAsWritten(row), register.startYear(row), register.status(row),
            register.provenance(row), register.savingsToDate(row), register.savingsLatestYear(row),
            register.description(row), register.source(row), register.line(row), register.extraValues(row),
            register.isCrossSector(row),
        ]
        return values.map { String(describing: $0) }
    }

    @Test func aRegisterBetterLoadedWholeHasNoFirstRows() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = directory.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
        let rows = (1...200).map { ReaderEquivalenceTests.row("R\($0)") }
        let csv = Array(ReaderEquivalenceTests.text(rows).utf8)
        let plain = try write("plain.csv", csv)
        // The same file gives first rows when it counts as large: the cases below are refused
        // for what they are, not for a mistake in the test.
        #expect(FirstRows.load(arrangements: plain, smallestFile: 0, bytesRead: 2_000)?.loaded.register.count ?? 0 > 5)
        // Small enough to load whole at once.
        #expect(FirstRows.load(arrangements: plain, bytesRead: 2_000) == nil)
        // The whole file fits in the bytes read.
        #expect(FirstRows.load(arrangements: plain, smallestFile: 0, bytesRead: csv.count) == nil)
        // Not a CSV file.
        let json = try write("register.json", Array(#"[{"id": "J1", "name": "x"}]"#.utf8) + Array(repeating: 0x20, count: 4_000))
        #expect(FirstRows.load(arrangements: json, smallestFile: 0, bytesRead: 100) == nil)
        let workbook = try write("register.xlsx", [0x50, 0x4B, 0x03, 0x04] + csv)
        #expect(FirstRows.load(arrangements: workbook, smallestFile: 0, bytesRead: 2_000) == nil)
        let utf16 = try write("utf16.csv", [0xFF, 0xFE] + csv)
        #expect(FirstRows.load(arrangements: utf16, smallestFile: 0, bytesRead: 2_000) == nil)
        // No whole row after the header in the bytes read: a header alone shows nothing.
        let header = ReaderEquivalenceTests.text([]).utf8.count
        #expect(FirstRows.load(arrangements: plain, smallestFile: 0, bytesRead: header + 10) == nil)
        // A quote opened in the first row and closed far beyond the bytes read.
        let longCell = try write(
            "long.csv",
            Array(ReaderEquivalenceTests.text([ReaderEquivalenceTests.row("L1", description: "\"" + String(repeating: "x\n", count: 3_000) + "\"")] + rows).utf8))
        #expect(FirstRows.load(arrangements: longCell, smallestFile: 0, bytesRead: 2_000) == nil)
        // A header missing a required column: the whole load says so; no first rows.
        let missing = try write("missing.csv", Array(("id,name\n" + String(repeating: "A,b\n", count: 1_000)).utf8))
        #expect(FirstRows.load(arrangements: missing, smallestFile: 0, bytesRead: 2_000) == nil)
        // Not there, a directory, a pipe.
        #expect(FirstRows.load(arrangements: directory.appendingPathComponent("none.csv").path, smallestFile: 0) == nil)
        #expect(FirstRows.load(arrangements: directory.path, smallestFile: 0) == nil)
        let fifo = directory.appendingPathComponent("fifo.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(FirstRows.load(arrangements: fifo, smallestFile: 0) == nil)
    }

    /// A record is whole once its line ends: a carriage return is enough (a line feed after
    /// it would add nothing to the record); the end of the bytes read is not.
    @Test func aRecordIsWholeOnceItsLineEnds() {
        let text = Array("id,name\r\nA,b\r\nC,d\r".utf8)
        #expect(text.withUnsafeBufferPointer { FirstRows.wholeRecordsEnd($0) } == text.count)
        let quoted = Array("id,name\nA,\"b\nc\"\nC,\"d\n".utf8)
        #expect(quoted.withUnsafeBufferPointer { FirstRows.wholeRecordsEnd($0) } == 16, "after \"A,\"b\\nc\"\\n\"")
        let lineFeed = Array("id,name\nA,b\nC,d\n".utf8)
        #expect(lineFeed.withUnsafeBufferPointer { FirstRows.wholeRecordsEnd($0) } == lineFeed.count)
        let unended = Array("id,name\nA,b\nC,d".utf8)
        #expect(unended.withUnsafeBufferPointer { FirstRows.wholeRecordsEnd($0) } == 12)
    }

    /// Lines as the reader counts them: CRLF, LF and a lone CR each end one.
    static func lineCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0A && previous != 0x0D || byte == 0x0D { count += 1 }
            previous = byte
        }
        return count
    }

    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ssmap-first-rows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

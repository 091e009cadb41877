import Foundation
import Testing

@testable import SharedServices

/// What a cell holds is kept byte for byte, and an export read back gives every cell
/// exactly: spaces inside quotes, line breaks as written, categories and partners spelt
/// as the file spells them, qualified figures with their qualifiers.
@Suite("Values kept exactly")
struct ExactValuesTests {
    /// A register as people write one: spreadsheet line ends, padded and multi-line cells,
    /// one category and one partner spelt several ways, qualified figures.
    static let text = "\u{FEFF}id,name,service_area,service,partners,lead,savings_to_date,savings_latest_year,"
        + "savings_latest_year_qualifier,description,Contact\r\n"
        + "E1,\"  padded  \",Back office,ICT,Adur District Council; Worthing Borough Council,Adur,"
        + "more than £1m,\"£3,000,000\",at least,\"first\r\nsecond\",\" Jo \"\r\n"
        + "E2,Plain,back  office,ict,adur district council; Worthing,ADUR DISTRICT COUNCIL,"
        + "c. £2m,,,\"line\nfeed and \"\"quotes\"\"\",\r\n"
        + "E3,Third,Culture & leisure,Leisure,Brent; Harrow,,\"up to £10m (forecast)\",,,\"lone\rcarriage\",x\r\n"

    /// Every row's cells as an export writes them.
    static func cells(_ register: Register) -> [[ExportValue]] {
        register.allRows.map(register.exportValues)
    }

    @Test func quotedCellsKeepTheirBytes() throws {
        let loaded = try RegisterLoader.load(arrangementBytes: Array(Self.text.utf8), file: "exact.csv")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let register = loaded.register
        try #require(register.count == 3)
        #expect(register.name(0) == "  padded  ")
        #expect(register.description(2) == "lone\rcarriage")
        #expect(register.description(0) == "first\r\nsecond")
        #expect(register.description(1) == "line\nfeed and \"quotes\"")
        #expect(register.extraValues(0) == [" Jo "])
        // One category and one organisation, each shown as its row spells it.
        #expect(register.serviceArea(1) == "Back office")
        #expect(register.serviceAreaAsWritten(1) == "back  office")
        #expect(register.serviceAsWritten(1) == "ict")
        #expect(register.partners(1) == register.partners(0))
        #expect(register.partnersAsWritten(1) == ["adur district council", "Worthing"])
        #expect(register.leadAsWritten(0) == "Adur")
        #expect(register.leadAsWritten(1) == "ADUR DISTRICT COUNCIL")
        #expect(register.serviceArea(2) == "Culture & leisure")
        // Qualified figures, and a forecast kept out of savings to date.
        #expect(register.savingsToDate(0) == 1_000_000 && register.savingsToDateQualifier(0) == .atLeast)
        #expect(register.savingsLatestYearQualifier(0) == .atLeast)
        #expect(register.savingsToDate(1) == 2_000_000 && register.savingsToDateQualifier(1) == .about)
        #expect(register.savingsToDate(2) == nil)
        #expect(register.forecastSavingsToDate(2) == 10_000_000)
        #expect(register.savingsToDateQualifier(2) == .forecast)
        #expect(register.countingForecasts().savingsToDate(2) == 10_000_000)
        #expect(register.headline(register.allRows).totalQualifier == .about)
        #expect(register.headline([0]).totalQualifier == .atLeast)
    }

    /// Exported raw as CSV, and as JSON, and read back: every cell is identical.
    @Test(arguments: [ExportFormat.csv, .json])
    func anExportReadsBackCellForCell(format: ExportFormat) throws {
        let original = try RegisterLoader.load(arrangementBytes: Array(Self.text.utf8), file: "exact.csv").register
        let exported = format == .csv
            ? RegisterWriter.csv(original, rows: original.allRows, neutralisingFormulas: false)
            : RegisterWriter.json(original, rows: original.allRows)
        let file = format == .csv ? "again.csv" : "again.json"
        let again = try RegisterLoader.load(arrangementBytes: Array(exported.utf8), file: file).register
        #expect(Self.cells(again) == Self.cells(original))
        #expect(again.extraColumnNames == original.extraColumnNames)
        // And once more: an export of the export is the same text.
        let twice = format == .csv
            ? RegisterWriter.csv(again, rows: again.allRows, neutralisingFormulas: false)
            : RegisterWriter.json(again, rows: again.allRows)
        #expect(twice == exported)
    }

    /// Every reading (stretches of every size, the reference reader) keeps the same bytes.
    @Test func everyReadingKeepsTheSameCells() throws {
        let bytes = Array(Self.text.utf8)
        let reference = try RegisterLoader.load(
            arrangementBytes: bytes, file: "exact.csv", organisationBytes: nil, organisationsFile: nil,
            reading: .rowAtATime
        ).register
        for minimum in [1, 16, 64, 1 << 20] {
            let fast = try RegisterLoader.load(
                arrangementBytes: bytes, file: "exact.csv", organisationBytes: nil, organisationsFile: nil,
                reading: .inStretches(minimumBytes: minimum)
            ).register
            #expect(Self.cells(fast) == Self.cells(reference), "stretches of \(minimum) bytes")
        }
    }
}

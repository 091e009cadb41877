import Testing
@testable import SharedServices

/// A UTF-8 file opened in a spreadsheet as Latin-1 keeps its byte-order mark as three
/// letters, "ï»¿", at the start of its first heading; saved again (as LibreOffice does when
/// it converts such a CSV to a workbook), that heading is "ï»¿id". It still names the column.
@Suite struct MisreadByteOrderMarkTests {
    @Test func aFirstHeadingAfterAMisreadMarkStillNamesItsColumn() throws {
        let text = "\u{EF}\u{BB}\u{BF}id,name,service,partners\nA1,Legal,Legal,Adur District Council; Worthing Borough Council\n"
        let loaded = try RegisterLoader.load(arrangementBytes: Array(text.utf8), file: "misread.csv")
        #expect(loaded.register.count == 1)
        #expect(loaded.register.id(0) == "A1")
        #expect(HeaderMatching<ArrangementField>.key("ï»¿id") == "id")
        // Only at the start: such letters inside a heading are the heading's own.
        #expect(HeaderMatching<ArrangementField>.key("idï»¿") != "id")
    }
}

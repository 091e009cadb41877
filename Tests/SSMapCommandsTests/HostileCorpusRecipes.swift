import Foundation

/// The hostile inputs too big to commit (or with names git should not hold), written when
/// the test runs. Corpus/README.md describes each recipe in words.
enum HostileRecipes {
    static let header = "id,name,service_area,service,partners,lead,region,start_year,status,savings_to_date,"
        + "savings_latest_year,description,provenance,source"

    /// One arrangement row, every field as given (quote them yourself where needed).
    static func row(
        _ id: String, name: String = "Shared HR", partners: String = "Adur District Council; Worthing Borough Council",
        year: String = "2015", savingsToDate: String = "100000", description: String = "Shared HR for two councils."
    ) -> String {
        [
            id, name, "Back office", "HR", partners, "Adur District Council", "South East", year, "operational",
            savingsToDate, "20000", description, "reported", "LGA 2017",
        ].joined(separator: ",")
    }

    private static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    /// A good row, then a row of "A2" and 9,999 commas: 10,000 fields.
    static func tenThousandFields(_ url: URL) throws {
        try write(header + "\n" + row("A1") + "\n" + "A2" + String(repeating: ",", count: 9_999) + "\n", to: url)
    }

    /// A quoted description of 50 MiB: 50 lines of 1 MiB ("x"s and a line feed), so the
    /// row after it starts on line 53; that row's year is "20x".
    static func fiftyMegabyteField(_ url: URL) throws {
        let mebibyteLine = String(repeating: "x", count: (1 << 20) - 1) + "\n"
        var text = header + "\n" + row("A1", description: "\"" + String(repeating: mebibyteLine, count: 50) + "\"") + "\n"
        text += row("A2", year: "20x") + "\n"
        try write(text, to: url)
    }

    /// A name of 1,000,000 "y"s with a savings figure that is not money; then a name of
    /// 1,000,000 "z"s ending in a stray quote, at column 1,000,004 of line 3.
    static func millionCharacterLines(_ url: URL) throws {
        let million = 1_000_000
        try write(
            header + "\n" + row("A1", name: String(repeating: "y", count: million), savingsToDate: "about two million") + "\n"
                + row("A2", name: String(repeating: "z", count: million) + "\"") + "\n",
            to: url)
    }

    /// One row of `count` partners: its lead, "Council 1" to "Council <count - 1>", then
    /// "Council 7" again.
    static func partners(_ count: Int) -> @Sendable (URL) throws -> Void {
        { url in
            let partners = ["Adur District Council"] + (1..<count).map { "Council \($0)" } + ["Council 7"]
            try write(header + "\n" + row("A1", partners: partners.joined(separator: "; ")) + "\n", to: url)
        }
    }

    /// 10,000 "[" then 10,000 "]".
    static func deepArrays(_ url: URL) throws {
        try write(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n", to: url)
    }

    /// 10,000 levels of {"a": …} around a 1: each level is five characters, so the 65th
    /// "{" is at column 321.
    static func deepObjects(_ url: URL) throws {
        try write(
            String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000) + "\n", to: url)
    }

    /// 100,000 blank lines (LF, CRLF, lone CR, and spaces and a tab, in turn), then the
    /// header on line 100,001 and a row with the year "20x" on line 100,002.
    static func blankLinesThenHeader(_ url: URL) throws {
        let blanks = String(repeating: "\n\r\n\r \t \n", count: 25_000)
        try write(blanks + header + "\n" + row("A1", year: "20x") + "\n", to: url)
    }

    /// A header of 10,000 columns "col0" to "col9999", none of them known.
    static func tenThousandColumnHeader(_ url: URL) throws {
        try write((0..<10_000).map { "col\($0)" }.joined(separator: ",") + "\n1,2\n", to: url)
    }

    /// A header whose second column's name is 1,000,000 "n"s.
    static func millionCharacterColumnName(_ url: URL) throws {
        try write("id," + String(repeating: "n", count: 1_000_000) + ",service,partners\nA1,x,HR,Adur\n", to: url)
    }

    /// A small register with a year of "20x", for names that are themselves hostile.
    static func smallRegister(_ url: URL) throws {
        try write(header + "\n" + row("A1", year: "20x") + "\n", to: url)
    }

    /// The file name for the escape-sequence case: red text, then a window title ended by BEL.
    static let escapeSequenceFileName = "\u{1B}[31mred\u{1B}]0;title\u{07}.csv"
}

import Foundation
import Testing

@testable import SharedServices

@Suite("CSV, JSON and Markdown writers")
struct ExportTests {
    typealias Row = Fixture.Row

    /// Every field of every row of two registers is the same.
    private func expectSameRegister(_ loaded: Register, _ original: Register, rows: [Int]) {
        #expect(loaded.count == rows.count)
        guard loaded.count == rows.count else { return }
        #expect(loaded.extraColumnNames == original.extraColumnNames)
        for (index, row) in rows.enumerated() {
            let what = "row \(row) (\(original.id(row)))"
            #expect(loaded.id(index) == original.id(row), "\(what) id")
            #expect(loaded.name(index) == original.name(row), "\(what) name")
            #expect(loaded.serviceArea(index) == original.serviceArea(row), "\(what) service area")
            #expect(loaded.service(index) == original.service(row), "\(what) service")
            #expect(
                Fixture.partnerNames(loaded, index) == Fixture.partnerNames(original, row), "\(what) partners")
            #expect(
                loaded.lead(index).map { loaded.organisations.names[Int($0)] }
                    == original.lead(row).map { original.organisations.names[Int($0)] }, "\(what) lead")
            #expect(loaded.region(index) == original.region(row), "\(what) region")
            #expect(loaded.startYear(index) == original.startYear(row), "\(what) start year")
            #expect(loaded.status(index) == original.status(row), "\(what) status")
            #expect(loaded.savingsToDate(index) == original.savingsToDate(row), "\(what) savings to date")
            #expect(loaded.savingsLatestYear(index) == original.savingsLatestYear(row), "\(what) latest year")
            #expect(loaded.description(index) == original.description(row), "\(what) description")
            #expect(loaded.provenance(index) == original.provenance(row), "\(what) provenance")
            #expect(loaded.source(index) == original.source(row), "\(what) source")
            #expect(loaded.extraValues(index) == original.extraValues(row), "\(what) extra columns")
            for sector in Sector.allCases {
                #expect(loaded.involves(index, sector: sector) == original.involves(row, sector: sector))
            }
        }
    }

    /// A register with the awkward text people put in cells: quotes, commas, line breaks,
    /// pipes, backslashes, a leading "=", and control characters.
    static let awkwardCSV = """
        id,name,service,partners,savings_to_date,description,contact
        Q1,"The ""Big"" Partnership, Ltd",ICT,Adur District Council; Worthing Borough Council,,"Line one
        line two, with ""quotes""\",=SUM(A1)
        Q2,Pipes | and \\ backslashes,Payroll,Adur District Council; West Sussex County Council,0,"Tab\there, bell\u{07}, escape\u{1B}[31m red, line\u{2028}separator, del\u{7F}, next\u{85}line",
        Q3,Plain,Payroll,Torbay Council; Devon County Council,-2500,Costs more than it saves,"  padded  "

        """

    // MARK: CSV

    @Test func csvRoundTripGivesTheSameRegister() throws {
        let original = try Fixture.register()
        let csv = RegisterWriter.csv(original, rows: original.allRows)
        let reloaded = try Fixture.load(csv, file: "round-trip.csv")
        #expect(reloaded.diagnostics.isEmpty, "\(reloaded.diagnostics)")
        expectSameRegister(reloaded.register, original, rows: original.allRows)
        // Spot checks of the values most easily lost.
        #expect(reloaded.register.savingsToDate(Row.southwestOne) == 0)
        #expect(reloaded.register.savingsToDate(Row.fireWorkingGroup) == nil)
        #expect(reloaded.register.extraValues(Row.cafe) == ["has, comma"])
        #expect(reloaded.register.name(Row.cafe) == "Café Culture Partnership")
    }

    @Test func csvHeaderIsTheSchemaThenTheExtraColumns() throws {
        let register = try Fixture.register()
        let csv = RegisterWriter.csv(register, rows: [])
        #expect(
            csv
                == "id,name,service_area,service,partners,lead,region,start_year,status,savings_to_date,"
                + "savings_latest_year,savings_to_date_qualifier,savings_latest_year_qualifier,description,provenance,"
                + "source,contact\n")
    }

    @Test func csvOfSomeRowsInTheOrderGiven() throws {
        let original = try Fixture.register()
        let rows = [Row.legal, Row.fireWorkingGroup, Row.hub]
        let csv = RegisterWriter.csv(original, rows: rows)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("X4,Legal Services Hub,,Legal services,"))
        // Blank figures are written blank, not as 0; £0 as 0.
        #expect(
            lines[2]
                == "X2,West Sussex Fire Co-ordination,Community safety,Fire and rescue collaboration,"
                + "West Sussex County Council; West Sussex Fire and Rescue Service,West Sussex County Council,"
                + "South East,2017,planned,,,,,Fire service and county council working group on home safety.,"
                + "illustrative,,")
        let reloaded = try Fixture.load(csv, file: "some.csv")
        expectSameRegister(reloaded.register, original, rows: rows)
        let zero = RegisterWriter.csv(original, rows: [Row.southwestOne]).split(separator: "\n")[1]
        #expect(zero.contains(",ended,0,,,,Joint venture"))
    }

    @Test func csvRoundTripOfAwkwardText() throws {
        let original = try Fixture.load(Self.awkwardCSV, file: "awkward.csv")
        #expect(original.errorCount == 0)
        #expect(original.register.count == 3)
        #expect(original.register.name(0) == "The \"Big\" Partnership, Ltd")
        #expect(original.register.description(0) == "Line one\nline two, with \"quotes\"")
        let csv = RegisterWriter.csv(original.register, rows: original.register.allRows)
        let reloaded = try Fixture.load(csv, file: "awkward-again.csv")
        #expect(reloaded.errorCount == 0, "\(reloaded.diagnostics)")
        expectSameRegister(reloaded.register, original.register, rows: original.register.allRows)
        #expect(reloaded.register.extraValues(2) == ["  padded  "])
        #expect(reloaded.register.savingsToDate(2) == -2_500)
    }

    @Test func csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        #expect(CSVWriter.field("plain") == "plain")
        #expect(CSVWriter.field("") == "")
        #expect(CSVWriter.field("a, b") == "\"a, b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("one\ntwo") == "\"one\ntwo\"")
        #expect(CSVWriter.field("one\rtwo") == "\"one\rtwo\"")
        #expect(CSVWriter.field(" padded") == "\" padded\"")
        #expect(CSVWriter.field("Café") == "Café")
        #expect(CSVWriter.line(["a", "b,c", ""]) == "a,\"b,c\",\n")
    }

    @Test func csvQuotesAWindowsLineBreak() {
        // "\r\n" is one Character in Swift; it must still be quoted.
        #expect(CSVWriter.field("one\r\ntwo") == "\"one\r\ntwo\"")
    }

    @Test func csvOfJSONTextWithAWindowsLineBreakLoadsBack() throws {
        let json = """
            [{"id": "J1", "name": "Carriage", "service": "ICT",
              "partners": ["Adur District Council", "Worthing Borough Council"],
              "savings_to_date": 1000, "description": "first line\\r\\nsecond line", "source": "minutes"}]
            """
        let original = try Fixture.load(json, file: "crlf.json")
        #expect(original.errorCount == 0)
        #expect(original.register.description(0) == "first line\r\nsecond line")
        let csv = RegisterWriter.csv(original.register, rows: [0])
        let reloaded = try Fixture.load(csv, file: "crlf.csv")
        #expect(reloaded.errorCount == 0, "\(reloaded.diagnostics)")
        #expect(reloaded.register.count == 1)
        guard reloaded.register.count == 1 else { return }
        #expect(reloaded.register.savingsToDate(0) == 1_000)
        #expect(reloaded.register.source(0) == "minutes")
        // Line breaks inside a CSV field are read back as written.
        #expect(reloaded.register.description(0) == "first line\r\nsecond line")
    }

    // MARK: JSON

    private func parseJSON(_ text: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [[String: Any]], "not an array of objects")
    }

    /// A JSON number as parsed by Foundation (an `NSNumber` or a Swift integer); nil for
    /// null, text or anything else.
    private func number(_ value: Any?) -> Int64? {
        switch value {
        case let number as NSNumber: return number.int64Value
        case let number as Int: return Int64(number)
        case let number as Int64: return number
        default: return nil
        }
    }

    @Test func jsonIsValidWithTypedValues() throws {
        let register = try Fixture.register()
        let text = RegisterWriter.json(register, rows: register.allRows)
        let objects = try parseJSON(text)
        #expect(objects.count == 8)
        for object in objects {
            #expect(Set(object.keys) == Set(register.exportColumnNames))
        }
        #expect(objects.map { $0["id"] as? String } == ["R3", "R1", "X2", "R2", "x1", "R4", "X3", "X4"])

        let southwestOne = objects[Row.southwestOne]
        #expect(
            southwestOne["partners"] as? [String] == [
                "Somerset County Council", "Avon and Somerset Constabulary", "IBM UK Ltd", "Torbay Council",
            ])
        // An explicit £0 is the number 0; a blank is null.
        #expect(number(southwestOne["savings_to_date"]) == 0)
        #expect(southwestOne["savings_latest_year"] is NSNull)
        #expect(number(southwestOne["start_year"]) == 2007)
        #expect(southwestOne["status"] as? String == "ended")

        let fire = objects[Row.fireWorkingGroup]
        #expect(fire["savings_to_date"] is NSNull)
        #expect(fire["savings_latest_year"] is NSNull)

        let adurWorthing = objects[Row.adurWorthing]
        #expect(number(adurWorthing["savings_to_date"]) == 17_000_000)
        #expect(number(adurWorthing["savings_latest_year"]) == 3_000_000)
        #expect(adurWorthing["partners"] as? [String] == ["Adur District Council", "Worthing Borough Council"])

        let cafe = objects[Row.cafe]
        #expect(cafe["name"] as? String == "Café Culture Partnership")
        #expect(number(cafe["savings_to_date"]) == 125_555)
        for key in ["start_year", "status", "region", "lead", "service", "provenance"] {
            #expect(cafe[key] is NSNull, "\(key) of row 6")
        }
        #expect(cafe["contact"] as? String == "has, comma")
        #expect(objects[Row.legal]["service_area"] is NSNull)
    }

    @Test func jsonOfNoRowsIsAnEmptyArray() throws {
        let register = try Fixture.register()
        let text = RegisterWriter.json(register, rows: [])
        #expect(try parseJSON(text).isEmpty)
    }

    @Test func jsonEscapesControlCharacters() throws {
        let loaded = try Fixture.load(Self.awkwardCSV, file: "awkward.csv")
        let register = loaded.register
        let text = RegisterWriter.json(register, rows: register.allRows)
        // No control character appears raw: only the line breaks between members.
        let raw = text.unicodeScalars.filter { scalar in
            let value = scalar.value
            return scalar != "\n" && (value < 0x20 || (0x7F..<0xA0).contains(value) || value == 0x2028 || value == 0x2029)
        }
        #expect(raw.isEmpty, "raw control characters in JSON: \(raw.map { String($0.value, radix: 16) })")
        #expect(text.contains("\\u001b[31m"))
        #expect(text.contains("\\t"))
        #expect(text.contains("\\n"))
        let objects = try parseJSON(text)
        #expect(objects.count == 3)
        for (row, object) in objects.enumerated() {
            #expect(object["name"] as? String == register.name(row))
            #expect(object["description"] as? String == register.description(row))
        }
        #expect(objects[1]["name"] as? String == "Pipes | and \\ backslashes")
        #expect(number(objects[2]["savings_to_date"]) == -2_500)
    }

    @Test func jsonQuoting() {
        #expect(JSONWriter.quoted("plain") == "\"plain\"")
        #expect(JSONWriter.quoted("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(JSONWriter.quoted("\u{0}\u{1F}\u{7F}") == "\"\\u0000\\u001f\\u007f\"")
        #expect(JSONWriter.quoted("\r\n\t") == "\"\\r\\n\\t\"")
        #expect(JSONWriter.quoted("\u{2028}\u{2029}") == "\"\\u2028\\u2029\"")
        #expect(JSONWriter.quoted("Môn") == "\"Môn\"")
        #expect(JSONWriter.value(.list([])) == "[]")
        #expect(JSONWriter.value(.missing) == "null")
        #expect(JSONWriter.value(.number(-42)) == "-42")
    }

    @Test func jsonRoundTripGivesTheSameRegister() throws {
        let original = try Fixture.register()
        let text = RegisterWriter.json(original, rows: original.allRows)
        let reloaded = try Fixture.load(text, file: "round-trip.json")
        #expect(reloaded.diagnostics.isEmpty, "\(reloaded.diagnostics)")
        expectSameRegister(reloaded.register, original, rows: original.allRows)
    }

    // MARK: Markdown

    /// The cells of a Markdown table row, split at pipes that are not escaped.
    private func cells(_ line: Substring) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current)
        // The text before the first pipe and after the last is empty.
        return cells.dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func markdownTableOfTheFixture() throws {
        let register = try Fixture.register()
        let text = RegisterWriter.markdown(register, rows: [Row.hub, Row.southwestOne, Row.fireWorkingGroup])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6)  // header, rule, three rows, and the empty text after the last newline
        #expect(
            lines[0] == "| ID | Name | Service area | Service | Partners | Region | Start | Status | Saved to date |")
        #expect(lines[1] == "| --- | --- | --- | --- | --- | --- | ---: | --- | ---: |")
        #expect(
            cells(lines[2]) == [
                "R3", "HuB Procurement", "Back office", "Procurement",
                "London Borough of Brent; London Borough of Harrow", "London", "2016", "operational", "£500,000",
            ])
        // An explicit £0 is shown as £0, a blank as "not reported".
        #expect(cells(lines[3]).last == "£0")
        #expect(cells(lines[4]).last == "not reported")
        #expect(lines[5].isEmpty)
    }

    @Test func markdownRowWithMissingValues() throws {
        let register = try Fixture.register()
        let text = RegisterWriter.markdown(register, rows: [Row.cafe])
        let line = text.split(separator: "\n")[2]
        #expect(
            cells(line) == [
                // Partners as the file names them ("Brent", not "London Borough of Brent").
                "X3", "Café Culture Partnership", "Culture and leisure", "",
                "Brent; Harrow; Devon County Council; Torbay Council; West Sussex County Council",
                "", "", "", "£125,555",
            ])
    }

    @Test func markdownEscapesPipesBackslashesAndLineBreaks() throws {
        let loaded = try Fixture.load(Self.awkwardCSV, file: "awkward.csv")
        let register = loaded.register
        let text = RegisterWriter.markdown(register, rows: register.allRows)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 5)  // header, rule and one line per row: line breaks do not split rows
        for line in lines.dropFirst(2) {
            #expect(cells(line).count == 9, "\(line)")
        }
        #expect(lines[3].contains("Pipes \\| and \\\\ backslashes"))
        #expect(cells(lines[3])[1] == "Pipes \\| and \\\\ backslashes")
        #expect(cells(lines[2])[1] == "The \"Big\" Partnership, Ltd")
        #expect(cells(lines[4]).last == "-£2,500")
    }

    @Test func markdownKeepsANameWithALineBreakOnOneLine() throws {
        let json = """
            [{"id": "M1", "name": "First\\nsecond", "service": "ICT", "partners": "Adur District Council; Worthing Borough Council"},
             {"id": "M2", "name": "Carriage\\rreturn", "service": "ICT", "partners": "Adur District Council; Worthing Borough Council"},
             {"id": "M3", "name": "Windows\\r\\nbreak", "service": "ICT", "partners": "Adur District Council; Worthing Borough Council"}]
            """
        let loaded = try Fixture.load(json, file: "breaks.json")
        #expect(loaded.register.count == 3)
        let text = RegisterWriter.markdown(loaded.register, rows: loaded.register.allRows)
        #expect(text.contains("First<br>second"))
        #expect(text.contains("Windows<br>break"))
        // Each row is one line: no line break of any kind inside it.
        let rows = text.split(separator: "\n").dropFirst(2)
        #expect(rows.count == 3)
        for row in rows {
            #expect(!row.unicodeScalars.contains("\r"), "\(row.debugDescription)")
        }
    }

    // MARK: Choosing a format

    @Test func formatsByExtension() throws {
        #expect(try ExportFormat(forPath: "out/list.CSV") == .csv)
        #expect(try ExportFormat(forPath: "list.json") == .json)
        #expect(try ExportFormat(forPath: "list.JSON") == .json)
        #expect(try ExportFormat(forPath: "list.md") == .markdown)
        #expect(try ExportFormat(forPath: "list.Md") == .markdown)
        #expect(try ExportFormat(forPath: "list.markdown") == .markdown)
        #expect(try ExportFormat(forPath: "list.txt") == nil)
        #expect(try ExportFormat(forPath: "list") == nil)
        #expect(try ExportFormat(forPath: "out.csv/list") == nil)
        #expect(try ExportFormat(forPath: "list.csv.txt") == nil)
        #expect(try ExportFormat(forPath: "list.xlsx") == .xlsx)
        #expect(try ExportFormat(forPath: "out/LIST.XLSX") == .xlsx)
        #expect(throws: UnwritableFormat(path: "list.xls", pathExtension: "xls")) {
            try ExportFormat(forPath: "list.xls")
        }
        #expect(throws: UnwritableFormat(path: "out/LIST.ODS", pathExtension: "ods")) {
            try ExportFormat(forPath: "out/LIST.ODS")
        }

        let register = try Fixture.register()
        let rows = [Row.hub, Row.cafe]
        #expect(try RegisterWriter.write(register, rows: rows, as: .csv) == Array(RegisterWriter.csv(register, rows: rows).utf8))
        #expect(try RegisterWriter.write(register, rows: rows, as: .json) == Array(RegisterWriter.json(register, rows: rows).utf8))
        #expect(
            try RegisterWriter.write(register, rows: rows, as: .markdown)
                == Array(RegisterWriter.markdown(register, rows: rows).utf8))
        let workbook = try RegisterWriter.write(register, rows: rows, as: .xlsx)
        #expect(workbook.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a zip archive")
    }
}

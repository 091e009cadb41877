import Foundation
import Testing

@testable import SharedServices

/// Workbooks as people and other programs make them, and as they arrive broken: each
/// loads to the register its cells say, or fails with one plain sentence.
@Suite struct WorkbookReaderTests {
    static func load(_ bytes: [UInt8], sheet: String? = nil) throws(LoadError) -> LoadedRegister {
        try RegisterLoader.load(arrangementBytes: bytes, file: "register.xlsx", sheet: sheet)
    }

    static func loadError(_ bytes: [UInt8], sheet: String? = nil) -> LoadError? {
        do {
            _ = try load(bytes, sheet: sheet)
            return nil
        } catch {
            return error
        }
    }

    /// The sample register as openpyxl writes it (scripts/make-workbook-fixture.py): a title
    /// sheet, title rows, amounts as £-formatted numbers and as "£1,234" text, a year as a date.
    @Test func theSampleWrittenByAnotherProgramLoadsAsTheSampleCSV() throws {
        let workbook = try [UInt8](
            Data(contentsOf: URL(fileURLWithPath: PackagePaths.root + "/Tests/SharedServicesTests/Workbooks/sample-register.xlsx")))
        let fromWorkbook = try Self.load(workbook)
        let fromCSV = try RegisterLoader.load(arrangements: PackagePaths.root + "/sample-data/arrangements.csv")
        #expect(fromWorkbook.diagnostics.isEmpty, "\(fromWorkbook.diagnostics.prefix(3))")
        #expect(fromWorkbook.register.sheet == "Register")
        #expect(fromWorkbook.register.count == fromCSV.register.count)
        for row in fromCSV.register.allRows {
            #expect(fromWorkbook.register.exportValues(row) == fromCSV.register.exportValues(row), "row \(row)")
        }
        // The header is on row 4 of the sheet: the first arrangement is on row 5.
        #expect(fromWorkbook.register.line(0) == 5)
    }

    /// A sheet's empty rows, and the lines of commas a spreadsheet writes for them when it
    /// saves the sheet as CSV, are passed over alike: the same rows, lines and diagnostics.
    @Test func emptyRowsReadAlikeFromTheSheetAndItsCSV() throws {
        var second = WorkbookMaker.row
        second[0] = "A2"
        let empty = [String?](repeating: nil, count: WorkbookMaker.header.count)
        let spaces = [String?](repeating: " ", count: 2) + empty.dropFirst(2)
        let rows = [WorkbookMaker.header, WorkbookMaker.row, empty, spaces, second, empty]
        let fromWorkbook = try Self.load(try WorkbookMaker.workbook([.init(name: "R", xml: WorkbookMaker.sheet(rows))]))
        let csv = rows.map { row in
            row.map { value in value.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 } ?? "" }.joined(separator: ",")
        }.joined(separator: "\r\n")
        let fromCSV = try RegisterLoader.load(arrangementBytes: Array(csv.utf8), file: "register.csv")
        for loaded in [fromWorkbook, fromCSV] {
            #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
            #expect(loaded.register.allRows.map { loaded.register.id($0) } == ["A1", "A2"])
            #expect(loaded.register.allRows.map { loaded.register.line($0) } == [2, 5])
        }
    }

    /// A large sheet says how far it has got while it loads, as a large CSV does.
    @Test func progressIsToldAsTheSheetIsInflated() throws {
        var rows = [WorkbookMaker.header]
        for number in 0..<5_000 {
            var row = WorkbookMaker.row
            row[0] = "A\(number)"
            rows.append(row)
        }
        let bytes = try WorkbookMaker.workbook([.init(name: "R", xml: WorkbookMaker.sheet(rows))])
        var fractions: [Double] = []
        let loaded = try RegisterLoader.load(arrangementBytes: bytes, file: "big.xlsx", progress: { fractions.append($0) })
        #expect(loaded.register.count == 5_000)
        #expect(!fractions.isEmpty)
        #expect(fractions == fractions.sorted() && fractions.allSatisfy { (0...1).contains($0) })
        #expect((fractions.last ?? 0) > 0.5)
    }

    @Test func theLGAsWordingLoadsFromSharedStringsBelowTitleRows() throws {
        let strings = ["Shared services", "Ref", "Name of shared service", "Category", "Councils involved", "A1", "Joint legal team",
                       "Legal", "Adur District Council; Worthing Borough Council"]
        let xml = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c></row>
            <row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3" t="s"><v>2</v></c><c r="D3" t="s"><v>3</v></c><c r="E3" t="s"><v>4</v></c></row>
            <row r="4"><c r="B4" t="s"><v>5</v></c><c r="C4" t="s"><v>6</v></c><c r="D4" t="s"><v>7</v></c><c r="E4" t="s"><v>8</v></c></row>
            </sheetData></worksheet>
            """
        let loaded = try Self.load(try WorkbookMaker.workbook([.init(name: "Data", xml: xml)], sharedStrings: strings))
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.register.count == 1)
        #expect(loaded.register.name(0) == "Joint legal team")
        #expect(loaded.register.partnerCount(0) == 2)
    }

    @Test func diagnosticsNameTheSheetAndCell() throws {
        var row = WorkbookMaker.row
        row[4] = "about two million"
        let sheet = WorkbookMaker.sheet([["Register of shared services"], [], WorkbookMaker.header, row], firstRow: 12)
        let loaded = try Self.load(try WorkbookMaker.workbook([.init(name: "Shared services", xml: sheet)]))
        let diagnostic = try #require(loaded.diagnostics.first)
        #expect(diagnostic.location == "register.xlsx: 'Shared services'!E15")
        #expect(diagnostic.description.contains("Savings to date (£)"))
    }

    @Test func aSheetIsChosenByName() throws {
        let register = WorkbookMaker.sheet([WorkbookMaker.header, WorkbookMaker.row])
        var other = WorkbookMaker.row
        other[0] = "B2"
        let second = WorkbookMaker.sheet([WorkbookMaker.header, other])
        let bytes = try WorkbookMaker.workbook([.init(name: "2016", xml: register), .init(name: "2017", xml: second)])
        #expect(try Self.load(bytes).register.id(0) == "A1")
        #expect(try Self.load(bytes, sheet: "2017").register.id(0) == "B2")
        let missing = try #require(Self.loadError(bytes, sheet: "2018"))
        #expect(missing.description == "register.xlsx: has no sheet named \"2018\"; its sheets are 2016, 2017")
    }

    @Test func numbersDatesFormulasAndBooleansReadAsTheirValues() throws {
        let styles = """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            <numFmts count="2"><numFmt numFmtId="164" formatCode="&quot;£&quot;#,##0"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>
            <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs>
            </styleSheet>
            """
        let xml = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c>\
            <c r="C1" t="inlineStr"><is><t>service</t></is></c><c r="D1" t="inlineStr"><is><t>partners</t></is></c>\
            <c r="E1" t="inlineStr"><is><t>savings_to_date</t></is></c><c r="F1" t="inlineStr"><is><t>start_year</t></is></c>\
            <c r="G1" t="inlineStr"><is><t>savings_latest_year</t></is></c><c r="H1" t="inlineStr"><is><t>shared</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><r><t>A</t></r><r><rPr><b/></rPr><t>1</t></r></is></c>\
            <c r="B2" t="str"><f>CONCAT("Legal", " team")</f><v>Legal team</v></c>\
            <c r="C2" t="inlineStr"><is><t>Legal</t></is></c>\
            <c r="D2" t="inlineStr"><is><t>Adur District Council</t></is></c>\
            <c r="E2" s="1"><f>SUM(1,2)</f><v>1.5E6</v></c><c r="F2" s="2"><v>41730</v></c><c r="G2" s="3"><v>2.5e5</v></c>\
            <c r="H2" t="b"><v>1</v></c></row>
            </sheetData></worksheet>
            """
        let loaded = try Self.load(try WorkbookMaker.workbook([.init(name: "Sheet1", xml: xml)], styles: styles))
        let register = loaded.register
        #expect(register.id(0) == "A1")
        #expect(register.name(0) == "Legal team")
        #expect(register.savingsToDate(0) == 1_500_000)
        #expect(register.startYear(0) == 2014)  // 41730 is 1 April 2014
        #expect(register.extraValues(0) == ["TRUE"])
        // A figure in a date style is read as a date, not an amount: said, not taken as pounds.
        #expect(register.savingsLatestYear(0) == nil)
        #expect(loaded.diagnostics.contains { $0.location == "register.xlsx: Sheet1!G2" })
    }

    @Test func aSharedStringThatDoesNotExistIsSaidAndLeftBlank() throws {
        let xml = WorkbookMaker.sheet([WorkbookMaker.header, WorkbookMaker.row])
            .replacingOccurrences(of: "<c r=\"C2\" t=\"inlineStr\"><is><t>Legal</t></is></c>", with: "<c r=\"C2\" t=\"s\"><v>99</v></c>")
        let loaded = try Self.load(try WorkbookMaker.workbook([.init(name: "R", xml: xml)], sharedStrings: ["x"]))
        #expect(loaded.register.count == 1)
        #expect(loaded.diagnostics.contains { $0.location == "register.xlsx: R!C2" && $0.message.contains("shared string \"99\"") })
    }

    @Test func externalEntitiesAreNeverResolved() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/hostname"><!ENTITY lol "lol">]>
            """ + WorkbookMaker.sheet([WorkbookMaker.header, WorkbookMaker.row])
            .replacingOccurrences(of: "<?xml version=\"1.0\"?>", with: "")
            .replacingOccurrences(of: "Joint legal team", with: "Joint &secret; &lol; team")
        let loaded = try Self.load(try WorkbookMaker.workbook([.init(name: "R", xml: xml)]))
        #expect(loaded.register.name(0) == "Joint &secret; &lol; team")
    }

    @Test func aMillionEmptyRowsAreSkipped() throws {
        var xml = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        xml += WorkbookMaker.sheet([WorkbookMaker.header, WorkbookMaker.row]).components(separatedBy: "<sheetData>")[1]
            .replacingOccurrences(of: "</sheetData></worksheet>", with: "")
        xml += (3...1_048_576).map { "<row r=\"\($0)\"/>" }.joined()
        xml += "</sheetData></worksheet>"
        let loaded = try Self.load(try WorkbookMaker.workbook([.init(name: "R", xml: xml)]))
        #expect(loaded.register.count == 1)
        #expect(loaded.diagnostics.isEmpty)
    }

    @Test func aCellOfTheLargestSizeIsReadWhole() throws {
        var row = WorkbookMaker.row
        row.append(String(repeating: "é", count: 32_767))
        var header = WorkbookMaker.header
        header.append("Remarks")
        let loaded = try Self.load(try WorkbookMaker.workbook([.init(name: "R", xml: WorkbookMaker.sheet([header, row]))]))
        #expect(loaded.register.extraValues(0).first?.count == 32_767)
    }

    @Test func textAndSpreadsheetEscapesReadAsWritten() throws {
        var row = WorkbookMaker.row
        row[1] = "first_x000D_\nsecond &amp; _x005F_x0041_ &#163;5"
        let xml = WorkbookMaker.sheet([WorkbookMaker.header, row]).replacingOccurrences(of: "&amp;amp;", with: "&amp;")
            .replacingOccurrences(of: "&amp;#163;", with: "&#163;")
        let loaded = try Self.load(try WorkbookMaker.workbook([.init(name: "R", xml: xml)]))
        #expect(loaded.register.name(0) == "first\r\nsecond & _x0041_ £5")
    }

    /// Excel's day numbers, with its 29 February 1900 that never was (day 60).
    @Test func dateSerialsAreExcelsDays() throws {
        let serials = [1, 59, 60, 61, 41_730, 2_958_465]
        let xml = "<worksheet><sheetData><row r=\"1\">"
            + serials.enumerated().map { "<c r=\"\(WorkbookMaker.letters($0.offset))1\" s=\"1\"><v>\($0.element)</v></c>" }.joined()
            + "</row><row r=\"1048577\"/></sheetData></worksheet>"
        var dates: [String] = []
        var failure = ""
        do {
            try SheetReader(parts: WorkbookParts(sharedStrings: [], dateStyles: [false, true]))
                .read(xml: Array(xml.utf8), chunkSize: 64) { row in dates += row.cells.map(\.value) }
        } catch let error as XMLStream.Malformed {
            failure = error.reason
        }
        #expect(dates == ["1900-01-01", "1900-02-28", "1900-03-01", "1900-03-01", "2014-04-01", "9999-12-31"])
        // A sheet has 1,048,576 rows: a row numbered past it is not a sheet's.
        #expect(failure == "a row is numbered 1048577, past a sheet's last, 1048576")
    }

    // MARK: Broken workbooks: one plain sentence each

    @Test func aTruncatedWorkbookIsOneSentence() throws {
        let bytes = try WorkbookMaker.workbook([.init(name: "R", xml: WorkbookMaker.sheet([WorkbookMaker.header, WorkbookMaker.row]))])
        let error = try #require(Self.loadError(Array(bytes.prefix(bytes.count / 2))))
        #expect(error.description == "register.xlsx: is not a workbook ssmap can read: it is not a complete zip archive (cut short or damaged?)")
    }

    @Test func aZipThatIsNotAWorkbookSaysWhatItLacks() throws {
        let bytes = try WorkbookMaker.zip([("notes.txt", Array("hello".utf8))])
        let error = try #require(Self.loadError(bytes))
        #expect(error.description == "register.xlsx: is not a workbook ssmap can read: it has no part xl/workbook.xml")
    }

    @Test func malformedSheetXMLIsOneSentence() throws {
        let xml = WorkbookMaker.sheet([WorkbookMaker.header, WorkbookMaker.row]).replacingOccurrences(of: "</sheetData>", with: "<row r=\"9\"><c r=\"A9\" <v>1</v></c>")
        let error = try #require(Self.loadError(try WorkbookMaker.workbook([.init(name: "R", xml: xml)])))
        #expect(error.description.hasPrefix("register.xlsx: is a damaged workbook: the XML of sheet \"R\" is not well formed"))
    }

    @Test func anEncryptedWorkbookIsOneSentence() throws {
        let bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let error = try #require(Self.loadError(bytes))
        #expect(error.message.hasPrefix("is an encrypted workbook or an Excel 97–2003 (.xls) file"))
    }

    @Test func aZipBombIsRefusedByTheSizeCaps() throws {
        // 64 MiB of one repeated element compresses about a thousand times: refused once past
        // the ratio cap's floor, long before it is all inflated.
        let header = WorkbookMaker.sheet([WorkbookMaker.header]).replacingOccurrences(of: "</sheetData></worksheet>", with: "")
        var xml = Array(header.utf8)
        let filler = Array("<x/>".utf8)
        while xml.count < 64 << 20 { xml.append(contentsOf: filler) }
        xml.append(contentsOf: Array("</sheetData></worksheet>".utf8))
        let bytes = try WorkbookMaker.workbook([.init(name: "R", xml: String(decoding: xml, as: UTF8.self))])
        #expect(bytes.count < 1 << 20)
        let error = try #require(Self.loadError(bytes))
        #expect(error.message.hasPrefix("is refused: its part xl/worksheets/sheet1.xml expands to more than"))
        #expect(error.message.contains("zip bomb"))
    }
}

import Foundation
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import SharedServices

/// The workbook ssmap writes, read back by a reader written apart from the writer and
/// from ssmap's own (Foundation's XMLParser over the unzipped parts): types, formats,
/// the frozen bold header, and no formula anywhere.
@Suite struct WorkbookWriterTests {
    /// A cell as the sheet's XML has it.
    struct Cell {
        var type: String?
        var style: Int
        var value: String
        var hasFormula: Bool
    }

    /// The sheet's cells by reference, its frozen pane, and its styles' number formats and bold fonts.
    final class SheetParser: NSObject, XMLParserDelegate {
        var cells: [String: Cell] = [:]
        var frozenAt: String?
        private var reference = ""
        private var current: Cell?
        private var text = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch name {
            case "pane": if attributes["state"] == "frozen" { frozenAt = attributes["topLeftCell"] }
            case "c":
                reference = attributes["r"] ?? ""
                current = Cell(type: attributes["t"], style: Int(attributes["s"] ?? "0") ?? 0, value: "", hasFormula: false)
            case "f": current?.hasFormula = true
            case "v", "t": text = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v", "t": current?.value += text
            case "c":
                if let current { cells[reference] = current }
                current = nil
            default: break
            }
        }
    }

    final class StylesParser: NSObject, XMLParserDelegate {
        var formats: [Int: String] = [:]
        /// Per cell style: its number format and whether its font is bold.
        var styles: [(format: Int, font: Int)] = []
        var boldFonts: Set<Int> = []
        private var fontCount = 0
        private var inCellStyles = false

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch name {
            case "numFmt": formats[Int(attributes["numFmtId"] ?? "") ?? -1] = attributes["formatCode"]
            case "font": fontCount += 1
            case "b": boldFonts.insert(fontCount - 1)
            case "cellXfs": inCellStyles = true
            case "xf" where inCellStyles:
                styles.append((Int(attributes["numFmtId"] ?? "0") ?? 0, Int(attributes["fontId"] ?? "0") ?? 0))
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "cellXfs" { inCellStyles = false }
        }
    }

    static func part(_ path: String, of bytes: [UInt8]) throws -> Data {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let entry = try #require(archive[path], "no \(path)")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return data
    }

    static func parse<Delegate: NSObject & XMLParserDelegate>(_ data: Data, with delegate: Delegate) throws -> Delegate {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        return delegate
    }

    @Test func theSampleIsWrittenWithTypesFormatsAndAFrozenBoldHeader() throws {
        let register = try RegisterLoader.load(arrangements: PackagePaths.root + "/sample-data/arrangements.csv").register
        let rows = register.allRows
        let bytes = try WorkbookWriter.xlsx(register, rows: rows)
        let sheet = try Self.parse(try Self.part("xl/worksheets/sheet1.xml", of: bytes), with: SheetParser())
        let styles = try Self.parse(try Self.part("xl/styles.xml", of: bytes), with: StylesParser())

        #expect(sheet.frozenAt == "A2")
        #expect(!sheet.cells.values.contains { $0.hasFormula }, "no formula anywhere")
        let names = register.exportColumnNames
        for (column, name) in names.enumerated() {
            let cell = try #require(sheet.cells["\(WorkbookMaker.letters(column))1"])
            #expect(cell.type == "inlineStr" && cell.value == name)
            #expect(styles.boldFonts.contains(styles.styles[cell.style].font), "\(name) is bold")
        }
        for (index, row) in rows.enumerated() {
            for (column, value) in register.exportValues(row).enumerated() {
                let reference = "\(WorkbookMaker.letters(column))\(index + 2)"
                let cell = sheet.cells[reference]
                switch value {
                case .missing:
                    #expect(cell == nil, "\(reference) is blank")
                case .number(let number):
                    let cell = try #require(cell)
                    #expect(cell.type == nil && cell.value == String(number), "\(reference) is a number")
                    let format = styles.formats[styles.styles[cell.style].format]
                    let isMoney = ArrangementField.allCases.indices.contains(column)
                        && ArrangementField.allCases[column].kind == .money
                    #expect((format?.contains("£") ?? false) == isMoney, "\(reference): \(String(describing: format))")
                case .text, .list:
                    let cell = try #require(cell)
                    #expect(cell.type == "inlineStr", "\(reference) is a string")
                    #expect(Self.unescaped(cell.value) == value.plainText, "\(reference)")
                }
            }
        }
    }

    /// `_xHHHH_` is SpreadsheetML's own escape, on top of XML's.
    static func unescaped(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            result += rest[..<range.lowerBound]
            let code = rest[range.upperBound...].prefix(5)
            if code.count == 5, code.last == "_", let value = UInt32(code.prefix(4), radix: 16), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(range.upperBound, offsetBy: 5)...]
            } else {
                result += "_x"
                rest = rest[range.upperBound...]
            }
        }
        return result + rest
    }

    /// Whatever a cell holds, it loads back as it was: formulas' first characters, control
    /// characters, carriage returns, text that looks like an escape.
    @Test func awkwardTextLoadsBackUnchanged() throws {
        let awkward = [
            "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "first\r\nsecond", "tab\there", "bell\u{07}",
            "_x0041_ is not A", "Team_x+041_ is not TeamA", "<b>&amp;</b>", "  spaces  ", "£1,234", "Café", "\u{1F600}",
        ]
        var csv = "id,name,service,partners,description\n"
        for (index, text) in awkward.enumerated() {
            csv += CSVWriter.line(["A\(index)", "Name \(index)", "Legal", "Adur District Council", text])
        }
        let original = try RegisterLoader.load(arrangementBytes: Array(csv.utf8), file: "awkward.csv").register
        let bytes = try WorkbookWriter.xlsx(original, rows: original.allRows)
        let reloaded = try RegisterLoader.load(arrangementBytes: bytes, file: "awkward.xlsx").register
        #expect(reloaded.allRows.map(reloaded.description) == awkward)
        let sheet = try Self.parse(try Self.part("xl/worksheets/sheet1.xml", of: bytes), with: SheetParser())
        #expect(!sheet.cells.values.contains { $0.hasFormula })
    }
}

import Foundation
import ZIPFoundation

/// Writes rows of a register as a workbook (.xlsx) of one sheet, "Register": the header
/// row bold and frozen, amounts as numbers in a £ format with no cell where there is no
/// figure, years as numbers, and all text as string cells, never formulas, so that no
/// cell of the data can run in a spreadsheet. It loads back into ssmap unchanged.
public enum WorkbookWriter {
    public static let sheetName = "Register"

    /// Cell styles, by their place in `styles.xml`'s `<cellXfs>`.
    private enum Style: Int {
        case plain = 0, header = 1, pounds = 2
    }

    public static func xlsx(_ register: Register, rows: [Int]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        try add("[Content_Types].xml", Array(contentTypes.utf8), to: archive)
        try add("_rels/.rels", Array(packageRelationships.utf8), to: archive)
        try add("xl/workbook.xml", Array(workbook.utf8), to: archive)
        try add("xl/_rels/workbook.xml.rels", Array(workbookRelationships.utf8), to: archive)
        try add("xl/styles.xml", Array(styles.utf8), to: archive)
        try add("xl/worksheets/sheet1.xml", pieces: sheet(register, rows: rows), to: archive)
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return [UInt8](data)
    }

    private static func add(_ path: String, _ bytes: [UInt8], to archive: Archive) throws {
        try add(path, pieces: [bytes], to: archive)
    }

    /// A part given as pieces, read in order without first putting them together.
    private static func add(_ path: String, pieces: [[UInt8]], to archive: Archive) throws {
        var piece = 0
        var offset = 0
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(pieces.reduce(0) { $0 + $1.count }),
            compressionMethod: .deflate, bufferSize: 1 << 20
        ) { _, size in
            // Asked for in order, a buffer at a time.
            var chunk = Data(capacity: size)
            while chunk.count < size && piece < pieces.count {
                let take = min(size - chunk.count, pieces[piece].count - offset)
                chunk.append(contentsOf: pieces[piece][offset..<offset + take])
                offset += take
                if offset == pieces[piece].count {
                    piece += 1
                    offset = 0
                }
            }
            return chunk
        }
    }

    // MARK: The sheet

    /// The sheet's XML in pieces, in order.
    private static func sheet(_ register: Register, rows: [Int]) -> [[UInt8]] {
        let names = register.exportColumnNames
        var head = SheetXML(columns: names.count)
        head.append(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetViews><sheetView workbookViewId=\"0\">"
                + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "</sheetView></sheetViews><sheetData>")
        head.startRow(1)
        for (column, name) in names.enumerated() { head.text(name, column: column, row: 1, style: .header) }
        head.endRow()
        // The rows' XML is made on every core, a share of the rows each, and put together in order.
        let pieces = Parallel.pieces(of: rows.count, splittingFrom: 4_096)
        let bodies = Parallel.map(pieces.count) { piece in
            var xml = SheetXML(columns: names.count)
            for index in pieces[piece] { xml.row(register, rows[index], number: index + 2) }
            return xml.bytes
        }
        return [head.bytes] + bodies + [Array("</sheetData></worksheet>".utf8)]
    }

    /// A sheet's XML, built as bytes.
    private struct SheetXML {
        var bytes: [UInt8] = []
        /// Each column's letters ("A", "B", … "AA").
        private let letters: [[UInt8]]
        private static let moneyColumns: [Bool] = ArrangementField.allCases.map { $0.kind == .money }

        init(columns: Int) {
            letters = (0..<columns).map { Array(SheetReference.letters($0).utf8) }
        }

        mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

        mutating func startRow(_ number: Int) {
            append("<row r=\"")
            digits(number)
            append("\">")
        }

        mutating func endRow() { append("</row>") }

        /// One arrangement: its export values, a cell each, with no cell where there is no value.
        mutating func row(_ register: Register, _ row: Int, number: Int) {
            startRow(number)
            for (column, value) in register.exportValues(row).enumerated() {
                switch value {
                case .missing: break
                case .number(let amount):
                    let isMoney = column < Self.moneyColumns.count && Self.moneyColumns[column]
                    self.number(amount, column: column, row: number, style: isMoney ? .pounds : .plain)
                case .text(let text): self.text(text, column: column, row: number, style: .plain)
                case .list: self.text(value.plainText, column: column, row: number, style: .plain)
                }
            }
            endRow()
        }

        private mutating func reference(_ column: Int, _ row: Int, style: Style) {
            append("<c r=\"")
            bytes.append(contentsOf: letters[column])
            digits(row)
            bytes.append(UInt8(ascii: "\""))
            if style != .plain {
                append(" s=\"")
                digits(style.rawValue)
                bytes.append(UInt8(ascii: "\""))
            }
        }

        private mutating func digits(_ value: some BinaryInteger) {
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            var magnitude = value.magnitude
            let start = bytes.count
            repeat {
                bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
            } while magnitude > 0
            bytes[start...].reverse()
        }

        mutating func number(_ value: Int64, column: Int, row: Int, style: Style) {
            reference(column, row, style: style)
            append("><v>")
            digits(value)
            append("</v></c>")
        }

        /// An inline string: always text, never a formula, whatever it starts with.
        mutating func text(_ value: String, column: Int, row: Int, style: Style) {
            reference(column, row, style: style)
            append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
            escape(value)
            append("</t></is></c>")
        }

        /// XML's five, and what XML cannot hold (control characters; a carriage return,
        /// which XML would turn into a line feed) as SpreadsheetML's `_xHHHH_`, with an
        /// underscore that would read as the start of one written `_x005F_`.
        private mutating func escape(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                // Most text has nothing to escape: copied whole.
                if !utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x5F }) {
                    bytes.append(contentsOf: utf8)
                    return
                }
                for index in utf8.indices {
                    let byte = utf8[index]
                    switch byte {
                    case UInt8(ascii: "&"): append("&amp;")
                    case UInt8(ascii: "<"): append("&lt;")
                    case UInt8(ascii: ">"): append("&gt;")
                    case UInt8(ascii: "_") where XMLText.isEscape(utf8, at: index): append("_x005F_")
                    case 0x09, 0x0A: bytes.append(byte)
                    case 0x00..<0x20, 0x7F: append("_x" + Self.hex(byte) + "_")
                    default: bytes.append(byte)
                    }
                }
            }
        }

        private static func hex(_ byte: UInt8) -> String {
            let digits = String(byte, radix: 16, uppercase: true)
            return String(repeating: "0", count: 4 - digits.count) + digits
        }
    }

    // MARK: The package's fixed parts

    private static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """

    private static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    private static let workbook = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="\(sheetName)" sheetId="1" r:id="rId1"/></sheets></workbook>
        """

    private static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """

    /// Plain, bold (the header), and whole pounds (`£#,##0`, format 164).
    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;£&quot;#,##0"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}

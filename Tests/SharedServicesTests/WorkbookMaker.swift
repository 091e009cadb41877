import Foundation
import ZIPFoundation

/// Builds workbooks part by part for tests, as other programs write them (shared
/// strings, inline strings, styles, title sheets), or broken on purpose.
enum WorkbookMaker {
    struct Sheet {
        var name: String
        /// The worksheet's XML.
        var xml: String
    }

    static func workbook(
        _ sheets: [Sheet], sharedStrings: [String]? = nil, styles: String? = nil, workbookProperties: String = ""
    ) throws -> [UInt8] {
        var parts: [(String, [UInt8])] = []
        var relationships = ""
        var sheetList = ""
        for (index, sheet) in sheets.enumerated() {
            let number = index + 1
            parts.append(("xl/worksheets/sheet\(number).xml", Array(sheet.xml.utf8)))
            relationships += "<Relationship Id=\"rId\(number)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(number).xml\"/>"
            sheetList += "<sheet name=\"\(escaped(sheet.name))\" sheetId=\"\(number)\" r:id=\"rId\(number)\"/>"
        }
        if let sharedStrings {
            let items = sharedStrings.map { "<si><t xml:space=\"preserve\">\(escaped($0))</t></si>" }.joined()
            parts.append((
                "xl/sharedStrings.xml",
                Array("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(sharedStrings.count)\">\(items)</sst>".utf8)
            ))
            relationships += "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        if let styles {
            parts.append(("xl/styles.xml", Array(styles.utf8)))
            relationships += "<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        }
        parts.append((
            "xl/workbook.xml",
            Array("<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\(workbookProperties)<sheets>\(sheetList)</sheets></workbook>".utf8)
        ))
        parts.append((
            "xl/_rels/workbook.xml.rels",
            Array("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relationships)</Relationships>".utf8)
        ))
        parts.append((
            "_rels/.rels",
            Array("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".utf8)
        ))
        return try zip(parts)
    }

    /// A zip archive of the given parts, deflated.
    static func zip(_ parts: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, bytes) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                bufferSize: 1 << 20
            ) { position, size in Data(bytes[Int(position)..<Int(position) + size]) }
        }
        return [UInt8](archive.data ?? Data())
    }

    /// A worksheet whose rows start at `firstRow`, each cell an inline string, a number
    /// (`#123`), or nothing (nil or "").
    static func sheet(_ rows: [[String?]], firstRow: Int = 1) -> String {
        var xml = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        for (index, row) in rows.enumerated() {
            let number = firstRow + index
            xml += "<row r=\"\(number)\">"
            for (column, value) in row.enumerated() {
                guard let value, !value.isEmpty else { continue }
                let reference = "\(letters(column))\(number)"
                if value.hasPrefix("#") {
                    xml += "<c r=\"\(reference)\"><v>\(value.dropFirst())</v></c>"
                } else {
                    xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escaped(value))</t></is></c>"
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    static func letters(_ column: Int) -> String {
        var column = column + 1
        var text = ""
        while column > 0 {
            text = String(UnicodeScalar(UInt8(65 + (column - 1) % 26))) + text
            column = (column - 1) / 26
        }
        return text
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The header and a row of a small register, on the LGA's wording.
    static let header: [String?] = ["Ref", "Name of shared service", "Category", "Councils involved", "Savings to date (£)", "Start date"]
    static let row: [String?] = ["A1", "Joint legal team", "Legal", "Adur District Council; Worthing Borough Council", "#250000", "#2014"]
}

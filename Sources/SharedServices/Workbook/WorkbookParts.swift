/// What a workbook says about itself before any sheet is read: its sheets in order,
/// its shared strings, and which cell styles show dates.
struct WorkbookParts: Sendable {
    struct Sheet: Sendable {
        var name: String
        /// The sheet's part in the archive ("xl/worksheets/sheet1.xml").
        var path: String
    }

    var sheets: [Sheet] = []
    var sharedStrings: [String] = []
    /// By cell style number (`s="3"`): whether the style shows a date.
    var dateStyles: [Bool] = []
    /// Whether day 0 is 1 January 1904 (old Mac workbooks) rather than 30 December 1899.
    var uses1904Dates = false

    /// Parts given outright, for reading a sheet's XML on its own.
    init(sharedStrings: [String], dateStyles: [Bool]) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
    }

    init(_ archive: inout WorkbookArchive) throws {
        let workbookPath = try Self.officeDocument(&archive)
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let relationships = try Self.relationships(of: workbookPath, in: &archive)
        try readSheets(workbookPath, folder: folder, relationships: relationships, &archive)
        for (type, target) in relationships.values {
            let path = Self.resolve(target, in: folder)
            if type.hasSuffix("/sharedStrings") { try readSharedStrings(path, &archive) }
            if type.hasSuffix("/styles") { try readStyles(path, &archive) }
        }
    }

    // MARK: The workbook and its sheets

    /// The workbook part named by the package's relationships ("xl/workbook.xml").
    private static func officeDocument(_ archive: inout WorkbookArchive) throws -> String {
        guard archive.has("_rels/.rels") else { return "xl/workbook.xml" }
        let relationships = try relationships(part: "_rels/.rels", in: &archive)
        let target = relationships.values.first { $0.type.hasSuffix("/officeDocument") }?.target
        let path = target.map { resolve($0, in: "") } ?? ""
        return path.isEmpty ? "xl/workbook.xml" : path
    }

    /// A part's relationships by id: their type and target.
    private static func relationships(
        of part: String, in archive: inout WorkbookArchive
    ) throws -> [String: (type: String, target: String)] {
        var components = part.split(separator: "/").map(String.init)
        guard let name = components.popLast() else { return [:] }
        let path = (components + ["_rels", name + ".rels"]).joined(separator: "/")
        return archive.has(path) ? try relationships(part: path, in: &archive) : [:]
    }

    private static func relationships(
        part path: String, in archive: inout WorkbookArchive
    ) throws -> [String: (type: String, target: String)] {
        var found: [String: (type: String, target: String)] = [:]
        try archive.readXML(path) { xml, token in
            guard case .start(let name, let attributes, _) = token, xml.isName(name, "Relationship"),
                let id = xml.attribute("Id", in: attributes), let target = xml.attribute("Target", in: attributes)
            else { return }
            let type = xml.attribute("Type", in: attributes).map { xml.text($0) } ?? ""
            found[xml.text(id)] = (type, xml.text(target))
        }
        return found
    }

    private mutating func readSheets(
        _ path: String, folder: String, relationships: [String: (type: String, target: String)],
        _ archive: inout WorkbookArchive
    ) throws {
        var sheets: [Sheet] = []
        var uses1904Dates = false
        try archive.readXML(path) { xml, token in
            guard case .start(let name, let attributes, _) = token else { return }
            if xml.isName(name, "workbookPr"), let value = xml.attribute("date1904", in: attributes) {
                uses1904Dates = ["1", "true"].contains(xml.text(value))
            }
            guard xml.isName(name, "sheet"), let sheetName = xml.attribute("name", in: attributes),
                let id = xml.attribute("id", in: attributes), let target = relationships[xml.text(id)]?.target
            else { return }
            sheets.append(Sheet(name: xml.text(sheetName), path: Self.resolve(target, in: folder)))
        }
        self.sheets = sheets
        self.uses1904Dates = uses1904Dates
    }

    /// A relationship's target as a path in the archive: absolute ("/xl/…") or relative
    /// to the folder of the part that names it.
    private static func resolve(_ target: String, in folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var components = folder.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            if component == ".." {
                if !components.isEmpty { components.removeLast() }
            } else if component != "." {
                components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }

    // MARK: Shared strings

    /// Each `<si>`'s text: its `<t>`, or its rich-text runs' `<t>`s joined; phonetic
    /// readings (`<rPh>`) are not part of the text.
    private mutating func readSharedStrings(_ path: String, _ archive: inout WorkbookArchive) throws {
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        try archive.readXML(path) { xml, token in
            switch token {
            case .start(let name, _, let selfClosing):
                if xml.isName(name, "si") {
                    current = ""
                    if selfClosing { strings.append("") }
                } else if xml.isName(name, "rPh") {
                    inPhonetic = !selfClosing
                } else if xml.isName(name, "t") {
                    inText = !selfClosing && !inPhonetic
                }
            case .end(let name):
                if xml.isName(name, "si") {
                    strings.append(current)
                } else if xml.isName(name, "t") {
                    inText = false
                } else if xml.isName(name, "rPh") {
                    inPhonetic = false
                }
            case .text(let range):
                if inText { current += xml.text(range) }
            case .cdata(let range):
                if inText { current += String(decoding: UnsafeBufferPointer(rebasing: xml.bytes[range]), as: UTF8.self) }
            }
        }
        sharedStrings = strings
    }

    // MARK: Styles

    /// Which cell styles (`<cellXfs>`'s `<xf>`s, in order) show a date: a built-in date
    /// format, or a custom one that writes a day or a year.
    private mutating func readStyles(_ path: String, _ archive: inout WorkbookArchive) throws {
        var customFormats: [Int: String] = [:]
        var formatOfStyle: [Int] = []
        var inCellStyles = false
        try archive.readXML(path) { xml, token in
            switch token {
            case .start(let name, let attributes, let selfClosing):
                if xml.isName(name, "numFmt"), let id = xml.attribute("numFmtId", in: attributes).flatMap(xml.integer),
                    let code = xml.attribute("formatCode", in: attributes)
                {
                    customFormats[id] = xml.text(code)
                } else if xml.isName(name, "cellXfs") {
                    inCellStyles = !selfClosing
                } else if inCellStyles && xml.isName(name, "xf") {
                    formatOfStyle.append(xml.attribute("numFmtId", in: attributes).flatMap(xml.integer) ?? 0)
                }
            case .end(let name):
                if xml.isName(name, "cellXfs") { inCellStyles = false }
            case .text, .cdata:
                break
            }
        }
        dateStyles = formatOfStyle.map { id in customFormats[id].map(Self.showsDate) ?? Self.builtInDateFormats.contains(id) }
    }

    /// The built-in number formats that show dates (ECMA-376, 18.8.30, and the East Asian ones).
    private static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether a format code writes a day or a year: outside quoted text and brackets
    /// (`[$£-809]`, `[Red]`), a `d` or `y`.
    static func showsDate(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "d", "y": if !inQuotes && !inBrackets { return true }
            default: break
            }
        }
        return false
    }
}

import Foundation

/// One row of a worksheet: its number on the sheet and its cells' text by column.
struct SheetRow: Sendable {
    /// 1-based, as the sheet numbers it.
    var number: Int
    /// 0-based column (A is 0) and the cell's value as text, in column order.
    var cells: [(column: Int, value: String)]
    /// Cells that could not be read as they claim (a shared string that does not exist).
    var problems: [(column: Int, message: String)] = []

    var isBlank: Bool { cells.allSatisfy { $0.value.isBlank } }
}

/// Reads a worksheet's rows as its XML is inflated: a cell at a time, a row handed on as
/// soon as it ends. A cell's value becomes text as a CSV would hold it: shared and inline
/// strings as written, numbers in full (`1500000`, never `1.5E6`), dates as `2017-04-01`,
/// formulas as their last computed value (never computed here).
struct SheetReader: Sendable {
    let parts: WorkbookParts

    /// `inflated` is told how many bytes of the sheet each chunk held.
    func read(
        _ sheet: WorkbookParts.Sheet, in archive: inout WorkbookArchive, inflated: (Int) -> Void = { _ in },
        _ row: (SheetRow) throws -> Void
    ) throws {
        try read(row) { feed in
            try archive.read(sheet.path) { chunk in
                inflated(chunk.count)
                try feed(chunk)
            }
        }
    }

    /// The rows of a sheet's XML given whole, fed to the reader `chunkSize` bytes at a time
    /// (the fuzzer checks that where the chunks end changes nothing).
    func read(xml bytes: [UInt8], chunkSize: Int, _ row: (SheetRow) throws -> Void) throws {
        try read(row) { feed in
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + max(1, chunkSize))
                try feed(Data(bytes[start..<end]))
                start = end
            }
        }
    }

    /// Reads the XML that `produce` gives a chunk at a time.
    private func read(_ row: (SheetRow) throws -> Void, from produce: (_ feed: (Data) throws -> Void) throws -> Void) throws {
        var state = CellState()
        try XMLStream.read(produce) { xml, token in try state.take(token, xml, parts: parts, row) }
    }

    /// Where the reading is: in which row, cell and element.
    private struct CellState {
        var row = SheetRow(number: 0, cells: [])
        var inRow = false
        var column = -1
        var type = ""
        var style = 0
        /// The text of the cell's `<v>`, or of its inline string's `<t>`s.
        var value = ""
        var inValue = false
        var inInlineText = false
        var inPhonetic = false

        mutating func take(
            _ token: XMLTokenizer.Token, _ xml: XMLTokenizer, parts: WorkbookParts, _ emit: (SheetRow) throws -> Void
        ) throws {
            switch token {
            case .start(let name, let attributes, let selfClosing):
                if xml.isName(name, "c") {
                    column = xml.attribute("r", in: attributes).flatMap { Self.column(of: $0, xml) } ?? column + 1
                    type = xml.attribute("t", in: attributes).map { xml.text($0) } ?? ""
                    style = xml.attribute("s", in: attributes).flatMap(xml.integer) ?? 0
                    value = ""
                    if selfClosing { endCell(parts) }
                } else if xml.isName(name, "v") {
                    inValue = !selfClosing
                } else if xml.isName(name, "t") {
                    inInlineText = !selfClosing && !inPhonetic
                } else if xml.isName(name, "rPh") {
                    inPhonetic = !selfClosing
                } else if xml.isName(name, "row") {
                    let number = xml.attribute("r", in: attributes).flatMap(xml.integer) ?? row.number + 1
                    guard number <= Self.lastRow else {
                        throw XMLStream.Malformed(reason: "a row is numbered \(number), past a sheet's last, \(Self.lastRow)")
                    }
                    row = SheetRow(number: number, cells: [])
                    column = -1
                    inRow = true
                    if selfClosing {
                        inRow = false
                        try emit(row)
                    }
                }
            case .end(let name):
                if xml.isName(name, "v") {
                    inValue = false
                } else if xml.isName(name, "t") {
                    inInlineText = false
                } else if xml.isName(name, "rPh") {
                    inPhonetic = false
                } else if xml.isName(name, "c") {
                    endCell(parts)
                } else if xml.isName(name, "row") {
                    inRow = false
                    try emit(row)
                }
            case .text(let range):
                if inValue || inInlineText { value += xml.text(range) }
            case .cdata(let range):
                if inValue || inInlineText {
                    value += String(decoding: UnsafeBufferPointer(rebasing: xml.bytes[range]), as: UTF8.self)
                }
            }
        }

        private mutating func endCell(_ parts: WorkbookParts) {
            guard inRow, column >= 0 else { return }
            switch type {
            case "s":
                guard let index = Int(value), parts.sharedStrings.indices.contains(index) else {
                    row.problems.append(
                        (column, "refers to shared string \(CellReading.quoted(value)), which the workbook does not have; left blank"))
                    return
                }
                row.cells.append((column, parts.sharedStrings[index]))
            case "b":
                row.cells.append((column, value == "1" ? "TRUE" : value == "0" ? "FALSE" : value))
            case "inlineStr", "str", "e", "d":
                row.cells.append((column, value))
            default:
                let isDate = parts.dateStyles.indices.contains(style) && parts.dateStyles[style]
                row.cells.append((column, isDate ? Self.date(value, uses1904: parts.uses1904Dates) : Self.number(value)))
            }
        }

        /// The last row a sheet has.
        static let lastRow = 1_048_576

        /// The column of a cell reference ("J14" is 9).
        private static func column(of reference: Range<Int>, _ xml: XMLTokenizer) -> Int? {
            var column = 0
            var letters = 0
            for index in reference {
                let byte = xml.bytes[index] | 0x20  // lower case
                guard byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") else { break }
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
                guard letters <= 3 else { return nil }
            }
            return letters == 0 ? nil : column - 1
        }

        /// A number as a person writes it: whole numbers without a decimal point or an
        /// exponent (`1.5E6` is `1500000`); anything else as stored.
        static func number(_ text: String) -> String {
            guard text.contains(where: { $0 == "E" || $0 == "e" || $0 == "." }), let value = Double(text),
                value.rounded() == value, abs(value) < 1e15
            else { return text }
            return String(Int64(value))
        }

        /// A date serial number as `yyyy-mm-dd` (and a time of day dropped); anything that
        /// is not a number as stored.
        static func date(_ text: String, uses1904: Bool) -> String {
            guard let serial = Double(text), serial >= 0, serial < 2_958_466 else { return text }
            // Day 1 is 1 January 1900, and Excel counts a 29 February 1900 that never was
            // (day 60): from day 61 on, days count from 30 December 1899; before, from the
            // 31st. Or day 0 is 1 January 1904.
            let whole = Int(serial.rounded(.down))
            let days = uses1904 ? whole + 1_462 : whole < 61 ? whole + 1 : whole
            let (year, month, day) = civilDate(daysSince18991230: days)
            func pad(_ value: Int, _ width: Int) -> String {
                String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }

        /// Howard Hinnant's days-to-civil, counted from 30 December 1899.
        private static func civilDate(daysSince18991230 days: Int) -> (Int, Int, Int) {
            let z = days - 25_569 + 719_468  // to days since 1 March 0000, through the Unix epoch
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let monthIndex = (5 * dayOfYear + 2) / 153
            let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
            let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
            return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
        }
    }
}

/// Sheet and column names as a person reads them.
enum SheetReference {
    /// "A" for column 0, "J" for 9, "AA" for 26.
    static func letters(_ column: Int) -> String {
        var column = column + 1
        var letters = ""
        while column > 0 {
            let remainder = (column - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            column = (column - 1) / 26
        }
        return letters
    }

    /// The sheet's name as a formula writes it: quoted when it has anything but letters,
    /// digits and "_" ('Shared services'!A1).
    static func sheet(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

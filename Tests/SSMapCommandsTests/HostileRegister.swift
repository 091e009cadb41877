import Foundation

/// A register whose text is made to attack a terminal: escape sequences that recolour,
/// clear the screen, set the window title or open a device control string, a C1 CSI, bell,
/// backspace, delete and a right-to-left override, in names, descriptions, partners and
/// the other text columns.
enum HostileRegister {
    static let recolour = "\u{1B}[31mRED"
    static let setTitle = "\u{1B}]0;PWNED\u{07}"
    static let clearScreen = "\u{1B}[2J"
    static let deviceControl = "\u{1B}P1$r\u{1B}\\"
    static let c1ControlSequence = "\u{9B}31m"
    static let rightToLeftOverride = "\u{202E}"
    static let bellBackspaceDelete = "bell\u{07} back\u{08}space del\u{7F}"

    struct Payload {
        var name: String
        var bytes: [UInt8]
    }

    static let rightToLeftOverridePayload = Payload(name: "U+202E (right-to-left override)", bytes: [0xE2, 0x80, 0xAE])

    /// Bytes that must never reach a terminal from the data: each starts a sequence the
    /// terminal would act on. (ESC[2J, BEL and BS are not here: ncurses itself writes
    /// them to clear the screen, end a sequence and move the cursor.)
    static let payloads: [Payload] = [
        Payload(name: "ESC]0;PWNED (set the title)", bytes: Array("\u{1B}]0;PWNED".utf8)),
        Payload(name: "ESC[31mRED (recolour)", bytes: Array("\u{1B}[31mRED".utf8)),
        Payload(name: "ESC P (device control string)", bytes: [0x1B, 0x50]),
        Payload(name: "U+009B (C1 CSI)", bytes: [0xC2, 0x9B]),
        rightToLeftOverridePayload,
    ]

    /// What the terminal shows instead of ESC: its control picture.
    static let visibleEscape = "␛"

    static let rows: [[String]] = [
        [
            "X1", "\(recolour) Legal \(setTitle) shared", "Back office", "Legal services",
            "Adur District Council; Worth \(deviceControl) Council", "Adur District Council", "London", "2015",
            "operational", "1000", "",
            "Clears \(clearScreen) then \(deviceControl) with \(c1ControlSequence), \(bellBackspaceDelete), \(rightToLeftOverride)reversed",
            "reported", "\(setTitle) source",
        ],
        [
            "X2", "\(rightToLeftOverride)Reversed \(c1ControlSequence) Trading", "Regulatory services", "Trading standards",
            "Adur District Council; \(setTitle) Borough Council", "", "South East", "2016", "operational", "2000", "",
            "\(recolour) and \(setTitle) and \(bellBackspaceDelete)", "illustrative", "",
        ],
        [
            "X3", "Plain procurement", "Back office", "\(clearScreen)Procurement \(recolour)",
            "Adur District Council; Worthing Borough Council; \(recolour) Fire", "", "\(setTitle)Land", "2017",
            "operational\(recolour)", "\(recolour)", "", "\(deviceControl)\(rightToLeftOverride)", "", "",
        ],
    ]

    static let header = "id,name,service_area,service,partners,lead,region,start_year,status,savings_to_date,"
        + "savings_latest_year,description,provenance,source"

    /// Writes arrangements.csv (every field quoted) with the sample's organisations.csv
    /// beside it, in a new temporary directory; returns the arrangements file.
    static func write() throws -> URL {
        let directory = try BinaryRunner.temporaryDirectory()
        let quoted = rows.map { row in row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }
        let file = directory.appendingPathComponent("arrangements.csv")
        try ([header] + quoted).joined(separator: "\n").appending("\n").write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            at: BinaryRunner.sampleDirectory.appendingPathComponent("organisations.csv"),
            to: directory.appendingPathComponent("organisations.csv"))
        return file
    }

    /// The control bytes in a command's output other than line ends (the terminal turns
    /// "\n" into "\r\n") and the "\r ESC[K" that clears a progress line: a command, which
    /// moves no cursor, writes no other.
    static func unexpectedControlBytes(in bytes: [UInt8]) -> [UInt8] {
        let clearLine: [UInt8] = [0x0D, 0x1B, 0x5B, 0x4B]
        var remaining = bytes[...]
        var found: [UInt8] = []
        while let byte = remaining.first {
            if remaining.starts(with: clearLine) {
                remaining = remaining.dropFirst(clearLine.count)
                continue
            }
            if (byte < 0x20 && byte != 0x0A && byte != 0x0D) || byte == 0x7F { found.append(byte) }
            remaining = remaining.dropFirst()
        }
        return found
    }

    /// The payloads found in `bytes`, by name.
    static func payloadsFound(in bytes: [UInt8]) -> [String] {
        payloads.filter { bytes.firstRange(of: $0.bytes) != nil }.map(\.name)
    }
}

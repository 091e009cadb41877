import TextCells

/// Reading single cells of a register: years, quoting values in messages, spotting
/// control characters.
enum CellReading {
    enum YearReading: Equatable {
        case blank
        case year(Int)
        case invalid(reason: String)
    }

    static let plausibleYears = 1945...2100

    /// Reads "2015", "2015/16", "2015-16", "2015-04-01", "01/04/2015" and "2015.0".
    static func year(_ text: String) -> YearReading {
        // Most cells are four digits: read those without building scalar arrays.
        let bytes = text.utf8
        if bytes.count == 4, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            let year = bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            return plausibleYears.contains(year)
                ? .year(year)
                : .invalid(reason: "is not a plausible start year (\(plausibleYears.lowerBound)–\(plausibleYears.upperBound))")
        }
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return .blank }
        let scalars = Array(trimmed.unicodeScalars)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count,
                scalars[range].allSatisfy({ ("0"..."9").contains($0) })
            else { return nil }
            return Int(String(String.UnicodeScalarView(scalars[range])))
        }
        var found: Int?
        if let leading = digits(0..<4) {
            let rest = String(String.UnicodeScalarView(scalars[4...]))
            let separatorFollows = rest.isEmpty || rest.hasPrefix("-") || rest.hasPrefix("/")
                || rest.allSatisfy({ $0 == "0" || $0 == "." }) && rest.hasPrefix(".")
            if separatorFollows { found = leading }
        } else if scalars.count >= 8, let trailing = digits((scalars.count - 4)..<scalars.count),
            scalars[scalars.count - 5] == "/" || scalars[scalars.count - 5] == "-"
        {
            found = trailing  // day/month/year
        }
        guard let year = found else { return .invalid(reason: "is not a year") }
        guard plausibleYears.contains(year) else {
            return .invalid(reason: "is not a plausible start year (\(plausibleYears.lowerBound)–\(plausibleYears.upperBound))")
        }
        return .year(year)
    }

    /// A savings figure read: its amount (nil when not reported), how exactly it is known,
    /// and what to say about the amount's cell and the qualifier's.
    struct SavingsReading {
        var pounds: Int64?
        var qualifier: SavingsQualifier
        var amountNote: String?
        var qualifierNote: String?
    }

    /// Reads a savings cell and its qualifier column's cell (blank when there is none).
    /// The figure's own words ("more than £1m") qualify it unless the column says otherwise.
    static func savings(_ text: String, qualifier qualifierText: String) -> SavingsReading {
        // Most figures are whole pounds in plain digits, with no qualifier.
        if qualifierText.isEmpty, let pounds = Money.plainWholePounds(text) { return SavingsReading(pounds: pounds, qualifier: .exact) }
        let (fromWords, amount) = SavingsQualifier.split(text)
        var reading = SavingsReading(pounds: nil, qualifier: fromWords)
        let shown = quoted(text.trimmingWhitespace())
        switch Money.parse(amount) {
        case .notReported:
            // Words of a qualifier with no amount ("more than", "forecast") say nothing of how much.
            if fromWords != .exact || amount != text.trimmingWhitespace() {
                reading.amountNote = "\(shown) has no amount; taken as not reported"
            }
        case .amount(let pounds, let note):
            reading.pounds = pounds
            if let note { reading.amountNote = "\(shown) \(note)" }
        case .invalid(let reason):
            reading.amountNote = "\(shown) \(reason); taken as not reported"
        }
        if !qualifierText.isBlank {
            if let given = SavingsQualifier(name: qualifierText) {
                if fromWords != .exact && given != fromWords {
                    reading.qualifierNote = "\(quoted(qualifierText.trimmingWhitespace())) disagrees with the figure's "
                        + "own words (\(fromWords.name)); \(given.name) kept"
                }
                reading.qualifier = given
            } else {
                reading.qualifierNote = "\(quoted(qualifierText.trimmingWhitespace())) is not exact, at least, up to, "
                    + "about or forecast; taken as \(fromWords.name)"
            }
        }
        if reading.pounds == nil {
            if reading.qualifier != .exact && reading.qualifierNote == nil && reading.amountNote == nil {
                reading.qualifierNote = "\(quoted(qualifierText.trimmingWhitespace())) qualifies no figure; ignored"
            }
            reading.qualifier = .exact
        }
        return reading
    }

    /// A value as it appears in a message: quoted, shortened, with control characters shown.
    static func quoted(_ value: String) -> String {
        // Control characters shown as symbols (ESC as ␛): no message carries an escape sequence.
        "\"" + SafeText.visible(shortened(value)) + "\""
    }

    /// At most 60 characters, the last of them "…" when cut: a message never carries a
    /// whole megabyte cell or column name.
    static func shortened(_ value: String) -> String {
        // Counting a huge value's characters would walk all of it; its bytes bound them.
        guard value.utf8.count > 60, value.count > 60 else { return value }
        return String(value.prefix(57)) + "…"
    }

    /// A column name as a message shows it: shortened, control characters as symbols,
    /// and "(blank)" for a name left empty (a header of only commas has nothing else to show).
    static func columnName(_ name: String) -> String {
        name.isEmpty ? "(blank)" : SafeText.visible(shortened(name))
    }

    /// "a, b or c": the words a message offers as the choices.
    static func either(_ words: [String]) -> String {
        guard let last = words.last else { return "" }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " or " + last
    }

    /// A header as a message lists it: the first 20 names, then how many more there are.
    static func listed(_ header: [String]) -> String {
        let shownCount = 20
        let names = header.prefix(shownCount).map(columnName).joined(separator: ", ")
        guard header.count > shownCount else { return names }
        return names + " and \(header.count - shownCount) more"
    }

    /// True when the text holds control characters (C0, C1, DEL) or bidirectional
    /// overrides; tabs and line breaks (LF, CR) are ordinary text in a cell.
    static func containsControlCharacters(_ text: String) -> Bool {
        SafeText.hasControlsBesidesTabsAndLineBreaks(text)
    }

    static func containsControlCharacters(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        SafeText.hasControlsBesidesTabsAndLineBreaks(utf8: utf8)
    }
}

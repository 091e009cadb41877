/// Whole pounds, the way ssmap reads and writes them.
///
/// Amounts are `Int64` pounds throughout; "not reported" is `nil`, never 0.
public enum Money {
    /// Amounts above this are taken to be typing mistakes (the whole 2017 register saved £643m).
    public static let implausiblyLarge: Int64 = 100_000_000_000

    public enum Parsed: Sendable, Equatable {
        /// A blank cell: the figure was not reported.
        case notReported
        /// An amount in whole pounds; `note` says what was interpreted (pence rounded, a negative).
        case amount(Int64, note: String?)
        /// Not an amount of money; `reason` completes the sentence `"…" <reason>`.
        case invalid(reason: String)
    }

    /// Reads what people type in spreadsheets: `1250000`, `£1,250,000`, `1,250,000.00`,
    /// `1.2m`, `£500k`, `£1.3bn`, `2 million`, `GBP 40,000`, `-£5,000`.
    public static func parse(_ text: String) -> Parsed {
        // Most cells are plain whole pounds ("1250000"): read those from the bytes directly.
        if let pounds = plainWholePounds(text) { return .amount(pounds, note: nil) }
        var rest = Substring(text.trimmingWhitespace())
        if rest.isEmpty { return .notReported }
        let notMoney = Parsed.invalid(reason: "is not an amount of money")

        var negative = false
        if rest.first == "-" || rest.first == "−" {
            negative = true
            rest = rest.dropFirst()
        }
        rest = Substring(rest.trimmingWhitespace())
        // "Â£" is "£" from UTF-8 text once read as Windows-1252 (a CSV imported into a
        // spreadsheet with the wrong character set, then saved): the amount is there, and is
        // read, with a note of what was seen.
        var twiceConverted = false
        if rest.hasPrefix("£") {
            rest = rest.dropFirst()
        } else if rest.hasPrefix("Â£") {
            rest = rest.dropFirst(2)
            twiceConverted = true
        } else if rest.uppercased().hasPrefix("GBP") {
            rest = rest.dropFirst(3)
        }
        rest = Substring(rest.trimmingWhitespace())

        // Split the digits from a multiplier word or letter at the end.
        let numberEnd = rest.firstIndex { !($0.isASCII && ($0.isNumber || $0 == "," || $0 == ".")) } ?? rest.endIndex
        let number = rest[..<numberEnd]
        let suffix = rest[numberEnd...].trimmingWhitespace().lowercased()
        let multiplier: Int64
        switch suffix {
        case "": multiplier = 1
        case "k", "thousand": multiplier = 1_000
        case "m", "mn", "million", "millions": multiplier = 1_000_000
        case "bn", "b", "billion", "billions": multiplier = 1_000_000_000
        default: return notMoney
        }

        guard let decimal = DecimalDigits(number) else { return notMoney }
        guard let (pounds, hadPence) = decimal.scaled(by: multiplier) else {
            return .invalid(reason: "is more than £100bn, too large to be a saving")
        }
        if pounds > implausiblyLarge {
            return .invalid(reason: "is more than £100bn, too large to be a saving")
        }
        var notes: [String] = []
        if twiceConverted {
            notes.append(
                "has \"Â£\" for \"£\" (UTF-8 text once read as Windows-1252); read as \(formatExact(negative ? -pounds : pounds))")
        }
        if hadPence && multiplier == 1 {
            notes.append("has pence; rounded to \(formatExact(pounds))")
        }
        if negative && pounds != 0 { notes.append("is negative (a net cost)") }
        let note = notes.isEmpty ? nil : notes.joined(separator: " and ")
        return .amount(negative ? -pounds : pounds, note: note)
    }

    /// The value of 1 to 11 ASCII digits with no sign or separators, else nil.
    static func plainWholePounds(_ text: String) -> Int64? {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= 11 else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Compact money for tables and charts: three significant figures at most,
    /// `£643m`, `£1.25m`, `£500k`, `£1.3bn`, `£1.32tn`, `£950`, `-£20k`.
    public static func format(_ pounds: Int64) -> String {
        pounds < 0 ? "-" + format(magnitude: pounds.magnitude) : format(magnitude: pounds.magnitude)
    }

    /// Compact money with how exactly it is known: `≥ £1m`, `~£2m`.
    public static func format(_ pounds: Int64, _ qualifier: SavingsQualifier) -> String {
        qualifier.symbol + format(pounds)
    }

    /// Exact money with thousands separators and how exactly it is known: `≥ £1,000,000`.
    public static func formatExact(_ pounds: Int64, _ qualifier: SavingsQualifier) -> String {
        qualifier.symbol + formatExact(pounds)
    }

    /// Exact money with thousands separators: `£1,250,000`.
    public static func formatExact(_ pounds: Int64) -> String {
        (pounds < 0 ? "-£" : "£") + Count.grouped(pounds.magnitude)
    }

    private static func format(magnitude pounds: UInt64) -> String {
        // Trillions appear only in generated registers of a million rows, but should read well there too.
        let units: [(UInt64, String)] = [
            (1_000_000_000_000, "tn"), (1_000_000_000, "bn"), (1_000_000, "m"), (1_000, "k"),
        ]
        // A unit is used from the amount that rounds up to one of it: £999,500 is "£1m", not "£1000k".
        for (size, unit) in units where pounds >= size - size / 2000 {
            return "£" + threeSignificantFigures(pounds, unit: size) + unit
        }
        return "£\(pounds)"
    }

    /// `value / unit` to three significant figures, trailing zeros dropped, rounding half up
    /// in integer arithmetic so that no amount is nudged by floating point.
    private static func threeSignificantFigures(_ value: UInt64, unit: UInt64) -> String {
        let whole = value / unit
        let decimals = whole >= 100 ? 0 : (whole >= 10 ? 1 : 2)
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        // Round value/unit to `decimals` places, in units of 1/scale, without overflowing.
        let scaledUnit = unit / scale
        var rounded = value / scaledUnit
        if value % scaledUnit >= scaledUnit - scaledUnit / 2 { rounded += 1 }
        var places = decimals
        while places > 0 && rounded % 10 == 0 {
            rounded /= 10
            places -= 1
        }
        if places == 0 { return String(rounded) }
        var divisor: UInt64 = 1
        for _ in 0..<places { divisor *= 10 }
        let fraction = String(rounded % divisor)
        let padded = String(repeating: "0", count: places - fraction.count) + fraction
        return "\(rounded / divisor).\(padded)"
    }
}

/// The digits of a decimal number typed by a person: optional thousands separators in
/// the whole part (`1,250,000`), optional fractional part (`.00`, `.5`).
struct DecimalDigits {
    var whole: [UInt8]
    var fraction: [UInt8]

    init?(_ text: Substring) {
        guard !text.isEmpty else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let wholeText = parts[0]
        let groups = wholeText.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            // Separators must group by threes: "1,250,000", not "12,50".
            guard let first = groups.first, (1...3).contains(first.count),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
        }
        whole = groups.joined().utf8.map { $0 &- UInt8(ascii: "0") }
        fraction = parts.count == 2 ? parts[1].utf8.map { $0 &- UInt8(ascii: "0") } : []
        let allDigits = (whole + fraction).allSatisfy { $0 <= 9 }
        guard allDigits, !(whole.isEmpty && fraction.isEmpty), !(parts.count == 2 && fraction.isEmpty) else {
            return nil
        }
    }

    /// The value times `multiplier`, rounded half up to whole pounds, and whether anything
    /// was rounded away; nil when it would not fit in `Int64`.
    func scaled(by multiplier: Int64) -> (Int64, Bool)? {
        var value: Int64 = 0
        for digit in whole {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (plus, overflow2) = times.addingReportingOverflow(Int64(digit))
            if overflow1 || overflow2 { return nil }
            value = plus
        }
        let (scaledWhole, overflow) = value.multipliedReportingOverflow(by: multiplier)
        if overflow { return nil }
        // The fractional part times the multiplier, in whole pounds plus a remainder.
        var fractionPounds: Int64 = 0
        var remainderNumerator: Int64 = 0
        var place: Int64 = 1
        for digit in fraction.prefix(15) {
            place *= 10
            remainderNumerator = remainderNumerator * 10 + Int64(digit)
        }
        var roundedAway = false
        if place > 1 {
            // multiplier ≤ 1e9 and remainderNumerator < 1e15: split to avoid overflow.
            let exact = remainderNumerator.multipliedFullWidth(by: multiplier)
            let (quotient, remainder) = place.dividingFullWidth(exact)
            fractionPounds = quotient
            if remainder * 2 >= place { fractionPounds += 1 }
            roundedAway = remainder != 0
        }
        let (total, overflow3) = scaledWhole.addingReportingOverflow(fractionPounds)
        if overflow3 { return nil }
        return (total, roundedAway)
    }
}

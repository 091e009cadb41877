import Testing

@testable import SharedServices

/// Reading money as people type it, and writing it compactly and exactly.
@Suite("Money")
struct MoneyTests {
    static func pounds(_ parsed: Money.Parsed) -> Int64? {
        if case .amount(let pounds, _) = parsed { return pounds }
        return nil
    }

    static func note(_ parsed: Money.Parsed) -> String? {
        if case .amount(_, let note) = parsed { return note }
        return nil
    }

    static func isInvalid(_ parsed: Money.Parsed) -> Bool {
        if case .invalid = parsed { return true }
        return false
    }

    // MARK: Parsing

    @Test(arguments: [
        ("1250000", Int64(1_250_000)),
        ("£1,250,000", 1_250_000),
        ("1.2m", 1_200_000),
        ("£500k", 500_000),
        ("£1.3bn", 1_300_000_000),
        ("1,250,000.00", 1_250_000),
        ("2 million", 2_000_000),
        ("GBP 40,000", 40_000),
        ("gbp40000", 40_000),
        ("£1.2M", 1_200_000),
        ("£2.5 billion", 2_500_000_000),
        ("  £750  ", 750),
        ("0", 0),
        ("£1.25m", 1_250_000),
        ("£0.5k", 500),
        ("10 thousand", 10_000),
    ])
    func plainAmounts(text: String, expected: Int64) {
        #expect(Money.parse(text) == .amount(expected, note: nil), "\(text)")
    }

    @Test func pennyAmountsAreRoundedWithANote() throws {
        let parsed = Money.parse("£1,250.50")
        #expect(Self.pounds(parsed) == 1_251)
        let note = try #require(Self.note(parsed))
        #expect(note.contains("pence"))
        #expect(note.contains("£1,251"))

        let down = Money.parse("1,250.49")
        #expect(Self.pounds(down) == 1_250)
        #expect(Self.note(down) != nil)
    }

    /// "Â£" is what "£" becomes when UTF-8 text is once read as Windows-1252 (LibreOffice
    /// imports a CSV so by default, and saves it so in a workbook): the amount is read, and
    /// the note says what was seen, not taken as not reported.
    @Test(arguments: [("Â£1,250,000", Int64(1_250_000)), ("Â£500k", 500_000), ("-Â£20k", -20_000), (" Â£ 3m ", 3_000_000)])
    func aPoundSignConvertedTwiceIsReadWithANote(text: String, pounds: Int64) throws {
        let parsed = Money.parse(text)
        #expect(Self.pounds(parsed) == pounds, "\(text) -> \(parsed)")
        let note = try #require(Self.note(parsed))
        #expect(note.contains("\"Â£\" for \"£\""), "\(note)")
        #expect(note.contains("£") && note.contains("read as"), "\(note)")
    }

    /// The same in a register: the figure is kept, and the warning names the cell.
    @Test func aRegisterWithPoundSignsConvertedTwiceKeepsItsFigures() throws {
        let text = """
            id,name,service,partners,savings_to_date
            T1,Shared legal,Legal,Adur District Council; Worthing Borough Council,"Â£1,250,000"
            T2,Shared audit,Audit,Adur District Council; Worthing Borough Council,£40k

            """
        let loaded = try RegisterLoader.load(arrangementBytes: Array(text.utf8), file: "twice.csv")
        #expect(loaded.register.savedToDate.pounds == [1_250_000, 40_000])
        let warning = try #require(loaded.diagnostics.first { $0.message.contains("Â£") }, "\(loaded.diagnostics)")
        #expect(warning.severity == .warning && warning.line == 2 && warning.column == 71, "\(warning)")
    }

    @Test func negativeAmountsAreKeptWithANote() throws {
        let parsed = Money.parse("-£5,000")
        #expect(Self.pounds(parsed) == -5_000)
        let note = try #require(Self.note(parsed))
        #expect(note.contains("negative"))

        let unicodeMinus = Money.parse("−£20k")
        #expect(Self.pounds(unicodeMinus) == -20_000)
        #expect(Self.note(unicodeMinus)?.contains("negative") == true)
    }

    @Test(arguments: ["", "   ", "\t", "\u{A0}"])
    func blankIsNotReported(text: String) {
        #expect(Money.parse(text) == .notReported)
    }

    @Test(arguments: [
        "about £2m", "12,50", "1.2.3", "£", "k", "-", "£m", "1e6", "n/a", "TBC", "£1,2345", ",000", "1.", "£2m+",
        "1,000,00", "twelve",
    ])
    func notMoney(text: String) {
        #expect(Self.isInvalid(Money.parse(text)), "\(text) -> \(Money.parse(text))")
    }

    @Test func upToOneHundredBillionIsAllowed() {
        #expect(Money.parse("£100bn") == .amount(100_000_000_000, note: nil))
        #expect(Money.parse("100,000,000,000") == .amount(100_000_000_000, note: nil))
    }

    @Test(arguments: ["£100,000,000,001", "£101bn", "£0.2 trillion", "150bn", "100000000000.6", "-£200bn"])
    func overOneHundredBillionIsInvalid(text: String) {
        #expect(Self.isInvalid(Money.parse(text)), "\(text) -> \(Money.parse(text))")
    }

    @Test func hugeDigitStringsAreInvalidNotACrash() {
        let huge = String(repeating: "9", count: 40)
        #expect(Self.isInvalid(Money.parse(huge)))
        #expect(Self.isInvalid(Money.parse("£" + huge + "bn")))
        #expect(Self.isInvalid(Money.parse("9,223,372,036,854,775,807")))
        #expect(Self.isInvalid(Money.parse("9,223,372,036,854,775,808")))
        #expect(Self.isInvalid(Money.parse("9223372036854775807k")))
        #expect(Self.isInvalid(Money.parse("1" + String(repeating: "0", count: 30) + "m")))
        // A long fraction is rounded, not overflowed.
        let longFraction = Money.parse("0." + String(repeating: "9", count: 100))
        #expect(Self.pounds(longFraction) == 1)
        let longFractionMillions = Money.parse("1." + String(repeating: "5", count: 60) + "bn")
        #expect(Self.pounds(longFractionMillions) == 1_555_555_556)
    }

    // MARK: Compact format

    @Test(arguments: [
        (Int64(643_000_000), "£643m"),
        (1_250_000, "£1.25m"),
        (1_200_000, "£1.2m"),
        (500_000, "£500k"),
        (1_300_000_000, "£1.3bn"),
        (950, "£950"),
        (0, "£0"),
        (1, "£1"),
        (999, "£999"),
        (1_000, "£1k"),
        (1_500, "£1.5k"),
        (12_345, "£12.3k"),
        (99_950, "£100k"),
        (1_000_000, "£1m"),
        (1_255_000, "£1.26m"),
        (1_234_567, "£1.23m"),
        (12_345_678, "£12.3m"),
        (1_001_000, "£1m"),
        (19_125_555, "£19.1m"),
        (100_000_000_000, "£100bn"),
        (1_323_045_267_000, "£1.32tn"),
        (999_600_000_000, "£1tn"),
    ])
    func compact(pounds: Int64, expected: String) {
        #expect(Money.format(pounds) == expected, "\(pounds)")
    }

    @Test(arguments: [
        (Int64(999_950), "£1m"),
        (999_500, "£1m"),
        (999_999, "£1m"),
        (999_500_000, "£1bn"),
        (999_999_999, "£1bn"),
    ])
    func roundingUpToTheNextUnitUsesThatUnit(pounds: Int64, expected: String) {
        // "£1000k" is not three significant figures of anything a reader expects.
        #expect(Money.format(pounds) == expected, "\(pounds)")
    }

    @Test func justBelowTheRoundingBoundaryStaysInTheSmallerUnit() {
        #expect(Money.format(999_499) == "£999k")
        #expect(Money.format(999_499_999) == "£999m")
    }

    @Test(arguments: [
        (Int64(-20_000), "-£20k"),
        (-950, "-£950"),
        (-1_250_000, "-£1.25m"),
        (-1, "-£1"),
    ])
    func compactNegatives(pounds: Int64, expected: String) {
        #expect(Money.format(pounds) == expected)
    }

    @Test func compactExtremesDoNotCrash() async {
        await #expect(processExitsWith: .success) {
            _ = Money.format(Int64.max)
        }
        await #expect(processExitsWith: .success) {
            _ = Money.format(Int64.min)
        }
    }

    // MARK: Exact format

    @Test(arguments: [
        (Int64(1_250_000), "£1,250,000"),
        (0, "£0"),
        (7, "£7"),
        (999, "£999"),
        (1_000, "£1,000"),
        (12_345, "£12,345"),
        (123_456, "£123,456"),
        (1_234_567, "£1,234,567"),
        (643_000_000, "£643,000,000"),
        (-5_000, "-£5,000"),
        (-999, "-£999"),
        (Int64.max, "£9,223,372,036,854,775,807"),
        (Int64.min, "-£9,223,372,036,854,775,808"),
    ])
    func exact(pounds: Int64, expected: String) {
        #expect(Money.formatExact(pounds) == expected)
    }
}

import Testing

@testable import TextCells

@Suite("Display width")
struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(DisplayWidth.of("a") == 1)
        #expect(DisplayWidth.of("Adur & Worthing") == 15)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func accentedLettersAreOneColumnHoweverWritten() {
        let precomposed = "\u{E9}"
        let decomposed = "e\u{301}"
        #expect(precomposed.unicodeScalars.count == 1)
        #expect(decomposed.unicodeScalars.count == 2)
        #expect(DisplayWidth.of(precomposed) == 1)
        #expect(DisplayWidth.of(decomposed) == 1)
        #expect(DisplayWidth.of("caf\u{E9}") == 4)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
    }

    @Test func ynysMon() {
        #expect(DisplayWidth.of("Ynys Môn") == 8)
        #expect(DisplayWidth.of("Ynys Mo\u{302}n") == 8)
    }

    @Test func cjkIsTwoColumns() {
        #expect(DisplayWidth.of("東") == 2)
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("あ") == 2)
        #expect(DisplayWidth.of("Ａ") == 2)  // fullwidth A
        #expect(DisplayWidth.of("東京 Tokyo") == 10)
    }

    @Test func emojiAreTwoColumns() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)  // with a skin tone: one character
        #expect(DisplayWidth.of("🇬🇧") == 2)  // a flag: two regional indicators, one character
        #expect(DisplayWidth.of("❤\u{FE0F}") == 2)  // text-default heart asked to be emoji
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)  // a ZWJ sequence
        #expect(DisplayWidth.of("🦊") == 2)
        #expect(DisplayWidth.of("a😀b") == 4)
    }

    @Test func combiningMarksAreZeroColumns() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x20DD)!) == 0)  // enclosing circle
        #expect(DisplayWidth.of("\u{200B}") == 0)  // zero width space
        #expect(DisplayWidth.of("a\u{301}\u{302}\u{303}") == 1)
    }

    @Test func characterAndScalarAgree() {
        #expect(DisplayWidth.of(Character("東")) == 2)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of(Unicode.Scalar("x")) == 1)
    }
}

@Suite("Safe text")
struct SafeTextTests {
    @Test func escapeBecomesAVisibleSymbol() {
        #expect(SafeText.visible("\u{1B}[31mred") == "\u{241B}[31mred")
        #expect(SafeText.visible("\u{1B}[31mred") == "␛[31mred")
    }

    @Test func carriageReturnBecomesAVisibleSymbol() {
        #expect(SafeText.visible("abc\rxyz") == "abc␍xyz")
        #expect(SafeText.visible("abc\rxyz", keepingLineBreaks: true).unicodeScalars.allSatisfy { $0.value != 0x0D })
    }

    @Test func bellAndDelete() {
        #expect(SafeText.visible("ding\u{07}") == "ding\u{2407}")
        #expect(SafeText.visible("x\u{7F}y") == "x␡y")
        #expect(SafeText.visible("\u{00}") == "\u{2400}")
    }

    @Test func c1ControlsBecomeReplacementCharacters() {
        #expect(SafeText.visible("a\u{9B}31mb") == "a\u{FFFD}31mb")
        #expect(SafeText.visible("\u{80}\u{85}\u{9F}") == "\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test func bidiOverridesBecomeReplacementCharacters() {
        #expect(SafeText.visible("abc\u{202E}fed") == "abc\u{FFFD}fed")
        #expect(SafeText.visible("\u{202A}\u{202B}\u{202C}\u{202D}") == String(repeating: "\u{FFFD}", count: 4))
        #expect(SafeText.visible("\u{2066}x\u{2069}") == "\u{FFFD}x\u{FFFD}")
    }

    @Test func lineBreaksAreKeptOnlyWhenAsked() {
        #expect(SafeText.visible("one\ntwo") == "one␊two")
        #expect(SafeText.visible("one\ntwo", keepingLineBreaks: true) == "one\ntwo")
        #expect(SafeText.needsCleaning("one\ntwo"))
        #expect(!SafeText.needsCleaning("one\ntwo", keepingLineBreaks: true))
        // Other controls are still cleaned when line breaks are kept.
        #expect(SafeText.visible("a\n\u{1B}b", keepingLineBreaks: true) == "a\n␛b")
    }

    @Test func tabBecomesASpace() {
        #expect(SafeText.visible("a\tb") == "a b")
    }

    @Test func plainTextIsUnchanged() {
        for text in ["", "Adur & Worthing", "Ynys Môn", "東京 😀", "£1.2m — “quoted”", "e\u{301}"] {
            #expect(SafeText.visible(text) == text)
            #expect(!SafeText.needsCleaning(text))
        }
    }

    /// The check reads bytes, not scalars: it must find exactly the characters the rule
    /// names, alone or between others (including others that start with 0xC2 or 0xE2,
    /// as "£", a non-breaking space and "’" do), given as a String or as its bytes.
    @Test func controlsAreFoundByBytesExactlyAsTheRuleNamesThem() {
        func isControl(_ value: UInt32) -> Bool {
            (value < 0x20 && ![0x09, 0x0A, 0x0D].contains(value)) || (0x7F..<0xA0).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
        let values = Array(UInt32(0)..<0x800) + Array(UInt32(0x2000)..<0x2100) + [0xFEFF, 0xFFFD, 0x1F600]
        var wrong: [String] = []
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "£\(scalar)’", "\u{A0}\(scalar)\u{2029}x"] {
                var utf8 = text
                let fromBytes = utf8.withUTF8 { SafeText.hasControlsBesidesTabsAndLineBreaks(utf8: $0) }
                if fromBytes != isControl(value) || SafeText.hasControlsBesidesTabsAndLineBreaks(text) != isControl(value) {
                    wrong.append(text.debugDescription)
                }
            }
        }
        #expect(wrong.isEmpty)
        #expect(values.count > 2_000)
    }

    @Test func resultHasNoControlCharacters() {
        var text = ""
        for value in UInt32(0)..<0xA0 { text.unicodeScalars.append(Unicode.Scalar(value)!) }
        let cleaned = SafeText.visible(text)
        #expect(cleaned.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F..<0xA0).contains($0.value) })
        #expect(!SafeText.needsCleaning(cleaned))
    }
}

@Suite("Column fitting")
struct ColumnFitTests {
    @Test func truncateLeavesShortTextAlone() {
        #expect(ColumnFit.truncate("abc", to: 3) == "abc")
        #expect(ColumnFit.truncate("abc", to: 10) == "abc")
        #expect(ColumnFit.truncate("東京", to: 4) == "東京")
    }

    @Test func truncateCutsWithAnEllipsis() {
        #expect(ColumnFit.truncate("abcdef", to: 4) == "abc…")
        #expect(ColumnFit.truncate("ab", to: 1) == "…")
        #expect(ColumnFit.truncate("abc", to: 0) == "")
        #expect(ColumnFit.truncate("abc", to: -3) == "")
    }

    @Test func truncateWideCharacters() {
        #expect(ColumnFit.truncate("東京東京", to: 5) == "東京…")
        #expect(ColumnFit.truncate("東京東京", to: 4) == "東…")
        #expect(ColumnFit.truncate("東", to: 1) == "…")
        #expect(ColumnFit.truncate("a東京", to: 4) == "a東…")
        #expect(ColumnFit.truncate("😀😀😀", to: 4) == "😀…")
    }

    @Test func truncateKeepsCombiningMarksWithTheirLetters() {
        #expect(ColumnFit.truncate("e\u{301}e\u{301}e\u{301}", to: 2) == "e\u{301}…")
    }

    @Test(arguments: 0...12)
    func truncateNeverExceedsTheWidth(width: Int) {
        for text in ["東京 Tokyo 😀 Ynys Môn", "a東b京c", "🇬🇧🇬🇧🇬🇧", "e\u{301}東e\u{301}"] {
            let cut = ColumnFit.truncate(text, to: width)
            #expect(DisplayWidth.of(cut) <= width, "\(text) to \(width): \(cut)")
        }
    }

    @Test func padToExactWidth() {
        #expect(ColumnFit.pad("abc", to: 5) == "abc  ")
        #expect(ColumnFit.pad("abc", to: 5, alignment: .right) == "  abc")
        #expect(ColumnFit.pad("東京", to: 5) == "東京 ")
        #expect(ColumnFit.pad("東京", to: 5, alignment: .right) == " 東京")
        #expect(ColumnFit.pad("東京東京", to: 5) == "東京…")
        #expect(ColumnFit.pad("東京東京", to: 4) == "東… ")
        #expect(ColumnFit.pad("東", to: 1) == "…")
        #expect(ColumnFit.pad("abc", to: 0) == "")
    }

    @Test(arguments: 0...12)
    func padIsAlwaysExactlyTheWidth(width: Int) {
        for text in ["", "x", "東京 Tokyo 😀 Ynys Môn", "a東b京c", "Ynys Mo\u{302}n"] {
            #expect(DisplayWidth.of(ColumnFit.pad(text, to: width)) == width)
            #expect(DisplayWidth.of(ColumnFit.pad(text, to: width, alignment: .right)) == width)
        }
    }

    @Test func wrapWords() {
        #expect(ColumnFit.wrap("the quick brown fox", to: 10) == ["the quick", "brown fox"])
        #expect(ColumnFit.wrap("one two", to: 20) == ["one two"])
        #expect(ColumnFit.wrap("a\n\nb", to: 5) == ["a", "", "b"])
        #expect(ColumnFit.wrap("anything", to: 0) == [])
    }

    @Test func wrapSplitsLongWords() {
        #expect(ColumnFit.wrap("abcdefgh ij", to: 3) == ["abc", "def", "gh", "ij"])
    }

    @Test func wrapWideCharacters() {
        #expect(ColumnFit.wrap("東京東京東京", to: 5) == ["東京", "東京", "東京"])
        #expect(ColumnFit.wrap("ab 東京", to: 3) == ["ab", "東", "京"])
        #expect(ColumnFit.wrap("東京 Tokyo", to: 5) == ["東京", "Tokyo"])
    }

    @Test(arguments: 2...12)
    func wrapNeverExceedsTheWidth(width: Int) {
        for text in ["東京 Tokyo 😀 Ynys Môn partnership", "a東b京c東京東京東京", "😀😀😀 😀", "supercalifragilistic"] {
            let lines = ColumnFit.wrap(text, to: width)
            for line in lines {
                #expect(DisplayWidth.of(line) <= width, "\(text) to \(width): \(lines)")
            }
            // Nothing is lost but the spaces between words.
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " }, "\(text) to \(width): \(lines)")
        }
    }

    @Test func wrapToOneColumnNeverExceedsItNorAddsEmptyLines() {
        // A two-column character cannot fit one column: whatever stands for it, no line may
        // be wider than asked, and a word must not leave an empty line behind it.
        for text in ["東", "東京", "a東b"] {
            let lines = ColumnFit.wrap(text, to: 1)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= 1 }, "\(text): \(lines)")
            #expect(!lines.contains(""), "\(text): \(lines)")
        }
        #expect(ColumnFit.wrap("abc", to: 1) == ["a", "b", "c"])
    }
}

/// A label beside its value, or, when it would not leave a space before the value, on a
/// line of its own: none of it is ever cut.
@Suite struct LabelledTests {
    @Test func aLabelThatFitsIsBesideItsValue() {
        #expect(ColumnFit.labelled("Region", "South East", labelWidth: 8, valueWidth: 20) == ["Region  South East"])
    }

    @Test(arguments: ["Contact team", "Shared service manager's contact"])
    func aLabelFillingItsColumnHasALineOfItsOwn(label: String) {
        let lines = ColumnFit.labelled(label, "Legal and democratic services", labelWidth: 12, valueWidth: 16)
        let wholeLabel = DisplayWidth.of(label) <= 28 ? [label] : ColumnFit.wrap(label, to: 28)
        #expect(Array(lines.prefix(wholeLabel.count)) == wholeLabel, "\(lines)")
        #expect(lines.dropFirst(wholeLabel.count).allSatisfy { $0.hasPrefix(String(repeating: " ", count: 12)) }, "\(lines)")
        #expect(lines.joined(separator: " ").contains("democratic"), "\(lines)")
    }
}


import Testing
import TextCells
@testable import TerminalUI

/// The canvas draws narrow text without measuring it: it must come out exactly as measuring
/// would have drawn it.
@Suite struct NarrowTextTests {
    static let narrowScalars: [Unicode.Scalar] = [0x20...0x7E, 0xA0...0x2FF, 0x2010...0x2027, 0x2500...0x259F]
        .flatMap { range in range.compactMap { Unicode.Scalar(UInt32($0)) } }

    @Test func everyNarrowScalarIsOneCleanCharacterOneColumnWide() {
        for scalar in Self.narrowScalars {
            let text = String(Character(scalar))
            #expect(text.narrowColumns == 1, "U+\(String(scalar.value, radix: 16))")
            #expect(DisplayWidth.of(Character(scalar)) == 1, "U+\(String(scalar.value, radix: 16))")
            #expect(SafeText.visible(text) == text, "U+\(String(scalar.value, radix: 16))")
            // Nothing joins it to a neighbour: beside a letter it stays a character of its own.
            #expect(("a" + text).count == 2 && (text + "a").count == 2, "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func anythingElseIsMeasured() {
        for text in ["e\u{301}", "日本", "🙂", "\u{1B}[2J", "\u{7F}", "\u{9B}", "\u{202E}abc", "\u{200B}", "a\tb", "▲"] {
            #expect(text.narrowColumns == nil, "\(text.unicodeScalars.map { $0.value })")
        }
        #expect("£1.2m — Worthing…".narrowColumns == 17)
        #expect("".narrowColumns == 0)
    }

    @Test func truncatingNarrowTextCutsAsColumnFitDoes() {
        for text in ["", "a", "Adur and Worthing", "£643m · 97 n/r", "──────"] {
            for width in 0...20 {
                let columns = text.narrowColumns ?? -1
                #expect(text.truncatedNarrow(columns: columns, to: width) == ColumnFit.truncate(text, to: width), "\(text) to \(width)")
            }
        }
    }

    @Test func narrowAndMeasuredTextDrawTheSame() {
        // The same words drawn once as narrow text and once with a combining accent that
        // sends them down the measuring path, over a wide character they cut in half.
        var narrow = Canvas(size: TerminalSize(width: 12, height: 1))
        var measured = narrow
        narrow.draw("日本語日本語", x: 0, y: 0)
        measured.draw("日本語日本語", x: 0, y: 0)
        narrow.draw("£1 — a", x: 1, y: 0, maxWidth: 8)
        measured.draw("£1 — e\u{301}", x: 1, y: 0, maxWidth: 8)
        #expect(narrow.line(0) == " £1 — a 本語")
        #expect(measured.line(0) == " £1 — e\u{301} 本語")
        #expect(narrow.cells.map(\.isContinuation) == measured.cells.map(\.isContinuation))
    }
}

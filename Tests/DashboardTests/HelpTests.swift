import Foundation
import Testing
@testable import Dashboard
import TerminalUI
import TextCells

/// Every key is discoverable: in the help of its screen, in the hint bar when it is
/// offered there, and in the README's key table. Help and hints are made from the key
/// tables the reducer acts on; these tests check that no key acts outside the tables.
@Suite struct HelpTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// The README's key tables are the help's, word for word.
    @Test func theReadmeListsEveryBinding() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let start = try #require(text.range(of: "<!-- keys -->\n"))
        let end = try #require(text.range(of: "<!-- /keys -->"))
        let tables = Help.markdown()
        if ProcessInfo.processInfo.environment["SSMAP_RECORD_GOLDENS"] == "1" {
            try (text[..<start.upperBound] + tables + text[end.lowerBound...]).write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(text[start.upperBound..<end.lowerBound]) == tables, "README's key tables differ from the help")
        for binding in Help.everywhere + Screen.all.flatMap(Help.bindings(for:)) {
            #expect(text.contains(binding.action), "README's key table lacks \"\(binding.action)\"")
        }
    }

    @Test func helpFitsItsBoxAtEverySize() {
        for width in [32, 36, 68] {
            for screen in Screen.all {
                for line in Help.lines(for: screen, width: width) {
                    #expect(line.text.count <= width, "\(screen) at \(width): \(line.text)")
                }
            }
        }
    }

    /// How help writes a key.
    static func written(_ key: Key) -> [String] {
        switch key {
        case .character(let character) where character.isNumber: return [String(character), "1 – "]
        case .character(let character): return [String(character)]
        case .up: return ["↑"]
        case .down: return ["↓"]
        case .left: return ["←"]
        case .right: return ["→"]
        case .pageUp: return ["PgUp"]
        case .pageDown: return ["PgDn"]
        case .home: return ["Home"]
        case .end: return ["End"]
        case .enter: return ["Enter"]
        case .escape: return ["Esc"]
        case .tab: return ["Tab"]
        case .backTab: return ["Shift-Tab"]
        case .backspace: return ["Backspace"]
        case .delete: return ["Delete"]
        case .function(let number): return ["F\(number)"]
        case .control(let character): return ["Ctrl-\(character.uppercased())"]
        }
    }

    /// Each key of a binding is written in the keys its help line shows.
    @Test func everyBoundKeyIsWrittenInItsHelpLine() {
        for binding in GlobalKeys.bindings + Screen.all.flatMap(\.content.keys) {
            for key in binding.keys {
                #expect(Self.written(key).contains { binding.label.contains($0) }, "\(key) is not shown in \"\(binding.label)\"")
            }
        }
    }

    /// Every hint names a key of its binding, and the hint bar offers only what the screen's
    /// help lists.
    @Test func everyHintNamesARealKey() {
        for binding in GlobalKeys.bindings + Screen.all.flatMap(\.content.keys) {
            guard let hint = binding.hint else { continue }
            #expect(!binding.keys.isEmpty, "hint \(hint.key) has no key to press")
            #expect(binding.label.contains(hint.key) || hint.key == "←→", "hint \(hint.key) is not a key of \"\(binding.label)\"")
        }
        for screen in Screen.all {
            let help = Help.bindings(for: screen) + Help.everywhere
            for hint in Help.hints(for: screen) {
                #expect(help.contains { $0.keys.contains(hint.key) || hint.key == "←→" }, "\(screen): hint \(hint.key)")
            }
        }
    }

    /// The keys a terminal can send: every printable ASCII character and every special key.
    static let everyKey: [Key] = (32...126).compactMap { Unicode.Scalar($0).map { .character(Character($0)) } }
        + [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace, .delete]
        + (1...12).map { .function($0) } + "abcdefghijklmnopqrstuvwxyz".map { .control($0) }

    /// A key that changes anything on a screen (what is drawn, or an effect asked for) is
    /// one of that screen's bindings or a global one, and so is in its help. Tried from a
    /// state with something to act on: a filter, a search and a selection on each screen.
    @Test(arguments: Screen.all)
    func everyKeyThatActsIsInHelp(screen: Screen) {
        var start = Sample.state(width: 120, height: 40)
        Keys.run("jj", on: &start)
        Reducer.switchScreen(to: screen, state: &start)
        Keys.run("j", on: &start)
        start.message = nil
        let before = Render.frame(start)
        for key in Self.everyKey {
            var state = start
            let effects = Reducer.handle(.key(key), state: &state)
            let acted = !effects.isEmpty || Render.frame(state) != before
            if acted {
                #expect(Reducer.binding(for: key, on: screen) != nil, "\(key) acts on \(screen.title) but is in no key table")
            }
        }
    }

    /// In ASCII, the map's help shows its marks as the ASCII map draws them, not as "?".
    @Test func asciiHelpShowsTheMapsMarksAsTheASCIIMapDrawsThem() {
        let lines = Help.lines(for: .map, width: 200).map(\.text)
        for (mark, ascii) in [(MapPainter.leadMark, MapPainter.asciiLead), (MapPainter.siteMark, MapPainter.asciiSite)] {
            let marked = lines.filter { $0.contains(mark) }
            #expect(!marked.isEmpty, "the help names \(mark)")
            for line in marked {
                let shown = DashboardText.forTerminal(line, glyphs: .ascii)
                #expect(shown.contains("marked \(ascii)") && !shown.contains("?"), "\(shown)")
            }
        }
    }

    /// In ASCII, a box's title is ASCII too: the help's, and the export prompt's.
    @Test(arguments: ["?", "e"])
    func asciiBoxesHaveASCIITitles(key: String) throws {
        var state = Sample.state(width: 80, height: 24, glyphs: .ascii)
        Keys.run(key, on: &state)
        #expect(state.overlay != nil)
        let frame = Render.frame(state)
        let top = try #require((0..<frame.height).map { frame.line($0) }.first { $0.contains("+-") }, "no box drawn")
        let ascii = top.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii, "\(top)")
    }
}

/// Help laid out after it is spelt for the terminal: in ASCII, where "<-" and "Up" are wider
/// than "←" and "↑", a key list is never cut nor runs into its action; one too wide for its
/// column has a line of its own.
@Suite struct HelpSpellingTests {
    @Test(arguments: Screen.all)
    func asciiKeysFitTheirColumn(screen: Screen) {
        for width in [30, 41, 60, 76] {
            for glyphs in [Glyphs.ascii, .unicode] {
                let keyWidth = width >= 40 ? 16 : 10
                let lines = Help.lines(for: screen, width: width, glyphs: glyphs).map(\.text)
                for binding in Help.bindings(for: screen) + Help.everywhere {
                    let keys = DashboardText.forTerminal(binding.keys, glyphs: glyphs)
                    let action = ColumnFit.wrap(DashboardText.forTerminal(binding.action, glyphs: glyphs), to: max(8, width - keyWidth))
                    let indent = String(repeating: " ", count: keyWidth)
                    if DisplayWidth.of(keys) < keyWidth {
                        // The keys, then a space at least, then the action beside them.
                        let first = ColumnFit.pad(keys, to: keyWidth) + (action.first ?? "")
                        #expect(lines.contains(first), "\(screen.title), \(width) columns: \"\(first)\"")
                    } else {
                        // Every key on a line of its own, the action under them.
                        let at = lines.firstIndex(of: keys)
                        #expect(at != nil, "\(screen.title), \(width) columns: \"\(keys)\" cut")
                        if let at, let firstAction = action.first {
                            #expect(lines[at + 1] == indent + firstAction, "\(screen.title), \(width) columns: \(lines[at + 1])")
                        }
                    }
                }
            }
        }
    }
}

import Testing
import TerminalUI

@testable import Dashboard

/// In ASCII mode every cell of every frame is ASCII, whatever the widgets add themselves:
/// a table's cut cells end in "~", not "…"; and every symbol of ssmap's own is spelt out
/// ("|" for "·"), not shown as "?".
@Suite struct ASCIIFrameTests {
    @Test(arguments: Screen.all)
    func everyCellOfAnASCIIFrameIsASCII(screen: Screen) {
        for (width, height) in [(45, 14), (60, 20), (80, 24), (120, 40)] {
            var state = Sample.state(width: width, height: height, glyphs: .ascii)
            Reducer.switchScreen(to: screen, state: &state)
            for keys in ["", "j", "?", "f"] {
                var shown = state
                Keys.run(keys, on: &shown)
                let frame = Render.frame(shown)
                let lines = (0..<frame.height).map { frame.line($0) }
                let outside = lines.filter { !$0.unicodeScalars.allSatisfy(\.isASCII) }
                #expect(outside.isEmpty, "\(screen.title) at \(width)×\(height) after \"\(keys)\": \(outside)")
                // Before the last spelling out, only a cut's mark is outside ASCII: no symbol
                // of ssmap's own reached the frame unspelt, to be shown as "?".
                let drawn = Render.drawn(shown)
                let unspelt = (0..<drawn.height).map { drawn.line($0) }
                    .filter { !$0.unicodeScalars.allSatisfy { $0.isASCII || $0 == "…" } }
                #expect(unspelt.isEmpty, "\(screen.title) at \(width)×\(height) after \"\(keys)\": \(unspelt)")
            }
        }
    }

    /// The arrangements' names are longer than 45 columns leave them: their cells are cut,
    /// and the cut shows as the ASCII mark.
    @Test func aCutCellEndsInTheASCIIMark() {
        let frame = Render.frame(Sample.state(width: 45, height: 14, glyphs: .ascii))
        let lines = (0..<frame.height).map { frame.line($0) }
        #expect(lines.contains { $0.contains(String(Glyphs.ascii.cutMark)) }, "\(lines.joined(separator: "\n"))")
    }
}

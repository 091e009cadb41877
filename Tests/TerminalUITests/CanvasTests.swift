import Testing
@testable import TerminalUI

@Suite struct CanvasTests {
    @Test func drawsTextClippedToTheCanvas() {
        var canvas = Canvas(size: TerminalSize(width: 10, height: 2))
        let used = canvas.draw("Hello, world", x: 3, y: 0)
        #expect(used == 7)
        #expect(canvas.line(0) == "   Hello, ")
        #expect(canvas.draw("x", x: 0, y: 5) == 0)
        #expect(canvas.draw("x", x: -1, y: 1) == 1)
        #expect(canvas.line(1) == "          ")
    }

    @Test func wideCharactersTakeTwoCellsAndNeverSplit() {
        var canvas = Canvas(size: TerminalSize(width: 5, height: 1))
        #expect(canvas.draw("日本語", x: 0, y: 0) == 4)
        #expect(canvas.line(0) == "日本 ")
        #expect(canvas[1, 0].isContinuation)
        // Overwriting the right half of a wide character blanks its left half.
        canvas.draw("a", x: 1, y: 0)
        #expect(canvas.line(0) == " a本 ")
    }

    @Test func controlCharactersNeverReachTheCells() {
        var canvas = Canvas(size: TerminalSize(width: 20, height: 1))
        canvas.draw("a\u{1B}[2Jb\u{07}", x: 0, y: 0)
        #expect(canvas.line(0).hasPrefix("a␛[2Jb␇"))
        #expect(!canvas.cells.contains { $0.character.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func combiningMarksStayWithTheirLetter() {
        var canvas = Canvas(size: TerminalSize(width: 10, height: 1))
        #expect(canvas.draw("Mo\u{302}n", x: 0, y: 0) == 3)
        #expect(canvas.line(0).hasPrefix("Mo\u{302}n"))
    }

    @Test func textDropsTrailingSpaces() {
        var canvas = Canvas(size: TerminalSize(width: 6, height: 2))
        canvas.draw("ab", x: 0, y: 1)
        #expect(canvas.text == "\nab")
    }
}

@Suite struct ScrollStateTests {
    @Test func selectionStaysInsideAndOnScreen() {
        var scroll = ScrollState()
        scroll.move(by: 25, count: 100, visible: 10)
        #expect(scroll.selected == 25 && scroll.top == 16)
        scroll.move(by: -1000, count: 100, visible: 10)
        #expect(scroll.selected == 0 && scroll.top == 0)
        scroll.move(by: Int.max / 2, count: 100, visible: 10)
        #expect(scroll.selected == 99 && scroll.top == 90)
        scroll.clamp(count: 5, visible: 10)
        #expect(scroll.selected == 4 && scroll.top == 0)
        scroll.clamp(count: 0, visible: 10)
        #expect(scroll.selected == 0 && scroll.top == 0)
    }

    @Test func scrollingMovesTheViewAndTheSelectionFollows() {
        var scroll = ScrollState()
        scroll.scroll(by: 3, count: 100, visible: 10)
        #expect(scroll.top == 3 && scroll.selected == 3)
        scroll.scroll(by: 1000, count: 100, visible: 10)
        #expect(scroll.top == 90 && scroll.selected >= 90)
    }
}

@Suite struct WidgetTests {
    @Test func tableLayoutSharesSpareWidthAndHitTests() {
        let table = TableView(
            columns: [TableColumn("Name", width: 4, flexWeight: 1), TableColumn("Saved", width: 6, alignment: .right)],
            rowCount: 3, scroll: ScrollState())
        let layout = table.layout(width: 30)
        #expect(layout[0].x == 0 && layout[0].width == 23)
        #expect(layout[1].x == 24 && layout[1].width == 6)
        #expect(table.column(atX: 25, width: 30) == 1)
    }

    /// Flexible columns share what their own widths leave: the table never runs past its width.
    @Test func flexibleColumnsNeverOverflow() {
        let table = TableView(
            columns: [
                TableColumn("Name", width: 16, flexWeight: 3), TableColumn("Service", width: 12, flexWeight: 1),
                TableColumn("Fixed", width: 43),
            ],
            rowCount: 1, scroll: ScrollState())
        for width in 73...120 {
            let layout = table.layout(width: width)
            #expect(layout.allSatisfy { $0.x + $0.width <= width }, "\(width): \(layout)")
            #expect(layout[0].width >= 16 && layout[1].width >= 12 && layout[2].width == 43, "\(width): \(layout)")
        }
    }

    /// A sorted column's marker stays when its title is cut to the column: without
    /// colour, it is the only sign of the sort.
    @Test func theSortMarkerSurvivesANarrowColumn() {
        var canvas = Canvas(size: TerminalSize(width: 20, height: 3))
        let table = TableView(
            columns: [TableColumn("Saved to date", width: 9)], rowCount: 1, scroll: ScrollState(), sortColumn: 0,
            sortDescending: true)
        table.draw(in: canvas.bounds, canvas: &canvas, theme: .monochrome, glyphs: .unicode) { _, _ in "£1m" }
        #expect(canvas.line(0).hasPrefix("Saved to▼") || canvas.line(0).hasPrefix("Saved t…▼"), "\(canvas.line(0))")
    }

    @Test func tableMarksTheSortedColumnAndSelection() {
        var canvas = Canvas(size: TerminalSize(width: 20, height: 4))
        let table = TableView(
            columns: [TableColumn("Name", width: 10, flexWeight: 1)], rowCount: 2, scroll: ScrollState(selected: 1),
            sortColumn: 0, sortDescending: true)
        table.draw(in: canvas.bounds, canvas: &canvas, theme: .monochrome, glyphs: .unicode) { row, _ in "row \(row)" }
        #expect(canvas.line(0).hasPrefix("Name▼"))
        #expect(canvas.line(2).hasPrefix("row 1"))
        #expect(canvas[0, 2].style.reverse)
        #expect(!canvas[0, 1].style.reverse)
    }

    @Test func barsAreProportionalToEighthsOfACell() {
        #expect(BarChartView.bar(value: 100, maximum: 100, width: 10, glyphs: .unicode) == String(repeating: "█", count: 10))
        #expect(BarChartView.bar(value: 50, maximum: 100, width: 10, glyphs: .unicode) == "█████")
        #expect(BarChartView.bar(value: 1, maximum: 16, width: 2, glyphs: .unicode) == "▏")
        #expect(BarChartView.bar(value: 3, maximum: 8, width: 1, glyphs: .unicode) == "▍")
        #expect(BarChartView.bar(value: 0, maximum: 100, width: 10, glyphs: .unicode) == "")
        #expect(BarChartView.bar(value: 50, maximum: 100, width: 10, glyphs: .ascii) == "#####")
    }

    @Test func textInputEditsAtTheCursor() {
        var input = TextInput("ab")
        #expect(input.handle(.left) == .unchanged)
        #expect(input.handle(.character("X")) == .edited)
        #expect(input.text == "aXb")
        #expect(input.handle(.backspace) == .edited)
        #expect(input.text == "ab")
        #expect(input.handle(.home) == .unchanged)
        #expect(input.handle(.delete) == .edited)
        #expect(input.text == "b")
        #expect(input.handle(.enter) == .submitted)
        #expect(input.handle(.escape) == .cancelled)
    }

    @Test func pickerNarrowsTicksAndApplies() {
        var picker = ListPicker(
            title: "Service",
            options: [
                PickerOption(id: 1, label: "Legal services", detail: "3"),
                PickerOption(id: 2, label: "Trading standards", detail: "4"),
                PickerOption(id: 3, label: "ICT", detail: "9"),
            ], chosen: [])
        for character in "TRAD" { _ = picker.handle(.character(character), visible: 5) }
        #expect(picker.visibleOptions.map(\.id) == [2])
        #expect(picker.handle(.character(" "), visible: 5) == .open)
        #expect(picker.chosen == [2])
        for _ in 0..<4 { _ = picker.handle(.backspace, visible: 5) }
        #expect(picker.visibleOptions.count == 3)
        // Clearing the query puts the highlight back on the first option.
        _ = picker.handle(.character(" "), visible: 5)
        #expect(picker.chosen == [1, 2])
        #expect(picker.handle(.enter, visible: 5) == .applied)
        var fresh = ListPicker(title: "", options: picker.options, chosen: [])
        _ = fresh.handle(.down, visible: 5)
        #expect(fresh.handle(.enter, visible: 5) == .applied)
        #expect(fresh.chosen == [2], "Enter with nothing ticked takes the highlighted option")
        #expect(fresh.handle(.escape, visible: 5) == .cancelled)
    }

    @Test func modalDrawsABorderAndReturnsItsInside() {
        var canvas = Canvas(size: TerminalSize(width: 12, height: 4))
        let inner = Modal.draw(title: "Hi", in: canvas.bounds, canvas: &canvas, theme: .monochrome, glyphs: .ascii)
        #expect(inner == Rect(x: 2, y: 1, width: 8, height: 2))
        #expect(canvas.line(0) == "+- Hi -----+")
        #expect(canvas.line(3) == "+----------+")
    }
}

/// An ASCII frame keeps to ASCII: the cut mark spelt as asked, anything else "?", and a wide
/// character "??" in its two columns.
@Suite struct CanvasASCIITests {
    @Test func keepingToASCIISpellsTheCutMarkAndReplacesTheRest() {
        var canvas = Canvas(size: TerminalSize(width: 10, height: 1))
        canvas.draw("a…é漢b", x: 0, y: 0, style: .plain)
        canvas.keepToASCII(cutMark: "~")
        #expect(canvas.line(0) == "a~???b    ")
        #expect((0..<10).allSatisfy { !canvas[$0, 0].isContinuation })
    }
}

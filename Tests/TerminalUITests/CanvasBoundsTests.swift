import Testing
@testable import TerminalUI

/// Drawing requests outside the canvas are clipped and counted; clipping the caller asked
/// for is not counted.
@Suite struct CanvasBoundsTests {
    @Test func requestsOnRowsOrColumnsTheCanvasLacksAreCounted() {
        var canvas = Canvas(size: TerminalSize(width: 10, height: 3))
        canvas.draw("x", x: 0, y: 3)
        canvas.draw("x", x: 0, y: -1)
        canvas.draw("x", x: 10, y: 0)
        canvas.draw("x", x: -1, y: 0)
        canvas.fill(Rect(x: 8, y: 0, width: 3, height: 1))
        canvas.restyle(Rect(x: 0, y: 2, width: 1, height: 2)) { $0.bold = true }
        #expect(canvas.requestsOutside == 6)
        #expect(canvas.text == "\n\n", "everything clipped away")
    }

    @Test func textRunningPastTheEdgeCountsOnlyWhenTheCallerSetNoLimitThere() {
        var canvas = Canvas(size: TerminalSize(width: 10, height: 2))
        canvas.draw("Hello, world", x: 3, y: 0)
        #expect(canvas.requestsOutside == 1)
        canvas.draw("Hello, world", x: 3, y: 1, maxWidth: 7)
        canvas.draw("Hello, world", x: 3, y: 1, clip: canvas.bounds)
        canvas.draw("Hello, world", x: 0, y: 1, clip: Rect(x: 2, y: 0, width: 4, height: 2))
        canvas.draw("Hello", x: 0, y: 5 - 4, clip: Rect(x: 0, y: 0, width: 10, height: 1))
        canvas.fill(Rect(x: 0, y: 0, width: 0, height: 5))
        #expect(canvas.requestsOutside == 1, "cut by the caller's own limit, or asking for nothing")
        canvas.draw("Hello, world", x: 3, y: 1, maxWidth: 20)
        #expect(canvas.requestsOutside == 2)
    }

    @Test func aClipRectangleReachingLeftOfTheCanvasNeverDrawsThere() {
        var canvas = Canvas(size: TerminalSize(width: 4, height: 2))
        canvas.draw("abcdef", x: -2, y: 1, clip: Rect(x: -5, y: 0, width: 20, height: 2))
        #expect(canvas.line(0) == "    ")
        #expect(canvas.line(1) == "cdef")
        canvas.draw("日本語", x: -3, y: 0, clip: Rect(x: -5, y: 0, width: 20, height: 2))
        #expect(canvas.line(0) == " 語 ")
    }

    @Test func howACanvasWasDrawnIsNotPartOfWhatItShows() {
        var clean = Canvas(size: TerminalSize(width: 4, height: 1))
        var clipped = clean
        clean.draw("ab", x: 0, y: 0)
        clipped.draw("ab", x: 0, y: 0)
        clipped.draw("x", x: 9, y: 9)
        #expect(clipped.requestsOutside == 1)
        #expect(clean == clipped)
    }
}

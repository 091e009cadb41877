import Testing
@testable import TerminalUI

/// A list fitted to a smaller screen and back shows the view it showed before.
@Suite struct ScrollStateResizeTests {
    @Test func shrinkingAndGrowingAgainRestoresTheView() {
        var scroll = ScrollState()
        scroll.move(by: 12, count: 100, visible: 30)
        #expect(scroll.selected == 12 && scroll.top == 0)
        scroll.clamp(count: 100, visible: 1)
        #expect(scroll.top == 12, "the selected row stays on a one-row screen")
        scroll.clamp(count: 100, visible: 5)
        #expect(scroll.top == 8)
        scroll.clamp(count: 100, visible: 30)
        #expect(scroll.selected == 12 && scroll.top == 0)
    }

    @Test func movingOnTheSmallScreenIsTheNewViewToComeBackTo() {
        var scroll = ScrollState(selected: 12)
        scroll.clamp(count: 100, visible: 30)
        scroll.clamp(count: 100, visible: 1)
        scroll.move(by: 1, count: 100, visible: 1)
        #expect(scroll.selected == 13 && scroll.top == 13)
        scroll.clamp(count: 100, visible: 30)
        #expect(scroll.top == 13)
    }

    @Test func aListOfAnotherLengthForgetsTheView() {
        var scroll = ScrollState()
        scroll.move(by: 50, count: 100, visible: 10)
        #expect(scroll.top == 41)
        scroll.clamp(count: 100, visible: 60)
        #expect(scroll.top == 40)
        // Other rows: fitted from what is shown, as if nothing had been chosen.
        scroll.selected = 5
        scroll.clamp(count: 80, visible: 60)
        #expect(scroll.top == 5)
    }
}

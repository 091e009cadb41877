import Testing
@testable import Dashboard
import TerminalUI

/// The whole loop on the test driver: events in, frames out, effects carried out.
@Suite struct AppLoopTests {
    @Test func theLoopDrawsAFrameForEachEventAndStopsOnQuit() {
        let driver = TestDriver(
            size: TerminalSize(width: 80, height: 24),
            events: Keys.parse("3d") + [.resize(TerminalSize(width: 40, height: 12))] + Keys.parse("q"))
        let app = DashboardApp(data: Sample.data, driver: driver, glyphs: .unicode, theme: .monochrome)
        app.run(stopWhenIdle: true)
        // The first frame, then one per event but the last (q quits before drawing).
        #expect(driver.frames.count == 4)
        #expect(driver.frames[0].text.contains("486 arrangements"))
        #expect(driver.frames[2].text.contains("Savings to date by service"))
        #expect(driver.frames[3].size == TerminalSize(width: 40, height: 12))
        #expect(app.state.wantsToQuit)
    }

    @Test func monochromeStillShowsTheSelectionAndBars() {
        var state = AppState(data: Sample.data, size: TerminalSize(width: 80, height: 24), theme: .monochrome)
        let canvas = Render.frame(state)
        let layout = Layout(size: state.size)
        // The selected row is reversed; others are not.
        #expect(canvas[2, layout.content.y + 1].style.reverse)
        #expect(!canvas[2, layout.content.y + 2].style.reverse)
        #expect(canvas[2, layout.content.y + 1].style.foreground == .standard)
        Keys.run("3", on: &state)
        let summary = Render.frame(state)
        #expect(summary.text.contains("█"))
    }
}

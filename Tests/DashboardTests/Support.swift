import Foundation
import Testing
@testable import Dashboard
import SharedServices
import TerminalUI

/// The bundled sample, loaded once for all dashboard tests.
enum Sample {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-data")

    /// The sample as the dashboard gets it. A sample that cannot be loaded stops the tests
    /// there, with the reason: an empty register would let a test of a filter pass on nothing.
    static let data: DashboardData = {
        let path = directory.appendingPathComponent("arrangements.csv").path
        let loaded: LoadedRegister
        do {
            loaded = try RegisterLoader.load(arrangements: path)
        } catch {
            preconditionFailure("the bundled sample could not be loaded for the dashboard tests: \(error)")
        }
        precondition(loaded.register.count > 0, "the bundled sample at \(path) has no arrangements")
        return DashboardData(
            register: loaded.register, diagnostics: loaded.diagnostics, sourceName: "the 2017 sample",
            reference: loaded.reference, inputFiles: loaded.inputFiles,
            mapOutlines: MapOutlinesSource(
                path: directory.appendingPathComponent(AreaOutlines.bundledFileName).path, fileName: AreaOutlines.bundledFileName))
    }()

    static func state(width: Int = 120, height: Int = 40, glyphs: Glyphs = .unicode) -> AppState {
        AppState(data: data, size: TerminalSize(width: width, height: height), glyphs: glyphs, theme: .colour)
    }
}

/// Key presses written the way a person would type them: "j", "<Enter>", "<Esc>", …
enum Keys {
    static func parse(_ script: String) -> [InputEvent] {
        var events: [InputEvent] = []
        var rest = Substring(script)
        while let first = rest.first {
            if first == "<", let close = rest.firstIndex(of: ">") {
                let name = rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: close)...]
                let key: Key
                switch name {
                case "Enter": key = .enter
                case "Esc": key = .escape
                case "Tab": key = .tab
                case "BackTab": key = .backTab
                case "Up": key = .up
                case "Down": key = .down
                case "Left": key = .left
                case "Right": key = .right
                case "PgDn": key = .pageDown
                case "PgUp": key = .pageUp
                case "Home": key = .home
                case "End": key = .end
                case "BS": key = .backspace
                case "Space": key = .character(" ")
                case "C-c": key = .control("c")
                case "F1": key = .function(1)
                default: key = .character("?")
                }
                events.append(.key(key))
            } else {
                events.append(.key(.character(first)))
                rest = rest.dropFirst()
            }
        }
        return events
    }

    /// Runs a key script through the reducer, carrying out no effects; returns the effects asked for.
    @discardableResult
    static func run(_ script: String, on state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for event in parse(script) { effects += Reducer.handle(event, state: &state) }
        return effects
    }
}

/// The invariants every state must keep, whatever happened before.
func checkInvariants(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
    let layout = Layout(size: state.size)
    let visible = TableView.visibleRows(in: layout.content)
    if state.rows.isEmpty {
        #expect(state.table.selected == 0, sourceLocation: sourceLocation)
    } else {
        #expect(state.rows.indices.contains(state.table.selected), sourceLocation: sourceLocation)
        #expect(state.table.top <= state.table.selected, sourceLocation: sourceLocation)
        #expect(state.table.selected < state.table.top + max(visible, 1), sourceLocation: sourceLocation)
    }
    #expect(state.chart.selected >= 0 && (state.groups.isEmpty || state.chart.selected < state.groups.count), sourceLocation: sourceLocation)
    let canvas = Render.frame(state)
    #expect(canvas.size == state.size, sourceLocation: sourceLocation)
}

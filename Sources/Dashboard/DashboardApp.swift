import SharedServices
import TerminalUI

/// The loop: read an event, reduce it into the state, carry out any effects, draw.
public final class DashboardApp {
    public private(set) var state: AppState
    private let driver: TerminalDriver

    public init(
        data: DashboardData, driver: TerminalDriver, glyphs: Glyphs, theme: Theme, filter: ArrangementFilter = ArrangementFilter()
    ) {
        self.driver = driver
        state = AppState(data: data, size: driver.size, glyphs: glyphs, theme: theme)
        state.setFilter(filter)
    }

    /// Runs until the user quits, or (for tests) until the driver has no more events.
    public func run(stopWhenIdle: Bool = false) {
        driver.present(Render.frame(state))
        // Once the first screen is up: the search's index, made while the user reads it.
        state.register.prepareSearch()
        while !state.wantsToQuit {
            guard let event = driver.nextEvent(timeoutMilliseconds: stopWhenIdle ? 0 : -1) else {
                if stopWhenIdle { return }
                continue
            }
            let effects = Reducer.handle(event, state: &state)
            for effect in effects { perform(effect) }
            if state.wantsToQuit { return }
            driver.present(Render.frame(state))
        }
    }

    /// Carries out an effect and records its outcome in the state.
    public func perform(_ effect: Effect) {
        Effects.perform(effect, state: &state)
    }
}

/// The effects the reducer asks for, carried out.
public enum Effects {
    public static func perform(_ effect: Effect, state: inout AppState) {
        switch effect {
        case .quit:
            state.wantsToQuit = true
        case .export(let path, let format, let overwrite, let table):
            var bytes: [UInt8] = []
            let written: String
            if let table {
                guard let tableBytes = table.write(as: format, neutralisingFormulas: !state.data.rawExports) else {
                    state.message = "Could not export: a workbook holds arrangements; name the table .csv, .json or .md"
                    return
                }
                bytes = tableBytes
                written = "\(table.title) (\(Count.format(table.rows.count, "row", "rows")))"
            } else {
                do {
                    bytes = try RegisterWriter.write(
                        state.register, rows: state.rows, as: format, neutralisingFormulas: !state.data.rawExports)
                } catch {
                    state.message = "Could not export: the workbook could not be made (\(error))"
                    return
                }
                written = Count.format(state.rows.count, "arrangement", "arrangements")
            }
            do {
                try SafeFileWriter.write(bytes, to: path, overwrite: overwrite, inputs: state.data.inputFiles)
                state.lastExportPath = path
                state.message = "Wrote \(written) to \(path) (\(format.rawValue))"
            } catch .exists {
                state.overlay = .confirmOverwrite(path: path, table: table)
            } catch {
                state.message = "Could not export: \(error.description)"
            }
        }
    }
}

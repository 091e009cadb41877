import Foundation
import SharedServices
import TerminalUI

/// The loop: read an event, reduce it into the state, carry out any effects, draw.
public final class DashboardApp {
    public private(set) var state: AppState
    private let driver: TerminalDriver
    /// The whole register, loading while `data`'s first rows are shown; nil once it is in.
    private var pendingLoad: PendingLoad?
    /// Why the whole register could not be loaded: the dashboard stops, and the caller says why.
    public private(set) var loadFailure: (any Error & Sendable)?

    /// How often the loop looks at a pending load between keys, and so how often its
    /// progress is drawn.
    static let loadCheckMilliseconds = 50

    /// With `pendingLoad`, `data` holds the register's first rows (`FirstRows`), shown as
    /// "so far" until the whole register replaces them.
    public init(
        data: DashboardData, driver: TerminalDriver, glyphs: Glyphs, theme: Theme, filter: ArrangementFilter = ArrangementFilter(),
        pendingLoad: PendingLoad? = nil, shareRead: Double = 0
    ) {
        self.driver = driver
        self.pendingLoad = pendingLoad
        state = AppState(
            data: data, size: driver.size, glyphs: glyphs, theme: theme,
            loading: pendingLoad == nil ? nil : RegisterLoading(shareRead: shareRead))
        state.setFilter(filter)
    }

    /// Runs until the user quits, the whole register fails to load, or (for tests) the
    /// driver has no more events and nothing is loading.
    public func run(stopWhenIdle: Bool = false) {
        driver.present(Render.frame(state))
        // Once the first screen is up: the search's index, made while the user reads it.
        state.register.prepareSearch()
        while !state.wantsToQuit {
            let waiting = pendingLoad != nil
            let event = driver.nextEvent(timeoutMilliseconds: waiting ? Self.loadCheckMilliseconds : stopWhenIdle ? 0 : -1)
            if let event {
                let effects = Reducer.handle(event, state: &state)
                for effect in effects { perform(effect) }
                if state.wantsToQuit { return }
            }
            // After the key: a key clears the status line, and must not clear the news that
            // the whole register is in before it is drawn.
            let loadChanged = checkPendingLoad()
            if loadFailure != nil { return }
            if event != nil || loadChanged {
                driver.present(Render.frame(state))
            } else if stopWhenIdle {
                if pendingLoad == nil { return }
                // A test's driver answers at once: wait for the load rather than spin.
                usleep(useconds_t(Self.loadCheckMilliseconds * 1_000))
            }
        }
    }

    /// Whether the pending load moved on enough to draw again: a percent further, or done.
    private func checkPendingLoad() -> Bool {
        guard let pendingLoad, let loading = state.loading else { return false }
        switch pendingLoad.current {
        case .loading(let shareRead):
            let before = loading.percentRead
            state.setLoadingProgress(shareRead)
            return state.loading?.percentRead != before
        case .loaded(let whole):
            self.pendingLoad = nil
            state.finishLoading(with: whole)
            state.register.prepareSearch()
            return true
        case .failed(let error):
            self.pendingLoad = nil
            loadFailure = error
            return true
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

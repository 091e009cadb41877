import Foundation
import SharedServices
import TerminalUI

/// Keys while something is open over the screen: help, a picker, a prompt.
enum OverlayHandling {
    static func handle(_ key: Key, state: inout AppState) -> [Effect] {
        guard let overlay = state.overlay else { return [] }
        let layout = Layout(size: state.size)
        switch overlay {
        case .help(let top):
            let visible = max(1, Modal.inner(of: layout.overlay).height)
            let maxTop = Help.lastTop(for: state.screen, in: layout.overlay)
            switch key {
            case .escape, .character("?"), .character("q"), .function(1), .enter: state.overlay = nil
            case .up, .character("k"): state.overlay = .help(top: max(0, top - 1))
            case .down, .character("j"): state.overlay = .help(top: min(maxTop, top + 1))
            case .pageUp: state.overlay = .help(top: max(0, top - visible))
            case .pageDown, .character(" "): state.overlay = .help(top: min(maxTop, top + visible))
            case .home, .character("g"): state.overlay = .help(top: 0)
            case .end, .character("G"): state.overlay = .help(top: maxTop)
            default: break
            }
        case .picker(let kind, var picker):
            let kinds = kind.rawValue >= PickerKind.organisationType.rawValue
                ? PickerKind.organisationKinds : PickerKind.arrangementKinds
            if key == .left || key == .right {
                // ←/→ switch to the neighbouring filter, keeping what was ticked here.
                Pickers.apply(kind, chosen: picker.chosen, state: &state)
                let index = kinds.firstIndex(of: kind) ?? 0
                let next = kinds[(index + (key == .right ? 1 : kinds.count - 1)) % kinds.count]
                state.overlay = .picker(next, Pickers.make(next, state: state))
                return []
            }
            let visible = max(1, layout.overlay.height - 4)
            switch picker.handle(key, visible: visible) {
            case .open: state.overlay = .picker(kind, picker)
            case .cancelled: state.overlay = nil
            case .applied:
                state.overlay = nil
                Pickers.apply(kind, chosen: picker.chosen, state: &state)
                state.message = picker.chosen.isEmpty
                    ? "No \(kind.title) filter"
                    : "Filtered by \(kind.title): \(state.rows.count) arrangements"
            }
        case .search(var input):
            switch input.handle(key) {
            case .cancelled:
                state.overlay = nil
                Search.update(text: "", state: &state)
                state.table.moveTo(
                    state.searchOrigin, count: state.rows.count, visible: TableView.visibleRows(in: layout.content))
            case .submitted:
                state.overlay = nil
                if !state.searchMatches.isEmpty {
                    state.message = "\(state.searchMatches.count) matches: n next, N previous"
                }
            case .edited:
                state.overlay = .search(input)
                Search.update(text: input.text, state: &state)
            case .unchanged:
                state.overlay = .search(input)
            }
        case .export(var input):
            switch input.handle(key) {
            case .cancelled: state.overlay = nil
            case .submitted:
                let path = input.text.trimmingCharacters(in: .whitespaces)
                guard !path.isEmpty else {
                    state.message = "Type a file name to export to"
                    state.overlay = .export(input)
                    return []
                }
                guard let format = exportFormat(path, state: &state) else {
                    state.overlay = .export(input)
                    return []
                }
                state.overlay = nil
                return [.export(path: path, format: format, overwrite: false)]
            case .edited, .unchanged:
                state.overlay = .export(input)
            }
        case .confirmOverwrite(let path):
            switch key {
            case .character("y"), .character("Y"):
                guard let format = exportFormat(path, state: &state) else {
                    state.overlay = .export(TextInput(path))
                    return []
                }
                state.overlay = nil
                return [.export(path: path, format: format, overwrite: true)]
            case .character("n"), .character("N"), .escape:
                state.overlay = .export(TextInput(path))
            default: break
            }
        }
        return []
    }

    /// The format `path`'s extension names (CSV when it names none); nil, with the reason
    /// in the message line, for a format ssmap cannot write (`.xlsx`).
    private static func exportFormat(_ path: String, state: inout AppState) -> ExportFormat? {
        do {
            return try ExportFormat(forPath: path) ?? .csv
        } catch {
            state.message = "Could not export: \(error.description)"
            return nil
        }
    }
}

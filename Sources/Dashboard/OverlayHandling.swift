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
            let maxTop = Help.lastTop(for: state.screen, in: layout.overlay, glyphs: state.glyphs)
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
            let kinds = kind.neighbours
            if (key == .left || key == .right) && kinds.count > 1 {
                // ←/→ switch to the neighbouring filter, keeping what was ticked here.
                Pickers.apply(kind, chosen: picker.chosen, state: &state)
                let index = kinds.firstIndex(of: kind) ?? 0
                let next = kinds[(index + (key == .right ? 1 : kinds.count - 1)) % kinds.count]
                state.overlay = .picker(next, Pickers.make(next, state: state))
                return []
            }
            switch picker.handle(key, visible: pickerRows(layout)) {
            case .open: state.overlay = .picker(kind, picker)
            case .cancelled: state.overlay = nil
            case .applied: applied(kind, picker, state: &state)
            }
        case .search(var input):
            switch input.handle(key) {
            case .cancelled:
                state.overlay = nil
                Search.cancel(state: &state)
            case .submitted:
                state.overlay = nil
                if !state.searchMatches.isEmpty {
                    state.message = "\(Search.matchCount(state.searchMatches.count, state: state)): n next, N previous"
                }
            case .edited:
                state.overlay = .search(input)
                Search.update(text: input.text, state: &state)
            case .unchanged:
                state.overlay = .search(input)
            }
        case .export(var input, let table):
            switch input.handle(key) {
            case .cancelled: state.overlay = nil
            case .submitted:
                let path = input.text.trimmingCharacters(in: .whitespaces)
                guard !path.isEmpty else {
                    state.message = "Type a file name to export to"
                    state.overlay = .export(input, table)
                    return []
                }
                guard let format = exportFormat(path, table: table, state: &state) else {
                    state.overlay = .export(input, table)
                    return []
                }
                state.overlay = nil
                return [.export(path: path, format: format, overwrite: false, table: table)]
            case .edited, .unchanged:
                state.overlay = .export(input, table)
            }
        case .confirmOverwrite(let path, let table):
            switch key {
            case .character("y"), .character("Y"):
                guard let format = exportFormat(path, table: table, state: &state) else {
                    state.overlay = .export(TextInput(path), table)
                    return []
                }
                state.overlay = nil
                return [.export(path: path, format: format, overwrite: true, table: table)]
            case .character("n"), .character("N"), .escape:
                state.overlay = .export(TextInput(path), table)
            default: break
            }
        }
        return []
    }

    /// How many options a picker shows.
    static func pickerRows(_ layout: Layout) -> Int { max(1, layout.overlay.height - 4) }

    static func applied(_ kind: PickerKind, _ picker: ListPicker, state: inout AppState) {
        state.overlay = nil
        Pickers.apply(kind, chosen: picker.chosen, state: &state)
        guard case .dimension = kind else { return }
        state.message = picker.chosen.isEmpty
            ? "No \(kind.title) filter"
            : "Filtered by \(kind.title): \(Count.format(state.rows.count, "arrangement", "arrangements"))"
    }

    /// The format `path`'s extension names (CSV when it names none); nil, with the reason
    /// in the message line, for a format ssmap cannot write, or a table as a workbook.
    private static func exportFormat(_ path: String, table: ReportTable?, state: inout AppState) -> ExportFormat? {
        do {
            let format = try ExportFormat(forPath: path) ?? .csv
            if format == .xlsx && table != nil {
                state.message = "Could not export: a workbook holds arrangements; name the table .csv, .json or .md"
                return nil
            }
            return format
        } catch {
            state.message = "Could not export: \(error.description)"
            return nil
        }
    }
}

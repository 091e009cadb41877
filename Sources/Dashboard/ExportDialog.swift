import Foundation
import SharedServices
import TerminalUI

/// `e`: the export prompt. It offers a file name not yet taken, beside the last file
/// exported in this session (or in the working directory), named for what the screen shows.
enum ExportDialog {
    static func open(state: inout AppState) {
        // An export of the first rows would look whole and not be: it waits for the rest.
        if let loading = state.loading {
            state.message = "Still loading (\(loading.percentRead) read): export once every arrangement is in"
            return
        }
        let content = state.screen.content
        let table = content.exportTable(state)
        var path = suggestedPath(name: content.exportName, after: state.lastExportPath)
        // A workbook holds arrangements: a table after one goes to CSV.
        if table != nil, (try? ExportFormat(forPath: path)) == .xlsx {
            path = String(path.dropLast("xlsx".count)) + "csv"
        }
        state.overlay = .export(TextInput(path), table)
    }

    /// A path not yet taken: `name.csv` where the last export went (with its format), or
    /// in the working directory; numbered when taken.
    static func suggestedPath(name: String, after lastPath: String?) -> String {
        var directory = ""
        var pathExtension = "csv"
        if let lastPath {
            let url = URL(fileURLWithPath: lastPath)
            let parent = FileSystem.directoryAndName(lastPath).directory
            directory = parent.isEmpty || parent.hasSuffix("/") ? parent : parent + "/"
            if !url.pathExtension.isEmpty { pathExtension = url.pathExtension }
        }
        var candidate = "\(directory)\(name).\(pathExtension)"
        var number = 2
        while FileSystem.exists(candidate) && number < 1000 {
            candidate = "\(directory)\(name)-\(number).\(pathExtension)"
            number += 1
        }
        return candidate
    }

    /// The prompt's title: what will be written.
    static func title(_ table: ReportTable?, state: AppState) -> String {
        if let table { return "Export: \(table.title)" }
        return "Export \(Count.format(state.rows.count, "arrangement", "arrangements"))"
    }
}

import Foundation
@testable import Dashboard
import SharedServices

/// Carries out the reducer's effects as the app loop does (`Effects.perform`), except that
/// an export never lands where the path typed says: the monkey types anything, so only the
/// file name is kept, made safe, and the file goes into a temporary directory of the run's
/// own. Exports of views larger than `largestWritten` rows are checked and not written, so
/// that a long session on a big register does not spend its time writing files.
final class SandboxedEffects {
    let directory: String
    let largestWritten: Int
    private(set) var written = 0
    private(set) var skipped = 0

    init(largestWritten: Int) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ssmap-monkey-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        directory = url.path
        self.largestWritten = largestWritten
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Performs `effect`; returns what was wrong with it. `overlayBefore` is what was open
    /// when the key that asked for it was pressed.
    func perform(_ effect: Effect, overlayBefore: Overlay?, state: inout AppState) -> [String] {
        guard case .export(let path, let format, let overwrite, let table) = effect else {
            Effects.perform(effect, state: &state)
            return []
        }
        var problems: [String] = []
        if path.isEmpty || path != path.trimmingCharacters(in: .whitespaces) {
            problems.append("export to an untrimmed or empty path \"\(path)\"")
        }
        if format != (try? ExportFormat(forPath: path)).flatMap({ $0 }) ?? .csv {
            problems.append("export of \"\(path)\" as \(format.rawValue)")
        }
        switch overlayBefore {
        case .export where !overwrite: break
        case .confirmOverwrite(let confirmed, _) where overwrite && confirmed == path: break
        default:
            problems.append("export (overwrite: \(overwrite)) asked for with \(String(describing: overlayBefore)) open")
        }
        guard state.rows.count <= largestWritten else {
            skipped += 1
            return problems
        }
        let sandboxed = directory + "/" + Self.safeFileName(path)
        Effects.perform(.export(path: sandboxed, format: format, overwrite: overwrite, table: table), state: &state)
        if state.message?.hasPrefix("Wrote") == true {
            written += 1
            if !FileSystem.isRegularFile(sandboxed) { problems.append("export said it wrote \(sandboxed), which is missing") }
        }
        return problems
    }

    /// The last part of `path`, with anything but ASCII letters, digits, `.`, `-` and `_`
    /// made `_`, and never hidden, empty or a parent directory.
    static func safeFileName(_ path: String) -> String {
        let last = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let safe = String(last.prefix(100).map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character)) ? character : "_"
        })
        return safe.isEmpty || safe.hasPrefix(".") ? "export" + safe : safe
    }
}

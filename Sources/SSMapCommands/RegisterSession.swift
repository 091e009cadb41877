import ArgumentParser
import Dashboard
import SharedServices

/// Loading the register a command was given, and telling the user (on standard error)
/// when it had problems, without stopping the command.
enum RegisterSession {
    /// Loads the register; with `showProgress`, a large one shows how far it has got on
    /// standard error (a terminal), so that the wait is never a frozen blank. `progress`,
    /// when given, is told instead. Without `keepingText`, names and descriptions are
    /// checked but not kept: for a command that neither shows nor searches them.
    static func load(
        _ options: RegisterOptions, quiet: Bool = false, showProgress: Bool = false, keepingText: Bool = true,
        progress givenProgress: (@Sendable (Double) -> Void)? = nil
    ) throws -> LoadedRegister {
        let path = try arrangementsPath(options)
        var loaded: LoadedRegister
        do {
            var progress: ((Double) -> Void)? = givenProgress
            if showProgress && progress == nil {
                let name = path.split(separator: "/").last.map(String.init) ?? path
                progress = { fraction in
                    // Said as the dashboard says it: never 100% until the whole register is in
                    // (a stretch read again, and putting the stretches together, come after).
                    TerminalOutput.progress("ssmap: loading \(name)… \(RegisterLoading(shareRead: fraction).percentRead)")
                }
            }
            loaded = try RegisterLoader.load(
                arrangements: path, organisations: options.organisations, sheet: options.sheet,
                keepingText: keepingText, progress: progress)
            if showProgress && givenProgress == nil { TerminalOutput.progress(nil) }
        } catch {
            throw CommandError.load(error)
        }
        if options.includeForecasts { loaded.register = loaded.register.countingForecasts() }
        if !quiet && !loaded.diagnostics.isEmpty {
            let errors = loaded.errorCount
            let warnings = loaded.warningCount
            var parts: [String] = []
            if errors > 0 { parts.append("\(errors) row\(errors == 1 ? "" : "s") left out") }
            if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
            TerminalOutput.note(
                "ssmap: \(path): \(parts.joined(separator: ", ")); see them with: ssmap validate \(shellQuoted(path))")
        }
        return loaded
    }

    /// The first rows of a large CSV register, read as `load` reads the whole (forecasts
    /// counted when asked): what the dashboard shows while the rest loads. Nil when the
    /// register is better loaded whole first (see `FirstRows.load`).
    static func firstRows(_ options: RegisterOptions) -> FirstRows? {
        guard options.sheet == nil, let path = options.file,
            var first = FirstRows.load(arrangements: path, organisations: options.organisations)
        else { return nil }
        if options.includeForecasts { first.loaded.register = first.loaded.register.countingForecasts() }
        return first
    }

    /// The arrangements file named, or the bundled sample's.
    private static func arrangementsPath(_ options: RegisterOptions) throws -> String {
        if let file = options.file { return file }
        guard let directory = SampleData.directory() else {
            throw CommandError.failed(
                "the bundled sample register was not found; give a file (ssmap FILE) or set SSMAP_SAMPLE_DATA")
        }
        return directory + "/" + SampleData.arrangementsFileName
    }

    static func shellQuoted(_ path: String) -> String {
        let plain = path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+:@".contains($0) }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Runs a command body, turning its failures into one line on standard error and an exit status.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CommandError {
        TerminalOutput.note("ssmap: error: \(error.description)")
        throw error.exitCode
    }
}

import Foundation

/// A real terminal for end-to-end tests: a detached tmux session on a private server,
/// driven with send-keys and read with capture-pane.
final class TmuxSession {
    enum Failure: Error, CustomStringConvertible {
        case tmuxMissing
        case timedOut(waitingFor: String, screen: String)

        var description: String {
            switch self {
            case .tmuxMissing:
                return "tmux is not installed; the end-to-end tests need it: apt-get install -y tmux"
            case .timedOut(let text, let screen):
                return "timed out waiting for \"\(text)\"; the screen was:\n\(screen)"
            }
        }
    }

    let socket = "ssmap-test-\(UUID().uuidString.prefix(8))"
    let name = "ssmap"
    /// A directory for the session's files: the wrapper's before/after terminal settings.
    let directory: URL

    /// Starts `command` in a `width`×`height` terminal, inside a shell wrapper that saves
    /// the terminal's settings (stty -g) before and after it, and its exit status.
    init(width: Int, height: Int, command: String) throws {
        guard let tmux = Self.tmuxPath else { throw Failure.tmuxMissing }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ssmap-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let dir = directory.path
        // The wrapper shell catches Ctrl-C itself (a handler, so the program still gets the
        // default), or it would die with the program and never record what happened.
        let wrapper = "trap : INT; stty -g > '\(dir)/before'; \(command); echo $? > '\(dir)/status.tmp'; "
            + "stty -g > '\(dir)/after'; mv '\(dir)/status.tmp' '\(dir)/status'; sleep 600"
        // The server this starts outlives the command: give it no pipe to hold open.
        try Self.run(
            tmux, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "sh", "-c", wrapper],
            captureOutput: false)
    }

    deinit {
        if let tmux = Self.tmuxPath { _ = try? Self.run(tmux, ["-L", socket, "kill-server"]) }
        try? FileManager.default.removeItem(at: directory)
    }

    static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Keys by tmux's names ("Enter", "Escape", "C-c") or, with `literal`, text to type.
    func send(_ keys: String, literal: Bool = false) throws {
        guard let tmux = Self.tmuxPath else { throw Failure.tmuxMissing }
        _ = try Self.run(tmux, ["-L", socket, "send-keys", "-t", name] + (literal ? ["-l", keys] : [keys]))
    }

    func screen() throws -> String {
        guard let tmux = Self.tmuxPath else { throw Failure.tmuxMissing }
        return try Self.run(tmux, ["-L", socket, "capture-pane", "-p", "-t", name])
    }

    func resize(width: Int, height: Int) throws {
        guard let tmux = Self.tmuxPath else { throw Failure.tmuxMissing }
        _ = try Self.run(tmux, ["-L", socket, "resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until it contains `text` (up to `seconds`), and returns it.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure.timedOut(waitingFor: text, screen: last)
    }

    /// The program's exit status once it has ended, with the terminal settings before and after.
    func waitForExit(seconds: Double = 10) throws -> (status: Int, before: String, after: String) {
        let statusFile = directory.appendingPathComponent("status")
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = try? String(contentsOf: statusFile, encoding: .utf8) {
                let before = (try? String(contentsOf: directory.appendingPathComponent("before"), encoding: .utf8)) ?? ""
                let after = (try? String(contentsOf: directory.appendingPathComponent("after"), encoding: .utf8)) ?? ""
                return (Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1, before, after)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure.timedOut(waitingFor: "the program to exit", screen: (try? screen()) ?? "")
    }

    /// The process id of the program running under the wrapper shell.
    func programPID() throws -> Int32? {
        guard let tmux = Self.tmuxPath else { throw Failure.tmuxMissing }
        let shell = try Self.run(tmux, ["-L", socket, "list-panes", "-t", name, "-F", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try Self.run("/usr/bin/pgrep", ["-P", shell]).split(separator: "\n")
        return children.first.flatMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Runs a command through the shell with `system`, its output to a file: tmux's server
    /// outlives the client that starts it, and would keep a pipe (or Foundation's child
    /// watching) waiting for ever.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], captureOutput: Bool = true) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ssmap-tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let quoted = ([executable] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let target = captureOutput ? "'\(output.path)'" : "/dev/null"
        _ = system(quoted.joined(separator: " ") + " </dev/null >\(target) 2>/dev/null")
        guard captureOutput else { return "" }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }
}

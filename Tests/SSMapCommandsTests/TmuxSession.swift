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
    /// A directory for the session's files: the wrapper's before/after terminal settings,
    /// its exit status and, when asked for, every byte the program wrote to the terminal.
    let directory: URL
    /// Written by the wrapper after the program has ended, so that a capture can be read
    /// up to the end of the program's output and no further.
    static let endMarker = "ssmap-session-ended"

    var capturedOutputFile: URL { directory.appendingPathComponent("output") }

    /// Starts `command` in a `width`×`height` terminal, inside a shell wrapper that saves
    /// the terminal's settings (stty -g) before and after it, and its exit status.
    /// `workingDirectory` is where the command runs; with `capturingOutput`, every byte
    /// written to the terminal from the program's start is kept (see `capturedOutput`).
    init(width: Int, height: Int, command: String, workingDirectory: URL? = nil, capturingOutput: Bool = false) throws {
        guard let tmux = Self.tmuxPath else { throw Failure.tmuxMissing }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ssmap-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let dir = directory.path
        let startFile = "\(dir)/go"
        // No core files from the signal tests. The wrapper shell catches Ctrl-C itself (a
        // handler, so the program still gets the default), or it would die with the
        // program and never record what happened. When capturing, it waits for the pipe to
        // be in place before starting the program, so that no byte is missed.
        let waitForCapture = capturingOutput ? "while [ ! -e '\(startFile)' ]; do sleep 0.02; done; " : ""
        let changeDirectory = workingDirectory.map { "cd \(Self.shellQuoted($0.path)) && " } ?? ""
        let wrapper = "ulimit -c 0; trap : INT; \(waitForCapture)stty -g > '\(dir)/before'; "
            + "\(changeDirectory)\(command); echo $? > '\(dir)/status.tmp'; stty -g > '\(dir)/after'; "
            + "printf '\\n%s\\n' '\(Self.endMarker)'; mv '\(dir)/status.tmp' '\(dir)/status'; sleep 600"
        // The server this starts outlives the command: give it no pipe to hold open.
        try Self.run(
            tmux, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "sh", "-c", wrapper],
            captureOutput: false)
        if capturingOutput {
            try tmuxCommand(["pipe-pane", "-o", "-t", name, "cat >> \(Self.shellQuoted(capturedOutputFile.path))"])
            try Data().write(to: URL(fileURLWithPath: startFile))
        }
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
        try tmuxCommand(["send-keys", "-t", name] + (literal ? ["-l", keys] : [keys]))
    }

    /// Several keys by tmux's names, sent in one go (they reach the program together).
    func send(keys: [String]) throws {
        guard !keys.isEmpty else { return }
        try tmuxCommand(["send-keys", "-t", name] + keys)
    }

    func screen() throws -> String {
        try tmuxCommand(["capture-pane", "-p", "-t", name])
    }

    func resize(width: Int, height: Int) throws {
        try tmuxCommand(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// A tmux format for the pane, such as "#{cursor_flag}", expanded.
    func display(_ format: String) throws -> String {
        try tmuxCommand(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the terminal shows its cursor.
    func cursorIsVisible() throws -> Bool { try display("#{cursor_flag}") == "1" }

    /// Whether the terminal is on its alternate screen (full-screen programs draw there).
    func alternateScreenIsOn() throws -> Bool { try display("#{alternate_on}") == "1" }

    /// The title programs set with OSC 0 or 2 (the host's name until one does).
    func paneTitle() throws -> String { try display("#{pane_title}") }

    /// How long a wait lasts by default: generous, as the machine may be busy with other
    /// builds; only a failing test waits that long.
    static let patience: Double = 30

    /// Polls the screen until it contains `text` (up to `seconds`), and returns it.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = patience) throws -> String {
        try waitUntil(text, seconds: seconds) { $0.contains(text) }
    }

    /// Polls the screen until `isReady` holds for it, and returns it; `description` names
    /// what was awaited if it never comes. Gives up after `seconds`, or, with `atMost`,
    /// after `seconds` in which the screen did not change (the program is stuck rather
    /// than slow) or `atMost` in all.
    @discardableResult
    func waitUntil(
        _ description: String, seconds: Double = patience, atMost: Double? = nil, _ isReady: (String) -> Bool
    ) throws -> String {
        let start = Date()
        let limit = start.addingTimeInterval(max(seconds, atMost ?? seconds))
        var deadline = start.addingTimeInterval(seconds)
        var last = try screen()
        while !isReady(last) {
            let now = Date()
            guard now < deadline && now < limit else { throw Failure.timedOut(waitingFor: description, screen: last) }
            Thread.sleep(forTimeInterval: 0.05)
            let next = try screen()
            if atMost != nil && next != last { deadline = Date().addingTimeInterval(seconds) }
            last = next
        }
        return last
    }

    /// Whether the program has ended (the wrapper has recorded its status).
    var programHasEnded: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("status").path)
    }

    /// The program's exit status once it has ended, with the terminal settings before and after.
    func waitForExit(seconds: Double = patience) throws -> (status: Int, before: String, after: String) {
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

    /// Every byte the program wrote to the terminal, once it has ended: read from the
    /// capture until the wrapper's end marker arrives (tmux copies output asynchronously).
    func capturedOutput(seconds: Double = patience) throws -> [UInt8] {
        let marker = Array(Self.endMarker.utf8)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let bytes = Array((try? Data(contentsOf: capturedOutputFile)) ?? Data())
            if let end = bytes.firstRange(of: marker) { return Array(bytes[..<end.lowerBound]) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure.timedOut(waitingFor: "the end of the captured output", screen: (try? screen()) ?? "")
    }

    /// The process id of the program running under the wrapper shell.
    func programPID() throws -> Int32? {
        let shell = try display("#{pane_pid}")
        // By name: while the wrapper waits for a capture to start, its child is a sleep.
        let children = try Self.run("/usr/bin/pgrep", ["-x", "ssmap", "-P", shell]).split(separator: "\n")
        return children.first.flatMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Runs a tmux command against this session's server and returns what it printed.
    @discardableResult
    private func tmuxCommand(_ arguments: [String]) throws -> String {
        guard let tmux = Self.tmuxPath else { throw Failure.tmuxMissing }
        return try Self.run(tmux, ["-L", socket] + arguments)
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs a command through the shell with `system`, its output to a file: tmux's server
    /// outlives the client that starts it, and would keep a pipe (or Foundation's child
    /// watching) waiting for ever.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], captureOutput: Bool = true) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ssmap-tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let quoted = ([executable] + arguments).map(shellQuoted)
        let target = captureOutput ? shellQuoted(output.path) : "/dev/null"
        _ = system(quoted.joined(separator: " ") + " </dev/null >\(target) 2>/dev/null")
        guard captureOutput else { return "" }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }
}

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `ssmap` on a hostile input with limits a hostile input cannot get past:
/// a deadline (a hang is a failure, not a stuck test run), a cap on memory (a runaway
/// allocation fails that case instead of exhausting a shared machine) and no core files.
enum CorpusRunner {
    struct Outcome {
        var status: Int32
        /// False when a signal ended the program (a crash, or the deadline's kill).
        var exitedNormally: Bool
        var timedOut: Bool
        var standardOutput: [UInt8]
        var standardError: [UInt8]
        var elapsed: Duration
    }

    /// Address space allowed to one run, in KiB: ample for a 50 MB field, far below the machine's.
    static let memoryLimitKiB = 4 * 1_024 * 1_024

    /// How long one case may take, many times what any needs even on a busy machine.
    static let deadline: Duration = .seconds(60)

    /// Runs `ssmap` with `arguments` in `directory`, after `prefix` (e.g. a command that
    /// runs it as another user), waiting at most `timeout`.
    static func run(
        _ arguments: [String], in directory: URL, binary: URL = BinaryRunner.binary, prefix: [String] = [],
        timeout: Duration = deadline
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // exec: the shell becomes the program, so its exit status and signals are seen as they are.
        process.arguments = ["-c", "ulimit -c 0 && ulimit -v \(memoryLimitKiB) && exec \"$@\"", "sh"]
            + prefix + [binary.path] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = nil
        process.environment = environment
        let captured = try CapturedOutput(for: process)

        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        var timedOut = false
        if finished.wait(timeout: .now() + timeout.timeInterval) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        let elapsed = clock.now - start
        let (output, error) = try captured.collect()
        return Outcome(
            status: process.terminationStatus,
            exitedNormally: process.terminationReason == .exit,
            timedOut: timedOut,
            standardOutput: Array(output),
            standardError: Array(error),
            elapsed: elapsed)
    }
}

/// Running ssmap as a user who may not read a file. Root reads anything, so as root the
/// run drops to `nobody` with setpriv; anyone else simply cannot read a file of mode 000.
enum OtherUser {
    static let nobody: UInt32 = 65_534

    static var isRoot: Bool { geteuid() == 0 }

    static var setpriv: String? {
        ["/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv", "/sbin/setpriv"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var canRun: Bool { !isRoot || setpriv != nil }

    /// What goes before the binary on the command line.
    static var prefix: [String] {
        guard isRoot, let setpriv else { return [] }
        return [setpriv, "--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", "--"]
    }

    /// The mode that makes a file unreadable to whoever runs ssmap.
    static var unreadableMode: Int { isRoot ? 0o600 : 0o000 }

    /// The binary, where `nobody` can run it: in place when every directory above it and
    /// the file itself allow others in, else a copy in a world-readable directory.
    static func reachableBinary(copyingInto directory: URL) throws -> URL {
        let binary = BinaryRunner.binary
        guard isRoot, !othersCanExecute(binary) else { return binary }
        let copy = directory.appendingPathComponent("ssmap")
        try FileManager.default.copyItem(at: binary, to: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
        return copy
    }

    private static func othersCanExecute(_ file: URL) -> Bool {
        var url = file.resolvingSymlinksInPath()
        while true {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                let mode = attributes[.posixPermissions] as? Int, mode & 0o001 != 0
            else { return false }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return true }
            url = parent
        }
    }
}

extension Duration {
    /// Seconds, for the APIs that take a `TimeInterval`.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}

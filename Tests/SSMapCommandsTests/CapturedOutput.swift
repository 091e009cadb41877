import Foundation

/// A process's standard output and error sent to files rather than pipes, so that nothing
/// can block however much it prints, and its standard input closed.
struct CapturedOutput {
    private let scratch: URL
    private let output: FileHandle
    private let error: FileHandle

    /// Connects `process`; call before `run()`.
    init(for process: Process) throws {
        scratch = try BinaryRunner.temporaryDirectory()
        for name in ["stdout", "stderr"] {
            _ = FileManager.default.createFile(atPath: scratch.appendingPathComponent(name).path, contents: nil)
        }
        output = try FileHandle(forWritingTo: scratch.appendingPathComponent("stdout"))
        error = try FileHandle(forWritingTo: scratch.appendingPathComponent("stderr"))
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
    }

    /// What the process printed, once it has ended; the files are removed.
    func collect() throws -> (standardOutput: Data, standardError: Data) {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try output.close()
        try error.close()
        return (
            try Data(contentsOf: scratch.appendingPathComponent("stdout")),
            try Data(contentsOf: scratch.appendingPathComponent("stderr"))
        )
    }
}

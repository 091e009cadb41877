import Foundation
@testable import SharedServices

/// Runs the built `ssmap` binary as a user would, capturing what it prints.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
        var outputBytes: [UInt8]
    }

    /// The directory `swift build` put the products in: where this test bundle runs from.
    static var productsDirectory: URL {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).deletingLastPathComponent()
    }

    static var binary: URL { productsDirectory.appendingPathComponent("ssmap") }

    /// The package's own sample-data directory.
    static var sampleDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data")
    }

    /// Runs `executable` (the built ssmap unless another is given) and collects what it
    /// wrote; `COLUMNS` and the variables in `removing` are taken out of its environment.
    static func run(
        _ arguments: [String], executable: URL = binary, in directory: URL? = nil, environment: [String: String] = [:],
        removing: [String] = []
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for name in ["COLUMNS"] + removing { env[name] = nil }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let captured = try CapturedOutput(for: process)
        try process.run()
        process.waitUntilExit()
        let (output, error) = try captured.collect()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: output, as: UTF8.self),
            standardError: String(decoding: error, as: UTF8.self),
            outputBytes: Array(output))
    }

    /// The sample register loaded in-process, to check the binary's figures against.
    static func loadSample() throws -> LoadedRegister {
        try RegisterLoader.load(arrangements: sampleDirectory.appendingPathComponent("arrangements.csv").path)
    }

    /// A fresh temporary directory for a test's files.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ssmap-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

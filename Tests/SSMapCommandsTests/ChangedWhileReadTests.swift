import Foundation
import Testing

@testable import SharedServices

/// A register saved over, cut short or added to while ssmap reads it is reported as
/// changed, never read as garbage ("contains binary data" where it was cut short) and
/// never a crash.
@Suite("A file changed while it is read")
struct ChangedWhileReadTests {
    static let changed = "changed while it was being read"

    /// The file given to `FileBytes.withContents`, changed by `change` while it is mapped.
    static func outcome(_ change: (FileHandle) throws -> Void) throws -> LoadError? {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("register.csv").path
        try Data(repeating: UInt8(ascii: "x"), count: 100_000).write(to: URL(fileURLWithPath: path))
        do {
            try FileBytes.withContents(path) { bytes, _ throws(LoadError) in
                // Read the first bytes, as a reader would, then change the file under it.
                _ = bytes.prefix(10).reduce(0) { $0 + Int($1) }
                do {
                    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
                    try change(handle)
                    try handle.close()
                } catch {
                    Issue.record("could not change the file: \(error)")
                }
            }
            return nil
        } catch {
            return error
        }
    }

    @Test func cutShort() throws {
        let error = try Self.outcome { try $0.truncate(atOffset: 50_000) }
        #expect(error?.message.contains(Self.changed) == true, "\(String(describing: error))")
    }

    @Test func addedTo() throws {
        let error = try Self.outcome { handle in
            try handle.seekToEnd()
            handle.write(Data("more\n".utf8))
        }
        #expect(error?.message.contains(Self.changed) == true, "\(String(describing: error))")
    }

    @Test func rewrittenInPlace() throws {
        let error = try Self.outcome { handle in
            // The same size, other bytes, a later time.
            Thread.sleep(forTimeInterval: 0.01)
            try handle.seek(toOffset: 0)
            handle.write(Data(repeating: UInt8(ascii: "y"), count: 100_000))
        }
        #expect(error?.message.contains(Self.changed) == true, "\(String(describing: error))")
    }

    /// Cut short while the real binary reads it: whenever the cut lands, the outcome is a
    /// clean read (before), or exit 2 with the sentence; never a crash, never "binary data".
    @Test func cutShortUnderTheBinary() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let generated = try BinaryRunner.run(["generate", "--count", "100000", "--out", directory.path, "--force"])
        #expect(generated.status == 0, "\(generated.standardError)")
        let path = directory.appendingPathComponent("arrangements.csv").path
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        var sawChanged = 0
        for attempt in 0..<12 {
            try original.write(to: URL(fileURLWithPath: path))
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["validate", path]
            let captured = try CapturedOutput(for: process)
            try process.run()
            // Cut at a different moment each time, from at once to well into the read.
            Thread.sleep(forTimeInterval: Double(attempt % 6) * 0.02)
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: UInt64(original.count / 3 + 1_001))
            try handle.close()
            process.waitUntilExit()
            // validate prints a file it could not load on standard output; a fault while
            // reading is told on standard error.
            let (outputBytes, errorBytes) = try captured.collect()
            let standardError = String(decoding: outputBytes + errorBytes, as: UTF8.self)
            #expect(process.terminationReason == .exit, "attempt \(attempt): died of signal \(process.terminationStatus)")
            #expect(!standardError.contains("binary data"), "attempt \(attempt): \(standardError)")
            if process.terminationStatus == 2 {
                #expect(standardError.contains(Self.changed), "attempt \(attempt): \(standardError)")
                sawChanged += 1
            } else {
                #expect([0, 1].contains(process.terminationStatus), "attempt \(attempt): \(standardError)")
            }
        }
        // At least one cut lands while the file is being read.
        #expect(sawChanged > 0)
    }
}

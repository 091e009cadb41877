import Foundation
import Testing

@testable import SharedServices

/// The loader fuzzer's seeds and the findings kept as regression cases (`Fuzz/seeds`,
/// `Fuzz/findings`), replayed in-process through the fuzzer's own checks, so that a fixed
/// finding stays fixed without running the fuzzer; and a short run of the fuzzer itself
/// (SSMAP_FUZZ_TEST=0 leaves that out).
@Suite("Fuzz seeds and findings replayed")
struct FuzzReplayTests {
    static let packageDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// One file of `Fuzz/seeds` or `Fuzz/findings`, named relative to the package.
    struct Input: Sendable, CustomTestStringConvertible {
        let path: String
        var testDescription: String { path }
    }

    static let inputs: [Input] = ["Fuzz/seeds", "Fuzz/findings"].flatMap { directory in
        let names = (try? FileManager.default.contentsOfDirectory(atPath: packageDirectory + "/" + directory)) ?? []
        return names.filter { $0 != "README.md" && !$0.hasPrefix(".") }.sorted().map { Input(path: directory + "/" + $0) }
    }

    @Test func thereAreSeedsAndFindingsToReplay() {
        #expect(Self.inputs.filter { $0.path.hasPrefix("Fuzz/seeds/") }.count >= 5)
        #expect(Self.inputs.contains { $0.path.hasPrefix("Fuzz/findings/") })
    }

    @Test(arguments: inputs)
    func replay(_ input: Input) throws {
        let bytes = try FileBytes.read(Self.packageDirectory + "/" + input.path)
        let problems = FuzzChecks.problems(in: bytes)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The bundled sample, a real register, passes every check the fuzzer makes.
    @Test func theSampleRegisterPassesEveryCheck() throws {
        let sample = Self.packageDirectory + "/sample-data/"
        var problems: [String] = []
        FuzzChecks.loadEveryWay(
            arrangements: try FileBytes.read(sample + "arrangements.csv"), file: "arrangements.csv",
            organisations: try FileBytes.read(sample + "organisations.csv"), organisationsFile: "organisations.csv",
            problems: &problems)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    // MARK: The checks can fail

    static let header = "id,name,service_area,service,partners"

    static func outcome(_ text: String) -> FuzzLoadOutcome {
        FuzzLoadOutcome { () throws(LoadError) in
            try RegisterLoader.load(
                arrangementBytes: Array(text.utf8), file: "arrangements.csv", organisationBytes: nil,
                organisationsFile: nil, reading: .rowAtATime)
        }
    }

    @Test func loadOutcomesThatDifferAreToldApart() {
        let base = Self.outcome("\(Self.header)\nA1,Shared HR,Back office,HR,Adur; Worthing\n")
        #expect(base.loaded != nil)
        #expect(base.differences(from: base).isEmpty)
        let variants = [
            "another name": "\(Self.header)\nA1,Shared IT,Back office,HR,Adur; Worthing\n",
            "partners in another order": "\(Self.header)\nA1,Shared HR,Back office,HR,Worthing; Adur\n",
            "a later line": "\(Self.header)\n\nA1,Shared HR,Back office,HR,Adur; Worthing\n",
            "a warning more": "\(Self.header)\nA1,Shared HR,Back office,HR,Adur; Worthing; Adur\n",
            "a refused file": "\(Self.header)\nA1,\"Shared HR,Back office,HR,Adur; Worthing\n",
        ]
        for (change, text) in variants {
            #expect(!base.differences(from: Self.outcome(text)).isEmpty, "\(change) was not noticed")
        }
        let refused = Self.outcome("\(Self.header)\nA1,\"never closed\n")
        #expect(refused.loaded == nil)
        #expect(!refused.differences(from: Self.outcome("\(Self.header)\nA1,x,\"never closed\n")).isEmpty)
    }

    // MARK: The fuzzer itself

    /// Builds the fuzzer and runs it for five seconds, so that the script and the target
    /// cannot quietly stop building. The build takes a minute or two of one core;
    /// SSMAP_FUZZ_TEST=0 leaves it out.
    @Test(
        .enabled(if: ProcessInfo.processInfo.environment["SSMAP_FUZZ_TEST"] != "0", "SSMAP_FUZZ_TEST=0 leaves it out"),
        .timeLimit(.minutes(30)))
    func aShortFuzzingRunFindsNothing() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", Self.packageDirectory + "/scripts/fuzz.sh", "5"]
        // From the seeds alone: the corpus long runs keep can take minutes just to replay.
        let corpus = FileManager.default.temporaryDirectory.appendingPathComponent("ssmap-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: corpus) }
        process.environment = ProcessInfo.processInfo.environment.merging(["FUZZ_CORPUS": corpus.path]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let ending = text.split(separator: "\n").suffix(20).joined(separator: "\n")
        #expect(process.terminationStatus == 0, "\(ending)")
        #expect(text.contains("fuzz: nothing found"), "\(ending)")
        #expect(text.range(of: #"fuzz: [1-9][0-9]* executions"#, options: .regularExpression) != nil, "\(ending)")
    }
}

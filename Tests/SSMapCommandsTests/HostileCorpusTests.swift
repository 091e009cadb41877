import Foundation
import Testing
import SharedServices

#if canImport(Glibc)
import Glibc
#endif

/// `ssmap validate` on every file of the hostile-input corpus (Corpus/, and the big files
/// HostileRecipes writes at test time), through the real binary: the exit status, every
/// line printed with its file, line and column, no crash, no hang, no control character
/// or bidirectional override in the output, and no line that floods the terminal.
@Suite("Hostile input corpus")
struct HostileCorpusTests {
    static let corpusDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Corpus")
    static let fuzzFindingsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/findings")

    /// Longest line a message may be: long enough for any honest message, far shorter than
    /// the megabyte cells and column names some cases hold.
    static let longestLine = 2_000

    static let casesForAnyUser = HostileCorpus.cases.filter { !$0.needsAnotherUser }
    static let casesForAnotherUser = HostileCorpus.cases.filter(\.needsAnotherUser)

    @Test(arguments: casesForAnyUser)
    func validate(_ hostile: HostileCase) throws {
        let scratch = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let directory = try Self.prepare(hostile.input, in: scratch)
        let outcome = try CorpusRunner.run(["validate", hostile.input.argument], in: directory)
        Self.check(outcome, against: hostile)
    }

    /// Root reads any file, so the unreadable file is read as nobody (via setpriv).
    @Test(
        .enabled(if: OtherUser.canRun, "setpriv is missing: the unreadable file cannot be tried as another user"),
        arguments: casesForAnotherUser)
    func validateAsAnotherUser(_ hostile: HostileCase) throws {
        let scratch = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let directory = try Self.prepare(hostile.input, in: scratch)
        let binary = try OtherUser.reachableBinary(copyingInto: scratch)
        let outcome = try CorpusRunner.run(
            ["validate", hostile.input.argument], in: directory, binary: binary, prefix: OtherUser.prefix)
        Self.check(outcome, against: hostile)
    }

    // MARK: The corpus and its manifest

    @Test func theManifestTheCorpusAndItsReadmeAgree() throws {
        #expect(HostileCorpus.cases.count >= 45)
        let names = HostileCorpus.cases.map(\.name)
        #expect(Set(names).count == names.count, "two cases share a name")

        let files = try Self.corpusFiles()
        let used = Set(HostileCorpus.cases.compactMap(\.corpusFile))
        for path in used {
            #expect(files.contains(path), "\(path) is in the manifest but not in Corpus/")
        }
        // organisations.csv files are read beside the cases, not as cases; README.md and
        // .gitattributes describe the corpus.
        let notCases = ["organisations.csv", "README.md", ".gitattributes"]
        for path in files where !notCases.contains(URL(fileURLWithPath: path).lastPathComponent) {
            #expect(used.contains(path), "Corpus/\(path) is in no case of the manifest")
        }

        // Whatever the fuzzer ever found is a case too.
        let findings = try FileManager.default.contentsOfDirectory(atPath: Self.fuzzFindingsDirectory.path)
            .filter { $0 != "README.md" }
        #expect(!findings.isEmpty)
        let findingCases = Set(HostileCorpus.cases.compactMap { hostile -> String? in
            if case .fuzzFinding(let name) = hostile.input { return name }
            return nil
        })
        #expect(Set(findings) == findingCases, "Fuzz/findings and the manifest's fuzz finding cases differ")

        let readme = try String(contentsOf: Self.corpusDirectory.appendingPathComponent("README.md"), encoding: .utf8)
        for hostile in HostileCorpus.cases {
            #expect(readme.contains("`\(hostile.readmeKey)`"), "Corpus/README.md does not describe \(hostile.readmeKey)")
        }
    }

    // MARK: The checks themselves can fail

    @Test func theOutputCheckFindsEveryForbiddenKindOfByte() {
        let forbidden: [(String, [UInt8])] = [
            ("ESC", [0x1B]), ("BEL", [0x07]), ("backspace", [0x08]), ("CR", [0x0D]), ("tab", [0x09]), ("NUL", [0x00]),
            ("DEL", [0x7F]), ("C1 CSI", [0xC2, 0x9B]), ("C1 NEL", [0xC2, 0x85]), ("RLO", Array("\u{202E}".utf8)),
            ("LRE", Array("\u{202A}".utf8)), ("isolate", Array("\u{2066}".utf8)), ("PDI", Array("\u{2069}".utf8)),
            ("Latin-1 £", [0xA3]), ("cut-off UTF-8", [0xE2, 0x82]),
        ]
        for (name, bytes) in forbidden {
            #expect(!ForbiddenOutput.problems(in: Array("ok ".utf8) + bytes + Array(" ok\n".utf8)).isEmpty, "\(name)")
        }
        let allowed = "שלום مرحبا 👩‍👩‍👧‍👦 🇬🇧 東京 ␛[31m ␇ \u{FFFD} £ — \u{200F}\n"
        #expect(ForbiddenOutput.problems(in: Array(allowed.utf8)).isEmpty)
    }

    @Test func theComparisonNoticesAWrongPlaceWordOrCount() throws {
        let hostile = try #require(HostileCorpus.cases.first { $0.name == "a stray quote mid-field" })
        let warning = "stray-quote.csv:3:8: warning: a quote inside an unquoted field was read as a literal quote character"
        let summary = "stray-quote.csv: 2 arrangements read, 484 organisations from the bundled list of England's "
            + "councils, fire, police and NHS bodies (2017); 0 rows left out, 1 warning"
        #expect(Self.differences(printed: [warning, summary], expected: hostile).isEmpty)

        let wrong: [(String, [String])] = [
            ("a column off by one", [warning.replacingOccurrences(of: ":3:8:", with: ":3:9:"), summary]),
            ("no column", [warning.replacingOccurrences(of: ":3:8:", with: ":3:"), summary]),
            ("another line", [warning.replacingOccurrences(of: ":3:8:", with: ":4:8:"), summary]),
            ("an error, not a warning", [warning.replacingOccurrences(of: "warning:", with: "error:"), summary]),
            ("another word", [warning.replacingOccurrences(of: "literal", with: "stray"), summary]),
            ("a line too many", [warning, warning, summary]),
            ("a line missing", [summary]),
            ("another count", [warning, summary.replacingOccurrences(of: "2 arrangements", with: "3 arrangements")]),
            ("another warning count", [warning, summary.replacingOccurrences(of: "1 warning", with: "2 warnings")]),
            ("no summary", [warning]),
        ]
        for (what, printed) in wrong {
            #expect(!Self.differences(printed: printed, expected: hostile).isEmpty, "\(what) was not noticed")
        }

        // Lines alike are counted: one too few or too many is noticed.
        let many = try #require(HostileCorpus.cases.first { $0.name == "5,000 partners in one row" })
        let twice = "five-thousand-partners.csv:2:29: warning: partners lists \"Council 7\" more than once; counted once"
        let partners = (1..<5_000).map {
            "five-thousand-partners.csv:2:29: warning: partners \"Council \($0)\" \(ExpectedMessage.notInTheBundledList), "
                + "taken to be a council body"
        }
        let manySummary = "five-thousand-partners.csv: 1 arrangement read; 0 rows left out, 5,000 warnings"
        #expect(Self.differences(printed: [twice] + partners + [manySummary], expected: many).isEmpty)
        #expect(!Self.differences(printed: [twice] + partners.dropLast() + [manySummary], expected: many).isEmpty)
        #expect(!Self.differences(printed: [twice] + partners + [twice, manySummary], expected: many).isEmpty)
        var otherList = partners
        otherList[10] = otherList[10].replacingOccurrences(of: "the bundled list", with: "organisations.csv")
        #expect(!Self.differences(printed: [twice] + otherList + [manySummary], expected: many).isEmpty)

        let refused = try #require(HostileCorpus.cases.first { $0.name == "a NUL byte mid-file" })
        let failure = "nul-mid-file.csv:3:10: contains binary data (a NUL byte); it is not a CSV or JSON file (could not be loaded)"
        #expect(Self.differences(printed: [failure], expected: refused).isEmpty)
        #expect(!Self.differences(printed: [failure.replacingOccurrences(of: " (could not be loaded)", with: "")], expected: refused).isEmpty)
        #expect(!Self.differences(printed: [failure, summary], expected: refused).isEmpty)
    }

    /// A named pipe nobody writes to keeps ssmap waiting to open it, as it keeps `cat`:
    /// the deadline must end the run and say so.
    @Test func theDeadlineEndsARunThatHangs() throws {
        let scratch = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(mkfifo(scratch.appendingPathComponent("pipe.csv").path, 0o600) == 0)
        let outcome = try CorpusRunner.run(["validate", "pipe.csv"], in: scratch, timeout: .seconds(1))
        #expect(outcome.timedOut)
        #expect(!outcome.exitedNormally)
    }

    // MARK: Running and checking

    /// Puts the case's input in place; returns the directory to run ssmap in.
    static func prepare(_ input: CorpusInput, in scratch: URL) throws -> URL {
        let files = FileManager.default
        switch input {
        case .committed(let path):
            return corpusDirectory.appendingPathComponent(path).deletingLastPathComponent()
        case .generated(let name, let recipe):
            try recipe(scratch.appendingPathComponent(name))
        case .directory(named: let name):
            try files.createDirectory(at: scratch.appendingPathComponent(name), withIntermediateDirectories: false)
        case .missing, .systemPath:
            break
        case .fuzzFinding(let name):
            try files.copyItem(at: fuzzFindingsDirectory.appendingPathComponent(name), to: scratch.appendingPathComponent(name))
        case .unreadable(copyOf: let path):
            let copy = scratch.appendingPathComponent(input.argument)
            try files.copyItem(at: corpusDirectory.appendingPathComponent(path), to: copy)
            // The directory open to all, so that only the file's own mode stands in the way.
            try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.path)
            try files.setAttributes([.posixPermissions: OtherUser.unreadableMode], ofItemAtPath: copy.path)
        }
        return scratch
    }

    static func check(
        _ outcome: CorpusRunner.Outcome, against hostile: HostileCase, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(!outcome.timedOut, "did not finish within \(CorpusRunner.deadline)", sourceLocation: sourceLocation)
        #expect(
            outcome.exitedNormally, "ended by signal \(outcome.status) (a crash, or killed at the deadline)",
            sourceLocation: sourceLocation)
        #expect(outcome.status == hostile.exitStatus, "exit status", sourceLocation: sourceLocation)
        for (stream, bytes) in [("standard output", outcome.standardOutput), ("standard error", outcome.standardError)] {
            let problems = ForbiddenOutput.problems(in: bytes)
            #expect(problems.isEmpty, "\(stream) holds \(problems.joined(separator: ", "))", sourceLocation: sourceLocation)
        }
        let printed = lines(outcome.standardOutput) + lines(outcome.standardError)
        let longest = printed.map(\.count).max() ?? 0
        #expect(longest <= longestLine, "a line of \(longest) characters", sourceLocation: sourceLocation)
        let differences = differences(printed: printed, expected: hostile)
        #expect(
            differences.isEmpty,
            "\(differences.joined(separator: "\n"))\n-- printed:\n\(printed.map { String($0.prefix(300)) }.joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    }

    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// How the printed lines differ from what the case expects: empty when every line is an
    /// expected message (or the last line's summary, with matching counts) and every
    /// expected message was printed.
    static func differences(printed: [String], expected hostile: HostileCase) -> [String] {
        var lines = printed
        var differences: [String] = []
        let file = hostile.displayedFile
        if let count = hostile.arrangementsRead {
            let errors = hostile.messages.filter { $0.kind == .error }.reduce(0) { $0 + $1.count }
            let warnings = hostile.messages.filter { $0.kind == .warning }.reduce(0) { $0 + $1.count }
            let start = "\(file): \(count) arrangement\(count == 1 ? "" : "s") read"
            let end = "; \(Count.format(errors, "row", "rows")) left out, \(Count.format(warnings, "warning", "warnings"))"
            if let last = lines.last, last.hasPrefix(start), last.hasSuffix(end) {
                lines.removeLast()
            } else {
                differences.append("the last line is not \"\(start)…\(end)\"")
            }
        }
        let expectedCount = hostile.messages.reduce(0) { $0 + $1.count }
        if lines.count != expectedCount {
            differences.append("\(lines.count) messages printed, \(expectedCount) expected")
        }
        for message in hostile.messages {
            if message.count == 1 {
                if !lines.contains(where: { message.matches($0, givenFile: file) }) {
                    differences.append("missing: \(message)")
                }
            } else {
                let printed = lines.filter { message.matches($0, givenFile: file) }.count
                if printed != message.count { differences.append("\(printed) printed of \(message)") }
            }
        }
        for line in lines where !hostile.messages.contains(where: { $0.matches(line, givenFile: file) }) {
            differences.append("unexpected: \(line.prefix(300))")
        }
        return differences
    }

    /// Every file under Corpus/, by its path there.
    static func corpusFiles() throws -> Set<String> {
        let root = corpusDirectory.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: Set<String> = []
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.insert(path)
            }
        }
        return files
    }
}

extension HostileCase {
    /// The unreadable file: root reads anything, so it is run as another user.
    var needsAnotherUser: Bool {
        if case .unreadable = input { return true }
        return false
    }
}

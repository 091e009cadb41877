import Foundation
import Testing

/// `make install` into a temporary prefix, then the installed ssmap run from outside the
/// checkout: the release build, the sample where the binary looks for it, the man page
/// and the completions. The release build has a directory of its own (`.build-install-test`),
/// since `swift test` holds the lock on its own; the first run builds for two to four minutes,
/// later ones seconds. SSMAP_INSTALL_TEST=0 leaves it out.
@Suite("make install")
struct InstallTests {
    static let packageDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var status: Int32
        var output: String
        var error: String
        var both: String { output + error }
    }

    /// Runs `executable` in `directory` with the environment given, minus the sample
    /// override and make's own variables, so that only what was installed can lead the
    /// binary to its sample.
    static func run(_ executable: String, _ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Run {
        let result = try BinaryRunner.run(
            arguments, executable: URL(fileURLWithPath: executable), in: directory, environment: environment,
            removing: ["SSMAP_SAMPLE_DATA", "PREFIX", "DESTDIR", "SCRATCH", "MAKEFLAGS", "MFLAGS"])
        return Run(status: result.status, output: result.standardOutput, error: result.standardError)
    }

    static func contents(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    static func ending(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).suffix(30).joined(separator: "\n")
    }

    @Test(
        .enabled(if: ProcessInfo.processInfo.environment["SSMAP_INSTALL_TEST"] != "0", "SSMAP_INSTALL_TEST=0 leaves it out"),
        .timeLimit(.minutes(30)))
    func installedSsmapRunsFromItsPrefix() throws {
        let temporary = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let prefix = temporary.appendingPathComponent("prefix")
        let elsewhere = temporary.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)

        let scratch = Self.packageDirectory.appendingPathComponent(".build-install-test").path
        let install = try Self.run(
            "/usr/bin/env",
            ["make", "-C", Self.packageDirectory.path, "install", "PREFIX=\(prefix.path)", "DESTDIR=", "SCRATCH=\(scratch)"],
            in: elsewhere)
        try #require(install.status == 0, "make install failed:\n\(Self.ending(install.both))")

        let binary = prefix.appendingPathComponent("bin/ssmap").path
        let sample = prefix.appendingPathComponent("share/ssmap/sample-data")
        let summary = try Self.run(binary, ["summary"], in: elsewhere)
        #expect(summary.status == 0, "\(summary.error)")
        #expect(summary.output.contains("486 arrangements"), "\(summary.output)")
        #expect(summary.output.contains("Sample register, June 2017"), "\(summary.output)")

        // Everything sample-data holds is installed, byte for byte.
        let names = try FileManager.default.contentsOfDirectory(
            atPath: Self.packageDirectory.appendingPathComponent("sample-data").path)
        #expect(names.contains("arrangements.csv"))
        for name in names {
            let original = try Data(contentsOf: Self.packageDirectory.appendingPathComponent("sample-data/\(name)"))
            let installed = try? Data(contentsOf: sample.appendingPathComponent(name))
            #expect(installed == original, "share/ssmap/sample-data/\(name) is missing or differs")
        }

        // The binary also falls back to the checkout's sample-data (it was compiled from
        // it), which would pass the checks above with the sample installed anywhere. So the
        // installed copy is changed, and the binary must see the change.
        let installedArrangements = sample.appendingPathComponent("arrangements.csv")
        try #require(FileManager.default.fileExists(atPath: installedArrangements.path))
        let threeRows = """
            id,name,service,partners
            T1,Installed one,ICT,Adur District Council; Worthing Borough Council
            T2,Installed two,Legal services,Brent; Harrow
            T3,Installed three,Payroll,Mid Devon Council; Torridge

            """
        try Data(threeRows.utf8).write(to: installedArrangements)
        let changed = try Self.run(binary, ["summary"], in: elsewhere)
        #expect(changed.status == 0, "\(changed.error)")
        let headline = changed.output.split(separator: "\n").first { $0.contains(" arrangements ·") } ?? ""
        #expect(headline.hasPrefix("3 arrangements"), "the installed sample was not the one read:\n\(changed.output)")

        // The man page, as swift-argument-parser writes it (mdoc), covering every command.
        let manPage = Self.contents(prefix.appendingPathComponent("share/man/man1/ssmap.1"))
        #expect(manPage.hasPrefix(".\\\""), "\(manPage.prefix(200))")
        for line in [".Dt SSMAP 1", ".Sh NAME", ".Nm ssmap", ".Sh SYNOPSIS"] {
            #expect(manPage.contains("\n\(line)\n"), "the man page has no \(line)")
        }
        for command in ["open", "summary", "list", "show", "validate", "generate"] {
            #expect(manPage.contains(".It Em \(command)\n"), "the man page does not describe \(command)")
        }

        let completions = [
            "share/bash-completion/completions/ssmap": "_ssmap",
            "share/zsh/site-functions/_ssmap": "#compdef ssmap",
            "share/fish/vendor_completions.d/ssmap.fish": "complete -c 'ssmap'",
        ]
        for (path, mark) in completions {
            let text = Self.contents(prefix.appendingPathComponent(path))
            #expect(text.contains(mark), "\(path) does not complete ssmap")
        }
        // bash is here anyway (the install script is a bash script): the completion loads.
        let bashCompletion = prefix.appendingPathComponent("share/bash-completion/completions/ssmap").path
        let loaded = try Self.run("/usr/bin/env", ["bash", "-c", "source \"$1\" && complete -p ssmap", "bash", bashCompletion], in: elsewhere)
        #expect(loaded.status == 0 && loaded.output.contains("ssmap"), "\(loaded.both)")

        // Uninstall leaves no file behind.
        let uninstall = try Self.run(
            "/usr/bin/env", ["make", "-C", Self.packageDirectory.path, "uninstall", "PREFIX=\(prefix.path)", "DESTDIR="],
            in: elsewhere)
        #expect(uninstall.status == 0, "\(uninstall.both)")
        let left = FileManager.default.enumerator(atPath: prefix.path)?.compactMap { $0 as? String }.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: prefix.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        } ?? []
        #expect(left.isEmpty, "left after make uninstall: \(left)")
    }
}

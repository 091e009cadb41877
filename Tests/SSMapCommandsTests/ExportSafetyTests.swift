import Foundation
import Testing
import SharedServices

#if canImport(Glibc)
import Glibc
#endif

/// `ssmap list --output`: spreadsheet-safe CSV, never over an existing file unasked, never
/// over its input, and a full disk or a denied permission said plainly with nothing left
/// behind.
@Suite("Exporting from the command line", .serialized)
struct ExportSafetyTests {
    static let register = """
        id,name,service,partners,savings_to_date,description
        F1,=1+1 shared legal,Legal,Adur District Council; Worthing Borough Council,-5000,@SUM(A1)
        F2,Shared audit,Audit,Adur District Council; Worthing Borough Council,1200,Plain

        """

    /// A directory holding the register above, as `arrangements.csv`.
    static func registerDirectory() throws -> URL {
        let directory = try BinaryRunner.temporaryDirectory()
        try register.write(to: directory.appendingPathComponent("arrangements.csv"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func csvToAPipeGuardsFormulasButNotNumbers() throws {
        let directory = try Self.registerDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let guarded = try BinaryRunner.run(["list", "arrangements.csv", "--format", "csv"], in: directory)
        #expect(guarded.status == 0)
        #expect(guarded.standardOutput.contains("F1,'=1+1 shared legal,"))
        #expect(guarded.standardOutput.contains(",-5000,"))
        #expect(guarded.standardOutput.contains(",'@SUM(A1),"))
        let raw = try BinaryRunner.run(["list", "arrangements.csv", "--format", "csv", "--raw"], in: directory)
        #expect(raw.status == 0)
        #expect(raw.standardOutput.contains("F1,=1+1 shared legal,"))
        #expect(!raw.standardOutput.contains("'"))
    }

    /// A column ssmap does not know is kept and exported, and its name is a cell of the
    /// header row like any other: guarded against formulas in CSV (where a spreadsheet
    /// would run it), written as it is with --raw, and read back without the guard.
    static let formulaColumns = """
        id,name,service,partners,=cmd,+total,-minus,@at,plain
        F1,Shared legal,Legal,Adur District Council; Worthing Borough Council,one,two,three,four,five

        """

    @Test func csvHeaderGuardsColumnNamesThatLookLikeFormulas() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.formulaColumns.write(to: directory.appendingPathComponent("columns.csv"), atomically: true, encoding: .utf8)
        let guardedTail = ",'=cmd,'+total,'-minus,'@at,plain"
        let rawTail = ",=cmd,+total,-minus,@at,plain"

        let piped = try BinaryRunner.run(["list", "columns.csv", "--format", "csv"], in: directory)
        #expect(piped.status == 0, "\(piped.standardError)")
        let pipedHeader = try #require(piped.standardOutput.split(separator: "\n").first.map(String.init))
        #expect(pipedHeader.hasPrefix("id,name,"))
        #expect(pipedHeader.hasSuffix(guardedTail), "\(pipedHeader)")

        let written = try BinaryRunner.run(["list", "columns.csv", "--output", "guarded.csv"], in: directory)
        #expect(written.status == 0, "\(written.standardError)")
        let file = try String(contentsOf: directory.appendingPathComponent("guarded.csv"), encoding: .utf8)
        #expect(file.split(separator: "\n").first?.hasSuffix(guardedTail) == true, "\(file)")
        #expect(file.split(separator: "\n").dropFirst().first?.hasSuffix(",one,two,three,four,five") == true)

        // --raw: the header exactly as the input had it, on standard output and in a file.
        let raw = try BinaryRunner.run(["list", "columns.csv", "--format", "csv", "--raw"], in: directory)
        #expect(raw.status == 0)
        #expect(raw.standardOutput.split(separator: "\n").first?.hasSuffix(rawTail) == true, "\(raw.standardOutput)")
        #expect(!raw.standardOutput.contains("'"))
        let rawFile = try BinaryRunner.run(["list", "columns.csv", "--raw", "--output", "raw.csv"], in: directory)
        #expect(rawFile.status == 0)
        let rawText = try String(contentsOf: directory.appendingPathComponent("raw.csv"), encoding: .utf8)
        #expect(rawText.split(separator: "\n").first?.hasSuffix(rawTail) == true)
        #expect(!rawText.contains("'"))

        // JSON keys are not cells of a spreadsheet: never guarded.
        let json = try BinaryRunner.run(["list", "columns.csv", "--format", "json"], in: directory)
        #expect(json.standardOutput.contains("\"=cmd\": \"one\""))

        // The guarded export reads back with the columns' own names, and exports the same again.
        let reloaded = try RegisterLoader.load(arrangements: directory.appendingPathComponent("guarded.csv").path).register
        #expect(reloaded.extraColumnNames == ["=cmd", "+total", "-minus", "@at", "plain"])
        let again = try BinaryRunner.run(["list", "guarded.csv", "--format", "csv"], in: directory)
        #expect(again.standardOutput == file)
    }

    @Test func outputNeverReplacesAFileUnlessForced() throws {
        let directory = try Self.registerDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("report.csv")
        let first = try BinaryRunner.run(["list", "arrangements.csv", "--format", "csv", "--output", "report.csv"], in: directory)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardError.contains("Wrote 2 arrangements to report.csv"))
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.contains("F1,'=1+1 shared legal,"))

        try "mine".write(to: target, atomically: true, encoding: .utf8)
        let refused = try BinaryRunner.run(["list", "arrangements.csv", "-o", "report.csv"], in: directory)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("report.csv already exists; give --force to replace it"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "mine")

        let forced = try BinaryRunner.run(["list", "arrangements.csv", "-o", "report.csv", "--force"], in: directory)
        #expect(forced.status == 0)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("id,name,"))
        #expect(try Self.leftovers(in: directory).isEmpty)
    }

    /// A file name of one character, found by the dashboard's monkey: Foundation's path
    /// functions stopped the program on it, losing the export.
    @Test(arguments: ["a", "7"])
    func aOneCharacterNameIsWritten(name: String) throws {
        let directory = try Self.registerDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let written = try BinaryRunner.run(["list", "arrangements.csv", "--format", "csv", "--output", name], in: directory)
        #expect(written.status == 0, "\(written.standardError)")
        #expect(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8).hasPrefix("id,name,"))
        #expect(try Self.leftovers(in: directory).isEmpty)
    }

    @Test func pathsAreCutAtTheirLastSlash() {
        let cases: [(String, String, String)] = [
            ("a", "", "a"), ("", "", ""), ("dir/a.csv", "dir", "a.csv"), ("/a", "/", "a"), ("dir/", "dir", ""),
            ("a/b/c", "a/b", "c"), ("./x", ".", "x"), ("//x", "/", "x"),
        ]
        for (path, directory, name) in cases {
            let cut = FileSystem.directoryAndName(path)
            #expect(cut.directory == directory && cut.name == name, "\(path)")
        }
    }

    @Test func theInputIsNeverWrittenEvenWithForce() throws {
        let directory = try Self.registerDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("arrangements.csv")
        let before = try Data(contentsOf: input)
        for spelling in ["arrangements.csv", "./arrangements.csv", "../\(directory.lastPathComponent)/arrangements.csv"] {
            // With --format, and with the format taken from the extension.
            for format in [["--format", "csv"], []] {
                let result = try BinaryRunner.run(
                    ["list", "arrangements.csv"] + format + ["--output", spelling, "--force"], in: directory)
                #expect(result.status == 1, "\(spelling) \(format)")
                #expect(result.standardError.contains("is a file ssmap is reading; it never writes over its input"))
            }
        }
        #expect(try Data(contentsOf: input) == before)
    }

    /// Whether this machine lets the tests mount a small file system (root, not in a
    /// locked-down container): needed to make a disk full.
    static let canMount: Bool = {
        guard let directory = try? BinaryRunner.temporaryDirectory() else { return false }
        defer { try? FileManager.default.removeItem(at: directory) }
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", directory.path]) == 0 else { return false }
        _ = run("/bin/umount", [directory.path])
        return true
    }()

    @Test(.enabled(if: canMount, "needs to mount a small tmpfs (root)"))
    func aFullDiskIsSaidPlainlyAndLeavesNothing() throws {
        let directory = try Self.registerDirectory()
        let disk = directory.appendingPathComponent("small-disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        #expect(Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", disk.path]) == 0)
        defer {
            _ = Self.run("/bin/umount", [disk.path])
            try? FileManager.default.removeItem(at: directory)
        }
        // The bundled sample's CSV is far bigger than 16 KB.
        let sample = BinaryRunner.sampleDirectory.appendingPathComponent("arrangements.csv").path
        let result = try BinaryRunner.run(["list", sample, "--format", "csv", "--output", disk.path + "/all.csv"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("could not write \(disk.path)/all.csv: the disk is full; nothing was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).isEmpty)
    }

    /// Whether the tests can run the binary as the unprivileged user `nobody` (root
    /// ignores file permissions, so a denied permission needs another user).
    static let canRunAsNobody: Bool =
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
        && run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", BinaryRunner.binary.path, "--help"]) == 0

    @Test(.enabled(if: canRunAsNobody, "needs root, setpriv, and a binary others may run"))
    func aDeniedPermissionIsSaidPlainlyAndLeavesNothing() throws {
        let directory = try Self.registerDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let register = directory.appendingPathComponent("arrangements.csv").path
        // The directory belongs to root and only root may write in it; nobody may read the register.
        chmod(directory.path, 0o755)
        chmod(register, 0o644)
        let status = Self.run(
            "/usr/bin/setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", BinaryRunner.binary.path,
             "list", register, "--format", "csv", "--output", directory.path + "/report.csv"],
            standardError: directory.appendingPathComponent("stderr.txt").path)
        #expect(status == 1)
        let message = try String(contentsOf: directory.appendingPathComponent("stderr.txt"), encoding: .utf8)
        #expect(message.contains("report.csv: permission denied (choose a folder you can write to); nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/report.csv"))
        #expect(try Self.leftovers(in: directory).isEmpty)
    }

    /// Temporary files a write left behind (they start with a dot and end in .tmp).
    static func leftovers(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], standardError: String? = nil) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        if let standardError {
            _ = FileManager.default.createFile(atPath: standardError, contents: nil)
            process.standardError = FileHandle(forWritingAtPath: standardError)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

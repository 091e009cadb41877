import Foundation
import Testing
@testable import SSMapCommands
@testable import SharedServices

/// `ssmap list --output FILE` takes its format from the file's extension unless --format
/// is given, by the same rule as the dashboard's export (`ExportFormat(forPath:)`).
@Suite("ssmap list --output picks the format by extension")
struct ListOutputFormatTests {
    static let organisations = BinaryRunner.sampleDirectory.appendingPathComponent("organisations.csv").path

    /// The sample's ICT arrangements, in the order `ssmap list` gives them.
    static func ictRows() throws -> (register: Register, rows: [Int]) {
        let register = try BinaryRunner.loadSample().register
        var filter = ArrangementFilter()
        filter.services = [try register.serviceID(named: "ICT")]
        return (register, filter.matchingRows(in: register))
    }

    /// Runs `ssmap list --service ICT` with `arguments` in a fresh directory; returns the
    /// result, the directory and the file named `file` there, if it was written.
    static func listICT(
        _ arguments: [String], file: String
    ) throws -> (result: BinaryRunner.Result, directory: URL, written: String?) {
        let directory = try BinaryRunner.temporaryDirectory()
        let result = try BinaryRunner.run(["list", "--service", "ICT"] + arguments, in: directory)
        let path = directory.appendingPathComponent(file).path
        let written = FileManager.default.fileExists(atPath: path) ? try String(contentsOfFile: path, encoding: .utf8) : nil
        return (result, directory, written)
    }

    @Test(arguments: ["ict.csv", "ICT.CSV", "ict.Csv"])
    func csvByExtensionLoadsBackWithFullNames(file: String) throws {
        let (result, directory, written) = try Self.listICT(["--output", file], file: file)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 0, "\(result.standardError)")
        let text = try #require(written)
        #expect(text.hasPrefix("id,name,service_area,service,partners,"))
        let (sample, rows) = try Self.ictRows()
        let path = directory.appendingPathComponent(file).path
        let validate = try BinaryRunner.run(["validate", path, "--organisations", Self.organisations])
        #expect(validate.status == 0, "\(validate.standardOutput)")
        let reloaded = try RegisterLoader.load(arrangements: path, organisations: Self.organisations).register
        #expect(reloaded.count == rows.count)
        #expect(reloaded.allRows.map(reloaded.name) == rows.map(sample.name), "names whole, not cut to a column")
        #expect(reloaded.allRows.map(reloaded.savingsToDate) == rows.map(sample.savingsToDate))
        #expect(!text.contains("…"))
    }

    @Test(arguments: ["ict.json", "ICT.JSON"])
    func jsonByExtension(file: String) throws {
        let (result, directory, written) = try Self.listICT(["-o", file], file: file)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 0, "\(result.standardError)")
        let text = try #require(written)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let (sample, rows) = try Self.ictRows()
        #expect(objects.compactMap { $0["name"] as? String } == rows.map(sample.name))
        #expect(objects.allSatisfy { $0["service"] as? String == "ICT" })
    }

    @Test(arguments: ["ict.md", "ICT.MD", "ict.markdown"])
    func markdownByExtension(file: String) throws {
        let (result, directory, written) = try Self.listICT(["--output", file], file: file)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 0, "\(result.standardError)")
        let text = try #require(written)
        #expect(text.hasPrefix("| ID | Name | Service area | Service |"))
        let (_, rows) = try Self.ictRows()
        #expect(text.split(separator: "\n").count == rows.count + 2)
    }

    /// An extension that names no format (or none at all) gets the text table, as standard output does.
    @Test(arguments: ["ict.txt", "ict", "ict.TXT"])
    func anyOtherExtensionGetsTheTable(file: String) throws {
        let (result, directory, written) = try Self.listICT(["--output", file], file: file)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 0, "\(result.standardError)")
        let text = try #require(written)
        #expect(text.hasPrefix("ID "))
        #expect(text.split(separator: "\n").first?.contains("Saved to date") == true)
        let table = try BinaryRunner.run(["list", "--service", "ICT"])
        #expect(text == table.standardOutput)
    }

    /// --format agreeing with the extension, or given with an extension that names no format, is obeyed.
    @Test func formatAgreeingWithTheExtensionOrWithoutOneIsObeyed() throws {
        let agreeing = try Self.listICT(["--format", "csv", "--output", "ict.CSV"], file: "ict.CSV")
        defer { try? FileManager.default.removeItem(at: agreeing.directory) }
        #expect(agreeing.result.status == 0)
        #expect(agreeing.written?.hasPrefix("id,name,") == true)
        let markdown = try Self.listICT(["--format", "markdown", "--output", "ict.md"], file: "ict.md")
        defer { try? FileManager.default.removeItem(at: markdown.directory) }
        #expect(markdown.result.status == 0)
        let unnamed = try Self.listICT(["--format", "json", "--output", "ict.txt"], file: "ict.txt")
        defer { try? FileManager.default.removeItem(at: unnamed.directory) }
        #expect(unnamed.result.status == 0)
        #expect(unnamed.written?.hasPrefix("[") == true)
    }

    @Test(arguments: [
        (["--format", "json", "--output", "x.csv"], "x.csv", "--format json", "csv"),
        (["--format", "csv", "-o", "x.JSON"], "x.JSON", "--format csv", "json"),
        (["--format", "table", "--output", "x.md"], "x.md", "--format table", "markdown"),
        (["--format", "markdown", "--output", "x.csv"], "x.csv", "--format markdown", "csv"),
    ])
    func aConflictExits64NamingBoth(arguments: [String], file: String, format: String, named: String) throws {
        let (result, directory, written) = try Self.listICT(arguments, file: file)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 64)
        #expect(result.standardError.contains("\(format) conflicts with --output \(file), whose extension means \(named)"))
        #expect(written == nil, "nothing is written")
        #expect(result.standardOutput.isEmpty)
    }

    /// A spreadsheet format ssmap does not write is refused, rather than getting another format.
    @Test(arguments: [["--output", "x.xls"], ["--output", "x.ODS"], ["--format", "csv", "--output", "x.xls"]])
    func otherSpreadsheetFormatsAreRefused(arguments: [String]) throws {
        let file = arguments[arguments.count - 1]
        let (result, directory, written) = try Self.listICT(arguments, file: file)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pathExtension = file.split(separator: ".").last.map { $0.lowercased() } ?? ""
        #expect(result.status == 64)
        #expect(
            result.standardError.contains(
                "--output \(file): ssmap cannot write .\(pathExtension) files; name the file .xlsx, .csv, .json or .md"))
        #expect(written == nil)
    }

    /// A workbook by extension, or asked for; never to the terminal.
    @Test func xlsxByExtensionOrFormatButNotToTheTerminal() throws {
        for arguments in [["--output", "x.xlsx"], ["--format", "xlsx", "--output", "x.XLSX"]] {
            let file = arguments[arguments.count - 1]
            let directory = try BinaryRunner.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let result = try BinaryRunner.run(["list", "--service", "ICT"] + arguments, in: directory)
            #expect(result.status == 0, "\(result.standardError)")
            let path = directory.appendingPathComponent(file).path
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(bytes.starts(with: [0x50, 0x4B]), "a zip archive")
            let (sample, rows) = try Self.ictRows()
            let reloaded = try RegisterLoader.load(arrangements: path, organisations: Self.organisations).register
            #expect(reloaded.allRows.map(reloaded.exportValues) == rows.map(sample.exportValues))
        }
        let (result, directory, _) = try Self.listICT(["--format", "xlsx"], file: "unused.xlsx")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 64)
        #expect(result.standardError.contains("--format xlsx writes a workbook, which goes to a file: add --output FILE.xlsx"))
        #expect(result.standardOutput.isEmpty)
    }

    /// The rule itself, in-process.
    @Test func chosenFormat() throws {
        #expect(try List.chosenFormat(nil, output: nil) == .table)
        #expect(try List.chosenFormat(.json, output: nil) == .json)
        #expect(try List.chosenFormat(nil, output: "a/b.CSV") == .csv)
        #expect(try List.chosenFormat(nil, output: "b.json") == .json)
        #expect(try List.chosenFormat(nil, output: "b.md") == .markdown)
        #expect(try List.chosenFormat(nil, output: "b.txt") == .table)
        #expect(try List.chosenFormat(.csv, output: "b.txt") == .csv)
        #expect(try List.chosenFormat(.csv, output: "b.Csv") == .csv)
        #expect(try List.chosenFormat(nil, output: "b.xlsx") == .xlsx)
        for (format, output) in [(List.Format.json, "b.csv"), (.table, "b.csv"), (.csv, "b.md"), (nil, "b.xls"), (.csv, "b.xlsx")] {
            do {
                let chosen = try List.chosenFormat(format, output: output)
                Issue.record("--format \(String(describing: format)) --output \(output) gave \(chosen)")
            } catch {
                #expect(error.exitCode.rawValue == 64)
                #expect(error.description.contains("--output \(output)"))
            }
        }
    }

    /// With the format from the extension, an existing file is still replaced only with
    /// --force, and the input never, even with it; a conflict is refused before either.
    @Test func existingFilesAndTheInputAreStillSpared() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = BinaryRunner.sampleDirectory.appendingPathComponent("arrangements.csv")
        let input = directory.appendingPathComponent("register.csv")
        try FileManager.default.copyItem(at: sample, to: input)
        let inputBefore = try Data(contentsOf: input)
        for name in ["mine.json", "mine.md", "mine.txt", "mine.CSV"] {
            let target = directory.appendingPathComponent(name)
            try "mine".write(to: target, atomically: true, encoding: .utf8)
            let refused = try BinaryRunner.run(["list", "register.csv", "--output", name], in: directory)
            #expect(refused.status == 1, "\(name)")
            #expect(refused.standardError.contains("\(name) already exists; give --force to replace it"))
            #expect(try String(contentsOf: target, encoding: .utf8) == "mine")
            let conflict = try BinaryRunner.run(
                ["list", "register.csv", "--format", name.hasSuffix(".json") ? "csv" : "json", "--output", name, "--force"],
                in: directory)
            if name.hasSuffix(".txt") {
                #expect(conflict.status == 0, "json into a .txt file is no conflict")
                try "mine".write(to: target, atomically: true, encoding: .utf8)
            } else {
                #expect(conflict.status == 64, "\(name)")
                #expect(try String(contentsOf: target, encoding: .utf8) == "mine")
            }
            let forced = try BinaryRunner.run(["list", "register.csv", "--output", name, "--force"], in: directory)
            #expect(forced.status == 0, "\(name): \(forced.standardError)")
            #expect(try String(contentsOf: target, encoding: .utf8) != "mine")
        }
        for spelling in ["register.csv", "./register.csv"] {
            let result = try BinaryRunner.run(["list", "register.csv", "--output", spelling, "--force"], in: directory)
            #expect(result.status == 1, "\(spelling)")
            #expect(result.standardError.contains("is a file ssmap is reading; it never writes over its input"))
        }
        #expect(try Data(contentsOf: input) == inputBefore)
        #expect(try ExportSafetyTests.leftovers(in: directory).isEmpty)
    }
}

import Foundation
import Testing
@testable import SharedServices

/// `ssmap validate` on broken files, `ssmap generate`, and output safety.
@Suite struct ValidateAndGenerateTests {
    static let header = "id,name,service_area,service,partners,lead,region,start_year,status,savings_to_date,savings_latest_year,description,provenance,source\n"

    private func write(_ text: String, named name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func aBadAmountIsNamedWithFileLineAndColumnAndExitsOne() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try write(
            Self.header + "A1,One,Back office,Legal,Adur; Worthing,,,2015,operational,£1.2m,,,,\n"
                + "A2,Two,Back office,Legal,Adur; Worthing,,,2015,operational,about two million,,,,\n",
            named: "arrangements.csv", in: directory)
        let result = try BinaryRunner.run(["validate", path])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains(
            "arrangements.csv:3:60: warning: savings_to_date \"about two million\" is not an amount of money"))
    }

    @Test func anUnterminatedQuoteGivesLineAndColumnAndExitsTwo() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try write(
            Self.header + "A1,\"One,Back office,Legal,Adur,,,,,,,,,\n", named: "broken.csv", in: directory)
        let result = try BinaryRunner.run(["validate", path])
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("broken.csv:2:4:"))
        #expect(result.standardOutput.contains("never closed"))
    }

    @Test func aMissingColumnIsNamedAndExitsTwo() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try write("id,name,service\nA1,One,Legal\n", named: "nopartners.csv", in: directory)
        let result = try BinaryRunner.run(["validate", path])
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("nopartners.csv:1: the required column \"partners\" is missing"))
    }

    @Test func aDuplicateIdIsReportedAndTheRowLeftOut() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try write(
            Self.header + "A1,One,Back office,Legal,Adur; Worthing,,,,,,,,,\n"
                + "A1,Again,Back office,ICT,Adur; Worthing,,,,,,,,,\n",
            named: "dup.csv", in: directory)
        let result = try BinaryRunner.run(["validate", path])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("dup.csv:3: error: row id \"A1\" is already used on line 2; row left out"))
        #expect(result.standardOutput.contains("1 arrangement read"))
    }

    @Test func filesThatAreNotRegistersExitTwoWithOneMessage() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = directory.appendingPathComponent("picture.csv")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]).write(to: png)
        let prose = try write("Dear colleagues,\nPlease find the register attached.\n", named: "letter.txt", in: directory)
        let cases: [(String, String)] = [
            (png.path, "binary data"),
            (prose, "the required column"),
            (directory.path, "is a directory"),
            (directory.appendingPathComponent("absent.csv").path, "does not exist"),
            (try write("", named: "empty.csv", in: directory), "is empty"),
            (try write("{\"id\": 1}", named: "object.json", in: directory), "not an array"),
        ]
        for (path, message) in cases {
            let result = try BinaryRunner.run(["validate", path])
            #expect(result.status == 2, "\(path)")
            #expect(result.standardOutput.contains(message), "\(path): \(result.standardOutput)")
            #expect(!result.standardError.contains("Fatal error"))
            let summary = try BinaryRunner.run(["summary", path])
            #expect(summary.status == 2)
            #expect(summary.standardError.contains(message))
        }
    }

    /// Without an organisations file, partners are checked against the bundled list: a
    /// council that does not exist is named with its line and the nearest real ones.
    @Test func aCouncilThatDoesNotExistIsNamedWithTheNearestRealOnes() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try write(
            Self.header + "A1,One,Back office,Legal,Adur; Worthing,,,2015,operational,,,,,\n"
                + "A2,Two,Back office,Audit,Mid Devon District Council; Loamshire District Council,,,2016,operational,,,,,\n",
            named: "mine.csv", in: directory)
        let result = try BinaryRunner.run(["validate", path])
        #expect(result.status == 1, "\(result.standardOutput)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(result.standardOutput)")
        let warning = try #require(lines.first)
        #expect(
            warning.hasPrefix(
                path + ":3:26: warning: partners \"Loamshire District Council\" is not in the bundled list of England's "
                    + "councils, fire, police and NHS bodies (2017); kept, taken to be a council body; did you mean \""),
            "\(warning)")
        let sample = try BinaryRunner.loadSample().register.organisations
        let suggested = warning.split(separator: "did you mean ").last.map {
            $0.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
                .map { String($0.element) }
        } ?? []
        #expect((1...3).contains(suggested.count), "\(warning)")
        for name in suggested {
            let index = try #require(sample.names.firstIndex(of: name), "\(name) is not a real council")
            #expect(sample.sectors[index] == .council, "\(name)")
        }
        #expect(
            lines.last == path + ": 2 arrangements read, 484 organisations from the bundled list of England's "
                + "councils, fire, police and NHS bodies (2017); 0 rows left out, 1 warning")

        // The headline counts only councils the list holds, out of its 353.
        let summary = try BinaryRunner.run(["summary", path])
        #expect(summary.status == 0)
        #expect(summary.standardOutput.contains("3 of 353 councils (0.8%)"), "\(summary.standardOutput)")
        // (The partners line is wrapped to the width.)
        #expect(
            summary.standardOutput.replacingOccurrences(of: "\n", with: " ")
                .contains("Partners: 4 organisations: 3 councils, 0 other bodies and 1 not in the organisations list"),
            "\(summary.standardOutput)")

        // An organisations file named on the command line replaces the bundled list.
        let ours = try write("name,sector\nAdur District Council,council\n", named: "ours.csv", in: directory)
        let named = try BinaryRunner.run(["validate", path, "--organisations", ours])
        #expect(named.status == 1)
        #expect(named.standardOutput.contains(path + ":2:26: warning: partners \"Worthing\" is not in ours.csv; kept"))
        #expect(named.standardOutput.contains(": 2 arrangements read, 1 organisation from " + ours + ";"))
    }

    @Test func theSampleValidatesCleanly() throws {
        let result = try BinaryRunner.run(
            ["validate", BinaryRunner.sampleDirectory.appendingPathComponent("arrangements.csv").path])
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("486 arrangements read"))
    }

    @Test func generateWritesBothFilesAndNeverOverwritesUnasked() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("register").path
        let first = try BinaryRunner.run(["generate", "--count", "1000", "--seed", "7", "--out", out])
        #expect(first.status == 0, "\(first.standardError)")
        let arrangements = out + "/arrangements.csv"
        let loaded = try RegisterLoader.load(arrangements: arrangements)
        #expect(loaded.register.count == 1000)
        #expect(loaded.diagnostics.isEmpty)
        let before = try Data(contentsOf: URL(fileURLWithPath: arrangements))

        let again = try BinaryRunner.run(["generate", "--count", "10", "--out", out])
        #expect(again.status == 1)
        #expect(again.standardError.contains("already exists; give --force"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: arrangements)) == before)

        let forced = try BinaryRunner.run(["generate", "--count", "1000", "--seed", "7", "--out", out, "--force"])
        #expect(forced.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: arrangements)) == before, "same seed, same bytes")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func theSpreadsheetStyleIsTheSameRegisterAsExcelSavesIt() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var loaded: [String: LoadedRegister] = [:]
        var bytes: [String: [UInt8]] = [:]
        for style in ["plain", "spreadsheet"] {
            let out = directory.appendingPathComponent(style).path
            let result = try BinaryRunner.run(
                ["generate", "--count", "2000", "--seed", "7", "--style", style, "--out", out])
            #expect(result.status == 0, "\(result.standardError)")
            bytes[style] = Array(try Data(contentsOf: URL(fileURLWithPath: out + "/arrangements.csv")))
            loaded[style] = try RegisterLoader.load(arrangements: out + "/arrangements.csv")
        }
        let plainBytes = bytes["plain", default: []]
        let sheetBytes = bytes["spreadsheet", default: []]
        let sheetText = String(decoding: sheetBytes, as: UTF8.self)
        #expect(!plainBytes.starts(with: [0xEF, 0xBB, 0xBF]) && !plainBytes.contains(0x0D))
        #expect(sheetBytes.starts(with: [0xEF, 0xBB, 0xBF]), "a byte-order mark")
        let lineFeeds = sheetBytes.indices.filter { sheetBytes[$0] == 0x0A }
        #expect(!lineFeeds.isEmpty && lineFeeds.allSatisfy { $0 > 0 && sheetBytes[$0 - 1] == 0x0D }, "CRLF only")
        #expect(sheetBytes.last == 0x0A)
        #expect(sheetText.contains(#"Agreed as ""phase 1""."#), "doubled quotes")

        let plain = try #require(loaded["plain"])
        let sheet = try #require(loaded["spreadsheet"])
        #expect(plain.diagnostics.isEmpty && sheet.diagnostics.isEmpty, "\(sheet.diagnostics.prefix(3))")
        #expect(plain.register.count == 2000 && sheet.register.count == 2000)
        var multiLine = 0
        var amountsInThirdRows = 0
        for row in plain.register.allRows {
            if row % 3 == 0 {
                for amount in [plain.register.savingsToDate(row), plain.register.savingsLatestYear(row)] where amount != nil {
                    amountsInThirdRows += 1
                }
            }
            #expect(sheet.register.id(row) == plain.register.id(row))
            #expect(sheet.register.name(row) == plain.register.name(row))
            #expect(sheet.register.partners(row) == plain.register.partners(row))
            #expect(sheet.register.savingsToDate(row) == plain.register.savingsToDate(row))
            #expect(sheet.register.savingsLatestYear(row) == plain.register.savingsLatestYear(row))
            // The reader keeps a line break inside a field as written: CRLF.
            let description = sheet.register.description(row)
            if description.contains("\r\n") { multiLine += 1 }
            let added = (description.contains("\r\n") ? "\r\n" : " ") + #"Agreed as "phase 1"."#
            #expect(description == plain.register.description(row) + added)
        }
        // Quoted cells of only "£" and grouped digits: the amounts written as Excel shows them.
        let poundAmounts = sheetText.split(separator: "\"").filter { cell in
            cell.hasPrefix("£") && cell.count > 1 && cell.dropFirst().allSatisfy { $0.isASCII && ($0.isNumber || $0 == ",") }
        }
        #expect(poundAmounts.contains { $0.contains(",") }, "thousands commas")
        #expect(amountsInThirdRows > 300 && poundAmounts.count == amountsInThirdRows, "the amounts of a third of the rows")
        #expect(multiLine == 200, "a line break in the description of one row in ten")
        let all = plain.register.allRows
        #expect(sheet.register.headline(all) == plain.register.headline(all))
        #expect(sheet.register.summarise(all, by: .serviceArea) == plain.register.summarise(all, by: .serviceArea))
    }

    @Test func theBundledSampleIsExactlyWhatGenerateWrites() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try BinaryRunner.run(["generate", "--count", "486", "--seed", "2017", "--out", directory.path])
        #expect(result.status == 0)
        for name in ["arrangements.csv", "organisations.csv"] {
            let generated = try Data(contentsOf: directory.appendingPathComponent(name))
            let bundled = try Data(contentsOf: BinaryRunner.sampleDirectory.appendingPathComponent(name))
            #expect(generated == bundled, "\(name) differs from a fresh generate")
        }
    }

    @Test func noControlCharacterFromTheDataReachesTheTerminal() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let hostile = "\u{1B}[2J\u{1B}]0;pwned\u{07}Evil\u{9B}31m\r"
        let path = try write(
            Self.header + "E1,\"\(hostile) name\",Back office,\"Legal\u{1B}[5m\",Adur; \"Worth\u{1B}ing\",,,2015,operational,1000,,\"desc \(hostile)\",,\n",
            named: "hostile.csv", in: directory)
        for arguments in [
            ["summary", path], ["summary", path, "--by", "organisation"], ["list", path], ["list", path, "--format", "csv"],
            ["list", path, "--format", "markdown"], ["list", path, "--format", "json"], ["show", path, "E1"],
            ["validate", path],
        ] {
            let result = try BinaryRunner.run(arguments)
            for byte in result.outputBytes {
                let isControl = (byte < 0x20 && byte != 0x0A) || byte == 0x7F
                #expect(!isControl, "\(arguments): control byte \(byte) in output")
                if isControl { break }
            }
            // C1 controls as UTF-8 (0xC2 0x80...0x9F) must not appear either.
            let pairs = zip(result.outputBytes, result.outputBytes.dropFirst())
            #expect(!pairs.contains { $0 == 0xC2 && (0x80...0x9F).contains($1) }, "\(arguments): C1 control")
            #expect(!result.standardError.utf8.contains(0x1B))
        }
    }
}

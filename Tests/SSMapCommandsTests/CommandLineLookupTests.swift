import ArgumentParser
import Foundation
import Testing

@testable import SSMapCommands
@testable import SharedServices

/// What the command line takes: sort columns by their titles, `--top` counts, several ids
/// for `show`, and organisations by short name, GSS code or part of a name.
@Suite struct CommandLineLookupTests {
    // MARK: --sort

    @Test(arguments: [
        ("saved", "savings_to_date"), ("saved to date", "savings_to_date"), ("SAVED TO DATE", "savings_to_date"),
        ("Start", "start_year"), ("latest year", "savings_latest_year"), ("Partners", "partners"),
    ])
    func listSortsByTheTitlesShown(typed: String, column: String) throws {
        let byTitle = try BinaryRunner.run(["list", "--sort", typed, "--desc", "--format", "csv"])
        let byColumn = try BinaryRunner.run(["list", "--sort", column, "--desc", "--format", "csv"])
        #expect(byTitle.status == 0, "\(byTitle.standardError)")
        #expect(byTitle.standardOutput == byColumn.standardOutput)
    }

    @Test func listHelpNamesEveryColumnByItsSortNames() throws {
        let result = try BinaryRunner.run(["list", "--help"])
        #expect(result.status == 0)
        // Help wraps its lines: compare words, not line breaks.
        let help = result.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains(List.sortNames))
        #expect(help.contains("start (start year, year)"))
        #expect(help.contains("saved to date (savings to date, saved, savings)"))
        for column in SortColumn.sortable {
            for name in column.sortNames { #expect(help.contains(name), "\(name)") }
        }
    }

    @Test func unknownSortColumnListsTheNamesAndTheNearest() throws {
        let result = try BinaryRunner.run(["list", "--sort", "savd"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("cannot sort by \"savd\"; columns: \(List.sortNames); did you mean saved?"))
    }

    // MARK: --top

    @Test(arguments: [["--top", "-3"], ["--top", "0"], ["--top", "abc"], ["--top=-3"], ["--top", "2.5"]])
    func topMustBeAWholeNumberOfOneOrMore(arguments: [String]) throws {
        let typed = arguments.count == 2 ? arguments[1] : "-3"
        let result = try BinaryRunner.run(["summary"] + arguments)
        #expect(result.status == 64)
        #expect(
            result.standardError.contains("--top must be a whole number of 1 or more (got \(typed))"),
            "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        // In-process, the same message from parsing.
        do {
            _ = try Summary.parse(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(Summary.exitCode(for: error).rawValue == 64)
            #expect(Summary.message(for: error) == "--top must be a whole number of 1 or more (got \(typed))")
        }
    }

    @Test func topTakesAWholeNumber() throws {
        let summary = try Summary.parse(["--top", "3"])
        #expect(try Summary.groupCount(summary.top) == 3)
        #expect(try Summary.groupCount(nil) == nil)
    }

    // MARK: show

    @Test func showPrintsSeveralArrangementsInFull() throws {
        let register = try BinaryRunner.loadSample().register
        let sample = BinaryRunner.sampleDirectory.appendingPathComponent("arrangements.csv").path
        let ids = ["SS0001", "SS0002", "SS0003"]
        for file in [[], [sample]] {
            let result = try BinaryRunner.run(["show"] + file + ids)
            #expect(result.status == 0, "\(file): \(result.standardError)")
            let single = try ids.map { id in try BinaryRunner.run(["show"] + file + [id]).standardOutput }
            // Each in full, as when shown alone, with a rule across the 80 columns of a pipe between.
            let rule = String(repeating: "─", count: 80)
            #expect(result.standardOutput == single.joined(separator: "\n" + rule + "\n\n"), "\(file)")
            for id in ids {
                let row = try #require(register.row(withID: id))
                #expect(result.standardOutput.contains("\(id)  \(register.name(row))"))
            }
        }
    }

    /// A mistyped id is a mistake in the command: nothing is printed but the message,
    /// which names every unknown id and the nearest known ones.
    @Test func showWithAnUnknownIDPrintsOnlyTheMistake() throws {
        let result = try BinaryRunner.run(["show", "SS0001", "SS9999", "SS0002", "nope"])
        #expect(result.status == 64)
        #expect(result.standardOutput.isEmpty)
        #expect(
            result.standardError
                == "ssmap: error: no arrangement has the id \"SS9999\" (nearest: SS0099, SS0199, SS0299); "
                + "no arrangement has the id \"nope\"\n")
    }

    @Test func showTellsAFileFromAnID() throws {
        let sample = BinaryRunner.sampleDirectory.appendingPathComponent("arrangements.csv").path
        #expect(Show.fileAndIDs(["SS0001", "SS0002"]) == (nil, ["SS0001", "SS0002"]))
        #expect(Show.fileAndIDs([sample, "SS0001"]) == (sample, ["SS0001"]))
        #expect(Show.fileAndIDs(["missing.CSV", "SS0001"]) == ("missing.CSV", ["SS0001"]))
        #expect(Show.fileAndIDs(["book.xlsx"]) == ("book.xlsx", []))
        #expect(Show.fileAndIDs([]) == (nil, []))

        let fileOnly = try BinaryRunner.run(["show", sample])
        #expect(fileOnly.status == 64)
        #expect(fileOnly.standardError.contains("give the id of an arrangement after the register"))
        let missing = try BinaryRunner.run(["show", "missing.json", "SS0001", "SS0002"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("missing.json: does not exist"))
        let none = try BinaryRunner.run(["show"])
        #expect(none.status == 64)
    }

    // MARK: --organisation

    @Test func organisationByGSSCodeIsTheSameAsByName() throws {
        let byName = try BinaryRunner.run(["list", "--organisation", "London Borough of Brent", "--format", "csv"])
        let byCode = try BinaryRunner.run(["list", "--organisation", "E09000005", "--format", "csv"])
        let byShortName = try BinaryRunner.run(["list", "--organisation", "Brent", "--format", "csv"])
        #expect(byCode.status == 0, "\(byCode.standardError)")
        #expect(byCode.standardOutput == byName.standardOutput)
        #expect(byShortName.standardOutput == byName.standardOutput)
        #expect(byName.standardOutput.split(separator: "\n").count > 1)
    }

    @Test func organisationInSeveralNamesListsThem() throws {
        let result = try BinaryRunner.run(["summary", "--organisation", "Sussex"])
        #expect(result.status == 64)
        #expect(result.standardOutput.isEmpty)
        let error = result.standardError
        #expect(error.hasPrefix("ssmap: error: \"Sussex\" matches 9 organisations: East Sussex County Council, "))
        #expect(error.contains("Mid Sussex District Council"))
        #expect(error.contains("West Sussex County Council"))
        #expect(error.hasSuffix("; give more of the name\n"))
    }
}

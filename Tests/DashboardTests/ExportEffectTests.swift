import Foundation
import Testing
@testable import Dashboard
import SharedServices
import TerminalUI

/// The dashboard's export (`e`): never over the register being read, and CSV guarded
/// against spreadsheet formulas unless the dashboard was opened with --raw.
@Suite("Dashboard export")
struct ExportEffectTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ssmap-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func state(inputFiles: [String], raw: Bool) -> AppState {
        var data = Sample.data
        data.inputFiles = inputFiles
        data.rawExports = raw
        return AppState(data: data, size: TerminalSize(width: 120, height: 40), theme: .monochrome)
    }

    @Test func exportingOverTheRegisterBeingReadIsRefusedEvenWhenConfirmed() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("register.csv")
        try "id,name\n".write(to: input, atomically: true, encoding: .utf8)
        var state = Self.state(inputFiles: [input.path], raw: false)
        // overwrite: true is what confirming "replace it?" asks for.
        Effects.perform(.export(path: directory.path + "/./register.csv", format: .csv, overwrite: true, table: nil), state: &state)
        #expect(state.message?.contains("is a file ssmap is reading; it never writes over its input") == true)
        #expect(try String(contentsOf: input, encoding: .utf8) == "id,name\n")
    }

    @Test func csvIsGuardedUnlessRaw() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A register whose first arrangement's name looks like a formula.
        let text = "id,name,service,partners\nF1,=2+2 shared,Legal,Adur District Council; Worthing Borough Council\n"
        let loaded = try RegisterLoader.load(arrangementBytes: Array(text.utf8), file: "formula.csv")
        for raw in [false, true] {
            var data = DashboardData(
                register: loaded.register, diagnostics: loaded.diagnostics, sourceName: "formula.csv", rawExports: raw)
            data.inputFiles = []
            var state = AppState(data: data, size: TerminalSize(width: 120, height: 40), theme: .monochrome)
            let path = directory.path + "/out-\(raw).csv"
            Effects.perform(.export(path: path, format: .csv, overwrite: false, table: nil), state: &state)
            let written = try String(contentsOfFile: path, encoding: .utf8)
            #expect(written.contains(raw ? "F1,=2+2 shared," : "F1,'=2+2 shared,"), "raw: \(raw)")
        }
    }

    /// `e` to a .xlsx name writes a workbook of the view, which loads back as the same rows.
    @Test func aWorkbookOfTheViewLoadsBack() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var state = Self.state(inputFiles: [], raw: false)
        let path = directory.path + "/view.xlsx"
        Effects.perform(.export(path: path, format: .xlsx, overwrite: false, table: nil), state: &state)
        #expect(state.message == "Wrote \(state.rows.count) arrangements to \(path) (xlsx)")
        let reloaded = try RegisterLoader.load(arrangements: path).register
        #expect(reloaded.allRows.map(reloaded.exportValues) == state.rows.map(state.register.exportValues))
    }
}

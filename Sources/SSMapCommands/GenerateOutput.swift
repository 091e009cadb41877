import Foundation
import SharedServices

/// Writes a generated register's two files, refusing to replace either unless forced.
enum GenerateOutput {
    static func write(
        register: Register, organisationBytes: [UInt8], count: Int, seed: UInt64, style: RegisterGenerator.Style,
        directory: String, force: Bool
    ) throws {
        let arrangementsPath = directory + "/" + SampleData.arrangementsFileName
        let organisationsPath = directory + "/" + SampleData.organisationsFileName
        if !force {
            for path in [arrangementsPath, organisationsPath] where FileSystem.exists(path) {
                throw CommandError.failed("\(path) already exists; give --force to replace it")
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CommandError.failed("could not make the directory \(directory)")
        }
        let generator = RegisterGenerator(reported: register, seed: seed)
        let csv = generator.arrangementsCSV(count: count, style: style)
        try ExportFile.write(csv, to: arrangementsPath, force: force)
        try ExportFile.write(String(decoding: organisationBytes, as: UTF8.self), to: organisationsPath, force: force)
        TerminalOutput.note("ssmap: wrote \(Count.format(count, "arrangement", "arrangements")) to \(arrangementsPath) and the organisations to \(organisationsPath)")
    }
}

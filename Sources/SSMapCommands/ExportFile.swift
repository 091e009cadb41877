import SharedServices

/// Writing a command's output to a file: through `SafeFileWriter`, so never over an
/// existing file without --force, never over an input, and never half a file.
enum ExportFile {
    static func write(_ text: String, to path: String, force: Bool, inputs: [String] = []) throws {
        do {
            try SafeFileWriter.write(text, to: path, overwrite: force, inputs: inputs)
        } catch {
            throw CommandError.failed(error.description)
        }
    }
}

import SharedServices

/// Writing a command's output to a file: through `SafeFileWriter`, so never over an
/// existing file without --force, never over an input, and never half a file.
enum ExportFile {
    static func write(_ text: String, to path: String, force: Bool, inputs: [String] = []) throws {
        try write(Array(text.utf8), to: path, force: force, inputs: inputs)
    }

    static func write(_ bytes: [UInt8], to path: String, force: Bool, inputs: [String] = []) throws {
        do {
            try SafeFileWriter.write(bytes, to: path, overwrite: force, inputs: inputs)
        } catch {
            throw CommandError.failed(error.description)
        }
    }
}

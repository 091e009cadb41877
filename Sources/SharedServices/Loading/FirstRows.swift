/// The first rows of a large CSV register, loaded on their own in a few milliseconds: what
/// the dashboard shows while the whole file loads. The rows are the whole register's first
/// rows, in the same order (rows are kept or left out by what is before them, never after),
/// so a row's position means the same arrangement in both.
public struct FirstRows: Sendable {
    public var loaded: LoadedRegister
    /// How much of the arrangements file the first rows are: a share of its bytes.
    public var shareOfFile: Double

    /// Below this, a register loads in well under the time of a frame or two: it is loaded
    /// whole before it is shown.
    public static let smallestFileShownInPart = 32 << 20
    /// How much of the file is read for the first rows: a few thousand rows, read in
    /// milliseconds on one core.
    public static let bytesRead = 2 << 20

    /// Nil when the register is better loaded whole first: a file below
    /// `smallestFileShownInPart`, a workbook or JSON, a file that is not a regular file, or
    /// one whose first rows cannot be loaded alone (the whole load then says why).
    public static func load(
        arrangements path: String, organisations organisationsPath: String? = nil,
        smallestFile: Int = smallestFileShownInPart, bytesRead: Int = bytesRead
    ) -> FirstRows? {
        guard let start = FileBytes.start(of: path, count: bytesRead), start.fileSize >= smallestFile,
            start.bytes.count < start.fileSize
        else { return nil }
        let format = start.bytes.withUnsafeBufferPointer { RegisterFormat.detect(path: path, bytes: $0) }
        guard format == .csv else { return nil }
        guard let end = start.bytes.withUnsafeBufferPointer({ wholeRecordsEnd($0) }) else { return nil }
        let organisationsFile = organisationsPath ?? RegisterLoader.organisationsBeside(path)
        do {
            let organisationBytes = try organisationsFile.map { path throws(LoadError) in try FileBytes.read(path) }
            var loaded = try RegisterLoader.load(
                arrangementBytes: Array(start.bytes[..<end]), file: path, organisationBytes: organisationBytes,
                organisationsFile: organisationsFile)
            loaded.arrangementsFile = path
            // The header alone: nothing to show yet.
            guard loaded.register.count > 0 else { return nil }
            return FirstRows(loaded: loaded, shareOfFile: Double(end) / Double(start.fileSize))
        } catch {
            return nil
        }
    }

    /// Where the last record that `bytes` holds whole ends, read with the reader's own
    /// scanner from the first record on, so that a stray quote is read as the whole file's
    /// reading reads it; nil when not even the header is whole.
    static func wholeRecordsEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard var index = try? TextBytes.checkedStart(bytes, file: "") else { return nil }
        var scanner = CSVRecordScanner(bytes: bytes)
        var end: Int?
        while index < bytes.count {
            if let blankEnd = scanner.blankLineEnd(from: index) {
                guard blankEnd < bytes.count else { break }
                index = scanner.consumeLineEnd(at: blankEnd)
                continue
            }
            guard case .record(let recordEnd) = scanner.scan(at: index) else { break }
            // A record running to the last byte is whole only if that byte ends its line;
            // a record stopped by a line end before the last byte always is.
            let lastByte = bytes[recordEnd - 1]
            guard recordEnd < bytes.count || lastByte == CSVRecordScanner.lineFeed
                || lastByte == CSVRecordScanner.carriageReturn
            else { break }
            end = recordEnd
            index = recordEnd
        }
        return end
    }
}

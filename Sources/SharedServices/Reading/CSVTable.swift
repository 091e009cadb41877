/// A whole CSV file read record by record with `CSVRecordScanner`, for files read on
/// one core (an organisations file), and the header of any CSV file.
enum CSVTable {
    struct Header {
        /// The column names, without spaces around them.
        var names: [String]
        var line: Int
        /// Where the body starts, and the line ends before it.
        var bodyStart: Int
        var lineEndsBefore: Int
        var warnings: [Diagnostic]
    }

    /// The first record of the text starting at `textStart` (after blank lines).
    static func header(_ bytes: UnsafeBufferPointer<UInt8>, textStart: Int, file: String) throws(LoadError) -> Header {
        var scanner = CSVRecordScanner(bytes: bytes)
        var index = textStart
        while index < bytes.count, let blankEnd = scanner.blankLineEnd(from: index) {
            index = blankEnd < bytes.count ? scanner.consumeLineEnd(at: blankEnd) : blankEnd
        }
        guard index < bytes.count else { throw LoadError(file: file, message: "is empty") }
        let line = 1 + scanner.lineEnds
        let end = try scanRecord(&scanner, at: index, line: line, file: file)
        return Header(
            names: scanner.strings().map { $0.trimmingWhitespace() }, line: line, bodyStart: end,
            lineEndsBefore: scanner.lineEnds, warnings: quirkWarnings(scanner, recordStart: index, line: line, file: file))
    }

    /// Every record: the header, then the rows with where each cell starts. A quote never
    /// closed after the header is given back as `failure`, the rows before it with it:
    /// the file's columns are checked first, as the stretches check them.
    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String
    ) throws(LoadError) -> (
        header: [String], headerLine: Int, rows: [TableRow], warnings: [Diagnostic], failure: LoadError?
    ) {
        var (records, warnings, failure) = try records(bytes, file: file)
        guard !records.isEmpty else { throw failure ?? LoadError(file: file, message: "is empty") }
        let header = records.removeFirst()
        return (header.fields.map { $0.trimmingWhitespace() }, header.line, records, warnings, failure)
    }

    /// Every record of the file as it is written, blank lines skipped, and the warnings
    /// about places that stray from RFC 4180; reading stops at a quote never closed, which
    /// is thrown when it is in the first record and given back as `failure` after it.
    static func records(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String
    ) throws(LoadError) -> (records: [TableRow], warnings: [Diagnostic], failure: LoadError?) {
        var index = try TextBytes.validatedTextStart(bytes, file: file)
        var warnings: [Diagnostic] = []
        var records: [TableRow] = []
        var scanner = CSVRecordScanner(bytes: bytes)
        while index < bytes.count {
            if let blankEnd = scanner.blankLineEnd(from: index) {
                index = blankEnd < bytes.count ? scanner.consumeLineEnd(at: blankEnd) : blankEnd
                continue
            }
            let line = 1 + scanner.lineEnds
            let end: Int
            do {
                end = try scanRecord(&scanner, at: index, line: line, file: file)
            } catch {
                if records.isEmpty { throw error }
                return (records, warnings, error)
            }
            warnings += quirkWarnings(scanner, recordStart: index, line: line, file: file)
            records.append(
                TableRow(
                    fields: scanner.strings(), line: line,
                    positions: scanner.fieldPositions(recordStart: index, recordLine: line)))
            index = end
        }
        return (records, warnings, nil)
    }

    /// Scans the record at `start`, throwing when a quote in it is never closed.
    static func scanRecord(
        _ scanner: inout CSVRecordScanner, at start: Int, line: Int, file: String
    ) throws(LoadError) -> Int {
        switch scanner.scan(at: start) {
        case .record(let end):
            return end
        case .unclosedQuote(let openingQuote):
            throw unclosedQuote(at: openingQuote, in: scanner.bytes, recordStart: start, line: line, file: file)
        }
    }

    static func unclosedQuote(
        at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, recordStart: Int, line: Int, file: String
    ) -> LoadError {
        let place = CSVRecordScanner.position(of: offset, in: bytes, recordStart: recordStart, recordLine: line)
        return LoadError(
            file: file, line: place.line, column: place.column, message: CSVRecordScanner.Quirk.unclosedQuoteMessage)
    }

    /// The warning for a place that strays from RFC 4180.
    static func warning(
        _ kind: CSVRecordScanner.Quirk.Kind, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>,
        recordStart: Int, line: Int, file: String
    ) -> Diagnostic {
        let place = CSVRecordScanner.position(of: offset, in: bytes, recordStart: recordStart, recordLine: line)
        return Diagnostic(file: file, line: place.line, column: place.column, severity: .warning, message: kind.message)
    }

    private static func quirkWarnings(
        _ scanner: CSVRecordScanner, recordStart: Int, line: Int, file: String
    ) -> [Diagnostic] {
        scanner.quirks.map {
            warning($0.kind, at: $0.offset, in: scanner.bytes, recordStart: recordStart, line: line, file: file)
        }
    }
}

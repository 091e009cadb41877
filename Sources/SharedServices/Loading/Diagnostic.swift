/// One problem found while loading a register, tied to where it is in the file.
///
/// Rendered the way compilers do, so editors and people can find it:
/// `arrangements.csv:214:127: savings_to_date "lots" is not an amount of money`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// The row was left out of the register.
        case error
        /// The row was kept; the value named is marked missing or was interpreted.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var file: String
    /// The worksheet, for a workbook: then `line` is the sheet's row and `column` its column.
    public var sheet: String?
    /// 1-based line where the record starts; nil for problems of the whole file.
    public var line: Int?
    /// 1-based character column, when the problem is at a place inside a line.
    public var column: Int?
    /// The column's name as the file's header spells it, when the problem is in a cell.
    public var field: String?
    public var severity: Severity
    public var message: String

    public init(
        file: String, sheet: String? = nil, line: Int?, column: Int? = nil, field: String? = nil,
        severity: Severity, message: String
    ) {
        self.file = file
        self.sheet = sheet
        self.line = line
        self.column = column
        self.field = field
        self.severity = severity
        self.message = message
    }

    /// `file:line[:column]`, or in a workbook `file: Sheet!J14` (`Sheet!14:14` for a row).
    public var location: String {
        SourcePlace.describe(file: file, sheet: sheet, line: line, column: column)
    }

    public var description: String {
        "\(location): \(message)"
    }
}

/// A problem that stops a file from loading at all: one clear message, no partial register.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var sheet: String?
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, sheet: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.sheet = sheet
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        "\(SourcePlace.describe(file: file, sheet: sheet, line: line, column: column)): \(message)"
    }
}

/// Where in a file something is, written once for diagnostics and errors alike.
enum SourcePlace {
    static func describe(file: String, sheet: String?, line: Int?, column: Int?) -> String {
        guard let sheet else {
            var text = file
            if let line { text += ":\(line)" }
            if let column { text += ":\(column)" }
            return text
        }
        var text = "\(file): \(SheetReference.sheet(sheet))"
        if let line { text += "!" + (column.map { SheetReference.letters($0 - 1) + String(line) } ?? "\(line):\(line)") }
        return text
    }
}

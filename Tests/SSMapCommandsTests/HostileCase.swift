import Foundation
import Testing

/// One hostile input and what `ssmap validate` must make of it.
struct HostileCase: Sendable, CustomTestStringConvertible {
    var name: String
    var input: CorpusInput
    /// 0 clean, 1 problems found, 2 could not be loaded.
    var exitStatus: Int32
    /// The count the last line gives ("N arrangements read"), when the file loads.
    var arrangementsRead: Int?
    /// Every line validate prints besides that last one, in any order.
    var messages: [ExpectedMessage]
    /// The file's name as the output shows it, when that is not the name itself (control
    /// characters in a name are shown as symbols).
    var shownName: String?

    init(
        _ name: String, _ input: CorpusInput, exit exitStatus: Int32, read arrangementsRead: Int? = nil,
        shownAs shownName: String? = nil, _ messages: [ExpectedMessage]
    ) {
        self.name = name
        self.input = input
        self.exitStatus = exitStatus
        self.arrangementsRead = arrangementsRead
        self.messages = messages
        self.shownName = shownName
    }

    var testDescription: String { name }

    /// The name the output calls the file by.
    var displayedFile: String { shownName ?? input.argument }

    /// How Corpus/README.md names the input: a committed file by its path there, others
    /// by the name the output shows.
    var readmeKey: String {
        if case .committed(let path) = input { return path }
        return displayedFile
    }

    /// The committed file the case reads, if any.
    var corpusFile: String? {
        switch input {
        case .committed(let path), .unreadable(copyOf: let path): return path
        default: return nil
        }
    }
}

/// Where a case's input comes from.
enum CorpusInput: Sendable {
    /// A file committed under Corpus/ (its path there), run from its own directory.
    case committed(String)
    /// A file written at test time into an empty directory: too big to commit, or a name
    /// git should not hold.
    case generated(String, recipe: @Sendable (URL) throws -> Void)
    /// A path given as it is, such as a device.
    case systemPath(String)
    /// A directory named like a register.
    case directory(named: String)
    /// A name in an empty directory.
    case missing(named: String)
    /// A committed file copied where the user running ssmap may not read it.
    case unreadable(copyOf: String)
    /// An input the fuzzer found, kept in Fuzz/findings/ (its name there).
    case fuzzFinding(String)

    /// What is passed to `ssmap validate`.
    var argument: String {
        switch self {
        case .committed(let path), .unreadable(copyOf: let path): return URL(fileURLWithPath: path).lastPathComponent
        case .generated(let name, _), .directory(named: let name), .missing(named: let name), .fuzzFinding(let name):
            return name
        case .systemPath(let path): return path
        }
    }
}

/// One line `ssmap validate` must print: `file:line:column: severity: text`, with the
/// line and column only where the problem has them, or for a file that cannot be loaded
/// `file:line:column: text (could not be loaded)`.
struct ExpectedMessage: Sendable, CustomStringConvertible {
    enum Kind: String, Sendable {
        case error, warning
        case cannotLoad = "could not be loaded"
    }

    var kind: Kind
    var line: Int?
    var column: Int?
    /// Each must appear in the line's text.
    var fragments: [String]
    /// The file the message is about, when it is not the one given (the organisations file).
    var file: String?
    /// How many lines it stands for: 1, or exactly this many lines alike (one for each of
    /// thousands of unknown partners).
    var count = 1
    /// In a workbook, the sheet and cell (`Register!C2`) or row (`Register!2:2`) instead of a line and column.
    var cell: String?

    /// A warning about a workbook's cell or row: `file: Register!C2: warning: …`.
    static func warning(cell: String, _ fragments: String...) -> ExpectedMessage {
        ExpectedMessage(kind: .warning, line: nil, column: nil, fragments: fragments, file: nil, cell: cell)
    }

    static func warning(line: Int? = nil, column: Int? = nil, _ fragments: String..., in file: String? = nil)
        -> ExpectedMessage
    {
        ExpectedMessage(kind: .warning, line: line, column: column, fragments: fragments, file: file)
    }

    static func error(line: Int, _ fragments: String..., in file: String? = nil) -> ExpectedMessage {
        ExpectedMessage(kind: .error, line: line, column: nil, fragments: fragments, file: file)
    }

    static func cannotLoad(line: Int? = nil, column: Int? = nil, _ fragments: String...) -> ExpectedMessage {
        ExpectedMessage(kind: .cannotLoad, line: line, column: column, fragments: fragments, file: nil)
    }

    /// Exactly `count` warnings on `line`, each with every fragment.
    static func warnings(_ count: Int, line: Int, column: Int? = nil, _ fragments: String...) -> ExpectedMessage {
        ExpectedMessage(kind: .warning, line: line, column: column, fragments: fragments, file: nil, count: count)
    }

    /// What a partner the bundled list does not hold is told, when the register has no
    /// organisations file of its own.
    static let notInTheBundledList = "is not in the bundled list of England's councils, fire, police and NHS bodies (2017); kept"

    /// Whether `outputLine` is this message about `givenFile`: the exact place first (so a
    /// wrong or missing line or column does not match), then the text.
    func matches(_ outputLine: String, givenFile: String) -> Bool {
        var place = file ?? givenFile
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        if let cell { place += ": " + cell }
        let prefix = place + ": " + (kind == .cannotLoad ? "" : kind.rawValue + ": ")
        guard outputLine.hasPrefix(prefix) else { return false }
        let text = outputLine.dropFirst(prefix.count)
        if kind == .cannotLoad && !text.hasSuffix(" (could not be loaded)") { return false }
        return fragments.allSatisfy { text.contains($0) }
    }

    var description: String {
        var place = file ?? "FILE"
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        if let cell { place += ": " + cell }
        let severity = kind == .cannotLoad ? "" : kind.rawValue + ": "
        let ending = kind == .cannotLoad ? " … (could not be loaded)" : ""
        let times = count == 1 ? "" : "\(count) × "
        return "\(times)\(place): \(severity)…\(fragments.joined(separator: "…"))…\(ending)"
    }
}

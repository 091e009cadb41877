import SharedServices
import TerminalUI

/// What the dashboard shows: the loaded register and what loading it found.
public struct DashboardData: Sendable {
    public var register: Register
    public var diagnostics: [Diagnostic]
    /// The register's name for the status bar: a file name, or "the 2017 sample".
    public var sourceName: String
    /// The organisations list the partners were checked against: an organisations file, or
    /// the bundled list.
    public var reference: OrganisationsReference?
    /// The files the register was read from: exports never write over them.
    public var inputFiles: [String]
    /// Whether CSV exports keep cells that look like spreadsheet formulas as they are
    /// (`--raw`), rather than guarding them with an apostrophe.
    public var rawExports: Bool
    /// England's outlines for the map screen, read when it is first shown.
    public var mapOutlines: MapOutlinesSource

    public init(
        register: Register, diagnostics: [Diagnostic], sourceName: String, reference: OrganisationsReference? = nil,
        inputFiles: [String] = [], rawExports: Bool = false,
        mapOutlines: MapOutlinesSource = MapOutlinesSource(path: nil, fileName: AreaOutlines.bundledFileName)
    ) {
        self.register = register
        self.diagnostics = diagnostics
        self.sourceName = sourceName
        self.reference = reference
        self.inputFiles = inputFiles
        self.rawExports = rawExports
        self.mapOutlines = mapOutlines
    }
}

/// Something drawn over the current screen, taking the keys until it closes.
public enum Overlay: Sendable, Equatable {
    case help(top: Int)
    case picker(PickerKind, ListPicker)
    case search(TextInput)
    /// The export prompt, with the table it writes (nil: the arrangements in view), made
    /// once when it opened.
    case export(TextInput, ReportTable?)
    /// The export path exists: replace it? With the table to write, if not the arrangements.
    case confirmOverwrite(path: String, table: ReportTable?)
}


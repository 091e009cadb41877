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

    public init(
        register: Register, diagnostics: [Diagnostic], sourceName: String, reference: OrganisationsReference? = nil,
        inputFiles: [String] = [], rawExports: Bool = false
    ) {
        self.register = register
        self.diagnostics = diagnostics
        self.sourceName = sourceName
        self.reference = reference
        self.inputFiles = inputFiles
        self.rawExports = rawExports
    }
}

/// The screens, in tab order; the number is the key that opens each.
public enum Screen: Int, CaseIterable, Sendable {
    case arrangements = 1, detail, summary, organisations, issues

    public var title: String {
        switch self {
        case .arrangements: return "Arrangements"
        case .detail: return "Detail"
        case .summary: return "Summary"
        case .organisations: return "Organisations"
        case .issues: return "Data issues"
        }
    }
}

/// The filter dimensions a picker can choose from, in the order ←/→ cycles them.
public enum PickerKind: Int, CaseIterable, Sendable {
    case service, serviceArea, region, sector, status
    /// The organisations screen's own filters.
    case organisationType, organisationRegion

    static let arrangementKinds: [PickerKind] = [.service, .serviceArea, .region, .sector, .status]
    static let organisationKinds: [PickerKind] = [.organisationType, .organisationRegion]

    public var title: String {
        switch self {
        case .service: return "service"
        case .serviceArea: return "service area"
        case .region: return "region"
        case .sector: return "partner sector"
        case .status: return "status"
        case .organisationType: return "organisation type"
        case .organisationRegion: return "organisation region"
        }
    }
}

/// Something drawn over the current screen, taking the keys until it closes.
public enum Overlay: Sendable, Equatable {
    case help(top: Int)
    case picker(PickerKind, ListPicker)
    case search(TextInput)
    case export(TextInput)
    /// The export path exists: replace it?
    case confirmOverwrite(path: String)
}


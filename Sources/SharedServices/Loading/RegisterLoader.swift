/// A register loaded from files, with every problem found on the way.
public struct LoadedRegister: Sendable {
    public var register: Register
    public var diagnostics: [Diagnostic]
    /// The files read, as the user named them (or as found beside the register).
    public var arrangementsFile: String
    /// Nil when the register has no organisations file: its partners were checked against
    /// the bundled list.
    public var organisationsFile: String?
    /// What the partners were checked against: the organisations file, or the bundled list.
    public var reference: OrganisationsReference { organisationsFile.map(OrganisationsReference.file) ?? .bundled }
    /// Both files read: what an export must never write over.
    public var inputFiles: [String] { [arrangementsFile] + (organisationsFile.map { [$0] } ?? []) }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// Loads an arrangements file, and the organisations file beside it or named, into a
/// `Register`. Without an organisations file, partners are checked against the list
/// bundled with ssmap (`OrganisationsReference.bundled`). Loading never crashes and never drops anything silently: rows with fatal
/// problems are left out and reported; rows with recoverable problems are kept with the
/// bad value marked missing and reported; a file that cannot be read at all throws one
/// `LoadError`.
public enum RegisterLoader {
    /// The organisations file looked for beside an arrangements file when none is named.
    public static let organisationsFileNames = ["organisations.csv", "organisations.json"]

    /// `progress`, when given, is told how far through the arrangements loading has got
    /// (0...1), every few thousand rows: for a progress indicator on large registers.
    /// `sheet` names the worksheet of a workbook to read; without it, the first sheet with
    /// the register's header is read. Without `keepingText`, names and descriptions are
    /// read and checked but not kept (`Register.keepsText`): for a command that neither
    /// shows nor searches them.
    public static func load(
        arrangements path: String, organisations organisationsPath: String? = nil, sheet: String? = nil,
        keepingText: Bool = true, progress: ((Double) -> Void)? = nil
    ) throws(LoadError) -> LoadedRegister {
        let organisationsFile = organisationsPath ?? organisationsBeside(path)
        var loaded = try FileBytes.withContents(path) { bytes, pages throws(LoadError) in
            let organisationBytes = try organisationsFile.map { path throws(LoadError) in try FileBytes.read(path) }
            return try load(
                arrangements: bytes, pages: pages, file: path, sheet: sheet, organisationBytes: organisationBytes,
                organisationsFile: organisationsFile, reading: .fast, keepingText: keepingText, progress: progress)
        }
        loaded.arrangementsFile = path
        return loaded
    }

    /// How a CSV register's arrangements are read.
    enum ArrangementsReading: Equatable {
        /// In stretches of at least `minimumBytes`, read on every core (smaller stretches
        /// let tests put boundaries everywhere).
        case inStretches(minimumBytes: Int)
        /// Split into rows of cells by another CSV reader, then read row by row: how the
        /// tests compare the stretches with a reference reader.
        case cellsFrom(CSVRowReader)

        static let fast = ArrangementsReading.inStretches(minimumBytes: 1 << 20)

        static func == (lhs: ArrangementsReading, rhs: ArrangementsReading) -> Bool {
            switch (lhs, rhs) {
            case (.inStretches(let left), .inStretches(let right)): return left == right
            case (.cellsFrom(let left), .cellsFrom(let right)): return left.name == right.name
            default: return false
            }
        }
    }

    /// A CSV reader that gives a file's rows of cells, with a name for messages.
    struct CSVRowReader: Sendable {
        var name: String
        var read: @Sendable (_ bytes: [UInt8], _ file: String) throws(LoadError) -> TableReader
    }

    /// Loads from bytes already in memory; `file` names are used in messages only.
    public static func load(
        arrangementBytes: [UInt8], file: String, sheet: String? = nil,
        organisationBytes: [UInt8]? = nil, organisationsFile: String? = nil, keepingText: Bool = true,
        progress: ((Double) -> Void)? = nil
    ) throws(LoadError) -> LoadedRegister {
        try load(
            arrangementBytes: arrangementBytes, file: file, sheet: sheet, organisationBytes: organisationBytes,
            organisationsFile: organisationsFile, reading: .fast, keepingText: keepingText, progress: progress)
    }

    static func load(
        arrangementBytes: [UInt8], file: String, sheet: String? = nil,
        organisationBytes: [UInt8]?, organisationsFile: String?,
        reading: ArrangementsReading, keepingText: Bool = true, progress: ((Double) -> Void)? = nil
    ) throws(LoadError) -> LoadedRegister {
        try arrangementBytes.withUnsafeBufferPointer { bytes throws(LoadError) in
            try load(
                arrangements: bytes, pages: PageReleaser(base: nil, count: 0), file: file, sheet: sheet,
                organisationBytes: organisationBytes, organisationsFile: organisationsFile, reading: reading,
                keepingText: keepingText, progress: progress)
        }
    }

    private static func load(
        arrangements bytes: UnsafeBufferPointer<UInt8>, pages: PageReleaser, file: String, sheet: String?,
        organisationBytes: [UInt8]?, organisationsFile: String?,
        reading: ArrangementsReading, keepingText: Bool, progress: ((Double) -> Void)?
    ) throws(LoadError) -> LoadedRegister {
        var builder: RegisterBuilder
        var diagnostics: [Diagnostic] = []
        // Organisations given as bytes without a name are still an organisations file.
        let organisationsName = organisationBytes == nil ? nil : (organisationsFile ?? "organisations.csv")
        if let organisationBytes, let organisationsName {
            builder = RegisterBuilder()
            try OrganisationsReader.read(
                bytes: organisationBytes, file: organisationsName, into: &builder, diagnostics: &diagnostics)
        } else {
            builder = try BundledOrganisations.builder(diagnostics: &diagnostics)
        }
        if !keepingText { builder.leaveOutText() }
        try ArrangementsReader.read(
            bytes: bytes, pages: pages, file: file, sheet: sheet, organisationsFile: organisationsName,
            into: &builder, diagnostics: &diagnostics, reading: reading, progress: progress)
        return LoadedRegister(
            register: builder.finish(), diagnostics: diagnostics,
            arrangementsFile: file, organisationsFile: organisationsName)
    }

    /// `organisations.csv` (or `.json`) in the arrangements file's directory, if it exists
    /// and is not the arrangements file itself.
    static func organisationsBeside(_ path: String) -> String? {
        let directory: String
        if let slash = path.lastIndex(of: "/") {
            directory = String(path[...slash])
        } else {
            directory = ""
        }
        for name in organisationsFileNames {
            let candidate = directory + name
            if candidate != path, FileSystem.isRegularFile(candidate) { return candidate }
        }
        return nil
    }
}

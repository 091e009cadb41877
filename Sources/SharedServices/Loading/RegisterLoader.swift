/// A register loaded from files, with every problem found on the way.
public struct LoadedRegister: Sendable {
    public var register: Register
    public var diagnostics: [Diagnostic]
    /// The files read, as the user named them (or as found beside the register).
    public var arrangementsFile: String
    public var organisationsFile: String?

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// Loads an arrangements file, and the organisations file beside it or named, into a
/// `Register`. Loading never crashes and never drops anything silently: rows with fatal
/// problems are left out and reported; rows with recoverable problems are kept with the
/// bad value marked missing and reported; a file that cannot be read at all throws one
/// `LoadError`.
public enum RegisterLoader {
    /// The organisations file looked for beside an arrangements file when none is named.
    public static let organisationsFileNames = ["organisations.csv", "organisations.json"]

    /// `progress`, when given, is told how far through the arrangements loading has got
    /// (0...1), every few thousand rows: for a progress indicator on large registers.
    public static func load(
        arrangements path: String, organisations organisationsPath: String? = nil,
        progress: ((Double) -> Void)? = nil
    ) throws(LoadError) -> LoadedRegister {
        let organisationsFile = organisationsPath ?? organisationsBeside(path)
        let arrangementBytes = try FileBytes.read(path)
        let organisationBytes = try organisationsFile.map { path throws(LoadError) in try FileBytes.read(path) }
        var loaded = try load(
            arrangementBytes: arrangementBytes, file: path,
            organisationBytes: organisationBytes, organisationsFile: organisationsFile, progress: progress)
        loaded.arrangementsFile = path
        return loaded
    }

    /// Loads from bytes already in memory; `file` names are used in messages only.
    public static func load(
        arrangementBytes: [UInt8], file: String,
        organisationBytes: [UInt8]? = nil, organisationsFile: String? = nil,
        progress: ((Double) -> Void)? = nil
    ) throws(LoadError) -> LoadedRegister {
        var builder = RegisterBuilder()
        var diagnostics: [Diagnostic] = []
        // Organisations given as bytes without a name are still an organisations file.
        let organisationsName = organisationBytes == nil ? nil : (organisationsFile ?? "organisations.csv")
        if let organisationBytes, let organisationsName {
            try OrganisationsReader.read(
                bytes: organisationBytes, file: organisationsName, into: &builder, diagnostics: &diagnostics)
        }
        try ArrangementsReader.read(
            bytes: arrangementBytes, file: file, organisationsFile: organisationsName,
            into: &builder, diagnostics: &diagnostics, progress: progress)
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

import SharedServices

/// What the reducer asks the outside world to do; the app loop carries it out.
public enum Effect: Sendable, Equatable {
    case quit
    /// Write the current view to `path` in `format`; replace an existing file only if `overwrite`.
    case export(path: String, format: ExportFormat, overwrite: Bool)
}

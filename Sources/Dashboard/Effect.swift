import SharedServices

/// What the reducer asks the outside world to do; the app loop carries it out.
public enum Effect: Sendable, Equatable {
    case quit
    /// Write `table`, or the arrangements in view when it is nil, to `path` in `format`;
    /// replace an existing file only if `overwrite`.
    case export(path: String, format: ExportFormat, overwrite: Bool, table: ReportTable?)
}

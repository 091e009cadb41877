/// The formats a view of the register can be written in.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, json, markdown, xlsx

    /// The format a file's extension names, ignoring case: `.csv`, `.json`, `.md` or
    /// `.markdown`; nil when it names none of them (`.txt`, no extension). The one place
    /// extensions are mapped to formats: the dashboard's export and `ssmap list --output`
    /// both ask here. An extension of a format ssmap does not write (`.xls`, `.ods`)
    /// throws, so that nothing else is written into a file named for it.
    public init?(forPath path: String) throws(UnwritableFormat) {
        guard let pathExtension = Self.pathExtension(path) else { return nil }
        switch pathExtension {
        case "csv": self = .csv
        case "json": self = .json
        case "md", "markdown": self = .markdown
        case "xlsx": self = .xlsx
        case "xls", "xlsm", "ods": throw UnwritableFormat(path: path, pathExtension: pathExtension)
        default: return nil
        }
    }

    /// The lowercased text after the last dot of the path's last component, if any.
    private static func pathExtension(_ path: String) -> String? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }
}

/// A file named for a spreadsheet format ssmap does not write (`report.xls`).
public struct UnwritableFormat: Error, Equatable, CustomStringConvertible {
    public var path: String
    /// Lowercased, without the dot: "xlsx".
    public var pathExtension: String

    public var description: String {
        "ssmap cannot write .\(pathExtension) files; name the file .xlsx, .csv, .json or .md"
    }
}

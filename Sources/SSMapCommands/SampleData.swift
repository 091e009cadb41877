import Foundation
import SharedServices

/// Finds the bundled sample register from any working directory: beside the executable
/// (an installed or copied build), above it (a build inside the package, as `swift run`
/// and release builds make), or where the sources were compiled.
public enum SampleData {
    public static let arrangementsFileName = "arrangements.csv"
    public static let organisationsFileName = "organisations.csv"
    /// The cited, reported arrangements that `ssmap generate` puts first.
    public static let reportedFileName = "reported-arrangements.csv"
    /// The outlines of England's councils the map draws.
    public static let mapAreasFileName = AreaOutlines.bundledFileName

    /// England's outlines from the sample-data directory, read when first asked for.
    public static func mapOutlines() -> MapOutlinesSource {
        MapOutlinesSource(
            path: directory(containing: mapAreasFileName).map { $0 + "/" + mapAreasFileName }, fileName: mapAreasFileName)
    }

    /// The `sample-data` directory holding `file`, or nil when it cannot be found.
    public static func directory(containing file: String = arrangementsFileName) -> String? {
        var candidates: [String] = []
        if let override = ProcessInfo.processInfo.environment["SSMAP_SAMPLE_DATA"], !override.isEmpty {
            candidates.append(override)
        }
        if let executable = executablePath() {
            var directory = FileSystem.directoryAndName(executable).directory
            candidates.append(directory + "/sample-data")
            candidates.append(directory + "/../share/ssmap/sample-data")
            while directory != "/" && !directory.isEmpty {
                directory = FileSystem.directoryAndName(directory).directory
                candidates.append(directory + "/sample-data")
            }
        }
        // Sources/SSMapCommands/SampleData.swift → the package's sample-data.
        var packageRoot = #filePath
        for _ in 0..<3 { packageRoot = FileSystem.directoryAndName(packageRoot).directory }
        candidates.append(packageRoot + "/sample-data")
        return candidates.first { FileSystem.isRegularFile($0 + "/" + file) }
    }

    private static func executablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
        return (first as NSString).resolvingSymlinksInPath
    }
}

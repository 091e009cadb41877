import Foundation

/// The map's outlines, read from their file the first time the map is drawn and kept:
/// a register opened for its tables never pays for them.
public final class MapOutlinesSource: @unchecked Sendable {
    /// Why there is no map: the file's path and what went wrong with it.
    public enum Unavailable: Error, Sendable, Equatable {
        case notFound(fileName: String)
        case unreadable(LoadError)

        public var message: String {
            switch self {
            case .notFound(let fileName):
                return "The map's outlines (\(fileName)) were not found beside ssmap; set SSMAP_SAMPLE_DATA to the sample-data directory"
            case .unreadable(let error): return "The map's outlines could not be read: \(error)"
            }
        }
    }

    private let path: String?
    private let fileName: String
    private let lock = NSLock()
    private var loaded: Result<MapGeometry, Unavailable>?

    /// Outlines to read from `path`; nil when the file was not found, named `fileName`.
    public init(path: String?, fileName: String) {
        self.path = path
        self.fileName = fileName
    }

    /// Outlines already in memory (for tests and benchmarks).
    public init(geometry: MapGeometry) {
        path = nil
        fileName = ""
        loaded = .success(geometry)
    }

    /// The outlines and what is worked out from them, read on the first call.
    public var geometry: Result<MapGeometry, Unavailable> {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let result: Result<MapGeometry, Unavailable>
        if let path {
            do throws(LoadError) {
                result = .success(MapGeometry(outlines: try AreaOutlines.read(path: path)))
            } catch {
                result = .failure(.unreadable(error))
            }
        } else {
            result = .failure(.notFound(fileName: fileName))
        }
        loaded = result
        return result
    }

    /// Whether the file has been read yet: benchmarks and tests check that tables never read it.
    public var hasLoaded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return loaded != nil
    }
}

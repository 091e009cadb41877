#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file read-only, turning every way it can fail into one plain sentence.
/// The file is opened `O_RDONLY` and never for writing: ssmap does not touch its input.
public enum FileBytes {
    public static func read(_ path: String) throws(LoadError) -> [UInt8] {
        let name = displayName(path)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw LoadError(file: name, message: openFailure(errno)) }
        defer { close(descriptor) }

        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw LoadError(file: name, message: "cannot be read") }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw LoadError(file: name, message: "is a directory, not a register file")
        }
        var bytes: [UInt8] = []
        let expected = max(Int(info.st_size), 0)
        bytes.reserveCapacity(expected + 1)
        var chunk = [UInt8](repeating: 0, count: max(65_536, min(expected + 1, 1 << 26)))
        while true {
            let count = chunk.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EISDIR { throw LoadError(file: name, message: "is a directory, not a register file") }
                throw LoadError(file: name, message: "could not be read (\(String(cString: strerror(errno))))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// The name to show in messages: the path as the user gave it.
    public static func displayName(_ path: String) -> String { path }

    private static func openFailure(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "does not exist"
        case EACCES, EPERM: return "cannot be read: permission denied"
        case EISDIR: return "is a directory, not a register file"
        case ENOTDIR: return "does not exist (a part of its path is not a directory)"
        default: return "cannot be opened (\(String(cString: strerror(code))))"
        }
    }
}

/// The C library's `read`, named apart from `FileBytes.read`.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

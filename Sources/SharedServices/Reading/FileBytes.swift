#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file read-only, turning every way it can fail into one plain sentence.
/// The file is opened `O_RDONLY` and never for writing: ssmap does not touch its input.
public enum FileBytes {
    public static func read(_ path: String) throws(LoadError) -> [UInt8] {
        let name = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw LoadError(file: name, message: openFailure(errno)) }
        defer { close(descriptor) }

        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw LoadError(file: name, message: "cannot be read") }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw LoadError(file: name, message: "is a directory, not a register file")
        }
        // Read straight into one buffer of the file's size (growing it only if the file
        // grows meanwhile, or is a pipe): no chunk copied into it afterwards.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(65_536, bytes.count))) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                readBytes(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EISDIR { throw LoadError(file: name, message: "is a directory, not a register file") }
                throw LoadError(file: name, message: "could not be read (\(String(cString: strerror(errno))))")
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

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

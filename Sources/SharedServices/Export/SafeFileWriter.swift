import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writing output files without ever losing data: never over an existing file unless
/// asked, and through a temporary file moved into place (linked when it must not replace
/// anything, renamed when it may), so that a full disk or a crash leaves either the old
/// file or the whole new one, never half of one.
public enum SafeFileWriter {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case exists(String)
        case isInput(String)
        case cannotWrite(String, reason: String)

        public var description: String {
            switch self {
            case .exists(let path): return "\(path) already exists; give --force to replace it"
            case .isInput(let path):
                return "\(path) is a file ssmap is reading; it never writes over its input, so choose another name"
            case .cannotWrite(let path, let reason): return "could not write \(path): \(reason); nothing was written"
            }
        }
    }

    /// Writes `text` to `path`. `inputs` are the files being read: never written over,
    /// even with `overwrite`, whatever name they are given by.
    public static func write(
        _ text: String, to path: String, overwrite: Bool, inputs: [String] = []
    ) throws(Failure) {
        try write(Array(text.utf8), to: path, overwrite: overwrite, inputs: inputs)
    }

    public static func write(
        _ bytes: [UInt8], to path: String, overwrite: Bool, inputs: [String] = []
    ) throws(Failure) {
        if inputs.contains(where: { FileSystem.isSameFile($0, path) }) { throw .isInput(path) }
        if !overwrite && FileSystem.exists(path) { throw .exists(path) }
        let (directory, name) = FileSystem.directoryAndName(path)
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path, reason: reason(errno)) }
        var failure: String?
        bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 {
                    failure = reason(errno)
                    return
                }
                offset += written
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = reason(errno) }
        if close(descriptor) != 0 && failure == nil { failure = reason(errno) }
        if failure == nil {
            if overwrite {
                if rename(temporary, path) != 0 { failure = reason(errno) }
            } else if link(temporary, path) != 0 {
                // link() never replaces a file: if one appeared meanwhile, it is left alone.
                // Else (a file system without hard links) check, then rename.
                if errno == EEXIST || FileSystem.exists(path) {
                    unlink(temporary)
                    throw .exists(path)
                }
                if rename(temporary, path) != 0 { failure = reason(errno) }
            }
        }
        unlink(temporary)
        if let failure { throw .cannotWrite(path, reason: failure) }
    }

    /// The usual failures in words a user acts on; the system's own for the rest.
    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "the disk is full"
        case EDQUOT: return "the disk quota is used up"
        case EACCES, EPERM: return "permission denied (choose a folder you can write to)"
        case EROFS: return "the disk is read-only"
        case ENOENT, ENOTDIR: return "its folder does not exist"
        case EISDIR: return "it is a folder"
        default: return String(cString: strerror(code))
        }
    }
}

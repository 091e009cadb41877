#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import TextCells

/// Reads a whole file read-only, turning every way it can fail into one plain sentence.
/// The file is opened `O_RDONLY` and never for writing: ssmap does not touch its input.
public enum FileBytes {
    public static func read(_ path: String) throws(LoadError) -> [UInt8] {
        let name = path
        try refuseDevice(path)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw LoadError(file: name, message: openFailure(errno)) }
        defer { close(descriptor) }

        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw LoadError(file: name, message: "cannot be read") }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw LoadError(file: name, message: "is a directory, not a register file")
        }
        if isDevice(info) { throw LoadError(file: name, message: deviceMessage) }
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

    /// Calls `body` with the file's bytes: mapped into memory for a regular file (so a
    /// large register is never copied, and pages already read can be given back), read
    /// into a buffer otherwise. The pages given to `body` are valid only inside it.
    public static func withContents<Result>(
        _ path: String, _ body: (UnsafeBufferPointer<UInt8>, PageReleaser) throws(LoadError) -> Result
    ) throws(LoadError) -> Result {
        try refuseDevice(path)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw LoadError(file: path, message: openFailure(errno)) }
        var info = stat()
        let isRegular = fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        let size = Int(info.st_size)
        if isRegular && size > 0, let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
            mapped != MAP_FAILED
        {
            defer {
                munmap(mapped, size)
                close(descriptor)
            }
            _ = madvise(mapped, size, MADV_SEQUENTIAL)
            let buffer = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size)
            // A file cut short while mapped faults when its lost pages are read: say so, not crash.
            MappedFileGuard.enter(path)
            defer { MappedFileGuard.leave() }
            let result: Swift.Result<Result, LoadError>
            do {
                result = .success(try body(buffer, PageReleaser(base: UnsafeRawPointer(mapped), count: size)))
            } catch {
                result = .failure(error)
            }
            // Bytes that changed under the reader may read as anything (a NUL where the
            // file was cut short): a changed file is reported as changed, whatever was read.
            var after = stat()
            if fstat(descriptor, &after) == 0, changed(from: info, to: after) {
                throw LoadError(file: path, message: changedWhileReadMessage)
            }
            return try result.get()
        }
        close(descriptor)
        let bytes = try read(path)
        return try bytes.withUnsafeBufferPointer { buffer throws(LoadError) in
            try body(buffer, PageReleaser(base: nil, count: 0))
        }
    }

    private static let deviceMessage = "is a device, not a register file"
    static let changedWhileReadMessage =
        "changed while it was being read (was it being saved?); load it again once it is saved"

    /// Whether the file's size or modification time is not what it was.
    private static func changed(from before: stat, to after: stat) -> Bool {
        #if canImport(Glibc)
        return before.st_size != after.st_size || before.st_mtim.tv_sec != after.st_mtim.tv_sec
            || before.st_mtim.tv_nsec != after.st_mtim.tv_nsec
        #else
        return before.st_size != after.st_size || before.st_mtimespec.tv_sec != after.st_mtimespec.tv_sec
            || before.st_mtimespec.tv_nsec != after.st_mtimespec.tv_nsec
        #endif
    }

    /// A device such as /dev/zero never ends, and opening a terminal or a tape can wait
    /// or have effects: devices are refused before they are opened. Pipes are read.
    private static func refuseDevice(_ path: String) throws(LoadError) {
        var info = stat()
        if stat(path, &info) == 0 && isDevice(info) { throw LoadError(file: path, message: deviceMessage) }
    }

    private static func isDevice(_ info: stat) -> Bool {
        let kind = info.st_mode & S_IFMT
        return kind == S_IFCHR || kind == S_IFBLK
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

/// Gives the pages of a mapped file back to the system once read: the file stays
/// mapped, and a page touched again is read again from the page cache. This keeps a
/// large register's peak memory close to the register's own size. Safe to share across
/// threads: it only advises the kernel about memory that is never written.
public struct PageReleaser: @unchecked Sendable {
    let base: UnsafeRawPointer?
    let count: Int

    func release(_ range: Range<Int>) {
        guard let base else { return }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        // Only whole pages inside the range.
        let start = (range.lowerBound + pageSize - 1) / pageSize * pageSize
        let end = min(range.upperBound, count) / pageSize * pageSize
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }
}

/// While a file is mapped for reading, a fault from reading a page it has lost (it was cut
/// short meanwhile) ends the program with one plain sentence and exit status 2, instead of
/// a crash. Reading any other part of memory wrongly is not this, but a mapped file is the
/// only memory a running ssmap reads that can vanish under it.
enum MappedFileGuard {
    /// The message, made before any fault (a signal handler may only write and exit).
    /// Written only under `state`'s lock and before the handler is installed or while it
    /// is, read only by the handler; while loads overlap it names the latest file.
    nonisolated(unsafe) private static var message: UnsafeMutableBufferPointer<UInt8>?
    /// Called by the handler before the message is written: a terminal in full-screen mode
    /// is put back first, or the message would be written to a screen about to vanish.
    nonisolated(unsafe) static var beforeReporting: (@convention(c) () -> Void)?

    private struct State {
        var readers = 0
        /// The handler in place before ours, put back when the last read ends.
        var previous = sigaction()
        /// Messages of reads that overlapped, freed once no handler can be writing them.
        var retired: [UnsafeMutableBufferPointer<UInt8>] = []
    }

    private static let state = Mutex(State())

    static func enter(_ path: String) {
        let text = Array(("ssmap: error: \(SafeText.visible(path)): " + FileBytes.changedWhileReadMessage + "\n").utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.count)
        _ = buffer.initialize(from: text)
        state.withLock { state in
            if let old = message { state.retired.append(old) }
            message = buffer
            state.readers += 1
            if state.readers == 1 { install(replacing: &state.previous) }
        }
    }

    static func leave() {
        state.withLock { state in
            state.readers -= 1
            guard state.readers == 0 else { return }
            #if canImport(Glibc)
            sigaction(SIGBUS, &state.previous, nil)
            #endif
            for old in state.retired + (message.map { [$0] } ?? []) { old.deallocate() }
            state.retired = []
            message = nil
        }
    }

    private static func install(replacing previous: inout sigaction) {
        #if canImport(Glibc)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            MappedFileGuard.beforeReporting?()
            if let message = MappedFileGuard.message, let base = message.baseAddress {
                _ = write(STDERR_FILENO, base, message.count)
            }
            _exit(2)
        }
        sigemptyset(&action.sa_mask)
        sigaction(SIGBUS, &action, &previous)
        #endif
    }
}

extension FileBytes {
    /// Has a file cut short while mapped call `restore` (safe in a signal handler) before
    /// it reports and exits: for a program that has the terminal in full-screen mode while
    /// a register loads.
    public static func restoreBeforeReportingAFault(_ restore: @escaping @convention(c) () -> Void) {
        MappedFileGuard.beforeReporting = restore
    }

    /// The first `count` bytes of a regular file, and the file's size; nil for anything
    /// else (a pipe can be read only once) or when it cannot be read. Nothing is thrown:
    /// the whole read that follows says what is wrong.
    static func start(of path: String, count: Int) -> (bytes: [UInt8], fileSize: Int)? {
        guard (try? refuseDevice(path)) != nil else { return nil }
        // Without O_NONBLOCK, opening a named pipe waits for a writer.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: min(max(count, 0), size))
        var filled = 0
        while filled < bytes.count {
            let read = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled, off_t(filled))
            }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { return nil }
            filled += read
        }
        return (bytes, size)
    }
}

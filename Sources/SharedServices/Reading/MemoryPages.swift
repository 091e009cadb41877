#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fresh memory about to be written whole, its pages made ready by one call rather than
/// by a fault a page: joining a million rows' stretches writes about 300 MB just allocated.
enum MemoryPages {
    /// Makes the whole pages inside `buffer` present and writable. Only advice: where the
    /// system cannot (not Linux, or a kernel before 5.14), the pages fault as they would.
    static func prepareForWriting<Element>(_ buffer: UnsafeMutableBufferPointer<Element>) {
        #if os(Linux)
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        let start = UInt(bitPattern: base)
        let end = start + UInt(buffer.count * MemoryLayout<Element>.stride)
        let first = (start + pageSize - 1) / pageSize * pageSize
        let last = end / pageSize * pageSize
        guard last > first, let address = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(address, Int(last - first), populateWrite)
        #endif
    }

    private static let pageSize = UInt(max(4_096, sysconf(Int32(_SC_PAGESIZE))))
    /// `MADV_POPULATE_WRITE` (Linux 5.14), named here as older C headers lack it.
    private static let populateWrite: Int32 = 23
}

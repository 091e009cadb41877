/// Checks that a zip archive's directory stays inside the file before the archive library
/// reads it: every entry's header and data must lie within the bytes. The library trusts
/// those offsets, and one past the end makes it crash rather than fail, so a hostile
/// workbook is refused here with a sentence instead.
enum ZipDirectoryCheck {
    /// Nil when the directory is sound; else what is wrong, in a few words.
    static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let end = endRecord(bytes) else { return "it is not a complete zip archive (cut short or damaged?)" }
        var entries = UInt64(read16(bytes, end + 10))
        var directorySize = UInt64(read32(bytes, end + 12))
        var directoryStart = UInt64(read32(bytes, end + 16))
        // A ZIP64 archive keeps the real figures in a record of its own, found through a locator.
        if entries == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryStart == 0xFFFF_FFFF {
            guard end >= 20, read32(bytes, end - 20) == 0x0706_4B50 else { return "its ZIP64 directory is missing" }
            let record = read64(bytes, end - 20 + 8)
            guard bytes.count >= 56, record <= UInt64(bytes.count - 56), read32(bytes, Int(record)) == 0x0606_4B50 else {
                return "its ZIP64 directory is outside the file"
            }
            entries = read64(bytes, Int(record) + 32)
            directorySize = read64(bytes, Int(record) + 40)
            directoryStart = read64(bytes, Int(record) + 48)
        }
        guard directoryStart <= UInt64(bytes.count), directorySize <= UInt64(bytes.count) - directoryStart else {
            return "its directory is outside the file"
        }
        var index = Int(directoryStart)
        let directoryEnd = Int(directoryStart + directorySize)
        var seen: UInt64 = 0
        while seen < entries {
            guard index + 46 <= directoryEnd, read32(bytes, index) == 0x0201_4B50 else {
                return "its directory is damaged"
            }
            var compressedSize = UInt64(read32(bytes, index + 20))
            var localStart = UInt64(read32(bytes, index + 42))
            let nameLength = Int(read16(bytes, index + 28))
            let extraLength = Int(read16(bytes, index + 30))
            let commentLength = Int(read16(bytes, index + 32))
            let extraStart = index + 46 + nameLength
            guard extraStart + extraLength + commentLength <= directoryEnd else { return "its directory is damaged" }
            // ZIP64 sizes and offsets, in the order their 32-bit fields are full.
            let uncompressedIsFull = read32(bytes, index + 24) == 0xFFFF_FFFF
            var extra = extraStart
            while extra + 4 <= extraStart + extraLength {
                let id = read16(bytes, extra)
                let size = Int(read16(bytes, extra + 2))
                guard extra + 4 + size <= extraStart + extraLength else { return "its directory is damaged" }
                if id == 0x0001 {
                    var field = extra + 4
                    func next() -> UInt64? {
                        guard field + 8 <= extra + 4 + size else { return nil }
                        defer { field += 8 }
                        return read64(bytes, field)
                    }
                    if uncompressedIsFull { _ = next() }
                    if compressedSize == 0xFFFF_FFFF, let value = next() { compressedSize = value }
                    if localStart == 0xFFFF_FFFF, let value = next() { localStart = value }
                }
                extra += 4 + size
            }
            guard bytes.count >= 30, localStart <= UInt64(bytes.count - 30), read32(bytes, Int(localStart)) == 0x0403_4B50 else {
                return "an entry's header is outside the file"
            }
            let local = Int(localStart)
            let dataStart = UInt64(local + 30) + UInt64(read16(bytes, local + 26)) + UInt64(read16(bytes, local + 28))
            guard dataStart <= UInt64(bytes.count), compressedSize <= UInt64(bytes.count) - dataStart else {
                return "an entry's data runs past the end of the file (cut short?)"
            }
            index = extraStart + extraLength + commentLength
            seen += 1
        }
        return nil
    }

    /// Where the end-of-directory record starts: its signature in the last 64 KiB and 22 bytes.
    private static func endRecord(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var index = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while index >= lowest {
            if read32(bytes, index) == 0x0605_4B50 { return index }
            index -= 1
        }
        return nil
    }

    private static func read16(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func read32(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return UInt32(read16(bytes, at)) | UInt32(read16(bytes, at + 2)) << 16
    }

    private static func read64(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt64 {
        guard at >= 0, at + 8 <= bytes.count else { return 0 }
        return UInt64(read32(bytes, at)) | UInt64(read32(bytes, at + 4)) << 32
    }
}

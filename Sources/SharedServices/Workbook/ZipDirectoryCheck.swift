/// Checks that a zip archive's directory stays inside the file before the archive library
/// reads it: every entry's header and data must lie within the bytes. The library trusts
/// those offsets, and one past the end makes it crash rather than fail, so a hostile
/// workbook is refused here with a sentence instead.
enum ZipDirectoryCheck {
    /// What is wrong with an archive, as the end of a sentence about the file.
    enum Problem: Equatable {
        /// "is not a workbook ssmap can read: <reason>"
        case damaged(String)
        /// ZIP64: only a part larger than 4 GiB needs it, far past the size caps.
        case tooLarge
    }

    /// Nil when the directory is sound. The archive library is given only what it reads
    /// safely: no ZIP64 (which only parts above 4 GiB need, past the caps anyway), every
    /// header, data and data descriptor inside the file, and each entry's local header
    /// agreeing with its directory entry on how it is compressed.
    static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        guard let end = endRecord(bytes) else { return .damaged("it is not a complete zip archive (cut short or damaged?)") }
        let entries = UInt64(read16(bytes, end + 10))
        let directorySize = UInt64(read32(bytes, end + 12))
        let directoryStart = UInt64(read32(bytes, end + 16))
        // A ZIP64 end record or locator before the end record, or a full 32-bit field.
        let hasZIP64Record = (end >= 20 && read32(bytes, end - 20) == 0x0706_4B50)
            || (end >= 76 && read32(bytes, end - 76) == 0x0606_4B50)
        if hasZIP64Record || entries == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryStart == 0xFFFF_FFFF {
            return .tooLarge
        }
        guard directoryStart + directorySize <= UInt64(end) else { return .damaged("its directory is outside the file") }
        var index = Int(directoryStart)
        let directoryEnd = Int(directoryStart + directorySize)
        for _ in 0..<entries {
            guard index + 46 <= directoryEnd, read32(bytes, index) == 0x0201_4B50 else {
                return .damaged("its directory is damaged")
            }
            let flags = read16(bytes, index + 8)
            let method = read16(bytes, index + 10)
            let compressedSize = UInt64(read32(bytes, index + 20))
            let uncompressedSize = UInt64(read32(bytes, index + 24))
            let localStart = UInt64(read32(bytes, index + 42))
            let nameLength = Int(read16(bytes, index + 28))
            let extraLength = Int(read16(bytes, index + 30))
            let commentLength = Int(read16(bytes, index + 32))
            guard index + 46 + nameLength + extraLength + commentLength <= directoryEnd else {
                return .damaged("its directory is damaged")
            }
            if compressedSize == 0xFFFF_FFFF || uncompressedSize == 0xFFFF_FFFF || localStart == 0xFFFF_FFFF {
                return .tooLarge
            }
            guard localStart + 30 <= UInt64(bytes.count), read32(bytes, Int(localStart)) == 0x0403_4B50 else {
                return .damaged("an entry's header is outside the file")
            }
            let local = Int(localStart)
            guard read16(bytes, local + 8) == method, method == 0 || method == 8 else {
                return .damaged("an entry's headers disagree on how it is compressed")
            }
            let dataStart = localStart + 30 + UInt64(read16(bytes, local + 26)) + UInt64(read16(bytes, local + 28))
            guard dataStart + compressedSize <= UInt64(bytes.count) else {
                return .damaged("an entry's data runs past the end of the file (cut short?)")
            }
            // Sizes given after the data (flag bit 3), where the library reads them.
            if flags & 0x0008 != 0 {
                let descriptor = dataStart + (method == 0 ? uncompressedSize : compressedSize)
                guard descriptor + 16 <= UInt64(bytes.count) else {
                    return .damaged("an entry's data runs past the end of the file (cut short?)")
                }
                let given = UInt64(read32(bytes, Int(descriptor) + 8))
                guard given != 0xFFFF_FFFF, dataStart + given <= UInt64(bytes.count) else {
                    return .damaged("an entry's sizes are damaged")
                }
            }
            index += 46 + nameLength + extraLength + commentLength
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

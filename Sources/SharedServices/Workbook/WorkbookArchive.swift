import Foundation
import ZIPFoundation

/// A workbook's zip archive, its parts inflated a chunk at a time under size caps: a
/// small file that would expand to gigabytes (a zip bomb) is refused with a plain
/// sentence before it fills the memory or the afternoon.
struct WorkbookArchive {
    /// The most one part may expand to, and all parts together.
    struct Caps: Sendable {
        var partBytes: UInt64
        var totalBytes: UInt64
        /// How many times its compressed size a part may expand to, once past `ratioFloor`
        /// bytes: XML compresses ten to a hundred times; a bomb a thousand.
        var ratio: UInt64
        var ratioFloor: UInt64

        static let standard = Caps(partBytes: 2 << 30, totalBytes: 4 << 30, ratio: 400, ratioFloor: 32 << 20)
    }

    let file: String
    private let archive: Archive
    private let caps: Caps
    private var inflated: UInt64 = 0

    /// The first bytes of an OLE compound file: an encrypted workbook, or an .xls of before 2007.
    private static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, caps: Caps = .standard) throws(LoadError) {
        self.file = file
        self.caps = caps
        if bytes.starts(with: Self.compoundFileSignature) {
            throw LoadError(
                file: file,
                message: "is an encrypted workbook or an Excel 97–2003 (.xls) file, which ssmap cannot read; "
                    + "save it from the spreadsheet as .xlsx without a password, or as CSV")
        }
        // The archive library trusts the directory's offsets (one past the end crashes it),
        // and leaks a little on a file that is no archive: both are checked here first.
        switch ZipDirectoryCheck.problem(in: bytes) {
        case nil: break
        case .damaged(let reason): throw LoadError(file: file, message: "is not a workbook ssmap can read: \(reason)")
        case .tooLarge:
            throw LoadError(
                file: file,
                message: "is refused: it is a ZIP64 archive, which only parts of more than 4 GiB need "
                    + "(a zip bomb, or a workbook far larger than a register; ssmap reads parts of up to "
                    + "\(Self.size(caps.partBytes)), \(Self.size(caps.totalBytes)) in all)")
        }
        do {
            archive = try Archive(data: Data(buffer: bytes), accessMode: .read)
        } catch {
            throw LoadError(
                file: file, message: "is not a workbook ssmap can read: it is not a complete zip archive (cut short or damaged?)")
        }
    }

    /// Whether the archive holds a part at `path`.
    func has(_ path: String) -> Bool { archive[path] != nil }

    /// How many bytes the part at `path` says it expands to.
    func declaredSize(_ path: String) -> UInt64 { archive[path].map { UInt64($0.uncompressedSize) } ?? 0 }

    /// Inflates the part at `path`, giving its bytes to `consume` a chunk at a time.
    /// `consume` may throw to stop early; its error is rethrown as it is.
    mutating func read(_ path: String, _ consume: (Data) throws -> Void) throws {
        guard let entry = archive[path] else {
            throw LoadError(file: file, message: "is not a workbook ssmap can read: it has no part \(path)")
        }
        let declared = UInt64(entry.uncompressedSize)
        if declared > caps.partBytes || inflated + declared > caps.totalBytes {
            throw bomb(path, bytes: declared)
        }
        var partBytes: UInt64 = 0
        let compressed = max(1, UInt64(entry.compressedSize))
        let caps = self.caps
        let alreadyInflated = inflated
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: false) { chunk in
                partBytes += UInt64(chunk.count)
                if partBytes > caps.partBytes || alreadyInflated + partBytes > caps.totalBytes
                    || (partBytes > caps.ratioFloor && partBytes / compressed > caps.ratio)
                {
                    throw SizeCapReached()
                }
                try consume(chunk)
            }
        } catch is SizeCapReached {
            throw bomb(path, bytes: partBytes)
        } catch let error as LoadError {
            throw error
        } catch let error as XMLStream.Malformed {
            throw error
        } catch let error as StopReading {
            throw error
        } catch {
            throw LoadError(
                file: file, message: "is not a workbook ssmap can read: its part \(path) is damaged (\(Self.describe(error)))")
        }
        inflated += partBytes
    }

    /// The part at `path` read as XML, each token to `handle`.
    mutating func readXML(_ path: String, _ handle: (XMLTokenizer, XMLTokenizer.Token) throws -> Void) throws {
        try XMLStream.read({ feed in try read(path, feed) }, handle)
    }

    private func bomb(_ path: String, bytes: UInt64) -> LoadError {
        LoadError(
            file: file,
            message: "is refused: its part \(path) expands to more than \(Self.size(bytes)) "
                + "(a zip bomb, or a workbook far larger than a register; ssmap reads parts of up to "
                + "\(Self.size(caps.partBytes)), \(Self.size(caps.totalBytes)) in all)")
    }

    private static func size(_ bytes: UInt64) -> String {
        bytes >= 1 << 30 ? "\(bytes >> 30) GiB" : "\(max(1, bytes >> 20)) MiB"
    }

    private static func describe(_ error: Error) -> String {
        String(describing: error).replacingOccurrences(of: "\n", with: " ")
    }

    private struct SizeCapReached: Error {}
}

/// Thrown by a part's reader to stop inflating it once it has what it needs.
struct StopReading: Error {}

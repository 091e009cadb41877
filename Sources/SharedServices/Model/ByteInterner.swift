#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Distinct byte strings, each stored once and numbered in order of first appearance:
/// an open-addressing hash table over a `TextColumn`, so interning a million cells
/// neither builds a String nor allocates per cell.
struct ByteInterner: Sendable {
    private(set) var spellings = TextColumn()
    private var hashes: [UInt64] = []
    /// Each spelling's length in bytes, for `scan`.
    private var lengths: [Int] = []
    /// 0 for an empty slot, else the hash's top 32 bits above (index into `spellings` + 1),
    /// so a probe rarely needs to look anywhere but the slot. The count is a power of two.
    private var slots: [UInt64]
    private var mask: Int

    init(expectedCount: Int = 16) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    var count: Int { spellings.count }

    /// Room for `count` entries without growing the table.
    mutating func reserveCapacity(_ count: Int) {
        guard count * 2 > slots.count else { return }
        var capacity = slots.count
        while capacity < count * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        for id in hashes.indices { place(Int32(id), hash: hashes[id]) }
        hashes.reserveCapacity(count)
        lengths.reserveCapacity(count)
        spellings.reserveCapacity(rows: count, bytes: 0)
    }

    subscript(id: Int32) -> String { spellings[Int(id)] }

    /// A fast 64-bit hash of bytes, eight at a time.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            offset += 8
        }
        // The last one to seven bytes in at most two loads, not one at a time: most
        // names and categories are short, and end in such a tail.
        var tail: UInt64 = 0
        let left = bytes.count - offset
        if left > 0 && bytes.count >= 8 {
            // The last eight bytes, overlapping the word before: the bytes already
            // hashed are shifted out.
            tail = raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self) >> UInt64(64 - 8 * left)
        } else if left >= 4 {
            let low = UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let high = UInt64(raw.loadUnaligned(fromByteOffset: bytes.count - 4, as: UInt32.self))
            tail = low | high << 32
        } else {
            var shift: UInt64 = 0
            while offset < bytes.count {
                tail |= UInt64(base[offset]) << shift
                shift += 8
                offset += 1
            }
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 32)
    }

    /// The id of `bytes` if already interned.
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        let tag = hash >> 32
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            if stored >> 32 == tag {
                let id = Int(stored & 0xFFFF_FFFF) - 1
                if hashes[id] == hash && spellings.withBytes(id, { Self.equal($0, bytes) }) { return Int32(id) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Whether two byte strings are the same bytes.
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let left = a.baseAddress, let right = b.baseAddress else { return true }
        return memcmp(left, right, a.count) == 0
    }

    /// The id of `bytes`, adding it if new; `isNew` tells which.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: Int32, isNew: Bool) {
        if let id = find(bytes, hash: hash) { return (id, false) }
        return (add(bytes, hash: hash), true)
    }

    /// The id of `bytes`, adding it if new. While there are few spellings, they are
    /// scanned by length instead: a category's handful of values (a service area, a source
    /// cited on many rows) is matched by one comparison of bytes, where hashing a source of
    /// a hundred bytes and probing cost more.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if spellings.count <= Self.scannedUpTo {
            return scan(bytes) ?? add(bytes, hash: Self.hash(bytes))
        }
        return intern(bytes, hash: Self.hash(bytes)).id
    }

    /// How many spellings `intern` scans before it hashes: past it, a column of many
    /// values of one length cannot make every look-up a long scan.
    static let scannedUpTo = 32

    /// The id of `bytes` found by comparing it with every spelling of its length.
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        return lengths.withUnsafeBufferPointer { lengths in
            for id in lengths.indices where lengths[id] == bytes.count {
                if spellings.withBytes(id, { Self.equal($0, bytes) }) { return Int32(id) }
            }
            return nil
        }
    }

    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let id = Int32(spellings.count)
        spellings.append(bytes)
        hashes.append(hash)
        lengths.append(bytes.count)
        if spellings.count * 2 > slots.count { grow() } else { place(id, hash: hash) }
        return id
    }

    mutating func intern(_ text: String) -> (id: Int32, isNew: Bool) {
        var text = text
        return text.withUTF8 { intern($0, hash: Self.hash($0)) }
    }

    func find(_ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { find($0, hash: Self.hash($0)) }
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(id + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for id in hashes.indices { place(Int32(id), hash: hashes[id]) }
    }
}

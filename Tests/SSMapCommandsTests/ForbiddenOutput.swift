/// What must never reach a terminal from ssmap's output, found by bytes: a control
/// character (ESC, BEL, backspace, CR, tab…; only the line feed is allowed), DEL, a C1
/// control as UTF-8 (which some terminals obey as CSI and the like), a bidirectional
/// override or isolate (which reorder what is shown), and bytes that are not UTF-8.
enum ForbiddenOutput {
    /// Each kind of problem once, with its byte offset: empty when the output is safe.
    static func problems(in bytes: [UInt8]) -> [String] {
        var found: [String: Int] = [:]
        func note(_ kind: String, _ offset: Int) {
            if found[kind] == nil { found[kind] = offset }
        }
        for (offset, byte) in bytes.enumerated() {
            if (byte < 0x20 && byte != 0x0A) || byte == 0x7F {
                note("control byte 0x\(String(byte, radix: 16, uppercase: true))", offset)
            }
        }
        for (offset, pair) in zip(bytes, bytes.dropFirst()).enumerated()
        where pair.0 == 0xC2 && (0x80...0x9F).contains(pair.1) {
            note("C1 control U+00\(String(pair.1, radix: 16, uppercase: true))", offset)
        }
        for offset in bytes.indices.dropLast(2) where bytes[offset] == 0xE2 {
            let second = bytes[offset + 1]
            let third = bytes[offset + 2]
            // U+202A…U+202E (embeddings and overrides) and U+2066…U+2069 (isolates).
            if (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) {
                note("bidirectional control", offset)
            }
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            note("bytes that are not UTF-8", 0)
        }
        return found.sorted { $0.value < $1.value }.map { "\($0.key) at byte \($0.value)" }
    }
}

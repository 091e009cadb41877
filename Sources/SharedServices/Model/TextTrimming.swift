extension Substring {
    /// The substring without leading and trailing whitespace, without copying it.
    func trimmedWhitespace() -> Substring {
        if let first = utf8.first, let last = utf8.last, first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 {
            return self
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return self[endIndex...] }
        return self[first...last]
    }
}

extension String {
    /// Whether the text is empty or only whitespace, without copying it.
    var isBlank: Bool { Substring(self).trimmedWhitespace().isEmpty }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks (including NBSP).
    func trimmingWhitespace() -> String {
        // Most cells have nothing to trim: check the end bytes before walking Characters.
        if let first = utf8.first, let last = last, first > 0x20 && first < 0x80,
            let lastByte = last.asciiValue, lastByte > 0x20
        {
            return String(self)
        }
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

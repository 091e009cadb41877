/// Text made safe to send to a terminal: no byte of it can start an escape sequence,
/// move the cursor, ring the bell or reorder what is shown.
public enum SafeText {
    /// C0 controls become their visible Control Pictures (ESC as ␛, CR as ␍), DEL becomes
    /// ␡, C1 controls and bidirectional overrides become U+FFFD. Tab becomes a space; line
    /// breaks are kept only when `keepingLineBreaks`, each (LF, CRLF or a lone CR) as one LF.
    public static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard needsCleaning(text, keepingLineBreaks: keepingLineBreaks) else { return text }
        var result = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            defer { afterCarriageReturn = value == 0x0D }
            switch value {
            case 0x0A where keepingLineBreaks: if !afterCarriageReturn { result.append(scalar) }
            case 0x0D where keepingLineBreaks: result.append("\n")
            case 0x09: result.append(" ")
            case 0x00..<0x20: result.append(Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}")
            case 0x7F: result.append("\u{2421}")
            case _ where isC1OrBidirectional(value): result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `visible` would change the text; with `ignoringTabs`, whether anything but a
    /// tab would (a tab in data is ordinary text, shown as a space).
    public static func needsCleaning(_ text: String, keepingLineBreaks: Bool = false, ignoringTabs: Bool = false) -> Bool {
        hasControls(text) { value in
            (value == 0x0A && keepingLineBreaks) || (value == 0x09 && ignoringTabs)
        }
    }

    /// Whether the text holds a control character, a C1 control or a bidirectional override
    /// other than a tab or a line break (LF or CR): what no cell holds as ordinary text.
    public static func hasControlsBesidesTabsAndLineBreaks(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { hasControlsBesidesTabsAndLineBreaks(utf8: $0) }
    }

    /// `hasControlsBesidesTabsAndLineBreaks` of text given as its UTF-8 bytes, which need
    /// not become a String: a reader checks each cell that is not ASCII this way.
    public static func hasControlsBesidesTabsAndLineBreaks(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        hasControls(bytes) { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    private static func hasControls(_ text: String, except isAllowed: (UInt32) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { hasControls($0, except: isAllowed) }
    }

    /// Looks at bytes, not scalars: every character in question is a byte below 0x20 or
    /// 0x7F, or starts with 0xC2 (C1) or 0xE2 (the bidirectional controls). In valid UTF-8
    /// those two always start a character, so a match is never inside another one.
    private static func hasControls(_ bytes: UnsafeBufferPointer<UInt8>, except isAllowed: (UInt32) -> Bool) -> Bool {
        func continuation(_ offset: Int) -> UInt32? {
            guard offset < bytes.count, bytes[offset] & 0xC0 == 0x80 else { return nil }
            return UInt32(bytes[offset] & 0x3F)
        }
        for index in bytes.indices {
            let byte = bytes[index]
            var value: UInt32?
            if byte < 0x20 || byte == 0x7F {
                value = UInt32(byte)
            } else if byte == 0xC2, let last = continuation(index + 1) {
                value = 0x80 | last
            } else if byte == 0xE2, let middle = continuation(index + 1), let last = continuation(index + 2) {
                value = 0x2000 | middle << 6 | last
            }
            if let value, isC0OrDelete(value) || isC1OrBidirectional(value), !isAllowed(value) { return true }
        }
        return false
    }

    private static func isC0OrDelete(_ value: UInt32) -> Bool { value < 0x20 || value == 0x7F }

    /// C1 controls, and the bidirectional overrides and isolates: shown as U+FFFD.
    private static func isC1OrBidirectional(_ value: UInt32) -> Bool {
        (0x80..<0xA0).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}

/// Fitting text into a number of terminal columns.
public enum ColumnFit {
    public enum Alignment: Sendable { case left, right }

    /// What ends text cut to fit: one column.
    public static let cutMark: Character = "…"

    /// The text cut to at most `width` columns, ending in `cutMark` when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + String(cutMark)
    }

    /// The text cut or padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
        let fitted = truncate(text, to: width)
        let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(fitted)))
        return alignment == .left ? fitted + padding : padding + fitted
    }

    /// A label and its value as lines: the label padded to `labelWidth`, the value wrapped
    /// to `valueWidth` beside it, later lines indented under the first. A label that would
    /// not leave a space before the value has a line of its own, with the value under it:
    /// none of it is cut (a help's "<- Up Down ->  h k j l" is every key there is).
    public static func labelled(_ label: String, _ value: String, labelWidth: Int, valueWidth: Int) -> [String] {
        let wrapped = wrap(value, to: valueWidth)
        let indent = String(repeating: " ", count: labelWidth)
        if labelWidth > 0 && DisplayWidth.of(label) >= labelWidth {
            let whole = DisplayWidth.of(label) <= labelWidth + valueWidth
            let labelLines = whole ? [label] : wrap(label, to: labelWidth + valueWidth)
            return labelLines + wrapped.map { indent + $0 }
        }
        return (wrapped.isEmpty ? [""] : wrapped).enumerated().map { index, line in
            (index == 0 ? pad(label, to: labelWidth) : indent) + line
        }
    }

    /// Words wrapped to lines of at most `width` columns.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var wroteLine = false
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if DisplayWidth.of(candidate) <= width {
                    line = candidate
                    continue
                }
                if !line.isEmpty {
                    lines.append(line)
                    wroteLine = true
                }
                var rest = Substring(word)
                while DisplayWidth.of(rest) > width {
                    // What fits; a character wider than the whole width is shown as "…".
                    let head = truncatePlain(String(rest), to: width)
                    lines.append(head.isEmpty ? "…" : head)
                    wroteLine = true
                    rest = rest.dropFirst(max(head.count, 1))
                }
                line = String(rest)
            }
            if !line.isEmpty || !wroteLine { lines.append(line) }
        }
        return lines
    }

    private static func truncatePlain(_ text: String, to width: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > width { break }
            result.append(character)
            used += characterWidth
        }
        return result
    }
}

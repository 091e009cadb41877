import TextCells

extension String {
    /// The columns the text takes when each of its scalars is a whole character one column
    /// wide with nothing to clean, or nil. Nearly all text drawn is like that, and then needs
    /// no measuring character by character. Narrow scalars: printable ones below U+0300,
    /// where nothing combines, joins or is wide, and the dashes, ellipsis, box-drawing and
    /// bar characters the screens are drawn with (a test checks `DisplayWidth` and
    /// `SafeText` agree on every one).
    var narrowColumns: Int? {
        var columns = 0
        // A plain loop: this runs for every piece of text drawn, and generic algorithms
        // are slow unspecialised in debug builds.
        for scalar in unicodeScalars {
            guard Self.isNarrow(scalar.value) else { return nil }
            columns += 1
        }
        return columns
    }

    private static func isNarrow(_ value: UInt32) -> Bool {
        (value >= 0x20 && value < 0x7F) || (value >= 0xA0 && value < 0x300)
            || (value >= 0x2010 && value <= 0x2027)  // ‐ – — ‘ ’ “ ” • … and the like
            || (value >= 0x2500 && value <= 0x259F)  // box drawing and block elements
    }

    /// Narrow text cut to `width` columns as `ColumnFit.truncate` cuts it, without
    /// measuring: a scalar is a column.
    func truncatedNarrow(columns: Int, to width: Int) -> String {
        guard columns > width else { return self }
        guard width > 0 else { return "" }
        return String(unicodeScalars.prefix(width - 1)) + String(ColumnFit.cutMark)
    }
}

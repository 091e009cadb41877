/// Keeping exported CSV from running as spreadsheet formulas ("CSV injection"): a cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a
/// leading apostrophe, as OWASP advises, so a spreadsheet shows it as text. Numbers are
/// written as numbers (a negative amount is not a formula), and reading a register
/// back drops the apostrophe again, so an export still loads back unchanged.
public enum SpreadsheetSafety {
    private static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]  // = + - @ tab CR
    private static let apostrophe: UInt8 = 0x27

    /// Whether a spreadsheet would read `text` as the start of a formula.
    public static func looksLikeFormula(_ text: String) -> Bool {
        text.utf8.first.map(formulaStarts.contains) ?? false
    }

    /// `text`, with a leading apostrophe when it looks like a formula.
    public static func neutralised(_ text: String) -> String {
        looksLikeFormula(text) ? "'" + text : text
    }

    /// A cell as read back: without the apostrophe `neutralised` added.
    static func withoutGuard(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.count >= 2, bytes.first == apostrophe, formulaStarts.contains(bytes[bytes.index(after: bytes.startIndex)])
        else { return text }
        return String(text.dropFirst())
    }

    /// Whether a cell's bytes start with the apostrophe `neutralised` adds.
    /// Inlined, as the reader asks it of every cell: most cells fail its first test.
    @inline(__always)
    static func isGuarded(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        value.count >= 2 && value[0] == apostrophe && isFormulaStart(value[1])
    }

    /// Apart, and never inlined, so that inlining `isGuarded` does not bring the set's
    /// look-up into every caller.
    @inline(never)
    private static func isFormulaStart(_ byte: UInt8) -> Bool { formulaStarts.contains(byte) }
}

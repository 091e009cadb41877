import SharedServices
import TextCells

/// One arrangement in full: every field, its partners with their sectors and types.
public struct ArrangementReport {
    public var register: Register
    public var row: Int
    public var width: Int
    public var file: String

    public init(register: Register, row: Int, width: Int, file: String) {
        self.register = register
        self.row = row
        self.width = width
        self.file = file
    }

    public func render() -> String {
        let labelWidth = 16
        let textWidth = max(20, width - labelWidth)
        let description = register.describe(row)
        var lines: [String] = []
        func field(_ label: String, _ value: String) {
            lines += ColumnFit.labelled(
                label, SafeText.visible(value, keepingLineBreaks: true), labelWidth: labelWidth, valueWidth: textWidth)
        }
        lines.append(SafeText.visible("\(description.id)  \(description.name)"))
        lines.append("")
        for fact in description.facts { field(fact.label, fact.value) }
        lines.append("Partners (\(description.partners.count))")
        let nameWidth = min(max(20, description.partners.map { DisplayWidth.of($0.name) }.max() ?? 0), width / 2)
        for partner in description.partners {
            lines.append("  " + ColumnFit.pad(SafeText.visible(partner.name), to: nameWidth) + "  " + SafeText.visible(partner.about))
        }
        for note in description.notes { field(note.label, note.value) }
        field("Read from", register.location(of: row, in: file))
        return lines.joined(separator: "\n") + "\n"
    }
}

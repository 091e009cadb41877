import SharedServices
import TerminalUI
import TextCells

/// What the map's shades and marks mean, and what it leaves out: the same words under the
/// dashboard's map and `ssmap map`'s.
public enum MapLegend {
    public struct Entry: Sendable, Equatable {
        public var sample: Character
        public var style: Style
        public var label: String
    }

    /// A sample of each class with its range, then, when an arrangement is lit, its marks.
    static func entries(shading: MapShading, bounds: [Int64], ascii: Bool, theme: Theme, lit: Bool) -> [Entry] {
        func sample(_ shadeClass: Int) -> Character { MapPainter.sample(shadeClass, ascii: ascii, theme: theme) }
        func style(_ shadeClass: Int) -> Style { MapPainter.shadeStyle(shadeClass, theme: theme) }
        var entries = [Entry(sample: sample(0), style: style(0), label: shading.measure.isMoney ? "none or not reported" : "none")]
        var low: Int64 = 1
        for (index, bound) in bounds.enumerated() {
            let dash = ascii ? "-" : "–"
            let range = low == bound ? shading.format(bound) : "\(shading.format(low))\(dash)\(shading.format(bound))"
            entries.append(Entry(sample: sample(index + 1), style: style(index + 1), label: range))
            low = bound &+ 1
        }
        if lit {
            let partner = MapPainter.litSample(.partner, ascii: ascii, theme: theme)
            let covered = MapPainter.litSample(.covered, ascii: ascii, theme: theme)
            entries += [
                Entry(sample: partner.character, style: partner.style, label: "partner"),
                Entry(sample: MapPainter.leadCharacter(ascii: ascii), style: theme.lit, label: "lead"),
                Entry(sample: covered.character, style: covered.style, label: "fire/police area"),
                Entry(sample: MapPainter.siteCharacter(ascii: ascii), style: theme.litOther, label: "NHS site"),
            ]
        }
        return entries
    }

    /// Who is not on the map (first: it is the reader's data at fault), how many councils
    /// share nothing, and (where there is room) what the shade measures.
    static func notes(shading: MapShading, sayingWhatIsShaded: Bool = true) -> String {
        var parts = shading.notOnTheMapText.map { [$0] } ?? []
        parts.append(shading.sharingNothingText)
        if sayingWhatIsShaded { parts.append(shading.shadedBy) }
        return parts.joined(separator: " · ")
    }

    /// The entries as plain text: "Legend: ⡁ none  ⡕ 1–4 …".
    static func text(_ entries: [Entry]) -> String {
        "Legend: " + entries.map { "\($0.sample) \($0.label)" }.joined(separator: "  ")
    }
}

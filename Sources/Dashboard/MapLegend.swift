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
        let byDensity = theme.shadesByDensity
        func sample(_ shadeClass: Int) -> Character {
            ascii || byDensity ? MapPainter.sample(shadeClass, ascii: ascii) : Braille.character(0xFF)
        }
        func style(_ shadeClass: Int) -> Style { theme.shades[min(shadeClass, theme.shades.count - 1)] }
        var entries = [Entry(sample: sample(0), style: style(0), label: shading.measure.isMoney ? "none or not reported" : "none")]
        var low: Int64 = 1
        for (index, bound) in bounds.enumerated() {
            let dash = ascii ? "-" : "–"
            let range = low == bound ? shading.format(bound) : "\(shading.format(low))\(dash)\(shading.format(bound))"
            entries.append(Entry(sample: sample(index + 1), style: style(index + 1), label: range))
            low = bound &+ 1
        }
        if lit {
            entries += [
                Entry(sample: ascii ? MapPainter.asciiPartner : Braille.character(0xFF), style: theme.lit, label: "partner"),
                Entry(sample: ascii ? MapPainter.asciiLead : MapPainter.leadMark, style: theme.lit, label: "lead"),
                Entry(sample: ascii ? MapPainter.asciiCovered : Braille.character(Braille.hatching), style: theme.litOther, label: "fire/police area"),
                Entry(sample: ascii ? MapPainter.asciiSite : MapPainter.siteMark, style: theme.litOther, label: "NHS site"),
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

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
        /// Where room is short: a class by its top value alone ("963"), the classes being
        /// consecutive; anything else as `label`.
        public var shortLabel: String

        init(sample: Character, style: Style, label: String, shortLabel: String? = nil) {
            self.sample = sample
            self.style = style
            self.label = label
            self.shortLabel = shortLabel ?? label
        }
    }

    /// A sample of each class with its range, then, when an arrangement is lit, its marks.
    static func entries(shading: MapShading, bounds: [Int64], ascii: Bool, theme: Theme, lit: Bool) -> [Entry] {
        func sample(_ shadeClass: Int) -> Character { MapPainter.sample(shadeClass, ascii: ascii, theme: theme) }
        func style(_ shadeClass: Int) -> Style { MapPainter.shadeStyle(shadeClass, theme: theme) }
        var entries = [
            Entry(sample: sample(0), style: style(0), label: shading.measure.isMoney ? "none or not reported" : "none", shortLabel: "none")
        ]
        var low: Int64 = 1
        for (index, bound) in bounds.enumerated() {
            let dash = ascii ? "-" : "–"
            let range = low == bound ? shading.format(bound) : "\(shading.format(low))\(dash)\(shading.format(bound))"
            entries.append(Entry(sample: sample(index + 1), style: style(index + 1), label: range, shortLabel: shading.format(bound)))
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

    /// The legend line in the first form whose entries all fit `width`: the heading
    /// ("Councils by arrangements:") and each class's range; then the measure alone
    /// ("arrangements:") with one space between entries; then each class by its top value.
    /// When no form fits them all, the first in which the shading's classes (the first
    /// `classes` entries) fit, the lit arrangement's marks after them dropped where they
    /// run out of room; when not even the classes fit, the first form, cut where it runs out.
    static func line(heading: String, short: String, entries: [Entry], classes: Int, width: Int)
        -> (heading: String, labels: [String], gap: Int)
    {
        let forms = [
            (heading: heading, labels: entries.map(\.label), gap: 2),
            (heading: short, labels: entries.map(\.label), gap: 1),
            (heading: short, labels: entries.map(\.shortLabel), gap: 1),
        ]
        func fits(_ form: (heading: String, labels: [String], gap: Int), _ count: Int) -> Bool {
            let labels = form.labels.prefix(count)
            return DisplayWidth.of(form.heading) + 1 + labels.reduce(0) { $0 + 2 + DisplayWidth.of($1) + form.gap } - form.gap
                <= width
        }
        return forms.first { fits($0, entries.count) } ?? forms.first { fits($0, classes) } ?? forms[0]
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

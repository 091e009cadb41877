import SharedServices
import TerminalUI
import TextCells

/// England's councils as text: braille cells (or ASCII density characters), each council
/// shaded by a measure of the arrangements in view, with borders, a legend and the
/// outlines' attribution.
struct MapReport {
    var register: Register
    var rows: [Int]
    var outlines: AreaOutlines
    var measure: MapShading.Measure
    var width: Int
    var height: Int
    var ascii: Bool
    var title: String
    var filters: [String]

    /// ASCII shades from land with nothing to the most, by class.
    static let asciiShades: [Character] = Array(".:=*%@")

    static func asciiShade(_ shadeClass: Int) -> Character {
        asciiShades[max(0, min(asciiShades.count - 1, shadeClass))]
    }

    func render() -> String {
        let shading = MapShading(register: register, rows: rows, outlines: outlines, measure: measure)
        let districts = outlines.areas.indices.filter { outlines.areas[$0].layer == .district }
        let classes = ascii ? 5 : Braille.densities.count - 1
        let bounds = shading.classBounds(classes: classes, layer: districts)
        let mapHeight = max(4, height - 6)
        let mapWidth = max(10, width)
        // Braille cells hold 2×4 dots; ASCII cells are one "dot" each, twice as tall as wide.
        let dotsWide = ascii ? mapWidth : mapWidth * 2
        let dotsHigh = ascii ? mapHeight * 2 : mapHeight * 4
        let projection = MapProjection(
            minLongitude: Double(outlines.bounds.minX) / 1000, minLatitude: Double(outlines.bounds.minY) / 1000,
            maxLongitude: Double(outlines.bounds.maxX) / 1000, maxLatitude: Double(outlines.bounds.maxY) / 1000,
            dotsWide: dotsWide, dotsHigh: dotsHigh)
        var raster = DotRaster(width: dotsWide, height: dotsHigh)
        for area in districts {
            let rings = outlines.areas[area].rings.map { ring in
                ring.map { projection.dot(longitude: $0.longitude, latitude: $0.latitude) }
            }
            raster.fill(rings: rings, with: Int32(area))
        }
        let shade = { (id: Int32) -> Int in
            id == DotRaster.empty ? -1 : MapShading.shadeClass(shading.values[Int(id)], bounds: bounds)
        }
        var lines = [SafeText.visible(title)]
        if !filters.isEmpty { lines += ColumnFit.wrap("Filtered to: " + SafeText.visible(filters.joined(separator: "; ")), to: width) }
        lines.append("Each council shaded by the \(measure.label)")
        for row in 0..<mapHeight {
            var line = ""
            for column in 0..<mapWidth {
                if ascii {
                    // The cell's two dots: the upper decides, the lower fills in.
                    let upper = raster[column, row * 2]
                    let id = upper != DotRaster.empty ? upper : raster[column, row * 2 + 1]
                    let shadeClass = shade(id)
                    line.append(shadeClass < 0 ? " " : Self.asciiShade(shadeClass))
                } else {
                    line.append(Braille.character(brailleBits(raster, column: column, row: row, shade: shade)))
                }
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        lines += legend(bounds: bounds, shading: shading)
        let attribution = ascii ? outlines.attribution.replacingOccurrences(of: "©", with: "(c)") : outlines.attribution
        lines += ColumnFit.wrap(attribution, to: width)
        let text = lines.joined(separator: "\n") + "\n"
        return ascii ? String(text.map { $0.isASCII ? $0 : "?" }) : text
    }

    /// A cell's dots: those of its land raised to its shade's density, and every dot on a
    /// border between two councils raised, so neighbours stay apart.
    private func brailleBits(_ raster: DotRaster, column: Int, row: Int, shade: (Int32) -> Int) -> UInt8 {
        var bits: UInt8 = 0
        for (index, offset) in Braille.dotOffsets.enumerated() {
            let x = column * 2 + offset.x
            let y = row * 4 + offset.y
            let id = raster[x, y]
            guard id != DotRaster.empty else { continue }
            let onBorder = raster[x + 1, y] != id || raster[x, y + 1] != id
            let density = Braille.densities[max(0, min(Braille.densities.count - 1, shade(id)))]
            if onBorder || density & (1 << index) != 0 { bits |= 1 << index }
        }
        return bits
    }

    private func legend(bounds: [Int64], shading: MapShading) -> [String] {
        func amount(_ value: Int64) -> String { measure == .savings ? Money.format(value) : Count.format(Int(value)) }
        var parts: [String] = []
        var low: Int64 = 1
        for (index, bound) in bounds.enumerated() {
            let sample = ascii
                ? String(Self.asciiShade(index + 1))
                : String(Braille.character(Braille.densities[min(Braille.densities.count - 1, index + 1)]))
            let dash = ascii ? "-" : "–"
            parts.append("\(sample) \(low == bound ? amount(bound) : "\(amount(low))\(dash)\(amount(bound))")")
            low = bound + 1
        }
        var lines = ColumnFit.wrap("Legend: " + parts.joined(separator: "  "), to: width)
        lines.append(Count.format(shading.sharingNothing, "council shares nothing", "councils share nothing") + " in this view")
        if !shading.notOnTheMap.isEmpty {
            lines += ColumnFit.wrap(
                "Not on the map (no known area): " + shading.notOnTheMap.map { SafeText.visible($0) }.joined(separator: ", "), to: width)
        }
        return lines
    }
}

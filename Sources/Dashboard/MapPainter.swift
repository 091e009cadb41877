import SharedServices
import TerminalUI

/// What the map shows over its raster: each area's shade, what is lit, the cursor and
/// the search's matches. Made from the state for each frame; the raster is not.
struct MapPicture: Sendable {
    /// How an area is lit for the selected arrangement.
    enum Light: UInt8, Sendable {
        case none
        /// A partner council, or a district of a partner county.
        case partner
        /// Covered by a partner fire and rescue service or police force.
        case covered
    }

    /// Each area's shading class: 0 for none, then 1… (`MapPainter.classes` of them).
    var classes: [Int]
    /// Each area's light; empty when no arrangement is lit.
    var light: [Light] = []
    /// The lit arrangement's lead, marked on the map.
    var lead: Int?
    /// Partner areas far enough from the lead for a line to be drawn to them.
    var linesTo: [Int] = []
    /// The sites of the lit arrangement's NHS partners.
    var sites: [MapPoint] = []
    var cursor: Int?
    var matches: Set<Int> = []

    /// The shades of `shading`'s values in classes bounded by `bounds`; nothing lit.
    init(shading: MapShading, bounds: [Int64]) {
        classes = shading.values.map { MapShading.shadeClass($0, bounds: bounds) }
    }

    /// Which group each area's borders belong to: borders are drawn only between areas of
    /// different groups, so that a whole-country map is not all border. Regions when the
    /// whole country shows, then counties (and unitaries) from 4×, every council from 8×.
    static func borderGroups(zoom: Double, geometry: MapGeometry, regionOfArea: [String?]) -> [Int] {
        var regionNumbers: [String: Int] = [:]
        return geometry.outlines.areas.indices.map { area in
            let county = geometry.countyOfArea[area] ?? area
            if zoom >= 8 { return area }
            if zoom >= 4 { return county }
            guard let region = regionOfArea[area] else { return county }
            if let number = regionNumbers[region] { return number }
            let number = -1 - regionNumbers.count
            regionNumbers[region] = number
            return number
        }
    }
}

/// Draws a map raster and its picture into a canvas: braille cells (2×4 dots) or ASCII
/// density characters, one per cell.
enum MapPainter {
    /// Shading classes above "none".
    static let classes = 5
    /// ASCII's characters for land by class (0: none); the sea is a space.
    static let asciiShades: [Character] = Array(".:-=+*")
    static let asciiPartner: Character = "#"
    static let asciiCovered: Character = "%"
    static let asciiLead: Character = "@"
    static let asciiSite: Character = "H"
    static let leadMark: Character = "◆"
    static let siteMark: Character = "✚"

    static func asciiShade(_ shadeClass: Int) -> Character {
        asciiShades[max(0, min(asciiShades.count - 1, shadeClass))]
    }

    /// The dots a class raises where shades are densities.
    static func density(_ shadeClass: Int) -> UInt8 {
        Braille.densities[max(0, min(Braille.densities.count - 1, shadeClass))]
    }

    static func shadeStyle(_ shadeClass: Int, theme: Theme) -> Style {
        theme.shades[max(0, min(shadeClass, theme.shades.count - 1))]
    }

    /// A whole cell of a class, as the legend shows it: a density, or every dot (colour
    /// tells the class), or ASCII's character.
    static func sample(_ shadeClass: Int, ascii: Bool, theme: Theme) -> Character {
        if ascii { return asciiShade(shadeClass) }
        return Braille.character(theme.shadesByDensity ? density(shadeClass) : 0xFF)
    }

    /// The dots a lit area's cell raises: all of them for a partner, stripes for an area a
    /// partner covers.
    static func litPattern(_ light: MapPicture.Light) -> UInt8 {
        light == .covered ? Braille.hatching : 0xFF
    }

    /// A whole cell of a lit area, and its style.
    static func litSample(_ light: MapPicture.Light, ascii: Bool, theme: Theme) -> (character: Character, style: Style) {
        let covered = light == .covered
        let character = ascii ? (covered ? asciiCovered : asciiPartner) : Braille.character(litPattern(light))
        return (character, covered ? theme.litOther : theme.lit)
    }

    static func leadCharacter(ascii: Bool) -> Character { ascii ? asciiLead : leadMark }
    static func siteCharacter(ascii: Bool) -> Character { ascii ? asciiSite : siteMark }

    static func paint(
        _ raster: MapRaster, masks: MapRaster.CellMasks, _ picture: MapPicture, at origin: (x: Int, y: Int), theme: Theme,
        canvas: inout Canvas
    ) {
        let frame = raster.frame
        let byDensity = theme.shadesByDensity
        let lines = lineCells(raster, picture)
        for row in 0..<frame.rows {
            for column in 0..<frame.columns {
                let x = origin.x + column
                let y = origin.y + row
                let cell = row * frame.columns + column
                let lineMark = lines[cell]
                guard let area = raster.area(column: column, row: row) else {
                    if let lineMark {
                        canvas.put(frame.ascii ? lineMark.character : Braille.character(lineMark.bits), x: x, y: y, style: theme.lit)
                    }
                    continue
                }
                let light = picture.light.isEmpty ? .none : picture.light[area]
                let shadeClass = picture.classes[area]
                var style = shadeStyle(shadeClass, theme: theme)
                var character: Character
                if light != .none {
                    let lit = litSample(light, ascii: frame.ascii, theme: theme)
                    style = lit.style
                    character = frame.ascii ? lit.character : Braille.character(masks.land[cell] & ~masks.border[cell] & litPattern(light))
                } else if frame.ascii {
                    character = lineMark?.character ?? asciiShade(shadeClass)
                } else {
                    let land = masks.land[cell]
                    // Colour shows the shade, so borders are gaps; density shows it, so
                    // borders and the coast are raised to keep the outline.
                    var bits = byDensity
                        ? (land & density(shadeClass)) | masks.border[cell] | masks.coast[cell]
                        : land & ~masks.border[cell]
                    if let lineMark { bits |= lineMark.bits }
                    character = Braille.character(bits)
                }
                if light == .none && lineMark != nil { style = theme.lit }
                if picture.matches.contains(area) { style = theme.highlight }
                canvas.put(character, x: x, y: y, style: style)
            }
        }
        // A council smaller than a cell owns none: it is lit (or matched) at its anchor.
        if !picture.light.isEmpty || !picture.matches.isEmpty {
            for (area, anchor) in raster.anchors.enumerated() {
                guard let anchor, let owner = raster.area(column: anchor.x, row: anchor.y), owner != area else { continue }
                let light = picture.light.isEmpty ? .none : picture.light[area]
                let x = origin.x + anchor.x
                let y = origin.y + anchor.y
                if light != .none && picture.light[owner] == .none {
                    let lit = litSample(light, ascii: frame.ascii, theme: theme)
                    canvas.put(lit.character, x: x, y: y, style: lit.style)
                }
                if picture.matches.contains(area) { canvas.put(canvas[x, y].character, x: x, y: y, style: theme.highlight) }
            }
        }
        for site in picture.sites {
            let cell = raster.cell(longitude: site.longitude, latitude: site.latitude)
            guard (0..<frame.columns).contains(cell.x), (0..<frame.rows).contains(cell.y) else { continue }
            canvas.put(siteCharacter(ascii: frame.ascii), x: origin.x + cell.x, y: origin.y + cell.y, style: theme.litOther)
        }
        if let lead = picture.lead, let cell = raster.anchors[lead] {
            canvas.put(leadCharacter(ascii: frame.ascii), x: origin.x + cell.x, y: origin.y + cell.y, style: theme.lit)
        }
        if let cursor = picture.cursor, let cell = raster.anchors[cursor] {
            let x = origin.x + cell.x
            let y = origin.y + cell.y
            var character = canvas[x, y].character
            // The cursor must show even on a cell with no dot raised.
            if character == " " { character = frame.ascii ? "+" : Braille.character(0xFF) }
            canvas.put(character, x: x, y: y, style: theme.selected)
        }
    }

    /// The cells the lines from the lead to far partners pass through, with the dots (or
    /// the ASCII stroke) each raises, by cell index.
    private static func lineCells(_ raster: MapRaster, _ picture: MapPicture) -> [(bits: UInt8, character: Character)?] {
        let frame = raster.frame
        var cells = [(bits: UInt8, character: Character)?](repeating: nil, count: frame.columns * frame.rows)
        guard let lead = picture.lead, let from = raster.anchors[lead] else { return cells }
        for partner in picture.linesTo {
            guard let to = raster.anchors[partner] else { continue }
            let start = (x: from.x * frame.dotsAcross + frame.dotsAcross / 2, y: from.y * frame.dotsDown + frame.dotsDown / 2)
            let end = (x: to.x * frame.dotsAcross + frame.dotsAcross / 2, y: to.y * frame.dotsDown + frame.dotsDown / 2)
            let stroke = asciiStroke(dx: end.x - start.x, dy: end.y - start.y)
            for dot in Braille.line(from: start, to: end) {
                let column = dot.x / frame.dotsAcross
                let row = dot.y / frame.dotsDown
                guard (0..<frame.columns).contains(column), (0..<frame.rows).contains(row) else { continue }
                let offset = (x: dot.x - column * frame.dotsAcross, y: dot.y - row * frame.dotsDown)
                let bit = Braille.dotOffsets.firstIndex { $0.x == offset.x && $0.y == offset.y }.map { UInt8(1) << $0 } ?? 0
                let index = row * frame.columns + column
                cells[index] = ((cells[index]?.bits ?? 0) | bit, stroke)
            }
        }
        return cells
    }

    /// The ASCII character for a line going `dx` across and `dy` down (in square dots).
    static func asciiStroke(dx: Int, dy: Int) -> Character {
        if abs(dx) > 2 * abs(dy) { return "-" }
        if abs(dy) > 2 * abs(dx) { return "|" }
        return (dx > 0) == (dy > 0) ? "\\" : "/"
    }
}

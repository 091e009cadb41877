import SharedServices
import TerminalUI
import TextCells

/// The map as plain text for a report (`ssmap map`): painted as the dashboard paints it,
/// without colour, so shades are dot densities (or ASCII density characters), with the
/// legend and the outlines' attribution.
public enum MapText {
    /// The widest and tallest map printed, in cells.
    public static let largest = 1_000
    /// The ASCII characters a map is drawn with, from the sea (a space) to the most.
    public static var asciiShades: String { " " + String(MapPainter.asciiShades) }

    public struct Request: Sendable {
        public var register: Register
        public var rows: [Int]
        public var geometry: MapGeometry
        public var measure: MapShading.Measure
        public var byRegion: Bool
        public var width: Int
        public var height: Int
        public var ascii: Bool
        public var title: String
        public var filters: [String]

        public init(
            register: Register, rows: [Int], geometry: MapGeometry, measure: MapShading.Measure, byRegion: Bool = false,
            width: Int, height: Int, ascii: Bool, title: String, filters: [String]
        ) {
            self.register = register
            self.rows = rows
            self.geometry = geometry
            self.measure = measure
            self.byRegion = byRegion
            self.width = width
            self.height = height
            self.ascii = ascii
            self.title = title
            self.filters = filters
        }
    }

    public static func render(_ request: Request) -> String {
        let width = max(10, request.width)
        let geometry = request.geometry
        let shading = MapShading(
            register: request.register, rows: request.rows, geometry: geometry, measure: request.measure,
            byRegion: request.byRegion)
        let bounds = shading.classBounds(classes: MapPainter.classes, layer: geometry.districtsByName)
        let theme = Theme.monochrome
        // Made ASCII before wrapping, as "£" becomes "GBP ".
        func wrap(_ text: String) -> [String] {
            ColumnFit.wrap(request.ascii ? DashboardText.forTerminal(text, glyphs: .ascii) : text, to: width)
        }
        var above = wrap(SafeText.visible(request.title))
        if !request.filters.isEmpty {
            above += wrap("Filtered to: " + SafeText.visible(request.filters.joined(separator: "; ")))
        }
        var below = wrap(MapLegend.text(MapLegend.entries(shading: shading, bounds: bounds, ascii: request.ascii, theme: theme, lit: false)))
        below += wrap(MapLegend.notes(shading: shading))
        if request.byRegion {
            below += wrap(
                "Regions: " + shading.regionTotals.map { "\(SafeText.visible($0.region)) \(shading.format(shading.shownValue(of: $0)))" }.joined(separator: "; "))
        }
        below += wrap(geometry.outlines.attribution)
        let mapRows = max(4, request.height - above.count - below.count)
        let raster = MapRaster(
            geometry: geometry, frame: MapRaster.Frame(columns: width, rows: mapRows, ascii: request.ascii, zoom: 1, centre: nil))
        let picture = MapPicture(shading: shading, bounds: bounds)
        let masks = raster.masks(borderGroups: MapPicture.borderGroups(zoom: 1, geometry: geometry, regionOfArea: shading.regionOfArea))
        var canvas = Canvas(size: TerminalSize(width: width, height: mapRows))
        MapPainter.paint(raster, masks: masks, picture, at: (0, 0), theme: theme, canvas: &canvas)
        var lines = above
        for y in 0..<mapRows {
            var line = canvas.line(y)
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        // Rows of sea above and below England say nothing.
        while lines.count > above.count, lines[above.count].isEmpty { lines.remove(at: above.count) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        let text = (lines + below).joined(separator: "\n") + "\n"
        return request.ascii ? String(text.map { $0.isASCII ? $0 : "?" }) : text
    }
}

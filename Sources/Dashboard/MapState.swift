import SharedServices
import TerminalUI

/// The map screen's part of the state: what the user chose (measure, regions, zoom, the
/// council under the cursor, the lit arrangement) and what is worked out from it. The
/// outlines are read the first time the map is shown; the raster is filled again only
/// when the size or zoom changes, and the shading only when the arrangements in view or
/// the measure do.
public struct MapState: Sendable {
    /// Changed through `setMeasure`, which has the map shaded again.
    public private(set) var measure: MapShading.Measure = .arrangements
    public private(set) var byRegion = false
    /// 1 for the whole of England, doubling at each step in.
    public private(set) var zoom: Double = 1
    /// The centre of the view when zoomed in; nil for the middle of England.
    public private(set) var centre: MapPoint?
    /// The council under the cursor: a position in `geometry.districtsByName`, kept as a
    /// list's selection so that `/` and `n` find councils as they find rows.
    public var councils = ScrollState()
    /// The arrangement whose partners are lit (a register row), chosen on the list or the
    /// detail before coming here.
    public var arrangement: Int?

    public private(set) var geometry: MapGeometry?
    /// Why there is no map, when the outlines could not be read.
    public private(set) var problem: String?
    private(set) var raster: MapRaster?
    /// The raster's cells as land, border and coast dots, for the raster's zoom.
    private(set) var masks: MapRaster.CellMasks?
    public private(set) var shading: MapShading?
    /// The upper bound of each shading class, for the view's values.
    public private(set) var classBounds: [Int64] = []
    private var shadingIsCurrent = false
    /// The rows that reach a council more than one way: they depend only on the register
    /// and the map, so they are worked out once, on first shading, and kept.
    private var overlaps: MapOverlaps?

    static let maximumZoom = 64.0

    /// The area under the cursor.
    public var cursor: Int? {
        guard let geometry, geometry.districtsByName.indices.contains(councils.selected) else { return nil }
        return geometry.districtsByName[councils.selected]
    }

    /// Puts the cursor on a district-level council (nothing for any other area).
    mutating func putCursor(on area: Int) {
        guard let geometry, let position = geometry.districtsByName.firstIndex(of: area) else { return }
        councils.moveTo(position, count: geometry.districtsByName.count, visible: 1)
    }

    /// The arrangements in view changed: shade again when next shown.
    mutating func forgetShading() { shadingIsCurrent = false }

    /// Another register is shown (the whole of one shown in part): what was worked out
    /// from the last one goes.
    mutating func registerReplaced() {
        overlaps = nil
        shadingIsCurrent = false
    }

    /// Zooms by `factor` about `point` (the cursor's council when nil); back to the whole of
    /// England at 1.
    mutating func zoom(by factor: Double, about point: MapPoint? = nil) {
        let zoom = min(Self.maximumZoom, max(1, self.zoom * factor))
        self.zoom = zoom
        if zoom == 1 {
            centre = nil
        } else if let point = point ?? cursorCentre {
            centre = point
        }
    }

    mutating func showWholeCountry() {
        zoom = 1
        centre = nil
    }

    mutating func setMeasure(_ measure: MapShading.Measure, byRegion: Bool) {
        self.measure = measure
        self.byRegion = byRegion
        shadingIsCurrent = false
    }

    private var cursorCentre: MapPoint? {
        guard let geometry, let cursor else { return nil }
        let centre = geometry.centres[cursor]
        return MapPoint(longitude: centre.longitude, latitude: centre.latitude)
    }

    /// Reads the outlines if not yet read, fills the raster for `rect`, and shades.
    mutating func bringUpToDate(data: DashboardData, rows: [Int], rect: Rect, ascii: Bool) {
        if geometry == nil && problem == nil {
            switch data.mapOutlines.geometry {
            case .success(let geometry):
                self.geometry = geometry
                // Start at the council nearest the middle of England.
                let middle = geometry.outlines.bounds
                let point = ((Double(middle.minX) + Double(middle.maxX)) / 2000, (Double(middle.minY) + Double(middle.maxY)) / 2000)
                if let nearest = geometry.nearest(among: geometry.districtsByName, to: point) { putCursor(on: nearest) }
            case .failure(let unavailable):
                problem = unavailable.message
            }
        }
        guard let geometry else { return }
        var frame = MapRaster.Frame(columns: max(0, rect.width), rows: max(0, rect.height), ascii: ascii, zoom: zoom, centre: centre)
        if raster?.frame != frame {
            raster = MapRaster(geometry: geometry, frame: frame)
            masks = nil
        }
        // Zoomed in, the view follows the cursor when it moves off the edge.
        if zoom > 1, let cursor, let raster, raster.anchors[cursor] == nil, let point = cursorCentre {
            centre = point
            frame.centre = point
            self.raster = MapRaster(geometry: geometry, frame: frame)
            masks = nil
        }
        if !shadingIsCurrent {
            let overlaps = self.overlaps ?? MapOverlaps(register: data.register, geometry: geometry)
            self.overlaps = overlaps
            let shading = MapShading(
                register: data.register, rows: rows, geometry: geometry, measure: measure, byRegion: byRegion,
                overlaps: overlaps)
            self.shading = shading
            classBounds = shading.classBounds(classes: MapPainter.classes, layer: geometry.districtsByName)
            shadingIsCurrent = true
        }
        if masks == nil, let raster, let shading {
            masks = raster.masks(
                borderGroups: MapPicture.borderGroups(zoom: zoom, geometry: geometry, regionOfArea: shading.regionOfArea))
        }
    }

    /// A braille raster of the whole of England at `columns` × `rows` cells: for the
    /// benchmarks, which measure filling one.
    public static func raster(geometry: MapGeometry, columns: Int, rows: Int) -> Int {
        MapRaster(geometry: geometry, frame: MapRaster.Frame(columns: columns, rows: rows, ascii: false, zoom: 1, centre: nil))
            .dots.ids.count
    }

    /// The half-width of the cone `council(from:towards:)` looks in: tan 60°.
    static let coneWidth = 3.0.squareRoot()

    /// The district-level council nearest `area` in a direction (`dx`, `dy`: one of them
    /// ±1, y down), within 60° of it; nil when there is none that way.
    func council(from area: Int, towards dx: Double, _ dy: Double) -> Int? {
        guard let geometry else { return nil }
        let scale = MapProjection.longitudeScale
        let from = geometry.centres[area]
        var best: (cost: Double, area: Int)?
        for candidate in geometry.districtsByName where candidate != area {
            let to = geometry.centres[candidate]
            let x = (to.longitude - from.longitude) * scale
            let y = -(to.latitude - from.latitude)
            let along = x * dx + y * dy
            let across = abs(x * dy - y * dx)
            guard along > 0, across <= along * Self.coneWidth else { continue }
            // Straight ahead is worth more than a little nearer but off to the side.
            let cost = along + 2 * across
            if cost < best?.cost ?? .infinity { best = (cost, candidate) }
        }
        return best?.area
    }
}

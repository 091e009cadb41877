import SharedServices
import TerminalUI

/// The map at one size and zoom: every district-level area filled once into a grid of
/// dots holding its index. Shading, lighting and the cursor then only look ids up, so a
/// new filter or measure redraws without filling a polygon.
struct MapRaster: Sendable {
    /// What a raster is made for: a new one is filled only when this changes.
    struct Frame: Sendable, Equatable {
        var columns: Int
        var rows: Int
        /// One dot over two in a cell (ASCII), rather than braille's 2×4.
        var ascii: Bool
        /// 1 for the whole of England, doubling at each step in.
        var zoom: Double
        /// The view's centre; nil for the middle of England.
        var centre: MapPoint?

        var dotsAcross: Int { ascii ? 1 : 2 }
        var dotsDown: Int { ascii ? 2 : 4 }
    }

    let frame: Frame
    let projection: MapProjection
    let dots: DotRaster
    /// For each area, the cell it is marked at (the cell holding the dot of the area nearest
    /// the middle of its dots), or nil when none of its dots is in view. Areas smaller than
    /// a dot are marked where their centre falls.
    let anchors: [(x: Int, y: Int)?]
    /// The area most of each cell's dots belong to (row by row), or -1 for sea: worked out
    /// once here, as every frame and every click asks.
    private let cellAreas: [Int32]

    init(geometry: MapGeometry, frame: Frame) {
        self.frame = frame
        let outlines = geometry.outlines
        let bounds = outlines.bounds
        let dotsWide = max(1, frame.columns * frame.dotsAcross)
        let dotsHigh = max(1, frame.rows * frame.dotsDown)
        let projection = MapProjection(
            minLongitude: Double(bounds.minX) / 1000, minLatitude: Double(bounds.minY) / 1000,
            maxLongitude: Double(bounds.maxX) / 1000, maxLatitude: Double(bounds.maxY) / 1000,
            dotsWide: dotsWide, dotsHigh: dotsHigh, zoom: frame.zoom,
            centre: frame.centre.map { ($0.longitude, $0.latitude) })
        self.projection = projection
        // Only areas that reach the view are filled: a zoomed-in view fills a few.
        let topLeft = projection.coordinate(x: -1, y: -1)
        let bottomRight = projection.coordinate(x: Double(dotsWide + 1), y: Double(dotsHigh + 1))
        let view = MapBounds(
            minX: MapPoint.thousandths(topLeft.longitude, .down), minY: MapPoint.thousandths(bottomRight.latitude, .down),
            maxX: MapPoint.thousandths(bottomRight.longitude, .up), maxY: MapPoint.thousandths(topLeft.latitude, .up))
        var dots = DotRaster(width: dotsWide, height: dotsHigh)
        for area in geometry.districtsByName {
            let shape = outlines.areas[area]
            guard shape.bounds.maxX >= view.minX, shape.bounds.minX <= view.maxX, shape.bounds.maxY >= view.minY,
                shape.bounds.minY <= view.maxY
            else { continue }
            let rings = shape.rings.map { ring in
                ring.map { point in
                    projection.dot(longitude: point.longitude, latitude: point.latitude)
                }
            }
            dots.fill(rings: rings, with: Int32(area))
        }
        self.dots = dots
        anchors = Self.anchors(of: dots, geometry: geometry, frame: frame, projection: projection)
        var cellAreas = [Int32](repeating: DotRaster.empty, count: frame.columns * frame.rows)
        var ids: [Int32] = []
        for row in 0..<frame.rows {
            for column in 0..<frame.columns {
                ids.removeAll(keepingCapacity: true)
                for dy in 0..<frame.dotsDown {
                    for dx in 0..<frame.dotsAcross {
                        let id = dots[column * frame.dotsAcross + dx, row * frame.dotsDown + dy]
                        if id != DotRaster.empty { ids.append(id) }
                    }
                }
                cellAreas[row * frame.columns + column] = Self.mostCommon(ids)
            }
        }
        self.cellAreas = cellAreas
    }

    /// The id most of `ids` hold, the first of them on a tie; `empty` for none.
    private static func mostCommon(_ ids: [Int32]) -> Int32 {
        var best = DotRaster.empty
        var bestCount = 0
        for (index, id) in ids.enumerated() where !ids[..<index].contains(id) {
            let count = ids[index...].reduce(0) { $0 + ($1 == id ? 1 : 0) }
            if count > bestCount {
                best = id
                bestCount = count
            }
        }
        return best
    }

    private static func anchors(
        of dots: DotRaster, geometry: MapGeometry, frame: Frame, projection: MapProjection
    ) -> [(x: Int, y: Int)?] {
        let count = geometry.outlines.areas.count
        var sumX = [Double](repeating: 0, count: count)
        var sumY = [Double](repeating: 0, count: count)
        var dotCount = [Int](repeating: 0, count: count)
        for y in 0..<dots.height {
            for x in 0..<dots.width {
                let id = dots[x, y]
                guard id != DotRaster.empty else { continue }
                sumX[Int(id)] += Double(x)
                sumY[Int(id)] += Double(y)
                dotCount[Int(id)] += 1
            }
        }
        var best = [(distance: Double, x: Int, y: Int)?](repeating: nil, count: count)
        for y in 0..<dots.height {
            for x in 0..<dots.width {
                let id = Int(dots[x, y])
                guard id >= 0 else { continue }
                let dx = Double(x) - sumX[id] / Double(dotCount[id])
                let dy = Double(y) - sumY[id] / Double(dotCount[id])
                let distance = dx * dx + dy * dy
                if distance < best[id]?.distance ?? .infinity { best[id] = (distance, x, y) }
            }
        }
        return (0..<count).map { area in
            if let dot = best[area] { return (dot.x / frame.dotsAcross, dot.y / frame.dotsDown) }
            guard geometry.outlines.areas[area].layer == .district else { return nil }
            let centre = geometry.centres[area]
            let cell = Self.cell(of: projection.dot(longitude: centre.longitude, latitude: centre.latitude), frame: frame)
            return cell.x >= 0 && cell.y >= 0 && cell.x < frame.columns && cell.y < frame.rows ? cell : nil
        }
    }

    /// Each cell's dots by what they are, in braille's bit order: land, land on a border
    /// between two groups of `borderGroups`, land on the coast. Worked out once for a
    /// raster and its groups, so that a frame only combines bytes.
    struct CellMasks: Sendable {
        var land: [UInt8]
        var border: [UInt8]
        var coast: [UInt8]
    }

    func masks(borderGroups: [Int]) -> CellMasks {
        let count = frame.columns * frame.rows
        var masks = CellMasks(
            land: [UInt8](repeating: 0, count: count), border: [UInt8](repeating: 0, count: count),
            coast: [UInt8](repeating: 0, count: count))
        guard !frame.ascii else { return masks }
        for row in 0..<frame.rows {
            for column in 0..<frame.columns {
                let cell = row * frame.columns + column
                for (index, offset) in Braille.dotOffsets.enumerated() {
                    let x = column * 2 + offset.x
                    let y = row * 4 + offset.y
                    let id = dots[x, y]
                    guard id != DotRaster.empty else { continue }
                    let bit: UInt8 = 1 << index
                    masks.land[cell] |= bit
                    let right = dots[x + 1, y]
                    let below = dots[x, y + 1]
                    if right == DotRaster.empty || below == DotRaster.empty { masks.coast[cell] |= bit }
                    let group = borderGroups[Int(id)]
                    if (right != DotRaster.empty && borderGroups[Int(right)] != group)
                        || (below != DotRaster.empty && borderGroups[Int(below)] != group)
                    {
                        masks.border[cell] |= bit
                    }
                }
            }
        }
        return masks
    }

    /// The ids of a cell's dots, in braille's bit order (ASCII: upper, lower).
    func cellDots(column: Int, row: Int) -> [Int32] {
        if frame.ascii { return [dots[column, row * 2], dots[column, row * 2 + 1]] }
        return Braille.dotOffsets.map { dots[column * 2 + $0.x, row * 4 + $0.y] }
    }

    /// The area most of a cell's dots belong to (the first of them on a tie), or nil for sea.
    func area(column: Int, row: Int) -> Int? {
        guard column >= 0, row >= 0, column < frame.columns, row < frame.rows else { return nil }
        let id = cellAreas[row * frame.columns + column]
        return id == DotRaster.empty ? nil : Int(id)
    }

    /// Where a point falls, in cells; may be outside the map.
    func cell(longitude: Double, latitude: Double) -> (x: Int, y: Int) {
        Self.cell(of: projection.dot(longitude: longitude, latitude: latitude), frame: frame)
    }

    /// The cell holding a dot (in fractional dots); may be outside the map.
    private static func cell(of dot: (x: Double, y: Double), frame: Frame) -> (x: Int, y: Int) {
        (Int((dot.x / Double(frame.dotsAcross)).rounded(.down)), Int((dot.y / Double(frame.dotsDown)).rounded(.down)))
    }

    /// The point at the middle of a cell.
    func coordinate(column: Int, row: Int) -> MapPoint {
        let point = projection.coordinate(
            x: (Double(column) + 0.5) * Double(frame.dotsAcross), y: (Double(row) + 0.5) * Double(frame.dotsDown))
        return MapPoint(longitude: point.longitude, latitude: point.latitude)
    }
}

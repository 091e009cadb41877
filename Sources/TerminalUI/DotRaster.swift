/// A grid of dots, each holding the id of what covers it (or `empty`): polygons filled
/// once at a size and zoom, after which shading only looks ids up. Knows nothing of what
/// the ids are.
public struct DotRaster: Sendable, Equatable {
    public static let empty: Int32 = -1

    public let width: Int
    public let height: Int
    public private(set) var ids: [Int32]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        ids = [Int32](repeating: Self.empty, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Int32 {
        guard x >= 0, y >= 0, x < width, y < height else { return Self.empty }
        return ids[y * width + x]
    }

    /// Fills the polygon made of `rings` (points in dot coordinates, y down) with `id`,
    /// by the even-odd rule: a hole is a ring inside another. A dot is inside when its
    /// centre is. Points far outside the grid are fine: rows and columns are clipped.
    public mutating func fill(rings: [[(x: Double, y: Double)]], with id: Int32) {
        guard width > 0, height > 0 else { return }
        var edges: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        var minY = Double.infinity
        var maxY = -Double.infinity
        for ring in rings where ring.count >= 3 {
            for index in ring.indices {
                let a = ring[index]
                let b = ring[(index + 1) % ring.count]
                guard a.y != b.y, a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { continue }
                edges.append((a.x, a.y, b.x, b.y))
                minY = min(minY, a.y, b.y)
                maxY = max(maxY, a.y, b.y)
            }
        }
        guard !edges.isEmpty else { return }
        let firstRow = max(0, Int((minY - 0.5).rounded(.up)))
        let lastRow = min(height - 1, Int((maxY - 0.5).rounded(.down)))
        guard firstRow <= lastRow else { return }
        var crossings: [Double] = []
        for row in firstRow...lastRow {
            let y = Double(row) + 0.5
            crossings.removeAll(keepingCapacity: true)
            for edge in edges {
                // Half-open in y, so a vertex shared by two edges is crossed once.
                let (low, high) = edge.y0 < edge.y1 ? (edge.y0, edge.y1) : (edge.y1, edge.y0)
                guard y >= low && y < high else { continue }
                crossings.append(edge.x0 + (y - edge.y0) * (edge.x1 - edge.x0) / (edge.y1 - edge.y0))
            }
            crossings.sort()
            var index = 0
            while index + 1 < crossings.count {
                let start = max(0, Int((crossings[index] - 0.5).rounded(.up)))
                let end = min(width - 1, Int((crossings[index + 1] - 0.5).rounded(.down)))
                if start <= end {
                    let base = row * width
                    for x in start...end { ids[base + x] = id }
                }
                index += 2
            }
        }
    }

    /// The ids of a character cell's 2×4 dots at cell (`column`, `row`), with the bits of
    /// the dots where `matches` holds, in braille's dot order.
    public func brailleBits(column: Int, row: Int, where matches: (Int32) -> Bool) -> UInt8 {
        var bits: UInt8 = 0
        for (index, offset) in Braille.dotOffsets.enumerated() where matches(self[column * 2 + offset.x, row * 4 + offset.y]) {
            bits |= 1 << index
        }
        return bits
    }
}

/// Braille patterns as pictures: each character cell is 2 dots wide and 4 high.
public enum Braille {
    /// Where each bit of a braille pattern (U+2800 + bits) puts its dot in the cell.
    public static let dotOffsets: [(x: Int, y: Int)] = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)]

    /// The braille character with these dots raised; a blank cell for none.
    public static func character(_ bits: UInt8) -> Character {
        guard bits != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits)) else { return " " }
        return Character(scalar)
    }

    /// Dot patterns from sparse to dense, for shading without colour: 1, 2, 4, 6, 7 and 8
    /// dots of the cell's 8, spread evenly, so a lighter class has fewer dots raised.
    public static let densities: [UInt8] = [0b0000_0001, 0b1000_0001, 0b1001_0101, 0b1101_1101, 0b1101_1111, 0b1111_1111]

    /// The cell's left column of dots: stripes that read as "covered by", not as a shade.
    public static let hatching: UInt8 = 0b0100_0111

    /// The dots of a line from (`x0`, `y0`) to (`x1`, `y1`), ends included (Bresenham).
    public static func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int)) -> [(x: Int, y: Int)] {
        var points: [(x: Int, y: Int)] = []
        let dx = abs(end.x - start.x)
        let dy = -abs(end.y - start.y)
        let stepX = start.x < end.x ? 1 : -1
        let stepY = start.y < end.y ? 1 : -1
        var error = dx + dy
        var x = start.x
        var y = start.y
        while true {
            points.append((x, y))
            if x == end.x && y == end.y { break }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += stepX
            }
            if doubled <= dx {
                error += dx
                y += stepY
            }
        }
        return points
    }
}

import Testing
@testable import TerminalUI

@Suite struct DotRasterTests {
    @Test func aSquareFillsTheDotsWhoseCentresItCovers() {
        var raster = DotRaster(width: 10, height: 10)
        raster.fill(rings: [[(2, 2), (6, 2), (6, 6), (2, 6)]], with: 7)
        let filled = (0..<10).flatMap { y in (0..<10).map { x in raster[x, y] == 7 ? 1 : 0 } }.reduce(0, +)
        #expect(filled == 16)
        #expect(raster[2, 2] == 7 && raster[5, 5] == 7)
        #expect(raster[6, 6] == DotRaster.empty && raster[1, 3] == DotRaster.empty)
    }

    @Test func aHoleIsLeftEmpty() {
        var raster = DotRaster(width: 12, height: 12)
        raster.fill(rings: [[(0, 0), (12, 0), (12, 12), (0, 12)], [(4, 4), (8, 4), (8, 8), (4, 8)]], with: 1)
        #expect(raster[1, 1] == 1)
        #expect(raster[5, 5] == DotRaster.empty)
    }

    @Test func shapesOffTheGridAndDegenerateOnesAreHarmless() {
        var raster = DotRaster(width: 4, height: 4)
        raster.fill(rings: [[(-1e9, -1e9), (1e9, -1e9), (1e9, 1e9)]], with: 2)
        raster.fill(rings: [[(1, 1), (2, 2)]], with: 3)
        raster.fill(rings: [[(.nan, 0), (1, .infinity), (2, 2)]], with: 4)
        #expect(!raster.ids.contains(3) && !raster.ids.contains(4))
        #expect(raster[-5, 100] == DotRaster.empty)
        var empty = DotRaster(width: -3, height: 0)
        empty.fill(rings: [[(0, 0), (1, 0), (1, 1)]], with: 1)
        #expect(empty.ids.isEmpty)
    }

    @Test func brailleBitsFollowTheDotOrder() {
        var raster = DotRaster(width: 2, height: 4)
        raster.fill(rings: [[(0, 0), (1, 0), (1, 4), (0, 4)]], with: 9)  // the left column
        let bits = raster.brailleBits(column: 0, row: 0) { $0 == 9 }
        #expect(Braille.character(bits) == "⡇")
        #expect(Braille.character(0) == " ")
        #expect(Braille.character(0xFF) == "⣿")
    }
}

import Testing
@testable import SharedServices

@Suite struct MapProjectionTests {
    /// England's bounds, roughly: 8.2° of longitude by 5.9° of latitude.
    static func england(dotsWide: Int, dotsHigh: Int, zoom: Double = 1) -> MapProjection {
        MapProjection(
            minLongitude: -6.4, minLatitude: 49.9, maxLongitude: 1.8, maxLatitude: 55.8, dotsWide: dotsWide,
            dotsHigh: dotsHigh, zoom: zoom)
    }

    @Test func englandFitsAndKeepsItsShape() {
        // 120×40 cells: 240×160 dots. England is taller than wide once longitude is scaled.
        let projection = Self.england(dotsWide: 240, dotsHigh: 160)
        let southWest = projection.dot(longitude: -6.4, latitude: 49.9)
        let northEast = projection.dot(longitude: 1.8, latitude: 55.8)
        #expect(abs(southWest.y - 160) < 1e-6 && abs(northEast.y) < 1e-6, "fitted to the height")
        let width = northEast.x - southWest.x
        // 8.2° × cos 52.5° ≈ 4.99 "degrees" wide against 5.9 high.
        #expect(abs(width / 160 - 8.2 * MapProjection.longitudeScale / 5.9) < 1e-9)
        #expect(southWest.x >= 0 && northEast.x <= 240)
    }

    @Test func coordinatesRoundTrip() {
        let projection = Self.england(dotsWide: 200, dotsHigh: 120, zoom: 3)
        for (longitude, latitude) in [(-0.1276, 51.5072), (-2.5879, 51.4545), (-1.5491, 53.8008)] {
            let dot = projection.dot(longitude: longitude, latitude: latitude)
            let back = projection.coordinate(x: dot.x, y: dot.y)
            #expect(abs(back.longitude - longitude) < 1e-9 && abs(back.latitude - latitude) < 1e-9)
        }
    }

    @Test func zoomMagnifiesAboutTheCentre() {
        let whole = Self.england(dotsWide: 200, dotsHigh: 120)
        let zoomed = Self.england(dotsWide: 200, dotsHigh: 120, zoom: 4)
        #expect(abs(zoomed.dotsPerDegree - 4 * whole.dotsPerDegree) < 1e-9)
        let centre = zoomed.dot(longitude: whole.centreLongitude, latitude: whole.centreLatitude)
        #expect(abs(centre.x - 100) < 1e-9 && abs(centre.y - 60) < 1e-9)
        // Nonsense zoom is no zoom.
        #expect(Self.england(dotsWide: 200, dotsHigh: 120, zoom: .nan) == whole)
        #expect(Self.england(dotsWide: 200, dotsHigh: 120, zoom: -2) == whole)
    }
}

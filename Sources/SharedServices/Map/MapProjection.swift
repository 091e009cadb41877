import Foundation

/// Longitude and latitude to the dots of a map and back: longitude scaled by the cosine
/// of a middle latitude, so that England keeps its shape, then fitted to the dots. Braille
/// dots are square on a terminal whose cells are twice as tall as wide (two dots across,
/// four down), so one scale serves both axes.
public struct MapProjection: Sendable, Equatable {
    /// The latitude whose scale is kept: the middle of England.
    public static let standardLatitude = 52.5
    public static let longitudeScale = cos(standardLatitude * .pi / 180)

    /// The centre of the view, in degrees.
    public let centreLongitude: Double
    public let centreLatitude: Double
    /// Dots per degree of latitude.
    public let dotsPerDegree: Double
    public let dotsWide: Int
    public let dotsHigh: Int

    /// The view of `minLongitude…maxLongitude` × `minLatitude…maxLatitude` that fits
    /// `dotsWide` × `dotsHigh` dots, centred, magnified `zoom` times about `centre` (the
    /// middle of the bounds when nil).
    public init(
        minLongitude: Double, minLatitude: Double, maxLongitude: Double, maxLatitude: Double, dotsWide: Int, dotsHigh: Int,
        zoom: Double = 1, centre: (longitude: Double, latitude: Double)? = nil
    ) {
        self.dotsWide = max(1, dotsWide)
        self.dotsHigh = max(1, dotsHigh)
        let width = max((maxLongitude - minLongitude) * Self.longitudeScale, 1e-9)
        let height = max(maxLatitude - minLatitude, 1e-9)
        let fit = min(Double(self.dotsWide) / width, Double(self.dotsHigh) / height)
        dotsPerDegree = fit * (zoom.isFinite && zoom > 0 ? zoom : 1)
        centreLongitude = centre?.longitude ?? (minLongitude + maxLongitude) / 2
        centreLatitude = centre?.latitude ?? (minLatitude + maxLatitude) / 2
    }

    /// Where a point falls, in dots from the top left (y down); may lie off the map.
    public func dot(longitude: Double, latitude: Double) -> (x: Double, y: Double) {
        (
            Double(dotsWide) / 2 + (longitude - centreLongitude) * Self.longitudeScale * dotsPerDegree,
            Double(dotsHigh) / 2 - (latitude - centreLatitude) * dotsPerDegree
        )
    }

    /// The point at the centre of dot (`x`, `y`).
    public func coordinate(x: Double, y: Double) -> (longitude: Double, latitude: Double) {
        (
            centreLongitude + (x - Double(dotsWide) / 2) / (Self.longitudeScale * dotsPerDegree),
            centreLatitude - (y - Double(dotsHigh) / 2) / dotsPerDegree
        )
    }
}

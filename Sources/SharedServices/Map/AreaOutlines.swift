/// Which kind of area an outline is. Counties overlap their districts; regions and the
/// country contain them all.
public enum MapLayer: String, Sendable, Hashable, CaseIterable {
    /// Districts, unitaries, metropolitan and London boroughs, the City of London and the
    /// Isles of Scilly: the councils that tile England with no overlap.
    case district
    case county
    case region
    case country
}

/// A point in thousandths of a degree (about 100 m): `x` of longitude, east positive, and
/// `y` of latitude. Whole numbers keep an outline small (8 bytes a point) and exact.
public struct MapPoint: Sendable, Hashable {
    public var x: Int32
    public var y: Int32

    public init(x: Int32, y: Int32) {
        self.x = x
        self.y = y
    }

    public var longitude: Double { Double(x) / 1000 }
    public var latitude: Double { Double(y) / 1000 }

    /// The point at a longitude and latitude in degrees, to the nearest thousandth.
    public init(longitude: Double, latitude: Double) {
        self.init(x: Self.thousandths(longitude), y: Self.thousandths(latitude))
    }

    /// Degrees in thousandths, rounded by `rule`; held to ±360° (and 0 for what is not a
    /// number), so that no projection can make a value an `Int32` cannot hold.
    public static func thousandths(_ degrees: Double, _ rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Int32 {
        guard degrees.isFinite else { return 0 }
        return Int32((min(360, max(-360, degrees)) * 1000).rounded(rule))
    }
}

/// The smallest rectangle holding some points, in the same units, edges included.
public struct MapBounds: Sendable, Hashable {
    public var minX: Int32
    public var minY: Int32
    public var maxX: Int32
    public var maxY: Int32

    public init(minX: Int32, minY: Int32, maxX: Int32, maxY: Int32) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// In thousandths of a degree; an `Int`, as the span of two `Int32`s may not fit one.
    public var width: Int { Int(maxX) - Int(minX) }
    public var height: Int { Int(maxY) - Int(minY) }

    public func contains(_ point: MapPoint) -> Bool {
        minX <= point.x && point.x <= maxX && minY <= point.y && point.y <= maxY
    }

    public func contains(_ other: MapBounds) -> Bool {
        minX <= other.minX && other.maxX <= maxX && minY <= other.minY && other.maxY <= maxY
    }

    public func union(_ other: MapBounds) -> MapBounds {
        MapBounds(
            minX: min(minX, other.minX), minY: min(minY, other.minY),
            maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }

    mutating func include(_ point: MapPoint) {
        if point.x < minX { minX = point.x }
        if point.x > maxX { maxX = point.x }
        if point.y < minY { minY = point.y }
        if point.y > maxY { maxY = point.y }
    }
}

/// One council, region or country: its outline as rings of points.
public struct MapArea: Sendable {
    /// The GSS code, as in organisations.csv's `gss_code`.
    public let code: String
    public let name: String
    public let layer: MapLayer
    /// Islands and holes alike, each of three or more points and closed implicitly (the
    /// first point is not repeated at the end): fill them even-odd.
    public let rings: [[MapPoint]]
    public let bounds: MapBounds
}

/// The outlines of a map's areas, read from an ssmap map areas file
/// (sample-data/england-2017-areas.txt; the format is described at its top).
public struct AreaOutlines: Sendable {
    public let areas: [MapArea]
    /// The licence's attribution, to be shown wherever the map is.
    public let attribution: String
    /// The bounds of every area together.
    public let bounds: MapBounds
    private let indexByCode: [String: Int]

    /// The file of England's 2017 outlines in the bundled sample-data.
    public static let bundledFileName = "england-2017-areas.txt"

    /// The first line of every map areas file this reads.
    public static let header = "# ssmap map areas, version 1"

    init(areas: [MapArea], attribution: String, bounds: MapBounds, indexByCode: [String: Int]) {
        self.areas = areas
        self.attribution = attribution
        self.bounds = bounds
        self.indexByCode = indexByCode
    }

    /// The index in `areas` of the area with this GSS code.
    public func area(code: String) -> Int? {
        indexByCode[code]
    }

    public static func read(path: String) throws(LoadError) -> AreaOutlines {
        try read(bytes: FileBytes.read(path), file: path)
    }

    /// Reads a whole file's bytes; any problem is one error naming its line and column.
    public static func read(bytes: [UInt8], file: String) throws(LoadError) -> AreaOutlines {
        try bytes.withUnsafeBufferPointer { buffer throws(LoadError) in
            var parser = AreaOutlinesParser(bytes: buffer, file: file)
            return try parser.parse()
        }
    }
}

/// A byte-level reader of the format: one pass, no text made for a ring's numbers.
private struct AreaOutlinesParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    /// After a UTF-8 byte-order mark, if an editor added one.
    var textStart = 0
    var line = 1
    var lineStart = 0
    /// Where the line's text ends: before its LF, or CR LF.
    var lineEnd = 0

    var areas: [MapArea] = []
    var indexByCode: [String: Int] = [:]
    var attribution: String?
    /// The area being read: its rings come on the lines after its own.
    var current: PendingArea?

    struct PendingArea {
        let code: String
        let name: String
        let layer: MapLayer
        let line: Int
        var rings: [[MapPoint]] = []
        var bounds: MapBounds?
    }

    /// Thousandths of a degree; a difference between two points is at most twice these.
    static let longitudeLimit = 180_000
    static let latitudeLimit = 90_000
    static let magnitudeLimit = 2 * longitudeLimit
    static let attributionPrefix = Array("# Attribution:".utf8)
    static let versionPrefix = Array("# ssmap map areas, version ".utf8)

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
    }

    mutating func parse() throws(LoadError) -> AreaOutlines {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { textStart = 3 }
        lineStart = textStart
        if textStart == bytes.count {
            throw error(at: textStart, "is empty; a map areas file starts with the line '\(AreaOutlines.header)'")
        }
        try checkText()
        try nextLine()
        try readHeader()
        lineStart = lineEnd + lineBreakLength
        line += 1
        while lineStart < bytes.count {
            try nextLine()
            if lineEnd > lineStart {
                switch bytes[lineStart] {
                case UInt8(ascii: "#"): try readComment()
                case UInt8(ascii: "A"): try readArea()
                case UInt8(ascii: "R"): try readRing()
                case UInt8(ascii: "E"): return try readEnd()
                default:
                    throw error(
                        at: lineStart, "expected a line starting 'A ' (an area), 'R ' (a ring), 'E ' (the end) or '#'")
                }
            }
            lineStart = lineEnd + lineBreakLength
            line += 1
        }
        throw error(at: bytes.count, "the file ends before its last line 'E <count>': it may have been cut short")
    }

    // MARK: Lines

    /// How many bytes end the current line: LF or CR LF.
    var lineBreakLength: Int {
        lineEnd < bytes.count && bytes[lineEnd] == 0x0D ? 2 : 1
    }

    /// Finds the end of the line starting at `lineStart`; every line ends with a line feed.
    mutating func nextLine() throws(LoadError) {
        var index = lineStart
        while index < bytes.count && bytes[index] != 0x0A { index += 1 }
        guard index < bytes.count else {
            throw error(at: index, "the last line does not end with a line feed: the file may have been cut short")
        }
        lineEnd = index > lineStart && bytes[index - 1] == 0x0D ? index - 1 : index
    }

    func lineMatches(_ prefix: [UInt8], from start: Int) -> Bool {
        guard lineEnd - start >= prefix.count else { return false }
        for (offset, byte) in prefix.enumerated() where bytes[start + offset] != byte { return false }
        return true
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The file's text for a message, cut short if long.
    func quoted(_ range: Range<Int>) -> String {
        let whole = text(range)
        return whole.count <= 20 ? "'\(whole)'" : "'\(whole.prefix(20))…'"
    }

    mutating func readHeader() throws(LoadError) {
        let header = Array(AreaOutlines.header.utf8)
        if lineEnd - lineStart == header.count && lineMatches(header, from: lineStart) { return }
        let versionStart = lineStart + Self.versionPrefix.count
        if lineMatches(Self.versionPrefix, from: lineStart), (1...6).contains(lineEnd - versionStart),
            bytes[versionStart..<lineEnd].allSatisfy(Self.isDigit)
        {
            let version = text(versionStart..<lineEnd)
            throw error(
                at: lineStart + Self.versionPrefix.count,
                "is a map areas file of version \(version); this ssmap reads version 1")
        }
        throw error(at: lineStart, "is not an ssmap map areas file: its first line should be '\(AreaOutlines.header)'")
    }

    mutating func readComment() throws(LoadError) {
        guard lineMatches(Self.attributionPrefix, from: lineStart) else { return }
        var start = lineStart + Self.attributionPrefix.count
        while start < lineEnd && bytes[start] == 0x20 { start += 1 }
        guard start < lineEnd else { throw error(at: start, "the attribution is empty") }
        guard attribution == nil else { throw error(at: lineStart, "a second attribution line") }
        try checkPrintable(start..<lineEnd, in: "the attribution")
        attribution = text(start..<lineEnd)
    }

    // MARK: Areas

    /// `A <code>\t<layer>\t<name>`
    mutating func readArea() throws(LoadError) {
        try finishArea()
        try expectSpace(after: "A")
        guard attribution != nil else {
            throw error(
                at: lineStart, "no '# Attribution:' line before the first area: the outlines' licence asks for one")
        }
        let codeStart = lineStart + 2
        let codeEnd = try field(from: codeStart, named: "the code")
        guard Self.isGSSCode(UnsafeBufferPointer(rebasing: bytes[codeStart..<codeEnd])) else {
            throw error(
                at: codeStart, "\(quoted(codeStart..<codeEnd)) is not a GSS code (a capital letter and eight digits)")
        }
        let code = text(codeStart..<codeEnd)
        if let earlier = indexByCode[code] {
            throw error(at: codeStart, "\(code) is here a second time (first as \(areas[earlier].name))")
        }
        let layerStart = codeEnd + 1
        let layerEnd = try field(from: layerStart, named: "the layer")
        guard let layer = MapLayer(rawValue: text(layerStart..<layerEnd)) else {
            throw error(at: layerStart, "the layer should be district, county, region or country")
        }
        let nameStart = layerEnd + 1
        guard nameStart < lineEnd else { throw error(at: nameStart, "the area has no name") }
        try checkPrintable(nameStart..<lineEnd, in: "the name")
        current = PendingArea(code: code, name: text(nameStart..<lineEnd), layer: layer, line: line)
    }

    /// The end of a tab-ended field starting at `start`.
    func field(from start: Int, named name: String) throws(LoadError) -> Int {
        var index = start
        while index < lineEnd && bytes[index] != 0x09 { index += 1 }
        guard index < lineEnd else { throw error(at: index, "expected a tab after \(name)") }
        guard index > start else { throw error(at: start, "\(name) is missing") }
        return index
    }

    static func isGSSCode(_ code: UnsafeBufferPointer<UInt8>) -> Bool {
        guard code.count == 9, let first = code.first, (0x41...0x5A).contains(first) else { return false }
        return code.dropFirst().allSatisfy(isDigit)
    }

    /// Adds the area being read, which must have a ring.
    mutating func finishArea() throws(LoadError) {
        guard let area = current else { return }
        guard let bounds = area.bounds else {
            throw LoadError(file: file, line: area.line, column: 1, message: "area \(area.code) has no 'R' line after it")
        }
        indexByCode[area.code] = areas.count
        areas.append(MapArea(code: area.code, name: area.name, layer: area.layer, rings: area.rings, bounds: bounds))
        current = nil
    }

    // MARK: Rings

    /// `R <x0>,<y0> <dx>,<dy> ...`
    mutating func readRing() throws(LoadError) {
        try expectSpace(after: "R")
        guard var area = current else {
            throw error(at: lineStart, "a ring before any area: an 'A' line must come first")
        }
        current = nil  // so that the ring appended below is not copied
        var spaces = 0
        for index in lineStart + 2..<lineEnd where bytes[index] == 0x20 { spaces += 1 }
        var ring: [MapPoint] = []
        ring.reserveCapacity(spaces + 1)
        var index = lineStart + 2
        var x = 0
        var y = 0
        var bounds = MapBounds(minX: .max, minY: .max, maxX: .min, maxY: .min)
        while true {
            let xStart = index
            let dx = try number(&index)
            guard index < lineEnd, bytes[index] == UInt8(ascii: ",") else {
                throw unexpected(at: index, "expected ',' between a point's longitude and latitude")
            }
            index += 1
            let yStart = index
            let dy = try number(&index)
            // Both stay within the limits, so no sum can overflow.
            if ring.isEmpty {
                x = dx
                y = dy
            } else {
                x += dx
                y += dy
            }
            guard -Self.longitudeLimit <= x && x <= Self.longitudeLimit else {
                throw error(
                    at: xStart, "this takes the longitude to \(x), beyond ±\(Self.longitudeLimit) thousandths of a degree")
            }
            guard -Self.latitudeLimit <= y && y <= Self.latitudeLimit else {
                throw error(
                    at: yStart, "this takes the latitude to \(y), beyond ±\(Self.latitudeLimit) thousandths of a degree")
            }
            let point = MapPoint(x: Int32(truncatingIfNeeded: x), y: Int32(truncatingIfNeeded: y))
            ring.append(point)
            bounds.include(point)
            if index == lineEnd { break }
            guard bytes[index] == 0x20 else { throw unexpected(at: index, "expected a space before the next point") }
            index += 1
        }
        guard ring.count >= 3 else {
            throw error(at: lineStart, "a ring needs at least 3 points; this one has \(ring.count)")
        }
        area.rings.append(ring)
        area.bounds = area.bounds.map { $0.union(bounds) } ?? bounds
        current = area
    }

    /// An optionally negative whole number of at most `magnitudeLimit`, read from `index` on.
    func number(_ index: inout Int) throws(LoadError) -> Int {
        let start = index
        let negative = index < lineEnd && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < lineEnd, Self.isDigit(bytes[index]) else { throw unexpected(at: index, "expected a number") }
        var value = 0
        while index < lineEnd, Self.isDigit(bytes[index]) {
            // Stops growing once too large, so however many digits there are it cannot overflow.
            if value <= Self.magnitudeLimit { value = value * 10 + Int(bytes[index] &- 0x30) }
            index += 1
        }
        guard value <= Self.magnitudeLimit else {
            throw error(at: start, "the number is too large (at most \(Self.magnitudeLimit) thousandths of a degree)")
        }
        return negative ? -value : value
    }

    // A subtraction, not a range's `contains`, which a debug build calls as a generic.
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    // MARK: The end

    /// `E <count>`: the last line, so that a file cut short between lines is noticed.
    mutating func readEnd() throws(LoadError) -> AreaOutlines {
        try finishArea()
        try expectSpace(after: "E")
        var index = lineStart + 2
        guard index < lineEnd, Self.isDigit(bytes[index]) else {
            throw unexpected(at: index, "expected the count of areas")
        }
        let count = try number(&index)
        guard index == lineEnd else { throw unexpected(at: index, "expected only the count of areas") }
        guard !areas.isEmpty else { throw error(at: lineStart, "the file has no areas") }
        guard count == areas.count else {
            throw error(at: lineStart + 2, "the end line counts \(count) areas, but the file has \(areas.count)")
        }
        let after = lineEnd + lineBreakLength
        guard after == bytes.count else {
            throw LoadError(file: file, line: line + 1, column: 1, message: "text after the end line")
        }
        var bounds = areas[0].bounds
        for area in areas.dropFirst() { bounds = bounds.union(area.bounds) }
        // An area is added only after the attribution, and there is one.
        return AreaOutlines(areas: areas, attribution: attribution ?? "", bounds: bounds, indexByCode: indexByCode)
    }

    // MARK: Checks and errors

    func expectSpace(after letter: String) throws(LoadError) {
        guard lineStart + 1 < lineEnd, bytes[lineStart + 1] == 0x20 else {
            throw unexpected(at: lineStart + 1, "expected a space after '\(letter)'")
        }
    }

    /// Refuses a NUL (a binary file) or bytes that are not UTF-8 anywhere, before reading.
    func checkText() throws(LoadError) {
        let found = TextBytes.survey(bytes, range: textStart..<bytes.count)
        if let nul = found.firstNUL {
            throw place(nul, "contains binary data (a NUL byte); it is not a map areas file")
        }
        if let bad = found.firstInvalidUTF8 {
            throw place(bad, "is not UTF-8 text (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))")
        }
    }

    /// Refuses control characters in text that will be shown: names and the attribution.
    func checkPrintable(_ range: Range<Int>, in what: String) throws(LoadError) {
        var index = range.lowerBound
        for scalar in text(range).unicodeScalars {
            if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
                throw error(at: index, "a control character (\(Self.unicodeName(scalar.value))) in \(what)")
            }
            index += UTF8.width(scalar)
        }
    }

    /// An error about the byte at `offset`, which is on the current line.
    func error(at offset: Int, _ message: String) -> LoadError {
        var column = 1
        var index = lineStart
        while index < offset && index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return LoadError(file: file, line: line, column: column, message: message)
    }

    /// An error naming what was found at `offset` instead of what was expected.
    func unexpected(at offset: Int, _ expected: String) -> LoadError {
        let found: String
        if offset >= lineEnd {
            found = "the end of the line"
        } else {
            switch bytes[offset] {
            case 0x20: found = "a space"
            case 0x09: found = "a tab"
            case 0x21...0x7E: found = "'\(Character(Unicode.Scalar(bytes[offset])))'"
            case 0x80...:
                // The text is valid UTF-8 by now: name the character, unless it is invisible.
                let length = TextBytes.validSequenceLength(bytes, at: offset) ?? 1
                let character = text(offset..<min(offset + length, lineEnd))
                let value = character.unicodeScalars.first?.value ?? 0
                found = value < 0xA0 ? "a control character (\(Self.unicodeName(value)))" : "'\(character)'"
            default: found = "a control character (\(Self.unicodeName(UInt32(bytes[offset]))))"
            }
        }
        return error(at: offset, "\(expected), found \(found)")
    }

    /// `U+001B`.
    static func unicodeName(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// An error at any offset, its line counted from the start: for the checks made before reading.
    func place(_ offset: Int, _ message: String) -> LoadError {
        var lineNumber = 1
        var start = textStart
        for index in textStart..<offset where bytes[index] == 0x0A {
            lineNumber += 1
            start = index + 1
        }
        var positioned = self
        positioned.line = lineNumber
        positioned.lineStart = start
        return positioned.error(at: offset, message)
    }
}

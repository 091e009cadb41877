import Testing

@testable import SharedServices

/// The map's outlines: the shipped file of England's 2017 areas, and the reader's answer
/// to files that are broken or hostile.
@Suite("Area outlines")
struct AreaOutlinesTests {
    static let shippedFile = PackagePaths.sampleData + "/england-2017-areas.txt"
    static let file = "areas.txt"
    static let header = "# ssmap map areas, version 1\n# Attribution: Test data.\n"
    static let hartlepool = "A E06000001\tdistrict\tHartlepool\nR -1244,54722 69,-25 1,-5 -22,7\n"
    static let valid = header + hartlepool + "E 1\n"

    static func read(_ text: String) throws(LoadError) -> AreaOutlines {
        try AreaOutlines.read(bytes: Array(text.utf8), file: file)
    }

    static func failure(_ bytes: [UInt8]) -> LoadError? {
        do {
            _ = try AreaOutlines.read(bytes: bytes, file: file)
            return nil
        } catch {
            return error
        }
    }

    /// Whether `point` is inside `rings` when they are filled even-odd.
    static func inside(_ point: MapPoint, _ rings: [[MapPoint]]) -> Bool {
        var crossings = 0
        for ring in rings {
            for (index, from) in ring.enumerated() {
                let to = ring[(index + 1) % ring.count]
                guard (from.y > point.y) != (to.y > point.y) else { continue }
                let crossingX = Double(from.x) + Double(point.y - from.y) * Double(to.x - from.x) / Double(to.y - from.y)
                if Double(point.x) < crossingX { crossings += 1 }
            }
        }
        return crossings % 2 == 1
    }

    // MARK: The shipped file

    @Test func theShippedFileHasEnglandsCouncilsRegionsAndCountry() throws {
        let outlines = try AreaOutlines.read(path: Self.shippedFile)
        var counts: [MapLayer: Int] = [:]
        for area in outlines.areas { counts[area.layer, default: 0] += 1 }
        #expect(counts == [.district: 326, .county: 27, .region: 9, .country: 1])
        #expect(outlines.areas.count - 10 == 353)
        #expect(
            outlines.attribution
                == "Contains National Statistics data © Crown copyright and database right 2016. "
                + "Contains OS data © Crown copyright and database right 2016.")
        for area in outlines.areas {
            #expect(outlines.area(code: area.code).map { outlines.areas[$0].code } == area.code)
            #expect(!area.rings.isEmpty)
            for ring in area.rings {
                // Closed implicitly, and no point twice in a row.
                #expect(ring.count >= 3 && ring.first != ring.last, "\(area.code)")
                #expect(zip(ring, ring.dropFirst()).allSatisfy { $0 != $1 }, "\(area.code)")
            }
        }
    }

    @Test func everyCouncilInTheOrganisationsFileHasAnOutlineInItsLayer() throws {
        let loaded = try RegisterLoader.load(arrangements: PackagePaths.sampleData + "/arrangements.csv")
        let organisations = loaded.register.organisations
        let outlines = try AreaOutlines.read(path: Self.shippedFile)
        var councils = 0
        for index in 0..<organisations.count where organisations.sectors[index] == .council && organisations.listed[index] {
            councils += 1
            let code = organisations.gssCodes[index]
            guard let area = outlines.area(code: code) else {
                Issue.record("no outline for \(organisations.names[index]) (\(code))")
                continue
            }
            let layer: MapLayer = organisations.types[index] == "county" ? .county : .district
            #expect(outlines.areas[area].layer == layer, "\(code)")
        }
        #expect(councils == 353)
    }

    @Test func knownPlacesAreWhereTheyShouldBe() throws {
        let outlines = try AreaOutlines.read(path: Self.shippedFile)
        let area = { (code: String) throws -> MapArea in
            try #require(outlines.area(code: code).map { outlines.areas[$0] }, "\(code)")
        }
        let brent = try area("E09000005")
        let london = try area("E12000007")
        #expect(brent.name == "Brent" && brent.layer == .district)
        #expect(london.name == "London" && london.layer == .region)
        #expect(london.bounds.contains(brent.bounds))
        // Two districts under their names of June 2017, not the later ones the source gives.
        #expect(try area("E07000112").name == "Shepway")
        #expect(try area("E07000083").name == "Tewkesbury")

        let england = try area("E92000001")
        #expect(england.layer == .country)
        #expect((8_050...8_350).contains(england.bounds.width), "\(england.bounds.width)")
        #expect((5_800...6_000).contains(england.bounds.height), "\(england.bounds.height)")
        #expect(outlines.bounds == england.bounds)
        for other in outlines.areas { #expect(england.bounds.contains(other.bounds), "\(other.code)") }

        // Derbyshire has a hole where Derby is: filled even-odd, Derby is not in the county.
        let derby = try area("E06000015")
        let derbyshire = try area("E10000007")
        let derbyCentre = MapPoint(x: -1_468, y: 52_912)
        let chesterfield = MapPoint(x: -1_401, y: 53_256)
        #expect(derbyshire.rings.count == 2)
        #expect(Self.inside(derbyCentre, derby.rings))
        #expect(!Self.inside(derbyCentre, derbyshire.rings))
        #expect(Self.inside(chesterfield, derbyshire.rings))
        #expect(derbyshire.bounds.contains(derby.bounds))
    }

    // MARK: Well-formed files

    @Test func aSmallFileReadsPointByPoint() throws {
        let outlines = try Self.read(Self.valid)
        #expect(outlines.attribution == "Test data.")
        #expect(outlines.areas.count == 1)
        let area = outlines.areas[0]
        #expect(area.code == "E06000001" && area.name == "Hartlepool" && area.layer == .district)
        #expect(
            area.rings == [[
                MapPoint(x: -1244, y: 54722), MapPoint(x: -1175, y: 54697), MapPoint(x: -1174, y: 54692),
                MapPoint(x: -1196, y: 54699),
            ]])
        #expect(area.bounds == MapBounds(minX: -1244, minY: 54692, maxX: -1174, maxY: 54722))
        #expect(outlines.bounds == area.bounds)
        #expect(outlines.area(code: "E06000001") == 0)
        #expect(outlines.area(code: "E06000002") == nil)
        #expect(area.rings[0][0].longitude == -1.244 && area.rings[0][0].latitude == 54.722)
    }

    @Test func commentsBlankLinesCRLFAndAByteOrderMarkAreAccepted() throws {
        let text = "\u{FEFF}" + Self.header + "\n# a note\r\n" + Self.hartlepool.replacingOccurrences("\n", "\r\n") + "E 1\r\n"
        let outlines = try Self.read(text)
        #expect(outlines.areas.map(\.name) == ["Hartlepool"])
        #expect(outlines.areas[0].rings[0].count == 4)
    }

    @Test func namesMayBeAnyPrintableText() throws {
        let text = Self.header + "A W06000001\tdistrict\tYnys Môn – Anglesey\nR 0,0 1,0 0,1\nE 1\n"
        #expect(try Self.read(text).areas[0].name == "Ynys Môn – Anglesey")
    }

    // MARK: Broken and hostile files

    /// Each case: the text, then the line and column the error should name, and words from its message.
    static let broken: [(name: String, bytes: [UInt8], line: Int, column: Int, says: String)] = [
        ("empty file", [], 1, 1, "is empty"),
        ("header only", Array("# ssmap map areas, version 1\n".utf8), 2, 1, "cut short"),
        ("header and attribution only", Array(header.utf8), 3, 1, "cut short"),
        ("another format", Array("id,name\n".utf8), 1, 1, "not an ssmap map areas file"),
        ("a later version", Array("# ssmap map areas, version 2\n".utf8), 1, 28, "version 2"),
        ("not a version", Array("# ssmap map areas, version 1.5\n".utf8), 1, 1, "not an ssmap map areas file"),
        ("ring before area", Array((header + "R 0,0 1,0 0,1\nE 0\n").utf8), 3, 1, "before any area"),
        ("no attribution", Array(("# ssmap map areas, version 1\n" + hartlepool + "E 1\n").utf8), 2, 1, "Attribution"),
        ("letter in a number", Array((header + "A E06000001\tdistrict\tX\nR 0,0 1x,0 0,1\nE 1\n").utf8), 4, 8, "found 'x'"),
        ("not a number", Array((header + "A E06000001\tdistrict\tX\nR 0,0 a,0 0,1\nE 1\n").utf8), 4, 7, "expected a number"),
        ("lone minus", Array((header + "A E06000001\tdistrict\tX\nR 0,0 -,0 0,1\nE 1\n").utf8), 4, 8, "expected a number"),
        (
            "huge number", Array((header + "A E06000001\tdistrict\tX\nR 0,0 99999999999999999999999999,0 0,1\nE 1\n").utf8),
            4, 7, "too large"
        ),
        (
            "longitude off the globe", Array((header + "A E06000001\tdistrict\tX\nR 179000,0 2000,0 0,1\nE 1\n").utf8), 4, 12,
            "longitude"
        ),
        ("latitude off the globe", Array((header + "A E06000001\tdistrict\tX\nR 0,90001 1,0 0,1\nE 1\n").utf8), 4, 5, "latitude"),
        ("missing comma", Array((header + "A E06000001\tdistrict\tX\nR 0,0 10 0 0,10\nE 1\n").utf8), 4, 9, "expected ','"),
        ("two spaces", Array((header + "A E06000001\tdistrict\tX\nR 0,0  1,0 0,1\nE 1\n").utf8), 4, 7, "found a space"),
        ("trailing space", Array((header + "A E06000001\tdistrict\tX\nR 0,0 1,0 0,1 \nE 1\n").utf8), 4, 15, "end of the line"),
        ("two-point ring", Array((header + "A E06000001\tdistrict\tX\nR 0,0 1,0\nE 1\n").utf8), 4, 1, "at least 3 points"),
        ("truncated last line", Array((header + "A E06000001\tdistrict\tX\nR 0,0 10,0 0,").utf8), 4, 14, "cut short"),
        ("truncated end line", Array(valid.utf8.dropLast()), 5, 4, "cut short"),
        ("no end line", Array((header + hartlepool).utf8), 5, 1, "cut short"),
        ("wrong count", Array((header + hartlepool + "E 2\n").utf8), 5, 3, "counts 2 areas"),
        ("negative count", Array((header + hartlepool + "E -1\n").utf8), 5, 3, "expected the count"),
        ("text after the end", Array((valid + "# more\n").utf8), 6, 1, "after the end line"),
        ("area without rings", Array((header + "A E06000001\tdistrict\tX\nA E06000002\tdistrict\tY\nR 0,0 1,0 0,1\nE 2\n").utf8), 3, 1, "no 'R' line"),
        ("last area without rings", Array((header + hartlepool + "A E06000002\tdistrict\tY\nE 2\n").utf8), 5, 1, "no 'R' line"),
        ("no areas", Array((header + "E 0\n").utf8), 3, 1, "no areas"),
        ("bad code", Array((header + "A Hartlepool\tdistrict\tX\nR 0,0 1,0 0,1\nE 1\n").utf8), 3, 3, "not a GSS code"),
        (
            "long bad code", Array((header + "A " + String(repeating: "E0", count: 40) + "\tdistrict\tX\nR 0,0 1,0 0,1\nE 1\n").utf8),
            3, 3, "'E0E0E0E0E0E0E0E0E0E0…' is not"
        ),
        ("bad layer", Array((header + "A E06000001\tward\tX\nR 0,0 1,0 0,1\nE 1\n").utf8), 3, 13, "layer"),
        ("no name", Array((header + "A E06000001\tdistrict\t\nR 0,0 1,0 0,1\nE 1\n").utf8), 3, 22, "no name"),
        ("no tab", Array((header + "A E06000001 district X\nR 0,0 1,0 0,1\nE 1\n").utf8), 3, 23, "expected a tab"),
        ("duplicate code", Array((header + hartlepool + hartlepool + "E 2\n").utf8), 5, 3, "second time"),
        ("unknown line", Array((header + "Z\n").utf8), 3, 1, "expected a line starting"),
        ("control character in a name", Array((header + "A E06000001\tdistrict\tYnys Môn\u{1B}[2J\nR 0,0 1,0 0,1\nE 1\n").utf8), 3, 30, "control character"),
        ("NUL byte", Array(header.utf8) + [0x41, 0x20, 0x00, 0xFF, 0x0A], 3, 3, "binary"),
        ("invalid UTF-8", Array(header.utf8) + Array("A E06000001\tdistrict\tM".utf8) + [0xF4, 0x0A], 3, 23, "UTF-8"),
        ("C1 control in a ring", Array((header + "A E06000001\tdistrict\tX\nR 0,0 1,0 0,\u{85}1\nE 1\n").utf8), 4, 13, "U+0085"),
        ("non-ASCII in a ring", Array((header + "A E06000001\tdistrict\tX\nR 0,0 1,0 0,−1\nE 1\n").utf8), 4, 13, "found '−'"),
    ]

    @Test(arguments: broken.indices)
    func eachBrokenFileGetsOneErrorAtItsPlace(_ index: Int) {
        let (name, bytes, line, column, says) = Self.broken[index]
        guard let error = Self.failure(bytes) else {
            Issue.record("\(name): read without an error")
            return
        }
        #expect(error.file == Self.file, "\(name)")
        #expect(error.line == line, "\(name): \(error)")
        #expect(error.column == column, "\(name): \(error)")
        #expect(error.message.contains(says), "\(name): \(error)")
    }

    @Test func everyProperPrefixOfAFileIsRefused() {
        let bytes = Array(Self.valid.utf8)
        for length in 0..<bytes.count {
            let error = Self.failure(Array(bytes[..<length]))
            #expect(error != nil, "a file cut to \(length) bytes was read")
            #expect((error?.line ?? 0) >= 1 && (error?.column ?? 0) >= 1)
        }
    }

    @Test func changedBytesNeverCrashTheReader() {
        // Every byte of a small file replaced by each of a set of troublesome ones: the
        // reader either reads it or says where it is wrong.
        let bytes = Array((Self.header + Self.hartlepool + "A E10000007\tcounty\tDerbyshire\nR 0,0 5,0 0,5\nR 1,1 1,0 0,1\nE 2\n").utf8)
        let replacements: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x20, 0x2C, 0x2D, 0x30, 0x39, 0x41, 0x45, 0x52, 0x23, 0x7F, 0x80, 0xC3, 0xFF]
        for offset in bytes.indices {
            for replacement in replacements where bytes[offset] != replacement {
                var changed = bytes
                changed[offset] = replacement
                if let error = Self.failure(changed) {
                    #expect(error.line != nil && error.column != nil, "\(offset) \(replacement): \(error)")
                }
            }
        }
    }

    @Test func aMissingFileIsOneError() {
        #expect(throws: LoadError.self) { try AreaOutlines.read(path: "/nonexistent/areas.txt") }
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

import Foundation
import Testing

@testable import SharedServices

/// The councils each fire and rescue service and police force covers: the `covers` column of
/// the organisations file, as the sample (and bundled list) gives it for June 2017, and as
/// the reader takes it from any organisations file.
@Suite("Coverage of councils by fire and rescue services and police forces")
struct CoverageTests {
    /// The types of council that are district-level areas: every part of England is in
    /// exactly one of them. Counties ("county") are covered through their districts.
    static let districtLevelTypes: Set<String> = [
        "district", "unitary", "metropolitan", "london-borough", "city-corporation",
    ]

    /// sample-data/organisations.csv, read as an organisations file is.
    static func sample() throws -> (organisations: OrganisationTable, diagnostics: [Diagnostic]) {
        try read(FileBytes.read(PackagePaths.sampleData + "/organisations.csv"), file: "organisations.csv")
    }

    static func read(_ text: String, file: String = "organisations.csv") throws -> (
        organisations: OrganisationTable, diagnostics: [Diagnostic]
    ) {
        try read(Array(text.utf8), file: file)
    }

    static func read(_ bytes: [UInt8], file: String) throws -> (organisations: OrganisationTable, diagnostics: [Diagnostic]) {
        var builder = RegisterBuilder()
        var diagnostics: [Diagnostic] = []
        try OrganisationsReader.read(bytes: bytes, file: file, into: &builder, diagnostics: &diagnostics)
        return (builder.organisations, diagnostics)
    }

    static func id(_ name: String, in organisations: OrganisationTable) throws -> Int32 {
        let index = try #require(organisations.names.firstIndex(of: name), "\(name) is not listed")
        return Int32(index)
    }

    static func code(_ code: String, in organisations: OrganisationTable) throws -> Int32 {
        try #require(organisations.council(withGSSCode: code), "no council has the code \(code)")
    }

    /// The listed bodies of one sector.
    static func bodies(_ sector: Sector, in organisations: OrganisationTable) -> [Int32] {
        (0..<organisations.count).filter { organisations.listed[$0] && organisations.sectors[$0] == sector }
            .map { Int32($0) }
    }

    static func districtLevelCouncils(in organisations: OrganisationTable) -> [Int32] {
        bodies(.council, in: organisations).filter { districtLevelTypes.contains(organisations.types[Int($0)]) }
    }

    /// The codes a body covers, as a set.
    static func codes(coveredBy name: String, in organisations: OrganisationTable) throws -> Set<String> {
        let body = try id(name, in: organisations)
        return Set(organisations.councils(coveredBy: body).map { organisations.gssCodes[Int($0)] })
    }

    // MARK: The sample's organisations file

    @Test func theSampleReadsCleanlyWithACoversColumn() throws {
        let (organisations, diagnostics) = try Self.sample()
        #expect(diagnostics.isEmpty, "\(diagnostics.prefix(5))")
        #expect(organisations.extraColumnNames == ["county", "covers"])
        #expect(organisations.coversColumn == 1)
        #expect(Self.districtLevelCouncils(in: organisations).count == 326)
        #expect(Self.bodies(.police, in: organisations).count == 39)
        #expect(Self.bodies(.fire, in: organisations).count == 45)
    }

    @Test func everyDistrictLevelCouncilIsCoveredByExactlyOnePoliceForce() throws {
        let organisations = try Self.sample().organisations
        let police = Set(Self.bodies(.police, in: organisations))
        var problems: [String] = []
        for council in Self.districtLevelCouncils(in: organisations) {
            let forces = organisations.organisations(covering: council).filter(police.contains)
            if forces.count != 1 {
                problems.append(
                    "\(organisations.names[Int(council)]): \(forces.map { organisations.names[Int($0)] })")
            }
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    /// Not required of the data, but true of England in 2017: each district-level area had
    /// one fire and rescue authority.
    @Test func everyDistrictLevelCouncilIsCoveredByExactlyOneFireService() throws {
        let organisations = try Self.sample().organisations
        let fire = Set(Self.bodies(.fire, in: organisations))
        var problems: [String] = []
        for council in Self.districtLevelCouncils(in: organisations) {
            let services = organisations.organisations(covering: council).filter(fire.contains)
            if services.count != 1 {
                problems.append(
                    "\(organisations.names[Int(council)]): \(services.map { organisations.names[Int($0)] })")
            }
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func everyFireServiceAndPoliceForceCoversAtLeastOneDistrictLevelCouncilAndNothingElse() throws {
        let organisations = try Self.sample().organisations
        let districtLevel = Set(Self.districtLevelCouncils(in: organisations))
        for body in Self.bodies(.fire, in: organisations) + Self.bodies(.police, in: organisations) {
            let covered = organisations.councils(coveredBy: body)
            #expect(!covered.isEmpty, "\(organisations.names[Int(body)]) covers nothing")
            #expect(
                covered.allSatisfy(districtLevel.contains),
                "\(organisations.names[Int(body)]) covers a council that is not district-level")
            #expect(Set(covered).count == covered.count)
        }
        // Only fire services and police forces cover anything.
        for index in 0..<organisations.count where ![.fire, .police].contains(organisations.sectors[index]) {
            #expect(organisations.covers[index].isEmpty, "\(organisations.names[index])")
        }
    }

    /// A county council is covered through its districts: all of a county's districts
    /// (named in the file's county column) have one police force and one fire service.
    @Test func eachCountysDistrictsShareOnePoliceForceAndOneFireService() throws {
        let organisations = try Self.sample().organisations
        let countyColumn = try #require(organisations.extraColumnNames.firstIndex(of: "county"))
        var districtsOfCounty: [String: [Int32]] = [:]
        for council in Self.bodies(.council, in: organisations) where organisations.types[Int(council)] == "district" {
            districtsOfCounty[organisations.extraValues[Int(council)][countyColumn], default: []].append(council)
        }
        #expect(districtsOfCounty.count == 27)
        for sector in [Sector.police, .fire] {
            let bodies = Set(Self.bodies(sector, in: organisations))
            for (county, districts) in districtsOfCounty {
                let serving = Set(districts.flatMap { organisations.organisations(covering: $0).filter(bodies.contains) })
                #expect(serving.count == 1, "\(county): \(serving.map { organisations.names[Int($0)] })")
            }
        }
    }

    @Test func devonAndSomersetFireCoversDevonSomersetPlymouthAndTorbay() throws {
        let organisations = try Self.sample().organisations
        let covered = try Self.codes(coveredBy: "Devon and Somerset Fire and Rescue Service", in: organisations)
        #expect(covered.contains("E06000026"))  // Plymouth
        #expect(covered.contains("E06000027"))  // Torbay
        let countyColumn = try #require(organisations.extraColumnNames.firstIndex(of: "county"))
        let devonAndSomersetDistricts = Self.bodies(.council, in: organisations).filter {
            ["Devon County Council", "Somerset County Council"].contains(organisations.extraValues[Int($0)][countyColumn])
        }
        #expect(devonAndSomersetDistricts.count == 13)
        #expect(covered == Set(devonAndSomersetDistricts.map { organisations.gssCodes[Int($0)] } + ["E06000026", "E06000027"]))
    }

    @Test func londonIsTheMetExceptTheCityWhichHasItsOwnPoliceAndOneFireBrigade() throws {
        let organisations = try Self.sample().organisations
        let city = "E09000001"
        let met = try Self.codes(coveredBy: "Metropolitan Police Service", in: organisations)
        #expect(!met.contains(city))
        #expect(met.count == 32)
        #expect(met.allSatisfy { $0.hasPrefix("E09") })
        #expect(try Self.codes(coveredBy: "City of London Police", in: organisations) == [city])
        let brigade = try Self.codes(coveredBy: "London Fire Brigade", in: organisations)
        #expect(brigade == met.union([city]))
        let cityCouncil = try Self.code(city, in: organisations)
        #expect(
            organisations.organisations(covering: cityCouncil).map { organisations.names[Int($0)] }
                == ["London Fire Brigade", "City of London Police"])
    }

    @Test(arguments: [
        // Police force areas of 2017.
        ("Thames Valley Police", "E06000042", true),  // Milton Keynes
        ("Thames Valley Police", "E06000038", true),  // Reading
        ("Thames Valley Police", "E07000004", true),  // Aylesbury Vale
        ("Thames Valley Police", "E07000178", true),  // Oxford
        ("Avon and Somerset Constabulary", "E06000023", true),  // Bristol
        ("Avon and Somerset Constabulary", "E07000190", true),  // Taunton Deane
        ("Devon and Cornwall Police", "E06000053", true),  // Isles of Scilly
        ("Hampshire Constabulary", "E06000046", true),  // Isle of Wight
        ("Northumbria Police", "E06000057", true),  // Northumberland
        ("Durham Constabulary", "E06000005", true),  // Darlington
        ("Cleveland Police", "E06000005", false),
        ("West Mercia Police", "E06000020", true),  // Telford and Wrekin
        ("Humberside Police", "E06000013", true),  // North Lincolnshire
        ("Lincolnshire Police", "E06000013", false),
        ("Suffolk Constabulary", "E07000201", true),  // Forest Heath, a Suffolk district
        ("Surrey Police", "E07000201", false),
        ("Wiltshire Police", "E06000030", true),  // Swindon
        // Fire and rescue authorities of 2017.
        ("Hampshire Fire and Rescue Service", "E06000046", false),  // the Isle of Wight had its own
        ("Isle of Wight Fire and Rescue Service", "E06000046", true),
        ("Hampshire Fire and Rescue Service", "E06000044", true),  // Portsmouth
        ("Dorset and Wiltshire Fire and Rescue Service", "E06000030", true),  // Swindon
        ("Dorset and Wiltshire Fire and Rescue Service", "E06000028", true),  // Bournemouth
        ("Buckinghamshire Fire and Rescue Service", "E06000042", true),  // Milton Keynes
        ("East Sussex Fire and Rescue Service", "E06000043", true),  // Brighton and Hove
        ("Shropshire Fire and Rescue Service", "E06000020", true),  // Telford and Wrekin
        ("Hereford and Worcester Fire and Rescue Service", "E06000019", true),  // Herefordshire
        ("Cornwall Fire and Rescue Service", "E06000053", false),
        ("Isles of Scilly Fire and Rescue Service", "E06000053", true),
        ("Avon Fire and Rescue Service", "E06000025", true),  // South Gloucestershire
        ("Devon and Somerset Fire and Rescue Service", "E06000022", false),  // Bath and NE Somerset is Avon's
    ])
    func spotFacts(body: String, code: String, covered: Bool) throws {
        let organisations = try Self.sample().organisations
        #expect(try Self.codes(coveredBy: body, in: organisations).contains(code) == covered)
    }

    @Test func theBundledListCoversTheSameAsTheSampleFile() throws {
        var diagnostics: [Diagnostic] = []
        let bundled = try BundledOrganisations.builder(diagnostics: &diagnostics).organisations
        #expect(diagnostics.isEmpty)
        let sample = try Self.sample().organisations
        #expect(bundled.covers == sample.covers)
        #expect(bundled.covers.filter { !$0.isEmpty }.count == 84)
    }

    @Test func aRegisterKeepsTheCoverageThroughLoading() throws {
        let loaded = try RegisterLoader.load(
            arrangementBytes: Array("id,name,service,partners\nA1,Legal,Legal,Kent Police; Kent Fire; Zeta Police\n".utf8),
            file: "mine.csv")
        let organisations = loaded.register.organisations
        let kentPolice = try Self.id("Kent Police", in: organisations)
        #expect(organisations.councils(coveredBy: kentPolice).count == 13)  // 12 Kent districts and Medway
        // A partner the list does not hold covers nothing.
        let zeta = try Self.id("Zeta Police", in: organisations)
        #expect(organisations.councils(coveredBy: zeta).isEmpty)
        #expect(organisations.covers.count == organisations.count)
    }

    // MARK: Reading any organisations file

    @Test func aFileWithoutTheColumnCoversNothingAndSaysNothing() throws {
        let (organisations, diagnostics) = try Self.read(
            "name,sector,gss_code\nAlpha Council,council,E06000001\nAlpha Police,police,\n")
        #expect(diagnostics.isEmpty)
        #expect(organisations.coversColumn == nil)
        #expect(organisations.covers == [[], []])
        #expect(organisations.council(withGSSCode: "E06000001") == 0)
        #expect(organisations.organisations(covering: 0).isEmpty)
    }

    @Test func codesResolveWhereverTheCouncilIsListedInWhateverCaseAndSeparator() throws {
        let (organisations, diagnostics) = try Self.read(
            """
            name,sector,gss_code,Covers
            Alpha Police,police,,"e06000002, E06000001;E06000002  E06000003"
            Alpha Council,council,E06000001,
            Beta Council,council,E06000002,
            Gamma Council,council, e06000003 ,

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        // Councils listed below the body are taken in the order they are listed.
        #expect(organisations.covers[0] == [1, 2, 3])
        #expect(organisations.organisations(covering: 1) == [0])
        #expect(organisations.council(withGSSCode: " E06000003") == 3)
    }

    @Test func councilsListedAboveAreTakenInTheOrderWritten() throws {
        let (organisations, diagnostics) = try Self.read(
            """
            name,sector,gss_code,covers
            Alpha Council,council,E06000001,
            Beta Council,council,E06000002,
            Alpha Police,police,,E06000002; E06000001; E06000003; E06000002
            Gamma Council,council,E06000003,

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(organisations.covers[2] == [1, 0, 3])
    }

    /// Bodies listed before many councils they cover: each code is matched once, not the
    /// whole cell again for every council that turns up.
    @Test func manyBodiesAboveManyCouncilsAreReadInLinearTime() throws {
        let councilCount = 600
        let codes = (0..<councilCount).map { "E0\(7_000_000 + $0)" }
        var text = "name,sector,gss_code,covers\n"
        for body in 0..<councilCount { text += "Body \(body) Police,police,,\"\(codes.joined(separator: "; "))\"\n" }
        for (number, code) in codes.enumerated() { text += "Council \(number),council,\(code),\n" }
        let clock = ContinuousClock()
        var result: (organisations: OrganisationTable, diagnostics: [Diagnostic])?
        let elapsed = try clock.measure { result = try Self.read(text) }
        let (organisations, diagnostics) = try #require(result)
        #expect(diagnostics.isEmpty)
        #expect(organisations.covers[0].count == councilCount)
        #expect(organisations.covers[councilCount - 1].last == Int32(2 * councilCount - 1))
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }

    @Test func anUnknownCodeIsAWarningAtItsCellNotACrash() throws {
        let (organisations, diagnostics) = try Self.read(
            """
            name,sector,gss_code,covers,county
            Alpha Police,police,,E06000001; E99999999,
            Alpha Council,council,E06000001,,
            Beta Fire,fire,,E06000001,

            """)
        #expect(
            diagnostics.map(\.description) == [
                "organisations.csv:2:22: covers \"E99999999\" is not the GSS code of a council in organisations.csv; "
                    + "left out of the councils covered"
            ])
        let warning = try #require(diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.line == 2)
        #expect(warning.column == 22)
        #expect(warning.field == "covers")
        // Kept, with the codes that are known.
        #expect(organisations.covers == [[1], [], [1]])
        #expect(organisations.organisations(covering: 1) == [0, 2])
    }

    @Test func aCodeOfSomethingOtherThanACouncilIsUnknownToo() throws {
        let (organisations, diagnostics) = try Self.read(
            """
            name,sector,gss_code,covers
            Alpha CCG,health,E38000001,
            Alpha Police,police,,E38000001

            """)
        #expect(diagnostics.map(\.line) == [3])
        #expect(diagnostics.first?.message.contains("\"E38000001\" is not the GSS code of a council") == true)
        #expect(organisations.covers[1].isEmpty)
    }

    @Test func manyUnknownCodesMakeOneWarningNamingAFew() throws {
        let codes = (0..<10_000).map { "X\($0)" }.joined(separator: "; ")
        let (organisations, diagnostics) = try Self.read(
            "name,sector,gss_code,covers\nAlpha Council,council,E06000001,\nAlpha Police,police,,\"\(codes); E06000001\"\n")
        #expect(diagnostics.count == 1)
        #expect(
            diagnostics.first?.message
                == "covers \"X0\", \"X1\", \"X2\" and 9997 more are not GSS codes of councils in organisations.csv; "
                + "left out of the councils covered")
        #expect(diagnostics.first?.line == 3)
        #expect(organisations.covers[1] == [0])
    }

    @Test func hostileCellsAreReadSafely() throws {
        let (organisations, diagnostics) = try Self.read(
            "name,sector,gss_code,covers\nAlpha Council,council,E06000001,\n"
                + "Alpha Police,police,,\";;; ,, \"\n"
                + "Beta Police,police,,\"\u{1B}[31mE06000001\"\n"
                + "Gamma Police,police,,\"\(String(repeating: "E", count: 100_000))\"\n"
                + "Delta Police,police,,\"E06000001\nE06000001\"\n")
        // Separators alone list nothing; an escape code is a control-character warning and an
        // unknown code, shown as a symbol; a huge code is shortened; a line break separates.
        #expect(organisations.covers == [[], [], [], [], [0]])
        let messages = diagnostics.map(\.description)
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.allSatisfy { !$0.contains("\u{1B}") })
        #expect(messages.contains { $0.hasPrefix("organisations.csv:4:") && $0.contains("\"␛[31mE06000001\"") })
        #expect(messages.contains { $0.hasPrefix("organisations.csv:5:22: covers \"EEEE") && $0.count < 200 })
        // In line order.
        #expect(diagnostics.map(\.line) == diagnostics.map(\.line).sorted { ($0 ?? .max) < ($1 ?? .max) })
    }

    @Test func aSecondCoversColumnIsNamedAndTheFirstUsed() throws {
        let (organisations, diagnostics) = try Self.read(
            "name,sector,gss_code,covers,Coverage\nAlpha Council,council,E06000001,,\nAlpha Police,police,,E06000001,X\n")
        #expect(
            diagnostics.map(\.description) == [
                "organisations.csv:1: columns 4 (\"covers\") and 5 (\"Coverage\") both give the councils covered; "
                    + "the first is used"
            ])
        #expect(organisations.covers == [[], [0]])
        #expect(organisations.extraColumnNames == ["covers", "Coverage"])
    }

    @Test func aJSONFileMayGiveCoversAsAnArray() throws {
        let (organisations, diagnostics) = try Self.read(
            """
            [
              {"name": "Alpha Council", "sector": "council", "gss_code": "E06000001"},
              {"name": "Beta Council", "sector": "council", "gss_code": "E06000002"},
              {"name": "Alpha Police", "sector": "police", "covers": ["E06000001", "E06000002", "E0600000Z"]}
            ]
            """, file: "lists/organisations.json")
        #expect(organisations.covers == [[], [], [0, 1]])
        #expect(diagnostics.count == 1)
        let warning = try #require(diagnostics.first)
        #expect(warning.line == 4)
        #expect(warning.column == nil)
        #expect(warning.file == "lists/organisations.json")
        #expect(warning.message.contains("\"E0600000Z\" is not the GSS code of a council in organisations.json"))
    }

    @Test func aRowLeftOutCoversNothingAndIsNotChecked() throws {
        let (organisations, diagnostics) = try Self.read(
            "name,sector,gss_code,covers\nAlpha Council,council,E06000001,\n,police,,E99999999\n")
        #expect(organisations.count == 1)
        #expect(diagnostics.map(\.severity) == [.error])
    }
}

import Foundation
import Testing

@testable import SharedServices

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loading registers from small texts: headers, rows, cells, partners, and files on disk.
@Suite("Register loading")
struct LoaderTests {
    static let file = "arrangements.csv"
    static let organisationsFile = "organisations.csv"

    static let header = "id,name,service_area,service,partners,lead,region,start_year,status,savings_to_date,"
        + "savings_latest_year,description,provenance,source"

    static let organisations = """
        name,sector,type,region
        London Borough of Brent,council,london-borough,London
        London Borough of Harrow,council,london-borough,London
        Royal Borough of Kensington and Chelsea,council,london-borough,London
        Adur District Council,council,district,South East
        Worthing Borough Council,council,district,South East
        Avon and Somerset Constabulary,police,police-force,South West
        NHS Herefordshire CCG,health,ccg,West Midlands
        Herefordshire Council,council,unitary,West Midlands

        """

    static func load(
        _ text: String, file: String = file, organisations: String? = nil
    ) throws(LoadError) -> LoadedRegister {
        try RegisterLoader.load(
            arrangementBytes: Array(text.utf8), file: file,
            organisationBytes: organisations.map { Array($0.utf8) },
            organisationsFile: organisations == nil ? nil : organisationsFile)
    }

    static func loadWithOrganisations(_ text: String, file: String = file) throws(LoadError) -> LoadedRegister {
        try load(text, file: file, organisations: organisations)
    }

    static func failure(_ text: String, organisations: String? = nil) -> LoadError? {
        do {
            _ = try load(text, organisations: organisations)
            return nil
        } catch {
            return error
        }
    }

    static func partnerNames(_ register: Register, _ row: Int) -> [String] {
        register.partners(row).map { register.organisations.names[Int($0)] }
    }

    static func warnings(_ loaded: LoadedRegister) -> [Diagnostic] {
        loaded.diagnostics.filter { $0.severity == .warning }
    }

    static func errors(_ loaded: LoadedRegister) -> [Diagnostic] {
        loaded.diagnostics.filter { $0.severity == .error }
    }

    // MARK: Lines and order

    @Test func linesOfOnlySpacesAndTabsAreSkippedLikeBlankLines() throws {
        let text = "\n  \n" + Self.header + "\n \t \n"
            + "A1,Shared legal,Back office,Legal,Adur District Council; Worthing Borough Council,,,,,,,,,\n"
            + "   \n\n"
            + "A2,Shared audit,Back office,Audit,Adur District Council; Worthing Borough Council,,,,,,,,,\n  "
        let loaded = try Self.loadWithOrganisations(text)
        #expect(loaded.register.count == 2)
        #expect(Self.errors(loaded).isEmpty)
        #expect(loaded.register.line(0) == 5)
        #expect(loaded.register.line(1) == 8)
    }

    /// Excel saves a row it once formatted, or whose cells were cleared, as a line of commas.
    @Test func rowsOfOnlyEmptyCellsAreSkippedLikeBlankLines() throws {
        let empty = String(repeating: ",", count: 13)
        let lines = [
            Self.header,
            "A1,Shared legal,Back office,Legal,Adur District Council; Worthing Borough Council,,,,,,,,,",
            empty,
            " , ,\t,\u{A0},,,,,,,,,,",  // spaces, a tab and a no-break space
            ",,,",  // fewer cells than the header, but nothing in them
            "A2,Shared audit,Back office,Audit,Adur District Council; Worthing Borough Council,,,,,,,,,",
            empty,
            empty,
        ]
        let loaded = try Self.loadWithOrganisations("\u{FEFF}" + lines.joined(separator: "\r\n"))
        #expect(loaded.register.count == 2)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.register.line(0) == 2)
        #expect(loaded.register.line(1) == 6)
        // A row with something in it but no id is still reported.
        let withName = try Self.loadWithOrganisations(lines.joined(separator: "\n") + "\n,Shared HR" + String(repeating: ",", count: 12))
        #expect(withName.diagnostics.map(\.message) == ["row has no id; row left out"])
        #expect(withName.diagnostics.first?.line == 9)
    }

    @Test func organisationsRowsOfOnlyEmptyCellsAreSkipped() throws {
        // Lines 10 and 11 are empty rows; line 12 has a sector but no name.
        let organisations = Self.organisations + ",,,\n , ,,\n,council,,\n"
        let loaded = try Self.load(
            Self.header + "\nA1,Shared legal,Back office,Legal,Adur District Council; Worthing Borough Council,,,,,,,,,\n",
            organisations: organisations)
        #expect(loaded.diagnostics.map(\.message) == ["row has no name; left out"], "\(loaded.diagnostics)")
        #expect(loaded.diagnostics.first?.line == 12)
    }

    @Test func diagnosticsReadTopToBottomWithWholeFileOnesLast() throws {
        // Every row is left out, so the file as a whole has no arrangements: said last.
        let text = Self.header + "\n"
            + "A1,Shared \"legal\",Back office\n"
            + "A2,Shared audit,Back office,Audit,Adur District Council; Worthing Borough Council,,,1850,,,,,,,\n"
            + ",Shared \"HR\",Back office,HR,Adur District Council; Worthing Borough Council,,,,,,,,,\n"
        let loaded = try Self.load(text)
        let lines = loaded.diagnostics.map(\.line)
        #expect(lines == [2, 2, 3, 4, 4, nil], "\(loaded.diagnostics)")
        #expect(loaded.diagnostics.last?.message == "has a header but no arrangements")
    }

    // MARK: Headers

    @Test func registerHeaderLoadsEveryField() throws {
        let loaded = try Self.loadWithOrganisations(
            Self.header + "\n"
                + "R1,HR Hub,Back office,HR,Adur District Council; Worthing Borough Council,Adur District Council,"
                + "South East,2008,operational,\"£1,250,000\",200000,Shared HR.,reported,Adur 2017\n")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let register = loaded.register
        #expect(register.count == 1)
        #expect(register.id(0) == "R1")
        #expect(register.name(0) == "HR Hub")
        #expect(register.serviceArea(0) == "Back office")
        #expect(register.service(0) == "HR")
        #expect(Self.partnerNames(register, 0) == ["Adur District Council", "Worthing Borough Council"])
        #expect(register.lead(0).map { register.organisations.names[Int($0)] } == "Adur District Council")
        #expect(register.region(0) == "South East")
        #expect(register.startYear(0) == 2008)
        #expect(register.status(0) == .operational)
        #expect(register.savingsToDate(0) == 1_250_000)
        #expect(register.savingsLatestYear(0) == 200_000)
        #expect(register.description(0) == "Shared HR.")
        #expect(register.provenance(0) == .reported)
        #expect(register.source(0) == "Adur 2017")
        #expect(register.line(0) == 2)
        #expect(register.extraColumnNames.isEmpty)
    }

    @Test func lgaSpreadsheetHeaderAliases() throws {
        let text = """
            Ref,Name of shared service,Councils involved,Service area,Savings to date (£),Annual savings
            A1,Shared HR,Adur; Worthing,Back office,"£1,000",500

            """
        let loaded = try Self.loadWithOrganisations(text)
        #expect(Self.errors(loaded).isEmpty)
        let register = loaded.register
        #expect(register.count == 1)
        #expect(register.id(0) == "A1")
        #expect(register.name(0) == "Shared HR")
        #expect(Self.partnerNames(register, 0) == ["Adur District Council", "Worthing Borough Council"])
        #expect(register.serviceArea(0) == "Back office")
        #expect(register.savingsToDate(0) == 1_000)
        #expect(register.savingsLatestYear(0) == 500)
        #expect(register.extraColumnNames.isEmpty)
    }

    @Test func categoryMeansServiceArea() throws {
        let loaded = try Self.loadWithOrganisations("ID,Title,Category,Partners\nA1,Legal,Legal services,Brent\n")
        #expect(loaded.register.count == 1)
        #expect(loaded.register.serviceArea(0) == "Legal services")
        #expect(loaded.register.service(0) == nil)
    }

    @Test func headersMatchIgnoringCaseSpacesAndPunctuation() throws {
        let text = """
             ID ,NAME,SERVICE_AREA,Service-Type,Partners:,Start-Year,  Savings To Date  ,Savings (latest year)
            A1,Shared HR,Back office,HR,Brent,2015/16,£2m,£1.2m

            """
        let loaded = try Self.loadWithOrganisations(text)
        #expect(Self.errors(loaded).isEmpty)
        let register = loaded.register
        #expect(register.count == 1)
        #expect(register.id(0) == "A1")
        #expect(register.serviceArea(0) == "Back office")
        #expect(register.service(0) == "HR")
        #expect(Self.partnerNames(register, 0) == ["London Borough of Brent"])
        #expect(register.startYear(0) == 2015)
        #expect(register.savingsToDate(0) == 2_000_000)
        #expect(register.savingsLatestYear(0) == 1_200_000)
        #expect(register.extraColumnNames.isEmpty)
    }

    @Test func unknownColumnsAreKept() throws {
        let text = """
            id,Contact officer,name,service,partners,Budget code
            A1,Jo Bloggs,Shared HR,HR,Brent,BC-7
            A2,,Legal,Legal,Harrow,BC-9

            """
        let loaded = try Self.loadWithOrganisations(text)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let register = loaded.register
        #expect(register.extraColumnNames == ["Contact officer", "Budget code"])
        #expect(register.extraValues(0) == ["Jo Bloggs", "BC-7"])
        #expect(register.extraValues(1) == ["", "BC-9"])
        #expect(register.name(0) == "Shared HR")
    }

    @Test func missingRequiredColumnIsNamed() throws {
        let error = try #require(Self.failure("id,name,service_area\nA1,HR,Back office\n"))
        #expect(error.file == Self.file)
        #expect(error.line == 1)
        #expect(error.message.contains("partners"))
        #expect(!error.message.contains("\"name\""))
    }

    @Test func missingServiceColumnsAreNamed() throws {
        let error = try #require(Self.failure("id,name,partners\nA1,HR,Brent\n"))
        #expect(error.message.contains("service_area"))
        #expect(error.message.contains("service"))
    }

    @Test func severalMissingColumnsAreAllNamed() throws {
        let error = try #require(Self.failure("reference code,title,service\nA1,HR,Legal\n"))
        #expect(error.message.contains("\"id\""))
        #expect(error.message.contains("\"partners\""))
    }

    @Test func duplicateKnownColumnIsAnError() throws {
        let error = try #require(Self.failure("id,name,service,partners,Service\nA1,HR,HR,Brent,Legal\n"))
        #expect(error.line == 1)
        #expect(error.message.contains("service"))

        let aliases = try #require(
            Self.failure("id,name,service,partners,Savings to date,savings\nA1,HR,HR,Brent,1,2\n"))
        #expect(aliases.message.contains("Savings to date"))
        #expect(aliases.message.contains("savings"))
    }

    @Test func oneColumnTextIsNotACSVRegister() throws {
        let error = try #require(Self.failure("These are my notes about shared services\nNothing here is a table\n"))
        #expect(error.message.contains("does not look like a CSV register"))
        #expect(error.line == 1)
    }

    @Test func emptyRegisterFile() throws {
        let error = try #require(Self.failure(""))
        #expect(error.message == "is empty")
        #expect(error.file == Self.file)
    }

    @Test func headerOnlyGivesAWarning() throws {
        let loaded = try Self.loadWithOrganisations(Self.header + "\n")
        #expect(loaded.register.count == 0)
        #expect(Self.warnings(loaded).count == 1)
        #expect(Self.errors(loaded).isEmpty)
    }

    // MARK: Rows

    @Test func wrongFieldCountLeavesTheRowOut() throws {
        let text = """
            id,name,service,partners
            A1,HR,HR,Brent
            A2,Legal,Legal,Brent,extra
            A3,IT
            A4,Audit,Audit,Harrow

            """
        let loaded = try Self.loadWithOrganisations(text)
        #expect(loaded.register.allRows.map { loaded.register.id($0) } == ["A1", "A4"])
        let errors = Self.errors(loaded)
        #expect(errors.count == 2)
        #expect(errors.map(\.line) == [3, 4])
        #expect(errors.first?.message.contains("5") == true)
        #expect(errors.first?.message.contains("4") == true)
        #expect(errors.allSatisfy { $0.file == Self.file })
        #expect(loaded.register.line(1) == 5)
    }

    @Test func missingIDLeavesTheRowOut() throws {
        let loaded = try Self.loadWithOrganisations("id,name,service,partners\n,HR,HR,Brent\n  ,IT,IT,Brent\nA2,Legal,Legal,Harrow\n")
        #expect(loaded.register.count == 1)
        #expect(loaded.register.id(0) == "A2")
        let errors = Self.errors(loaded)
        #expect(errors.map(\.line) == [2, 3])
    }

    @Test func duplicateIDNamesTheFirstLine() throws {
        let text = """
            id,name,service,partners
            A1,HR,HR,Brent
            A2,IT,IT,Brent
            A1,Legal,Legal,Harrow

            """
        let loaded = try Self.loadWithOrganisations(text)
        #expect(loaded.register.allRows.map { loaded.register.name($0) } == ["HR", "IT"])
        let errors = Self.errors(loaded)
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.line == 4)
        #expect(error.message.contains("\"A1\""))
        #expect(error.message.contains("line 2"))
    }

    /// An id is a key: matched and kept without the spaces around it, so "A1" and " A1 "
    /// are one id, used twice.
    @Test func idsAreTrimmed() throws {
        let loaded = try Self.loadWithOrganisations("id,name,service,partners\n  A1 ,HR,HR,Brent\nA1,IT,IT,Brent\n")
        #expect(loaded.register.id(0) == "A1")
        #expect(loaded.register.count == 1)
        #expect(loaded.errorCount == 1)
    }

    // MARK: Cells

    @Test func badMoneyIsAWarningAndNotReported() throws {
        let text = """
            id,name,service,partners,savings_to_date,savings_latest_year
            A1,HR,HR,Brent,"£1,000",0
            A2,IT,IT,Brent,about two million,
            A3,Legal,Legal,Brent,,

            """
        let loaded = try Self.loadWithOrganisations(text)
        let register = loaded.register
        #expect(register.count == 3)
        #expect(register.savingsToDate(0) == 1_000)
        #expect(register.savingsLatestYear(0) == 0)
        #expect(register.savingsToDate(1) == nil)
        #expect(register.savingsToDate(1) != 0)
        #expect(register.savingsLatestYear(1) == nil)
        #expect(register.savingsToDate(2) == nil)
        let warnings = Self.warnings(loaded)
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(
            warning.description
                == #"arrangements.csv:3:16: savings_to_date "about two million" is not an amount of money; taken as not reported"#)
        #expect(warning.field == "savings_to_date")
        #expect(warning.line == 3)
    }

    @Test func moneyThatNeededInterpretingIsKeptWithAWarning() throws {
        let text = "id,name,service,partners,savings_to_date,savings_latest_year\nA1,HR,HR,Brent,-£5000,£10.50\n"
        let loaded = try Self.loadWithOrganisations(text)
        #expect(loaded.register.savingsToDate(0) == -5_000)
        #expect(loaded.register.savingsLatestYear(0) == 11)
        #expect(Self.warnings(loaded).count == 2)
        #expect(Self.warnings(loaded).map(\.field) == ["savings_to_date", "savings_latest_year"])
    }

    @Test func unknownStatusIsAWarning() throws {
        let loaded = try Self.loadWithOrganisations(
            "id,name,service,partners,status\nA1,HR,HR,Brent,maybe\nA2,IT,IT,Brent,Live\n")
        #expect(loaded.register.status(0) == nil)
        #expect(loaded.register.status(1) == .operational)
        let warnings = Self.warnings(loaded)
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 2)
        #expect(warnings.first?.field == "status")
        #expect(warnings.first?.message.contains("\"maybe\"") == true)
    }

    @Test(arguments: ["1066", "2150", "20xx", "soon", "15/16"])
    func impossibleYearIsAWarning(year: String) throws {
        let loaded = try Self.loadWithOrganisations("id,name,service,partners,start_year\nA1,HR,HR,Brent,\(year)\n")
        #expect(loaded.register.count == 1)
        #expect(loaded.register.startYear(0) == nil)
        let warnings = Self.warnings(loaded)
        #expect(warnings.count == 1)
        #expect(warnings.first?.field == "start_year")
        #expect(warnings.first?.message.contains("\"\(year)\"") == true)
    }

    @Test(arguments: [("2015", 2015), ("2015/16", 2015), ("2015-16", 2015), ("2015-04-01", 2015), ("01/04/2015", 2015), ("2015.0", 2015), ("1945", 1945), ("2100", 2100)])
    func yearsPeopleWrite(text: String, year: Int) throws {
        let loaded = try Self.loadWithOrganisations("id,name,service,partners,start_year\nA1,HR,HR,Brent,\(text)\n")
        #expect(loaded.register.startYear(0) == year)
        #expect(Self.warnings(loaded).isEmpty)
    }

    @Test func badProvenanceIsAWarning() throws {
        let loaded = try Self.loadWithOrganisations(
            "id,name,service,partners,provenance\nA1,HR,HR,Brent,rumour\nA2,IT,IT,Brent,Illustrative\n")
        #expect(loaded.register.provenance(0) == nil)
        #expect(loaded.register.provenance(1) == .illustrative)
        let warnings = Self.warnings(loaded)
        #expect(warnings.count == 1)
        #expect(warnings.first?.field == "provenance")
        #expect(warnings.first?.line == 2)
    }

    @Test func controlCharactersInANameAreAWarning() throws {
        let loaded = try Self.loadWithOrganisations("id,name,service,partners\nA1,Evil\u{1B}[31m name,HR,Brent\nA2,Fine,IT,Brent\n")
        #expect(loaded.register.count == 2)
        let warnings = Self.warnings(loaded)
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.line == 2)
        #expect(warning.field == "name")
        #expect(warning.message.contains("control characters"))
        // The message itself carries no escape character to a terminal.
        #expect(!warning.description.unicodeScalars.contains { $0.value == 0x1B })
    }

    // MARK: Partners

    @Test(arguments: [
        ("Brent", "London Borough of Brent"),
        ("London Borough of Brent", "London Borough of Brent"),
        ("Brent Council", "London Borough of Brent"),
        ("Kensington & Chelsea", "Royal Borough of Kensington and Chelsea"),
        ("Adur", "Adur District Council"),
        ("Avon and Somerset Police", "Avon and Somerset Constabulary"),
        ("Herefordshire CCG", "NHS Herefordshire CCG"),
        ("Herefordshire", "Herefordshire Council"),
    ])
    func partnersResolveToListedOrganisations(written: String, listed: String) throws {
        let loaded = try Self.loadWithOrganisations("id,name,service,partners\nA1,HR,HR,\(written)\n")
        #expect(Self.partnerNames(loaded.register, 0) == [listed])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let id = try #require(loaded.register.partners(0).first)
        #expect(loaded.register.organisations.listed[Int(id)])
    }

    @Test func resolvedPartnersKeepTheirSectors() throws {
        let loaded = try Self.loadWithOrganisations(
            "id,name,service,partners\nA1,Blue light,HR,Avon and Somerset Police; Herefordshire CCG; Brent\n")
        let register = loaded.register
        #expect(register.partners(0).map { register.organisations.sectors[Int($0)] } == [.police, .health, .council])
        #expect(register.involves(0, sector: .police))
        #expect(register.isCrossSector(0))
    }

    @Test(arguments: [
        ("Exampleshire Fire and Rescue Service", Sector.fire),
        ("Some Hospital NHS Trust", .health),
        ("Exampleshire Police", .police),
        ("Exampleshire County Council", .council),
        ("Acme Ltd", .other),
    ])
    func unresolvedPartnerIsKeptWithAGuessedSector(name: String, sector: Sector) throws {
        let loaded = try Self.loadWithOrganisations("id,name,service,partners\nA1,HR,HR,Brent; \(name)\n")
        let register = loaded.register
        #expect(register.count == 1)
        #expect(Self.partnerNames(register, 0) == ["London Borough of Brent", name])
        let id = try #require(register.partners(0).last)
        #expect(register.organisations.sectors[Int(id)] == sector)
        #expect(!register.organisations.listed[Int(id)])
        let warnings = Self.warnings(loaded)
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.line == 2)
        #expect(warning.field == "partners")
        #expect(warning.message.contains(name))
        #expect(warning.message.contains("organisations.csv"))
    }

    @Test func samePartnerTwiceIsCountedOnce() throws {
        let loaded = try Self.loadWithOrganisations("id,name,service,partners\nA1,HR,HR,Brent; London Borough of Brent\n")
        #expect(Self.partnerNames(loaded.register, 0) == ["London Borough of Brent"])
        #expect(Self.warnings(loaded).count == 1)
    }

    @Test func withoutAnOrganisationsFilePartnersAreCheckedAgainstTheBundledList() throws {
        let text = """
            id,name,service,partners
            A1,HR,HR,Brent; Harrow; Exampleshire Fire and Rescue Service
            A2,IT,IT,Brent; Some Hospital NHS Trust

            """
        let loaded = try Self.load(text)
        let register = loaded.register
        #expect(register.count == 2)
        #expect(
            Self.partnerNames(register, 0)
                == ["London Borough of Brent", "London Borough of Harrow", "Exampleshire Fire and Rescue Service"])
        #expect(Self.partnerNames(register, 1) == ["London Borough of Brent", "Some Hospital NHS Trust"])
        // The bundled list's 484, then the two it does not hold, with sectors from their names.
        #expect(register.organisations.count == 486)
        #expect(register.partners(0).last.map { register.organisations.sectors[Int($0)] } == .fire)
        #expect(register.partners(1).last.map { register.organisations.sectors[Int($0)] } == .health)
        #expect(loaded.diagnostics.map(\.line) == [2, 3], "\(loaded.diagnostics)")
        for (warning, name) in zip(loaded.diagnostics, ["Exampleshire Fire and Rescue Service", "Some Hospital NHS Trust"]) {
            #expect(warning.severity == .warning)
            #expect(warning.field == "partners")
            #expect(warning.message.hasPrefix("partners \"\(name)\" is not in the bundled list of England's councils"))
        }
        #expect(loaded.organisationsFile == nil)
        #expect(loaded.reference == .bundled)
    }

    @Test func organisationBytesWithoutAFileNameAreStillAnOrganisationsFile() throws {
        // `organisationsFile` defaults to nil; the organisations are read all the same, so
        // partners are checked against them and no "no organisations file" summary is given.
        let loaded = try RegisterLoader.load(
            arrangementBytes: Array("id,name,service,partners\nA1,HR,HR,Brent; Exampleshire Fire and Rescue Service\n".utf8),
            file: Self.file, organisationBytes: Array(Self.organisations.utf8))
        let register = loaded.register
        #expect(Self.partnerNames(register, 0) == ["London Borough of Brent", "Exampleshire Fire and Rescue Service"])
        #expect(register.partners(0).first.map { register.organisations.listed[Int($0)] } == true)
        let warnings = Self.warnings(loaded)
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.line == 2, "\(warnings)")
        #expect(warnings.first?.field == "partners", "\(warnings)")
        #expect(!warnings.contains { $0.message.contains("no organisations file") }, "\(warnings)")
    }

    @Test func spreadsheetExportWithBOMAndCRLFLoads() throws {
        let text = "\u{FEFF}id,name,service,partners,description\r\n"
            + "A1,HR,HR,Brent,\"Two lines\r\nof text\"\r\n"
            + "A2,IT,IT,Harrow,\r\n"
        let loaded = try Self.loadWithOrganisations(text)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let register = loaded.register
        #expect(register.allRows.map { register.id($0) } == ["A1", "A2"])
        #expect(register.description(0) == "Two lines\r\nof text")
        #expect(register.line(0) == 2)
        #expect(register.line(1) == 4)
    }

    // MARK: JSON registers

    @Test func jsonRegisterLoadsTheSameModelAsCSV() throws {
        let csv = """
            id,name,service_area,service,partners,lead,region,start_year,status,savings_to_date,savings_latest_year,description,provenance,source,contact
            R1,HR Hub,Back office,HR,Adur; Worthing,Adur,South East,2008,operational,1250000,,"One team, two councils.",reported,Adur 2017,Jo
            R2,Blue light,Community safety,,Avon and Somerset Police; Herefordshire CCG; Exampleshire Fire and Rescue Service,,,2015,planned,,50000,,illustrative,,

            """
        let json = """
            [
              {"id": "R1", "name": "HR Hub", "service_area": "Back office", "service": "HR",
               "partners": ["Adur", "Worthing"], "lead": "Adur", "region": "South East", "start_year": 2008,
               "status": "operational", "savings_to_date": 1250000, "savings_latest_year": null,
               "description": "One team, two councils.", "provenance": "reported", "source": "Adur 2017",
               "contact": "Jo"},
              {"id": "R2", "name": "Blue light", "service_area": "Community safety", "service": "",
               "partners": ["Avon and Somerset Police", "Herefordshire CCG", "Exampleshire Fire and Rescue Service"],
               "lead": null, "region": "", "start_year": "2015", "status": "planned", "savings_to_date": null,
               "savings_latest_year": 50000, "description": "", "provenance": "illustrative", "source": "",
               "contact": ""}
            ]

            """
        let fromCSV = try Self.loadWithOrganisations(csv).register
        let loadedJSON = try Self.loadWithOrganisations(json, file: "arrangements.json")
        let fromJSON = loadedJSON.register
        #expect(fromJSON.count == 2)
        #expect(fromCSV.count == 2)
        guard fromJSON.count == fromCSV.count else { return }
        #expect(fromJSON.extraColumnNames == fromCSV.extraColumnNames)
        #expect(fromJSON.extraColumnNames == ["contact"])
        for row in 0..<fromCSV.count {
            #expect(fromJSON.id(row) == fromCSV.id(row))
            #expect(fromJSON.name(row) == fromCSV.name(row))
            #expect(fromJSON.serviceArea(row) == fromCSV.serviceArea(row))
            #expect(fromJSON.service(row) == fromCSV.service(row))
            #expect(Self.partnerNames(fromJSON, row) == Self.partnerNames(fromCSV, row))
            #expect(
                fromJSON.partners(row).map { fromJSON.organisations.sectors[Int($0)] }
                    == fromCSV.partners(row).map { fromCSV.organisations.sectors[Int($0)] })
            #expect(
                fromJSON.lead(row).map { fromJSON.organisations.names[Int($0)] }
                    == fromCSV.lead(row).map { fromCSV.organisations.names[Int($0)] })
            #expect(fromJSON.region(row) == fromCSV.region(row))
            #expect(fromJSON.startYear(row) == fromCSV.startYear(row))
            #expect(fromJSON.status(row) == fromCSV.status(row))
            #expect(fromJSON.savingsToDate(row) == fromCSV.savingsToDate(row))
            #expect(fromJSON.savingsLatestYear(row) == fromCSV.savingsLatestYear(row))
            #expect(fromJSON.description(row) == fromCSV.description(row))
            #expect(fromJSON.provenance(row) == fromCSV.provenance(row))
            #expect(fromJSON.source(row) == fromCSV.source(row))
            #expect(fromJSON.extraValues(row) == fromCSV.extraValues(row))
        }
        #expect(fromJSON.savingsToDate(0) == 1_250_000)
        #expect(fromJSON.savingsLatestYear(0) == nil)
        #expect(Self.partnerNames(fromJSON, 0) == ["Adur District Council", "Worthing Borough Council"])
        #expect(fromJSON.line(0) == 2)
        #expect(fromJSON.line(1) == 7)
        #expect(fromJSON.organisations.names == fromCSV.organisations.names)
    }

    @Test func jsonItemThatIsNotAnObjectIsAnError() throws {
        let json = "[\n{\"id\": \"R1\", \"name\": \"HR\", \"service\": \"HR\", \"partners\": \"Brent\"},\n42\n]\n"
        let loaded = try Self.loadWithOrganisations(json, file: "arrangements.json")
        #expect(loaded.register.count == 1)
        let errors = Self.errors(loaded)
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.message.contains("item 2"))
        // A line number is 1-based when given: "arrangements.json:0:" points nowhere.
        #expect((error.line ?? 1) >= 1, "\(error)")
    }

    // MARK: Files

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ssmap-loader-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func fileBytesReadsAFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/arrangements.csv"
        let bytes: [UInt8] = Array("id,name\n".utf8) + [0xC3, 0xA9]
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try FileBytes.read(path) == bytes)
    }

    @Test func fileBytesOnAMissingFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/nothing-here.csv"
        let error = try #require(throws: LoadError.self) { try FileBytes.read(path) }
        #expect(error.file == path)
        #expect(error.message == "does not exist")
        #expect(error.description == "\(path): does not exist")
    }

    @Test func fileBytesOnADirectory() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let error = try #require(throws: LoadError.self) { try FileBytes.read(directory) }
        #expect(error.file == directory)
        #expect(error.message == "is a directory, not a register file")
    }

    @Test func fileBytesUnderAFileThatIsNotADirectory() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/plain"
        try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: LoadError.self) { try FileBytes.read(path + "/arrangements.csv") }
        #expect(error.message.hasPrefix("does not exist"))
    }

    @Test func fileBytesOnAnUnreadableFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/secret.csv"
        try Data("id,name\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0) == 0)
        defer { _ = chmod(path, 0o644) }
        if getuid() == 0 {
            // Root reads any file whatever its permissions: there is no failure to check.
            #expect(try FileBytes.read(path) == Array("id,name\n".utf8))
        } else {
            let error = try #require(throws: LoadError.self) { try FileBytes.read(path) }
            #expect(error.file == path)
            #expect(error.message == "cannot be read: permission denied")
        }
    }

    @Test func loadingFromFilesFindsTheOrganisationsBeside() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/arrangements.csv"
        try Data("id,name,service,partners\nA1,HR,HR,Brent\n".utf8).write(to: URL(fileURLWithPath: path))
        try Data(Self.organisations.utf8).write(to: URL(fileURLWithPath: directory + "/organisations.csv"))
        let loaded = try RegisterLoader.load(arrangements: path)
        #expect(loaded.organisationsFile == directory + "/organisations.csv")
        #expect(Self.partnerNames(loaded.register, 0) == ["London Borough of Brent"])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    }
}

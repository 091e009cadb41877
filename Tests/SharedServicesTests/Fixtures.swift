import Foundation
import Testing

@testable import SharedServices

/// A small hand-made register whose figures can be worked out on paper.
///
/// Rows (index: id, name, area / service, partners, lead, region, year, status, to date, latest, provenance):
///
///     0 R3 HuB Procurement                       Back office / Procurement           Brent; Harrow (2)                        Harrow    London        2016 operational    500,000        –  reported
///     1 R1 Devon and Somerset Trading Standards  Regulatory services / Trading std.  Devon; Somerset; Torbay (3)              Devon     South West    2013 operational  1,000,000  200,000  reported
///     2 X2 West Sussex Fire Co-ordination        Community safety / Fire and rescue  WSCC; West Sussex Fire (2)               WSCC      South East    2017 planned              –        –  illustrative
///     3 R2 Adur & Worthing Councils partnership  Management / Shared management      Adur; Worthing (2)                       Adur      South East    2008 operational 17,000,000 3,000,000 reported
///     4 x1 Southwest One                         Back office / procurement           Somerset; Constabulary; IBM; Torbay (4)  Somerset  South West    2007 ended                0        –  illustrative
///     5 R4 hoople Ltd                            Health and social care / Integrated Herefordshire; Wye Valley NHS Trust (2)  Hereford. West Midlands 2011 operational        –  150,000  reported
///     6 X3 Café Culture Partnership              Culture and leisure / –             Brent; Harrow; Devon; Torbay; WSCC (5)   –         –                –  –              125,555   50,000  –
///     7 X4 Legal Services Hub                    – / Legal services                  Adur; WSCC; Worthing (3)                 –         South East    2013 operational    500,000   50,000  illustrative
///
/// Savings to date reported by six rows (one of them an explicit £0) total £19,125,555;
/// rows 2 and 5 report no figure. The organisations file lists 14 bodies: ten councils
/// (Cumbria is in no arrangement), a fire service, a police force, an NHS trust and a company.
enum Fixture {
    static let arrangementsFile = "fixture-arrangements.csv"
    static let organisationsFile = "fixture-organisations.csv"

    static let organisationsCSV = """
        name,sector,type,region,gss_code,lat,long,county
        London Borough of Brent,council,london-borough,London,E09000005,51.56,-0.27,
        London Borough of Harrow,council,london-borough,London,E09000015,51.59,-0.34,
        Devon County Council,council,county,South West,E10000008,50.72,-3.80,
        Somerset County Council,council,county,South West,E10000027,51.10,-2.90,
        Torbay Council,council,unitary,South West,E06000027,50.45,-3.55,
        West Sussex County Council,council,county,South East,E10000032,50.93,-0.46,
        Adur District Council,council,district,South East,E07000223,50.84,-0.30,West Sussex County Council
        Worthing Borough Council,council,district,South East,E07000229,50.82,-0.39,West Sussex County Council
        Herefordshire Council,council,unitary,West Midlands,E06000019,52.08,-2.74,
        Cumbria County Council,council,county,North West,E10000006,54.60,-3.10,
        West Sussex Fire and Rescue Service,fire,fire-authority,South East,,,,
        Avon and Somerset Constabulary,police,police-force,South West,,,,
        Wye Valley NHS Trust,health,nhs-body,West Midlands,,,,
        IBM UK Ltd,other,company,,,,,

        """

    static let arrangementsCSV = """
        id,name,service_area,service,partners,lead,region,start_year,status,savings_to_date,savings_latest_year,description,provenance,source,contact
        R3,HuB Procurement,Back office,Procurement,London Borough of Brent; London Borough of Harrow,London Borough of Harrow,London,2016,operational,500000,,Shared procurement service hosted by Harrow for Brent and Harrow.,reported,LGA Shared Services Map 2017,first
        R1,Devon and Somerset Trading Standards,Regulatory services,Trading standards,Devon County Council; Somerset County Council; Torbay Council,Devon County Council,South West,2013,operational,1000000,200000,A single trading standards service hosted by Devon.,reported,Somerset newsroom 2017,
        X2,West Sussex Fire Co-ordination,Community safety,Fire and rescue collaboration,West Sussex County Council; West Sussex Fire and Rescue Service,West Sussex County Council,South East,2017,planned,,,Fire service and county council working group on home safety.,illustrative,,
        R2,Adur & Worthing Councils partnership,Management,Shared management,Adur District Council; Worthing Borough Council,Adur District Council,South East,2008,operational,17000000,3000000,One officer team serving two councils on the Sussex coast.,reported,Adur & Worthing Councils 2017,
        x1,Southwest One,Back office,procurement ,Somerset County Council; Avon and Somerset Constabulary; IBM UK Ltd; Torbay Council,Somerset County Council,South West,2007,ended,0,,Joint venture for back-office services with a private partner.,illustrative,,
        R4,hoople Ltd,Health and social care,Integrated health and social care,Herefordshire Council; Wye Valley NHS Trust,Herefordshire Council,West Midlands,2011,operational,,150000,Integrated health and care company owned by the council and the NHS trust.,reported,Herefordshire Council 2017,
        X3,Café Culture Partnership,Culture and leisure,,Brent; Harrow; Devon County Council; Torbay Council; West Sussex County Council,,,,,125555,50000,"Library cafés and reading rooms run jointly, modelled on Ynys Môn.",,,"has, comma"
        X4,Legal Services Hub,,Legal services,Adur District Council; West Sussex County Council; Worthing Borough Council,,South East,2013,operational,500000,50000,Legal advice for the county and two districts.,illustrative,,

        """

    /// Row indices, in file order.
    enum Row {
        static let hub = 0
        static let tradingStandards = 1
        static let fireWorkingGroup = 2
        static let adurWorthing = 3
        static let southwestOne = 4
        static let hoople = 5
        static let cafe = 6
        static let legal = 7
    }

    /// Savings to date of every row with a figure: 500,000 + 1,000,000 + 17,000,000 + 0 + 125,555 + 500,000.
    static let totalSavings: Int64 = 19_125_555

    static func loaded() throws -> LoadedRegister {
        try RegisterLoader.load(
            arrangementBytes: Array(arrangementsCSV.utf8), file: arrangementsFile,
            organisationBytes: Array(organisationsCSV.utf8), organisationsFile: organisationsFile)
    }

    static func register() throws -> Register {
        try loaded().register
    }

    /// Loads arrangements given as text, with or without the fixture's organisations.
    static func load(_ arrangements: String, file: String = "extra.csv", withOrganisations: Bool = true) throws
        -> LoadedRegister
    {
        try RegisterLoader.load(
            arrangementBytes: Array(arrangements.utf8), file: file,
            organisationBytes: withOrganisations ? Array(organisationsCSV.utf8) : nil,
            organisationsFile: withOrganisations ? organisationsFile : nil)
    }

    /// The organisation named exactly `name` in the register's table.
    static func organisation(_ name: String, in register: Register) throws -> Int32 {
        let index = try #require(register.organisations.names.firstIndex(of: name), "no organisation \(name)")
        return Int32(index)
    }

    /// The names of row `row`'s partners, in the order listed.
    static func partnerNames(_ register: Register, _ row: Int) -> [String] {
        register.partners(row).map { register.organisations.names[Int($0)] }
    }
}

/// The package's directory, found from this file: Tests/SharedServicesTests/Fixtures.swift.
enum PackagePaths {
    static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    static var sampleData: String { root + "/sample-data" }
}

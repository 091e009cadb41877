/// The columns of an arrangements file, by the names the register writes.
public enum ArrangementField: String, CaseIterable, Sendable {
    case id, name
    case serviceArea = "service_area"
    case service, partners, lead, region
    case startYear = "start_year"
    case status
    case savingsToDate = "savings_to_date"
    case savingsLatestYear = "savings_latest_year"
    /// How exactly each figure is known: blank (exact), at least, up to, about or forecast.
    case savingsToDateQualifier = "savings_to_date_qualifier"
    case savingsLatestYearQualifier = "savings_latest_year_qualifier"
    case description, provenance, source

    /// Header wordings that mean this column, after `HeaderMatching.key`: the register's
    /// own names, the LGA spreadsheets' wording, and what people commonly write.
    static let aliases: [String: ArrangementField] = HeaderMatching.table([
        .id: ["id", "ref", "refno", "arrangementid", "sharedserviceid", "identifier", "no", "number"],
        .name: [
            "name", "nameofsharedservice", "sharedservicename", "arrangement", "arrangementname", "sharedservice",
            "title", "partnershipname", "nameofarrangement",
        ],
        .serviceArea: ["servicearea", "category", "servicecategory", "theme", "area", "serviceareas"],
        .service: ["service", "servicetype", "typeofservice", "serviceshared", "servicesshared", "function"],
        .partners: [
            "partners", "councilsinvolved", "partnersinvolved", "organisationsinvolved", "organizationsinvolved",
            "authoritiesinvolved", "councils", "partnerorganisations", "partnerorganizations", "members",
            "partnercouncils", "participants",
        ],
        .lead: ["lead", "leadauthority", "leadcouncil", "leadorganisation", "leadorganization", "leadpartner",
                "host", "hostauthority", "hostcouncil"],
        .region: ["region", "lgaregion", "englishregion"],
        .startYear: ["startyear", "start", "yearstarted", "datestarted", "startdate", "commenced", "since", "year"],
        .status: ["status", "stage", "state", "currentstatus"],
        .savingsToDate: [
            "savingstodate", "savings", "totalsavings", "cumulativesavings", "savingsachieved", "savingstodategbp",
            "totalsavingstodate", "savingstodatepounds",
        ],
        .savingsLatestYear: [
            "savingslatestyear", "annualsavings", "savingsperyear", "savingsperannum", "savingspa",
            "latestannualsavings", "yearlysavings", "savingsthisyear", "savingslastyear", "annualsavingsgbp",
        ],
        .savingsToDateQualifier: [
            "savingstodatequalifier", "savingsqualifier", "qualifier", "savingsbasis", "basis", "savingstodatebasis",
        ],
        .savingsLatestYearQualifier: [
            "savingslatestyearqualifier", "annualsavingsqualifier", "latestyearqualifier", "savingslatestyearbasis",
        ],
        .description: ["description", "details", "summary", "notes", "comments", "about"],
        .provenance: ["provenance", "datatype", "origin"],
        .source: ["source", "sources", "citation", "link", "url", "evidence"],
    ])
}

/// The columns of an organisations file.
public enum OrganisationField: String, CaseIterable, Sendable {
    case name, sector, type, region
    case gssCode = "gss_code"
    case lat, long

    static let aliases: [String: OrganisationField] = HeaderMatching.table([
        .name: ["name", "organisation", "organization", "council", "authority", "body", "localauthority",
                "organisationname", "officialname"],
        .sector: ["sector", "kind"],
        .type: ["type", "organisationtype", "authoritytype", "localauthoritytype"],
        .region: ["region"],
        .gssCode: ["gsscode", "gss", "code", "onscode", "lacode", "gssid"],
        .lat: ["lat", "latitude"],
        .long: ["long", "lon", "lng", "longitude"],
    ])
}

/// Which column of a file holds each known field; the rest are kept as extra columns.
struct HeaderMatching<Field: Hashable & RawRepresentable & CaseIterable> where Field.RawValue == String {
    var columnOf: [Field: Int] = [:]
    /// `columnOf` by each field's position in `Field.allCases`, for a lookup per cell
    /// without hashing: -1 where the file has no such column.
    private var positions: [Int] = []
    /// Positions of the columns the schema does not know, in file order.
    var extraColumns: [Int] = []
    let header: [String]

    /// Matches case-insensitively, ignoring spaces and punctuation ("Savings to date (£)").
    static func key(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            .map(Character.init))
    }

    static func table(_ wordings: [Field: [String]]) -> [String: Field] {
        var table: [String: Field] = [:]
        for (field, keys) in wordings {
            for key in keys { table[key] = field }
        }
        return table
    }

    /// Fails when two columns would both fill one field: which to trust is the user's call.
    init(header: [String], aliases: [String: Field], file: String, headerLine: Int) throws(LoadError) {
        self.header = header
        for (position, title) in header.enumerated() {
            guard let field = aliases[Self.key(title)] else {
                extraColumns.append(position)
                continue
            }
            if let earlier = columnOf[field] {
                throw LoadError(
                    file: file, line: headerLine,
                    message: "columns \(earlier + 1) (\"\(CellReading.columnName(header[earlier]))\") and "
                        + "\(position + 1) (\"\(CellReading.columnName(title))\") "
                        + "both give \(field.rawValue); rename or remove one")
            }
            columnOf[field] = position
        }
        positions = Field.allCases.map { columnOf[$0] ?? -1 }
    }

    /// The field's column title as the file spells it, for messages (shortened, should
    /// the file spell it at great length).
    func title(_ field: Field) -> String {
        columnOf[field].map { CellReading.columnName(header[$0]) } ?? field.rawValue
    }

    func value(_ field: Field, in fields: [String]) -> String {
        guard let index = Field.allCases.firstIndex(of: field) else { return "" }
        let position = positions[Field.allCases.distance(from: Field.allCases.startIndex, to: index)]
        guard position >= 0, position < fields.count else { return "" }
        return fields[position]
    }
}

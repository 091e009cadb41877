import Foundation

/// The columns of an arrangements file, by the names the register writes, in the order
/// it writes them. What each is, and how it is read, is in `ArrangementField.schema`.
public enum ArrangementField: String, CaseIterable, Sendable, Hashable {
    case id, name
    case serviceArea = "service_area"
    case service, partners, lead, region
    case startYear = "start_year"
    case status
    case savingsToDate = "savings_to_date"
    case savingsLatestYear = "savings_latest_year"
    case savingsToDateQualifier = "savings_to_date_qualifier"
    case savingsLatestYearQualifier = "savings_latest_year_qualifier"
    case description, provenance, source
}

/// What a field holds: how it is read and checked, stored, sorted, shown and written.
public enum FieldKind: Sendable, Equatable {
    /// Text that names the row; kept as written, never blank.
    case identifier
    /// Free text, kept as written.
    case text
    /// Free text that repeats from row to row (a source cited for many rows): kept as
    /// written, each distinct text stored once.
    case repeatedText
    /// One of a few values, matched ignoring case and spacing and kept as written.
    case category
    /// Organisations separated by ";" or line breaks, matched to the organisations list.
    case organisations
    /// One organisation, matched to the organisations list; it should be one of the partners.
    case organisation
    case year
    /// One of a closed list of words.
    case choice(Choices)
    /// Whole pounds; blank is "not reported".
    case money
    /// How exactly the money field named is known.
    case qualifier(of: ArrangementField)
}

/// A closed list of words a field takes, each stored as a small code.
public enum Choices: Sendable, Equatable {
    case status, provenance

    /// Each word, by code.
    public var names: [String] {
        switch self {
        case .status: return Status.allCases.map(\.name)
        case .provenance: return Provenance.allCases.map(\.name)
        }
    }

    /// The code of the word `text` means, or of a word people commonly use for it.
    func code(_ text: String) -> UInt8? {
        switch self {
        case .status: return Status(name: text)?.rawValue
        case .provenance: return Provenance(name: text)?.rawValue
        }
    }
}

/// Whether a file must have a field's column.
public enum FieldRequirement: Sendable, Equatable {
    case required
    /// At least one field of the group must be given (a service area or a service).
    case oneOf(String)
    case optional
}

/// Where an arrangement's description (`ssmap show`, the detail screen) puts a field.
public enum DetailPlace: Sendable, Equatable {
    /// The id and name, which head it.
    case heading
    /// The short facts before the partners.
    case fact
    case partners
    /// Longer text after the partners.
    case note
    /// Said with the figure it qualifies.
    case withItsFigure
}

/// One field of the schema: everything said about it, said once.
public struct FieldSpec: Sendable {
    public let field: ArrangementField
    public let kind: FieldKind
    public let requirement: FieldRequirement
    /// Its heading in tables and reports.
    public let title: String
    public let shown: DetailPlace
    /// Header wordings that mean it, after `HeaderMatching.key`: the register's own name,
    /// the LGA spreadsheets' wording, and what people commonly write.
    let spellings: [String]
    /// Names `--sort` takes for it besides its title and its column's name ("savings",
    /// "start"); nil when the list is not sorted by it (free text, qualifiers).
    let sortNames: [String]?

    init(
        field: ArrangementField, kind: FieldKind, requirement: FieldRequirement, title: String,
        shown: DetailPlace? = nil, spellings: [String], sortNames: [String]?
    ) {
        self.field = field
        self.kind = kind
        self.requirement = requirement
        self.title = title
        self.shown = shown ?? kind.usualPlace
        self.spellings = spellings
        self.sortNames = sortNames
    }
}

extension FieldKind {
    /// Where a description puts a field of this kind, unless its spec says otherwise.
    var usualPlace: DetailPlace {
        switch self {
        case .identifier: return .heading
        case .text, .repeatedText: return .note
        case .category, .organisation, .year, .choice, .money: return .fact
        case .organisations: return .partners
        case .qualifier: return .withItsFigure
        }
    }

    /// Numbers, which tables align to the right.
    public var isNumeric: Bool { self == .year || self == .money }

    /// What a description says where a row has no value.
    public var missingWording: String {
        switch self {
        case .money: return "not reported"
        case .organisation: return "none named"
        case .text, .repeatedText, .identifier, .organisations: return "none"
        case .category, .year, .choice, .qualifier: return "not recorded"
        }
    }
}

extension ArrangementField {
    /// The schema of an arrangements file, a row per field.
    public static let schema: [FieldSpec] = [
        FieldSpec(
            field: .id, kind: .identifier, requirement: .required, title: "ID",
            spellings: ["ref", "refno", "arrangementid", "sharedserviceid", "identifier", "no", "number"], sortNames: []),
        FieldSpec(
            field: .name, kind: .text, requirement: .required, title: "Name", shown: .heading,
            spellings: [
                "nameofsharedservice", "sharedservicename", "arrangement", "arrangementname", "sharedservice", "title",
                "partnershipname", "nameofarrangement",
            ], sortNames: []),
        FieldSpec(
            field: .serviceArea, kind: .category, requirement: .oneOf("service_area or service"), title: "Service area",
            spellings: ["category", "servicecategory", "theme", "area", "serviceareas"], sortNames: []),
        FieldSpec(
            field: .service, kind: .category, requirement: .oneOf("service_area or service"), title: "Service",
            spellings: ["servicetype", "typeofservice", "serviceshared", "servicesshared", "function"], sortNames: []),
        FieldSpec(
            field: .partners, kind: .organisations, requirement: .required, title: "Partners",
            spellings: [
                "councilsinvolved", "partnersinvolved", "organisationsinvolved", "organizationsinvolved",
                "authoritiesinvolved", "councils", "partnerorganisations", "partnerorganizations", "members",
                "partnercouncils", "participants",
            ], sortNames: ["partner count"]),
        FieldSpec(
            field: .lead, kind: .organisation, requirement: .optional, title: "Lead",
            spellings: [
                "leadauthority", "leadcouncil", "leadorganisation", "leadorganization", "leadpartner", "host",
                "hostauthority", "hostcouncil",
            ], sortNames: []),
        FieldSpec(
            field: .region, kind: .category, requirement: .optional, title: "Region",
            spellings: ["lgaregion", "englishregion"], sortNames: []),
        FieldSpec(
            field: .startYear, kind: .year, requirement: .optional, title: "Start",
            spellings: ["start", "yearstarted", "datestarted", "startdate", "commenced", "since", "year"],
            sortNames: ["start", "year"]),
        FieldSpec(
            field: .status, kind: .choice(.status), requirement: .optional, title: "Status",
            spellings: ["stage", "state", "currentstatus"], sortNames: []),
        FieldSpec(
            field: .savingsToDate, kind: .money, requirement: .optional, title: "Saved to date",
            spellings: [
                "savings", "totalsavings", "cumulativesavings", "savingsachieved", "savingstodategbp",
                "totalsavingstodate", "savingstodatepounds",
            ], sortNames: ["saved", "savings"]),
        FieldSpec(
            field: .savingsLatestYear, kind: .money, requirement: .optional, title: "Latest year",
            spellings: [
                "annualsavings", "savingsperyear", "savingsperannum", "savingspa", "latestannualsavings", "yearlysavings",
                "savingsthisyear", "savingslastyear", "annualsavingsgbp",
            ], sortNames: []),
        FieldSpec(
            field: .savingsToDateQualifier, kind: .qualifier(of: .savingsToDate), requirement: .optional,
            title: "Saved to date is",
            spellings: ["savingsqualifier", "qualifier", "savingsbasis", "basis", "savingstodatebasis"], sortNames: nil),
        FieldSpec(
            field: .savingsLatestYearQualifier, kind: .qualifier(of: .savingsLatestYear), requirement: .optional,
            title: "Latest year is",
            spellings: ["annualsavingsqualifier", "latestyearqualifier", "savingslatestyearbasis"], sortNames: nil),
        FieldSpec(
            field: .description, kind: .text, requirement: .optional, title: "Description",
            spellings: ["details", "summary", "notes", "comments", "about"], sortNames: nil),
        FieldSpec(
            field: .provenance, kind: .choice(.provenance), requirement: .optional, title: "Provenance",
            shown: .note,
            spellings: ["datatype", "origin"], sortNames: []),
        FieldSpec(
            field: .source, kind: .repeatedText, requirement: .optional, title: "Source",
            spellings: ["sources", "citation", "link", "url", "evidence"], sortNames: nil),
    ]

    /// Each field's row of the schema, by `ordinal`.
    private static let specsByOrdinal: [FieldSpec] = allCases.map { field in
        // Every case has a row: a test checks the schema against `allCases`.
        schema.first { $0.field.rawValue == field.rawValue }
            ?? FieldSpec(field: field, kind: .text, requirement: .optional, title: field.rawValue, spellings: [], sortNames: nil)
    }

    /// This field's row of the schema.
    public var spec: FieldSpec { Self.specsByOrdinal[ordinal] }

    /// The field's place in `allCases`. A case of an enum without payloads is stored as
    /// its number, read here directly: hashing or comparing the fields (in every cell's
    /// lookups) then never touches their names (a test checks the numbers).
    var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    public static func == (left: ArrangementField, right: ArrangementField) -> Bool { left.ordinal == right.ordinal }
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    public var kind: FieldKind { spec.kind }
    public var title: String { spec.title }

    /// Header wordings, after `HeaderMatching.key`, for every field: its own name and its spellings.
    static let aliases: [String: ArrangementField] = HeaderMatching.table(
        Dictionary(uniqueKeysWithValues: schema.map { spec in
            (spec.field, [HeaderMatching<ArrangementField>.key(spec.field.rawValue)] + spec.spellings)
        }))

    /// The fields arrangements are sorted by, in the schema's order.
    public static let sortable: [ArrangementField] = schema.filter { $0.sortNames != nil }.map(\.field)

    /// Every name `--sort` takes for this field, its title (the heading people see) first,
    /// then its column's name and its other names, in lowercase words; empty when the
    /// list is not sorted by it. Matched ignoring case, spaces and punctuation.
    public var sortNames: [String] {
        guard let others = spec.sortNames else { return [] }
        var names: [String] = []
        var keys: Set<String> = []
        for name in [title.lowercased(), rawValue.replacingOccurrences(of: "_", with: " ")] + others
        where keys.insert(HeaderMatching<ArrangementField>.key(name)).inserted {
            names.append(name)
        }
        return names
    }

    /// The field `--sort` names by any of its `sortNames`: "saved to date", "Saved",
    /// "savings_to_date" and "savings-to-date" are one column.
    public init?(sortName: String) {
        let key = HeaderMatching<ArrangementField>.key(sortName)
        guard !key.isEmpty,
            let field = Self.sortable.first(where: { field in
                field.sortNames.contains { HeaderMatching<ArrangementField>.key($0) == key }
            })
        else { return nil }
        self = field
    }
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
/// Sendable, so that each thread reading a file can make its own layout from it.
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
        // A byte-order mark read as Latin-1 ("ï»¿"), as a spreadsheet leaves it in the first
        // heading when it opens a UTF-8 file as another encoding: not part of the name.
        let misreadByteOrderMark = "\u{EF}\u{BB}\u{BF}"
        let header = header.hasPrefix(misreadByteOrderMark) ? String(header.dropFirst(3)) : header
        return String(header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
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
    init(header: [String], aliases: [String: Field], file: String, sheet: String? = nil, headerLine: Int) throws(LoadError) {
        self.header = header
        for (position, title) in header.enumerated() {
            guard let field = aliases[Self.key(title)] else {
                extraColumns.append(position)
                continue
            }
            if let earlier = columnOf[field] {
                throw LoadError(
                    file: file, sheet: sheet, line: headerLine,
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

extension HeaderMatching: Sendable where Field: Sendable {}

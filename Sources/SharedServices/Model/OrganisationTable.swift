/// Every organisation the register mentions: those listed in the organisations file,
/// then partners found only in arrangements (with a sector guessed from their names).
/// Stored as columns; an organisation is its index.
public struct OrganisationTable: Sendable {
    public private(set) var names: [String] = []
    public private(set) var sectors: [Sector] = []
    public private(set) var types: [String] = []
    /// Index into the register's region vocabulary, or -1.
    public private(set) var regions: [Int32] = []
    public private(set) var gssCodes: [String] = []
    public private(set) var latitudes: [Double?] = []
    public private(set) var longitudes: [Double?] = []
    /// True for organisations read from the organisations file, false for partners found
    /// only in the arrangements.
    public private(set) var listed: [Bool] = []
    /// Values of columns the schema does not know, kept as read: `extraValues[i][c]`.
    public private(set) var extraColumnNames: [String] = []
    public private(set) var extraValues: [[String]] = []
    /// The councils each organisation serves, from the organisations file's `covers` column
    /// (kept as written in `extraValues` too): the GSS codes it lists, each resolved to the
    /// listed council with that code, once; in the order written when the councils are
    /// listed above the body (as in the bundled list), those listed below it coming last.
    /// A fire and rescue service or police force lists the district-level areas it serves
    /// (districts, unitaries, metropolitan and London boroughs, the City, the Isles of
    /// Scilly); a county council is covered through its districts. Empty for an organisation
    /// that lists nothing, and for every organisation of a file without the column. A code no
    /// listed council has is left out (the reader warns about it).
    public private(set) var covers: [[Int32]] = []
    /// Where the `covers` column is among `extraColumnNames`, if there is one.
    private(set) var coversColumn: Int?

    /// Each listed council by its GSS code in capitals (the first, should two share one).
    private var councilByGSSCode: [String: Int32] = [:]
    /// Organisations whose `covers` names a code no council listed so far has, by that code:
    /// a council listed further down the file fills them in when it is added.
    private var waitingForCode: [String: [Int32]] = [:]

    private var byKey: [String: Int32] = [:]
    /// Keys shared by two or more organisations; such a key resolves nothing.
    private var ambiguousKeys: Set<String> = []

    public init() {}

    public var count: Int { names.count }

    /// How many councils the organisations file lists: the denominator of "councils involved".
    public var listedCouncilCount: Int {
        zip(sectors, listed).filter { $0 == .council && $1 }.count
    }

    mutating func setExtraColumnNames(_ names: [String]) {
        extraColumnNames = names
        coversColumn = names.firstIndex(where: Self.isCoversColumn)
    }

    /// The listed council whose GSS code is `code` (ignoring case and surrounding spaces).
    public func council(withGSSCode code: some StringProtocol) -> Int32? {
        councilByGSSCode[Self.codeKey(code)]
    }

    /// The councils organisation `id` covers (see `covers`).
    public func councils(coveredBy id: Int32) -> [Int32] {
        covers.indices.contains(Int(id)) ? covers[Int(id)] : []
    }

    /// The organisations that cover council `council`, in list order: for a district-level
    /// area of the bundled list, its police force and its fire and rescue service.
    public func organisations(covering council: Int32) -> [Int32] {
        covers.indices.filter { covers[$0].contains(council) }.map { Int32($0) }
    }

    /// Whether a column, by its header, is the `covers` column: "covers", "Covers",
    /// "Coverage" and the like.
    static func isCoversColumn(_ title: String) -> Bool {
        ["covers", "coverage"].contains(HeaderMatching<OrganisationField>.key(title))
    }

    /// The GSS codes a `covers` cell lists: separated by semicolons (as written in the
    /// bundled list; a JSON array arrives so), commas or spaces, which no code contains.
    static func coverCodes(in text: String) -> [Substring] {
        text.split { $0 == ";" || $0 == "," || $0.isWhitespace }
    }

    private static func codeKey(_ code: some StringProtocol) -> String {
        code.trimmingWhitespace().uppercased()
    }

    /// The councils a `covers` cell names, among those listed so far.
    private func resolveCovers(_ text: String) -> (councils: [Int32], unknown: [String]) {
        var councils: [Int32] = []
        var seen: Set<Int32> = []
        var unknown: [String] = []
        for code in Self.coverCodes(in: text) {
            if let council = council(withGSSCode: code) {
                if seen.insert(council).inserted { councils.append(council) }
            } else {
                unknown.append(Self.codeKey(code))
            }
        }
        return (councils, unknown)
    }

    /// Fills in `covers` for a newly added organisation, and for those waiting on the code
    /// of a newly added council.
    private mutating func noteCoverage(of id: Int32, sector: Sector, gssCode: String, listed: Bool, extras: [String]) {
        var written = ""
        if let coversColumn, extras.indices.contains(coversColumn) { written = extras[coversColumn] }
        let resolved = written.isEmpty ? (councils: [], unknown: []) : resolveCovers(written)
        covers.append(resolved.councils)
        for code in Set(resolved.unknown) { waitingForCode[code, default: []].append(id) }

        let key = Self.codeKey(gssCode)
        guard listed, sector == .council, !key.isEmpty, councilByGSSCode[key] == nil else { return }
        councilByGSSCode[key] = id
        // Each waits once for a code, and the council is new to its list: appending keeps
        // reading linear however the file is ordered.
        for organisation in waitingForCode.removeValue(forKey: key) ?? [] {
            covers[Int(organisation)].append(id)
        }
    }

    @discardableResult
    mutating func add(
        name: String, sector: Sector, type: String, region: Int32, gssCode: String,
        latitude: Double?, longitude: Double?, listed: Bool, extras: [String] = []
    ) -> Int32 {
        let id = Int32(names.count)
        names.append(name)
        sectors.append(sector)
        types.append(type)
        regions.append(region)
        gssCodes.append(gssCode)
        latitudes.append(latitude)
        longitudes.append(longitude)
        self.listed.append(listed)
        extraValues.append(extras)
        noteCoverage(of: id, sector: sector, gssCode: gssCode, listed: listed, extras: extras)
        let exact = OrganisationName.normalised(name)
        for key in Set([exact, OrganisationName.core(ofNormalised: exact)]) where !key.isEmpty {
            if let existing = byKey[key], existing != id {
                ambiguousKeys.insert(key)
            } else {
                byKey[key] = id
            }
        }
        return id
    }

    public enum Resolution: Equatable, Sendable {
        case found(Int32)
        case ambiguous
        case notFound
    }

    /// Finds an organisation by any common spelling of its name: the exact words first,
    /// then the name without its council wording.
    public func resolve(_ name: String) -> Resolution {
        resolve(normalised: OrganisationName.normalised(name))
    }

    /// `resolve` of a name already passed through `OrganisationName.normalised`.
    func resolve(normalised exact: String) -> Resolution {
        if !ambiguousKeys.contains(exact), let id = byKey[exact] { return .found(id) }
        let core = OrganisationName.core(ofNormalised: exact)
        if ambiguousKeys.contains(exact) || ambiguousKeys.contains(core) { return .ambiguous }
        if let id = byKey[core] { return .found(id) }
        return .notFound
    }

}

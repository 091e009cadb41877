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

import ArgumentParser
import SharedServices

/// Which register to read: a file, or the bundled sample when none is given.
struct RegisterOptions: ParsableArguments {
    @Argument(help: "The arrangements file (CSV, JSON or an .xlsx workbook). Without one, the bundled 2017 sample register.")
    var file: String?

    @Option(help: ArgumentHelp(organisationsHelp))
    var organisations: String?

    @Option(help: ArgumentHelp(sheetHelp))
    var sheet: String?

    static let sheetHelp = "The worksheet of an .xlsx workbook to read. Default: the first sheet with the register's "
        + "header (title rows above it are skipped)."

    @Flag(name: .customLong("include-forecasts"), help: includeForecastsHelp)
    var includeForecasts = false

    static let includeForecastsHelp = ArgumentHelp(
        "Count savings figures qualified as forecasts in savings to date (by default they are not: a forecast is not a saving made).")

    static let organisationsHelp = "The organisations file partners are checked against. Default: organisations.csv "
        + "beside the arrangements file, else the bundled list of England's councils, fire, police and NHS bodies (2017)."
}

/// The same filter flags on every command. Repeat a flag to allow several values.
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong("service-area"), help: "Only this service area (repeatable), e.g. \"Back office\".")
    var serviceAreas: [String] = []

    @Option(name: .customLong("service"), help: "Only this service (repeatable), e.g. \"Trading standards\".")
    var services: [String] = []

    @Option(name: .customLong("region"), help: "Only arrangements in this region (repeatable).")
    var regions: [String] = []

    @Option(
        name: .customLong("sector"),
        help: "Only arrangements involving this kind of partner (repeatable): council, fire, police, health, other, or cross-sector (any partner that is not a council).")
    var sectors: [String] = []

    @Option(name: .customLong("organisation"), help: "Only arrangements this organisation is in (repeatable), e.g. Brent.")
    var organisations: [String] = []

    @Option(name: .customLong("status"), help: "Only this status (repeatable): operational, planned or ended.")
    var statuses: [String] = []

    @Option(help: "Only arrangements that started in or after this year.")
    var since: Int?

    @Option(help: "Only arrangements that started in or before this year.")
    var until: Int?

    @Option(name: .customLong("min-savings"), help: "Only arrangements whose savings to date are at least this, e.g. 500k or £1.2m.")
    var minSavings: String?

    @Option(name: .customLong("max-savings"), help: "Only arrangements whose savings to date are at most this.")
    var maxSavings: String?

    @Option(help: "Only arrangements whose name, description or partners contain this text (ignoring case and accents).")
    var search: String?

    /// The flags as a filter on `register`; unknown values name the nearest known ones.
    func filter(for register: Register) throws -> ArrangementFilter {
        var filter = ArrangementFilter()
        do {
            filter.serviceAreas = Set(try serviceAreas.map { name throws(UnknownValue) in try register.serviceAreaID(named: name) })
            filter.services = Set(try services.map { name throws(UnknownValue) in try register.serviceID(named: name) })
            filter.regions = Set(try regions.map { name throws(UnknownValue) in try register.regionID(named: name) })
            filter.sectors = Set(try sectors.map { name throws(UnknownValue) in try SectorLookup.criterion(named: name) })
            filter.organisations = Set(
                try organisations.map { name throws(UnknownValue) in try register.organisationID(named: name) })
            filter.statuses = Set(try statuses.map { name throws(UnknownValue) in try StatusLookup.status(named: name) })
        } catch {
            throw CommandError.usage(error.description)
        }
        filter.sinceYear = since
        filter.untilYear = until
        filter.minimumSavings = try minSavings.map { try Self.amount($0, flag: "--min-savings") }
        filter.maximumSavings = try maxSavings.map { try Self.amount($0, flag: "--max-savings") }
        filter.search = search ?? ""
        return filter
    }

    private static func amount(_ text: String, flag: String) throws -> Int64 {
        switch Money.parse(text) {
        case .amount(let pounds, _): return pounds
        case .notReported, .invalid:
            throw CommandError.usage("\(flag) \"\(text)\" is not an amount of money (try 500k, £1.2m or 250000)")
        }
    }

    /// The filter in words, for the report's heading; empty when nothing is filtered.
    func describe() -> [String] {
        var parts: [String] = []
        func add(_ label: String, _ values: [String]) {
            if !values.isEmpty { parts.append("\(label) " + values.map { "\"\($0)\"" }.joined(separator: " or ")) }
        }
        add("service area", serviceAreas)
        add("service", services)
        add("region", regions)
        add("sector", sectors)
        add("organisation", organisations)
        add("status", statuses)
        if let since { parts.append("since \(since)") }
        if let until { parts.append("until \(until)") }
        if let minSavings { parts.append("savings ≥ \(minSavings)") }
        if let maxSavings { parts.append("savings ≤ \(maxSavings)") }
        if let search, !search.isEmpty { parts.append("matching \"\(search)\"") }
        return parts
    }
}

/// Failures the commands report in one line, with the exit status they carry.
enum CommandError: Error, CustomStringConvertible {
    /// The command was asked for something that cannot be (an unknown filter value).
    case usage(String)
    /// The register could not be loaded at all.
    case load(LoadError)
    /// Something else went wrong (a file could not be written).
    case failed(String)

    var description: String {
        switch self {
        case .usage(let message), .failed(let message): return message
        case .load(let error): return error.description
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .usage: return ExitCode(64)
        case .load: return ExitCode(2)
        case .failed: return ExitCode(1)
        }
    }
}

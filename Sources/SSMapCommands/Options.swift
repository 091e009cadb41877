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

/// The same filter flags on every command. Repeat a flag to allow several values. Each
/// dimension's flag, help, lookup and wording come from its `Dimension` descriptor.
struct FilterOptions: ParsableArguments {
    @Option(name: flag(.serviceArea), help: help(.serviceArea))
    var serviceAreas: [String] = []

    @Option(name: flag(.service), help: help(.service))
    var services: [String] = []

    @Option(name: flag(.region), help: help(.region))
    var regions: [String] = []

    @Option(name: flag(.sector), help: help(.sector))
    var sectors: [String] = []

    @Option(name: flag(.organisation), help: help(.organisation))
    var organisations: [String] = []

    @Option(name: flag(.status), help: help(.status))
    var statuses: [String] = []

    @Option(name: flag(.figure), help: help(.figure))
    var figures: [String] = []

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

    private static func flag(_ dimension: Dimension) -> NameSpecification { .customLong(dimension.flag ?? dimension.name) }
    private static func help(_ dimension: Dimension) -> ArgumentHelp { ArgumentHelp(dimension.flagHelp) }

    /// Whether the filter reads names and descriptions, which a command showing neither
    /// then loads.
    var readsText: Bool { ArrangementFilter.readsText(searching: search ?? "") }

    /// What each dimension's flag was given.
    private var typed: [(Dimension, [String])] {
        [
            (.serviceArea, serviceAreas), (.service, services), (.region, regions), (.sector, sectors),
            (.organisation, organisations), (.status, statuses), (.figure, figures),
        ]
    }

    /// Whether a flag names values the register numbers (a service, a region, an
    /// organisation), which only the whole register can say are known, unknown or ambiguous.
    var namesValues: Bool {
        typed.contains { dimension, names in dimension.isNumberedByRegister && !names.isEmpty }
    }

    /// The flags as a filter on `register`; unknown values name the nearest known ones.
    func filter(for register: Register) throws -> ArrangementFilter {
        var filter = ArrangementFilter()
        do {
            for (dimension, names) in typed where !names.isEmpty {
                let values = try names.map { name throws(UnknownValue) in try dimension.value(named: name, in: register) }
                filter = dimension.setting(Set(values), in: filter)
            }
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

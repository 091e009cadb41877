import ArgumentParser
import Dashboard
#if canImport(Glibc)
import Glibc
#endif
import NCursesTerminal
import TerminalUI
import SharedServices
import TextCells

/// `ssmap`: the shared-services register of English councils, in the terminal.
public struct SSMap: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ssmap",
        abstract: "Browse the shared-services register of English councils: who shares what, and what it saves.",
        discussion: """
            With no command, opens the register (the bundled June 2017 sample when no file is given).
            Exit status: 0 success; 1 problems found (validate) or a file could not be written;
            2 the register could not be loaded; 64 a command-line mistake.
            """,
        subcommands: [Open.self, Summary.self, List.self, Show.self, MapCommand.self, Validate.self, Generate.self],
        defaultSubcommand: Open.self
    )

    public init() {}
}

/// `ssmap [FILE]`: the dashboard on a terminal; the summary when output is not a terminal.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a register in the dashboard (the default command).",
        discussion: """
            When standard output is not a terminal, or the terminal cannot draw the dashboard (TERM=dumb, an \
            unknown TERM), prints the summary instead. Press ? in the dashboard for every key.
            """)

    @OptionGroup var source: RegisterOptions
    @OptionGroup(title: "Filters") var filters: FilterOptions

    @Flag(name: .customLong("no-color"), help: "Monochrome: no colours (also when NO_COLOR is set).")
    var noColor = false

    @Flag(help: "Draw with ASCII only (GBP, # bars), whatever the locale.")
    var ascii = false

    @Flag(help: "Export CSV exactly as the data is, without guarding cells that look like spreadsheet formulas.")
    var raw = false

    func run() throws {
        guard TerminalOutput.isTerminal && isatty(STDIN_FILENO) != 0 else {
            try showSummary()
            return
        }
        // Asked before loading, whose progress line is drawn with escape sequences.
        if let problem = NCursesDriver.startProblem() {
            try showSummary(because: problem)
            return
        }
        var failure: NCursesDriver.StartFailure?
        try reportingFailures {
            // A large CSV register shows its first rows at once and loads the rest meanwhile.
            // Filters that name values (a service, an organisation) wait for the whole register,
            // so that a name is matched against all of it, as `ssmap summary` matches it.
            let first = filters.namesValues ? nil : RegisterSession.firstRows(source).flatMap { first in
                (try? filters.filter(for: first.loaded.register)).map { (rows: first, filter: $0) }
            }
            let loaded = try first?.rows.loaded ?? RegisterSession.load(source, quiet: true, showProgress: true)
            let filter = try first?.filter ?? filters.filter(for: loaded.register)
            // NO_COLOR set to anything non-empty means no colour (no-color.org).
            let noColorSet = getenv("NO_COLOR").map { String(cString: $0).isEmpty == false } ?? false
            let colour = !noColor && !noColorSet
            let driver: NCursesDriver
            do throws(NCursesDriver.StartFailure) {
                driver = try NCursesDriver(options: .init(colour: colour))
            } catch {
                failure = error
                return
            }
            let glyphs = ascii ? Glyphs.ascii : driver.glyphs
            let theme = driver.colourSupport == .none ? Theme.monochrome : Theme.colour
            let makeData = Self.dashboardData(named: source.file == nil ? nil : loaded.arrangementsFile, raw: raw)
            var pendingLoad: PendingLoad?
            if first != nil {
                // A register file cut short while it loads behind the dashboard: the terminal
                // is put back before the message is written.
                FileBytes.restoreBeforeReportingAFault(NCursesDriver.restoreTerminal)
                let source = self.source
                pendingLoad = PendingLoad { progress in
                    makeData(try RegisterSession.load(source, quiet: true, progress: progress))
                }
            }
            let app = DashboardApp(
                data: makeData(loaded), driver: driver, glyphs: glyphs, theme: theme, filter: filter,
                pendingLoad: pendingLoad, shareRead: first?.rows.shareOfFile ?? 0)
            app.run()
            driver.shutdown()
            if let loadFailure = app.loadFailure { throw loadFailure }
        }
        if let failure { try showSummary(because: failure) }
    }

    /// What the dashboard shows of a loaded register; `file` nil for the bundled sample.
    private static func dashboardData(named file: String?, raw: Bool) -> @Sendable (LoadedRegister) -> DashboardData {
        { loaded in
            DashboardData(
                register: loaded.register, diagnostics: loaded.diagnostics, sourceName: file ?? "the 2017 sample",
                reference: loaded.reference, inputFiles: loaded.inputFiles, rawExports: raw,
                mapOutlines: SampleData.mapOutlines())
        }
    }

    /// The summary `ssmap summary` prints for the same filters: the dashboard's plain form.
    private func showSummary() throws {
        try Summary.report(source: source, filters: filters, by: .serviceArea, metric: .total, top: nil)
    }

    /// One line on standard error saying why there is no dashboard, then the summary: the
    /// user still gets the figures, and learns what to change to see the dashboard.
    private func showSummary(because problem: NCursesDriver.StartFailure) throws {
        TerminalOutput.note("ssmap: \(Self.explanation(of: problem))")
        try showSummary()
    }

    static func explanation(of problem: NCursesDriver.StartFailure) -> String {
        let instead = "showing the summary instead."
        let setTerm = "Set TERM (for example TERM=xterm-256color) for the dashboard."
        switch problem {
        case .notATerminal:
            return "standard input or output is not a terminal; \(instead)"
        case .termNotSet:
            return "TERM is not set, so the dashboard cannot be drawn; \(instead) \(setTerm)"
        case .unknownTerminal(let term):
            return "the terminal type TERM=\(term) is unknown here (no usable terminfo entry); \(instead) "
                + "Set TERM to your terminal's type (for example TERM=xterm-256color) for the dashboard."
        case .cannotDraw(let term):
            return "this terminal (TERM=\(term)) cannot draw the dashboard; \(instead) \(setTerm)"
        case .noTerminalDatabase(let term):
            return "no terminfo database was found to look up TERM=\(term); \(instead) "
                + "Install one (the ncurses-base package, for example) for the dashboard."
        case .failed(let term):
            return "the terminal (TERM=\(term)) could not be started; \(instead)"
        }
    }
}

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Headline figures and a bar chart of savings, grouped as you choose.")

    @OptionGroup var source: RegisterOptions
    @OptionGroup(title: "Filters") var filters: FilterOptions

    @Option(help: "Group by: \(Dimension.all.map(\.name).joined(separator: ", ")).")
    var by: Dimension = .serviceArea

    @Option(help: "Measure each group by: total (savings to date), count (arrangements), mean (savings per arrangement with a figure).")
    var metric: Metric = .total

    // Read as text, and whatever follows --top: parsed as a number, "-3" would be taken
    // for a flag and "abc" refused with a message that does not say what is wanted.
    @Option(parsing: .unconditional, help: "Show only the largest N groups.")
    var top: String?

    /// `--top` as the number of groups to show; nil when not given.
    static func groupCount(_ top: String?) throws(ValidationError) -> Int? {
        guard let top else { return nil }
        guard let count = Int(top), count >= 1 else {
            throw ValidationError("--top must be a whole number of 1 or more (got \(SafeText.visible(top)))")
        }
        return count
    }

    func validate() throws {
        _ = try Self.groupCount(top)
    }

    @Option(
        help: """
            Output format: table (the headline and a bar chart), or csv, json or markdown: the groups as a table \
            with a total row, to take into a report.
            """)
    var format: Format = .table

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, markdown
    }

    func run() throws {
        try Self.report(source: source, filters: filters, by: by, metric: metric, top: Self.groupCount(top), format: format)
    }

    static func report(
        source: RegisterOptions, filters: FilterOptions, by dimension: Dimension, metric: Metric, top: Int?,
        format: Format = .table
    ) throws {
        try reportingFailures {
            // A summary shows no name or description: they are loaded only for a search.
            let loaded = try RegisterSession.load(source, keepingText: filters.readsText)
            let register = loaded.register
            let filter = try filters.filter(for: register)
            let rows = filter.matchingRows(in: register)
            guard format != .table else {
                let report = SummaryReport(
                    register: register, rows: rows, dimension: dimension, metric: metric, top: top,
                    width: TerminalOutput.width(), title: title(loaded), filters: filter.phrases(in: register))
                TerminalOutput.write(report.render())
                return
            }
            let table = ReportTable.summary(register: register, rows: rows, by: dimension, metric: metric, top: top)
            switch format {
            case .table, .csv: TerminalOutput.write(SafeText.visible(table.csv(), keepingLineBreaks: true))
            case .json: TerminalOutput.write(table.json())  // JSON escapes control characters itself
            case .markdown: TerminalOutput.write(SafeText.visible(table.markdown(), keepingLineBreaks: true))
            }
        }
    }

    static func title(_ loaded: LoadedRegister) -> String {
        let register = loaded.register
        let isSample = SampleData.directory().map { loaded.arrangementsFile == $0 + "/" + SampleData.arrangementsFileName }
            ?? false
        guard isSample else { return "Register: \(loaded.arrangementsFile)" }
        let reported = register.allRows.filter { register.provenance($0) == .reported }.count
        return "Sample register, June 2017: \(Count.format(reported, "reported arrangement", "reported arrangements")), "
            + "\(Count.format(register.count - reported)) illustrative"
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List arrangements as a table, or as CSV, JSON or Markdown to take into a report.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, markdown, xlsx

        init(_ format: ExportFormat) {
            switch format {
            case .csv: self = .csv
            case .json: self = .json
            case .markdown: self = .markdown
            case .xlsx: self = .xlsx
            }
        }
    }

    @OptionGroup var source: RegisterOptions
    @OptionGroup(title: "Filters") var filters: FilterOptions

    @Option(help: "Sort by a column, by its heading or a name in brackets after it (any case): \(sortNames).")
    var sort: String?

    /// Every column `--sort` takes, each by its title with its other names in brackets:
    /// "partners (partner count), …, saved to date (savings to date, saved, savings)".
    static let sortNames = SortColumn.sortable.map { column in
        let names = column.sortNames
        return names.dropFirst().isEmpty
            ? names.joined() : "\(names[0]) (\(names.dropFirst().joined(separator: ", ")))"
    }.joined(separator: ", ")

    @Flag(help: "Sort largest or latest first.")
    var desc = false

    @Option(
        help: """
            Output format: table, csv, json, markdown or xlsx (a workbook, written to --output only). \
            CSV, JSON and xlsx load back into ssmap. Default: the --output file's extension \
            (.csv, .json, .md, .xlsx), else table.
            """)
    var format: Format?

    @Option(name: .shortAndLong, help: "Write to this file instead of the terminal (never over an existing file unless --force).")
    var output: String?

    @Flag(help: "Replace the --output file if it exists.")
    var force = false

    @Flag(help: "CSV exactly as the data is, without guarding cells that look like spreadsheet formulas with an apostrophe.")
    var raw = false

    /// The format to write: `--format` when given, else the one the `--output` file's
    /// extension names (`ExportFormat(forPath:)`, as the dashboard's export), else the
    /// table. An extension naming another format than `--format`, or one ssmap cannot
    /// write (`.xlsx`), is a usage error.
    static func chosenFormat(_ format: Format?, output: String?) throws(CommandError) -> Format {
        guard let output else { return format ?? .table }
        let named: Format?
        do {
            named = try ExportFormat(forPath: output).map(Format.init)
        } catch {
            throw .usage("--output \(output): \(error.description)")
        }
        if let format, let named, format != named {
            throw .usage(
                "--format \(format.rawValue) conflicts with --output \(output), whose extension means \(named.rawValue); "
                    + "give one of them, or make them agree")
        }
        return format ?? named ?? .table
    }

    /// A workbook is not text: it goes to a file, never to the terminal.
    static func checkDestination(_ format: Format, output: String?) throws(CommandError) {
        if format == .xlsx && output == nil {
            throw .usage("--format xlsx writes a workbook, which goes to a file: add --output FILE.xlsx")
        }
    }

    func run() throws {
        try reportingFailures {
            let format = try Self.chosenFormat(self.format, output: output)
            try Self.checkDestination(format, output: output)
            let loaded = try RegisterSession.load(source)
            let register = loaded.register
            var rows = try filters.filter(for: register).matchingRows(in: register)
            if let sort {
                guard let column = SortColumn(sortName: sort) else {
                    let nearest = Suggestions.nearest(to: sort, among: SortColumn.sortable.flatMap(\.sortNames))
                    throw CommandError.usage(
                        "cannot sort by \"\(sort)\"; columns: \(Self.sortNames)"
                            + (nearest.first.map { "; did you mean \($0)?" } ?? ""))
                }
                rows = register.sorted(rows, by: column, descending: desc)
            } else if desc {
                rows.reverse()
            }
            let text: String
            switch format {
            case .table: text = ListReport(register: register, rows: rows, width: TerminalOutput.width()).render()
            case .csv: text = RegisterWriter.csv(register, rows: rows, neutralisingFormulas: !raw)
            case .json: text = RegisterWriter.json(register, rows: rows)
            case .markdown: text = RegisterWriter.markdown(register, rows: rows)
            case .xlsx: text = ""
            }
            if let output {
                let bytes: [UInt8]
                do {
                    bytes = format == .xlsx ? try WorkbookWriter.xlsx(register, rows: rows) : Array(text.utf8)
                } catch {
                    throw CommandError.failed("the workbook could not be made (\(error))")
                }
                try ExportFile.write(bytes, to: output, force: force, inputs: loaded.inputFiles)
                TerminalOutput.note("Wrote \(Count.format(rows.count, "arrangement", "arrangements")) to \(output)")
            } else if format == .json {
                TerminalOutput.write(text)  // JSON escapes control characters itself
            } else {
                // Standard output often ends up on a terminal even when piped (| head, | less),
                // so control characters from the data are shown as symbols; --output writes
                // the data exactly.
                TerminalOutput.write(SafeText.visible(text, keepingLineBreaks: true))
            }
        }
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show arrangements in full, with their partners and their sectors.",
        discussion: """
            ssmap show SS0001 SS0002 (the sample), or ssmap show FILE ID… The first argument is the register \
            when it is an existing file or ends .csv, .json or .xlsx; otherwise every argument is an id.
            """)

    @Argument(help: "[FILE] ID…: the register (optional) and the arrangements' ids.")
    var arguments: [String] = []

    @Option(help: ArgumentHelp(RegisterOptions.organisationsHelp))
    var organisations: String?

    @Option(help: ArgumentHelp(RegisterOptions.sheetHelp))
    var sheet: String?

    @Flag(name: .customLong("include-forecasts"), help: RegisterOptions.includeForecastsHelp)
    var includeForecasts = false

    /// The register file, if the arguments begin with one, and the ids. A name ending as a
    /// register does is a file even when missing, so that it is reported as missing rather
    /// than looked up as an id.
    static func fileAndIDs(_ arguments: [String]) -> (file: String?, ids: [String]) {
        guard let first = arguments.first else { return (nil, []) }
        let namedAsRegister = (try? ExportFormat(forPath: first)).map { [.csv, .json, .xlsx].contains($0) } ?? false
        guard namedAsRegister || FileSystem.exists(first) else { return (nil, arguments) }
        return (first, Array(arguments.dropFirst()))
    }

    func validate() throws {
        let (file, ids) = Self.fileAndIDs(arguments)
        guard ids.isEmpty else { return }
        if let file {
            throw ValidationError("give the id of an arrangement after the register: ssmap show \(SafeText.visible(file)) ID…")
        }
        throw ValidationError("give an arrangement's id, optionally after the register file: ssmap show [FILE] ID…")
    }

    func run() throws {
        try reportingFailures {
            let (file, ids) = Self.fileAndIDs(arguments)
            var source = RegisterOptions()
            source.file = file
            source.organisations = organisations
            source.sheet = sheet
            source.includeForecasts = includeForecasts
            let loaded = try RegisterSession.load(source)
            let register = loaded.register
            // Every id is checked before anything is printed: a mistyped one is a mistake in
            // the command, which prints only the error, as other commands do.
            var rows: [Int] = []
            var unknown: [String] = []
            for id in ids {
                if let row = register.row(withID: id) { rows.append(row) } else { unknown.append(id) }
            }
            guard unknown.isEmpty else {
                let allIDs = register.allRows.map(register.id)
                throw CommandError.usage(
                    unknown.map { id in
                        let nearest = Suggestions.nearest(to: id, among: allIDs)
                        return "no arrangement has the id \"\(id)\""
                            + (nearest.isEmpty ? "" : " (nearest: " + nearest.joined(separator: ", ") + ")")
                    }.joined(separator: "; "))
            }
            let width = TerminalOutput.width()
            let rule = String(repeating: "─", count: width)
            TerminalOutput.write(
                rows.map { row in
                    ArrangementReport(register: register, row: row, width: width, file: loaded.arrangementsFile).render()
                }.joined(separator: "\n" + rule + "\n\n"))
        }
    }
}

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "England's councils as a map in text, each shaded by the arrangements in view, for reports.")

    @OptionGroup var source: RegisterOptions
    @OptionGroup(title: "Filters") var filters: FilterOptions

    @Option(help: "Shade each council by: \(MapShading.Measure.allCases.map { "\($0.rawValue) (\($0.label))" }.joined(separator: "; ")).")
    var by: MapShading.Measure = .arrangements

    @Flag(help: "Shade whole regions by their totals, listed under the map.")
    var regions = false

    @Option(help: "Width in columns. Default: the terminal's, or 100 when not a terminal.")
    var width: Int?

    @Option(help: "Height in lines. Default: the terminal's, or 40 when not a terminal.")
    var height: Int?

    @Flag(help: "Draw with ASCII density characters (\(MapText.asciiShades)), nothing outside ASCII.")
    var ascii = false

    @Option(
        help: """
            Output format: text (the map), or csv, json or markdown: every council with the figures it is \
            shaded by, to take into a report.
            """)
    var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv, json, markdown
    }

    func validate() throws {
        if let width, !(20...MapText.largest).contains(width) {
            throw ValidationError("--width must be from 20 to \(MapText.largest) (got \(width))")
        }
        if let height, !(10...MapText.largest).contains(height) {
            throw ValidationError("--height must be from 10 to \(MapText.largest) (got \(height))")
        }
    }

    func run() throws {
        try reportingFailures {
            let geometry: MapGeometry
            switch SampleData.mapOutlines().geometry {
            case .success(let read): geometry = read
            case .failure(.unreadable(let error)): throw CommandError.load(error)
            case .failure(let unavailable): throw CommandError.failed(unavailable.message)
            }
            // A map shows no name or description: they are loaded only for a search.
            let loaded = try RegisterSession.load(source, keepingText: filters.readsText)
            let register = loaded.register
            let filter = try filters.filter(for: register)
            let rows = filter.matchingRows(in: register)
            guard format == .text else {
                let shading = MapShading(register: register, rows: rows, geometry: geometry, measure: by, byRegion: regions)
                let table = ReportTable.mapCouncils(shading, geometry: geometry, arrangements: rows.count)
                switch format {
                case .text, .csv: TerminalOutput.write(SafeText.visible(table.csv(), keepingLineBreaks: true))
                case .json: TerminalOutput.write(table.json())  // JSON escapes control characters itself
                case .markdown: TerminalOutput.write(SafeText.visible(table.markdown(), keepingLineBreaks: true))
                }
                return
            }
            let size = TerminalOutput.size()
            let request = MapText.Request(
                register: register, rows: rows, geometry: geometry, measure: by, byRegion: regions,
                width: width ?? size?.width ?? 100, height: height ?? size?.height ?? 40, ascii: ascii,
                title: Summary.title(loaded), filters: filter.phrases(in: register))
            TerminalOutput.write(MapText.render(request))
        }
    }
}

extension MapShading.Measure: ExpressibleByArgument {}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a register and list every problem with its file, line and column.",
        discussion: "Exit status: 0 no problems, 1 problems found, 2 the register could not be loaded.")

    @Argument(help: "The arrangements file to check.")
    var file: String

    @Option(help: ArgumentHelp(RegisterOptions.organisationsHelp))
    var organisations: String?

    @Option(help: ArgumentHelp(RegisterOptions.sheetHelp))
    var sheet: String?

    func run() throws {
        let loaded: LoadedRegister
        do {
            // Every cell is checked; the names and descriptions need not be kept to say so.
            loaded = try RegisterLoader.load(arrangements: file, organisations: organisations, sheet: sheet, keepingText: false)
        } catch {
            TerminalOutput.write(SafeText.visible("\(error.description) (could not be loaded)") + "\n")
            throw ExitCode(2)
        }
        let ordered = loaded.diagnostics.enumerated().sorted { left, right in
            let a = left.element
            let b = right.element
            if a.file != b.file { return a.file == loaded.organisationsFile }
            if (a.line ?? Int.max) != (b.line ?? Int.max) { return (a.line ?? Int.max) < (b.line ?? Int.max) }
            return left.offset < right.offset
        }.map(\.element)
        var output = ""
        for diagnostic in ordered {
            output += SafeText.visible("\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message)") + "\n"
        }
        let register = loaded.register
        var summary = "\(loaded.arrangementsFile): \(Count.format(register.count, "arrangement", "arrangements")) read"
        // Which list the partners were checked against, always: without an organisations
        // file of its own, a register is checked against the bundled one.
        let listed = register.organisations.listed.filter { $0 }.count
        summary += ", \(Count.format(listed, "organisation", "organisations")) from \(loaded.organisationsFile ?? loaded.reference.name)"
        summary += "; \(Count.format(loaded.errorCount, "row", "rows")) left out, "
        summary += Count.format(loaded.warningCount, "warning", "warnings")
        output += SafeText.visible(summary) + "\n"
        TerminalOutput.write(output)
        if !loaded.diagnostics.isEmpty { throw ExitCode(1) }
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a register of any size with the sample's shape (arrangements and organisations).",
        discussion: """
            The bundled sample is: ssmap generate --count 486 --seed 2017 --out sample-data --force
            The reported arrangements come first; the rest are illustrative and marked so.
            """)

    @Option(help: "How many arrangements.")
    var count: Int

    @Option(help: "The seed: the same seed and count give the same files, byte for byte.")
    var seed: UInt64 = 2017

    @Option(help: "The directory to write arrangements.csv and organisations.csv into (made if missing).")
    var out: String

    @Option(
        help: """
            How to lay out arrangements.csv: plain (as ssmap writes CSV) or spreadsheet (as Excel saves it: \
            byte-order mark, CRLF line ends, quoted "phase 1" in every description, a line break in one \
            description in ten, a third of the amounts as "£1,234,567"). Both hold the same rows, ids and figures (the spreadsheet style adds a sentence to each description).
            """)
    var style: RegisterGenerator.Style = .plain

    @Flag(help: "Replace files that already exist.")
    var force = false

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must be 0 or more") }
    }

    func run() throws {
        try reportingFailures {
            guard let sample = SampleData.directory(containing: SampleData.reportedFileName) else {
                throw CommandError.failed("the bundled sample data was not found; set SSMAP_SAMPLE_DATA to its directory")
            }
            let organisationsPath = sample + "/" + SampleData.organisationsFileName
            let reported: LoadedRegister
            do throws(LoadError) {
                reported = try RegisterLoader.load(
                    arrangements: sample + "/" + SampleData.reportedFileName, organisations: organisationsPath)
            } catch {
                throw CommandError.load(error)
            }
            let organisationBytes: [UInt8]
            do throws(LoadError) {
                organisationBytes = try FileBytes.read(organisationsPath)
            } catch {
                throw CommandError.load(error)
            }
            try GenerateOutput.write(
                register: reported.register, organisationBytes: organisationBytes, count: count, seed: seed,
                style: style, directory: out, force: force)
        }
    }
}

extension Dimension: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { all.map(\.name) }
}
extension Metric: ExpressibleByArgument {}
extension RegisterGenerator.Style: ExpressibleByArgument {}

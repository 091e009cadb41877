// Shared by the test suite and the loader fuzzer (scripts/fuzz.sh compiles it with the
// sources into one module, where there is no SharedServices module to import).
#if canImport(SharedServices)
@testable import SharedServices
#endif
import TextCells

/// What the loader fuzzer does with each input, kept free of any test framework so that
/// the fuzzer and the test suite (which replays `Fuzz/seeds` and `Fuzz/findings`) run the
/// very same checks. The bytes go to the CSV and JSON parsers, and to the loader as an
/// arrangements file and as an organisations file; every load is made with the reference
/// reader, the fast reader and the fast reader in tiny stretches, which must agree; each
/// register loaded is then queried and written out. A crash anywhere is a finding; so is
/// every problem returned.
enum FuzzChecks {
    /// Everything found wrong with how `bytes` were handled; empty when all is well.
    static func problems(in bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        parseAsCSV(bytes, problems: &problems)
        parseAsJSON(bytes, problems: &problems)
        for file in ["fuzz.csv", "fuzz.json"] {
            loadEveryWay(
                arrangements: bytes, file: file, organisations: nil, organisationsFile: nil, problems: &problems)
            loadEveryWay(
                arrangements: bytes, file: file, organisations: fixedOrganisations,
                organisationsFile: "organisations.csv", problems: &problems)
        }
        checkWorkbook(bytes, problems: &problems)
        for organisationsFile in ["organisations.csv", "organisations.json"] {
            loadEveryWay(
                arrangements: fixedArrangements, file: "arrangements.csv", organisations: bytes,
                organisationsFile: organisationsFile, problems: &problems)
        }
        return problems
    }

    // MARK: Workbooks

    /// The bytes as a workbook (a zip archive, mostly refused with a sentence), and as a
    /// sheet's XML read in chunks of several sizes: where the chunks end must change nothing.
    static func checkWorkbook(_ bytes: [UInt8], problems: inout [String]) {
        let loaded = FuzzLoadOutcome { () throws(LoadError) in
            try RegisterLoader.load(arrangementBytes: bytes, file: "fuzz.xlsx")
        }
        if let register = loaded.loaded {
            exercise(register.register, problems: &problems, context: "loading fuzz.xlsx")
        }
        let parts = WorkbookParts(sharedStrings: ["a", "b"], dateStyles: [false, true])
        func rows(_ chunkSize: Int) -> String {
            var text = ""
            do {
                try SheetReader(parts: parts).read(xml: bytes, chunkSize: chunkSize) { row in
                    text += "row \(row.number): \(row.cells.map { "\($0.column)=\($0.value)" }) \(row.problems.map(\.message))\n"
                }
            } catch let error as XMLStream.Malformed {
                text += "malformed: \(error.reason)"
            } catch {
                text += "failed: \(error)"
            }
            return text
        }
        let whole = rows(bytes.count)
        for chunkSize in [1, 7, 4_096] where chunkSize < bytes.count {
            let chunked = rows(chunkSize)
            if chunked != whole {
                problems.append("the sheet's XML read whole and in chunks of \(chunkSize) differ:\n\(whole)\n---\n\(chunked)")
            }
        }
    }

    // MARK: The parsers alone

    static func parseAsCSV(_ bytes: [UInt8], problems: inout [String]) {
        compareCSVReaders(bytes, problems: &problems)
        do {
            var parser = try CSVParser(bytes: bytes, file: "fuzz.csv")
            let records = try parser.readAll()
            // A record starts on a later line than the one before it ends on.
            for (previous, record) in zip(records, records.dropFirst()) where record.line <= previous.line {
                problems.append("CSV record on line \(record.line) follows one on line \(previous.line)")
            }
            if let first = records.first, first.line < 1 { problems.append("CSV record on line \(first.line)") }
            if parser.fractionRead != 1 { problems.append("CSV parser read \(parser.fractionRead) of the file") }
        } catch {
            // Refusing the bytes with a message is a fine answer.
        }
    }

    /// The loader's CSV scanner and the reference parser give the same records (fields,
    /// lines, where each cell starts), the same warnings, and the same refusal.
    static func compareCSVReaders(_ bytes: [UInt8], problems: inout [String]) {
        var reference: (records: [CSVRecord], warnings: [Diagnostic], failure: LoadError?) = ([], [], nil)
        do throws(LoadError) {
            var parser = try CSVParser(bytes: bytes, file: "fuzz.csv")
            do throws(LoadError) {
                while let record = try parser.next() { reference.records.append(record) }
            } catch {
                reference.failure = error
            }
            reference.warnings = parser.warnings
        } catch {
            reference.failure = error
        }
        var scanned: (records: [TableRow], warnings: [Diagnostic], failure: LoadError?) = ([], [], nil)
        do throws(LoadError) {
            scanned = try bytes.withUnsafeBufferPointer { buffer throws(LoadError) in
                try CSVTable.records(buffer, file: "fuzz.csv")
            }
        } catch {
            scanned.failure = error
        }
        if scanned.failure != reference.failure {
            problems.append("CSV readers refuse differently: \(String(describing: reference.failure)) vs \(String(describing: scanned.failure))")
        }
        if scanned.records.map(\.fields) != reference.records.map(\.fields)
            || scanned.records.map(\.line) != reference.records.map(\.line)
            || scanned.records.map({ $0.positions ?? [] }) != reference.records.map(\.positions)
        {
            problems.append("CSV readers give different records")
        }
        // A refused file shows no warnings, only why it was refused: those of the record
        // cut short by the failure need not agree.
        if scanned.failure == nil && scanned.warnings != reference.warnings {
            problems.append(
                "CSV readers warn differently: \(reference.warnings.map(\.description)) vs \(scanned.warnings.map(\.description))")
        }
    }

    static func parseAsJSON(_ bytes: [UInt8], problems: inout [String]) {
        do {
            var parser = try JSONParser(bytes: bytes, file: "fuzz.json")
            let document = try parser.parseDocument()
            let elementCount: Int
            if case .array(let elements) = document { elementCount = elements.count } else { elementCount = 0 }
            if parser.topLevelElementLines.count != elementCount {
                problems.append(
                    "JSON parser gave \(parser.topLevelElementLines.count) element lines for \(elementCount) elements")
            }
        } catch {
            // Refusing the bytes with a message is a fine answer.
        }
    }

    // MARK: The loader, every way

    /// Loads with the reference reader, then with the public loader (the fast reader) and
    /// with the fast reader in stretches so small that boundaries fall all through the
    /// text; any disagreement is a problem. The reference register is then exercised.
    static func loadEveryWay(
        arrangements: [UInt8], file: String, organisations: [UInt8]?, organisationsFile: String?,
        problems: inout [String]
    ) {
        let reference = FuzzLoadOutcome { () throws(LoadError) in
            try RegisterLoader.load(
                arrangementBytes: arrangements, file: file, organisationBytes: organisations,
                organisationsFile: organisationsFile, reading: .rowAtATime)
        }
        let others: [(reading: String, outcome: FuzzLoadOutcome)] = [
            (
                "the public loader",
                FuzzLoadOutcome { () throws(LoadError) in
                    try RegisterLoader.load(
                        arrangementBytes: arrangements, file: file, organisationBytes: organisations,
                        organisationsFile: organisationsFile)
                }
            ),
            (
                "stretches of 16 bytes",
                FuzzLoadOutcome { () throws(LoadError) in
                    try RegisterLoader.load(
                        arrangementBytes: arrangements, file: file, organisationBytes: organisations,
                        organisationsFile: organisationsFile, reading: .inStretches(minimumBytes: 16))
                }
            ),
        ]
        let loading = "loading \(file) with \(organisationsFile ?? "no organisations file")"
        for other in others {
            let differences = reference.differences(from: other.outcome)
            if !differences.isEmpty {
                problems.append(
                    "\(loading): the row-at-a-time reader and \(other.reading) disagree (reference first):\n"
                        + differences.joined(separator: "\n"))
            }
        }
        if let loaded = reference.loaded {
            exercise(loaded.register, problems: &problems, context: loading)
        }
    }

    // MARK: Queries and writers

    /// Light use of what the dashboard and commands do with a register, with the few
    /// invariants that must hold whatever was loaded.
    static func exercise(_ register: Register, problems: inout [String], context: String) {
        func problem(_ text: String) { problems.append("\(context): \(text)") }
        let rows = register.allRows

        var searches = ["council", " "]
        if register.count > 0 { searches.append(String(register.name(0).prefix(4))) }
        for search in searches {
            var filter = ArrangementFilter()
            filter.search = search
            let found = filter.matchingRows(in: register)
            if !isIncreasing(found) || !found.allSatisfy(rows.indices.contains) {
                problem("searching for \(FuzzLoadOutcome.shown(search)) gave rows \(found.prefix(20))")
            }
        }

        for dimension in Dimension.all {
            let groups = register.summarise(rows, by: dimension)
            // Split across the cores, however small the view, it must come to the same.
            let split = register.summarise(rows, by: dimension, metric: .total, splittingFrom: 1)
            if split != groups { problem("summarising by \(dimension) in pieces gave different groups") }
            let counted = groups.reduce(0) { $0 + $1.count }
            if !dimension.isMultiValued && counted != rows.count {
                problem("summarising \(rows.count) rows by \(dimension) counted \(counted)")
            }
        }

        let headline = register.headline(rows)
        if headline.arrangements != rows.count || headline.withFigure > headline.arrangements
            || headline.councilsInvolved > headline.organisationsInvolved
        {
            problem("the headline does not add up: \(headline)")
        }

        for column in SortColumn.sortable {
            for descending in [false, true] {
                let sorted = register.sorted(rows, by: column, descending: descending)
                if sorted.sorted() != rows {
                    problem("sorting by \(column)\(descending ? " descending" : "") lost or repeated rows")
                }
            }
        }

        for format in ExportFormat.allCases where format != .xlsx {
            let text = String(decoding: (try? RegisterWriter.write(register, rows: rows, as: format)) ?? [], as: UTF8.self)
            _ = SafeText.visible(text)
            _ = SafeText.visible(text, keepingLineBreaks: true)
        }
        checkJSONExportReadsBack(register, rows: rows, problem: problem)
    }

    /// The JSON export is always valid JSON, one object per row.
    static func checkJSONExportReadsBack(_ register: Register, rows: [Int], problem: (String) -> Void) {
        let json = Array(RegisterWriter.json(register, rows: rows).utf8)
        do {
            var parser = try JSONParser(bytes: json, file: "export.json")
            guard case .array(let elements) = try parser.parseDocument(), elements.count == rows.count else {
                problem("the JSON export is not an array of \(rows.count) objects")
                return
            }
        } catch {
            problem("the JSON export is not valid JSON: \(error)")
        }
    }

    static func isIncreasing(_ rows: [Int]) -> Bool {
        zip(rows, rows.dropFirst()).allSatisfy { $0 < $1 }
    }

    // MARK: The fixed files the input is paired with

    /// Organisations for the input's arrangements to resolve against: councils, a joint
    /// body, names that share a core, extra columns and an odd coordinate.
    static let fixedOrganisations = Array(
        """
        name,sector,type,region,gss_code,lat,long,county
        Adur District Council,council,district,South East,E07000223,50.8444,-0.2985,West Sussex
        Worthing Borough Council,council,district,South East,E07000229,50.8179,-0.3729,West Sussex
        London Borough of Brent,council,london-borough,London,E09000005,51.5588,-0.2817,
        Brent Council,council,london-borough,London,,,,
        "Avon and Somerset Constabulary",police,police-force,South West,,,,
        NHS Herefordshire CCG,health,ccg,West Midlands,,91,,
        Herefordshire Council,council,unitary,West Midlands,E06000019,52.0765,-2.6544,"Hereford, ""the city"" area"

        """.utf8)

    /// Arrangements for the input to serve as the organisations file of.
    static let fixedArrangements = Array(
        """
        id,name,service_area,service,partners,lead,region,start_year,status,savings_to_date,savings_latest_year,description,provenance,source
        A1,Shared HR,Back office,HR,Adur District Council; Worthing Borough Council,Adur District Council,South East,2015,operational,100000,20000,"Shared HR, for two councils.",reported,LGA 2017
        A2,Joint Legal,Legal,Legal,Brent; Herefordshire Council; Avon and Somerset Constabulary,Brent,London,2011,ended,,,"A ""joint"" service",illustrative,
        A3,Health and care,Social care,Public health,NHS Herefordshire CCG; Herefordshire Council; Unknown Body,Herefordshire Council,West Midlands,abc,proposed,about £2m,5,,reported,LGA 2017

        """.utf8)
}

// Shared by the test suite and the loader fuzzer (scripts/fuzz.sh compiles it with the
// sources into one module, where there is no SharedServices module to import).
#if canImport(SharedServices)
@testable import SharedServices
#endif

/// What one load of a register came to, written out one fact a line: the error, or every
/// diagnostic, every organisation's and every row's every field read through the accessors.
/// Two loads agree when their lines are equal, and a disagreement is shown as the lines
/// that differ.
struct FuzzLoadOutcome {
    /// The register, when the load succeeded.
    let loaded: LoadedRegister?
    let lines: [String]

    init(_ load: () throws(LoadError) -> LoadedRegister) {
        do {
            let loaded = try load()
            self.loaded = loaded
            lines = Self.lines(of: loaded)
        } catch {
            loaded = nil
            lines = [
                "threw: file \(Self.shown(error.file)) line \(Self.shown(error.line)) "
                    + "column \(Self.shown(error.column)) message \(Self.shown(error.message))"
            ]
        }
    }

    /// A short account of the outcome, for messages.
    var summary: String {
        guard let loaded else { return lines.first ?? "nothing" }
        return "loaded \(loaded.register.count) rows with \(loaded.diagnostics.count) diagnostics"
    }

    /// The first few lines where `other` differs from `self`; empty when they agree.
    func differences(from other: FuzzLoadOutcome, limit: Int = 8) -> [String] {
        var differences: [String] = []
        if lines.count != other.lines.count {
            differences.append("\(lines.count) lines vs \(other.lines.count) (\(summary) vs \(other.summary))")
        }
        for index in 0..<max(lines.count, other.lines.count) where differences.count < limit {
            let mine = lines.indices.contains(index) ? lines[index] : "(none)"
            let theirs = other.lines.indices.contains(index) ? other.lines[index] : "(none)"
            if mine != theirs { differences.append("  \(mine)\n    vs \(theirs)") }
        }
        return differences
    }

    private static func lines(of loaded: LoadedRegister) -> [String] {
        var lines = [
            "files: \(shown(loaded.arrangementsFile)) and \(shown(loaded.organisationsFile))",
            "diagnostics: \(loaded.diagnostics.count)",
        ]
        for (index, diagnostic) in loaded.diagnostics.enumerated() {
            lines.append(
                "diagnostic \(index): \(diagnostic.severity) file \(shown(diagnostic.file)) "
                    + "line \(shown(diagnostic.line)) column \(shown(diagnostic.column)) "
                    + "field \(shown(diagnostic.field)) message \(shown(diagnostic.message))")
        }
        let register = loaded.register
        lines += [
            "rows: \(register.count)",
            "extra columns: \(shown(register.extraColumnNames))",
            "service areas: \(shown(register.serviceAreas.values))",
            "services: \(shown(register.services.values))",
            "regions: \(shown(register.regions.values))",
        ]
        appendOrganisations(of: register, to: &lines)
        for row in 0..<register.count { appendRow(row, of: register, to: &lines) }
        return lines
    }

    private static func appendOrganisations(of register: Register, to lines: inout [String]) {
        let table = register.organisations
        lines += [
            "organisations: \(table.count), councils listed \(table.listedCouncilCount)",
            "organisation extra columns: \(shown(table.extraColumnNames))",
        ]
        for index in 0..<table.count {
            lines.append(
                "organisation \(index): \(shown(table.names[index])) \(table.sectors[index]) "
                    + "type \(shown(table.types[index])) region \(table.regions[index]) "
                    + "gss \(shown(table.gssCodes[index])) at \(shown(table.latitudes[index])), "
                    + "\(shown(table.longitudes[index])) listed \(table.listed[index]) "
                    + "extras \(shown(table.extraValues[index]))")
        }
    }

    private static func appendRow(_ row: Int, of register: Register, to lines: inout [String]) {
        func field(_ name: String, _ value: String) { lines.append("row \(row) \(name): \(value)") }
        func organisationName(_ id: Int32?) -> String {
            guard let id else { return "none" }
            let names = register.organisations.names
            return names.indices.contains(Int(id)) ? shown(names[Int(id)]) : "#\(id) out of range"
        }
        field("id", shown(register.id(row)))
        field("name", shown(register.name(row)))
        field("service area", shown(register.serviceArea(row)))
        field("service", shown(register.service(row)))
        field("region", shown(register.region(row)))
        field(
            "as written",
            shown([register.serviceAreaAsWritten(row), register.serviceAsWritten(row), register.regionAsWritten(row)])
                + " partners \(shown(register.partnersAsWritten(row))) lead \(shown(register.leadAsWritten(row)))")
        field("lead", "\(shown(register.lead(row))) \(organisationName(register.lead(row)))")
        let partners = Array(register.partners(row))
        field("partners", "\(partners) \(partners.map(organisationName)) count \(register.partnerCount(row))")
        field("start year", shown(register.startYear(row)))
        field("status", shown(register.status(row)))
        field("provenance", shown(register.provenance(row)))
        field("savings", "\(shown(register.savingsToDate(row))) latest \(shown(register.savingsLatestYear(row)))")
        field("description", shown(register.description(row)))
        field("source", shown(register.source(row)))
        field("line", "\(register.line(row))")
        field("extra values", shown(register.extraValues(row)))
        let sectors = Sector.allCases.filter { register.involves(row, sector: $0) }
        field("sectors", "\(sectors) cross-sector \(register.isCrossSector(row))")
        // The folded search text, asked about through the search itself.
        let name = TextSearch.fold(register.name(row))
        for needle in [name, String(name.suffix(3)), "\u{1}no such text\u{1}"] {
            field("contains \(shown(needle))", "\(register.textContains(row, Array(needle.utf8)))")
        }
    }

    /// A value as written in a line: strings quoted and escaped, so that no two values look alike.
    static func shown(_ value: some Any) -> String {
        String(reflecting: value)
    }
}

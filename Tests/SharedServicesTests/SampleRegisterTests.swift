import Foundation
import Testing

@testable import SharedServices

/// The bundled sample register: its calibration to the LGA's June 2017 figures, the real
/// arrangements in it, and the generator that rebuilds it.
@Suite("The bundled sample register and its generator")
struct SampleRegisterTests {
    static let arrangementsPath = PackagePaths.sampleData + "/arrangements.csv"
    static let organisationsPath = PackagePaths.sampleData + "/organisations.csv"
    static let reportedPath = PackagePaths.sampleData + "/reported-arrangements.csv"

    static func sample() throws -> LoadedRegister {
        try RegisterLoader.load(arrangements: arrangementsPath)
    }

    static func reported() throws -> LoadedRegister {
        try RegisterLoader.load(arrangements: reportedPath, organisations: organisationsPath)
    }

    /// The rows whose name contains `text`.
    private func rows(named text: String, in register: Register) -> [Int] {
        register.allRows.filter { register.name($0).contains(text) }
    }

    // MARK: Calibration

    @Test func sampleLoadsWithNoDiagnostics() throws {
        let loaded = try Self.sample()
        #expect(loaded.organisationsFile == Self.organisationsPath)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.prefix(5))")
    }

    @Test func sampleHas486Arrangements() throws {
        let register = try Self.sample().register
        #expect(register.count == 486)
        #expect(Set(register.allRows.map(register.id)).count == 486)
    }

    @Test func savingsTotalIsAbout643Million() throws {
        let register = try Self.sample().register
        let total = register.totalSavings(register.allRows)
        #expect(abs(total - 643_000_000) <= 500_000, "total £\(total)")
        #expect(register.headline(register.allRows).totalSavings == total)
    }

    @Test func councilsKnownAre353ByType() throws {
        let organisations = try Self.sample().register.organisations
        #expect(organisations.listedCouncilCount == 353)
        var byType: [String: Int] = [:]
        for index in 0..<organisations.count where organisations.listed[index] && organisations.sectors[index] == .council {
            byType[organisations.types[index], default: 0] += 1
        }
        #expect(
            byType == [
                "county": 27, "district": 201, "unitary": 56, "metropolitan": 36, "london-borough": 32,
                "city-corporation": 1,
            ])
    }

    @Test func almostEveryCouncilIsInvolved() throws {
        let register = try Self.sample().register
        let headline = register.headline(register.allRows)
        #expect(headline.councilsKnown == 353)
        // 98% of 353 is 345.94.
        #expect(headline.councilsInvolved >= 346, "\(headline.councilsInvolved) councils involved")
        #expect(headline.councilsInvolved <= 353)
        #expect((headline.councilShare ?? 0) >= 0.98)
    }

    @Test func aboutAFifthReportNoFigure() throws {
        let register = try Self.sample().register
        let headline = register.headline(register.allRows)
        let share = Double(headline.withoutFigure) / Double(headline.arrangements)
        #expect(share >= 0.17 && share <= 0.23, "\(headline.withoutFigure) of \(headline.arrangements) without a figure")
        #expect(headline.withoutFigure == register.allRows.filter { register.savingsToDate($0) == nil }.count)
    }

    @Test func partnerCountsRangeFromTwoToTenOrMore() throws {
        let register = try Self.sample().register
        let counts = register.allRows.map(register.partnerCount)
        #expect(counts.min() == 2)
        #expect((counts.max() ?? 0) >= 10)
    }

    @Test func aboutOneInTenInvolvesFirePoliceOrHealth() throws {
        let register = try Self.sample().register
        let involving = register.allRows.filter { row in
            register.involves(row, sector: .fire) || register.involves(row, sector: .police)
                || register.involves(row, sector: .health)
        }
        let share = Double(involving.count) / Double(register.count)
        #expect(share >= 0.08 && share <= 0.12, "\(involving.count) of \(register.count)")
    }

    @Test func reportedRowsHaveSourcesAndTheRestAreIllustrative() throws {
        let register = try Self.sample().register
        let reported = register.allRows.filter { register.provenance($0) == .reported }
        #expect(reported.count >= 15)
        for row in reported {
            #expect(!register.source(row).trimmingCharacters(in: .whitespaces).isEmpty, "\(register.id(row)) has no source")
        }
        for row in register.allRows where register.provenance(row) != .reported {
            #expect(register.provenance(row) == .illustrative, "\(register.id(row)) has no provenance")
        }
    }

    /// Savings in the latest year are part of the savings to date, so cannot exceed them.
    private func rowsSavingMoreInOneYearThanToDate(_ register: Register) -> [String] {
        register.allRows.filter { row in
            guard let toDate = register.savingsToDate(row), let latest = register.savingsLatestYear(row) else {
                return false
            }
            return latest > toDate
        }.map { "\(register.id($0)): to date \(register.savingsToDate($0) ?? 0), latest year \(register.savingsLatestYear($0) ?? 0)" }
    }

    @Test func noLatestYearSavingExceedsSavingsToDate() throws {
        let register = try Self.sample().register
        let bad = rowsSavingMoreInOneYearThanToDate(register)
        #expect(bad.isEmpty, "\(bad)")
    }

    @Test func generatedLatestYearSavingsNeverExceedSavingsToDate() throws {
        let reported = try Self.reported().register
        let csv = RegisterGenerator(reported: reported, seed: 5).arrangementsCSV(count: 1000)
        let loaded = try RegisterLoader.load(
            arrangementBytes: Array(csv.utf8), file: "generated.csv",
            organisationBytes: try FileBytes.read(Self.organisationsPath), organisationsFile: "organisations.csv")
        let bad = rowsSavingMoreInOneYearThanToDate(loaded.register)
        #expect(bad.isEmpty, "\(bad.count) rows: \(bad.prefix(5))")
    }

    // MARK: The real arrangements

    @Test func namedRealArrangementsArePresent() throws {
        let register = try Self.sample().register
        for name in [
            "HuB Procurement", "Devon and Somerset Trading Standards", "Tri-borough", "LGSS", "Orbis", "oneSource",
            "Adur & Worthing", "Hoople", "Southwest One",
        ] {
            let found = rows(named: name, in: register)
            #expect(!found.isEmpty, "\(name) is missing")
            for row in found {
                #expect(register.provenance(row) == .reported, "\(name) is not marked reported")
            }
        }
    }

    @Test func hubProcurementSaved500Thousand() throws {
        let register = try Self.sample().register
        let hub = try #require(rows(named: "HuB Procurement", in: register).first)
        #expect(register.savingsToDate(hub) == 500_000)
        let partners = Fixture.partnerNames(register, hub)
        #expect(partners.contains("London Borough of Brent"))
        #expect(partners.contains("London Borough of Harrow"))
        let brent = try register.organisationID(named: "Brent")
        var filter = ArrangementFilter()
        filter.organisations = [brent]
        #expect(filter.matchingRows(in: register).contains(hub))
    }

    @Test func hoopleHasAnNHSPartner() throws {
        let register = try Self.sample().register
        let hoople = try #require(rows(named: "Hoople", in: register).first)
        #expect(register.involves(hoople, sector: .health))
        #expect(register.isCrossSector(hoople))
    }

    @Test func southwestOneHasAPolicePartner() throws {
        let register = try Self.sample().register
        let southwestOne = try #require(rows(named: "Southwest One", in: register).first)
        #expect(register.involves(southwestOne, sector: .police))
    }

    // MARK: The generator

    @Test func generatorRebuildsTheSampleByteForByte() throws {
        let reported = try Self.reported()
        #expect(reported.errorCount == 0)
        let generated = RegisterGenerator(reported: reported.register, seed: 2017).arrangementsCSV(count: 486)
        let onDisk = try FileBytes.read(Self.arrangementsPath)
        let generatedBytes = Array(generated.utf8)
        #expect(generatedBytes.count == onDisk.count)
        if generatedBytes != onDisk {
            let generatedLines = generated.split(separator: "\n", omittingEmptySubsequences: false)
            let diskLines = String(decoding: onDisk, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(generatedLines, diskLines).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("generated register differs from sample-data/arrangements.csv at line \((first?.offset ?? -1) + 1)")
        }
    }

    @Test func generatorIsDeterministicAndSeedDependent() throws {
        let reported = try Self.reported().register
        let first = RegisterGenerator(reported: reported, seed: 7).arrangementsCSV(count: 100)
        let again = RegisterGenerator(reported: reported, seed: 7).arrangementsCSV(count: 100)
        let other = RegisterGenerator(reported: reported, seed: 2018).arrangementsCSV(count: 100)
        #expect(first == again)
        #expect(first != other)
        let sample = RegisterGenerator(reported: reported, seed: 2018).arrangementsCSV(count: 486)
        #expect(Array(sample.utf8) != (try FileBytes.read(Self.arrangementsPath)))
    }

    @Test(arguments: [0, 5, 50, 2000])
    func generatedRegistersLoadCleanly(count: Int) throws {
        let reported = try Self.reported().register
        let csv = RegisterGenerator(reported: reported, seed: 2017).arrangementsCSV(count: count)
        let loaded = try RegisterLoader.load(
            arrangementBytes: Array(csv.utf8), file: "generated.csv",
            organisationBytes: try FileBytes.read(Self.organisationsPath), organisationsFile: "organisations.csv")
        #expect(loaded.errorCount == 0, "\(loaded.diagnostics.filter { $0.severity == .error }.prefix(5))")
        #expect(loaded.register.count == count)
        #expect(Set(loaded.register.allRows.map(loaded.register.id)).count == count)
    }

    @Test func generatedRegistersWrittenInPiecesAreTheSame() throws {
        let reported = try Self.reported().register
        let generator = RegisterGenerator(reported: reported, seed: 11)
        var pieces: [String] = []
        generator.writeArrangementsCSV(count: 300) { pieces.append($0) }
        #expect(pieces.joined() == generator.arrangementsCSV(count: 300))
    }

    @Test func twoThousandRowsAreCalibratedToo() throws {
        let reported = try Self.reported().register
        let csv = RegisterGenerator(reported: reported, seed: 2017).arrangementsCSV(count: 2000)
        let loaded = try RegisterLoader.load(
            arrangementBytes: Array(csv.utf8), file: "generated.csv",
            organisationBytes: try FileBytes.read(Self.organisationsPath), organisationsFile: "organisations.csv")
        let register = loaded.register
        #expect(register.count == 2000)
        // £643m × 2000 / 486 = £2,646,090,534.98.
        let target: Int64 = 2_646_090_535
        let total = register.totalSavings(register.allRows)
        #expect(abs(total - target) <= 500_000, "total £\(total)")
    }

    @Test func splitMix64MatchesTheReferenceOutputs() {
        // The first outputs of SplitMix64 seeded with 0, as in the reference implementation.
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
        var bounded = SplitMix64(seed: 42)
        for _ in 0..<1000 {
            let value = bounded.below(7)
            #expect((0..<7).contains(value))
        }
    }
}

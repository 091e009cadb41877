import Foundation
import Testing

@testable import SharedServices

/// A filter made on one register, carried to another (the whole of one first shown in
/// part), chooses the same values by name, whatever numbers the other register gives them.
@Suite struct FilterCarryingTests {
    static func load(_ bytes: [UInt8], file: String) throws -> Register {
        try RegisterLoader.load(
            arrangementBytes: bytes, file: file, organisationBytes: try FileBytes.read(ReaderEquivalenceTests.sampleOrganisations),
            organisationsFile: "organisations.csv"
        ).register
    }

    @Test func aFilterChoosesTheSameValuesInARegisterNumberedOtherwise() throws {
        let sample = try RegisterLoader.load(
            arrangements: ReaderEquivalenceTests.sampleArrangements, organisations: ReaderEquivalenceTests.sampleOrganisations
        ).register
        // The same rows in reverse: categories and unlisted partners are numbered in the
        // order they are first met, so most get other numbers.
        let reversed = try Self.load(
            try RegisterWriter.write(sample, rows: sample.allRows.reversed(), as: .csv, neutralisingFormulas: false),
            file: "reversed.csv")
        #expect(reversed.count == sample.count)

        let last = sample.count - 1
        var filter = ArrangementFilter()
        filter.services = [try #require(sample.serviceIDs[last] >= 0 ? sample.serviceIDs[last] : nil)]
        filter.serviceAreas = [sample.serviceAreaIDs[last], sample.serviceAreaIDs[0]]
        filter.regions = Set([sample.regionIDs[last], sample.regionIDs[0]].filter { $0 >= 0 })
        filter.organisations = Set(sample.partners(last))
        filter.statuses = Set([sample.status(last)].compactMap { $0 })
        filter.sinceYear = sample.startYear(last).map { $0 - 1 }

        // The case tests what it says: some chosen values are numbered otherwise there.
        let renumbered = Dimension.all.filter(\.isNumberedByRegister).flatMap { dimension in
            dimension.chosen(in: filter).filter { dimension.name(of: $0, in: sample) != dimension.name(of: $0, in: reversed) }
        }
        #expect(!renumbered.isEmpty)

        let carried = filter.carried(from: sample, to: reversed)
        #expect(carried.lost.isEmpty)
        #expect(carried.filter.phrases(in: reversed) == filter.phrases(in: sample))
        let ids = { (register: Register, rows: [Int]) in Set(rows.map { register.id($0) }) }
        let expected = ids(sample, filter.matchingRows(in: sample))
        #expect(!expected.isEmpty)
        #expect(ids(reversed, carried.filter.matchingRows(in: reversed)) == expected)
        // Carried back, it is the filter it was.
        #expect(carried.filter.carried(from: reversed, to: sample).filter == filter)
    }

    @Test func aValueTheOtherRegisterLacksIsNamedAsLost() throws {
        let sample = try RegisterLoader.load(
            arrangements: ReaderEquivalenceTests.sampleArrangements, organisations: ReaderEquivalenceTests.sampleOrganisations
        ).register
        let firstFew = try Self.load(
            try RegisterWriter.write(sample, rows: Array(sample.allRows.prefix(5)), as: .csv, neutralisingFormulas: false),
            file: "few.csv")
        let missing = try #require(
            sample.services.values.indices.first { index in !firstFew.services.values.contains(sample.services.values[index]) })
        let kept = try #require(firstFew.serviceIDs.first { $0 >= 0 })
        let keptName = firstFew.services.values[Int(kept)]
        var filter = ArrangementFilter()
        filter.services = [Int32(missing), try Dimension.service.value(named: keptName, in: sample)]
        let carried = filter.carried(from: sample, to: firstFew)
        #expect(carried.lost == [sample.services.values[missing]])
        #expect(carried.filter.services == [kept])
    }
}

import Testing

@testable import SharedServices

/// A row's partners: in order, each once, whether the row lists a few or thousands.
@Suite("Row partners")
struct RowPartnersTests {
    @Test(arguments: [3, 16, 17, 40, 5_000])
    func keepsOrderAndRefusesRepeats(count: Int) {
        var partners = RowPartners()
        let ids = (0..<Int32(count)).map { $0 * 7 % 10_007 }
        for id in ids {
            let added = partners.insert(id)
            #expect(added)
        }
        // Every id again, first to last: each already there, whichever way it is looked up.
        for id in ids {
            let added = partners.insert(id)
            #expect(!added, "\(id) was taken twice among \(count)")
            #expect(partners.contains(id))
        }
        #expect(!partners.contains(10_008))
        #expect(Array(partners.ids) == ids)
    }

    @Test func emptiesForTheNextRow() {
        var partners = RowPartners()
        for id in Int32(0)..<100 { _ = partners.insert(id) }
        partners.removeAll()
        #expect(partners.isEmpty)
        #expect(!partners.contains(5))
        let added = partners.insert(5)
        #expect(added)
        #expect(Array(partners.ids) == [5])
    }
}

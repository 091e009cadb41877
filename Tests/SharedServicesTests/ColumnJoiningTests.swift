import Testing

@testable import SharedServices

/// Stretches' columns joined on every core give the columns appending them row by row
/// would: the same rows, in order, with the rows not kept left out.
@Suite("Joining stretches' columns")
struct ColumnJoiningTests {
    static let exact = SavingsQualifier.exact.rawValue
    static let atLeast = SavingsQualifier.atLeast.rawValue
    static let forecast = SavingsQualifier.forecast.rawValue

    /// Pieces of pounds and qualifiers, and the rows kept of each (nil: all).
    struct Pieces: CustomTestStringConvertible {
        var name: String
        var pounds: [[Int64]]
        var qualifiers: [[UInt8]]
        var kept: [[Int]?]
        var testDescription: String { name }
    }

    static let cases = [
        Pieces(name: "every figure exact", pounds: [[1, 2], [3], []], qualifiers: [[exact, exact], [exact], []], kept: [nil, nil, nil]),
        Pieces(
            name: "a qualifier in the second piece", pounds: [[1, 2], [3, Register.notReported]],
            qualifiers: [[exact, exact], [atLeast, atLeast]], kept: [nil, nil]),
        Pieces(
            name: "forecasts, one not reported", pounds: [[10, 20, Register.notReported], [30]],
            qualifiers: [[forecast, exact, forecast], [forecast]], kept: [nil, nil]),
        Pieces(
            name: "the only qualifier on a row not kept", pounds: [[1, 2, 3], [4]],
            qualifiers: [[exact, forecast, exact], [exact]], kept: [[0, 2], nil]),
        Pieces(
            name: "rows kept in each piece", pounds: [[1, 2, 3], [4, 5, 6], [7]],
            qualifiers: [[atLeast, forecast, exact], [forecast, exact, atLeast], [exact]], kept: [[1, 2], [0], []]),
    ]

    @Test(arguments: cases)
    func amountsJoinAsAppended(_ pieces: Pieces) {
        var appended = AmountColumn()
        for index in pieces.pounds.indices {
            for row in pieces.kept[index] ?? Array(pieces.pounds[index].indices) {
                appended.append(
                    pieces.pounds[index][row], SavingsQualifier(rawValue: pieces.qualifiers[index][row]) ?? .exact)
            }
        }
        let joined = AmountColumn.joined(pounds: pieces.pounds, qualifiers: pieces.qualifiers, keeping: pieces.kept)
        #expect(joined.pounds == appended.pounds)
        #expect(joined.qualifiers == appended.qualifiers)
        #expect(joined.forecasts == appended.forecasts)
    }

    @Test func textJoinsAsAppended() {
        var first = TextColumn()
        for text in ["alpha", "", "gamma delta"] { first.append(text) }
        var second = TextColumn()
        for text in ["é", "zeta"] { second.append(text) }
        for kept in [[nil, nil], [[0, 2], [1]], [[], nil], [[1], []]] as [[[Int]?]] {
            var appended = TextColumn()
            appended.append(kept[0] ?? [0, 1, 2], of: first)
            appended.append(kept[1] ?? [0, 1], of: second)
            let joined = TextColumn.joined([first, second], keeping: kept)
            #expect(joined.bytes == appended.bytes, "kept \(kept)")
            #expect(joined.ends == appended.ends, "kept \(kept)")
        }
    }
}

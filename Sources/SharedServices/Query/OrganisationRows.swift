/// For each organisation, the rows it is a partner in, ascending: a search that matches an
/// organisation's name finds its arrangements from these, rather than by walking every
/// candidate's partners (a wait on memory for each scattered row).
struct OrganisationRows: Sendable {
    /// Organisation `o`'s rows are `rows[starts[o]..<starts[o + 1]]`.
    private let starts: [Int]
    private let rows: [UInt32]
    let rowCount: Int

    init(_ register: Register) {
        let (partnerStarts, partnerIDs) = (register.partnerStarts, register.partnerIDs)
        let organisationCount = register.organisations.count
        var starts = [Int](repeating: 0, count: organisationCount + 1)
        // Counted over the same rows' partners as are filled in below.
        for row in 0..<register.count {
            for index in Int(partnerStarts[row])..<Int(partnerStarts[row + 1]) { starts[Int(partnerIDs[index]) + 1] += 1 }
        }
        for organisation in 0..<organisationCount { starts[organisation + 1] += starts[organisation] }
        var next = starts
        var rows = [UInt32](repeating: 0, count: starts[organisationCount])
        for row in 0..<register.count {
            for index in Int(partnerStarts[row])..<Int(partnerStarts[row + 1]) {
                let organisation = Int(partnerIDs[index])
                rows[next[organisation]] = UInt32(row)
                next[organisation] += 1
            }
        }
        self.starts = starts
        self.rows = rows
        rowCount = register.count
    }

    /// The rows with a partner among the organisations `wanted`, as a bitmap of every row.
    func rows(withAPartnerIn wanted: [Bool]) -> [UInt64] {
        assert(wanted.count == starts.count - 1, "a flag for each organisation")
        var bitmap = [UInt64](repeating: 0, count: RowBits.wordCount(rows: rowCount))
        for organisation in wanted.indices where wanted[organisation] && organisation + 1 < starts.count {
            for row in rows[starts[organisation]..<starts[organisation + 1]] { RowBits.insert(Int(row), into: &bitmap) }
        }
        return bitmap
    }

    /// Bytes held: for the register's size.
    var bytes: Int { starts.count * MemoryLayout<Int>.stride + rows.count * MemoryLayout<UInt32>.stride }
}

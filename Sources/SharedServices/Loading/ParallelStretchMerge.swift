/// Puts stretches together on every core when none holds a row out of the ordinary (as
/// in most files): the register and the diagnostics are exactly those of merging them one
/// after the other (`StretchMerger`), which a test compares.
///
/// 1. Repeated ids are found (`RepeatedIDs`), which says the rows each stretch keeps.
/// 2. Each stretch lists its partners and categories in the order its kept rows first
///    use them, in parallel.
/// 3. On this thread, in file order, each is matched or numbered once: the register
///    numbers them as reading row by row would, since that is the order of first use.
/// 4. Each stretch's rows are given the register's numbers, and their diagnostics made,
///    in parallel.
/// 5. The stretches' columns are joined on every core, a column at a time, each freed once joined.
enum ParallelStretchMerge {
    static func canMerge(_ stretches: [ArrangementStretch]) -> Bool {
        stretches.allSatisfy(\.unusualRows.isEmpty)
    }

    static func merge(
        _ stretches: consuming [ArrangementStretch], messages: RowMessages, rows: inout ArrangementRows,
        into builder: inout RegisterBuilder, diagnostics: inout [Diagnostic], formatWarnings: inout [Diagnostic]
    ) {
        var firstLines: [Int] = []
        var line = messages.firstLine
        for stretch in stretches[...] {
            firstLines.append(line)
            for (kind, place) in stretch.quirks {
                formatWarnings.append(messages.quirk(kind, at: place, stretchLine: line))
            }
            line += stretch.lineEnds
        }

        let repeats = RepeatedIDs.find(in: stretches)
        let shared = stretches
        let uses = Parallel.map(shared.count) { index in FirstUses(shared[index], repeats: repeats[index]) }

        var numbering: [StretchNumbers] = []
        var known = KnownSpellings()
        for index in stretches.indices {
            numbering.append(StretchNumbers(stretches[index], uses[index], &builder, known: &known))
        }

        let context = Context(builder: builder, rows: rows, messages: messages)
        let numbered = numbering
        let lines = firstLines
        var merged = Parallel.map(shared.count) { index in
            numberRows(
                of: index, in: shared, kept: uses[index].kept, repeats: repeats[index], numbers: numbered[index],
                firstLines: lines, context: context)
        }
        // Only this thread's copies now: setting the rows must not copy the register's
        // columns (held by the context), nor keep the stretches alive (held by `shared`).
        _ = consume shared
        _ = consume context
        for index in stretches.indices { stretches[index].dropWhatMergingReplaced() }

        for piece in merged {
            diagnostics.append(contentsOf: piece.diagnostics)
            rows.countRowsRead(piece.rowCount)
        }
        builder.setRows(&merged, of: &stretches)
    }

    /// Stretch `index`'s kept rows with the register's numbers, and their diagnostics.
    private static func numberRows(
        of index: Int, in stretches: [ArrangementStretch], kept: [Int]?, repeats: [RepeatedIDs.Repeat],
        numbers: StretchNumbers, firstLines: [Int], context: Context
    ) -> MergedStretch {
        let stretch = stretches[index]
        let firstLine = firstLines[index]
        let messages = context.messages
        let builder = context.builder
        let sectors = builder.organisations.sectors
        let organisationFields = ArrangementField.fields(storedAs: .organisation)
        var merged = MergedStretch()
        merged.kept = kept
        let rowCount = kept?.count ?? stretch.ordinaryRowCount
        merged.rowCount = rowCount

        for repeated in repeats {
            let first = stretches[repeated.firstStretch]
            merged.diagnostics.append(
                messages.idUsedBefore(
                    stretch.ids[repeated.row], line: firstLine + Int(stretch.lines[repeated.row]),
                    firstLine: firstLines[repeated.firstStretch] + Int(first.lines[repeated.firstRow])))
        }

        merged.lines.reserveCapacity(rowCount)
        merged.partnerStarts.reserveCapacity(rowCount + 1)
        merged.partners.reserveCapacity(stretch.partners.count)
        merged.sectorMasks.reserveCapacity(rowCount)
        merged.organisations = organisationFields.map { _ in
            var ids: [Int32] = []
            ids.reserveCapacity(rowCount)
            return ids
        }
        // Needed only when two of the stretch's spellings name one organisation: a row's
        // spellings are distinct (a row naming one twice is read row by row), so otherwise
        // its organisations are too.
        var rowPartners = RowPartners()
        for keptIndex in 0..<rowCount {
            let row = kept?[keptIndex] ?? keptIndex
            let line = firstLine + Int(stretch.lines[row])
            merged.lines.append(Int32(clamping: line))
            // Most rows need no diagnostic: the checker is made only for those that do.
            var checker: CellChecker?
            if !numbers.spellingsNameDistinctOrganisations { rowPartners.removeAll() }
            let firstPartner = merged.partners.count
            var mask: UInt8 = 0
            for index in Int(stretch.partnerStarts[row])..<Int(stretch.partnerStarts[row + 1]) {
                let local = Int(stretch.partners[index])
                let id = numbers.partnerIDs[local]
                guard id >= 0 else { continue }
                var problem: String?
                if !numbers.spellingsNameDistinctOrganisations && !rowPartners.insert(id) {
                    problem = ArrangementRows.listedTwice(stretch.partnerSpellings[Int32(local)])
                } else {
                    merged.partners.append(id)
                    mask |= sectors[Int(id)].bit
                    let notes = numbers.partnerNotes[local]
                    if notes & StretchNumbers.speltOtherwise != 0 {
                        merged.partnerSpellings.append(
                            (Int32(merged.partners.count - 1), stretch.partnerSpellings[Int32(local)]))
                    }
                    if notes & StretchNumbers.notListed != 0, let match = numbers.partners[local] {
                        problem = context.rows.matchProblem(
                            match, spelling: stretch.partnerSpellings[Int32(local)], builder: builder)
                    }
                }
                if let problem {
                    if checker == nil { checker = messages.checker(line: line, recordStart: stretch.recordStarts[row]) }
                    checker?.warn(.partners, problem)
                }
            }
            merged.partnerStarts.append(Int32(merged.partners.count))
            merged.sectorMasks.append(mask)

            for slot in organisationFields.indices {
                let local = Int(stretch.organisations[slot][row])
                let id = local >= 0 ? numbers.partnerIDs[local] : -1
                merged.organisations[slot].append(id)
                guard id >= 0 else { continue }
                if !merged.partners[firstPartner...].contains(id), let match = numbers.partners[local] {
                    if checker == nil { checker = messages.checker(line: line, recordStart: stretch.recordStarts[row]) }
                    checker?.warn(
                        organisationFields[slot],
                        context.rows.leadNotAPartner(stretch.partnerSpellings[Int32(local)], match: match, builder: builder))
                }
                if numbers.partnerNotes[local] & StretchNumbers.speltOtherwise != 0 {
                    merged.organisationSpellings.append((Int32(keptIndex), slot, stretch.partnerSpellings[Int32(local)]))
                }
            }
            if let checker { merged.diagnostics.append(contentsOf: checker.diagnostics) }
        }

        merged.interned = stretch.interned.indices.map { slot in
            let locals = stretch.interned[slot]
            let ids = numbers.interned[slot]
            let other = numbers.internedSpeltOtherwise[slot]
            // A plain copy through the stretch's numbers (a million rows, five columns), then
            // the few values spelt otherwise, if the stretch has any.
            let column = [Int32](unsafeUninitializedCapacity: rowCount) { column, initialised in
                locals.withUnsafeBufferPointer { locals in
                    ids.withUnsafeBufferPointer { ids in
                        if let kept {
                            for (keptIndex, row) in kept.enumerated() {
                                let local = Int(locals[row])
                                column[keptIndex] = local >= 0 ? ids[local] : -1
                            }
                        } else {
                            for row in 0..<rowCount {
                                let local = Int(locals[row])
                                column[row] = local >= 0 ? ids[local] : -1
                            }
                        }
                    }
                }
                initialised = rowCount
            }
            if other.contains(true) {
                for keptIndex in 0..<rowCount {
                    let local = locals[kept?[keptIndex] ?? keptIndex]
                    if local >= 0 && other[Int(local)] {
                        merged.internedSpellings.append((Int32(keptIndex), slot, stretch.internedSpellings[slot][local]))
                    }
                }
            }
            return column
        }
        return merged
    }

    /// What every thread reads and none writes while they run.
    private struct Context: @unchecked Sendable {
        let builder: RegisterBuilder
        let rows: ArrangementRows
        let messages: RowMessages
    }

    /// A stretch's kept rows, and its partners and categories in the order those rows first use them.
    private struct FirstUses: Sendable, Equatable {
        /// Nil when every row is kept.
        var kept: [Int]?
        /// Partners and organisations share one numbering: a row's partners, then its organisation fields.
        var partners: [Int32] = []
        var interned: [[Int32]] = []

        init(_ stretch: ArrangementStretch, repeats: [RepeatedIDs.Repeat]) {
            guard !repeats.isEmpty else {
                // Every row is kept, and none is out of the ordinary (or the stretches would
                // be merged one after another): the stretch numbered its spellings as its
                // rows first used them, a row's partners before its organisations, so the
                // order is its own numbering, with no walk over the rows.
                self.init(
                    kept: nil, partners: Array(0..<Int32(stretch.partnerSpellings.count)),
                    interned: stretch.internedSpellings.map { Array(0..<Int32($0.count)) })
                assert(self == FirstUses(walking: stretch, repeats: repeats), "a stretch numbered its spellings out of order")
                return
            }
            self.init(walking: stretch, repeats: repeats)
        }

        private init(kept: [Int]?, partners: [Int32], interned: [[Int32]]) {
            self.kept = kept
            self.partners = partners
            self.interned = interned
        }

        /// Found by walking the kept rows.
        private init(walking stretch: ArrangementStretch, repeats: [RepeatedIDs.Repeat]) {
            if !repeats.isEmpty {
                var repeated = repeats.makeIterator()
                var next = repeated.next()
                var kept: [Int] = []
                kept.reserveCapacity(stretch.ordinaryRowCount - repeats.count)
                for row in 0..<stretch.ordinaryRowCount {
                    if row == next?.row {
                        next = repeated.next()
                    } else {
                        kept.append(row)
                    }
                }
                self.kept = kept
            }
            let kept = self.kept
            let rowCount = kept?.count ?? stretch.ordinaryRowCount
            var seen = [Bool](repeating: false, count: stretch.partnerSpellings.count)
            var partners: [Int32] = []
            for keptIndex in 0..<rowCount {
                let row = kept?[keptIndex] ?? keptIndex
                for index in Int(stretch.partnerStarts[row])..<Int(stretch.partnerStarts[row + 1]) {
                    let local = stretch.partners[index]
                    if !seen[Int(local)] {
                        seen[Int(local)] = true
                        partners.append(local)
                    }
                }
                for slot in stretch.organisations.indices {
                    let local = stretch.organisations[slot][row]
                    if local >= 0 && !seen[Int(local)] {
                        seen[Int(local)] = true
                        partners.append(local)
                    }
                }
            }
            self.partners = partners
            interned = stretch.interned.indices.map { slot in
                var seen = [Bool](repeating: false, count: stretch.internedSpellings[slot].count)
                var order: [Int32] = []
                let locals = stretch.interned[slot]
                for keptIndex in 0..<rowCount {
                    let local = locals[kept?[keptIndex] ?? keptIndex]
                    if local >= 0 && !seen[Int(local)] {
                        seen[Int(local)] = true
                        order.append(local)
                    }
                }
                return order
            }
        }
    }

    /// A stretch's numbers for partners and categories mapped to the register's, and
    /// whether each is spelt otherwise than the register's value.
    private struct StretchNumbers: Sendable {
        var partners: [RegisterBuilder.PartnerMatch?] = []
        /// Each partner's organisation, as `partners` has it, or -1: read for every row, where
        /// matching an optional enum cost more.
        var partnerIDs: [Int32] = []
        /// Each partner's `speltOtherwise` and `notListed` bits: what a row must note beyond its number.
        var partnerNotes: [UInt8] = []
        /// Whether no two of the stretch's partner spellings name one organisation.
        var spellingsNameDistinctOrganisations = true
        var interned: [[Int32]] = []
        var internedSpeltOtherwise: [[Bool]] = []

        /// Spelt otherwise than the organisation's name, which the register keeps as written.
        static let speltOtherwise: UInt8 = 1
        /// Not listed, or ambiguous: a warning for each row naming it.
        static let notListed: UInt8 = 2

        init(
            _ stretch: ArrangementStretch, _ uses: FirstUses, _ builder: inout RegisterBuilder,
            known: inout KnownSpellings
        ) {
            partners = Array(repeating: nil, count: stretch.partnerSpellings.count)
            partnerIDs = Array(repeating: -1, count: stretch.partnerSpellings.count)
            partnerNotes = Array(repeating: 0, count: stretch.partnerSpellings.count)
            var named = Set<Int32>(minimumCapacity: uses.partners.count)
            for local in uses.partners {
                let (match, notes) = known.partner(local, of: stretch) { spelling in
                    let match = builder.matchPartner(Substring(spelling))
                    var notes: UInt8 = 0
                    if builder.organisations.names[Int(match.id)] != spelling { notes |= Self.speltOtherwise }
                    if case .listed = match {} else { notes |= Self.notListed }
                    return (match, notes)
                }
                partners[Int(local)] = match
                partnerIDs[Int(local)] = match.id
                partnerNotes[Int(local)] = notes
                if !named.insert(match.id).inserted { spellingsNameDistinctOrganisations = false }
            }
            let fields = ArrangementField.fields(storedAs: .interned)
            for slot in fields.indices {
                let spellings = stretch.internedSpellings[slot]
                var ids = [Int32](repeating: -1, count: spellings.count)
                var other = [Bool](repeating: false, count: spellings.count)
                for local in uses.interned[slot] {
                    let (id, speltOtherwise) = known.value(local, of: stretch, slot: slot) { spelling in
                        let id = builder.intern(fields[slot], spelling)
                        return (id, id >= 0 && builder.register.interned[slot].values[id] != spelling)
                    }
                    ids[Int(local)] = id
                    other[Int(local)] = speltOtherwise
                }
                interned.append(ids)
                internedSpeltOtherwise.append(other)
            }
        }
    }
}

/// What the stretches numbered so far matched their spellings to, by the spellings' bytes:
/// the stretches name mostly the same few hundred organisations and categories, each
/// matched once rather than once a stretch, and made a String only then.
private struct KnownSpellings {
    private var partners = ByteInterner()
    private var partnerMatches: [(match: RegisterBuilder.PartnerMatch, notes: UInt8)] = []
    private var values = [ByteInterner](repeating: ByteInterner(), count: ArrangementField.fields(storedAs: .interned).count)
    private var valueIDs = [[(id: Int32, speltOtherwise: Bool)]](
        repeating: [], count: ArrangementField.fields(storedAs: .interned).count)

    /// What partner `local` of `stretch` matches, from `match` (given its spelling) when no
    /// stretch before spelt it so.
    mutating func partner(
        _ local: Int32, of stretch: ArrangementStretch,
        match: (String) -> (match: RegisterBuilder.PartnerMatch, notes: UInt8)
    ) -> (match: RegisterBuilder.PartnerMatch, notes: UInt8) {
        let id = stretch.partnerSpellings.spellings.withBytes(Int(local)) { partners.intern($0) }
        if Int(id) == partnerMatches.count { partnerMatches.append(match(stretch.partnerSpellings[local])) }
        return partnerMatches[Int(id)]
    }

    /// The same for value `local` of interned slot `slot`.
    mutating func value(
        _ local: Int32, of stretch: ArrangementStretch, slot: Int,
        intern: (String) -> (id: Int32, speltOtherwise: Bool)
    ) -> (id: Int32, speltOtherwise: Bool) {
        let id = stretch.internedSpellings[slot].spellings.withBytes(Int(local)) { values[slot].intern($0) }
        if Int(id) == valueIDs[slot].count { valueIDs[slot].append(intern(stretch.internedSpellings[slot][local])) }
        return valueIDs[slot][Int(id)]
    }
}

extension ArrangementStretch {
    /// Frees the stretch's own numbers, and where its rows are, once its rows have the
    /// register's numbers (`MergedStretch`): only the columns to copy are left.
    fileprivate mutating func dropWhatMergingReplaced() {
        idHashes = []
        interned = interned.map { _ in [] }
        internedSpellings = internedSpellings.map { _ in ByteInterner() }
        organisations = organisations.map { _ in [] }
        partnerStarts = []
        partners = []
        lines = []
        recordStarts = []
        partnerSpellings = ByteInterner()
    }
}

/// A stretch's kept rows with the register's numbers, ready to append, and their
/// diagnostics in the order merging row by row gives them: repeated ids first, then
/// each row's partners and organisations.
struct MergedStretch: Sendable {
    /// Nil when every row is kept.
    var kept: [Int]?
    var rowCount = 0
    var lines: [Int32] = []
    /// Row `r`'s partners are `partners[partnerStarts[r]..<partnerStarts[r + 1]]`.
    var partnerStarts: [Int32] = [0]
    var partners: [Int32] = []
    var sectorMasks: [UInt8] = []
    var organisations: [[Int32]] = []
    var interned: [[Int32]] = []
    /// Names spelt otherwise than their organisation's or value's, to keep as written: by
    /// place in `partners`, or by row (among the kept) and slot.
    var partnerSpellings: [(index: Int32, spelling: String)] = []
    var organisationSpellings: [(row: Int32, slot: Int, spelling: String)] = []
    var internedSpellings: [(row: Int32, slot: Int, spelling: String)] = []
    var diagnostics: [Diagnostic] = []

    init() {}
}


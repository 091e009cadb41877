import Dispatch
import Synchronization

/// Reads a CSV arrangements file on every core and gives exactly the register and the
/// diagnostics that reading it one row at a time gives (a test compares the two).
///
/// 1. Split: the body is cut into stretches where records most likely start, judged
///    from the few kilobytes after each cut (`CSVSplitting`), not from a pass over the
///    whole file.
/// 2. Read: each stretch is read into columns in parallel (`ArrangementStretchReader`),
///    checking the encoding of the few records that hold other than printable ASCII.
///    A stretch that did not start where the one before stopped is read again from there.
/// 3. Merge: the stretches are put together, numbering categories and organisations in
///    the order the row-at-a-time reader would: on every core when no row is out of the
///    ordinary (`ParallelStretchMerge`), else in file order on this thread, reading those
///    rows with that reader's own code (`StretchMerger`).
///
/// A problem that stops the load is reported as a reading that checks the whole file's
/// encoding first would report it: a NUL or invalid UTF-8 anywhere comes before a header
/// that does not read, or a quote never closed.
enum FastArrangementsReader {
    /// How the stretches were put together.
    enum Merge: Equatable {
        case onEveryCore, oneAfterAnother
    }

    /// How a file was read, for tests to see which way each part went.
    struct Reading: Equatable {
        var merge: Merge
        /// Stretches read again because they did not start where the one before stopped.
        var stretchesReadAgain: Int
    }

    /// Reads the CSV `bytes` into `builder`, its warnings and errors into `diagnostics`, in
    /// stretches of at least `minimumStretchBytes`; `progress` is told how far it has got.
    @discardableResult
    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, pages: PageReleaser, file: String, organisationsFile: String?,
        minimumStretchBytes: Int,
        into builder: inout RegisterBuilder, diagnostics: inout [Diagnostic], progress: ((Double) -> Void)?
    ) throws(LoadError) -> Reading {
        let textStart = try TextBytes.checkedStart(bytes, file: file)
        let shared = SharedBytes(buffer: bytes)
        // At least 32 stretches, even on two cores: the cores wait less for the last one
        // to finish, and joining the stretches holds less of a column twice at once (on two
        // cores, a peak of 320 MiB for 10^6 rows, against 374 MiB in 8 stretches).
        let stretchCount = max(
            1, min(max(32, Parallel.coreCount * 4), (bytes.count - textStart) / max(1, minimumStretchBytes)))
        let nominalStarts = CSVSplitting.nominalStarts(bytes, range: textStart..<bytes.count, count: stretchCount)
        /// The first NUL or invalid UTF-8 in the file, as an error, if it has one.
        func encodingProblem() -> LoadError? {
            let surveys = Parallel.map(stretchCount) { piece in
                let end = piece + 1 < nominalStarts.count ? nominalStarts[piece + 1] : shared.buffer.count
                let survey = TextBytes.survey(shared.buffer, range: nominalStarts[piece]..<end)
                pages.release(nominalStarts[piece]..<end)
                return survey
            }
            do {
                try TextBytes.throwFirstProblem(
                    bytes, textStart: textStart, file: file,
                    nul: surveys.compactMap(\.firstNUL).min(), invalidUTF8: surveys.compactMap(\.firstInvalidUTF8).min())
            } catch {
                return error
            }
            return nil
        }

        let header: CSVTable.Header
        var rows: ArrangementRows
        do throws(LoadError) {
            header = try CSVTable.header(bytes, textStart: textStart, file: file)
            rows = try ArrangementRows(
                file: file, header: header.names, headerLine: header.line, format: .csv,
                organisationsFile: organisationsFile)
        } catch {
            throw encodingProblem() ?? error
        }
        if !TextBytes.survey(bytes, range: textStart..<header.bodyStart).isClean, let problem = encodingProblem() {
            throw problem
        }
        let bodyStart = header.bodyStart
        var formatWarnings = header.warnings
        builder.setExtraColumns(rows.columns.extraColumns.map { rows.header[$0] })
        let columns = rows.columns
        let keepingText = builder.keepsText

        let counter = ProgressCounter()
        let bodyLength = max(1, bytes.count - bodyStart)
        let report: () -> Void = {
            let done = Double(counter.bytesRead.load(ordering: .relaxed)) / Double(bodyLength)
            progress?(min(1, done))
        }
        let stretchStarts = CSVSplitting.likelyRecordStarts(bytes, nominalStarts: nominalStarts, bodyStart: bodyStart)
        @Sendable func readStretch(from start: Int, to boundary: Int) -> ArrangementStretch {
            // Each thread makes its own layout: arrays shared between threads have their
            // reference counts written by both, and the cache line they share with each
            // array's count goes back and forth between the cores.
            let stretch = ArrangementStretchReader(bytes: shared.buffer, layout: ArrangementLayout(columns, keepingText: keepingText)).read(
                from: start, to: boundary, reportProgress: { counter.bytesRead.add($0, ordering: .relaxed) })
            // Not past the boundary: the stretch after may still be reading there.
            pages.release(start..<max(start, min(stretch.end, boundary)))
            return stretch
        }
        var stretches = Parallel.map(stretchStarts.count - 1, waiting: report) { piece in
            readStretch(from: stretchStarts[piece], to: stretchStarts[piece + 1])
        }
        // A stretch that started mid-record (misjudged quotes) is read again from where the
        // one before stopped, up to its own end: the stretches then read the body exactly
        // as one reading from its start would.
        var stretchesReadAgain = 0
        for piece in stretches.indices.dropFirst() where stretches[piece].start != stretches[piece - 1].end {
            let start = stretches[piece - 1].end
            stretches[piece] = readStretch(from: start, to: max(start, stretchStarts[piece + 1]))
            stretchesReadAgain += 1
        }

        if stretches.contains(where: { $0.hasEncodingProblem || $0.unclosedQuote != nil }), let problem = encodingProblem() {
            throw problem
        }
        var firstLine = 1 + header.lineEndsBefore
        for stretch in stretches {
            if let place = stretch.unclosedQuote {
                throw CSVTable.unclosedQuote(
                    at: place.offset, in: bytes, recordStart: place.recordStart, line: firstLine + place.line, file: file)
            }
            firstLine += stretch.lineEnds
        }

        let messages = RowMessages(bytes: bytes, file: file, columns: rows.columns, firstLine: 1 + header.lineEndsBefore)
        let merge: Merge = ParallelStretchMerge.canMerge(stretches) ? .onEveryCore : .oneAfterAnother
        if merge == .onEveryCore {
            ParallelStretchMerge.merge(
                consume stretches, messages: messages, rows: &rows, into: &builder, diagnostics: &diagnostics,
                formatWarnings: &formatWarnings)
            stretches = []
        } else {
            var rowCount = 0
            var textBytes = [Int](repeating: 0, count: ArrangementField.fields(storedAs: .text).count)
            for stretch in stretches {
                rowCount += stretch.ordinaryRowCount + stretch.unusualRows.count
                for slot in textBytes.indices { textBytes[slot] += stretch.texts[slot].bytes.count }
            }
            builder.reserveCapacity(rows: rowCount, textBytes: textBytes)
            var merger = StretchMerger(messages: messages, rows: rows)
            for index in stretches.indices {
                let stretch = stretches[index]
                stretches[index] = ArrangementStretch()  // free each stretch once merged
                try merger.merge(stretch, into: &builder, diagnostics: &diagnostics, formatWarnings: &formatWarnings)
                pages.release(stretch.start..<stretch.end)
            }
            rows = merger.rows
        }
        rows.finish(formatWarnings: formatWarnings, builder: builder, diagnostics: &diagnostics)
        return Reading(merge: merge, stretchesReadAgain: stretchesReadAgain)
    }
}

/// Puts stretches together in file order, one after the other: for files with rows out
/// of the ordinary, which are read between the others by the row-at-a-time reader.
private struct StretchMerger {
    let messages: RowMessages
    var rows: ArrangementRows
    /// Line of the current stretch's first byte.
    var firstLine: Int

    init(messages: RowMessages, rows: ArrangementRows) {
        self.messages = messages
        self.rows = rows
        firstLine = messages.firstLine
    }

    mutating func merge(
        _ stretch: ArrangementStretch, into builder: inout RegisterBuilder, diagnostics: inout [Diagnostic],
        formatWarnings: inout [Diagnostic]
    ) throws(LoadError) {
        for (kind, place) in stretch.quirks {
            formatWarnings.append(messages.quirk(kind, at: place, stretchLine: firstLine))
        }
        var numbering = LocalNumbering(stretch)
        var start = 0
        for pending in stretch.unusualRows {
            mergeOrdinary(stretch, start..<pending.ordinaryRowsBefore, &numbering, &builder, &diagnostics)
            start = pending.ordinaryRowsBefore
            let positions = pending.positions.map { CellPosition(line: firstLine + $0.line, column: $0.column) }
            rows.read(
                TableRow(fields: pending.fields, line: firstLine + pending.line, positions: positions),
                into: &builder, diagnostics: &diagnostics)
        }
        mergeOrdinary(stretch, start..<stretch.ordinaryRowCount, &numbering, &builder, &diagnostics)
        firstLine += stretch.lineEnds
    }

    /// Appends a run of the stretch's ordinary rows (no unusual row among them), in three
    /// passes: ids, which leave out a row whose id is used before; partners and
    /// organisations, row by row, since they share the organisations' numbering; then every
    /// other column a column at a time.
    private mutating func mergeOrdinary(
        _ stretch: ArrangementStretch, _ range: Range<Int>, _ numbering: inout LocalNumbering,
        _ builder: inout RegisterBuilder, _ diagnostics: inout [Diagnostic]
    ) {
        guard !range.isEmpty else { return }
        let firstNumber = builder.register.count
        var kept: [Int] = []
        kept.reserveCapacity(range.count)
        for row in range {
            let line = firstLine + Int(stretch.lines[row])
            let isNew = stretch.ids.withBytes(row) { builder.addID($0, hash: stretch.idHashes[row]) }
            guard isNew else {
                let firstRow = stretch.ids.withBytes(row) { builder.row(withID: $0, hash: stretch.idHashes[row]) } ?? 0
                diagnostics.append(
                    messages.idUsedBefore(stretch.ids[row], line: line, firstLine: builder.register.line(firstRow)))
                continue
            }
            rows.countRowRead()
            kept.append(row)
            // The line now: a later row of the run may name this one as where its id is first used.
            builder.appendLine(line)
        }

        let organisationFields = ArrangementField.fields(storedAs: .organisation)
        var rowPartners = RowPartners()
        var rowOrganisations = [Int32](repeating: -1, count: organisationFields.count)
        /// The row's partners (by place among those kept) whose spelling is not their organisation's name.
        var speltOtherwise: [(kept: Int32, local: Int32)] = []
        for (offset, row) in kept.enumerated() {
            let line = firstLine + Int(stretch.lines[row])
            let number = Int32(firstNumber + offset)
            // Most rows need no diagnostic: the checker, and where the cells are, are made only for those that do.
            var checker: CellChecker?
            rowPartners.removeAll()
            speltOtherwise.removeAll(keepingCapacity: true)
            for index in Int(stretch.partnerStarts[row])..<Int(stretch.partnerStarts[row + 1]) {
                let local = stretch.partners[index]
                let match = numbering.partner(local, stretch, &builder)
                var problem: String?
                if !rowPartners.insert(match.id) {
                    problem = ArrangementRows.listedTwice(stretch.partnerSpellings[local])
                } else {
                    if numbering.partnerIsSpeltOtherwise(local, stretch, builder) {
                        speltOtherwise.append((Int32(rowPartners.ids.count - 1), local))
                    }
                    if case .listed = match {} else {
                        problem = rows.matchProblem(match, spelling: stretch.partnerSpellings[local], builder: builder)
                    }
                }
                if let problem {
                    if checker == nil { checker = messages.checker(line: line, recordStart: stretch.recordStarts[row]) }
                    checker?.warn(.partners, problem)
                }
            }
            for slot in organisationFields.indices {
                let local = stretch.organisations[slot][row]
                rowOrganisations[slot] = -1
                guard local >= 0 else { continue }
                let match = numbering.partner(local, stretch, &builder)
                rowOrganisations[slot] = match.id
                if !rowPartners.contains(match.id) {
                    if checker == nil { checker = messages.checker(line: line, recordStart: stretch.recordStarts[row]) }
                    checker?.warn(
                        organisationFields[slot],
                        rows.leadNotAPartner(stretch.partnerSpellings[local], match: match, builder: builder))
                }
            }
            builder.appendPartners(rowPartners.ids)
            builder.appendOrganisations(rowOrganisations)

            // Names spelt otherwise than the organisation matched are kept, to be shown and written as in the file.
            if !speltOtherwise.isEmpty {
                let firstPartner = Int32(builder.register.partnerIDs.count - rowPartners.ids.count)
                for (kept, local) in speltOtherwise {
                    builder.notePartnerSpelling(
                        stretch.partnerSpellings[local], of: rowPartners.ids[Int(kept)], at: firstPartner + kept)
                }
            }
            for slot in organisationFields.indices {
                let local = stretch.organisations[slot][row]
                if local >= 0 && numbering.partnerIsSpeltOtherwise(local, stretch, builder) {
                    builder.noteSpelling(stretch.partnerSpellings[local], of: rowOrganisations[slot], row: number, slot: slot)
                }
            }
            if let checker { diagnostics.append(contentsOf: checker.diagnostics) }
        }

        let internedFields = ArrangementField.fields(storedAs: .interned)
        var ids: [Int32] = []
        ids.reserveCapacity(kept.count)
        for slot in internedFields.indices {
            ids.removeAll(keepingCapacity: true)
            let locals = stretch.interned[slot]
            for row in kept {
                ids.append(
                    numbering.interned[slot].id(locals[row]) { local in
                        builder.intern(internedFields[slot], stretch.internedSpellings[slot][local])
                    })
            }
            builder.appendInterned(ids, slot: slot)
            // Spellings other than the value matched are kept, to be shown and written as in the file.
            for (offset, row) in kept.enumerated() {
                let local = locals[row]
                guard local >= 0,
                    numbering.interned[slot].isSpeltOtherwise(
                        local, stretch.internedSpellings[slot], builder.register.interned[slot].values)
                else { continue }
                builder.noteSpelling(
                    stretch.internedSpellings[slot][local], ofInterned: slot, row: Int32(firstNumber + offset))
            }
        }
        builder.appendColumns(of: stretch, rows: kept)
    }

}

/// The messages merging stretches gives about their rows, whichever way they are merged.
struct RowMessages {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    let columns: HeaderMatching<ArrangementField>
    /// Line of the first stretch's first byte.
    let firstLine: Int

    /// A place that strays from RFC 4180, in a stretch whose first line is `stretchLine`.
    func quirk(_ kind: CSVRecordScanner.Quirk.Kind, at place: ArrangementStretch.Place, stretchLine: Int) -> Diagnostic {
        CSVTable.warning(
            kind, at: place.offset, in: bytes, recordStart: place.recordStart, line: stretchLine + place.line, file: file)
    }

    func idUsedBefore(_ id: String, line: Int, firstLine: Int) -> Diagnostic {
        // The error names no cell: the cells' places are not needed.
        CellChecker(file: file, line: line, columns: columns, positions: nil).error(
            ArrangementRows.idUsedBefore(id, firstLine: firstLine, title: columns.title(.id)))
    }

    func checker(line: Int, recordStart: Int) -> CellChecker {
        CellChecker(file: file, line: line, columns: columns, positions: cellPositions(recordStart: recordStart, line: line))
    }

    /// Where each cell of the record at `recordStart` starts, found again for a message.
    private func cellPositions(recordStart: Int, line: Int) -> [CellPosition] {
        var scanner = CSVRecordScanner(bytes: bytes)
        _ = scanner.scan(at: recordStart)
        return scanner.fieldPositions(recordStart: recordStart, recordLine: line)
    }
}

/// A stretch's own numbers for categories and partners mapped to the register's, each
/// the first time a kept row uses it: the register then numbers them in the order the
/// row-at-a-time reader would.
private struct LocalNumbering {
    /// By interned slot. Empty repeating text is a spelling like any other, as the
    /// row-at-a-time reader has it.
    var interned: [CategoryNumbers]
    private var partners: [RegisterBuilder.PartnerMatch?]
    private var partnerSpelling: [SpellingCheck]

    init(_ stretch: ArrangementStretch) {
        interned = stretch.internedSpellings.map { CategoryNumbers(count: $0.count) }
        partners = Array(repeating: nil, count: stretch.partnerSpellings.count)
        partnerSpelling = Array(repeating: .unknown, count: stretch.partnerSpellings.count)
    }

    /// Whether partner `local` (already matched) is spelt otherwise than its organisation's name.
    mutating func partnerIsSpeltOtherwise(
        _ local: Int32, _ stretch: ArrangementStretch, _ builder: RegisterBuilder
    ) -> Bool {
        if partnerSpelling[Int(local)] == .unknown, let match = partners[Int(local)] {
            let same = builder.organisations.names[Int(match.id)] == stretch.partnerSpellings[local]
            partnerSpelling[Int(local)] = same ? .same : .other
        }
        return partnerSpelling[Int(local)] == .other
    }

    mutating func partner(
        _ local: Int32, _ stretch: ArrangementStretch, _ builder: inout RegisterBuilder
    ) -> RegisterBuilder.PartnerMatch {
        if let match = partners[Int(local)] { return match }
        let match = builder.matchPartner(Substring(stretch.partnerSpellings[local]))
        partners[Int(local)] = match
        return match
    }
}

/// One category's numbers: the register's for each of the stretch's, looked up once.
private struct CategoryNumbers {
    private static let unmapped = Int32.min
    private var registerIDs: [Int32]
    private var spelling: [SpellingCheck]

    init(count: Int) {
        registerIDs = Array(repeating: Self.unmapped, count: count)
        spelling = Array(repeating: .unknown, count: count)
    }

    /// Whether `local` (already numbered) is spelt otherwise than the register's value;
    /// the vocabulary is read only the first time.
    mutating func isSpeltOtherwise(
        _ local: Int32, _ spellings: ByteInterner, _ vocabulary: @autoclosure () -> Vocabulary
    ) -> Bool {
        guard local >= 0 else { return false }
        if spelling[Int(local)] == .unknown {
            spelling[Int(local)] = vocabulary()[registerIDs[Int(local)]] == spellings[local] ? .same : .other
        }
        return spelling[Int(local)] == .other
    }

    /// The register's number for `local`, already mapped.
    func registerID(_ local: Int32) -> Int32 { registerIDs[Int(local)] }

    /// The register's number for `local`, from `intern` the first time; -1 (no value) stays -1.
    mutating func id(_ local: Int32, intern: (Int32) -> Int32) -> Int32 {
        guard local >= 0 else { return -1 }
        if registerIDs[Int(local)] == Self.unmapped { registerIDs[Int(local)] = intern(local) }
        return registerIDs[Int(local)]
    }
}

/// Whether a stretch's spelling is the register's own, worked out once per spelling.
private enum SpellingCheck: UInt8 {
    case unknown, same, other
}

/// The file's bytes, shared read-only by the threads that read it. Safe to send: no
/// thread writes them, and every thread is finished before the bytes go away.
private struct SharedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}

/// Bytes read so far, counted by the threads reading and read by the one showing progress.
final class ProgressCounter: Sendable {
    let bytesRead = Atomic<Int>(0)
}

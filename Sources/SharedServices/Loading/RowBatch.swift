/// A stretch's numbers for a batch of rows, written row by row into memory its reader owns
/// and appended to the stretch's columns a batch at a time. Appending each value to its own
/// array, nested in the stretch's arrays by slot, asked about forty times a row whether an
/// array was shared.
///
/// A row's values are written at `row` as they are checked; `commitRow` keeps them, and a
/// row found to need a closer look is simply written over by the next.
struct RowBatch: ~Copyable {
    static let capacity = 256
    /// Rows kept since the last flush: the row being read is written at this index.
    private(set) var row = 0
    /// By slot: slot `s`'s value for row `r` is at `s * capacity + r`.
    let interned: UnsafeMutableBufferPointer<Int32>
    let organisations: UnsafeMutableBufferPointer<Int32>
    let years: UnsafeMutableBufferPointer<Int16>
    let choices: UnsafeMutableBufferPointer<UInt8>
    let pounds: UnsafeMutableBufferPointer<Int64>
    let qualifiers: UnsafeMutableBufferPointer<UInt8>
    /// One value a row.
    let idHashes: UnsafeMutableBufferPointer<UInt64>
    let partnerEnds: UnsafeMutableBufferPointer<Int32>
    let lines: UnsafeMutableBufferPointer<Int32>
    let recordStarts: UnsafeMutableBufferPointer<Int>

    init(_ layout: ArrangementLayout) {
        func room<Element>(_ slots: Int, _: Element.Type) -> UnsafeMutableBufferPointer<Element> {
            .allocate(capacity: slots * Self.capacity)
        }
        interned = room(layout.interned.count, Int32.self)
        organisations = room(layout.organisations.count, Int32.self)
        years = room(layout.years.count, Int16.self)
        choices = room(layout.choices.count, UInt8.self)
        pounds = room(layout.amounts.count, Int64.self)
        qualifiers = room(layout.amounts.count, UInt8.self)
        idHashes = room(1, UInt64.self)
        partnerEnds = room(1, Int32.self)
        lines = room(1, Int32.self)
        recordStarts = room(1, Int.self)
    }

    deinit {
        interned.deallocate()
        organisations.deallocate()
        years.deallocate()
        choices.deallocate()
        pounds.deallocate()
        qualifiers.deallocate()
        idHashes.deallocate()
        partnerEnds.deallocate()
        lines.deallocate()
        recordStarts.deallocate()
    }

    /// Where slot `slot`'s value of the row being read goes.
    func place(_ slot: Int) -> Int { slot * Self.capacity + row }

    /// Keeps the row written; true when the batch is full and must be flushed.
    mutating func commitRow() -> Bool {
        row += 1
        return row == Self.capacity
    }

    /// Appends the kept rows to the stretch's columns and starts the batch again.
    mutating func flush(into stretch: inout ArrangementStretch) {
        let count = row
        func rows<Element>(_ buffer: UnsafeMutableBufferPointer<Element>, slot: Int = 0) -> UnsafeBufferPointer<Element> {
            UnsafeBufferPointer(rebasing: buffer[slot * Self.capacity..<slot * Self.capacity + count])
        }
        for slot in stretch.interned.indices { stretch.interned[slot].append(contentsOf: rows(interned, slot: slot)) }
        for slot in stretch.organisations.indices {
            stretch.organisations[slot].append(contentsOf: rows(organisations, slot: slot))
        }
        for slot in stretch.years.indices { stretch.years[slot].append(contentsOf: rows(years, slot: slot)) }
        for slot in stretch.choices.indices { stretch.choices[slot].append(contentsOf: rows(choices, slot: slot)) }
        for slot in stretch.amounts.indices {
            stretch.amounts[slot].append(contentsOf: rows(pounds, slot: slot))
            stretch.qualifiers[slot].append(contentsOf: rows(qualifiers, slot: slot))
        }
        stretch.idHashes.append(contentsOf: rows(idHashes))
        stretch.partnerStarts.append(contentsOf: rows(partnerEnds))
        stretch.lines.append(contentsOf: rows(lines))
        stretch.recordStarts.append(contentsOf: rows(recordStarts))
        row = 0
    }
}

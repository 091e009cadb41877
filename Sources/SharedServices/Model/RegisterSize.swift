/// What the register holds in memory, column by column: for the benchmarks' bytes a row,
/// and to see which column to make smaller. Counted from the columns' contents (what a
/// filled column needs), not the room their arrays have grown to; a String counts its
/// UTF-8 bytes and 16 for itself.
public struct RegisterSize: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var bytes: Int
    }

    public var columns: [Column] = []
    public var total: Int { columns.reduce(0) { $0 + $1.bytes } }

    init(_ register: Register) {
        func add(_ name: String, _ bytes: Int) { columns.append(Column(name: name, bytes: bytes)) }
        func size<Element>(_ array: [Element]) -> Int { array.count * MemoryLayout<Element>.stride }
        func size(_ text: TextColumn) -> Int { size(text.bytes) + size(text.ends) }
        func size(_ strings: some Sequence<String>) -> Int { strings.reduce(0) { $0 + 16 + $1.utf8.count } }
        func size(written: [Int32: String]) -> Int { written.count * 4 + size(written.values) }

        add(ArrangementField.id.rawValue, size(register.ids))
        for (slot, field) in ArrangementField.fields(storedAs: .text).enumerated() {
            add(field.rawValue, size(register.texts[slot]))
        }
        for (slot, field) in ArrangementField.fields(storedAs: .interned).enumerated() {
            let column = register.interned[slot]
            add(field.rawValue, size(column.ids) + size(column.values.values) + size(written: column.written))
        }
        for (slot, field) in ArrangementField.fields(storedAs: .organisation).enumerated() {
            let column = register.organisationColumns[slot]
            add(field.rawValue, size(column.ids) + size(written: column.written))
        }
        for (slot, field) in ArrangementField.fields(storedAs: .year).enumerated() {
            add(field.rawValue, size(register.years[slot]))
        }
        for (slot, field) in ArrangementField.fields(storedAs: .choice).enumerated() {
            add(field.rawValue, size(register.choices[slot]))
        }
        for (slot, field) in ArrangementField.fields(storedAs: .amount).enumerated() {
            let column = register.amounts[slot]
            add(field.rawValue, size(column.pounds) + size(column.qualifiers) + column.forecasts.count * 12)
        }
        add(
            ArrangementField.partners.rawValue,
            size(register.partnerIDs) + size(register.partnerStarts) + size(register.sectorMasks)
                + size(written: register.partnerSpellings))
        add("line numbers", size(register.lines))
        add("other columns", size(register.extraValues) + register.extraValues.reduce(0) { $0 + size($1) })
        add(
            "search folding",
            register.foldedNonASCIIText.count * 4 + size(register.foldedNonASCIIText.values)
                + size(register.foldedOrganisationNames))
        if let masks = register.textPresence.readyMasks() {
            add("search index", size(masks.letters) + size(masks.bigrams))
            add("search pairs", masks.pairs.bytes)
            add("search's rows by organisation", masks.organisationRows.bytes)
        }
        add("organisations", size(register.organisations.names) + register.organisations.count * 32)
    }
}

extension Register {
    /// What the register holds in memory, column by column.
    public var size: RegisterSize { RegisterSize(self) }
}

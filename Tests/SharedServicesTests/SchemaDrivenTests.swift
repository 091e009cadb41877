import Testing

@testable import SharedServices

/// Every field of the schema is read, stored, sorted, described and written out by its
/// kind alone: the register is made here from the schema, so a field added to it is
/// tested without a line of this file changing, and a kind some layer does not handle
/// fails here.
@Suite struct SchemaDrivenTests {
    /// Two values of a field's kind as a file writes them, the first sorting before the
    /// second; "" where a row leaves it blank.
    static func values(_ field: ArrangementField) -> (first: String, second: String) {
        switch field.kind {
        case .identifier: return ("K1", "K2")
        case .text, .repeatedText: return ("Alpha \(field.rawValue)", "Beta \(field.rawValue)")
        case .category: return ("Alpha", "Beta")
        case .organisations:
            // Sorted by how many partners there are.
            return (
                "Adur District Council; Worthing Borough Council",
                "Adur District Council; Worthing Borough Council; Arun District Council"
            )
        case .organisation: return ("Adur District Council", "Worthing Borough Council")
        case .year: return ("2010", "2012")
        case .choice(let list): return (list.names[0], list.names[1])
        case .money: return ("1000", "2000")
        case .qualifier: return ("", SavingsQualifier.atLeast.name)
        }
    }

    static var csv: String {
        let fields = ArrangementField.schema.map(\.field)
        // The second row first: sorting must put it after the first.
        return [
            fields.map(\.rawValue), fields.map { values($0).second }, fields.map { values($0).first },
        ].map { CSVWriter.line($0) }.joined()
    }

    static func registers() throws -> [(reading: String, register: Register)] {
        try [("in stretches", RegisterLoader.ArrangementsReading.fast), ("row at a time", .rowAtATime)].map {
            name, reading in
            let loaded = try RegisterLoader.load(
                arrangementBytes: Array(csv.utf8), file: "every-field.csv", organisationBytes: nil,
                organisationsFile: nil, reading: reading)
            #expect(loaded.diagnostics.isEmpty, "\(name): \(loaded.diagnostics.map(\.message))")
            return (name, loaded.register)
        }
    }

    @Test func everyFieldIsWrittenOutAsRead() throws {
        for (reading, register) in try Self.registers() {
            #expect(register.count == 2)
            for field in ArrangementField.allCases {
                let written = Self.values(field)
                let values = (0..<2).map { register.exportValue(field, $0).plainText }
                #expect(values == [written.second, written.first], "\(reading): \(field.rawValue)")
            }
        }
    }

    @Test func everySortableFieldSorts() throws {
        for (reading, register) in try Self.registers() {
            for field in ArrangementField.allCases {
                #expect(register.sorted([0, 1], by: field) == [1, 0], "\(reading): \(field.rawValue) ascending")
                #expect(
                    register.sorted([0, 1], by: field, descending: true) == [0, 1],
                    "\(reading): \(field.rawValue) descending")
            }
        }
    }

    @Test func everyFieldIsDescribedUnderItsTitle() throws {
        for (reading, register) in try Self.registers() {
            let description = register.describe(1)
            let said = Dictionary(description.facts + description.notes, uniquingKeysWith: { first, _ in first })
            for spec in ArrangementField.schema {
                switch spec.shown {
                case .fact, .note:
                    #expect(said[spec.title] == register.displayText(spec.field, 1), "\(reading): \(spec.title)")
                    #expect(said[spec.title] != spec.kind.missingWording, "\(reading): \(spec.title) has a value")
                case .heading:
                    #expect([description.id, description.name].contains(register.text(spec.field, 1)))
                case .partners:
                    #expect(description.partners.map(\.name) == register.partnersAsWritten(1))
                case .withItsFigure:
                    break
                }
            }
        }
    }

    /// A header wording means one field: a spelling given to two would read as whichever
    /// the table happened to keep.
    @Test func noWordingBelongsToTwoFields() {
        var owner: [String: ArrangementField] = [:]
        for spec in ArrangementField.schema {
            for wording in [HeaderMatching<ArrangementField>.key(spec.field.rawValue)] + spec.spellings {
                if let earlier = owner[wording] {
                    Issue.record("\"\(wording)\" is given to both \(earlier.rawValue) and \(spec.field.rawValue)")
                }
                owner[wording] = spec.field
            }
        }
    }

    /// A field's ordinal is its place among the cases, read from how the enum is stored.
    @Test func everyFieldsOrdinalIsItsPlace() {
        #expect(MemoryLayout<ArrangementField>.size == 1)
        #expect(ArrangementField.allCases.map(\.ordinal) == Array(ArrangementField.allCases.indices))
        #expect(ArrangementField.allCases.map(\.spec.field) == ArrangementField.allCases)
    }

    /// Every field has a column of its storage, at its own slot.
    @Test func everyFieldHasItsOwnColumn() {
        for storage in FieldStorage.allCases {
            let fields = ArrangementField.fields(storedAs: storage)
            #expect(fields.map(\.slot) == Array(fields.indices), "\(storage)")
        }
        #expect(ArrangementField.fields(storedAs: .key).count == 1, "one id column, the key")
        #expect(ArrangementField.fields(storedAs: .partnerList).count == 1, "one list of partners")
        let register = Register()
        #expect(register.texts.count == ArrangementField.fields(storedAs: .text).count)
        #expect(register.interned.count == ArrangementField.fields(storedAs: .interned).count)
        #expect(register.amounts.count == ArrangementField.fields(storedAs: .amount).count)
    }
}

import Testing

@testable import SharedServices

/// CSV exports guard cells a spreadsheet would run as formulas, keep numbers as numbers,
/// and load back unchanged.
@Suite("Spreadsheet safety of CSV exports")
struct SpreadsheetSafetyTests {
    static let formulas = """
        id,name,service,partners,savings_to_date,description,contact
        F1,"=HYPERLINK(""http://example.invalid"",""Click"")",ICT,Adur District Council; Worthing Borough Council,-5000,+SUM(A1:A9),@cmd
        F2,-2+3 shared,Payroll,Adur District Council; West Sussex County Council,1200,Tabs are trimmed,"\tTabbed start"
        F3,Plain name,Payroll,@Unlisted Partnership Board; Devon County Council,,Ordinary text,'already quoted

        """

    @Test("each formula start is guarded, and only those", arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
    func formulaStartsGetAnApostrophe(text: String) {
        #expect(SpreadsheetSafety.looksLikeFormula(text))
        #expect(SpreadsheetSafety.neutralised(text) == "'" + text)
        #expect(SpreadsheetSafety.withoutGuard("'" + text) == text)
    }

    @Test func ordinaryTextIsLeftAlone() {
        for text in ["Plain", "", " =not first", "'quoted", "£5m", "x=y", "1-2", "'", "' =x"] {
            #expect(!SpreadsheetSafety.looksLikeFormula(text), "\(text)")
            #expect(SpreadsheetSafety.neutralised(text) == text)
            #expect(SpreadsheetSafety.withoutGuard(text) == text)
        }
    }

    @Test func csvGuardsTextButNotNumbers() throws {
        let loaded = try Fixture.load(Self.formulas, file: "formulas.csv")
        let csv = RegisterWriter.csv(loaded.register, rows: loaded.register.allRows)
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        // The name starting with "=" and the description starting with "+" are guarded …
        #expect(lines[1].contains(#","'=HYPERLINK(""http://example.invalid"",""Click"")","#))
        #expect(lines[1].contains(",'+SUM(A1:A9),"))
        #expect(lines[1].hasSuffix(",'@cmd"))
        // … while a negative amount in a money column stays a number.
        #expect(lines[1].contains(",-5000,"))
        #expect(!lines[1].contains("'-5000"))
        #expect(lines[2].contains("'-2+3 shared"))
        // Extra columns are kept untrimmed, so a leading tab or carriage return survives to be guarded.
        #expect(lines[2].hasSuffix("'\tTabbed start"))
        // (A carriage return inside a cell reads back as a line break, so that start is
        // checked above, on its own.)
        // A partner list starting with "@" is one cell: guarded once, at its start.
        #expect(lines[3].contains(",'@Unlisted Partnership Board; Devon County Council,"))
    }

    @Test func rawCSVKeepsTheDataExactly() throws {
        let loaded = try Fixture.load(Self.formulas, file: "formulas.csv")
        let csv = RegisterWriter.csv(loaded.register, rows: loaded.register.allRows, neutralisingFormulas: false)
        #expect(csv.contains(#","=HYPERLINK(""http://example.invalid"",""Click"")","#))
        #expect(!csv.contains("'="))
        #expect(!csv.contains("'+"))
    }

    @Test func aGuardedExportLoadsBackUnchanged() throws {
        let original = try Fixture.load(Self.formulas, file: "formulas.csv")
        #expect(original.errorCount == 0, "\(original.diagnostics)")
        let csv = RegisterWriter.csv(original.register, rows: original.register.allRows)
        for reading in [RegisterLoader.ArrangementsReading.fast, .rowAtATime] {
            let reloaded = try RegisterLoader.load(
                arrangementBytes: Array(csv.utf8), file: "again.csv", organisationBytes: nil, organisationsFile: nil,
                reading: reading)
            #expect(reloaded.register.count == 3)
            for row in 0..<reloaded.register.count {
                #expect(reloaded.register.name(row) == original.register.name(row))
                #expect(reloaded.register.description(row) == original.register.description(row))
                #expect(reloaded.register.extraValues(row) == original.register.extraValues(row))
                #expect(reloaded.register.savingsToDate(row) == original.register.savingsToDate(row))
            }
            #expect(reloaded.register.name(0).hasPrefix("=HYPERLINK"))
            // An apostrophe the data really starts with, before ordinary text, stays.
            #expect(reloaded.register.extraValues(2) == ["'already quoted"])
        }
    }

    /// Column names are cells of the header row: a column ssmap does not know, named like
    /// a formula, is kept and exported, and its name is guarded as any cell is (written as
    /// it is when raw), and reads back without the guard with either reader.
    @Test func headerCellsAreGuardedToo() throws {
        let text = """
            id,name,service,partners,=cmd,+total,-minus,@at,plain
            H1,Shared legal,Legal,Adur District Council; Worthing Borough Council,one,two,three,four,five

            """
        let original = try Fixture.load(text, file: "columns.csv")
        #expect(original.register.extraColumnNames == ["=cmd", "+total", "-minus", "@at", "plain"])
        let guarded = RegisterWriter.csv(original.register, rows: original.register.allRows)
        let raw = RegisterWriter.csv(original.register, rows: original.register.allRows, neutralisingFormulas: false)
        let guardedHeader = try #require(guarded.split(separator: "\n").first)
        let rawHeader = try #require(raw.split(separator: "\n").first)
        #expect(guardedHeader.hasSuffix(",source,'=cmd,'+total,'-minus,'@at,plain"), "\(guardedHeader)")
        #expect(rawHeader.hasSuffix(",source,=cmd,+total,-minus,@at,plain"), "\(rawHeader)")
        #expect(RegisterWriter.csv(original.register, rows: []).hasSuffix(",'=cmd,'+total,'-minus,'@at,plain\n"))
        for reading in [RegisterLoader.ArrangementsReading.fast, .rowAtATime, .inStretches(minimumBytes: 16)] {
            for csv in [guarded, raw] {
                let reloaded = try RegisterLoader.load(
                    arrangementBytes: Array(csv.utf8), file: "again.csv", organisationBytes: nil, organisationsFile: nil,
                    reading: reading)
                #expect(reloaded.register.extraColumnNames == original.register.extraColumnNames, "\(reading)")
                #expect(reloaded.register.extraValues(0) == ["one", "two", "three", "four", "five"])
                #expect(RegisterWriter.csv(reloaded.register, rows: reloaded.register.allRows) == guarded)
            }
        }
    }

    /// A value may start with a carriage return (a spreadsheet would take it for a
    /// formula's start). The guarded export reads back as the raw one does, exactly: the
    /// CR kept as written, no apostrophe.
    @Test func aGuardedCarriageReturnLoadsBackAsTheRawExportDoes() throws {
        let json = #"[{"id": "R1", "name": "Shared ICT", "service": "ICT", "#
            + #""partners": "Adur District Council; Worthing Borough Council", "contact": "\r=1+1"}]"#
        let original = try RegisterLoader.load(arrangementBytes: Array(json.utf8), file: "cr.json")
        #expect(original.register.extraValues(0) == ["\r=1+1"])
        let guarded = RegisterWriter.csv(original.register, rows: [0])
        let raw = RegisterWriter.csv(original.register, rows: [0], neutralisingFormulas: false)
        #expect(guarded.contains("\"'\r=1+1\""))
        for reading in [RegisterLoader.ArrangementsReading.fast, .rowAtATime] {
            func extraValues(_ csv: String) throws -> [String] {
                try RegisterLoader.load(
                    arrangementBytes: Array(csv.utf8), file: "again.csv", organisationBytes: nil, organisationsFile: nil,
                    reading: reading
                ).register.extraValues(0)
            }
            #expect(try extraValues(guarded) == ["\r=1+1"])
            #expect(try extraValues(guarded) == extraValues(raw))
        }
    }
}

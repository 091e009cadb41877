/// The manifest of the hostile-input corpus: every case, and what `ssmap validate` must
/// print and exit with. Lines and columns are 1-based; a column counts Unicode scalars.
/// Corpus/README.md says the same in words.
enum HostileCorpus {
    static let cases: [HostileCase] = encodingCases + quotingAndLineCases + rowCases + headerCases + valueCases
        + controlCases + jsonCases + listedCases + generatedCases + pathCases + fuzzFindingCases + workbookCases

    /// Workbooks (.xlsx) broken or extreme on purpose (scripts/make-workbook-corpus.py made them).
    static let workbookCases: [HostileCase] = [
        HostileCase(
            "a workbook cut in half", .committed("workbooks/truncated.xlsx"), exit: 2,
            [.cannotLoad("is not a workbook ssmap can read: it is not a complete zip archive (cut short or damaged?)")]),
        HostileCase(
            "a zip archive that is not a workbook", .committed("workbooks/not-a-workbook.xlsx"), exit: 2,
            [.cannotLoad("is not a workbook ssmap can read: it has no part xl/workbook.xml")]),
        HostileCase(
            "a workbook whose sheet XML is malformed", .committed("workbooks/malformed-sheet.xlsx"), exit: 2,
            [.cannotLoad("is a damaged workbook: the XML of sheet \"Register\" is not well formed")]),
        HostileCase(
            "a zip bomb: 3.9 MB expanding to 2.5 GiB", .committed("workbooks/zip-bomb.xlsx"), exit: 2,
            [.cannotLoad("is refused: it is a ZIP64 archive, which only parts of more than 4 GiB need", "a zip bomb")]),
        HostileCase(
            "a workbook of 1,048,576 rows, all but two empty", .committed("workbooks/million-empty-rows.xlsx"), exit: 0,
            read: 1, []),
        HostileCase(
            "a cell of 32,767 characters, the most a spreadsheet holds", .committed("workbooks/longest-cell.xlsx"),
            exit: 0, read: 1, []),
        HostileCase(
            "a workbook LibreOffice saved from a CSV it imported as Windows-1252: \"£\" became \"Â£\"",
            .committed("workbooks/libreoffice-windows-1252.xlsx"), exit: 1, read: 3,
            [
                .warning(cell: "'libreoffice-windows-1252'!J2", "\"Â£500,000\" has \"Â£\" for \"£\"", "read as £500,000"),
                .warning(cell: "'libreoffice-windows-1252'!J3", "\"Â£1,000,000\" has \"Â£\" for \"£\"", "read as £1,000,000"),
            ]),
        HostileCase(
            "formulas: cached values read, never computed; one with no cached value, one text like a formula",
            .committed("workbooks/formulas.xlsx"), exit: 0, read: 2, []),
        HostileCase(
            "a shared string that does not exist", .committed("workbooks/shared-string-out-of-range.xlsx"), exit: 1,
            read: 1,
            [
                .warning(cell: "Register!C2", "cell refers to shared string \"999\", which the workbook does not have; left blank"),
                .warning(cell: "Register!2:2", "row has neither a service_area nor a service"),
            ]),
        HostileCase(
            "external entities in the sheet's XML: never resolved", .committed("workbooks/external-entity.xlsx"), exit: 0,
            read: 1, []),
        HostileCase(
            "an encrypted workbook (an OLE compound file)", .committed("workbooks/encrypted.xlsx"), exit: 2,
            [.cannotLoad("is an encrypted workbook or an Excel 97–2003 (.xls) file, which ssmap cannot read")]),
    ]

    static let encodingCases: [HostileCase] = [
        HostileCase("an empty file", .committed("alone/empty.csv"), exit: 2, [.cannotLoad("is empty")]),
        HostileCase("whitespace only", .committed("alone/whitespace-only.csv"), exit: 2, [.cannotLoad("is empty")]),
        HostileCase("a byte-order mark and nothing else", .committed("alone/bom-only.csv"), exit: 2, [.cannotLoad("is empty")]),
        HostileCase(
            "UTF-16 LE with a byte-order mark", .committed("alone/utf16-le-with-bom.csv"), exit: 2,
            [.cannotLoad("is UTF-16 text; save it as UTF-8")]),
        HostileCase(
            "UTF-16 BE with a byte-order mark", .committed("alone/utf16-be-with-bom.csv"), exit: 2,
            [.cannotLoad("is UTF-16 text; save it as UTF-8")]),
        HostileCase(
            "UTF-16 LE without a byte-order mark", .committed("alone/utf16-le-without-bom.csv"), exit: 2,
            [.cannotLoad(line: 1, column: 2, "looks like UTF-16 text without a byte-order mark")]),
        HostileCase(
            "a Latin-1 pound sign", .committed("alone/latin1-pound.csv"), exit: 2,
            [.cannotLoad(line: 3, column: 127, "is not valid UTF-8 (byte 0xA3)", "Latin-1")]),
        HostileCase(
            "an encoded surrogate", .committed("alone/invalid-utf8-surrogate.csv"), exit: 2,
            [.cannotLoad(line: 2, column: 143, "is not valid UTF-8 (byte 0xED)")]),
        HostileCase(
            "UTF-8 cut off mid-character at the end", .committed("alone/truncated-utf8-at-end.csv"), exit: 2,
            [.cannotLoad(line: 3, column: 7, "is not valid UTF-8 (byte 0xC3)")]),
        HostileCase(
            "a NUL byte mid-file", .committed("alone/nul-mid-file.csv"), exit: 2,
            [.cannotLoad(line: 3, column: 10, "contains binary data (a NUL byte)")]),
        HostileCase(
            "the first bytes of a PNG", .committed("alone/png-signature.png"), exit: 2,
            [.cannotLoad(line: 3, column: 1, "contains binary data (a NUL byte)")]),
    ]

    static let quotingAndLineCases: [HostileCase] = [
        HostileCase(
            "a spreadsheet's CSV: a byte-order mark, CRLF, doubled quotes, £ amounts with commas and words",
            .committed("alone/spreadsheet-bom-crlf.csv"), exit: 0, read: 2, []),
        HostileCase(
            "a spreadsheet's CSV with rows of only commas, as it saves cleared or formatted rows",
            .committed("alone/spreadsheet-cleared-rows.csv"), exit: 0, read: 2, []),
        HostileCase(
            "a multi-line cell at the end of the file with no final line end",
            .committed("alone/multiline-cell-at-end-no-newline.csv"), exit: 0, read: 2, []),
        HostileCase(
            "a £ in Windows-1252 (Excel's plain \"CSV\"), with CRLF", .committed("alone/windows-1252-pound.csv"), exit: 2,
            [.cannotLoad(line: 2, column: 107, "is not valid UTF-8 (byte 0xA3)", "Windows-1252")]),
        HostileCase(
            "an unterminated quote at the end", .committed("alone/unterminated-quote.csv"), exit: 2,
            [.cannotLoad(line: 3, column: 140, "a quoted field starting here is never closed")]),
        HostileCase(
            "an unterminated quote in the header", .committed("alone/unterminated-quote-in-header.csv"), exit: 2,
            [.cannotLoad(line: 1, column: 9, "a quoted field starting here is never closed")]),
        HostileCase(
            "a stray quote mid-field", .committed("alone/stray-quote.csv"), exit: 1, read: 2,
            [
                .warning(line: 3, column: 8, "a quote inside an unquoted field was read as a literal quote character"),
            ]),
        HostileCase(
            "text after a closing quote", .committed("alone/text-after-closing-quote.csv"), exit: 1, read: 1,
            [.warning(line: 2, column: 12, "text after a closing quote was kept as part of the field")]),
        HostileCase(
            "CR-only line endings", .committed("alone/cr-only-endings.csv"), exit: 1, read: 3,
            [
                .warning(line: 3, column: 110, "start_year \"20x\" is not a year; left blank"),
                .warning(line: 4, column: 115, "status \"gone\" is not operational, planned or ended; left blank"),
            ]),
        HostileCase(
            "mixed LF, CRLF and CR line endings", .committed("alone/mixed-endings.csv"), exit: 1, read: 4,
            [
                .warning(line: 3, column: 110, "start_year \"20x\" is not a year"),
                .warning(line: 4, column: 127, "savings_to_date \"lots\" is not an amount of money; taken as not reported"),
                .warning(line: 5, column: 115, "status \"gone\" is not operational, planned or ended"),
            ]),
    ]

    static let rowCases: [HostileCase] = [
        HostileCase(
            "duplicate ids", .committed("alone/duplicate-ids.csv"), exit: 1, read: 2,
            [
                .error(line: 4, "row id \"A1\" is already used on line 2; row left out"),
                .error(line: 5, "row id \"A2\" is already used on line 3; row left out"),
            ]),
        HostileCase(
            "rows with too few and too many fields", .committed("alone/wrong-field-counts.csv"), exit: 1, read: 1,
            [
                .error(line: 3, "row has 3 fields but the header has 14; row left out"),
                .error(line: 4, "row has 15 fields but the header has 14; row left out"),
            ]),
        HostileCase(
            "rows with a blank id", .committed("alone/missing-id.csv"), exit: 1, read: 1,
            [
                .error(line: 2, "row has no id; row left out"), .error(line: 3, "row has no id; row left out"),
            ]),
        HostileCase(
            "partners of only semicolons and spaces", .committed("alone/semicolons-only-partners.csv"), exit: 1, read: 1,
            [.warning(line: 2, column: 29, "partners is empty")]),
    ]

    static let headerCases: [HostileCase] = [
        HostileCase(
            "a header and no rows", .committed("alone/header-only.csv"), exit: 1, read: 0,
            [.warning("has a header but no arrangements")]),
        HostileCase(
            "required columns missing", .committed("alone/missing-required-columns.csv"), exit: 2,
            [.cannotLoad(line: 1, "the required column \"partners\" is missing; the header has: id, name, service")]),
        HostileCase(
            "prose rather than CSV", .committed("alone/prose-not-csv.csv"), exit: 2,
            [.cannotLoad(line: 1, "does not look like a CSV register: its first line has no commas")]),
        HostileCase(
            "two columns called name", .committed("alone/duplicate-column-names.csv"), exit: 2,
            [.cannotLoad(line: 1, "columns 2 (\"name\") and 6 (\"name\") both give name; rename or remove one")]),
        HostileCase(
            "two aliases of one field", .committed("alone/duplicate-column-aliases.csv"), exit: 2,
            [.cannotLoad(line: 1, "columns 2 (\"title\") and 6 (\"name of shared service\") both give name")]),
        HostileCase(
            "only commas", .committed("alone/only-commas.csv"), exit: 2,
            [
                .cannotLoad(
                    line: 1,
                    "the required columns \"id\", \"name\", \"partners\", \"service_area or service\" are missing",
                    "the header has: (blank), (blank), (blank), (blank), (blank)")
            ]),
    ]

    static let valueCases: [HostileCase] = [
        // "£2.5m" on line 4 is read as £2,500,000 without a word: no message expects it.
        HostileCase(
            "negative, absurd and fractional savings", .committed("alone/savings-negative-absurd-fractional.csv"),
            exit: 1, read: 6,
            [
                .warning(line: 2, column: 127, "savings_to_date \"-5000\" is negative (a net cost)"),
                .warning(
                    line: 3, column: 127,
                    "savings_to_date \"999999999999999\" is more than £100bn, too large to be a saving; taken as not reported"),
                .warning(line: 4, column: 127, "savings_to_date \"1234.56\" has pence; rounded to £1,235"),
                .warning(line: 5, column: 127, "savings_to_date \"£100000000001\" is more than £100bn"),
                .warning(line: 6, column: 127, "savings_to_date \"-£1,250.50\" has pence; rounded to £1,251 and is negative (a net cost)"),
                .warning(line: 7, column: 137, "savings_latest_year \"1e400\" is not an amount of money"),
            ]),
        // "2015/16" on line 6 is read as 2015 without a word.
        HostileCase(
            "non-numeric, future and past years", .committed("alone/years-odd.csv"), exit: 1, read: 6,
            [
                .warning(line: 2, column: 110, "start_year \"soon\" is not a year; left blank"),
                .warning(line: 3, column: 110, "start_year \"2150\" is not a plausible start year (1945–2100); left blank"),
                .warning(line: 4, column: 110, "start_year \"1066\" is not a plausible start year (1945–2100); left blank"),
                .warning(line: 5, column: 110, "start_year \"MMXV\" is not a year"),
                .warning(line: 7, column: 110, "start_year \"-2015\" is not a year"),
            ]),
    ]

    static let controlCases: [HostileCase] = [
        HostileCase(
            "ANSI escape sequences in names, partners, statuses and descriptions", .committed("alone/ansi-escapes.csv"),
            exit: 1, read: 2,
            [
                .warning(line: 2, column: 4, "name contains control characters (escape codes or similar); they are shown as symbols"),
                .warning(line: 2, column: 35, "partners contains control characters"),
                // The escape code makes it a name the bundled list does not hold; the name it spoils is offered.
                .warning(
                    line: 2, column: 35, "partners \"Worth␛[2Jing Borough Council\" " + ExpectedMessage.notInTheBundledList,
                    "; did you mean \"Worthing Borough Council\"?"),
                .warning(line: 2, column: 150, "description contains control characters"),
                .warning(line: 3, column: 115, "status \"␛[5mblinking\" is not operational, planned or ended"),
                .warning(line: 3, column: 115, "status contains control characters"),
                .warning(line: 3, column: 141, "description contains control characters"),
            ]),
        HostileCase(
            "BEL, backspace, DEL, C1 controls and bidirectional overrides", .committed("alone/control-characters.csv"),
            exit: 1, read: 3,
            [
                .warning(line: 2, column: 4, "name contains control characters"),
                .warning(line: 2, column: 151, "description contains control characters"),
                .warning(line: 3, column: 120, "status \"\u{FFFD}delnne\" is not operational, planned or ended"),
                .warning(line: 3, column: 4, "name contains control characters"),
                .warning(line: 3, column: 33, "partners contains control characters"),
                .warning(line: 3, column: 120, "status contains control characters"),
                .warning(line: 4, column: 99, "region contains control characters"),
                .warning(line: 4, column: 140, "description contains control characters"),
            ]),
        HostileCase(
            "formulas guarded with an apostrophe read back without it", .committed("alone/guarded-formula-cells.csv"),
            exit: 1, read: 2,
            [
                .warning(line: 2, column: 111, "status \"=HYPERLINK(\"http://example.com\")\" is not operational"),
                .warning(line: 3, column: 115, "status \"-2+3\" is not operational"),
                .warning(line: 3, column: 121, "savings_to_date \"=1000\" is not an amount of money"),
            ]),
    ]

    static let jsonCases: [HostileCase] = [
        HostileCase(
            "JSON that is an object", .committed("alone/json-object.json"), exit: 2,
            [.cannotLoad(line: 1, "is JSON but not an array of objects (it is an object)")]),
        HostileCase(
            "JSON that is a string", .committed("alone/json-string.json"), exit: 2,
            [.cannotLoad(line: 1, "is JSON but not an array of objects (it is a string)")]),
        HostileCase(
            "JSON that is a number", .committed("alone/json-number.json"), exit: 2,
            [.cannotLoad(line: 1, "is JSON but not an array of objects (it is a number)")]),
        HostileCase(
            "JSON cut off mid-string", .committed("alone/json-truncated.json"), exit: 2,
            [.cannotLoad(line: 3, column: 34, "is not valid JSON: a string is never closed")]),
        HostileCase(
            "JSON with a duplicate key", .committed("alone/json-duplicate-key.json"), exit: 1, read: 1,
            [.warning(line: 2, "name is given more than once in this object; the last value was kept")]),
        HostileCase(
            "JSON: an empty array", .committed("alone/json-empty-array.json"), exit: 1, read: 0,
            [.warning("is an empty array: it holds no arrangements")]),
        HostileCase(
            "JSON items that are not objects", .committed("alone/json-items-not-objects.json"), exit: 1, read: 1,
            [
                .error(line: 2, "row item 1 of the array is a number, not an object; left out"),
                .error(line: 3, "row item 2 of the array is a string, not an object; left out"),
                .error(line: 5, "row item 4 of the array is an array, not an object; left out"),
            ]),
        HostileCase(
            "JSON escapes of control characters", .committed("alone/json-escaped-controls.json"), exit: 1, read: 1,
            [
                .warning(line: 2, "status \"␛]0;t␇x\" is not operational"),
                .warning(line: 2, "name contains control characters"),
                .warning(line: 2, "status contains control characters"),
                .warning(line: 2, "description contains control characters"),
            ]),
        HostileCase(
            "JSON lone surrogates", .committed("alone/json-lone-surrogate.json"), exit: 1, read: 1,
            [.warning(line: 2, "status \"\u{FFFD}\" is not operational")]),
    ]

    /// Cases with an organisations file beside them, so that a good file validates clean.
    static let listedCases: [HostileCase] = [
        HostileCase("a clean register (the baseline)", .committed("listed/good.csv"), exit: 0, read: 2, []),
        HostileCase("a byte-order mark, then a clean register", .committed("listed/bom-then-good.csv"), exit: 0, read: 2, []),
        HostileCase("CRLF line endings throughout", .committed("listed/crlf-good.csv"), exit: 0, read: 2, []),
        HostileCase(
            "cells that look like spreadsheet formulas", .committed("listed/formula-cells.csv"), exit: 0, read: 2, []),
        HostileCase("a header with blank column names", .committed("listed/blank-column-names.csv"), exit: 0, read: 1, []),
        HostileCase(
            "right-to-left text, emoji, ZWJ sequences, flags and CJK", .committed("listed/rtl-emoji-cjk.csv"),
            exit: 0, read: 3, []),
        HostileCase(
            "partners in Arabic, Hebrew, emoji and CJK", .committed("listed/rtl-emoji-cjk-partners.csv"),
            exit: 1, read: 3,
            [
                .warning(line: 2, column: 29, "partners \"مجلس المدينة\" is not in organisations.csv; kept"),
                .warning(line: 3, column: 29, "partners \"👩‍👩‍👧‍👦 Family Trust 🇬🇧\" is not in organisations.csv; kept"),
                .warning(line: 3, column: 79, "lead \"עיריית תל אביב\" is not one of the partners"),
                .warning(line: 4, column: 29, "partners \"東京都庁\" is not in organisations.csv; kept"),
            ]),
        HostileCase(
            "a hostile organisations file beside the register", .committed("hostile-organisations/arrangements.csv"),
            exit: 1, read: 1,
            [
                .warning(line: 3, "lat \"91\" is not a latitude; left blank", in: "organisations.csv"),
                .warning(line: 3, "name contains control characters", in: "organisations.csv"),
                .error(line: 4, "name \"Adur District Council\" is already listed on line 2; left out", in: "organisations.csv"),
                .error(line: 5, "row has no name; left out", in: "organisations.csv"),
                .warning(line: 6, "sector \"\u{FFFD}council\" is not council, fire, police, health or other", in: "organisations.csv"),
                .warning(line: 6, "sector contains control characters", in: "organisations.csv"),
                .warning(line: 2, column: 29, "partners \"Worthing Borough Council\" is not in organisations.csv; kept"),
            ]),
    ]

    static let generatedCases: [HostileCase] = [
        HostileCase(
            "a row of 10,000 fields", .generated("ten-thousand-fields.csv", recipe: HostileRecipes.tenThousandFields),
            exit: 1, read: 1,
            [.error(line: 3, "row has 10000 fields but the header has 14; row left out")]),
        HostileCase(
            "a 50 MB field of 50 lines", .generated("fifty-megabyte-field.csv", recipe: HostileRecipes.fiftyMegabyteField),
            exit: 1, read: 2,
            [.warning(line: 53, column: 110, "start_year \"20x\" is not a year")]),
        HostileCase(
            "lines of 1,000,000 characters",
            .generated("million-character-lines.csv", recipe: HostileRecipes.millionCharacterLines), exit: 1, read: 2,
            [
                .warning(line: 2, column: 1000118, "savings_to_date \"about two million\" is not an amount of money"),
                .warning(line: 3, column: 1_000_004, "a quote inside an unquoted field was read as a literal quote character"),
            ]),
        HostileCase(
            "5,000 partners in one row", .generated("five-thousand-partners.csv", recipe: HostileRecipes.partners(5_000)),
            exit: 1, read: 1,
            [
                .warning(line: 2, column: 29, "partners lists \"Council 7\" more than once; counted once"),
                .warnings(
                    4_999, line: 2, column: 29, "partners \"Council ", ExpectedMessage.notInTheBundledList + ", taken to be a council body"),
            ]),
        // Checking each partner against the row's others one by one took minutes here; each
        // of the 49,999 unknown names is also looked up in the bundled list for the nearest.
        HostileCase(
            "50,000 partners in one row", .generated("fifty-thousand-partners.csv", recipe: HostileRecipes.partners(50_000)),
            exit: 1, read: 1,
            [
                .warning(line: 2, column: 29, "partners lists \"Council 7\" more than once; counted once"),
                .warnings(
                    49_999, line: 2, column: 29, "partners \"Council ", ExpectedMessage.notInTheBundledList + ", taken to be a council body"),
            ]),
        HostileCase(
            "JSON nested 10,000 arrays deep", .generated("deep-arrays.json", recipe: HostileRecipes.deepArrays), exit: 2,
            [.cannotLoad(line: 1, column: 65, "is not valid JSON: nested more than 64 levels deep")]),
        HostileCase(
            "JSON nested 10,000 objects deep", .generated("deep-objects.json", recipe: HostileRecipes.deepObjects), exit: 2,
            [.cannotLoad(line: 1, column: 321, "is not valid JSON: nested more than 64 levels deep")]),
        HostileCase(
            "100,000 blank lines, then a header",
            .generated("blank-lines-then-header.csv", recipe: HostileRecipes.blankLinesThenHeader), exit: 1, read: 1,
            [.warning(line: 100_002, column: 110, "start_year \"20x\" is not a year")]),
        HostileCase(
            "a header of 10,000 unknown columns",
            .generated("ten-thousand-columns.csv", recipe: HostileRecipes.tenThousandColumnHeader), exit: 2,
            [
                .cannotLoad(
                    line: 1, "the required columns \"id\", \"name\", \"partners\", \"service_area or service\" are missing",
                    "the header has: col0, col1, col2,", "col19 and 9980 more")
            ]),
        HostileCase(
            "a column name of 1,000,000 characters",
            .generated("million-character-column-name.csv", recipe: HostileRecipes.millionCharacterColumnName), exit: 2,
            [
                .cannotLoad(
                    line: 1,
                    "the required column \"name\" is missing; the header has: id, \(String(repeating: "n", count: 57))…, "
                        + "service, partners")
            ]),
    ]

    /// Every input the fuzzer found (Fuzz/findings), once fixed: what the command says of it.
    static let fuzzFindingCases: [HostileCase] = [
        HostileCase(
            "fuzz finding: a zip directory pointing past the end of the file",
            .fuzzFinding("zip-directory-pointing-past-the-end.xlsx"), exit: 2,
            [.cannotLoad("is not a workbook ssmap can read: an entry's header is outside the file")]),
        HostileCase(
            "fuzz finding: a tag's name cut by a chunk's end, then a quote",
            .fuzzFinding("tag-name-cut-by-a-chunk-then-a-quote.zip"), exit: 2,
            [.cannotLoad("is not a workbook ssmap can read: its directory is outside the file")]),
        HostileCase(
            "fuzz finding: a stray quote, then a quote never closed, then a control character",
            .fuzzFinding("quote-then-unclosed-quote-then-control.csv"), exit: 2,
            [.cannotLoad(line: 1, column: 6, "a quoted field starting here is never closed")]),
        HostileCase(
            "fuzz finding: a quote never closed after a header without the required columns",
            .fuzzFinding("unclosed-quote-after-a-header-without-columns.csv"), exit: 2,
            [
                .cannotLoad(
                    line: 1, "the required columns \"id\", \"name\", \"partners\", \"service_area or service\" are missing",
                    "the header has: a\", a\".\"")
            ]),
        HostileCase(
            "fuzz finding: a stray quote in the header", .fuzzFinding("stray-quote-in-header.csv"), exit: 2,
            [
                .cannotLoad(
                    line: 1, "the required columns \"id\", \"name\", \"partners\", \"service_area or service\" are missing",
                    "the header has: a\", (blank)")
            ]),
        HostileCase(
            "fuzz finding: a UTF-8 continuation byte first", .fuzzFinding("continuation-byte-first.csv"), exit: 2,
            [.cannotLoad(line: 1, column: 1, "is not valid UTF-8 (byte 0xA0)")]),
    ]

    static let pathCases: [HostileCase] = [
        HostileCase(
            "an escape sequence in the file's name",
            .generated(HostileRecipes.escapeSequenceFileName, recipe: HostileRecipes.smallRegister), exit: 1, read: 1,
            shownAs: "␛[31mred␛]0;title␇.csv",
            [.warning(line: 2, column: 110, "start_year \"20x\" is not a year")]),
        HostileCase(
            "a directory given as the file", .directory(named: "arrangements.csv"), exit: 2,
            [.cannotLoad("is a directory, not a register file")]),
        HostileCase(
            "a path that does not exist", .missing(named: "absent.csv"), exit: 2, [.cannotLoad("does not exist")]),
        HostileCase(
            "a device that never ends", .systemPath("/dev/zero"), exit: 2, [.cannotLoad("is a device, not a register file")]),
        HostileCase(
            "a file without read permission", .unreadable(copyOf: "listed/good.csv"), exit: 2,
            [.cannotLoad("cannot be read: permission denied")]),
    ]
}

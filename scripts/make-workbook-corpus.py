#!/usr/bin/env python3
"""Writes the hostile corpus's workbooks (Tests/SSMapCommandsTests/Corpus/workbooks/), each
built part by part with Python's zipfile so that it is exactly as broken as intended.

    python3 scripts/make-workbook-corpus.py Tests/SSMapCommandsTests/Corpus/workbooks
"""
import os
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

HEADER = ["id", "name", "service", "partners", "savings_to_date"]
ROW = ["W1", "Joint legal team", "Legal services", "Adur District Council; Worthing Borough Council", 250000]


def cell(reference, value):
    if isinstance(value, int):
        return f'<c r="{reference}"><v>{value}</v></c>'
    text = value.replace("&", "&amp;").replace("<", "&lt;")
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def row(number, values):
    cells = "".join(cell(f"{chr(65 + index)}{number}", value) for index, value in enumerate(values))
    return f'<row r="{number}">{cells}</row>'


def sheet(rows_xml, prolog='<?xml version="1.0" encoding="UTF-8"?>'):
    return f'{prolog}<worksheet xmlns="{MAIN}"><sheetData>{rows_xml}</sheetData></worksheet>'


def workbook(path, sheet_xml, shared_strings=None, compression=zipfile.ZIP_DEFLATED, level=None):
    with zipfile.ZipFile(path, "w", compression=compression, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>')
        relationships = f'<Relationship Id="rId1" Type="{DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
        if shared_strings is not None:
            relationships += f'<Relationship Id="rId2" Type="{DOC}/sharedStrings" Target="sharedStrings.xml"/>'
            items = "".join(f"<si><t>{text}</t></si>" for text in shared_strings)
            archive.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst xmlns="{MAIN}">{items}</sst>')
        archive.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships xmlns="{RELS}">{relationships}</Relationships>')
        if isinstance(sheet_xml, str):
            archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        else:
            # Written in chunks, its size given first: a plain (not ZIP64) entry below 4 GiB.
            size, chunks = sheet_xml
            info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
            info.compress_type = compression
            info.file_size = size
            with archive.open(info, "w") as part:
                for chunk in chunks:
                    part.write(chunk)


def main():
    directory = sys.argv[1]
    os.makedirs(directory, exist_ok=True)
    at = lambda name: os.path.join(directory, name)
    good = sheet(row(1, HEADER) + row(2, ROW))

    workbook(at("good.xlsx"), good)
    with open(at("good.xlsx"), "rb") as handle:
        whole = handle.read()
    with open(at("truncated.xlsx"), "wb") as handle:
        handle.write(whole[: len(whole) // 2])
    os.remove(at("good.xlsx"))

    with zipfile.ZipFile(at("not-a-workbook.xlsx"), "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("notes.txt", "Shopping list: milk, bread.\n")

    workbook(at("malformed-sheet.xlsx"), good.replace("<row r=\"2\">", "<row r=\"2\" <oops>"))

    # 2.5 GiB of empty rows after the header, deflated about a thousand times over.
    head = sheet(row(1, HEADER), prolog="").replace("</sheetData></worksheet>", "").encode()
    block = b"<row/>" * (1 << 20)
    tail = b"</sheetData></worksheet>"
    blocks = 2560 // 6

    def bomb():
        yield head
        for _ in range(blocks):
            yield block
        yield tail
    workbook(at("zip-bomb.xlsx"), (len(head) + blocks * len(block) + len(tail), bomb()), level=9)

    # As a spreadsheet that formatted whole columns writes them: row after empty row, to
    # the sheet's last (1,048,576); most without their number, which is then the next.
    empties = "<row/>" * (1_048_576 - 3) + '<row r="1048576"/>'
    workbook(at("million-empty-rows.xlsx"), sheet(row(1, HEADER) + row(2, ROW) + empties), level=9)

    workbook(at("longest-cell.xlsx"), sheet(row(1, HEADER + ["notes_for_the_auditor"]) + row(2, ROW + ["é" * 32767])))

    formulas = (row(1, HEADER)
                + '<row r="2"><c r="A2" t="inlineStr"><is><t>W1</t></is></c>'
                '<c r="B2" t="str"><f>CONCAT("Joint ","legal team")</f><v>Joint legal team</v></c>'
                '<c r="C2" t="inlineStr"><is><t>Legal services</t></is></c>'
                '<c r="D2" t="inlineStr"><is><t>Adur District Council; Worthing Borough Council</t></is></c>'
                '<c r="E2"><f>SUM(100000,150000)</f><v>250000</v></c></row>'
                '<row r="3"><c r="A3" t="inlineStr"><is><t>W2</t></is></c>'
                '<c r="B3" t="inlineStr"><is><t>=HYPERLINK("http://example.invalid","click")</t></is></c>'
                '<c r="C3" t="inlineStr"><is><t>Legal services</t></is></c>'
                '<c r="D3" t="inlineStr"><is><t>Adur District Council</t></is></c>'
                '<c r="E3"><f>WEBSERVICE("http://example.invalid")</f></c></row>')
    workbook(at("formulas.xlsx"), sheet(formulas))

    strings = ["id", "name", "service", "partners", "savings_to_date", "W1", "Joint legal team", "Legal services",
               "Adur District Council; Worthing Borough Council"]
    shared = ('<row r="1">' + "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{i}</v></c>' for i in range(5)) + "</row>"
              '<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>6</v></c><c r="C2" t="s"><v>999</v></c>'
              '<c r="D2" t="s"><v>8</v></c><c r="E2"><v>250000</v></c></row>')
    workbook(at("shared-string-out-of-range.xlsx"), sheet(shared), shared_strings=strings)

    entity = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">'
              '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')
    workbook(at("external-entity.xlsx"),
             sheet(row(1, HEADER) + row(2, ["W1", "Joint &secret; team &lol2;", "Legal services",
                                            "Adur District Council; Worthing Borough Council", 250000])
                   .replace("&amp;secret;", "&secret;").replace("&amp;lol2;", "&lol2;"), prolog=entity))

    with open(at("encrypted.xlsx"), "wb") as handle:
        handle.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))


if __name__ == "__main__":
    main()

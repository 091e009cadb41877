#!/usr/bin/env python3
"""Writes the bundled sample register as a workbook made by another program (openpyxl),
the way people keep registers in Excel: a title sheet first, then a sheet named
"Register" with two title rows above the header, amounts as numbers with a £ format or
as "£1,234" text, and one start year entered as a date.

    pip install openpyxl
    python3 scripts/make-workbook-fixture.py sample-data/arrangements.csv \
        Tests/SharedServicesTests/Workbooks/sample-register.xlsx
"""
import csv
import datetime
import sys

import openpyxl
from openpyxl.styles import Font

source, target = sys.argv[1], sys.argv[2]
with open(source, newline="", encoding="utf-8") as handle:
    rows = list(csv.reader(handle))
header, body = rows[0], rows[1:]

workbook = openpyxl.Workbook()
title = workbook.active
title.title = "About"
title["A1"] = "Shared services register"
title["A2"] = "Compiled from the LGA's shared services map, June 2017."

sheet = workbook.create_sheet("Register")
sheet["A1"] = "Shared services arrangements"
sheet["A1"].font = Font(bold=True)
sheet["A2"] = "Savings in pounds; blank where none was reported."
sheet.append([])  # a blank row between the titles and the header
sheet.append(header)
money = {header.index("savings_to_date"), header.index("savings_latest_year")}
start_year = header.index("start_year")
for number, row in enumerate(body):
    cells = []
    for column, value in enumerate(row):
        if column in money and value:
            if number % 3 == 1:
                cells.append("£{:,}".format(int(value)))  # text, as typed with the pound sign
            else:
                cells.append(int(value))  # a number, given a £ format below
        elif column == start_year and value and number == 0:
            cells.append(datetime.datetime(int(value), 4, 1))  # a year entered as a date
        elif column == start_year and value:
            cells.append(int(value))
        else:
            cells.append(value if value else None)
    sheet.append(cells)
for row in sheet.iter_rows(min_row=5):
    for cell in row:
        if cell.column - 1 in money and isinstance(cell.value, int):
            cell.number_format = '"£"#,##0'
        if cell.column - 1 == start_year and isinstance(cell.value, datetime.datetime):
            cell.number_format = "dd/mm/yyyy"
workbook.save(target)

#!/usr/bin/env python3
"""Times ssmap reading and writing workbooks (.xlsx) against openpyxl and python-calamine,
alternating runs in one go, and prints each tool's median wall time and peak memory with
its ratio to ssmap's.

    python3 scripts/compare-workbook-peers.py [--rows 100000] [--rounds 3]

The register is `ssmap generate --count ROWS --seed 2017` (under .build-bench/registers/),
written as a workbook by openpyxl as another program would write it (shared strings,
amounts as numbers with a £ format). Jobs:

- read: load the sheet with every cell, clean the savings of "£" and ",", and sum them by
  service area (`ssmap summary --by service-area`; openpyxl in read-only mode; calamine);
- write: write every row of the CSV to a new workbook (`ssmap list --output x.xlsx`, which
  also loads the CSV; openpyxl in write-only mode, its fastest);
- memory: `ssmap summary` on the CSV, to compare the workbook's peak with.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SSMAP = os.path.join(ROOT, ".build", "release", "ssmap")


def ensure_peers():
    for module, package in (("openpyxl", "openpyxl"), ("python_calamine", "python-calamine")):
        if subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True).returncode != 0:
            print(f"installing {package} from PyPI", file=sys.stderr)
            subprocess.run([sys.executable, "-m", "pip", "install", "-q", package], check=True)


WRITE_WITH_OPENPYXL = """
import csv, sys, openpyxl
source, target = sys.argv[1], sys.argv[2]
workbook = openpyxl.Workbook(write_only=True)
sheet = workbook.create_sheet("Register")
with open(source, newline="", encoding="utf-8") as handle:
    rows = csv.reader(handle)
    header = next(rows)
    sheet.append(header)
    money = {header.index("savings_to_date"), header.index("savings_latest_year"), header.index("start_year")}
    for row in rows:
        sheet.append([int(value) if index in money and value else (value or None) for index, value in enumerate(row)])
workbook.save(target)
"""

READ_WITH_OPENPYXL = """
import sys, openpyxl
workbook = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = workbook.active.iter_rows(values_only=True)
header = list(next(rows))
area, saved = header.index("service_area"), header.index("savings_to_date")
totals = {}
for row in rows:
    value = row[saved]
    amount = int(str(value).replace("£", "").replace(",", "")) if value not in (None, "") else 0
    totals[row[area]] = totals.get(row[area], 0) + amount
print(sorted(totals.items(), key=lambda item: -item[1])[:3])
"""

READ_WITH_CALAMINE = """
import sys
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
header = list(rows[0])
area, saved = header.index("service_area"), header.index("savings_to_date")
totals = {}
for row in rows[1:]:
    value = row[saved]
    amount = int(float(str(value).replace("£", "").replace(",", ""))) if value not in (None, "") else 0
    totals[row[area]] = totals.get(row[area], 0) + amount
print(sorted(totals.items(), key=lambda item: -item[1])[:3])
"""


def measure(command):
    """Wall seconds and peak resident memory (MiB) of one run, via GNU time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", report.name, *command],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        wall, kilobytes = report.read().split()[-2:]
        return float(wall), int(kilobytes) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "ssmap"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    ensure_peers()
    directory = os.path.join(ROOT, ".build-bench", "registers", str(options.rows))
    csv_path = os.path.join(directory, "arrangements.csv")
    if not os.path.exists(csv_path):
        subprocess.run([SSMAP, "generate", "--count", str(options.rows), "--seed", "2017", "--out", directory,
                        "--force"], check=True)
    workbook = os.path.join(directory, "arrangements-openpyxl.xlsx")
    if not os.path.exists(workbook):
        subprocess.run([sys.executable, "-c", WRITE_WITH_OPENPYXL, csv_path, workbook], check=True)
    scratch = tempfile.mkdtemp(prefix="ssmap-xlsx-")
    ssmap_out = os.path.join(scratch, "ssmap.xlsx")
    openpyxl_out = os.path.join(scratch, "openpyxl.xlsx")

    def without(path):
        if os.path.exists(path):
            os.remove(path)

    jobs = {
        ("read", "ssmap"): lambda: measure([SSMAP, "summary", workbook, "--by", "service-area"]),
        ("read", "openpyxl"): lambda: measure([sys.executable, "-c", READ_WITH_OPENPYXL, workbook]),
        ("read", "calamine"): lambda: measure([sys.executable, "-c", READ_WITH_CALAMINE, workbook]),
        ("write", "ssmap"): lambda: (without(ssmap_out),
                                     measure([SSMAP, "list", csv_path, "--output", ssmap_out]))[1],
        ("write", "openpyxl"): lambda: (without(openpyxl_out),
                                        measure([sys.executable, "-c", WRITE_WITH_OPENPYXL, csv_path, openpyxl_out]))[1],
        ("memory", "ssmap on the CSV"): lambda: measure([SSMAP, "summary", csv_path, "--by", "service-area"]),
    }
    results = {key: [] for key in jobs}
    for round_number in range(options.rounds):
        keys = list(jobs) if round_number % 2 == 0 else list(reversed(jobs))
        for key in keys:
            results[key].append(jobs[key]())

    print(f"{options.rows:,} arrangements; workbook {os.path.getsize(workbook) / 1e6:.1f} MB (openpyxl), "
          f"CSV {os.path.getsize(csv_path) / 1e6:.1f} MB; {options.rounds} alternating rounds, median wall, "
          f"largest peak; ratio = peer / ssmap (above 1: ssmap is ahead)")
    print("| job | tool | wall (s) | peak (MiB) | wall ratio | runs (s) |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    for (job, tool), runs in results.items():
        wall = statistics.median(run[0] for run in runs)
        peak = max(run[1] for run in runs)
        base = statistics.median(run[0] for run in results[(job, "ssmap")]) if (job, "ssmap") in results else wall
        listed = ", ".join(f"{run[0]:.2f}" for run in runs)
        print(f"| {job} | {tool} | {wall:.2f} | {peak:.0f} | {wall / base:.2f} | {listed} |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Times `ssmap summary --by service-area` against the tools an analyst would reach for
instead, on the same generated register in two shapes, alternating runs in one go, and
prints each tool's wall time and peak memory with its ratio to ssmap's, then each tool's
spreadsheet-to-plain ratio.

    python3 scripts/compare-peers.py [--rows 1000000] [--rounds 3] [--shape plain] [--skip visidata]

Shapes: `plain` is the CSV as ssmap writes it; `spreadsheet` is the same rows as Excel saves
them (byte-order mark, CRLF line ends, doubled quotes in every description, a line break in
one description in ten, a third of the amounts as "£1,234,567"). Both are made with
`ssmap generate --seed 2017 [--style spreadsheet]` under .build-bench/registers/ and reused
while they exist.

`ssmap` is `ssmap summary`, which reads and checks every cell but keeps no names or
descriptions unless a search reads them; `ssmap-whole` is `ssmap show` of the first
arrangement, which keeps the whole register as the dashboard does (`--skip ssmap-whole`
leaves it out). Every peer does the same job on each shape: load the whole file with every
column read as text, clean the savings of "£" and ",", and sum them by service area. Peers (installed when
missing): polars and DuckDB (load into memory, then group and sum), DuckDB streaming
(`duckdb-stream`: the group and sum straight from `read_csv`, keeping no table), Miller (put,
then stats1 sum by group), VisiData (a batch replay of add column, aggregate, frequency
table). Last, one table gives ssmap's ratio to each peer on both shapes side by side.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SSMAP = os.path.join(ROOT, ".build", "release", "ssmap")


def ensure_peers():
    missing = [m for m in ("polars", "duckdb", "visidata") if not has_module(m)]
    if missing:
        print(f"installing {', '.join(missing)} from PyPI", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", *missing], check=True)
    if shutil.which("mlr") is None:
        print("installing miller from Debian", file=sys.stderr)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "miller"], check=True)


def has_module(name):
    return subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True).returncode == 0


SHAPES = ("plain", "spreadsheet")


def register(rows, shape):
    name = str(rows) if shape == "plain" else f"{rows}-{shape}"
    directory = os.path.join(ROOT, ".build-bench", "registers", name)
    path = os.path.join(directory, "arrangements.csv")
    if not os.path.exists(path):
        subprocess.run([SSMAP, "generate", "--count", str(rows), "--seed", "2017", "--style", shape,
                        "--out", directory, "--force"], check=True)
    return path


def visidata_job(path, shape):
    """A VisiData command log: open, add the cleaned amount, sum it, frequency table by area."""
    amount = "int(savings_to_date.replace('£', '').replace(',', '') or 0)"
    sheet = os.path.splitext(os.path.basename(path))[0]
    steps = [
        {"sheet": "", "col": "", "longname": "open-file", "input": path},
        {"sheet": sheet, "col": "savings_to_date", "longname": "addcol-expr", "input": amount},
        {"sheet": sheet, "col": amount, "longname": "rename-col", "input": "amount"},
        {"sheet": sheet, "col": "amount", "longname": "type-int", "input": ""},
        {"sheet": sheet, "col": "amount", "longname": "aggregate-col", "input": "sum"},
        {"sheet": sheet, "col": "service_area", "longname": "freq-col", "input": ""},
    ]
    job = os.path.join(tempfile.gettempdir(), f"ssmap-vd-{shape}.vdj")
    with open(job, "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps({"row": "", "keystrokes": "", **step}) + "\n" for step in steps)
    return job


def first_id(path):
    """The first arrangement's id: the first cell of the second line."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        handle.readline()
        return handle.readline().split(",", 1)[0]


def commands(path, shape):
    python = sys.executable
    polars = (
        "import polars as pl\n"
        f"df = pl.read_csv({path!r}, infer_schema=False)\n"
        "amount = pl.col('savings_to_date').str.replace_all('[£,]', '').cast(pl.Int64)\n"
        "print(df.group_by('service_area').agg(amount.sum()).sort('savings_to_date', descending=True))"
    )
    duckdb = (
        "import duckdb\n"
        "con = duckdb.connect()\n"
        f"con.execute(\"create table t as select * from read_csv('{path}', header=true, all_varchar=true)\")\n"
        "print(con.execute(\"select service_area, sum(cast(replace(replace(savings_to_date, '£', ''), ',', '') \"\n"
        "                  \"as bigint)) s from t group by 1 order by 2 desc\").fetchall())"
    )
    # The same query straight from the file: DuckDB streams the CSV through the aggregate.
    duckdb_stream = (
        "import duckdb\n"
        "print(duckdb.sql(\"select service_area, sum(cast(replace(replace(savings_to_date, '£', ''), ',', '') as bigint)) s \"\n"
        f"                 \"from read_csv('{path}', header=true, all_varchar=true) group by 1 order by 2 desc\").fetchall())"
    )
    miller = ["mlr", "--icsv", "--opprint", "-S",
              "put", '$savings_to_date = int(gsub($savings_to_date, "[£,]", ""))',
              "then", "stats1", "-a", "sum", "-f", "savings_to_date", "-g", "service_area", path]
    return {
        "ssmap": [SSMAP, "summary", path, "--by", "service-area"],
        # `summary` keeps no names or descriptions; `show` keeps the whole register, as the
        # dashboard and `list` do, and prints the first arrangement.
        "ssmap-whole": [SSMAP, "show", path, first_id(path)],
        "polars": [python, "-c", polars],
        "duckdb": [python, "-c", duckdb],
        "duckdb-stream": [python, "-c", duckdb_stream],
        "miller": miller,
        "visidata": [shutil.which("vd") or "vd", "-b", "-p", visidata_job(path, shape),
                     "-o", os.path.join(tempfile.gettempdir(), f"ssmap-vd-{shape}.tsv")],
    }


def measure(command, timeout):
    """Wall seconds and peak resident memory (MiB) of one run, via GNU time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        try:
            subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", report.name, *command],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout, check=True)
        except subprocess.TimeoutExpired:
            return None
        except subprocess.CalledProcessError:
            return None
        wall, kilobytes = report.read().split()[-2:]
        return float(wall), int(kilobytes) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--timeout", type=int, default=300, help="seconds before a run is abandoned")
    parser.add_argument("--skip", action="append", default=[], help="a peer to leave out (repeatable)")
    parser.add_argument("--shape", action="append", choices=SHAPES, default=[],
                        help="a shape to measure (repeatable; default: both)")
    options = parser.parse_args()
    shapes = [shape for shape in SHAPES if shape in options.shape] or list(SHAPES)

    if not shutil.which("/usr/bin/time"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "time"], check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "ssmap"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    ensure_peers()
    paths = {shape: register(options.rows, shape) for shape in shapes}
    tools = {shape: {name: command for name, command in commands(paths[shape], shape).items()
                     if name not in options.skip}
             for shape in shapes}
    # Read the files once so every tool starts from the page cache.
    for path in paths.values():
        with open(path, "rb") as handle:
            while handle.read(1 << 24):
                pass

    # Alternate the shapes and the tools from round to round.
    results = {(shape, name): [] for shape in shapes for name in tools[shape]}
    for round_number in range(options.rounds):
        forward = round_number % 2 == 0
        for shape in (shapes if forward else list(reversed(shapes))):
            names = list(tools[shape])
            for name in (names if forward else list(reversed(names))):
                results[(shape, name)].append(measure(tools[shape][name], options.timeout))

    def summary(shape, name):
        runs = [run for run in results.get((shape, name), []) if run is not None]
        if not runs:
            return None
        return statistics.median(run[0] for run in runs), max(run[1] for run in runs)

    for shape in shapes:
        size = os.path.getsize(paths[shape]) / 1e6
        base = summary(shape, "ssmap")
        print(f"\n{shape}: {options.rows:,} arrangements, {size:.0f} MB of CSV, {options.rounds} alternating rounds; "
              f"median wall time, peak memory; ratio = ssmap / peer (below 1: ssmap is ahead)")
        print("| tool | wall (s) | peak (MiB) | wall ratio | memory ratio | runs (s) |")
        print("| --- | ---: | ---: | ---: | ---: | --- |")
        for name in tools[shape]:
            figures = summary(shape, name)
            if figures is None:
                print(f"| {name} | failed or over {options.timeout} s | | | | |")
                continue
            wall, memory = figures
            runs = ", ".join("—" if run is None else f"{run[0]:.2f}" for run in results[(shape, name)])
            if base and name != "ssmap":
                print(f"| {name} | {wall:.2f} | {memory:.0f} | {base[0] / wall:.2f} | {base[1] / memory:.2f} | {runs} |")
            else:
                print(f"| {name} | {wall:.2f} | {memory:.0f} | 1.00 | 1.00 | {runs} |")

    if len(shapes) == 2:
        print("\nssmap / peer on both shapes, wall time and peak memory (below 1: ssmap is ahead)")
        print("| ssmap / peer | plain wall | spreadsheet wall | plain memory | spreadsheet memory |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for own in ("ssmap", "ssmap-whole"):
            for name in tools["plain"]:
                if own not in tools["plain"] or name.startswith("ssmap"):
                    continue
                cells = []
                for index in (0, 1):
                    for shape in shapes:
                        base, peer = summary(shape, own), summary(shape, name)
                        cells.append("—" if base is None or peer is None else f"{base[index] / peer[index]:.2f}")
                print(f"| {own} / {name} | {cells[0]} | {cells[1]} | {cells[2]} | {cells[3]} |")

        print("\nspreadsheet / plain, per tool (above 1: the spreadsheet shape is slower or bigger)")
        print("| tool | plain wall (s) | spreadsheet wall (s) | wall ratio | plain peak (MiB) | spreadsheet peak (MiB) | memory ratio |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name in tools["plain"]:
            plain, sheet = summary("plain", name), summary("spreadsheet", name)
            if plain is None or sheet is None:
                print(f"| {name} | failed | | | | | |")
                continue
            print(f"| {name} | {plain[0]:.2f} | {sheet[0]:.2f} | {sheet[0] / plain[0]:.2f} | "
                  f"{plain[1]:.0f} | {sheet[1]:.0f} | {sheet[1] / plain[1]:.2f} |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Times `ssmap summary --by service-area` against the tools an analyst would reach for
instead, on the same generated register, alternating runs in one go, and prints each
tool's wall time and peak memory with its ratio to ssmap's.

    python3 scripts/compare-peers.py [--rows 1000000] [--rounds 3]

Peers (installed when missing): polars and DuckDB (load the CSV into memory, then group
and sum), Miller (stats1 sum by group), VisiData (a batch load). The register is made with
`ssmap generate` (seed 2017) under .build-bench/registers/ and reused while it exists.
"""
import argparse
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


def register(rows):
    directory = os.path.join(ROOT, ".build-bench", "registers", str(rows))
    path = os.path.join(directory, "arrangements.csv")
    if not os.path.exists(path):
        subprocess.run([SSMAP, "generate", "--count", str(rows), "--seed", "2017", "--out", directory, "--force"], check=True)
    return path


def commands(path):
    python = sys.executable
    polars = (
        "import polars as pl, sys\n"
        f"df = pl.read_csv({path!r}, infer_schema_length=10000)\n"
        "print(df.group_by('service_area').agg(pl.col('savings_to_date').sum()).sort('savings_to_date', descending=True))"
    )
    duckdb = (
        "import duckdb\n"
        "con = duckdb.connect()\n"
        f"con.execute(\"create table t as select * from read_csv_auto('{path}')\")\n"
        "print(con.execute('select service_area, sum(savings_to_date) s from t group by 1 order by 2 desc').fetchall())"
    )
    return {
        "ssmap": [SSMAP, "summary", path, "--by", "service-area"],
        "polars": [python, "-c", polars],
        "duckdb": [python, "-c", duckdb],
        "miller": ["mlr", "--icsv", "--opprint", "stats1", "-a", "sum", "-f", "savings_to_date", "-g", "service_area", path],
        "visidata": [shutil.which("vd") or "vd", "-b", "-f", "csv", path, "-o", os.path.join(tempfile.gettempdir(), "ssmap-vd-out.tsv")],
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
    options = parser.parse_args()

    if not shutil.which("/usr/bin/time"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "time"], check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "ssmap"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    ensure_peers()
    path = register(options.rows)
    size = os.path.getsize(path) / 1e6
    tools = {name: command for name, command in commands(path).items() if name not in options.skip}
    # Read the file once so every tool starts from the page cache.
    with open(path, "rb") as handle:
        while handle.read(1 << 24):
            pass

    results = {name: [] for name in tools}
    for round_number in range(options.rounds):
        order = list(tools) if round_number % 2 == 0 else list(reversed(tools))
        for name in order:
            results[name].append(measure(tools[name], options.timeout))

    def summary(name):
        runs = [run for run in results[name] if run is not None]
        if not runs:
            return None
        return statistics.median(run[0] for run in runs), max(run[1] for run in runs)

    base = summary("ssmap")
    print(f"{options.rows:,} arrangements, {size:.0f} MB of CSV, {options.rounds} alternating rounds; "
          f"median wall time, peak memory; ratio = ssmap / peer (below 1: ssmap is ahead)")
    print(f"| tool | wall (s) | peak (MiB) | wall ratio | memory ratio |")
    print(f"| --- | ---: | ---: | ---: | ---: |")
    for name in tools:
        figures = summary(name)
        if figures is None:
            print(f"| {name} | failed or over {options.timeout} s | | | |")
            continue
        wall, memory = figures
        if base and name != "ssmap":
            print(f"| {name} | {wall:.2f} | {memory:.0f} | {base[0] / wall:.2f} | {base[1] / memory:.2f} |")
        else:
            print(f"| {name} | {wall:.2f} | {memory:.0f} | 1.00 | 1.00 |")


if __name__ == "__main__":
    main()

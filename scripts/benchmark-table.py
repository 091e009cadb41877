#!/usr/bin/env python3
"""Condenses `swift package benchmark --format markdown` (on standard input) into one table:
a row per benchmark, a column per register size, each cell the median wall time."""
import re
import sys
from collections import OrderedDict

table = OrderedDict()
sizes = []
name = None
for line in sys.stdin.read().replace("\r", "\n").splitlines():
    heading = re.match(r"^### (.+) (\d+)$", line)
    if heading:
        name, size = heading.group(1), int(heading.group(2))
        if size not in sizes:
            sizes.append(size)
        continue
    wall = re.match(r"^\| Time \(wall clock\) \((ns|μs|ms|s)\) \*?\s*\|([^|]+)\|([^|]+)\|([^|]+)\|", line)
    if name and wall:
        unit, median = wall.group(1), float(wall.group(4).strip())
        scale = {"ns": 1e-6, "μs": 1e-3, "ms": 1.0, "s": 1000.0}[unit]
        table.setdefault(name, {})[size] = median * scale

sizes.sort()
print("| benchmark (median wall, ms) | " + " | ".join(f"{size:,} rows" for size in sizes) + " |")
print("| --- |" + " ---: |" * len(sizes))
for name, cells in table.items():
    print(f"| {name} | " + " | ".join(f"{cells[size]:.3g}" if size in cells else "" for size in sizes) + " |")

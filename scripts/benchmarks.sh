#!/usr/bin/env bash
# Every benchmark figure in BENCHMARKS.md, in one run: the in-process benchmarks at each
# register size, then ssmap against its peers on 1,000,000 arrangements, then workbooks
# read and written against openpyxl and python-calamine on 100,000.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "## In-process benchmarks"
(cd Benchmarks && swift package --allow-writing-to-directory .benchmarkBaselines benchmark --format markdown --no-progress 2>/dev/null) \
    | python3 scripts/benchmark-table.py
echo
echo "## Against peers"
python3 scripts/compare-peers.py "$@"
echo
echo "## Workbooks against peers"
python3 scripts/compare-workbook-peers.py

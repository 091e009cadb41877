#!/usr/bin/env bash
# Fuzzes the CSV, JSON and workbook readers and the register loader with libFuzzer for SECONDS
# seconds (default 600): builds .build-fuzz/loader-fuzzer from the SharedServices and
# TextCells sources and the checks in Tests/SharedServicesTests/FuzzChecks.swift, seeds
# .build-fuzz/corpus, runs, and reports. Exits 0 when nothing was found, 1 when something
# was (the inputs are in .build-fuzz/findings/). FUZZ_CORPUS=DIR keeps the working corpus
# in DIR instead: the test suite's short run starts from the seeds alone, in a directory
# of its own, rather than replaying every input earlier runs kept.
#
#     bash scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-600}
if ! [[ $duration =~ ^[0-9]+$ ]]; then
    echo "usage: scripts/fuzz.sh [SECONDS]" >&2
    exit 2
fi

out=.build-fuzz
fuzzer=$out/loader-fuzzer
corpus=${FUZZ_CORPUS:-$out/corpus}
findings=$out/findings
mkdir -p "$out/modules" "$corpus" "$findings"

mapfile -t shared_sources < <(find Sources/SharedServices -name '*.swift' | sort)
text_cells_sources=(Sources/TextCells/*.swift)
# ZIPFoundation, as the package manager fetched it (workbooks are zip archives); fetched
# here only when missing, since `swift test` (which runs this script) holds the package's lock.
if [ ! -d .build/checkouts/ZIPFoundation ]; then swift package resolve >/dev/null; fi
zip_sources=(.build/checkouts/ZIPFoundation/Sources/ZIPFoundation/*.swift)
zlib_module=.build/checkouts/ZIPFoundation/Sources/CZLib
fuzz_sources=(
    Tests/SharedServicesTests/ReferenceCSVParser.swift
    Tests/SharedServicesTests/FuzzLoadOutcome.swift
    Tests/SharedServicesTests/FuzzChecks.swift
    Fuzz/LoaderFuzzer.swift
)

# The toolchain's lld when it has one: gold prints a warning for each of ASan's local symbols.
linker=()
if [ -x "$(dirname "$(command -v swiftc)")/ld.lld" ]; then linker=(-use-ld=lld); fi

# TextCells and ZIPFoundation are compiled as modules of their own, so the sources'
# imports work unchanged; SharedServices and the fuzz files are compiled together as one
# module, so the checks reach the loader's internal reading modes without @testable.
build() {
    local flags=(-sanitize=fuzzer,address -parse-as-library "$@")
    swiftc "${flags[@]}" -wmo -module-name TextCells -emit-module -emit-module-path "$out/modules/TextCells.swiftmodule" \
        -c -o "$out/modules/TextCells.o" "${text_cells_sources[@]}" &&
        swiftc "${flags[@]}" -swift-version 5 -wmo -module-name ZIPFoundation -I "$zlib_module" -Xcc -D_GNU_SOURCE=1 -emit-module \
            -emit-module-path "$out/modules/ZIPFoundation.swiftmodule" -c -o "$out/modules/ZIPFoundation.o" \
            "${zip_sources[@]}" &&
        swiftc "${flags[@]}" "${linker[@]}" -module-name LoaderFuzzer -I "$out/modules" -I "$zlib_module" \
            "$out/modules/TextCells.o" \
            "$out/modules/ZIPFoundation.o" -lz "${shared_sources[@]}" "${fuzz_sources[@]}" -o "$fuzzer"
}

# Rebuilt only when a source (or this script) is newer than the fuzzer.
if [ ! -x "$fuzzer" ] || [ -n "$(find "${shared_sources[@]}" "${text_cells_sources[@]}" "${zip_sources[@]}" "${fuzz_sources[@]}" "$0" -newer "$fuzzer" | head -1)" ]; then
    echo "fuzz: building $fuzzer (takes a minute or two)"
    rm -f "$fuzzer"
    if ! build -O -g; then
        echo "fuzz: the optimised build failed; building without optimisation"
        build -Onone -g
    fi
fi

# Seeds: the command-line tests' hostile corpus (files up to 1 MB), the sample register,
# and Fuzz/seeds and Fuzz/findings. Each is copied under its content's hash, so running
# again adds nothing twice.
seed_count=0
add_seed() {
    cp "$1" "$corpus/seed-$(sha1sum <"$1" | cut -c1-40)"
    seed_count=$((seed_count + 1))
}
while IFS= read -r -d '' seed; do
    add_seed "$seed"
done < <(
    find Tests/SSMapCommandsTests/Corpus -type f ! -name README.md -size -1048577c -print0 2>/dev/null
    find sample-data -maxdepth 1 -name '*.csv' -type f -print0
    find Fuzz/seeds Fuzz/findings -type f ! -name README.md -print0
)
echo "fuzz: $seed_count seeds; corpus $corpus has $(find "$corpus" -type f | wc -l) inputs"

# The Swift runtime's own crash reporter would take over libFuzzer's crash handling.
export SWIFT_BACKTRACE=enable=no
# Shorter allocation stacks in reports make every allocation cheaper.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=5}
# The archive library leaks its in-memory file when an archive fails to open (a few dozen
# bytes a time); that leak alone is not reported.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/Fuzz/leak-suppressions.txt}

started=$out/run-started
touch "$started"
start_time=$(date +%s)
log=$out/last-run.log
set +e
"$fuzzer" -max_total_time="$duration" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$findings/" "$corpus" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
elapsed=$(($(date +%s) - start_time))

executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
last_status=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
coverage=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last_status")
features=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last_status")
corpus_size=$(sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' <<<"$last_status")
mapfile -t found < <(find "$findings" -type f -newer "$started" | sort)

echo
echo "fuzz: ${executions:-?} executions in ${elapsed}s (${speed:-?}/s); coverage ${coverage:-?} edges," \
    "${features:-?} features; corpus ${corpus_size:-?} (inputs/size); log in $log"
if [ "${#found[@]}" -gt 0 ]; then
    echo "fuzz: FOUND ${#found[@]} failing input(s):"
    printf '    %s\n' "${found[@]}"
    cat <<EOF
To replay one:      SWIFT_BACKTRACE=enable=no $fuzzer ${found[0]}
To minimise it:     SWIFT_BACKTRACE=enable=no $fuzzer -minimize_crash=1 -max_total_time=120 \\
                        -exact_artifact_path=Fuzz/findings/NAME ${found[0]}
To keep it as a regression case, copy the minimised input to Fuzz/findings/ under a name
that says what it holds; swift test --filter FuzzReplayTests then replays it.
EOF
    exit 1
fi
if [ "$status" -ne 0 ]; then
    echo "fuzz: the fuzzer exited with status $status without leaving an input; see $log" >&2
    exit "$status"
fi
echo "fuzz: nothing found"

#!/usr/bin/env bash
# Builds the libFuzzer harnesses and runs each for a time budget (Fuzz/README.md).
#
#   Fuzz/run.sh [SECONDS] [HARNESS...]    HARNESS: json csv ics scenario policy partial tickets absences requests import merge (default: all eleven)
#
# Exits 1 when any harness crashes, times out on one input or runs out of memory, after naming the
# reproducer it wrote under .build-fuzz/findings/. Inputs that reach new code are kept in
# .build-fuzz/corpus/ (the committed seeds in Fuzz/corpus/ are only read), so repeated runs go deeper.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(json csv ics scenario policy partial tickets absences requests import merge)

# A Swift trap goes straight to libFuzzer, which names the input; the Swift backtracer would hang under ASan.
export SWIFT_BACKTRACE=enable=no

scratch=.build-fuzz
# Release code, as shipped; AddressSanitizer also catches out-of-bounds access in the unsafe buffers.
build=(swift build -c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address)
mkdir -p "$scratch"
for h in "${harnesses[@]}"; do
    if ! PLAN_FUZZ=1 "${build[@]}" --product "fuzz-$h" >"$scratch/build-$h.log" 2>&1; then
        cat "$scratch/build-$h.log" >&2
        echo "fuzz: building fuzz-$h failed" >&2
        exit 1
    fi
done

failed=()
for h in "${harnesses[@]}"; do
    corpus="$scratch/corpus/$h"
    findings="$scratch/findings/$h"
    mkdir -p "$corpus" "$findings"
    echo "fuzz-$h: ${seconds}s"
    # -timeout: no input of these sizes takes seconds; -rss_limit_mb: ASan's shadow memory included.
    if ! "$scratch/release/fuzz-$h" "$corpus" "Fuzz/corpus/$h" \
        -dict="Fuzz/dictionaries/$h.dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$findings/" -print_final_stats=1 >"$findings/log.txt" 2>&1; then
        reproducer=$(ls -t "$findings" | grep -E '^(crash|timeout|oom|leak|slow-unit)-' | head -n 1 || true)
        grep -E "^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*: Fatal error)|deadly signal|^ALARM|out-of-memory" "$findings/log.txt" | head -n 5 >&2 || true
        echo "fuzz-$h: FAILED; reproducer: $findings/$reproducer; log: $findings/log.txt" >&2
        echo "  replay: $scratch/release/fuzz-$h $findings/$reproducer" >&2
        failed+=("$h")
    fi
    grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "$findings/log.txt" | tr -s ' \n' ' ' || true
    grep -o "corp: [0-9]*/[0-9a-zA-Z]*" "$findings/log.txt" | tail -n 1 || true
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: ${failed[*]} failed" >&2
    exit 1
fi
echo "fuzz: ${harnesses[*]} ran ${seconds}s each without a crash, timeout or out-of-memory"

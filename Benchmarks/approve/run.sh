#!/bin/bash
# Whole-process time and peak memory of `plan approve` on scenarios/december.json with the 12
# example requests and with N generated ones (requests.py), one after the other:
#   Benchmarks/approve/run.sh .build/release/plan [TRIALS] [N...]
# Prints: requests, trials, wall and CPU (user) seconds, wall seconds per request, peak resident
# memory (MB). On a shared machine the CPU time is the steadier of the two.
set -euo pipefail
plan=${1:?the plan binary}
trials=${2:-200}
shift 2 || true
counts=("${@:-1000 10000}")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() { # requests-file count
    /usr/bin/time -f "%e %U %M" -o "$work/time" "$plan" approve "$root/scenarios/december.json" --requests "$1" \
        --max-risk "ge4<=0.20" --trials "$trials" --out "$work/out" > /dev/null 2>&1
    read -r seconds user kb < "$work/time"
    awk -v n="$2" -v t="$trials" -v s="$seconds" -v u="$user" -v kb="$kb" \
        'BEGIN { printf "%6d requests  %6d trials  %8.2f s wall  %8.2f s CPU  %8.4f s/request  %7.1f MB\n", n, t, s, u, s / n, kb / 1024 }'
}
measure "$root/scenarios/december-requests.csv" 12
for n in ${counts[@]}; do
    python3 "$here/requests.py" "$n" > "$work/requests-$n.csv"
    measure "$work/requests-$n.csv" "$n"
done

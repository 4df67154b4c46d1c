#!/bin/bash
# Whole processes, alternating: `plan simulate scenarios/december.json --trials PLAN_TRIALS --threads 2
# --no-files` against december_numpy.py with NUMPY_TRIALS, PAIRS times; prints each run's wall and
# CPU (user + system) seconds and trials per second, then the medians and their ratio.
#   Benchmarks/reference/compare.sh .build/release/plan [PAIRS] [PLAN_TRIALS] [NUMPY_TRIALS]
set -euo pipefail
plan=${1:?the plan binary}
pairs=${2:-5}
plan_trials=${3:-1000000}
numpy_trials=${4:-100000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# The machine's OpenBLAS settings for older builds slow a current numpy: unset together (numpy here runs no BLAS kernel).
unset OPENBLAS_NUM_THREADS OMP_NUM_THREADS MKL_NUM_THREADS OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for i in $(seq "$pairs"); do
    /usr/bin/time -f "plan %e %U %S" -a -o "$out" "$plan" simulate "$root/scenarios/december.json" \
        --trials "$plan_trials" --threads 2 --no-files > /dev/null
    /usr/bin/time -f "numpy %e %U %S" -a -o "$out" python3 "$here/december_numpy.py" "$numpy_trials" 2> /dev/null
done
awk -v pt="$plan_trials" -v nt="$numpy_trials" '
    { n[$1]++; wall[$1, n[$1]] = $2; cpu[$1, n[$1]] = $3 + $4
      printf "%-5s %8.2f s wall %8.2f s CPU %10.0f trials/s (wall)\n", $1, $2, $3 + $4, ($1 == "plan" ? pt : nt) / $2 }
    function median(a, k, m,   i, j, t, v) { for (i = 1; i <= m; i++) v[i] = a[k, i]
        for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
        return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2 }
    END { pw = median(wall, "plan", n["plan"]); nw = median(wall, "numpy", n["numpy"])
          pc = median(cpu, "plan", n["plan"]); nc = median(cpu, "numpy", n["numpy"])
          printf "median plan  %.2f s wall (%.0f trials/s), %.2f s CPU (%.0f trials per CPU second)\n", pw, pt / pw, pc, pt / pc
          printf "median numpy %.2f s wall (%.0f trials/s), %.2f s CPU (%.0f trials per CPU second)\n", nw, nt / nw, nc, nt / nc
          printf "plan / numpy: %.1fx in wall time, %.1fx per CPU second\n", (pt / pw) / (nt / nw), (pt / pc) / (nt / nc) }' "$out"

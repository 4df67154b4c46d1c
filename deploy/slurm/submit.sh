#!/usr/bin/env bash
# Submits a sharded simulation to Slurm: a job array of SHARDS tasks (one shard each) and a merge
# job that starts when every task has succeeded. Run it from the folder the scenario path is
# relative to (the jobs run there); print the two job ids.
#
#   SCENARIO=scenarios/december.json SHARDS=4 deploy/slurm/submit.sh
#
# Variables: SCENARIO (required), SHARDS (4), TRIALS (100000), SEED (1), PLAN (plan: the binary,
# reachable from every node), PARTS (parts: a shared folder for the partial results and the jobs' logs; start with an empty one), OUT (the
# output folder; default notebooks-output/<scenario name>/), HTML (non-empty: also report.html).
set -euo pipefail
: "${SCENARIO:?set SCENARIO to the scenario file}"
here="$(cd "$(dirname "$0")" && pwd)"
shards="${SHARDS:-4}" parts="${PARTS:-parts}"
mkdir -p "$parts"
# The jobs' logs go beside the partial results.
array=$(sbatch --parsable --export=ALL --array="1-$shards" --output="$parts/shard-%a.log" "$here/simulate-shard.sbatch")
merge=$(sbatch --parsable --export=ALL --dependency="afterok:${array%%;*}" --output="$parts/merge.log" "$here/merge.sbatch")
echo "$array $merge"

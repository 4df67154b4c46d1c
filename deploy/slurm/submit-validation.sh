#!/usr/bin/env bash
# Submits a plan hire or plan cover run with its validation in shards: a job array of SHARDS tasks
# (validate-shard.sbatch) and the merge job (validate-merge.sbatch) that starts when every task has
# succeeded. Run it from the folder the scenario path is relative to; print the two job ids.
#
#   COMMAND='hire scenarios/year-ahead.json --through 2027-12-31 --max-risk ge4<=0.10 --validation-trials 100000' \
#     SHARDS=4 deploy/slurm/submit-validation.sh
#
# Variables: COMMAND (required; split at spaces), SHARDS (4), PLAN (plan, reachable from every
# node), PARTS (parts: a shared folder for the parts and the jobs' logs; start with an empty one),
# OUT (the output folder; default the command's), EXTRA (options for the merge only: --html …).
set -euo pipefail
: "${COMMAND:?set COMMAND to the plan hire or plan cover arguments}"
here="$(cd "$(dirname "$0")" && pwd)"
shards="${SHARDS:-4}" parts="${PARTS:-parts}"
mkdir -p "$parts"
array=$(sbatch --parsable --export=ALL --array="1-$shards" --output="$parts/shard-%a.log" "$here/validate-shard.sbatch")
merge=$(sbatch --parsable --export=ALL --dependency="afterok:${array%%;*}" --output="$parts/merge.log" "$here/validate-merge.sbatch")
echo "$array $merge"

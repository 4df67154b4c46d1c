#!/usr/bin/env bash
# Integration test of deploy/slurm/: starts a single-node Slurm cluster on this machine (munged,
# slurmctld and slurmd from a test configuration, every file in a temporary folder), submits the
# December run as a job array of 4 shards and the merge job with deploy/slurm/submit.sh, waits,
# and compares the merged files with a single `plan simulate` run byte for byte (run.json without
# its execution section); then the same for a `plan hire` whose validation runs in 3 shards
# (deploy/slurm/submit-validation.sh), files and standard output. The daemons are stopped at the end, also on failure; their logs are
# printed when the test fails. Needs root (the daemons run as root) and Debian's slurm-wlm and
# munge (.ci/deps installs them).
#
#   Tests/Integration/slurm-shards.sh [PLAN_BINARY]     (default .build/debug/plan)
set -euo pipefail
cd "$(dirname "$0")/../.."
plan="$(realpath "${1:-.build/debug/plan}")"
timeout_seconds=600
[ "$(id -u)" -eq 0 ] || { echo "slurm-shards: needs root (it starts munged, slurmctld and slurmd)" >&2; exit 1; }
[ -x "$plan" ] || { echo "slurm-shards: no plan binary at $plan; build it first" >&2; exit 1; }

work="$(mktemp -d /tmp/plan-slurm.XXXXXX)"
chmod 755 "$work"
mkdir -p "$work/state" "$work/spool"
export SLURM_CONF="$work/slurm.conf"
passed=0

stop() {
  local pidfile pid
  for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munged.pid"; do
    [ -s "$pidfile" ] || continue
    pid="$(cat "$pidfile")"
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$passed" -ne 1 ]; then
    for log in "$work"/*.log "$work"/parts/*.log; do
      [ -f "$log" ] && { echo "----- $log"; tail -n 60 "$log"; }
    done
    echo "slurm-shards: FAILED (files kept in $work)" >&2
  else
    rm -rf "$work"
  fi
}
trap stop EXIT
# A CI timeout or Ctrl-C still stops the daemons (the EXIT trap runs on exit).
trap 'exit 1' INT TERM

fail() { echo "slurm-shards: $*" >&2; exit 1; }

# Waits up to the test's deadline for a command to succeed. Every command that talks to the
# cluster has its own time limit too, so that nothing can hang the test.
deadline=$((SECONDS + timeout_seconds))
wait_for() {
  local what="$1"; shift
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || fail "timed out after ${timeout_seconds}s waiting for $what"
    sleep 1
  done
}

host="$(hostname -s)"
mungekey --create --keyfile="$work/munge.key"
chmod 400 "$work/munge.key"
munged --socket="$work/munge.socket" --key-file="$work/munge.key" --pid-file="$work/munged.pid" \
  --log-file="$work/munged.log" --seed-file="$work/munged.seed" --force

cat > "$SLURM_CONF" <<CONF
ClusterName=plantest
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge.socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
MinJobAge=600
NodeName=$host CPUs=2 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
wait_for "the node to be idle" sh -c "timeout 30 sinfo -h -N -o %t | grep -qx idle"

# The single run and the sharded one, both from the repository root with the same scenario path.
timeout "$timeout_seconds" "$plan" simulate scenarios/december.json --html --out "$work/single" >/dev/null
ids=$(SCENARIO=scenarios/december.json SHARDS=4 PLAN="$plan" PARTS="$work/parts" OUT="$work/merged" HTML=1 \
  timeout 120 deploy/slurm/submit.sh)
array="${ids% *}" merge="${ids#* }"
echo "slurm-shards: submitted array $array and merge $merge"
state() { timeout 30 scontrol show job "$1" | grep -o 'JobState=[A-Z_]*' | sort -u | tr '\n' ' '; }
wait_for "the merge job $merge to end" sh -c "timeout 30 squeue -h -j $merge >\"$work/queue\" && ! grep -q . \"$work/queue\""
[ "$(state "$array")" = "JobState=COMPLETED " ] || fail "the shard tasks ended as: $(state "$array")"
[ "$(state "$merge")" = "JobState=COMPLETED " ] || fail "the merge job ended as: $(state "$merge")"
[ "$(cd "$work/parts" && ls ./*.json)" = "$(printf './december.shard-%s-of-4.json\n' 1 2 3 4)" ] || fail "parts: $(ls "$work/parts")"

without_execution() { awk '/^  "execution" : \{/ { skip = 1 } !skip { print } skip && /^  \}/ { skip = 0 }' "$1"; }
[ "$(ls -A "$work/single")" = "$(ls -A "$work/merged")" ] || fail "the merged run has other files than the single run"
for file in "$work/single"/*; do
  name="$(basename "$file")"
  if [ "$name" = run.json ]; then
    cmp <(without_execution "$file") <(without_execution "$work/merged/$name") || fail "run.json differs outside execution"
    grep -q '"shards" : 4' "$work/merged/run.json" || fail "the merged run.json does not record 4 shards"
  else
    cmp "$file" "$work/merged/$name" || fail "$name differs"
  fi
done
echo "slurm-shards: 4 shards on Slurm merged into files identical to the single run"

# plan hire with its validation in 3 shards (deploy/slurm/submit-validation.sh), against the single
# run: a quarter of the year-ahead example, 3,000 validation trials, so that it takes seconds.
hire="hire scenarios/year-ahead.json --through 2027-03-31 --max-risk ge4<=0.10 --lead-time 2 --ramp 4 --trials 100 --validation-trials 3000 --seed 3"
read -r -a hire_args <<<"$hire"
timeout "$timeout_seconds" "$plan" "${hire_args[@]}" --html --out "$work/hire-single" >"$work/hire-single.txt"
ids=$(COMMAND="$hire" EXTRA=--html SHARDS=3 PLAN="$plan" PARTS="$work/hire-parts" OUT="$work/hire-merged" \
  timeout 120 deploy/slurm/submit-validation.sh)
array="${ids% *}" merge="${ids#* }"
echo "slurm-shards: submitted the hire validation array $array and merge $merge"
wait_for "the merge job $merge to end" sh -c "timeout 30 squeue -h -j $merge >\"$work/queue\" && ! grep -q . \"$work/queue\""
[ "$(state "$array")" = "JobState=COMPLETED " ] || fail "the hire shard tasks ended as: $(state "$array")"
[ "$(state "$merge")" = "JobState=COMPLETED " ] || fail "the hire merge job ended as: $(state "$merge")"
[ "$(cd "$work/hire-parts" && ls ./*.json)" = "$(printf './hire-year-ahead.shard-%s-of-3.json\n' 1 2 3)" ] || fail "hire parts: $(ls "$work/hire-parts")"
[ "$(ls -A "$work/hire-single")" = "$(ls -A "$work/hire-merged")" ] || fail "the merged hire run has other files than the single run"
for file in "$work/hire-single"/*; do
  cmp "$file" "$work/hire-merged/$(basename "$file")" || fail "hire: $(basename "$file") differs"
done
cmp "$work/hire-single.txt" <(sed "s|$work/hire-merged|$work/hire-single|" "$work/hire-parts/merge.log") || fail "hire: the merge's output differs"
passed=1
echo "slurm-shards: the hire validation in 3 shards on Slurm merged into files and output identical to the single run"

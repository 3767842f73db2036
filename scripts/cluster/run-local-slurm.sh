#!/usr/bin/env bash
# Brings up a real single-node Slurm on this machine (munged, slurmctld and slurmd on localhost,
# from Debian's slurm-wlm and munge, configured in a temporary folder for this host's name, CPUs
# and memory), runs scripts/cluster/slurm-array.sbatch over a small input set as an N-task job
# array plus the dependent merge job, checks that the merged dataset holds every input exactly
# once, prints how long it took, and tears everything down (only the daemons it started).
#
#   scripts/cluster/run-local-slurm.sh                    # build/cli/disclose, golden inputs, N=3
#   DISCLOSE=build/cli/disclose SHARDS=4 scripts/cluster/run-local-slurm.sh FILE...
#
# Needs root (the daemons run as root here) and a disclose with `extract --shard K/N`.
# Exit status 0 when the dataset is complete and exact, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD

DISCLOSE="$(realpath "${DISCLOSE:-build/cli/disclose}")"
SHARDS="${SHARDS:-3}"
TIMEOUT="${TIMEOUT:-300}"
if [ "$#" -gt 0 ]; then inputs=("$@"); else inputs=("$repo"/fixtures/golden/inputs/*); fi

say() { echo "run-local-slurm: $*" >&2; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
die() { say "$*"; exit 1; }

[ -x "$DISCLOSE" ] || die "no disclose binary at $DISCLOSE (build it first)"
"$DISCLOSE" extract --help 2>&1 | grep -q -- "--shard" ||
  die "$DISCLOSE has no 'extract --shard K/N' (needs the parallel-runner work)"
for tool in munged slurmctld slurmd sbatch scontrol sinfo sqlite3; do
  command -v "$tool" >/dev/null || die "missing $tool (scripts/install-deps.sh installs it)"
done
[ "$(id -u)" -eq 0 ] || die "run as root: the test cluster's daemons run as root"

start=$(date +%s.%N)
work="$(mktemp -d /tmp/disclose-slurm.XXXXXX)"
pids=()
teardown() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ] && [ -z "${KEEP:-}" ]; then
    for log in "$work"/*.log; do [ -f "$log" ] && { say "--- $log"; tail -n 20 "$log" >&2; }; done
  fi
  if [ -n "${KEEP:-}" ]; then say "kept $work"; else rm -rf "$work"; fi
  exit "$status"
}
trap teardown EXIT
trap 'exit 1' INT TERM

# Free TCP ports for slurmctld and slurmd, so a Slurm already on this machine is not disturbed.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# munge: a fresh key and its own socket.
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/out"
chmod 711 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munged.log" \
  --seed-file="$work/munge/munge.seed" --foreground 2>>"$work/munged.log" &
pids+=($!)
for _ in $(seq 100); do [ -S "$work/munge/munge.socket" ] && break; sleep 0.1; done
[ -S "$work/munge/munge.socket" ] || die "munged did not start"

host="$(hostname -s)"
# This machine's node line as slurmd sees it (CPUs, sockets, cores, memory).
node_line="$(slurmd -C | head -n 1)"
cat >"$work/slurm.conf" <<CONF
ClusterName=disclose-test
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
MinJobAge=600
MpiDefault=none
$node_line State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"

slurmctld -D -i -f "$SLURM_CONF" >>"$work/slurmctld.log" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >>"$work/slurmd.log" 2>&1 &
pids+=($!)
for _ in $(seq 300); do
  state="$(sinfo -h -N -o '%T' 2>/dev/null | head -n 1 || true)"
  [ "$state" = idle ] && break
  sleep 0.2
done
[ "$state" = idle ] || die "the node did not come up (state: '${state:-none}')"
up=$(date +%s.%N)
say "Slurm up on $host in $(seconds "$start" "$up") s ($node_line)"

# The inputs, by absolute path, one per line.
for input in "${inputs[@]}"; do realpath "$input"; done >"$work/inputs.txt"
count_inputs=$(wc -l <"$work/inputs.txt")

export DISCLOSE INPUT_LIST="$work/inputs.txt" OUT="$work/out"
export DISCLOSE_EXTRACT_OPTIONS="${DISCLOSE_EXTRACT_OPTIONS:---no-ocr}"
cd "$work"
array=$(sbatch --parsable --array="1-$SHARDS" --cpus-per-task=1 --mem-per-cpu=1500M \
  "$repo/scripts/cluster/slurm-array.sbatch")
merge=$(sbatch --parsable --dependency="afterok:$array" --cpus-per-task=1 --mem-per-cpu=1500M \
  --export=ALL,DISCLOSE_STEP=merge --output=disclose-merge-%j.log \
  "$repo/scripts/cluster/slurm-array.sbatch")
say "submitted array $array (1-$SHARDS) and merge $merge over $count_inputs inputs"

job_state() { scontrol show job "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | head -n 1 | cut -d= -f2; }
deadline=$(( $(date +%s) + TIMEOUT ))
while :; do
  state="$(job_state "$merge")"
  case "$state" in
    COMPLETED) break ;;
    FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY) die "merge job $merge: $state" ;;
  esac
  if [ "$(date +%s)" -ge "$deadline" ]; then
    scontrol show job "$array" >&2 || true
    die "merge job $merge not done after ${TIMEOUT} s (state: ${state:-unknown})"
  fi
  sleep 0.5
done
done_at=$(date +%s.%N)

# Every shard task completed, and the dataset has every input exactly once.
for k in $(seq "$SHARDS"); do
  state="$(job_state "${array}_$k")"
  [ "$state" = COMPLETED ] || die "array task $k: ${state:-unknown}"
done
dataset="$work/out/dataset"
expected="$(xargs -d '\n' sha256sum <"$work/inputs.txt" | cut -d' ' -f1 | sort -u)"
documents="$(sqlite3 "$dataset/disclose.sqlite" 'SELECT sha256 FROM documents ORDER BY sha256')"
[ "$documents" = "$expected" ] || die "documents in the dataset differ from the inputs"
[ "$(sqlite3 "$dataset/disclose.sqlite" 'SELECT count(*) FROM documents')" -eq \
  "$(echo "$expected" | wc -l)" ] || die "a document is in the dataset twice"
# Each input in exactly one shard's manifest.
manifest_paths="$(cat "$work"/out/shard-*/manifest.jsonl | python3 -c '
import json, sys
print("\n".join(sorted(json.loads(l)["path"] for l in sys.stdin if l.strip())))')"
[ "$manifest_paths" = "$(sort "$work/inputs.txt")" ] || die "shards do not cover each input once"
figures=$(sqlite3 "$dataset/disclose.sqlite" 'SELECT count(*) FROM figures')
rows=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))) - 1)' \
  "$dataset/facts.csv")
[ "$figures" -eq "$rows" ] || die "disclose.sqlite has $figures figures, facts.csv $rows rows"

say "ok: $count_inputs inputs in $SHARDS shards, each exactly once; $figures figures" \
  "(facts.csv = disclose.sqlite); Slurm start $(seconds "$start" "$up") s," \
  "jobs $(seconds "$up" "$done_at") s, total $(seconds "$start" "$done_at") s"

#!/usr/bin/env bash
# Proves that a batch killed at any moment and rerun with --resume ends byte-identical to an
# uninterrupted run: one clean run, then a run killed with SIGKILL after D1 seconds, a --resume
# run killed after D2 seconds, and a final --resume run; every JSON, CSV and error record must
# match the clean run's, and the manifest must hold one line per input.
#   scripts/kill-resume-check.sh [-j N] [--kill-after D1,D2] INPUT...   (default: ../shared/real)
# Prints the timings and "identical: N files" or the differences; exit 1 when they differ.
set -euo pipefail
cd "$(dirname "$0")/.."
DISCLOSE="${DISCLOSE:-build/cli/disclose}"
jobs=2
delays="3,6"
while [ "$#" -gt 0 ]; do
  case "$1" in
    -j) jobs="$2"; shift 2 ;;
    --kill-after) delays="$2"; shift 2 ;;
    *) break ;;
  esac
done
if [ "$#" -eq 0 ]; then set -- ../shared/real; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

start=$(date +%s.%N)
"$DISCLOSE" extract --quiet --no-ocr -j "$jobs" -o "$work/whole" "$@" 2>"$work/whole.err" || true
echo "uninterrupted run: $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"

for delay in ${delays//,/ }; do
  "$DISCLOSE" extract --quiet --no-ocr --resume -j "$jobs" -o "$work/killed" "$@" 2>/dev/null &
  pid=$!
  sleep "$delay"
  kill -KILL "$pid" 2>/dev/null || echo "(the run ended before the kill at ${delay} s)"
  wait "$pid" 2>/dev/null || true
  echo "killed after ${delay} s: $(grep -c . "$work/killed/manifest.jsonl" 2>/dev/null || echo 0) manifest lines"
done
"$DISCLOSE" extract --quiet --no-ocr --resume -j "$jobs" -o "$work/killed" "$@" 2>"$work/resume.err" || true
tail -1 "$work/resume.err" || true

# Compare everything but the manifest, whose `seconds` differ by nature.
list() { (cd "$1" && find . -type f ! -name manifest.jsonl | LC_ALL=C sort); }
if ! diff <(list "$work/whole") <(list "$work/killed") >"$work/names.diff"; then
  echo "different sets of files:"; cat "$work/names.diff"; exit 1
fi
count=0
while IFS= read -r file; do
  cmp -s "$work/whole/$file" "$work/killed/$file" || { echo "differs: $file"; exit 1; }
  count=$((count + 1))
done < <(list "$work/whole")
inputs=$(grep -c . "$work/whole/manifest.jsonl")
lines=$(grep -c . "$work/killed/manifest.jsonl")
[ "$inputs" = "$lines" ] || { echo "manifest: $lines lines after resume, $inputs inputs"; exit 1; }
echo "identical: $count files; manifest: $lines lines for $inputs inputs"

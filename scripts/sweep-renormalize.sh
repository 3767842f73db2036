#!/usr/bin/env bash
# Scores a normalizer change on a sweep's scan reading without reading the scans again.
#
#   scripts/sweep-renormalize.sh RENORMALIZE SETDIR FROMTAG FIRST [COUNT]
#
# RENORMALIZE: a build's tests/disclose_renormalize; SETDIR: a sweep's --out folder (its
# scans read by some binary into SETDIR/scan-FROMTAG); FIRST/COUNT: the set's --first and
# --count (16 by default); the set drawn with --seed 3 --wide, as the held-out scan sets are
# (docs/benchmarks.md). Each JSON there is normalized again into SETDIR/scan-TAG, TAG the
# hash of a stub named for the normalizer and the reading, and the sweep scores that folder
# as it scores a fresh reading (SWEEP_PER_DOCUMENT=1: one line per document).
set -euo pipefail
if [ $# -lt 4 ]; then
  sed -n '2,11p' "$0" >&2
  exit 2
fi
RENORM=$1 SETDIR=$2 FROMTAG=$3 FIRST=$4 COUNT=${5:-16}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
rh=$(sha256sum "$RENORM" | cut -c1-12)
stub="$SETDIR/renormalized-by-$rh-from-$FROMTAG"
printf '#!/bin/sh\n# renormalized by %s from %s\nexit 1\n' "$rh" "$FROMTAG" > "$stub"
chmod +x "$stub"
tag=$(sha256sum "$stub" | cut -c1-12)
out="$SETDIR/scan-$tag"
mkdir -p "$out"
for json in "$SETDIR/scan-$FROMTAG"/*.scan.pdf.json; do
  name=$(basename "$json" .json)
  "$RENORM" "$json" "$out/$name.json" "$out/$name.facts.csv" ||
    echo "sweep-renormalize: $name: not normalized" >&2
done
echo "sweep-renormalize: $out" >&2
SWEEP_PER_DOCUMENT=1 python3 "$ROOT/scripts/sweep-layouts.py" --count "$COUNT" --first "$FIRST" \
  --seed 3 --wide --out "$SETDIR" --keep-going --forms scan --reuse --binary "$stub" \
  --list-misses "${MISSES:-200}"

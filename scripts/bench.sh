#!/usr/bin/env bash
# Speed and memory of `disclose extract` beside `pdftotext -layout`, in one run on the same
# files (../shared/real/*.pdf by default): best-of-3 wall time over the whole set, then per file
# wall time and peak RSS (/usr/bin/time -v) for the five largest. Prints markdown for
# docs/benchmarks.md. Never asserted in tests (DEVELOPERS.md).
#   scripts/bench.sh [PDF...]
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR="${BUILD_DIR:-build}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j"${JOBS:-2}" --target disclose >/dev/null
DISCLOSE="$BUILD_DIR/cli/disclose"

if [ "$#" -gt 0 ]; then files=("$@"); else files=(../shared/real/*.pdf); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }

# Best of three wall-clock seconds for "$@".
best_of_3() {
  local best="" start end t
  for _ in 1 2 3; do
    start=$(now)
    "$@" >/dev/null 2>&1 || true
    end=$(now)
    t=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
    if [ -z "$best" ] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$t; fi
  done
  printf '%.2f' "$best"
}

pdftotext_all() { for f in "${files[@]}"; do pdftotext -layout "$f" "$work/out.txt"; done; }
disclose_all() { "$DISCLOSE" extract --no-ocr -o "$work/disclose" "${files[@]}"; }
disclose_all_ocr() { "$DISCLOSE" extract -o "$work/disclose-ocr" "${files[@]}"; }

total_bytes=$(cat "${files[@]}" | wc -c)
total_pages=0
for f in "${files[@]}"; do
  p=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  total_pages=$((total_pages + ${p:-0}))
done

t_pdftotext=$(best_of_3 pdftotext_all)
t_disclose=$(best_of_3 disclose_all)
t_disclose_ocr=$(best_of_3 disclose_all_ocr)

echo "## $(date -u +%Y-%m-%d) on $(nproc) cores, $(uname -m); disclose $("$DISCLOSE" --version | cut -d' ' -f2)"
echo
echo "Command: \`scripts/bench.sh\` (${#files[@]} PDFs, ${total_pages} pages, $((total_bytes / 1024)) KiB)"
echo
echo "| tool | what | wall, best of 3 | per page |"
echo "|---|---|---:|---:|"
per_page() { awk -v t="$1" -v p="$total_pages" 'BEGIN { printf "%.1f", 1000 * t / (p ? p : 1) }'; }
echo "| \`pdftotext -layout\` | text only | ${t_pdftotext} s | $(per_page "$t_pdftotext") ms |"
echo "| \`disclose extract --no-ocr\` | text, tables, figures, findings, JSON+CSV | ${t_disclose} s | $(per_page "$t_disclose") ms |"
echo "| \`disclose extract\` | the same (OCR not implemented yet: pages are only flagged) | ${t_disclose_ocr} s | $(per_page "$t_disclose_ocr") ms |"
echo
echo "Largest files, one run each (peak RSS from \`/usr/bin/time -v\`):"
echo
echo "| file | KiB | pages | pdftotext s | pdftotext MiB | disclose s | disclose MiB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
measure() {  # prints "seconds max_rss_mib"
  /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" |
    awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  awk -v w="$wall" -v r="$rss" 'BEGIN { printf "%.2f %.0f\n", w, r / 1024 }'
}
for f in $(ls -S "${files[@]}" | head -5); do
  read -r pt_s pt_m < <(measure pdftotext -layout "$f" "$work/out.txt")
  # --in-process: measure one process, not the parent of a forked reader.
  read -r d_s d_m < <(measure "$DISCLOSE" extract --no-ocr --in-process -o "$work/one" "$f")
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  echo "| $(basename "$f") | $(($(wc -c <"$f") / 1024)) | ${pages:-?} | $pt_s | $pt_m | $d_s | $d_m |"
done

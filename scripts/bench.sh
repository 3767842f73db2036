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

# Best of three wall-clock seconds for "$@"; the CPU seconds (user+sys, children included) of
# that best run go to $work/cpu.
best_of_3() {
  local best="" t cpu
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %U %S" -o "$work/time1.txt" "$@" >/dev/null 2>&1 || true
    read -r t u s <"$work/time1.txt"
    cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
    if [ -z "$best" ] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then
      best=$t
      echo "$cpu" >"$work/cpu"
    fi
  done
  printf '%.2f' "$best"
}


total_bytes=$(cat "${files[@]}" | wc -c)
total_pages=0
for f in "${files[@]}"; do
  p=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  total_pages=$((total_pages + ${p:-0}))
done

printf '%s\n' "${files[@]}" >"$work/files.txt"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
t_pdftotext=$(best_of_3 xargs -a "$work/files.txt" -d '\n' -I{} pdftotext -layout {} "$work/out.txt")
c_pdftotext=$(cat "$work/cpu")
t_j1=$(best_of_3 "$DISCLOSE" extract -q --no-ocr -j 1 -o "$work/disclose-j1" "${files[@]}")
c_j1=$(cat "$work/cpu")
t_j2=$(best_of_3 "$DISCLOSE" extract -q --no-ocr -j 2 -o "$work/disclose-j2" "${files[@]}")
c_j2=$(cat "$work/cpu")
t_disclose_ocr=$(best_of_3 "$DISCLOSE" extract -q -j 1 -o "$work/disclose-ocr" "${files[@]}")
c_disclose_ocr=$(cat "$work/cpu")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "## $(date -u +%Y-%m-%d) on $(nproc) cores, $(uname -m); disclose $("$DISCLOSE" --version | cut -d' ' -f2)"
echo
echo "Command: \`scripts/bench.sh\` (${#files[@]} PDFs, ${total_pages} pages, $((total_bytes / 1024)) KiB)"
echo
echo "Load average (1, 5, 15 min) before: ${load_before}; after: ${load_after}."
echo
echo "| tool | what | wall, best of 3 | CPU (user+sys) | per page (wall) | vs pdftotext |"
echo "|---|---|---:|---:|---:|---:|"
per_page() { awk -v t="$1" -v p="$total_pages" 'BEGIN { printf "%.1f", 1000 * t / (p ? p : 1) }'; }
ratio() { awk -v a="$1" -v b="$t_pdftotext" 'BEGIN { printf "%.2f×", a / (b ? b : 1) }'; }
echo "| \`pdftotext -layout\` | text only, one file after another | ${t_pdftotext} s | ${c_pdftotext} s | $(per_page "$t_pdftotext") ms | 1.00× |"
echo "| \`disclose extract --no-ocr -j 1\` | text, tables, figures, findings, JSON+CSV, manifest | ${t_j1} s | ${c_j1} s | $(per_page "$t_j1") ms | $(ratio "$t_j1") |"
echo "| \`disclose extract --no-ocr -j 2\` | the same, two workers | ${t_j2} s | ${c_j2} s | $(per_page "$t_j2") ms | $(ratio "$t_j2") |"
echo "| \`disclose extract -j 1\` | the same with OCR allowed | ${t_disclose_ocr} s | ${c_disclose_ocr} s | $(per_page "$t_disclose_ocr") ms | $(ratio "$t_disclose_ocr") |"
echo
echo "\`-j 2\` is $(awk -v a="$t_j1" -v b="$t_j2" 'BEGIN { printf "%.2f", a / (b ? b : 1) }')× faster than \`-j 1\` in wall time."
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
  # --in-process: measure one process, not the parent of a worker.
  read -r d_s d_m < <(measure "$DISCLOSE" extract -q --no-ocr --in-process -o "$work/one" "$f")
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  echo "| $(basename "$f") | $(($(wc -c <"$f") / 1024)) | ${pages:-?} | $pt_s | $pt_m | $d_s | $d_m |"
done

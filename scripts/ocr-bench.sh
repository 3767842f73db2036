#!/usr/bin/env bash
# OCR speed and memory, side by side with the tesseract CLI on the same page
# images, in one run: the first standard-table page of each of the first PAGES
# real text PDFs in ../shared/real, rendered at 300 dpi (gray PNG; the same
# pixels wrapped as a one-page image-only PDF for disclose). Both run on one
# core (OMP_THREAD_LIMIT=1), one page per process, one after the other; CPU
# seconds (user + sys), wall seconds and peak RSS from /usr/bin/time. CPU time
# is the figure to compare on a shared machine: other processes inflate wall
# time, not CPU time (much).
#
#   nice scripts/ocr-bench.sh [PAGES] [DISCLOSE]   # default 10 pages, ./build/cli/disclose
#
# OCR_BENCH_PAGES=DIR keeps the rendered pages in DIR and reuses them on the
# next run (to compare two binaries on the same pixels without re-rendering).
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10}
disclose=${2:-./build/cli/disclose}
work=$(mktemp -d /tmp/ocr-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
pagedir=${OCR_BENCH_PAGES:-$work}
mkdir -p "$pagedir"
export OMP_THREAD_LIMIT=1

# Table pages: the first page with standard-table figures in each real text PDF.
n=0
while [ "$n" -lt "$pages" ] && [ -f "$pagedir/page$((n + 1)).pdf" ] && [ -f "$pagedir/page$((n + 1)).png" ]; do
  n=$((n + 1))
done
if [ "$n" -ge "$pages" ]; then
  n=$pages
  echo "reusing $n rendered pages in $pagedir" >&2
else
  n=0
fi
for pdf in ../shared/real/*.pdf; do
  [ "$n" -ge "$pages" ] && break
  "$disclose" extract --no-ocr --in-process -o "$work/text" "$pdf" >/dev/null 2>&1 || continue
  json="$work/text/$(basename "$pdf").json"
  [ -f "$json" ] || continue
  page=$(python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
p=sorted({v['provenance']['page'] for t in d['tables'] if t['kind'].startswith(('budget.','final.')) for r in t['rows'] for v in r['values']})
print(p[0] if p else '')" "$json")
  [ -z "$page" ] && continue
  n=$((n + 1))
  pdftoppm -f "$page" -l "$page" -r 300 -gray -png -singlefile "$pdf" "$pagedir/page$n"
  convert "$pagedir/page$n.png" -colorspace Gray -type Grayscale -quality 92 "$pagedir/page$n.jpg"
  python3 scripts/ocr-measure.py --work "$work/m" --scan-images "$pagedir/page$n.jpg" 300 "$pagedir/page$n.pdf"
  echo "page$n: $(basename "$pdf") p$page" >&2
done

time_of() {  # command... -> "wall_s cpu_s peak_kb"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  read -r wall user sys kb <"$work/time"
  echo "$wall $(python3 -c "print(round($user+$sys,2))") $kb"
}
printf "%-8s %10s %10s %12s %12s %10s %10s\n" page d_wall_s d_cpu_s t_wall_s t_cpu_s d_MB t_MB
rows="$work/rows"
: >"$rows"
for i in $(seq 1 "$n"); do
  read -r dw dc dk < <(time_of "$disclose" extract --in-process --timeout 0 -o "$work/out" "$pagedir/page$i.pdf")
  read -r tw tc tk < <(time_of tesseract "$pagedir/page$i.png" - -l chi_sim)
  printf "%-8s %10s %10s %12s %12s %10d %10d\n" "page$i" "$dw" "$dc" "$tw" "$tc" $((dk / 1024)) $((tk / 1024))
  echo "$dw $dc $tw $tc $dk $tk" >>"$rows"
done
python3 - "$rows" <<'PY'
import sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
n = len(rows)
if not n:
    sys.exit("no page measured")
dw, dc, tw, tc = (sum(r[i] for r in rows) for i in range(4))
dk, tk = max(r[4] for r in rows), max(r[5] for r in rows)
print(f"{n} table pages at 300 dpi, one core each:")
print(f"  disclose : {dc:.1f} CPU s ({dc/n:.2f} s/page, {n/dc:.3f} pages/s/core), wall {dw:.1f} s, peak RSS {dk/1024:.0f} MB")
print(f"  tesseract: {tc:.1f} CPU s ({tc/n:.2f} s/page, {n/tc:.3f} pages/s/core), wall {tw:.1f} s, peak RSS {tk/1024:.0f} MB")
print(f"  disclose / tesseract CPU: {dc/tc:.2f}x")
PY

#!/usr/bin/env bash
# OCR speed and memory, side by side with the tesseract CLI on the same page
# images, in one run: table pages of ../shared/real rendered at 300 dpi (gray
# PNG), each wrapped as a one-page image-only PDF. Both run on one core
# (OMP_THREAD_LIMIT=1), one page at a time; peak RSS from /usr/bin/time -v.
#
#   scripts/ocr-bench.sh [PAGES]        # default 10 pages
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10}
work=$(mktemp -d /tmp/ocr-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
disclose=./build/cli/disclose
export OMP_THREAD_LIMIT=1

# Table pages: the first pages with table figures in a few real text PDFs.
n=0
for pdf in ../shared/real/*.pdf; do
  [ "$n" -ge "$pages" ] && break
  "$disclose" extract --no-ocr -o "$work/text" "$pdf" >/dev/null 2>&1 || continue
  json="$work/text/$(basename "${pdf%.pdf}").json"
  page=$(python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
p=sorted({v['provenance']['page'] for t in d['tables'] if t['kind'].startswith(('budget.','final.')) for r in t['rows'] for v in r['values']})
print(p[0] if p else '')" "$json")
  [ -z "$page" ] && continue
  n=$((n + 1))
  pdftoppm -f "$page" -l "$page" -r 300 -gray -png -singlefile "$pdf" "$work/page$n"
  convert "$work/page$n.png" -colorspace Gray -type Grayscale -quality 90 "$work/page$n.jpg"
  python3 scripts/ocr-measure.py --work "$work/m" --scan-images "$work/page$n.jpg" 300 "$work/page$n.pdf"
done

time_of() {  # command... -> "seconds peak_kb"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  cat "$work/time"
}
d_total=0; t_total=0; d_peak=0; t_peak=0
printf "%-8s %12s %12s %14s %14s\n" page disclose_s tesseract_s disclose_MB tesseract_MB
for i in $(seq 1 "$n"); do
  read -r ds dk < <(time_of "$disclose" extract --in-process -o "$work/out" "$work/page$i.pdf")
  read -r ts tk < <(time_of tesseract "$work/page$i.png" - -l chi_sim)
  printf "%-8s %12s %12s %14d %14d\n" "$i" "$ds" "$ts" $((dk / 1024)) $((tk / 1024))
  d_total=$(python3 -c "print($d_total+$ds)"); t_total=$(python3 -c "print($t_total+$ts)")
  d_peak=$((dk > d_peak ? dk : d_peak)); t_peak=$((tk > t_peak ? tk : t_peak))
done
python3 -c "
n=$n; d=$d_total; t=$t_total
print(f'{n} table pages at 300 dpi, one core: disclose {d/n:.2f} s/page ({n/d:.2f} pages/s), '
      f'tesseract CLI {t/n:.2f} s/page ({n/t:.2f} pages/s); peak RSS disclose {$d_peak//1024} MB, '
      f'tesseract {$t_peak//1024} MB')"

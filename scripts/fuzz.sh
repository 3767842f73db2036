#!/usr/bin/env bash
# Builds the libFuzzer targets with clang + ASan/UBSan and runs each for
# SECONDS (default 600), seeded from fixtures/. Crashes land in
# fuzz-artifacts/<target>/; see docs/fuzzing.md for turning one into a fixture.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     TARGET: docx_fuzz text_fuzz pdf_fuzz html_fuzz doc_fuzz xlsx_fuzz xls_fuzz ocr_fuzz
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(docx_fuzz text_fuzz pdf_fuzz html_fuzz doc_fuzz xlsx_fuzz xls_fuzz ocr_fuzz)

CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDISCLOSE_FUZZ=ON -DDISCLOSE_TESTS=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"

seed_corpus() {
  local target="$1" dir="fuzz-corpus/$1"
  mkdir -p "$dir"
  case "$target" in
    docx_fuzz) cp -n fixtures/docx/*.docx fixtures/bad/*.docx fixtures/bad/*.zip "$dir"/ 2>/dev/null || true ;;
    text_fuzz) cp -n fixtures/seeds/*.txt "$dir"/ 2>/dev/null || true
               cp -n fixtures/text/* "$dir"/ 2>/dev/null || true
               # Columns laid out with spaces (pdftotext -layout): the aligned-table reader.
               cp -n fixtures/sweep/*.layout.txt "$dir"/ 2>/dev/null || true ;;
    xlsx_fuzz) cp -n fixtures/xlsx/*.xlsx fixtures/bad/*.xlsx fixtures/sweep/*.xlsx "$dir"/ 2>/dev/null || true
               [ -f ../shared/real/sh_putuo_template_2026_unit_budget.xlsx ] &&
                 cp -n ../shared/real/sh_putuo_template_2026_unit_budget.xlsx "$dir"/ || true ;;
    xls_fuzz)  cp -n fixtures/xlsx/*.xls fixtures/bad/*.xls fixtures/sweep/*.xls "$dir"/ 2>/dev/null || true
               [ -f ../shared/real/sh_putuo_template_2026_unit_budget.xls ] &&
                 cp -n ../shared/real/sh_putuo_template_2026_unit_budget.xls "$dir"/ || true ;;
    pdf_fuzz)  cp -n fixtures/bad/*.pdf "$dir"/ 2>/dev/null || true
               # Renders whose page breaks cut tables: the stitching paths.
               cp -n fixtures/rendered/*.pdf fixtures/rendered/stress/*.pdf "$dir"/ 2>/dev/null || true
               for f in sh_putuo_govoffice_2025_unit_budget.pdf js_partyoffice_2019_budget_tables_a3rot.pdf; do
                 [ -f "../shared/real/$f" ] && cp -n "../shared/real/$f" "$dir"/ || true
               done ;;
    html_fuzz) cp -n fixtures/saved/*.html fixtures/bad/*.html "$dir"/ 2>/dev/null || true ;;
    doc_fuzz)  cp -n fixtures/saved/*.doc fixtures/bad/*.doc "$dir"/ 2>/dev/null || true ;;
    # Small page images (a table strip, a paragraph), PNG and JPEG.
    ocr_fuzz)  cp -n fixtures/scanned/*.png fixtures/scanned/*.jpg "$dir"/ 2>/dev/null || true ;;
  esac
  if [ -d "fixtures/fuzz-regressions/$target" ]; then
    cp -n "fixtures/fuzz-regressions/$target"/* "$dir"/ 2>/dev/null || true
  fi
}

status=0
for target in "${targets[@]}"; do
  seed_corpus "$target"
  mkdir -p "fuzz-artifacts/$target"
  echo "== $target for ${seconds}s"
  # FreeXL (not built with the sanitizers) leaks on some malformed BIFF it
  # refuses; the CLI reads each file in a forked child, so that cannot add up.
  extra=()
  [ "$target" = xls_fuzz ] && extra=(-detect_leaks=0)
  if ! ./build-fuzz/tests/fuzz/"$target" "fuzz-corpus/$target" -max_total_time="$seconds" ${extra[@]+"${extra[@]}"} \
      -rss_limit_mb=2048 -timeout=30 -max_len=4000000 -print_final_stats=1 \
      -artifact_prefix="fuzz-artifacts/$target/" 2>"fuzz-artifacts/$target.log"; then
    status=1
    echo "!! $target found a problem: see fuzz-artifacts/$target.log"
  fi
  # -a: the log quotes raw input bytes, which makes plain grep call it binary.
  grep -aE '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "fuzz-artifacts/$target.log" || true
done

echo
echo "| target | runs | coverage | peak RSS MiB | crashes/timeouts/ooms |"
echo "|---|---:|---:|---:|---:|"
for target in "${targets[@]}"; do
  log="fuzz-artifacts/$target.log"
  runs=$(grep -aoE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
  cov=$(grep -aoE 'cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo "?")
  rss=$(grep -aoE '^stat::peak_rss_mb: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
  found=$(find "fuzz-artifacts/$target" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
  echo "| $target | $runs | $cov | $rss | $found |"
done
[ "$status" -eq 0 ] || echo "Found problems: see fuzz-artifacts/ and docs/fuzzing.md (every crash becomes a fixture)."
exit $status

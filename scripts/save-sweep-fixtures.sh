#!/usr/bin/env bash
# Saves some of fixtures/sweep's documents the other ways they reach us, so the
# golden test (tests/golden/sweep_layouts_test.cc) holds the readers of those
# forms to the generated figures too:
#   NAME.xlsx, NAME.xls  the DOCX saved as a web page by LibreOffice, opened as a
#                        spreadsheet (Calc's HTML import): every table stacked
#                        in one sheet (extract/sheet, "EndsTable");
#   NAME.layout.txt      the PDF as `pdftotext -layout` prints it: columns laid
#                        out with spaces (extract/text/text_aligned.cc).
# The layout text is kept only for the documents it reads exactly today (the
# layout form is not at the bar yet: docs/sweep-layouts.md).
#
#   scripts/save-sweep-fixtures.sh    # needs libreoffice-writer, libreoffice-calc, poppler-utils
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "save-sweep-fixtures: soffice not found" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "save-sweep-fixtures: pdftotext not found" >&2; exit 1; }
sheets="s10w_0065_budget s1_0001_budget s1_0002_final s1_0076_budget s1_0081_final s1_0277_final
        s2w_0047_budget s2w_0206_final s4w_0053_final s5w_0006_final s6w_0103_budget s7w_0100_final"
layouts="s1_0002_final s1_0019_final s1_0041_budget s1_0148_final s1_0170_budget s1_0198_final
         s4w_0059_budget s6w_0088_final s7w_0056_budget"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for stem in $sheets; do cp "fixtures/sweep/$stem.docx" "$work/"; done
# A private profile keeps the user's LibreOffice settings out of the saves.
office=(soffice "-env:UserInstallation=file://$work/profile" --headless)
"${office[@]}" --convert-to html --outdir "$work" "$work"/*.docx >/dev/null
"${office[@]}" "--infilter=HTML (StarCalc)" --convert-to xlsx --outdir "$work" "$work"/*.html >/dev/null
"${office[@]}" "--infilter=HTML (StarCalc)" --convert-to "xls:MS Excel 97" --outdir "$work" \
  "$work"/*.html >/dev/null
for stem in $sheets; do cp "$work/$stem.xlsx" "$work/$stem.xls" fixtures/sweep/; done
for stem in $layouts; do pdftotext -layout "fixtures/sweep/$stem.pdf" "fixtures/sweep/$stem.layout.txt"; done
soffice --version | head -1 > fixtures/sweep/SAVED_WITH

#!/usr/bin/env bash
# Renders the DOCX fixtures to PDF with LibreOffice, the way a department
# exports its Word file for publication; tests/golden/rendered_pdf_test.cc then
# requires the PDF reader to find exactly the figures the DOCX reader finds.
#
#   scripts/render-docx-fixtures.sh   # writes fixtures/rendered/NAME.pdf and rendered/stress/
#
# Needs libreoffice-writer-nogui and fonts-noto-cjk (not part of install-deps.sh:
# the rendered PDFs are committed, so CI does not need LibreOffice). Re-run after
# scripts/make-docx-fixtures.py changes the DOCX files, and commit the PDFs.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "render-docx-fixtures: soffice not found (apt-get install libreoffice-writer-nogui fonts-noto-cjk)" >&2; exit 1; }
out=fixtures/rendered
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# A private profile keeps the user's LibreOffice settings out of the rendering.
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" \
  fixtures/docx/*.docx
# The stress layouts (scripts/make-docx-fixtures.py --stress): rows broken
# across pages.
mkdir -p "$out/stress"
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out/stress" \
  fixtures/docx/stress/*.docx
soffice --version | head -1 > "$out/RENDERED_WITH"
ls -l "$out" "$out/stress"

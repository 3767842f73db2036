#!/usr/bin/env bash
# Saves the DOCX fixtures the other ways publishers post them: as Word 97-2003
# .doc and as a web page (LibreOffice's HTML export, UTF-8), plus that web page
# re-encoded to GB18030 with its <meta> charset changed to match, as Chinese
# sites serve it. tests/golden/saved_formats_test.cc then requires the DOC and
# HTML readers to find exactly the figures the DOCX reader finds.
#
#   scripts/save-docx-fixtures.sh   # writes fixtures/saved/NAME.{doc,html,gb18030.html}
#                                   # and one seed text in GB18030
#
# Needs libreoffice-writer (not part of install-deps.sh: the saves are
# committed, so CI does not need LibreOffice). Re-run after
# scripts/make-docx-fixtures.py changes the DOCX files, and commit the saves.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "save-docx-fixtures: soffice not found (apt-get install libreoffice-writer)" >&2; exit 1; }
out=fixtures/saved
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# A private profile keeps the user's LibreOffice settings out of the saves.
soffice -env:UserInstallation=file://"$profile" --headless --convert-to doc --outdir "$out" \
  fixtures/docx/*.docx
soffice -env:UserInstallation=file://"$profile" --headless --convert-to html --outdir "$out" \
  fixtures/docx/*.docx
for html in "$out"/*.html; do
  case "$html" in *.gb18030.html) continue ;; esac
  python3 - "$html" "${html%.html}.gb18030.html" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
text, count = re.subn(r"charset=utf-8", "charset=gb18030", text, flags=re.I)
assert count == 1, f"{sys.argv[1]}: expected one charset declaration, found {count}"
open(sys.argv[2], "wb").write(text.encode("gb18030"))
PY
done
# A seed text export as a GB18030 site would serve it (no BOM, no declaration).
python3 -c 'import sys; open(sys.argv[2], "wb").write(open(sys.argv[1], encoding="utf-8").read().encode("gb18030"))' \
  fixtures/golden/inputs/004_4b22c8c51bd978dc.txt "$out/004_4b22c8c51bd978dc.gb18030.txt"
soffice --version | head -1 > "$out/SAVED_WITH"
ls -l "$out"

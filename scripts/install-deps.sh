#!/usr/bin/env bash
# Installs every Debian 12 package disclose needs to build, test, fuzz and benchmark.
# Safe to run repeatedly; uses sudo only when not already root.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev clang-format
  # PDF: Poppler core API (private headers), CJK CMaps, pdftotext/pdftoppm for benches and checks
  libpoppler-dev libpoppler-private-dev poppler-data poppler-utils libcairo2-dev
  # DOCX / XLSX
  libzip-dev libxml2-dev zlib1g-dev
  # DOC: wvWare converts Word 97-2003 to HTML (extract/doc)
  wv
  # XLS (BIFF8) workbooks; openpyxl and LibreOffice Calc build the workbook fixtures
  libfreexl-dev python3-openpyxl libreoffice-calc
  # LibreOffice Writer renders the layout sweep's DOCX to PDF (scripts/sweep-layouts.py)
  libreoffice-writer
  # patterns, OCR
  libre2-dev libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng
  # OCR: page orientation (osd.traineddata); ImageMagick degrades pages for scripts/ocr-measure.py
  tesseract-ocr-osd imagemagick
  # hashing, JSON
  libssl-dev nlohmann-json3-dev libicu-dev
  # disclose dataset: SQLite output; JSON Schema checks of the outputs (tests/schema)
  libsqlite3-dev sqlite3 python3-jsonschema
  # scripts/cluster/run-local-slurm.sh: a one-node Slurm for the shard/merge test
  slurm-wlm munge
  # tests and benchmarks
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  # fixture generation (scripts/make-docx-fixtures.py)
  python3 python3-docx
  # CJK fonts LibreOffice renders the layout sweep's PDFs with (scripts/sweep-layouts.py)
  fonts-noto-cjk fonts-wqy-microhei
  # peak-memory measurement in scripts/bench.sh
  time
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

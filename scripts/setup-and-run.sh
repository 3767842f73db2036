#!/usr/bin/env bash
# The README's first command: install dependencies, build, and extract the
# sample documents into out/ (a text export, a DOCX and a real PDF).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)"
samples=(fixtures/seeds/003_f226edb144d9e567.txt fixtures/docx/final_2022_yuxi.docx)
if [ -f ../shared/real/sh_putuo_finance_2024_final.pdf ]; then
  samples+=(../shared/real/sh_putuo_finance_2024_final.pdf)
fi
./build/cli/disclose extract -o out "${samples[@]}"
ls -l out

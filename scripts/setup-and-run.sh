#!/usr/bin/env bash
# One command from a fresh clone to output: installs dependencies, builds, and extracts a sample
# (or the files given) into out/.
#   scripts/setup-and-run.sh                       # fixtures/golden/inputs/003_f226edb144d9e567.txt
#   scripts/setup-and-run.sh path/to/report.pdf ...
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -G Ninja >/dev/null
cmake --build build -j"${JOBS:-2}" --target disclose

if [ "$#" -eq 0 ]; then set -- fixtures/golden/inputs/003_f226edb144d9e567.txt; fi
status=0
./build/cli/disclose extract -o out "$@" || status=$?
echo "setup-and-run: outputs in out/ (exit status $status)"
ls -l out
exit "$status"

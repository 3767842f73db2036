#!/usr/bin/env bash
# The only way fixtures/golden/expected changes: rebuild, re-extract every
# golden input, and show what moved so the diff can be reviewed.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja >/dev/null
cmake --build build -j"$(nproc)" --target disclose
rm -f fixtures/golden/expected/*
./build/cli/disclose extract --pretty -o fixtures/golden/expected fixtures/golden/inputs/* || true
git diff --stat -- fixtures/golden/expected

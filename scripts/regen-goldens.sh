#!/usr/bin/env bash
# The only way fixtures/golden/expected changes: rebuild, re-extract every
# golden input, and show what moved so the diff can be reviewed.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja >/dev/null
cmake --build build -j"$(nproc)" --target disclose
rm -f fixtures/golden/expected/*
# Extract into a scratch folder and keep the JSON and CSV: the manifest's `seconds` vary.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
./build/cli/disclose extract --quiet --pretty -o "$scratch" fixtures/golden/inputs/* || true
cp "$scratch"/*.json "$scratch"/*.facts.csv fixtures/golden/expected/
git diff --stat -- fixtures/golden/expected

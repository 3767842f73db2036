#!/usr/bin/env bash
# The only way fixtures/golden/expected changes: rebuild, re-extract every
# golden input, and show what moved so the diff can be reviewed.
set -euo pipefail
cd "$(dirname "$0")/.."
# usage: scripts/regen-goldens.sh [BUILD_DIR]   (default build; an existing build folder keeps
# its generator, a new one is made with Ninja)
build="${1:-build}"
if [ ! -f "$build/CMakeCache.txt" ]; then cmake -S . -B "$build" -G Ninja >/dev/null; fi
cmake --build "$build" -j"$(nproc)" --target disclose
rm -f fixtures/golden/expected/*
# Extract into a scratch folder and keep the JSON and CSV: the manifest's `seconds` vary.
# Goldens are indented (--pretty) so that their diffs can be reviewed line by line.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
"./$build/cli/disclose" extract --quiet --pretty -o "$scratch" fixtures/golden/inputs/* || true
cp "$scratch"/*.json "$scratch"/*.facts.csv fixtures/golden/expected/
git diff --stat -- fixtures/golden/expected

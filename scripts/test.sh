#!/usr/bin/env bash
# Installs dependencies (idempotent: a no-op when present), builds and runs every test.
#   scripts/test.sh                 # build dir: build/
#   BUILD_DIR=build-x scripts/test.sh
# With CI=true, warnings are errors (-DDISCLOSE_WERROR=ON) and libstdc++ checks every container
# access (-DDISCLOSE_ASSERTIONS=ON).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR="${BUILD_DIR:-build}"
JOBS="${JOBS:-2}"

scripts/install-deps.sh

werror=OFF
if [ "${CI:-}" = "true" ]; then werror=ON; fi

cmake -S . -B "$BUILD_DIR" -G Ninja -DDISCLOSE_WERROR="$werror" -DDISCLOSE_ASSERTIONS="$werror" \
  -DDISCLOSE_TESTS=ON
cmake --build "$BUILD_DIR" -j"$JOBS"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$JOBS"

# The sharded run end to end on a real one-node Slurm (scripts/cluster/run-local-slurm.sh,
# about 35 s: docs/cluster.md). The daemons need root; elsewhere it is skipped, say so.
if [ "$(id -u)" -eq 0 ] && [ -z "${DISCLOSE_SKIP_SLURM:-}" ]; then
  DISCLOSE="$BUILD_DIR/cli/disclose" scripts/cluster/run-local-slurm.sh
else
  echo "test.sh: local Slurm run skipped (needs root; DISCLOSE_SKIP_SLURM=${DISCLOSE_SKIP_SLURM:-})"
fi

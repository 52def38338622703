#!/usr/bin/env bash
# Runs the whole test suite: installs the real tools the tests drive (as root), then builds every
# module and runs all tests (the fuzz targets replay their corpora and kept findings), then fuzzes
# each target for OCIKIT_FUZZ_SECONDS (default 45; 0 skips it). This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-test-deps.sh
mvn -B -ntp verify "$@"
if [[ "${OCIKIT_FUZZ_SECONDS:-45}" -gt 0 ]]; then
  scripts/fuzz.sh "${OCIKIT_FUZZ_SECONDS:-45}"
fi

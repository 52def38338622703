#!/usr/bin/env bash
# Runs the whole test suite: installs the real tools the tests drive (as root), then builds every
# module and runs all tests (the fuzz targets replay their corpora and kept findings), then fuzzes
# each target for OCIKIT_FUZZ_SECONDS (default 45; 0 skips it). This is what CI runs (.ci/run).
# The reactor is installed (not just verified) so that examples/, a consumer project outside the
# reactor, builds against the artifacts in ~/.m2 as a user's project would.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-test-deps.sh
mvn -B -ntp install "$@"
mvn -o -B -ntp -f examples/pom.xml verify
if [[ "${OCIKIT_FUZZ_SECONDS:-45}" -gt 0 ]]; then
  scripts/fuzz.sh "${OCIKIT_FUZZ_SECONDS:-45}"
fi

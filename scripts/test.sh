#!/usr/bin/env bash
# Runs the whole test suite: installs the real tools the tests drive (as root), then builds every
# module and runs all tests. This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-test-deps.sh
exec mvn -B -ntp verify "$@"

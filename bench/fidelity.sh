#!/usr/bin/env bash
# Differential run of `oci-tool unpack` against `umoci unpack` over a range of seeds: for each
# seed, image-tools' test generator (ChangesetGenerator) writes a layer sequence as an OCI image
# layout, both tools unpack it, and the trees are compared path by path (type, mode, owner,
# device, size, content hash, link target, link count, mtime to the nanosecond, xattrs), the root
# included. Differences umoci makes by its own choice (docs/image-tools.md, "Agreement with
# umoci") are counted, not reported. Prints one line per differing seed (the seed, the first
# differing path, both values) and the counts of agreements and differences.
# Needs root (owners, devices, trusted.* xattrs) and umoci; builds with Maven (no install).
# Usage: bench/fidelity.sh [FROM [TO]]     (default: seeds 1 to 2000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $(id -u) == 0 ]] || { echo "fidelity.sh needs root (owners, devices, trusted.* xattrs)" >&2; exit 2; }
command -v umoci >/dev/null || { echo "fidelity.sh needs umoci" >&2; exit 2; }
from="${1:-1}"; to="${2:-2000}"
[[ "$from" =~ ^[0-9]+$ && "$to" =~ ^[0-9]+$ && "$from" -le "$to" ]] \
  || { echo "usage: bench/fidelity.sh [FROM [TO]]" >&2; exit 2; }
log="$(mktemp /tmp/ocikit-fidelity.XXXXXX)"; trap 'rm -f "$log"' EXIT
cd "$here"
echo "== seeds $from to $to: umoci unpack and oci-tool unpack, trees compared"
start=$(date +%s)
set +e
mvn -B -ntp -q -pl image-tools -am verify \
  -Dtest='UmociFidelityTest#generatedLayersUnpackAsWithUmoci' -Dsurefire.failIfNoSpecifiedTests=false \
  -Docikit.fidelity.seeds="$from-$to" >"$log" 2>&1
rc=$?
set -e
grep -E '^(DIFFERENCE|fidelity:)' "$log" || true
if ! grep -q '^fidelity: seeds' "$log"; then
  echo "the run did not finish (exit $rc); last lines of the build:" >&2
  tail -30 "$log" >&2
  exit 2
fi
echo "wall time: $(( $(date +%s) - start )) s (including the build)"
grep -q '^DIFFERENCE' "$log" && exit 1 || exit 0

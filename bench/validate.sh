#!/usr/bin/env bash
# Benchmarks bundle validation: in-process (JMH), cold CLI, and 1000 bundles in one run, each
# beside python3-jsonschema validating the same configs against the same schemas (the only peer
# validator packaged for Debian; runtime-tools' oci-runtime-tool is not). Prints ratios.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
cd "$root"
build() { mvn -q -B -DskipTests -Dmaven.test.skip=true -Dspotless.check.skip=true "$@" >/dev/null || { echo "build failed: mvn $*" >&2; exit 2; }; }
build install
build -f bench/pom.xml package
rm -rf cli/target/lib cli/target/ocikit.jsa && build -pl cli package

echo "== in-process (JMH, µs/op) =="
(cd bench && java -jar target/benchmarks.jar -wi 3 -w 2s -i 5 -r 2s -f 1 -foe true \
  -rf json -rff target/jmh.json ValidateBench 2>/dev/null | grep -E '^(Benchmark|ValidateBench)')

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
for i in $(seq 1 1000); do
  mkdir -p "$work/b$i/rootfs"; cp testdata/bundles/sample/config.json "$work/b$i/"
done
cat > "$work/peer.py" <<'PY'
import json, sys, glob, pathlib
from jsonschema import Draft202012Validator
store = {}
for f in glob.glob(sys.argv[1] + "/*.schema.json"):
    s = json.load(open(f)); store[s["$id"]] = s
cfg = store["https://ocikit.dev/schemas/runtime-spec/config.schema.json"]
try:  # jsonschema >= 4.18
    from referencing import Registry, Resource
    reg = Registry().with_resources([(k, Resource.from_contents(v)) for k, v in store.items()])
    v = Draft202012Validator(cfg, registry=reg)
except ImportError:  # Debian 12's python3-jsonschema 4.10
    from jsonschema import RefResolver
    v = Draft202012Validator(cfg, resolver=RefResolver.from_schema(cfg, store=store))
bad = 0
for p in sys.argv[2:]:
    bad += sum(1 for _ in v.iter_errors(json.load(open(pathlib.Path(p) / "config.json"))))
sys.exit(1 if bad else 0)
PY

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

# Both sides must accept the inputs, or the timings mean nothing.
bin/oci-validate "$work/b1" >/dev/null
python3 -W ignore "$work/peer.py" schemas/runtime-spec "$work/b1" || { echo "peer failed" >&2; exit 2; }

# Wall and CPU (user + sys) milliseconds of one run; the two tools take turns, 21 runs each, and
# the medians are printed. CPU time moves less than wall time when the machine has a slow spell.
wall_cpu() {
  /usr/bin/time -o "$work/t" -f "%e %U %S" "$@" >/dev/null 2>&1
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$work/t"
}
echo "== cold CLI, one bundle (median of 21 alternating runs, ms) =="
: >"$work/ours"; : >"$work/peer"
for _ in $(seq 21); do
  wall_cpu bin/oci-validate testdata/bundles/sample >>"$work/ours"
  wall_cpu python3 -W ignore "$work/peer.py" schemas/runtime-spec testdata/bundles/sample >>"$work/peer"
done
col() { cut -d' ' -f"$2" "$1" | sort -n | sed -n 11p; }
ours=$(col "$work/ours" 1); peer=$(col "$work/peer" 1)
echo "oci-validate: $ours ms (cpu $(col "$work/ours" 2) ms)   python3-jsonschema (schema only): $peer ms (cpu $(col "$work/peer" 2) ms)   ratio ours/peer: $(echo "scale=2; $ours/$peer" | bc)"

echo "== 1000 bundles in one run (best of 3, ms) =="
b=999999; for _ in 1 2 3; do t=$(ms bin/oci-validate "$work"/b*); (( t < b )) && b=$t; done; ours=$b
b=999999; for _ in 1 2 3; do t=$(ms python3 -W ignore "$work/peer.py" schemas/runtime-spec "$work"/b*); (( t < b )) && b=$t; done; peer=$b
echo "oci-validate: $ours ms   python3-jsonschema (schema only): $peer ms   ratio ours/peer: $(echo "scale=2; $ours/$peer" | bc)"

# The host-specific rule set reads /proc and /sys for every bundle; report what it adds.
echo "== 1000 bundles in one run, --host-specific (best of 3, ms) =="
b=999999; for _ in 1 2 3; do t=$(ms bin/oci-validate --host-specific "$work"/b*); (( t < b )) && b=$t; done; host=$b
echo "oci-validate --host-specific: $host ms   without: $ours ms   host rules: $(( host - ours )) ms"

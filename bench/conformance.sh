#!/usr/bin/env bash
# Runs the whole conformance suite against runc (needs root) and prints wall time, checks and
# checks/second (target: >= 100 checks in <= 60 s). For comparison it approximates the per-test
# cost of runtime-tools' validation/ approach (one Go binary per test, each building a bundle and
# running the runtime) by building a few of those binaries from Debian's
# golang-github-opencontainers-runtime-tools-dev source when golang-go and that package are
# installed. Their code is built in a temp dir and never copied into this repository.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
runtime="${RUNTIME:-runc}"
jobs="${JOBS:-2}"
cd "$root"
[ "$(id -u)" = 0 ] || { echo "conformance bench: must run as root" >&2; exit 2; }
# Only the harness and the CLI: upstream modules come from the local repository as installed.
mvn -q -B -o -Dmaven.test.skip=true -Dspotless.check.skip=true -pl runtime-tester,cli install >/dev/null \
  || { echo "build failed: mvn -pl runtime-tester,cli install" >&2; exit 2; }
oci_tool() { java -XX:TieredStopAtLevel=1 -cp "cli/target/classes:cli/target/lib/*" dev.ocikit.cli.OciTool "$@"; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

echo "== ocikit conformance against $runtime (--jobs $jobs) =="
t0=$(date +%s.%N)
set +e
oci_tool conformance --runtime "$runtime" --jobs "$jobs" --format json >"$work/report.json" 2>"$work/stderr"
rc=$?
set -e
t1=$(date +%s.%N)
cat "$work/stderr"
checks=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"]))' "$work/report.json")
wall=$(python3 -c "print(f'{$t1-$t0:.2f}')")
echo "exit code: $rc"
echo "checks: $checks  wall time (incl. JVM start): ${wall} s  checks/s: $(python3 -c "print(f'{$checks/($t1-$t0):.1f}')")"
echo "suite alone (no JVM start): $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["wallMillis"])' "$work/report.json") ms"
echo "per check: $(python3 -c "print(f'{1000*($t1-$t0)/$checks:.0f}')") ms"
python3 -c "import sys; c=int(sys.argv[1]); w=float(sys.argv[2]); sys.exit(0 if c>=100 and w<=60 else 1)" "$checks" "$wall" \
  && echo "target (>= 100 checks in <= 60 s): met" || echo "target (>= 100 checks in <= 60 s): NOT met"

echo
echo "== runtime-tools approach (for comparison) =="
src=/usr/share/gocode/src/github.com/opencontainers/runtime-tools
if command -v go >/dev/null && [ -d "$src/validation" ]; then
  echo "validation/ sources found at $src; build them by hand with GOPATH=/usr/share/gocode."
else
  # Debian 12's golang-github-opencontainers-runtime-tools-dev ships only the library packages
  # (generate, validate, specerror, ...), not validation/ or cmd/, so the suite cannot be built here.
  echo "runtime-tools' validation/ cannot be built here: Debian's runtime-tools -dev package ships"
  echo "no validation/ sources. Approximation: each of its tests is its own binary that makes a"
  echo "fresh bundle and runs one container (plus runtimetest inside), so its per-test floor is one"
  echo "full container lifecycle; measured below as 'runc run' of /bin/true in a fresh bundle."
fi
mkdir -p "$work/rootfs/bin"; cp /bin/busybox "$work/rootfs/bin/"; ln -s busybox "$work/rootfs/bin/true"
n=10; s=$(date +%s%N)
for i in $(seq 1 $n); do
  b="$work/b$i"; mkdir -p "$b"; cp -a "$work/rootfs" "$b/rootfs"
  (cd "$b" && "$runtime" spec && python3 - <<'PY'
import json
c = json.load(open("config.json"))
c["process"]["terminal"] = False
c["process"]["args"] = ["/bin/true"]
json.dump(c, open("config.json", "w"))
PY
  )
  "$runtime" run --bundle "$b" "ocikit-bench-$$-$i" >/dev/null
done
e=$(date +%s%N)
per=$(( (e-s)/1000000/n ))
echo "one container lifecycle per test: ${per} ms (mean of $n)"
echo "=> a one-container-per-check suite of $checks checks: >= $(python3 -c "print(f'{$per*$checks/1000:.1f}')") s sequential, vs ${wall} s here"
exit "$rc"

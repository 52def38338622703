#!/usr/bin/env bash
# Fuzzes the targets of the fuzz module with Jazzer, each for SECONDS (default 60), one JVM per
# target (Jazzer fuzzes one @FuzzTest per JVM). Run by scripts/test.sh after the Maven build.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   e.g. scripts/fuzz.sh 1800 LayerFuzzTest
#   scripts/fuzz.sh --seeds                 rewrites the seed corpora from testdata/
#
# A finding fails the run. Jazzer saves its input beside the target's seeds
# (fuzz/src/test/resources/dev/ocikit/fuzz/<Target>Inputs/<method>/crash-…), where `mvn verify`
# replays it from then on; this script also prints it in base64, for runs whose checkout is thrown
# away (CI). Commit it with the fix. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
inputs=fuzz/src/test/resources/dev/ocikit/fuzz
mvn_args=(-B -ntp -pl fuzz -am -Dspotless.check.skip=true)

if [[ "${1:-}" == --seeds ]]; then
  mvn "${mvn_args[@]}" -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test.classpath
  exec java -cp "fuzz/target/test-classes:$(cat fuzz/target/test.classpath)" \
    dev.ocikit.fuzz.SeedCorpus
fi

seconds="${1:-60}"
[[ $# -gt 0 ]] && shift
if [[ ! "$seconds" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...] | --seeds" >&2
  exit 2
fi
if [[ $# -gt 0 ]]; then
  targets=("$@")
else
  targets=()
  for f in fuzz/src/test/java/dev/ocikit/fuzz/*FuzzTest.java; do
    targets+=("$(basename "$f" .java)")
  done
fi

kept() { find "$inputs" -type f ! -name 'seed-*' | sort; }
before="$(kept)"
log=fuzz/target/fuzz.log
mkdir -p fuzz/target
echo "fuzzing ${targets[*]} for ${seconds}s each; libFuzzer's progress: $log"
status=0
JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" mvn "${mvn_args[@]}" test \
  -Dtest="$(IFS=,; echo "${targets[*]}")" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfuzz.hooks=true -Dfuzz.forkTimeout=$((seconds + 600)) >"$log" 2>&1 || status=$?
# The verdicts and, for a finding, Jazzer's report (exception, our frames, the saved input).
grep -E '^\[ERROR\]|Tests run:|^==|^(Caused by|MS: |artifact_prefix|Test unit written)|^\s+at dev\.ocikit' \
  "$log" | head -n 200 || true

# One line per target: the inputs it tried, in how long.
awk '/Running dev\.ocikit\.fuzz\./ { t = $NF } /^Done [0-9]+ runs/ { print "fuzzed " t ": " $0 }' "$log"
while IFS= read -r f; do
  [[ -z "$f" ]] && continue
  echo "FINDING kept as a regression input: $f"
  echo "  base64: $(base64 -w0 "$f")"
  status=1
done < <(comm -13 <(echo "$before") <(kept))
exit "$status"

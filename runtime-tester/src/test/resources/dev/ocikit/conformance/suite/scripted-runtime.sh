# A scripted runtime for judge tests: plays the runc command line without root, keeping each
# "container" as a directory under $STATE. Its process is ScriptedObserver's report: computed at
# create from the bundle's config.json (by ScriptedRuntime, which may break one property, named
# by $OCIKIT_SCRIPTED_VIOLATION) and put where the observer would write it at start.
# ScriptedRuntime.install prepends STATE, JAVA, CP and OCIKIT_SCRIPTED_VIOLATION.
set -u
cmd=${1:-}
[ $# -gt 0 ] && shift
state_json() {
  local d=$STATE/$1 pid=0 status
  status=$(cat "$d/status")
  [ "$status" = stopped ] || pid=$(cat "$d/pid")
  printf '{"ociVersion":"1.3.0","id":"%s","status":"%s","pid":%s,"bundle":"%s"}' \
    "$1" "$status" "$pid" "$(cat "$d/bundle")"
}
need() {
  [ -n "${1:-}" ] && [ -d "$STATE/$1" ] || { echo "container ${1:-<none>} does not exist" >&2; exit 1; }
}
case "$cmd" in
  --version) echo "scripted-runtime version 0.0.1"; echo "spec: 1.3.0" ;;
  features) echo '{"ociVersionMin":"1.0.0","ociVersionMax":"1.3.0"}' ;;
  create)
    bundle=; pidfile=
    while [ $# -gt 1 ]; do
      case $1 in
        --bundle) bundle=$2; shift 2 ;;
        --pid-file) pidfile=$2; shift 2 ;;
        *) shift ;;
      esac
    done
    id=${1:-}
    [ -n "$id" ] || { echo "create: no container id" >&2; exit 1; }
    [ -e "$STATE/$id" ] && { echo "container $id exists" >&2; exit 1; }
    [ -f "$bundle/config.json" ] || { echo "create: no $bundle/config.json" >&2; exit 1; }
    mkdir -p "$STATE/$id"
    echo "$bundle" >"$STATE/$id/bundle"
    echo $$ >"$STATE/$id/pid"
    [ -n "$pidfile" ] && echo $$ >"$pidfile"
    "$JAVA" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$CP" \
      dev.ocikit.conformance.suite.ScriptedRuntime "$bundle" "$STATE/$id" || { rm -rf "${STATE:?}/$id"; exit 1; }
    echo created >"$STATE/$id/status" ;;
  start)
    need "${1:-}"
    [ "$(cat "$STATE/$1/status")" = created ] || { echo "start: container $1 is not created" >&2; exit 1; }
    # The observer runs, reports and exits.
    if [ -f "$STATE/$1/report-dest" ]; then
      dest=$(cat "$STATE/$1/report-dest")
      mv "$dest.pending" "$dest"
    fi
    echo stopped >"$STATE/$1/status" ;;
  state) need "${1:-}"; state_json "$1" ;;
  kill)
    need "${1:-}"
    [ "$(cat "$STATE/$1/status")" = stopped ] && { echo "kill: container $1 is stopped" >&2; exit 1; }
    echo stopped >"$STATE/$1/status" ;;
  delete)
    force=
    [ "${1:-}" = --force ] && { force=1; shift; }
    need "${1:-}"
    if [ -z "$force" ] && [ "$(cat "$STATE/$1/status")" != stopped ]; then
      echo "delete: container $1 is not stopped" >&2; exit 1
    fi
    rm -rf "${STATE:?}/$1" ;;
  list)
    sep=; printf '['
    for d in "$STATE"/*/; do
      [ -d "$d" ] || continue
      printf '%s' "$sep"; state_json "$(basename "$d")"; sep=,
    done
    printf ']\n' ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac

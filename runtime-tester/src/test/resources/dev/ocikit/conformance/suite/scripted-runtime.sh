# A scripted runtime for judge tests: plays the runc command line without root, keeping each
# "container" as a directory under $STATE. Its process runs on the host (in the namespaces
# scripted-namespaces.sh gives it), held at create until start; an observer container runs
# nothing: its Observe report is computed at create from config.json (by ScriptedRuntime) and put
# where Observe would write it at start.
# $OCIKIT_SCRIPTED_VIOLATION names the one test whose property this runtime gets wrong (see the
# `broken` calls); ScriptedRuntime.install prepends STATE, that variable and CREATE_PORT.
set -u
cmd=${1:-}
[ $# -gt 0 ] && shift
broken() { [ "$OCIKIT_SCRIPTED_VIOLATION" = "$1" ]; }
alive() {
  [ -e "/proc/$1" ] && ! grep -q '^[0-9]* (.*) Z' "/proc/$1/stat" 2>/dev/null
}
# The status a runtime would report: a created or running container whose process is gone is
# stopped.
status() {
  local d=$STATE/$1 s
  s=$(cat "$d/status")
  # An observer has no process: its status is what create and start wrote.
  if [ "$s" != stopped ] && [ ! -f "$d/report-dest" ] && ! alive "$(cat "$d/pid")" && ! broken lifecycle.exit-status-stopped; then
    s=stopped
    echo stopped >"$d/status"
  fi
  echo "$s"
}
state_json() {
  local d=$STATE/$1 pid s bundle annotations=
  s=$(status "$1")
  pid=$(cat "$d/pid")
  bundle=$(cat "$d/bundle")
  [ "$s" = stopped ] && pid=0
  if [ "$s" = created ] && broken state.pid-created-running; then pid=0; fi
  if [ "$s" = created ] && broken lifecycle.create-status-created; then s=running; fi
  broken state.fields && pid="\"$pid\""
  broken state.bundle-absolute && bundle=$(basename "$bundle")
  [ -s "$d/annotations" ] && ! broken state.annotations && annotations=",\"annotations\":$(cat "$d/annotations")"
  printf '{"ociVersion":"1.3.0","id":"%s","status":"%s","pid":%s,"bundle":"%s"%s}\n' \
    "$1" "$s" "$pid" "$bundle" "$annotations"
}
# Create's Java part (ScriptedRuntime.create) for bundle $1 and state dir $2, served by the test JVM
# (ScriptedCreateServer) on port $CREATE_PORT: paths absolute, then the OCIKIT_* variables and this
# script's pid (the runtime process, whose cgroups a relative cgroupsPath goes under), then an empty
# line; the answer is the exit code, then create's stderr. A JVM per create cost ~0.8 s.
java_create() {
  local rc=1
  exec 9<>"/dev/tcp/127.0.0.1/$CREATE_PORT" || { echo "create: no create server" >&2; return 1; }
  { realpath -m "$1"; realpath -m "$2"; env | grep '^OCIKIT_'; echo "OCIKIT_SCRIPTED_CALLER=$$"
    echo; } >&9
  read -r rc <&9
  cat <&9 >&2
  exec 9<&-
  return "${rc:-1}"
}
need() {
  [ -n "${1:-}" ] && [ -d "$STATE/$1" ] && [ ! -e "$STATE/$1/deleted" ] || {
    ops_missing "${1:-}"
    echo "container ${1:-<none>} does not exist" >&2
    exit 1
  }
}
# Waits for start, then runs process.args with process.env in process.cwd, as read at that moment.
HOLDER='d=$1
read -r p _ </proc/self/stat; echo "$p" >&3; exec 3>&-
while [ ! -e "$d/go" ]; do sleep 0.02; done
mapfile -d "" -t argv <"$d/argv"
mapfile -d "" -t envv <"$d/env"
cd "$(cat "$d/cwd")" 2>/dev/null || cd /
exec env -i "${envv[@]}" "${argv[@]}"'
case "$cmd" in
  --version) echo "scripted-runtime version 0.0.1"; echo "spec: 1.3.0" ;;
  features) ops_features ;;
  create)
    bundle=; pidfile=; console=
    while [ $# -gt 1 ]; do
      case $1 in
        --bundle) bundle=$2; shift 2 ;;
        --pid-file) pidfile=$2; shift 2 ;;
        --console-socket) console=$2; shift 2 ;;
        *) shift ;;
      esac
    done
    id=${1:-}
    d=$STATE/$id
    ops_create_precheck "$id" "$bundle" "$d"
    [ -n "$id" ] || { echo "create: no container id" >&2; exit 1; }
    [ -e "$d" ] && { echo "container $id exists" >&2; exit 1; }
    [ -f "$bundle/config.json" ] || { echo "create: no $bundle/config.json" >&2; exit 1; }
    mkdir -p "$d"
    echo "$bundle" >"$d/bundle"
    java_create "$bundle" "$d" || { rm -rf "$d"; exit 1; }
    if [ -f "$d/report-dest" ]; then
      echo $$ >"$d/pid"
    elif [ -f "$d/launch" ]; then
      launch "$bundle" "$d" "$console" || { rm -rf "$d"; exit 1; }
      spawned "$d"
    else
      ns_refuse "$d" && ns_wrap "$d" || { rm -rf "$d"; exit 1; }
      setsid "${WRAP[@]}" bash -c "$HOLDER" holder "$d" </dev/null >"$d/wrap.log" 2>&1 3>"$d/pid" &
      ns_await_pid "$d" $! || { kill -KILL $! 2>/dev/null; rm -rf "$d"; exit 1; }
      spawned "$d"
      if broken lifecycle.create-does-not-run-process; then
        # Runs the process to its end within create, so a loaded host cannot hide it.
        touch "$d/go"
        for _ in $(seq 250); do alive "$(cat "$d/pid")" || break; sleep 0.02; done
      fi
    fi
    cgroups_create "$d"
    hooks_at_create "$id" || exit 1
    pid=$(cat "$d/pid")
    broken lifecycle.pid-file && pid=$((pid + 1))
    [ -n "$pidfile" ] && echo "$pid" >"$pidfile"
    echo created >"$d/status" ;;
  start)
    need "${1:-}"
    d=$STATE/$1
    if [ "$(status "$1")" != created ]; then
      broken lifecycle.start-twice && exit 0
      echo "start: container $1 is not created" >&2
      exit 1
    fi
    if [ -f "$d/report-dest" ]; then
      # The observer reports and exits.
      dest=$(cat "$d/report-dest")
      mv "$dest.pending" "$dest"
      echo stopped >"$d/status"
      exit 0
    fi
    if broken lifecycle.config-edits-ignored; then
      java_create "$(cat "$d/bundle")" "$d" || exit 1
    fi
    hooks_before_start "$1" || exit 1
    touch "$d/go"
    broken lifecycle.start-status-running || echo running >"$d/status"
    hooks_after_start "$1" ;;
  state) need "${1:-}"; state_json "$1" ;;
  kill)
    need "${1:-}"
    d=$STATE/$1
    sig=${2:-TERM}
    sig=${sig#SIG}
    s=$(status "$1")
    if [ "$s" = stopped ]; then
      broken kill.stopped-fails && exit 0
      echo "kill: container $1 is stopped" >&2
      exit 1
    fi
    broken kill.term-running && [ "$sig" = TERM ] && exit 0
    broken kill.kill-running && [ "$sig" = KILL ] && [ "$s" = running ] && exit 0
    broken kill.kill-created && [ "$sig" = KILL ] && [ "$s" = created ] && exit 0
    broken kill.usr1-running && [ "$sig" = USR1 ] && sig=KILL
    kill -s "$sig" "$(cat "$d/pid")" || exit 1
    hooks_after_kill "$1" ;;
  delete)
    force=
    [ "${1:-}" = --force ] && { force=1; shift; }
    need "${1:-}"
    d=$STATE/$1
    s=$(status "$1")
    broken delete.running-without-force-fails && [ "$s" = running ] && force=1
    broken delete.created-without-force-fails && [ "$s" = created ] && force=1
    if [ -z "$force" ] && [ "$s" != stopped ]; then
      echo "delete: container $1 is $s" >&2
      exit 1
    fi
    [ "$s" != stopped ] && [ ! -f "$d/report-dest" ] && kill -KILL "$(cat "$d/pid")" 2>/dev/null
    if broken delete.removes-container && [ -z "$force" ]; then exit 0; fi
    # A tombstone keeps the id taken.
    if broken delete.id-reusable && [ -z "$force" ]; then touch "$d/deleted"; exit 0; fi
    cgroups_delete "$d"
    delete_container "$1" ;;
  list)
    sep=; printf '['
    for d in "$STATE"/*/; do
      [ -d "$d" ] && [ ! -e "$d/deleted" ] || continue
      printf '%s' "$sep"; state_json "$(basename "$d")" | tr -d '\n'; sep=,
    done
    printf ']\n' ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac

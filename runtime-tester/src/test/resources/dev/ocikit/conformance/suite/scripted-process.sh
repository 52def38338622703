# The container process of scripted-process.py, for a config the kernel must enforce (seccomp, a
# terminal, scheduling): unlike the plain held process, it is set up at create, in its own user and
# mount namespaces (no root needed, no mount seen by the host), and create waits until it is ready
# or fails with its reason. ScriptedProcess marks such a container with $d/launch.
LAUNCHER=$(dirname "$0")/scripted-process.py
PYTHON=$(command -v /usr/bin/python3 python3 | head -n 1)
# launch BUNDLE STATE_DIR CONSOLE_SOCKET: starts the process held until start, writes $d/pid.
launch() {
  local d=$2 pid
  setsid unshare --user --map-root-user --mount "$PYTHON" "$LAUNCHER" "$1" "$d" "$3" \
    </dev/null >/dev/null 2>"$d/launch.err" &
  pid=$!
  echo "$pid" >"$d/pid"
  for _ in $(seq 500); do
    [ -e "$d/ready" ] && return 0
    [ -e "$d/failed" ] && break
    alive "$pid" || break
    sleep 0.02
  done
  echo "create: $(cat "$d/failed" 2>/dev/null || tail -c 2000 "$d/launch.err")" >&2
  kill -KILL "$pid" 2>/dev/null
  return 1
}
# After the process exists: a runtime that sets oom_score_adj although the config has none.
spawned() {
  local v=999
  [ "$(cat /proc/$$/oom_score_adj)" = 999 ] && v=1000
  if broken process.oom-score-adj-unset; then echo "$v" >"/proc/$(cat "$1/pid")/oom_score_adj"; fi
  return 0
}

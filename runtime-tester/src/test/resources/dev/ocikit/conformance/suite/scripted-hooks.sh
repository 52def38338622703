# Hooks for the scripted runtime: each phase at its point of the lifecycle (prestart, createRuntime
# and createContainer in create; startContainer before the process and poststart after it in start;
# poststop after delete removed the container), in array order, each hook with its path, args and
# only its env, the state JSON on stdin and killed at its timeout. createContainer and startContainer
# hooks run in the container's namespaces (nsenter), the others in the runtime's. A failing hook
# fails create or start and stops the container; a failing poststop hook is only a warning.
# ScriptedHooks (Java, at create) lays the config's hooks out under $STATE/ID/hooks.

# The nsenter command joining PID's namespaces where they differ from this script's (joining one
# it already has fails without privilege); nothing when they are all the same.
nsenter_cmd() {
  local n f=
  for n in user:U mnt:m uts:u ipc:i net:n pid:p cgroup:C; do
    [ "$(readlink "/proc/$$/ns/${n%:*}")" = "$(readlink "/proc/$1/ns/${n%:*}")" ] || f+=" -${n#*:}"
  done
  [ -n "$f" ] && echo "nsenter --preserve-credentials -t $1$f"
}
# The pid whose namespaces PHASE's hooks of container ID run in, or nothing for the runtime's.
hook_target() {
  local d=$STATE/$1
  case $2 in
    createContainer | startContainer) broken "hooks.$2-in-container-namespaces" || cat "$d/pid" ;;
    poststop) broken hooks.poststop-in-runtime-namespaces && cat "$d/keeper" ;;
    *) broken "hooks.$2-in-runtime-namespaces" && cat "$d/pid" ;;
  esac
  return 0
}
# The state JSON a hook reads on stdin.
hook_state() {
  local s
  s=$(state_json "$1")
  broken hooks.state-on-stdin && s=${s/"\"id\":\"$1\""/'"id":""'}
  printf '%s\n' "$s"
}
# Runs hook dir H with STATE on stdin, in the namespaces of PID when given; returns its exit code.
# bash sets argv[0] (args[0] may differ from path) and adds SHLVL to the environment; env -i drops
# everything else of the runtime's.
run_hook() {
  local h=$1 st=$2 pid=${3:-} path args=() envv=() pre=()
  path=$(cat "$h/path")
  mapfile -d '' -t args <"$h/args"
  mapfile -d '' -t envv <"$h/env"
  [ ${#args[@]} -gt 0 ] || args=("$path")
  broken hooks.env && envv=()
  if [ -s "$h/timeout" ] && ! broken hooks.timeout-aborts; then
    pre=(timeout -s KILL "$(cat "$h/timeout")")
  fi
  [ -n "$pid" ] && pre+=($(nsenter_cmd "$pid"))
  printf '%s' "$st" | "${pre[@]}" env -i "${envv[@]}" \
    /bin/bash -c 'exec -a "$0" "$@"' "${args[0]}" "$path" "${args[@]:1}"
}
# Runs PHASE's hooks found under HOOKS in array order with STATE on stdin, in the namespaces of PID
# when given. Returns the exit code of the first failing hook; a failing poststop hook only warns.
run_phase() {
  local hooks=$1 phase=$2 st=$3 pid=${4:-} dirs=() i rc
  [ -d "$hooks/$phase" ] || return 0
  # Claims (in `features`) a phase it never runs.
  [ "$phase" = prestart ] && broken features.hooks-run && return 0
  dirs=("$hooks/$phase"/*/)
  if broken hooks.order; then
    local rev=()
    for ((i = ${#dirs[@]} - 1; i >= 0; i--)); do rev+=("${dirs[i]}"); done
    dirs=("${rev[@]}")
  fi
  for i in "${!dirs[@]}"; do
    rc=0
    run_hook "${dirs[i]}" "$st" "$pid" || rc=$?
    [ $rc -eq 0 ] && continue
    if [ "$phase" = poststop ] && ! broken hooks.poststop-failure-warns; then
      echo "warning: poststop hook $i ($(cat "${dirs[i]}/path")) exited $rc" >&2
      continue
    fi
    broken "hooks.$phase-failure-errors" && continue
    echo "$phase hook $i ($(cat "${dirs[i]}/path")) exited $rc" >&2
    return $rc
  done
}
# Kills container ID's process (and the namespace keeper) after a failed hook: it is stopped.
stop_container() {
  local d=$STATE/$1
  kill -KILL "$(cat "$d/pid")" 2>/dev/null
  [ -f "$d/keeper" ] && kill -KILL "$(cat "$d/keeper")" 2>/dev/null
  echo stopped >"$d/status"
}
# Create's hooks, once the process waits in its namespaces: prestart, createRuntime,
# createContainer, status creating. A failure leaves no container.
hooks_at_create() {
  local d=$STATE/$1 st phase
  [ -d "$d/hooks" ] || return 0
  if broken hooks.poststop-in-runtime-namespaces; then
    # Keeps the container's namespaces past its process, for poststop to run in at delete; not
    # its pid namespace, whose processes all die with the container's process.
    local keep
    keep=$(nsenter_cmd "$(cat "$d/pid")")
    setsid ${keep/ -p/} sleep 60 </dev/null >/dev/null 2>&1 &
    echo $! >"$d/keeper"
  fi
  if broken hooks.state-status-creating; then echo created >"$d/status"; else echo creating >"$d/status"; fi
  st=$(hook_state "$1")
  for phase in prestart createRuntime createContainer startContainer; do
    if [ $phase = startContainer ]; then
      broken hooks.startContainer-runs-at-start || continue
    else
      broken "hooks.$phase-runs-at-create" && continue
    fi
    run_phase "$d/hooks" $phase "$st" "$(hook_target "$1" $phase)" || {
      stop_container "$1"
      rm -rf "$d"
      return 1
    }
  done
}
# Start's part before the process runs: refuse a config without process, run startContainer.
hooks_before_start() {
  local d=$STATE/$1 st phase
  if [ -e "$d/no-process" ] && ! broken lifecycle.start-without-process; then
    echo "start: config.json of $1 has no process to run" >&2
    return 1
  fi
  [ -d "$d/hooks" ] || return 0
  st=$(hook_state "$1")
  for phase in prestart createRuntime createContainer startContainer; do
    if [ $phase = startContainer ]; then
      broken hooks.startContainer-runs-at-start && continue
    else
      broken "hooks.$phase-runs-at-create" || continue
    fi
    run_phase "$d/hooks" $phase "$st" "$(hook_target "$1" $phase)" || {
      stop_container "$1"
      return 1
    }
  done
}
# Start's part after the process runs: poststart; a failure stops the container.
hooks_after_start() {
  local d=$STATE/$1
  [ -d "$d/hooks/poststart" ] && ! broken hooks.poststart-runs-at-start || return 0
  run_phase "$d/hooks" poststart "$(hook_state "$1")" "$(hook_target "$1" poststart)" || {
    stop_container "$1"
    return 1
  }
}
# Only a runtime breaking hooks.poststop-runs-at-delete does anything at kill: it runs poststop as
# soon as the process is gone.
hooks_after_kill() {
  local d=$STATE/$1 i
  broken hooks.poststop-runs-at-delete && [ -d "$d/hooks/poststop" ] || return 0
  for i in $(seq 100); do alive "$(cat "$d/pid")" || break; sleep 0.02; done
  echo stopped >"$d/status"
  run_phase "$d/hooks" poststop "$(hook_state "$1")" "$(hook_target "$1" poststop)"
  touch "$d/poststop-ran"
}
# Delete's end: removes container ID's directory, then runs its poststop hooks with the stopped
# state. Resources it did not create (joined namespaces, bind sources) stay as they are.
delete_container() {
  local d=$STATE/$1 hooks=$STATE/.hooks-$1 st target= keeper= p rc=0
  echo stopped >"$d/status"
  st=$(hook_state "$1")
  target=$(hook_target "$1" poststop)
  [ -f "$d/keeper" ] && keeper=$(cat "$d/keeper")
  if broken delete.keeps-joined-namespaces; then
    # Kills whatever holds a namespace the container joined by path.
    while read -r p; do
      p=${p#/proc/}
      kill -KILL "${p%%/*}" 2>/dev/null
    done <"$d/joined"
  fi
  if broken delete.keeps-bind-source; then
    while read -r p; do rm -rf "$p"; done <"$d/bind-sources"
  fi
  [ -d "$d/hooks" ] && [ ! -e "$d/poststop-ran" ] && mv "$d/hooks" "$hooks"
  rm -rf "$d"
  if [ -d "$hooks" ]; then
    # A runtime breaking hooks.poststart-runs-at-start ran none at start: it runs them here.
    if broken hooks.poststart-runs-at-start; then run_phase "$hooks" poststart "$st"; fi
    run_phase "$hooks" poststop "$st" "$target" || rc=$?
    rm -rf "$hooks"
  fi
  [ -n "$keeper" ] && kill -KILL "$keeper" 2>/dev/null
  return $rc
}

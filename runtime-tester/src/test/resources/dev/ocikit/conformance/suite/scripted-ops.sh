# Operations, config admission and features of the scripted runtime (ScriptedConfig and
# ScriptedFeatures hold the Java side). The namespaces it makes are the ones `unshare` can make
# here without a fork (network, cgroup, user), so the state's pid stays the container process's;
# the other types of a config it leaves to the host, and does not list them in `features`.
# The hook phases the script runs; a part that runs hooks sets this before the dispatcher.
: "${SCRIPTED_HOOK_PHASES:=}"

# unshare's options for one namespace type, a user namespace first when not root.
ops_unshare_flags() {
  local flags=
  [ "$(id -u)" = 0 ] || flags="--user --map-root-user"
  case $1 in
    network) echo "$flags --net" ;;
    cgroup) echo "$flags --cgroup" ;;
    user) echo "--user --map-root-user" ;;
  esac
}

# `features`: ScriptedFeatures' document (written at install), with the namespace types unshare
# can make on this host and the hook phases the script runs.
ops_features() {
  local t made= hooks=
  for t in cgroup network user; do
    # shellcheck disable=SC2046
    unshare $(ops_unshare_flags "$t") true 2>/dev/null && made="$made,\"$t\""
  done
  for t in $SCRIPTED_HOOK_PHASES; do hooks="$hooks,\"$t\""; done
  sed -e "s/\"@NAMESPACES@\"/${made#,}/" -e "s/\"@HOOKS@\",*/${hooks#,}${hooks:+,}/" \
    -e 's/,]/]/g' "$STATE/../features.json"
  echo
}

# The command create runs the container's holder under: unshare with the config's namespaces of
# the types it makes (ScriptedConfig wrote them to $d/namespaces), or nothing.
ops_unshare() {
  local d=$1 t flags=
  [ -s "$d/namespaces" ] || return 0
  while read -r t; do
    # Claims a network namespace in `features` but never makes one.
    [ "$t" = network ] && broken features.namespaces-creatable && continue
    flags="$flags $(ops_unshare_flags "$t")"
  done <"$d/namespaces"
  # A repeated --user is harmless; none left means nothing to make.
  [ -n "${flags// /}" ] && echo "unshare $flags"
}

# Create returns once the container process is in its namespaces, as a runtime's does: until
# unshare has made them and run the holder, the pid still has the host's (up to 5 s).
ops_await_namespaces() {
  local d=$1 pid i
  pid=$(cat "$d/pid")
  [ -n "$(ops_unshare "$d")" ] || return 0
  for i in $(seq 250); do
    [ "$(readlink "/proc/$pid/ns/net")" != "$(readlink /proc/self/ns/net)" ] ||
      [ "$(readlink "/proc/$pid/ns/cgroup")" != "$(readlink /proc/self/ns/cgroup)" ] ||
      [ "$(readlink "/proc/$pid/ns/user")" != "$(readlink /proc/self/ns/user)" ] && return 0
    alive "$pid" || return 0
    sleep 0.02
  done
}

# Before create checks its arguments: a violation replaces a container of the same id, or makes
# one without a bundle.
ops_create_precheck() {
  local id=$1 bundle=$2 d=$3
  if [ -n "$id" ] && [ -e "$d" ] && broken operations.create-duplicate-id; then
    [ -f "$d/report-dest" ] || kill -KILL "$(cat "$d/pid")" 2>/dev/null
    rm -rf "$d"
  fi
  if [ -n "$id" ] && [ ! -f "$bundle/config.json" ] && broken operations.create-missing-bundle; then
    mkdir -p "$d"
    echo "$bundle" >"$d/bundle"
    echo $$ >"$d/pid"
    echo created >"$d/status"
    exit 0
  fi
}

# Called by `need` when $cmd names no container: a violation answers as if all were well.
ops_missing() {
  local id=$1
  if [ -z "$id" ]; then
    broken "operations.$cmd-without-id" || return 0
    [ "$cmd" = state ] && echo '[]'
    exit 0
  fi
  broken "operations.$cmd-unknown-id" || return 0
  [ "$cmd" = state ] &&
    printf '{"ociVersion":"1.3.0","id":"%s","status":"stopped","pid":0,"bundle":"/"}\n' "$id"
  exit 0
}

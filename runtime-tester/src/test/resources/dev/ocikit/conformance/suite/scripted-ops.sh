# Operations, config admission and features of the scripted runtime (ScriptedConfig and
# ScriptedFeatures hold the Java side). `features` lists the namespace types `unshare` can make
# here (scripted-namespaces.sh makes them) and the hook phases scripted-hooks.sh runs.
SCRIPTED_HOOK_PHASES="prestart createRuntime createContainer startContainer poststart poststop"

# unshare's options for one namespace type, a user namespace first when not root.
ops_unshare_flags() {
  local flags=
  [ "$(id -u)" = 0 ] || flags="--user --map-root-user"
  case $1 in
    user) echo "--user --map-root-user" ;;
    pid) echo "$flags --pid --fork" ;;
    *) echo "$flags --$(ns_option "$1")" ;;
  esac
}

# `features`: ScriptedFeatures' document (written at install), with the namespace types unshare
# can make on this host and the hook phases the script runs.
ops_features() {
  local t made= hooks=
  for t in cgroup ipc mount network pid time user uts; do
    # shellcheck disable=SC2046
    unshare $(ops_unshare_flags "$t") true 2>/dev/null && made="$made,\"$t\""
  done
  for t in $SCRIPTED_HOOK_PHASES; do hooks="$hooks,\"$t\""; done
  sed -e "s/\"@NAMESPACES@\"/${made#,}/" -e "s/\"@HOOKS@\",*/${hooks#,}${hooks:+,}/" \
    -e 's/,]/]/g' "$STATE/../features.json"
  echo
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

# Cgroups (CgroupJudgeTest): when the runtime's dir holds a fake host (cgroup-host/{root,proc,sys},
# made by the test: ScriptedCgroupHost), create's Java part (ScriptedCgroups) makes the container's
# cgroups in it as a complying runtime would, with the values the kernel would show; this puts the
# process in them and writes its /proc/PID/cgroup; delete removes them. Under the fake cgroup2
# wrapper (OCIKIT_SCRIPTED_CGROUP2 set) the cgroups are v2 ones under root/unified.
CGHOST=$(dirname "$STATE")/cgroup-host
# create's part, once the container's process exists: DIR
cgroups_create() {
  local d=$1 pid dir
  [ -f "$d/cgroup-lines" ] || return 0
  pid=$(cat "$d/pid")
  while read -r dir; do echo "$pid" >>"$dir/cgroup.procs"; done <"$d/cgroup-dirs"
  mkdir -p "$CGHOST/proc/$pid"
  cp "$d/cgroup-lines" "$CGHOST/proc/$pid/cgroup"
}
# delete's part: DIR
cgroups_delete() {
  local d=$1 dir
  [ -f "$d/cgroup-dirs" ] || return 0
  if [ -f "$d/cgroup2" ]; then broken cgroups.v2.removed-on-delete && return 0
  else broken cgroups.removed-on-delete && return 0; fi
  while read -r dir; do rm -rf "$dir"; done <"$d/cgroup-dirs"
}

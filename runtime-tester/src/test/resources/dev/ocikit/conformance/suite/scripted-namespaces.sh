# config-linux.md for the scripted runtime's held process: its namespaces (new ones made by unshare,
# ones given by path joined by nsenter), time offsets, personality and memory policy, and the
# configs create must refuse. ScriptedNamespaces wrote what the config asks into the state dir.
#
# Without root, unshare can make the other namespaces only inside a user namespace of its own
# (--user --map-root-user), and joins the user namespace owning a joined path first; the judges of
# these properties compare no user namespace. With root, no user namespace is added.

# config type -> the name in /proc/PID/ns, which is also unshare's and nsenter's option name
# (--net, --mount), except for the two below.
ns_file() {
  case $1 in network) echo net ;; mount) echo mnt ;; *) echo "$1" ;; esac
}
ns_option() {
  case $1 in network) echo net ;; *) echo "$1" ;; esac
}

# Why create must fail for container dir $1, on stderr; returns 1 then.
ns_refuse() {
  local d=$1 type path link
  if [ -e "$d/intelrdt" ] && ! broken linux.intel-rdt.no-resctrl &&
    ! grep -q ' - resctrl ' /proc/self/mountinfo; then
    echo "create: linux.intelRdt is set but no resctrl filesystem is mounted" >&2
    return 1
  fi
  while read -r type path; do
    [ -n "$path" ] || continue
    link=$(readlink "$path") || { echo "create: namespace path $path: unreadable" >&2; return 1; }
    if [ "${link%%:*}" != "$(ns_file "$type")" ] && ! broken namespaces.path-type-mismatch; then
      echo "create: linux.namespaces $type path $path is a ${link%%:*} namespace" >&2
      return 1
    fi
  done <"$d/ns"
  return 0
}

# The command that starts the held process of container dir $1 set up as its config says: sets the
# array WRAP (possibly empty), to put before the holder.
ns_wrap() {
  local d=$1 type path opt own joinuser= newuser= clock secs mode nodes
  local -a new=() join=()
  own=$(id -u)
  while read -r type path; do
    [ -n "$type" ] || continue
    # A type the spec does not list reaches here only when a violation accepted it: ignored.
    case $type in cgroup | ipc | mount | network | pid | time | user | uts) ;; *) continue ;; esac
    opt=$(ns_option "$type")
    # Claims (in `features`) a network namespace it never makes.
    [ "$type" = network ] && broken features.namespaces-creatable && continue
    if [ -n "$path" ] && broken namespaces.path-type-mismatch &&
      [ "$(readlink "$path" | cut -d: -f1)" != "$(ns_file "$type")" ]; then
      continue # a path of another type, not checked and then ignored
    fi
    if [ -n "$path" ] && broken "namespaces.$type.joined"; then path=; fi
    if [ -z "$path" ]; then
      broken "namespaces.$type.new" && continue
      [ "$type" = user ] && newuser=1
      new+=("--$opt")
    else
      join+=("--$opt=$path")
      # Without root, a namespace made by another user namespace is entered through that one.
      if [ "$own" != 0 ] && [ "$type" != user ] &&
        [ "$(readlink "${path%/*}/user")" != "$(readlink /proc/self/ns/user)" ]; then
        joinuser=${path%/*}/user
      fi
    fi
  done <"$d/ns"
  for type in cgroup ipc network pid uts; do
    if broken "namespaces.$type.inherited" && ! grep -q "^$type " "$d/ns"; then
      new+=("--$(ns_option "$type")")
    fi
  done
  if [ -s "$d/timens" ] && printf '%s\n' "${new[@]}" | grep -qx -- --time; then
    while read -r clock secs; do
      broken namespaces.time.offsets && secs=$((secs + 1))
      new+=("--$clock" "$secs")
    done <"$d/timens"
  fi
  WRAP=()
  if [ ${#join[@]} -gt 0 ]; then
    [ -n "$joinuser" ] && WRAP+=(nsenter --preserve-credentials "--user=$joinuser")
    [ -z "$joinuser" ] && WRAP+=(nsenter)
    WRAP+=("${join[@]}" --)
  fi
  if [ ${#new[@]} -gt 0 ]; then
    WRAP+=(unshare --fork --kill-child)
    # Config mappings are not played: without root the process is root of its own user namespace.
    if [ "$own" != 0 ] && [ -z "$joinuser" ]; then
      WRAP+=(--map-root-user)
      [ -n "$newuser" ] || WRAP+=(--user)
    fi
    WRAP+=("${new[@]}" --)
  fi
  if [ "$(cat "$d/personality")" = LINUX32 ] && ! broken linux.personality.linux32; then
    WRAP+=(setarch linux32)
  fi
  read -r mode nodes <"$d/mempolicy" || true
  if [ -n "$mode" ] && ! broken linux.memory-policy.bind; then
    WRAP+=(perl -e "$MEMPOLICY" "$mode" "$nodes")
  fi
  return 0
}

# set_mempolicy(2) for MODE NODES (a list like 0,2-3), then exec of the rest; the policy stays
# through exec. The syscall number is x86_64's or aarch64's.
MEMPOLICY='my %modes = (MPOL_DEFAULT => 0, MPOL_PREFERRED => 1, MPOL_BIND => 2,
  MPOL_INTERLEAVE => 3, MPOL_LOCAL => 4, MPOL_PREFERRED_MANY => 5);
my ($mode, $nodes) = (shift, shift);
my $mask = 0;
for (split /,/, $nodes) { my ($lo, $hi) = split /-/; $hi //= $lo; $mask |= 1 << $_ for $lo .. $hi; }
my $m = pack("Q", $mask);
my $nr = (`uname -m` =~ /aarch64/) ? 237 : 238;
syscall($nr, $modes{$mode}, $m, 64) == 0 or die "set_mempolicy $mode $nodes: $!\n";
exec @ARGV or die "exec: $!\n";'

# Waits until the holder started by pid $2 for container dir $1 wrote its own pid to its fd 3 (the
# wrapper may have forked it); when the wrapper dies first, says why on stderr and returns 1.
ns_await_pid() {
  local d=$1 wrapper=$2
  for _ in $(seq 500); do
    [ -s "$d/pid" ] && return 0
    if ! alive "$wrapper"; then
      [ -s "$d/pid" ] && return 0
      echo "create: could not set up the process: $(tr '\n' ' ' <"$d/wrap.log")" >&2
      return 1
    fi
    sleep 0.01
  done
  echo "create: the process did not start" >&2
  return 1
}


#!/usr/bin/env bash
# Benchmarks `oci-tool unpack` against `umoci unpack` on one large real image built with umoci
# from a copy of this machine's /usr/share and /usr/include (about 800 MB, 75k files on Debian):
# five turns of each, the median ratio ours/umoci (target <= 0.35), a tree comparison
# (names, types, modes, uid/gid, sizes, content hashes, link targets, device numbers, mtimes,
# xattrs) and the peak RSS of an
# unpack under -Xmx128m. Needs root, umoci and python3.
# Usage: bench/unpack.sh [--tmpfs] [SOURCE_DIR...]
#   --tmpfs  unpack into a private tmpfs: the tools' own work without the disk's noise (on the
#            reference VM the same disk run varies between 6 s and 25 s).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $(id -u) == 0 ]] || { echo "needs root (umoci unpack keeps owners and devices)" >&2; exit 2; }
command -v umoci >/dev/null || { echo "needs umoci" >&2; exit 2; }
tmpfs=""
if [[ "${1:-}" == "--tmpfs" ]]; then tmpfs=1; shift; fi
sources=("$@"); [[ ${#sources[@]} -gt 0 ]] || sources=(/usr/share /usr/include)
# The image is built once and kept under bench/out/unpack/img (delete it to rebuild); the
# unpacked trees and the toolkit copy live in a scratch directory removed on exit.
cache="${OCIKIT_BENCH_DIR:-$here/bench/out/unpack}"
work="$(mktemp -d /var/tmp/ocikit-unpack.XXXXXX)"
mkdir -p "$cache"; trap 'cd /; if [[ -n "$tmpfs" ]]; then umount "$work"; fi; rm -rf "$work"' EXIT
if [[ -n "$tmpfs" ]]; then mount -t tmpfs -o size=8g,mode=0700 ocikit-bench "$work"; fi
cd "$work"
echo "unpacking into $([[ -n "$tmpfs" ]] && echo tmpfs || df --output=fstype "$work" | tail -1)"
"$here/bin/oci-tool" --version >/dev/null  # builds the toolkit on first use, outside the timings
# A private copy run with the launcher's JVM flags for unpack (C2 for digests, see bin/ocikit-launch): the launcher itself rebuilds whenever a source
# file is newer than its last build, which would land inside the timings on a busy checkout.
mkdir -p toolkit && cp "$here"/cli/target/cli-*.jar toolkit/ && cp -r "$here/cli/target/lib" toolkit/
oci_tool() {
  java -XX:+UseSerialGC -Xshare:auto -Xlog:disable -Xlog:all=error:stderr -XX:-UsePerfData \
    -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput \
    -XX:CompilerDirectivesFile="$here/bin/jit-directives.json" \
    ${OCIKIT_JAVA_OPTS:-} -cp "$work/toolkit/*:$work/toolkit/lib/*" dev.ocikit.cli.OciTool "$@"
}

if [[ ! -f "$cache/img/index.json" ]]; then
  echo "== building the image from: ${sources[*]}"
  rm -rf "$cache/img" "$cache/base"
  (
    cd "$cache"
    umoci init --layout img && umoci new --image img:big && umoci unpack --image img:big base >/dev/null
    for s in "${sources[@]}"; do
      mkdir -p "base/rootfs$(dirname "$s")" && cp -a "$s" "base/rootfs$s"
    done
    umoci repack --image img:big base >/dev/null && rm -rf base
  )
fi
ln -s "$cache/img" img
echo "image: $(du -sm "$cache/img/blobs" | cut -f1) MB of blobs in $cache/img"

# One timed run of "$@" into ./out (removed first): prints "wall cpu" seconds.
timed() {
  rm -rf out; sync
  /usr/bin/time -o "$work/time.txt" -f "%e %U %S" "$@" >/dev/null
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$work/time.txt"
}
# The two tools run in turns, so a slow spell of the machine (steal time, disk flushes) lands on
# both; the ratio reported is the median of the five per-turn ratios.
export -f oci_tool; export work here
echo "== timing (5 turns, umoci then oci-tool)"
ratios=(); uw=(); ow=()
for turn in 1 2 3 4 5; do
  read -r u_wall u_cpu <<<"$(timed umoci unpack --image img:big out)"; rm -rf theirs; mv out theirs
  read -r o_wall o_cpu <<<"$(timed bash -c 'oci_tool unpack -q img:big out')"; rm -rf ours; mv out ours
  r=$(echo "scale=3; $o_wall / $u_wall" | bc)
  printf 'turn %d: umoci %6.2f s (cpu %6.2f s)   oci-tool %6.2f s (cpu %6.2f s)   ratio %.2f\n' \
    "$turn" "$u_wall" "$u_cpu" "$o_wall" "$o_cpu" "$r"
  ratios+=("$r"); uw+=("$u_wall"); ow+=("$o_wall")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
printf 'median: umoci %6.2f s, oci-tool %6.2f s; median ratio %.2f x umoci (target <= 0.35)\n' \
  "$(median "${uw[@]}")" "$(median "${ow[@]}")" "$(median "${ratios[@]}")"

echo "== comparing trees"
python3 - theirs/rootfs ours/rootfs <<'PY'
import hashlib, os, stat, sys
def walk(root):
    out = {}
    for d, dirs, files in os.walk(root):
        for n in dirs + files:
            p = os.path.join(d, n); st = os.lstat(p); rel = os.path.relpath(p, root)
            if stat.S_ISREG(st.st_mode):
                h = hashlib.sha256()
                with open(p, "rb") as f:
                    for b in iter(lambda: f.read(1 << 20), b""): h.update(b)
                extra = h.hexdigest()
            elif stat.S_ISLNK(st.st_mode): extra = os.readlink(p)
            else: extra = st.st_rdev if (stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)) else ""
            size = st.st_size if not stat.S_ISDIR(st.st_mode) else 0
            xattrs = sorted((k, os.getxattr(p, k, follow_symlinks=False))
                            for k in os.listxattr(p, follow_symlinks=False))
            out[rel] = (oct(st.st_mode), st.st_uid, st.st_gid, size, extra, st.st_mtime_ns, xattrs)
    return out
a, b = walk(sys.argv[1]), walk(sys.argv[2])
diff = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
print(f"{len(a)} entries (umoci), {len(b)} entries (oci-tool), {len(diff)} differ")
for k in diff[:10]: print("  ", k, a.get(k), b.get(k))
sys.exit(1 if diff else 0)
PY

echo "== memory: oci-tool unpack under -Xmx128m"
rm -rf out
OCIKIT_JAVA_OPTS="-Xmx128m" /usr/bin/time -f "peak RSS %M KB, %e s" bash -c 'oci_tool unpack -q img:big out'
rm -rf out
echo "== for comparison, umoci's peak RSS"
/usr/bin/time -f "peak RSS %M KB, %e s" umoci unpack --image img:big out >/dev/null

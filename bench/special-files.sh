#!/usr/bin/env bash
# Times `oci-tool unpack` (and, for reference, `umoci unpack`) of one layer holding N FIFOs plus
# N/10 character and N/10 block devices, each with its own mode, owner, nanosecond time and a
# trusted.* xattr: the cost per special file, which used to be three or four processes (mknod,
# touch -h twice, setfattr) and is now a few C library calls. Needs root, umoci and python3.
# Usage: bench/special-files.sh [N]        (default 20000)
#   OCI_TOOL_CP=...  classpath of another build to time (default: this checkout's cli, built here)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $(id -u) == 0 ]] || { echo "special-files.sh needs root (device nodes)" >&2; exit 2; }
command -v umoci >/dev/null || { echo "special-files.sh needs umoci" >&2; exit 2; }
n="${1:-20000}"
work="$(mktemp -d /var/tmp/ocikit-special.XXXXXX)"; trap 'rm -rf "$work"' EXIT
if [[ -z "${OCI_TOOL_CP:-}" ]]; then
  (cd "$here" && mvn -B -ntp -q -pl cli -am package -DskipTests) >/dev/null
  OCI_TOOL_CP="$here/cli/target/cli-0.1.0-SNAPSHOT.jar:$here/cli/target/lib/*"
fi
cd "$work"
python3 - "$n" <<'PY'
import sys, tarfile
n = int(sys.argv[1])
with tarfile.open("layer.tar", "w", format=tarfile.PAX_FORMAT) as t:
    d = tarfile.TarInfo("nodes"); d.type = tarfile.DIRTYPE; d.mode = 0o755; t.addfile(d)
    kinds = [tarfile.FIFOTYPE] * n + [tarfile.CHRTYPE] * (n // 10) + [tarfile.BLKTYPE] * (n // 10)
    for i, kind in enumerate(kinds):
        e = tarfile.TarInfo(f"nodes/{i}")
        e.type, e.mode, e.uid, e.gid = kind, 0o600 + (i % 0o200), i % 3, i % 5
        e.devmajor, e.devminor = (1, 3) if kind != tarfile.FIFOTYPE else (0, 0)
        e.mtime = 1_000_000_000 + i + 0.5
        e.pax_headers = {"SCHILY.xattr.trusted.bench": str(i)}
        t.addfile(e)
PY
umoci init --layout img >/dev/null && umoci new --image img:t >/dev/null
umoci raw add-layer --image img:t layer.tar >/dev/null
echo "layer: $n FIFOs, $((n / 10)) character and $((n / 10)) block devices"
timed() { /usr/bin/time -f "%e s wall, %U s user, %S s sys" "$@" 2>&1 >/dev/null | tail -1; }
echo "umoci unpack:    $(timed umoci unpack --image img:t theirs)"
echo "oci-tool unpack: $(timed java -cp "$OCI_TOOL_CP" dev.ocikit.cli.OciTool unpack -q img:t ours)"
if command -v strace >/dev/null; then
  strace -f -qq -e trace=execve -o strace.txt \
    java -cp "$OCI_TOOL_CP" dev.ocikit.cli.OciTool unpack -q img:t again >/dev/null 2>&1
  echo "processes: $(grep -c 'execve(.* = 0$' strace.txt) programs run by one oci-tool unpack (java itself, and ldconfig -p through jspawnhelper: JNA's library search, once per JVM)"
fi

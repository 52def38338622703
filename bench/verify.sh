#!/usr/bin/env bash
# Benchmarks image validation: bin/oci-validate against Debian's oci-image-tool on the same
# realistic image (a copy of the running JDK, python3 and /usr/share/doc, ~450 MB in two layers,
# built with umoci), stored three ways: gzip (umoci), zstd and uncompressed (skopeo copies).
# Prints wall and CPU seconds (best of 3), MB/s of blob bytes, and the ratio.
#
# What each tool checks on these images (measured by tampering with a small umoci image):
#   oci-validate       blob sizes and digests (every blob, on the stream), DiffIDs (decompresses
#                      every layer), tar headers and layer lint, schemas, descriptor rules.
#   oci-image-tool     blob sizes and digests of manifests, configs and layers, and the JSON
#                      schemas; it does not decompress layers, so a wrong rootfs.diff_ids entry
#                      passes, and it refuses zstd layers. Debian's 1.0.0-rc1 has no
#                      --type imageLayout; its --type image validates a layout directory.
# So the comparison is not like for like: oci-validate does strictly more work per byte.
#
# Usage: bench/verify.sh [--memory]
#   --memory  also validates a 2 GiB layer (sparse file, plain and zstd) under -Xmx128m.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
out="$here/out/verify"
validate="${OCI_VALIDATE:-$root/bin/oci-validate}" # override to time another build
memory=""
[[ "${1:-}" == "--memory" ]] && memory=1

need() { command -v "$1" >/dev/null || { echo "verify.sh needs $1" >&2; exit 2; }; }
need umoci; need skopeo; need jq; need bc
if ! command -v oci-image-tool >/dev/null; then
  if [[ "$(id -u)" == 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q oci-image-tool >/dev/null
  else
    echo "verify.sh needs oci-image-tool (apt-get install oci-image-tool)" >&2; exit 2
  fi
fi

# The launcher builds the toolkit when sources changed; do that before any timing.
"$validate" --help >/dev/null || { echo "oci-validate does not start" >&2; exit 2; }

if [[ ! -f "$out/plain/index.json" ]]; then
  echo "== building the image under $out (once) =="
  rm -rf "$out" && mkdir -p "$out"
  (
    cd "$out"
    R=$([ "$(id -u)" = 0 ] || echo --rootless)
    umoci init --layout gzip && umoci new --image gzip:bench
    umoci unpack $R --image gzip:bench b >/dev/null
    # The JDK that runs us: binaries and jmods, present wherever the toolkit runs.
    cp -a "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" b/rootfs/jdk
    # Unpack again before the second layer: umoci 0.4 diffs against the bundle's first state.
    umoci repack --image gzip:bench b && rm -rf b
    umoci unpack $R --image gzip:bench b >/dev/null
    cp -a /usr/lib/python3.11 /usr/lib/python3 b/rootfs/
    mkdir -p b/rootfs/doc && cp -a /usr/share/doc/. b/rootfs/doc/
    umoci repack --image gzip:bench b && rm -rf b && umoci gc --layout gzip
    skopeo copy -q --dest-compress-format zstd oci:gzip:bench oci:zstd:bench
    skopeo copy -q --dest-decompress oci:gzip:bench dir:plain-dir
    skopeo copy -q --dest-oci-accept-uncompressed-layers dir:plain-dir oci:plain:bench
    rm -rf plain-dir
  )
fi

peer_type=image
oci-image-tool validate --help 2>&1 | grep -q imageLayout && peer_type=imageLayout

# run CMD...: prints "wall cpu" of the best of 3 runs (by wall time); fails if CMD fails.
times="$(mktemp)"; trap 'rm -f "$times"' EXIT
run() {
  local best="" o
  for _ in 1 2 3; do
    /usr/bin/time -o "$times" -f "%e %U %S" "$@" >/dev/null 2>&1 || return 1
    o=$(tail -n 1 "$times" | awk '{printf "%.2f %.2f", $1, $2 + $3}')
    if [[ -z "$best" ]] || (( $(echo "${o%% *} < ${best%% *}" | bc) )); then best=$o; fi
  done
  echo "$best"
}
mbs() { echo "scale=0; $1 / 1048576 / $2" | bc; }
blob_bytes() { du -sb "$1/blobs" | cut -f1; }

plain_bytes=$(blob_bytes "$out/plain")
echo "== oci-validate vs oci-image-tool validate --type $peer_type (best of 3; wall s, cpu s) =="
echo "uncompressed content: $((plain_bytes / 1048576)) MB; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for v in plain gzip zstd; do
  img="$out/$v"
  bytes=$(blob_bytes "$img")
  "$validate" "$img" >/dev/null || { echo "oci-validate rejects $img" >&2; exit 2; }
  read -r ow oc <<<"$(run "$validate" "$img")"
  # The launcher runs the JVM with -XX:TieredStopAtLevel=1 (fast start, no C2): the JDK's
  # SHA-256 intrinsics are C2-only, so hashing runs ~10x slower. Also measured with C2:
  read -r cw cc <<<"$(OCIKIT_JAVA_OPTS=-XX:TieredStopAtLevel=4 run "$validate" "$img")"
  line="$v: $((bytes / 1048576)) MB of blobs | oci-validate ${ow}s (cpu ${oc}s) $(mbs "$bytes" "$ow") MB/s"
  line+=" | with C2 ${cw}s (cpu ${cc}s) $(mbs "$bytes" "$cw") MB/s"
  if oci-image-tool validate --type "$peer_type" "$img" >/dev/null 2>&1; then
    read -r pw pc <<<"$(run oci-image-tool validate --type "$peer_type" "$img")"
    line+=" | oci-image-tool ${pw}s (cpu ${pc}s) $(mbs "$bytes" "$pw") MB/s"
    line+=" | ratio ours/peer $(echo "scale=2; $ow / $pw" | bc) (C2: $(echo "scale=2; $cw / $pw" | bc))"
  else
    line+=" | oci-image-tool refuses this image"
  fi
  echo "$line"
done

if [[ -n "$memory" ]]; then
  echo "== 2 GiB layer under -Xmx128m =="
  big="$out/big"
  if [[ ! -f "$big/plain/index.json" ]]; then
    rm -rf "$big" && mkdir -p "$big"
    python3 - "$big" <<'PY'
import hashlib, json, os, subprocess, sys
base = sys.argv[1]
size = 2 << 30
tar = os.path.join(base, "layer.tar")
h = bytearray(512)
def put(off, s): h[off:off + len(s)] = s.encode()
put(0, "big"); put(100, "0000644\0"); put(108, "0000000\0"); put(116, "0000000\0")
put(124, "%011o\0" % size); put(136, "00000000000\0"); put(156, "0"); put(257, "ustar\x0000")
h[148:156] = b" " * 8
put(148, "%06o\0 " % sum(h))
with open(tar, "wb") as f:
    f.write(h)
    f.truncate(512 + size + 1024)  # sparse: the body and the end marker read as zeros
def sha(path):
    out = subprocess.run(["sha256sum", path], check=True, capture_output=True, text=True)
    return "sha256:" + out.stdout.split()[0]
diff_id = sha(tar)
subprocess.run(["zstd", "-q", "-1", "-T0", tar, "-o", tar + ".zst"], check=True)
for kind, path, media in [("plain", tar, "tar"), ("zstd", tar + ".zst", "tar+zstd")]:
    d = os.path.join(base, kind)
    os.makedirs(os.path.join(d, "blobs", "sha256"))
    def blob(data):
        dg = hashlib.sha256(data).hexdigest()
        open(os.path.join(d, "blobs", "sha256", dg), "wb").write(data)
        return {"digest": "sha256:" + dg, "size": len(data)}
    layer = {"mediaType": "application/vnd.oci.image.layer.v1." + media, "digest": sha(path),
             "size": os.path.getsize(path)}
    os.link(path, os.path.join(d, "blobs", "sha256", layer["digest"][7:]))
    config = dict(mediaType="application/vnd.oci.image.config.v1+json", **blob(json.dumps(
        {"architecture": "amd64", "os": "linux",
         "rootfs": {"type": "layers", "diff_ids": [diff_id]}}).encode()))
    manifest = dict(mediaType="application/vnd.oci.image.manifest.v1+json", **blob(json.dumps(
        {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
         "config": config, "layers": [layer]}).encode()))
    json.dump({"schemaVersion": 2, "manifests": [manifest]}, open(os.path.join(d, "index.json"), "w"))
    json.dump({"imageLayoutVersion": "1.0.0"}, open(os.path.join(d, "oci-layout"), "w"))
os.remove(tar); os.remove(tar + ".zst")
PY
  fi
  for v in plain zstd; do
    OCIKIT_JAVA_OPTS="-Xmx128m -XX:TieredStopAtLevel=4" /usr/bin/time -o "$times" -f "%e %M" \
      "$validate" "$big/$v" >/dev/null || { echo "$v: failed under -Xmx128m" >&2; exit 1; }
    o=$(tail -n 1 "$times")
    echo "$v 2 GiB layer: $(echo "$o" | cut -d' ' -f1) s, max RSS $(( $(echo "$o" | cut -d' ' -f2) / 1024 )) MB"
  done
fi

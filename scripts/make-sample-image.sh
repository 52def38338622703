#!/usr/bin/env bash
# Rebuilds testdata/images/sample, the small OCI image layout the README and the launcher's
# class-data training use: two gzip layers made by umoci (the second one deletes a file, so it
# carries a whiteout), a config with a command, and one tag. The command is a minimal cat built
# here from scripts/sample-image/cat.c, so a bundle made from the image runs under runc and prints
# hello.txt. Needs umoci and gcc; run as root or not.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for tool in umoci gcc; do
  command -v "$tool" >/dev/null || { echo "make-sample-image.sh needs $tool" >&2; exit 2; }
done
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
rootless=$([ "$(id -u)" = 0 ] || echo --rootless)
cd "$work"
umoci init --layout img
umoci new --image img:sample
umoci unpack $rootless --image img:sample b >/dev/null
mkdir -p b/rootfs/bin b/rootfs/etc b/rootfs/usr/share/sample b/rootfs/tmp
gcc -static -nostdlib -ffreestanding -fno-builtin -Os -fno-stack-protector \
  -fno-asynchronous-unwind-tables -Wl,--build-id=none -s \
  -o b/rootfs/bin/cat "$here/scripts/sample-image/cat.c"
printf 'NAME="ocikit sample"\nID=ocikit-sample\n' > b/rootfs/etc/os-release
printf 'hello from the sample image\n' > b/rootfs/usr/share/sample/hello.txt
printf 'removed by the second layer\n' > b/rootfs/usr/share/sample/old.txt
ln -s ../usr/share/sample/hello.txt b/rootfs/etc/motd
chmod 1777 b/rootfs/tmp
umoci repack --image img:sample b && rm -rf b
umoci unpack $rootless --image img:sample b >/dev/null
rm b/rootfs/usr/share/sample/old.txt
umoci repack --image img:sample b && rm -rf b
umoci config --image img:sample --config.cmd cat --config.cmd /usr/share/sample/hello.txt \
  --config.env PATH=/usr/bin:/bin --config.workingdir / --config.label org.opencontainers.image.title=sample
umoci gc --layout img
rm -rf "$here/testdata/images/sample.new"
cp -r img "$here/testdata/images/sample.new"
rm -rf "$here/testdata/images/sample"
mv "$here/testdata/images/sample.new" "$here/testdata/images/sample"
echo "wrote $here/testdata/images/sample"

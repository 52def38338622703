#!/usr/bin/env bash
# Creates the unprivileged user of rootless conformance runs, and installs the real tools the
# tests drive (the runtimes runc, crun and gVisor's runsc that the conformance suite runs against, umoci, skopeo, busybox-static, zstd, gcc and setpriv for the
# second local user that races an unpack, and chromium, whose headless mode loads the HTML
# conformance report) from Debian packages when running as
# root. Without root it only says what is missing: the tests that need a missing tool skip
# themselves and say why.
set -euo pipefail
# The unprivileged user `oci-tool conformance --rootless ocikit-rootless` runs runtimes as (and the
# rootless integration test expects). A system user with its own group, no home and no login.
rootless_user=ocikit-rootless
if ! id "$rootless_user" >/dev/null 2>&1; then
  if [[ "$(id -u)" -eq 0 ]] && command -v useradd >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$rootless_user"
    echo "created user $rootless_user for rootless conformance runs"
  else
    echo "no user $rootless_user; run as root to create it. Rootless conformance tests will be" \
         "skipped." >&2
  fi
fi
declare -A pkg_of=(
  [runc]=runc [crun]=crun [runsc]=runsc [umoci]=umoci [skopeo]=skopeo [busybox]=busybox-static [zstd]=zstd
  [gcc]=gcc [setpriv]=util-linux [chromium]=chromium
)
missing=()
for cmd in "${!pkg_of[@]}"; do
  if [[ "$cmd" == busybox ]]; then
    # Containers need the static build; a dynamic busybox does not run in an empty rootfs.
    [[ -x /bin/busybox ]] && file -L /bin/busybox 2>/dev/null | grep -q static && continue
  elif command -v "$cmd" >/dev/null 2>&1; then
    continue
  fi
  missing+=("${pkg_of[$cmd]}")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "test tools: all present"
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "test tools missing (${missing[*]}); run as root on Debian to install them." \
       "Tests that need them will be skipped." >&2
  exit 0
fi
echo "installing test tools: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" file >/dev/null

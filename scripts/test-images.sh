#!/usr/bin/env bash
# Builds the local images the tests run, without any registry:
#   stackpilot-test/busybox:1   Debian's busybox-static with its applets linked.
# An image that already exists is kept, so a second run takes about a second.
set -euo pipefail

image="stackpilot-test/busybox:1"

if docker image inspect "$image" >/dev/null 2>&1; then
    echo "$image already present"
    exit 0
fi

# Debian's busybox-static installs a statically linked /bin/busybox.
busybox=/bin/busybox

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/var/www"
cp "$busybox" "$root/bin/busybox"
for applet in sh ash cat echo sleep ls nc httpd printf trap kill ps true false env date seq head tail mkdir rm; do
    ln -s busybox "$root/bin/$applet"
done
echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
echo 'root:x:0:' >"$root/etc/group"
tar -C "$root" -c . | docker import \
    --change 'ENV PATH=/bin' \
    --change 'CMD ["/bin/sh"]' \
    - "$image" >/dev/null
echo "$image built"

#!/usr/bin/env bash
# Builds the agent's Debian package with dpkg-deb from a staged tree: the agent's jars on a jlinked runtime under
# /opt/fieldlink-agent, a hardened systemd unit (installed, not enabled), its system user, and
# /etc/fieldlink-agent/agent.yaml as a conffile with every customer switch off. docs/installers.md says why this is
# not jpackage.
#   build-agent.sh VERSION LIB_DIR OUT_DIR TYPES     LIB_DIR: machine-agent and its runtime jars; TYPES: deb or none
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
version=${1%-SNAPSHOT} lib=$2 out=$3 types=${4:-deb}
if [ "$types" = none ] || [ -z "$types" ]; then
  echo "build-agent.sh: no agent package requested"; exit 0
fi
[ "$types" = deb ] || { echo "build-agent.sh: unknown package type '$types' (deb or none)" >&2; exit 2; }
src="$here/agent"
work="$out/agent-work"
root="$work/root"
app="$root/opt/fieldlink-agent"
rm -rf "$work"; mkdir -p "$app/bin" "$app/lib" "$out"

build_runtime "$lib" "$app/runtime"
install -m 0644 "$lib"/*.jar "$app/lib/"
install -m 0755 "$src/fieldlink-agent" "$app/bin/fieldlink-agent"
install -d "$root/usr/bin"
ln -s /opt/fieldlink-agent/bin/fieldlink-agent "$root/usr/bin/fieldlink-agent"
install -D -m 0644 "$src/fieldlink-agent.service" "$root/lib/systemd/system/fieldlink-agent.service"
install -D -m 0644 "$src/fieldlink-agent.sysusers" "$root/usr/lib/sysusers.d/fieldlink-agent.conf"
install -D -m 0600 "$src/agent.yaml" "$root/etc/fieldlink-agent/agent.yaml"
install -D -m 0644 "$src/fieldlink-agent-display.desktop" \
  "$root/usr/share/fieldlink-agent/fieldlink-agent-display.desktop"
doc="$root/usr/share/doc/fieldlink-agent"
install -D -m 0644 "$src/README" "$doc/README"
install -m 0644 "$src/copyright" "$src/agent.yaml" "$doc/"

# Depends: the packages holding the system libraries the runtime's native code links (as jpackage computes them).
depends=$(find "$app/runtime" -name '*.so' -exec ldd {} + 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3}' \
  | sort -u | grep -v "^$app/" | while read -r so; do dpkg -S "$(readlink -f "$so")" 2>/dev/null || dpkg -S "$so"; done \
  | cut -d: -f1 | sort -u | paste -sd, | sed 's/,/, /g')
arch=$(dpkg --print-architecture)
install -d -m 0755 "$root/DEBIAN"
cat >"$root/DEBIAN/control" <<CONTROL
Package: fieldlink-agent
Version: $version
Architecture: $arch
Maintainer: Fieldlink <support@fieldlink.dev>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends, passwd
Recommends: x11-xserver-utils
Section: net
Priority: optional
Homepage: https://fieldlink.dev
Description: Fieldlink machine agent: operator-approved remote service
 The service agent on a machine's HMI PC. It connects only outbound to the Fieldlink relay, asks the operator
 for consent before a service technician sees the machine, shows who is connected and every action, ends
 sessions on its own clock and keeps a hash-chained local audit log.
 .
 Installing does not enable remote service: the service is not enabled or started, and every customer
 switch is off until the customer agrees.
CONTROL
echo /etc/fieldlink-agent/agent.yaml >"$root/DEBIAN/conffiles"
install -m 0755 "$src/debian/postinst" "$src/debian/prerm" "$src/debian/postrm" "$root/DEBIAN/"

deb="$out/fieldlink-agent_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "agent package: $deb ($(du -h "$deb" | cut -f1)), Depends: $depends"

#!/usr/bin/env bash
# Builds the console's native packages with jpackage: one application image with two launchers
# (fieldlink-console, the GUI; fieldlink, the CLI) on a trimmed runtime.
#   build-console.sh VERSION CONSOLE_JAR OUT_DIR TYPES     TYPES: comma-separated deb, rpm, msi, dmg, pkg, app-image
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
version=${1%-SNAPSHOT} jar=$2 out=$3; shift 3
IFS=', ' read -r -a types <<< "$*"   # "deb,rpm" or "deb rpm"
work="$out/console-work"
rm -rf "$work"; mkdir -p "$work/input" "$out"
cp "$jar" "$work/input/fieldlink-console.jar"
build_runtime "$jar" "$work/runtime"

common=(
  --name fieldlink-console --app-version "$version" --vendor "Fieldlink"
  --description "Fieldlink technician console: remote service sessions to machines through the Fieldlink relay"
  --copyright "Fieldlink" --runtime-image "$work/runtime"
  --input "$work/input" --main-jar fieldlink-console.jar --main-class dev.fieldlink.console.Main
  --add-launcher "fieldlink=$here/console/launcher-fieldlink.properties"
  --java-options "-Xmx1g"
)
for type in "${types[@]}"; do
  case "$type" in
    deb|rpm)
      if [ "$type" = rpm ] && ! command -v rpmbuild >/dev/null; then
        echo "build-console.sh: rpmbuild is missing (Debian package 'rpm'); cannot build the rpm" >&2; exit 1
      fi
      jpackage --type "$type" "${common[@]}" --dest "$out" --resource-dir "$here/console/resources" \
        --icon "$here/console/fieldlink.png" --linux-package-name fieldlink-console \
        --linux-shortcut --linux-menu-group "Network;RemoteAccess" --linux-app-category net \
        --linux-deb-maintainer "Fieldlink <support@fieldlink.dev>" --linux-rpm-license-type "Proprietary"
      ;;
    msi)
      jpackage --type msi "${common[@]}" --dest "$out" --icon "$here/console/fieldlink.ico" \
        --win-menu --win-menu-group Fieldlink --win-shortcut --win-dir-chooser --win-per-user-install \
        --win-upgrade-uuid 6f1c2a3e-5a7b-4d1e-9c55-3c0f0f1e7d21
      ;;
    dmg|pkg)
      # macOS builders make the .icns from the PNG with the system's own tools.
      icons="$work/fieldlink.iconset"; mkdir -p "$icons"
      for size in 16 32 64 128 256; do sips -z $size $size "$here/console/fieldlink.png" --out "$icons/icon_${size}x${size}.png" >/dev/null; done
      iconutil -c icns "$icons" -o "$work/fieldlink.icns"
      jpackage --type "$type" "${common[@]}" --dest "$out" --icon "$work/fieldlink.icns" \
        --mac-package-identifier dev.fieldlink.console --mac-package-name Fieldlink
      ;;
    app-image)
      jpackage --type app-image "${common[@]}" --dest "$out" --icon "$here/console/fieldlink.png"
      ;;
    *) echo "build-console.sh: unknown package type '$type'" >&2; exit 2 ;;
  esac
done
ls -l "$out"

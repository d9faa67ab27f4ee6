# Shared by the package builders: computing a trimmed Java runtime for one application jar.

# Modules the jar needs, computed by jdeps, plus the providers jdeps cannot see because they are loaded as
# services at run time: jdk.crypto.ec (elliptic-curve TLS key exchange and ES256/ed25519 signatures),
# jdk.localedata (German number and date formats), jdk.charsets (legacy code pages some VNC servers send).
# $1 is one application jar, or a directory of jars (an application and its libraries): those are analysed together
# as one class tree, the way a shaded jar would be (jdeps would otherwise resolve their module descriptors).
runtime_modules() {
  local target=$1 computed classes="" jar
  if [ -d "$1" ]; then
    classes=$(mktemp -d)
    for jar in "$1"/*.jar; do
      jar=$(readlink -f "$jar")
      (cd "$classes" && jar xf "$jar") || return 1
    done
    find "$classes" -name module-info.class -delete
    target=$classes
  fi
  computed=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$target") || return 1
  [ -z "$classes" ] || rm -rf "$classes"
  [ -n "$computed" ] || { echo "runtime_modules: jdeps found no modules for $1" >&2; return 1; }
  echo "${computed},jdk.crypto.ec,jdk.localedata,jdk.charsets"
}

# jlink a runtime with exactly those modules into $2.
build_runtime() {
  local jar=$1 out=$2 modules
  modules=$(runtime_modules "$jar")
  echo "runtime for $(basename "$jar"): $modules"
  rm -rf "$out"
  jlink --add-modules "$modules" --include-locales=en,de --strip-debug --no-header-files --no-man-pages \
    --compress=2 --output "$out"
}

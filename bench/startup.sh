#!/usr/bin/env bash
# Start-up benchmark of the console and the sandbox (not a test: it records numbers for BENCHMARKS.md).
#   1. cold start of `fieldlink-console` to a visible sign-in window (on its own Xvfb display)
#   2. `fieldlink sandbox` from start to its JSON line (relay up, every simulated machine online)
#   3. `fieldlink-console --sandbox` to a visible sign-in window with the fleet ready
# Usage: bench/startup.sh [RUNS]   (after ./mvnw -q -DskipTests package; needs Debian's xvfb and x11-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=console-app/target/fieldlink-console.jar
[ -f "$jar" ] || { echo "startup.sh: $jar is missing; run ./mvnw -q -DskipTests package first" >&2; exit 1; }
command -v Xvfb >/dev/null && command -v xwininfo >/dev/null \
  || { echo "startup.sh: needs Xvfb and xwininfo (apt-get install xvfb x11-utils)" >&2; exit 1; }

work=$(mktemp -d)
fdfile="$work/display"
Xvfb -displayfd 3 -screen 0 1920x1200x24 -nolisten tcp 3>"$fdfile" 2>/dev/null &
xvfb=$!
cleanup() { kill "$xvfb" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 100); do [ -s "$fdfile" ] && break; sleep 0.05; done
export DISPLAY=":$(tr -d '[:space:]' < "$fdfile")"
export FIELDLINK_CONFIG_DIR="$work/config"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Milliseconds until a window whose title contains $1 is mapped, for the command in "${@:2}".
until_window() {
  local title=$1; shift
  local start pid out
  out=$(mktemp -p "$work")
  start=$(now_ms)
  "$@" >"$out" 2>&1 &
  pid=$!
  while ! xwininfo -root -tree 2>/dev/null | grep -q "$title\""; do
    kill -0 "$pid" 2>/dev/null || { echo "startup.sh: $* exited early:" >&2; cat "$out" >&2; exit 1; }
    [ $(( $(now_ms) - start )) -lt 120000 ] || { echo "startup.sh: no window '$title' in 120 s" >&2; exit 1; }
    sleep 0.02
  done
  echo $(( $(now_ms) - start ))
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
}

# Milliseconds until the command prints its first line.
until_line() {
  local start pid out err
  out=$(mktemp -p "$work") err=$(mktemp -p "$work")
  start=$(now_ms)
  "$@" >"$out" 2>"$err" &
  pid=$!
  while [ ! -s "$out" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "startup.sh: $* exited early:" >&2; cat "$err" >&2; exit 1; }
    [ $(( $(now_ms) - start )) -lt 120000 ] || { echo "startup.sh: no output in 120 s" >&2; exit 1; }
    sleep 0.02
  done
  echo $(( $(now_ms) - start ))
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
}

summary() { sort -n | awk '{a[NR]=$1} END {printf "median %d ms, min %d ms, max %d ms (%d runs)\n", a[int((NR+1)/2)], a[1], a[NR], NR}'; }

echo "$(java -version 2>&1 | head -1); $(nproc) cores; $runs runs each"
printf 'console cold start to sign-in window:     '
for _ in $(seq 1 "$runs"); do until_window "Fieldlink Console" java -jar "$jar" --relay 127.0.0.1:9; done | summary
printf 'fieldlink sandbox to ready fleet (JSON):  '
for _ in $(seq 1 "$runs"); do until_line java -cp "$jar" dev.fieldlink.console.cli.Fieldlink sandbox; done | summary
printf 'console --sandbox to sign-in window:      '
for _ in $(seq 1 "$runs"); do
  until_window "SANDBOX.*Fieldlink Console" java -jar "$jar" --sandbox
done | summary

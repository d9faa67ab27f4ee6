#!/usr/bin/env bash
# Proves the agent's Debian package on this machine (as root): installs it with dpkg -i (its Depends first), checks
# what it installed (user, modes, the conffile with every customer switch off, the unit neither enabled nor started,
# the unit through systemd-analyze when present), runs the installed fieldlink-agent (--version, status); with the
# relay distribution, starts a relay from it, enrols the installed agent there as its own user and connects it
# headless until the relay counts it; then removes and purges the package and checks that nothing is left.
#   test-agent-deb.sh fieldlink-agent_<version>_<arch>.deb [fieldlink-relay-<version>.tar.gz]
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
deb=$(readlink -f "$1")
tarball=${2:+$(readlink -f "$2")}
work=$(mktemp -d /tmp/fieldlink-agent-deb.XXXXXX)
relay_pid= agent_pid=

fail() { echo "test-agent-deb: $*" >&2; exit 1; }
purge() { dpkg -r fieldlink-agent >/dev/null 2>&1 || true; dpkg -P fieldlink-agent >/dev/null 2>&1 || true; }
cleanup() {
  for pid in $agent_pid $relay_pid; do kill -KILL "$pid" 2>/dev/null || true; done
  purge
  rm -rf "$work"
}
trap cleanup EXIT

wait_for() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

# --- install --------------------------------------------------------------------------------------------------------
# dpkg -i does not fetch dependencies: install what the package declares first.
deps=$(dpkg-deb -f "$deb" Depends | sed 's/([^)]*)//g' | tr -d ' ' | tr ',' ' ')
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $deps >/dev/null
dpkg -i "$deb" >/dev/null

version=$(dpkg-deb -f "$deb" Version)
printed=$(fieldlink-agent --version)
[ "$printed" = "fieldlink-agent $version" ] || [ "$printed" = "fieldlink-agent $version-SNAPSHOT" ] \
  || fail "fieldlink-agent --version printed '$printed', expected fieldlink-agent $version"
[ "$(readlink -f /usr/bin/fieldlink-agent)" = /opt/fieldlink-agent/bin/fieldlink-agent ] \
  || fail "/usr/bin/fieldlink-agent does not lead to the package's launcher"
getent passwd fieldlink-agent | grep -q ':/var/lib/fieldlink-agent:/usr/sbin/nologin$' \
  || fail "the user fieldlink-agent is missing or has a login shell: $(getent passwd fieldlink-agent)"
for f in /etc/fieldlink-agent:700 /etc/fieldlink-agent/agent.yaml:600 /var/lib/fieldlink-agent:700; do
  [ "$(stat -c '%a %U' "${f%:*}")" = "${f#*:} fieldlink-agent" ] \
    || fail "${f%:*} is $(stat -c '%a %U' "${f%:*}"), expected ${f#*:} fieldlink-agent"
done
dpkg-query -W -f='${Conffiles}' fieldlink-agent | grep -q ' /etc/fieldlink-agent/agent.yaml ' \
  || fail "agent.yaml is not a conffile"
if ls /etc/systemd/system/*.wants/fieldlink-agent.service >/dev/null 2>&1; then
  fail "installing enabled the service"
fi
[ -f /lib/systemd/system/fieldlink-agent.service ] || fail "the systemd unit is missing"

# The agent's own loader reads the shipped configuration: not enrolled, every customer switch off.
as_agent() {
  setpriv --reuid=fieldlink-agent --regid=fieldlink-agent --init-groups env -C / HOME=/var/lib/fieldlink-agent "$@"
}
status=$(as_agent fieldlink-agent status)
echo "$status" | grep -q "remoteService=false fileTransfer=false dataUpload=false" \
  || fail "the shipped configuration does not have every switch off: $status"
echo "$status" | grep -q "Machine: *(not enrolled)" || fail "a fresh install claims to be enrolled: $status"
refused=0; fieldlink-agent run >/dev/null 2>&1 || refused=$?
[ "$refused" = 2 ] || fail "fieldlink-agent run as root was not refused (exit $refused)"

if command -v systemd-analyze >/dev/null; then
  problems=$(systemd-analyze verify /lib/systemd/system/fieldlink-agent.service 2>&1) \
    || fail "systemd-analyze verify: $problems"
  [ -z "$problems" ] || fail "systemd-analyze verify: $problems"
  exposure=$(systemd-analyze security --offline=true /lib/systemd/system/fieldlink-agent.service 2>/dev/null \
    | tail -1 || true)
  echo "agent package: systemd unit verified (${exposure#→ })"
else
  echo "agent package: systemd-analyze is missing; the unit file was not verified"
fi
echo "agent package: installed $version, user, modes, conffile, switches off, service not enabled"

# --- enrol and connect to a relay from the distribution -----------------------------------------------------------
if [ -n "$tarball" ]; then
  tar -xzf "$tarball" -C "$work"
  relay=$(echo "$work"/fieldlink-relay-*/bin/fieldlink-relay)
  export FIELDLINK_DATA_DIR=$work/relay-data FIELDLINK_HTTP_PORT=0 FIELDLINK_SSH_PORT=0
  "$relay" serve >"$work/relay.log" 2>&1 &
  relay_pid=$!
  wait_for 90 grep -q '^  data ' "$work/relay.log" || { cat "$work/relay.log" >&2; fail "the relay did not start"; }
  https_port=$(sed -n 's#^  HTTPS API *https://127.0.0.1:\([0-9]*\)$#\1#p' "$work/relay.log")
  fingerprint=$(sed -n 's/^  TLS certificate *\(SHA256:.*\)$/\1/p' "$work/relay.log")
  "$relay" admin machine add --id m-package --serial SN-P --name Cutter --customer ACME --site Plant --region DE \
    --product-line digital-cutter --model X --remote-service >/dev/null
  code=$("$relay" admin machine provision --id m-package | grep -Eo '[0-9A-Z]{4}(-[0-9A-Z]{4}){4}')
  as_agent fieldlink-agent enroll --relay "https://127.0.0.1:$https_port" --code "$code" --machine-id m-package \
    --tls-fingerprint "$fingerprint" >/dev/null
  # The customer's agreement, for this test only; and the simulated HMI, as no display is attached.
  sed -i -e 's/remoteService: false/remoteService: true/' -e 's/source: capture/source: simulated/' \
    /etc/fieldlink-agent/agent.yaml
  grep -q 'remoteService: true' /etc/fieldlink-agent/agent.yaml || fail "could not switch remote service on"
  # Not through as_agent: a function in the background is a subshell, and its pid would not be the agent's.
  setpriv --reuid=fieldlink-agent --regid=fieldlink-agent --init-groups env -C / HOME=/var/lib/fieldlink-agent \
    fieldlink-agent run --headless >"$work/agent.log" 2>&1 &
  agent_pid=$!
  wait_for 60 sh -c "curl -ks --max-time 5 https://127.0.0.1:$https_port/health | grep -q '\"connectedAgents\":1'" \
    || { cat "$work/agent.log" >&2; fail "the installed agent did not connect to the relay"; }
  kill -TERM "$agent_pid"; rc=0; wait "$agent_pid" || rc=$?; agent_pid=
  [ "$rc" = 0 ] || [ "$rc" = 143 ] || { cat "$work/agent.log" >&2; fail "the agent exited with $rc on SIGTERM"; }
  as_agent fieldlink-agent audit verify >/dev/null || fail "the agent's audit log does not verify"
  kill -TERM "$relay_pid"; wait "$relay_pid" || true; relay_pid=
  unset FIELDLINK_DATA_DIR FIELDLINK_HTTP_PORT FIELDLINK_SSH_PORT
  echo "agent package: enrolled with the relay distribution, connected as user fieldlink-agent, stopped"
fi

# --- remove, purge, nothing left ------------------------------------------------------------------------------------
dpkg -r fieldlink-agent >/dev/null
[ ! -e /opt/fieldlink-agent ] && [ ! -e /usr/bin/fieldlink-agent ] || fail "dpkg -r left the program behind"
[ -f /etc/fieldlink-agent/agent.yaml ] || fail "dpkg -r removed the configuration (only purge should)"
dpkg -P fieldlink-agent >/dev/null
for path in /opt/fieldlink-agent /usr/bin/fieldlink-agent /etc/fieldlink-agent /var/lib/fieldlink-agent \
  /lib/systemd/system/fieldlink-agent.service /usr/lib/sysusers.d/fieldlink-agent.conf /usr/share/fieldlink-agent \
  /usr/share/doc/fieldlink-agent /tmp/hsperfdata_fieldlink-agent; do
  [ ! -e "$path" ] || fail "purge left $path behind"
done
! getent passwd fieldlink-agent >/dev/null || fail "purge left the user fieldlink-agent"
! getent group fieldlink-agent >/dev/null || fail "purge left the group fieldlink-agent"
! dpkg -s fieldlink-agent >/dev/null 2>&1 || fail "purge left a package record"
echo "agent package: removed and purged, nothing left"

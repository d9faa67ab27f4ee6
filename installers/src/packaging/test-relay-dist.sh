#!/usr/bin/env bash
# Proves the relay distribution works as shipped: unpacks the tar.gz into a temporary directory, checks its layout,
# starts bin/fieldlink-relay serve with the shipped relay.yaml on free ports (embedded H2), waits for GET /health,
# checks the TLS and SSH fingerprints it printed against what the ports present, runs the admin CLI, and stops it
# with SIGTERM. Then the same against PostgreSQL with the distribution's own set-up SQL and relay.yaml lines (skipped
# with a message when no PostgreSQL answers on 127.0.0.1:5432, unless CI=true), and validates the systemd unit with
# systemd-analyze (skipped with a message when the tool is missing). Leaves nothing behind.
#   test-relay-dist.sh fieldlink-relay-<version>.tar.gz
set -euo pipefail
tarball=$(readlink -f "$1")
work=$(mktemp -d /tmp/fieldlink-relay-dist.XXXXXX)
relay_pid=
pg_db=fl_dist_test_$$ pg_role=fl_dist_test_relay_$$ pg_created=

fail() { echo "test-relay-dist: $*" >&2; exit 1; }
cleanup() {
  if [ -n "$relay_pid" ] && kill -0 "$relay_pid" 2>/dev/null; then kill -KILL "$relay_pid" 2>/dev/null || true; fi
  if [ -n "$pg_created" ]; then
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $pg_db" -c "DROP ROLE IF EXISTS $pg_role" \
      >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

# --- layout -----------------------------------------------------------------------------------------------------
tar -xzf "$tarball" -C "$work"
home=$(echo "$work"/fieldlink-relay-*)
[ -d "$home" ] || fail "the archive has no fieldlink-relay-<version>/ directory"
version=${home##*/fieldlink-relay-}
for f in bin/fieldlink-relay bin/fieldlink-relay.cmd lib/fieldlink-relay.jar conf/relay.yaml conf/relay.env \
  conf/policy.yaml systemd/fieldlink-relay.service systemd/fieldlink-relay.sysusers postgresql/create-database.sql \
  postgresql/relay-postgresql.yaml postgresql/audit-append-only.sql migrations/V1__schema.sql README.md \
  docs/relay.md docs/deploy-relay.md docs/firewall.md docs/openapi.yaml; do
  [ -f "$home/$f" ] || fail "$f is missing from the archive"
done
[ -x "$home/bin/fieldlink-relay" ] || fail "bin/fieldlink-relay is not executable"
grep -q $'\r$' "$home/bin/fieldlink-relay.cmd" || fail "bin/fieldlink-relay.cmd lacks Windows line endings"
if grep -q $'\r' "$home/bin/fieldlink-relay"; then fail "bin/fieldlink-relay has Windows line endings"; fi
mkdir "$work/jar" && (cd "$work/jar" && jar xf "$home/lib/fieldlink-relay.jar" db/migration)
diff -r "$work/jar/db/migration" "$home/migrations" >/dev/null || fail "migrations/ differs from the migrations in the jar"
printed=$("$home/bin/fieldlink-relay" --version)
[ "$printed" = "fieldlink-relay $version" ] || [ "$printed" = "fieldlink-relay $version-SNAPSHOT" ] \
  || fail "--version printed '$printed', expected fieldlink-relay $version"
echo "relay distribution: layout ok, $printed"

# --- run it -----------------------------------------------------------------------------------------------------
# Starts the relay with config $1 and data directory $2 on free ports; sets https_port, ssh_port, log.
start_relay() {
  log=$work/relay-$RANDOM.log
  FIELDLINK_DATA_DIR=$2 FIELDLINK_HTTP_PORT=0 FIELDLINK_SSH_PORT=0 \
    "$home/bin/fieldlink-relay" serve --config "$1" >"$log" 2>&1 &
  relay_pid=$!
  wait_for 90 grep -q '^  data ' "$log" || { cat "$log" >&2; fail "the relay did not start within 90 s"; }
  https_port=$(sed -n 's#^  HTTPS API *https://127.0.0.1:\([0-9]*\)$#\1#p' "$log")
  ssh_port=$(sed -n 's#^  SSH endpoint *[^ ]*:\([0-9]*\)$#\1#p' "$log")
  [ -n "$https_port" ] && [ -n "$ssh_port" ] || { cat "$log" >&2; fail "no ports in the relay's banner"; }
}

health() { curl -ks --max-time 5 "https://127.0.0.1:$https_port/health"; }

stop_relay() {
  kill -TERM "$relay_pid"
  local code=0
  wait "$relay_pid" || code=$?
  relay_pid=
  # 143: the JVM's exit after SIGTERM, once the relay closed channels and the database (SuccessExitStatus=143).
  [ "$code" = 0 ] || [ "$code" = 143 ] || { cat "$log" >&2; fail "the relay exited with $code on SIGTERM"; }
}

data=$work/data
start_relay "$home/conf/relay.yaml" "$data"
wait_for 30 health >/dev/null || { cat "$log" >&2; fail "GET /health did not answer"; }
answer=$(health)
echo "$answer" | grep -q '"status":"ok"' || fail "GET /health answered $answer"

# The fingerprints it printed are the ones its ports present (what consoles and agents pin).
tls_printed=$(sed -n '/TLS certificate/{n;p}' "$log" | tr -d ' ')
tls_seen=$(openssl s_client -connect "127.0.0.1:$https_port" </dev/null 2>/dev/null \
  | openssl x509 -noout -fingerprint -sha256 | sed 's/.*=//')
[ "$tls_printed" = "$tls_seen" ] || fail "TLS fingerprint printed $tls_printed, port presents $tls_seen"
ssh_printed=$(sed -n 's/^  SSH host key *//p' "$log")
ssh_seen=$(ssh-keyscan -t ed25519 -p "$ssh_port" 127.0.0.1 2>/dev/null | ssh-keygen -lf - | awk '{print $2}')
[ "$ssh_printed" = "$ssh_seen" ] || fail "SSH host key printed $ssh_printed, port presents $ssh_seen"
[ "$(stat -c %a "$data")" = 700 ] || fail "the data directory is not mode 0700"

# The admin CLI works next to the running relay (embedded H2 in server mode).
FIELDLINK_DATA_DIR=$data "$home/bin/fieldlink-relay" admin machine add --config "$home/conf/relay.yaml" --id m-dist \
  --serial SN-1 --name Cutter --customer ACME --site Plant --region DE --product-line digital-cutter --model X \
  >/dev/null
FIELDLINK_DATA_DIR=$data "$home/bin/fieldlink-relay" admin machine list --config "$home/conf/relay.yaml" \
  | grep -q m-dist || fail "admin machine list does not show the machine just added"
stop_relay
echo "relay distribution: served on H2 (HTTPS $https_port, SSH $ssh_port), /health up, fingerprints match, admin CLI ok, stopped"

# --- PostgreSQL, with the distribution's own set-up -------------------------------------------------------------
if ! command -v pg_isready >/dev/null || ! pg_isready -q -h 127.0.0.1 -p 5432; then
  [ "${CI:-}" != true ] || fail "PostgreSQL does not answer on 127.0.0.1:5432 (needed with CI=true)"
  echo "relay distribution: PostgreSQL test skipped (nothing answers on 127.0.0.1:5432)"
else
  password=$(openssl rand -hex 16)
  install -m 0600 /dev/null "$work/db.password"
  echo "$password" >"$work/db.password"
  sed -e "s/\bfieldlink_relay\b/$pg_role/g" -e "s/\bfieldlink\b/$pg_db/g" "$home/postgresql/create-database.sql" \
    >"$work/create.sql"
  pg_created=1
  psql -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -v password="$password" -f "$work/create.sql" \
    >/dev/null
  { echo "dataDir: $work/pgdata"
    sed -e "s#url: .*#url: jdbc:postgresql://127.0.0.1:5432/$pg_db#" -e "s#user: .*#user: $pg_role#" \
      -e "s#passwordFile: .*#passwordFile: $work/db.password#" "$home/postgresql/relay-postgresql.yaml"
  } >"$work/pg.yaml"
  start_relay "$work/pg.yaml" "$work/pgdata"
  wait_for 30 health >/dev/null || { cat "$log" >&2; fail "GET /health did not answer on PostgreSQL"; }
  psql -q -h 127.0.0.1 -U postgres -d "$pg_db" -v ON_ERROR_STOP=1 -f "$home/postgresql/audit-append-only.sql" \
    >/dev/null
  "$home/bin/fieldlink-relay" admin machine add --config "$work/pg.yaml" --id m-pg --serial SN-2 --name Press \
    --customer ACME --site Plant --region DE --product-line printing-press --model Y >/dev/null
  events=$(psql -tA -h 127.0.0.1 -U "$pg_role" -d "$pg_db" -c "SELECT count(*) FROM audit_events")
  [ "$events" -ge 1 ] || fail "no audit events in PostgreSQL"
  refused=$(psql -q -h 127.0.0.1 -U "$pg_role" -d "$pg_db" -c "DELETE FROM audit_events" 2>&1 || true)
  echo "$refused" | grep -q "audit_events is append-only: DELETE refused" \
    || fail "audit-append-only.sql did not stop a DELETE on audit_events: $refused"
  "$home/bin/fieldlink-relay" audit verify --config "$work/pg.yaml" >/dev/null || fail "audit verify failed on PostgreSQL"
  stop_relay
  echo "relay distribution: served on PostgreSQL with create-database.sql and relay-postgresql.yaml; audit events append-only"
fi

# --- the systemd unit -------------------------------------------------------------------------------------------
if ! command -v systemd-analyze >/dev/null; then
  echo "relay distribution: systemd-analyze is missing; the unit file was not verified"
else
  # verify needs ExecStart to exist: check a copy that points at the unpacked launcher.
  sed "s#/opt/fieldlink-relay/bin/fieldlink-relay#$home/bin/fieldlink-relay#" \
    "$home/systemd/fieldlink-relay.service" >"$work/fieldlink-relay.service"
  problems=$(systemd-analyze verify "$work/fieldlink-relay.service" 2>&1) || fail "systemd-analyze verify: $problems"
  [ -z "$problems" ] || fail "systemd-analyze verify: $problems"
  exposure=$(systemd-analyze security --offline=true "$work/fieldlink-relay.service" 2>/dev/null | tail -1 || true)
  echo "relay distribution: systemd unit verified (${exposure#→ })"
fi

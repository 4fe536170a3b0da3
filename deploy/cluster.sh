#!/usr/bin/env bash
# gridwatch on one machine as it runs on several: PostgreSQL primary [+ streaming replica],
# PgBouncer in transaction mode, two stateless API replicas, HAProxy on one URL.
#
#   deploy/cluster.sh start | stop | status        (pnpm cluster / pnpm cluster:stop)
#   deploy/cluster.sh load                         (pnpm cluster:load: the load test against it)
#   deploy/cluster.sh restart-api <n>              (starts API process n again when it is down)
#
# As root on a fresh Debian it installs pgbouncer and haproxy when missing (apt-get). Needs
# Node >= 20.19. Settings (environment): GW_CLUSTER_DIR (state, logs), GW_CLUSTER_HOST and
# GW_CLUSTER_PORT (the one URL, default 127.0.0.1:8080), PG_BIN (a PostgreSQL 17 bin directory;
# default the embedded binaries in node_modules), DATABASE_REPLICA_MAX_LAG_MS (the APIs' lag
# budget for the replica, default 5000), GW_NO_REPLICA=1 (primary only). README: "Deploying
# beyond one machine".
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
API="$REPO/api"
if [ "$(id -u)" = 0 ]; then DEFAULT_DIR=/var/lib/gridwatch/cluster; else DEFAULT_DIR="$REPO/.data/cluster"; fi
DIR="${GW_CLUSTER_DIR:-$DEFAULT_DIR}"
HOST="${GW_CLUSTER_HOST:-127.0.0.1}"
PORT="${GW_CLUSTER_PORT:-8080}"
PG_PORT="${GW_PRIMARY_PORT:-55432}"
REPLICA_PORT="${GW_REPLICA_PORT:-55433}"
BOUNCER_PORT="${GW_PGBOUNCER_PORT:-6432}"
API_PORTS=(${GW_API_PORTS:-4101 4102})
DB=gridwatch
PNPM=(npx -y pnpm@12.4.2)

say() { printf 'cluster: %s\n' "$*"; }
die() { printf 'cluster: %s\n' "$*" >&2; exit 1; }
# Daemons refuse to run as root: as root they run as Debian's postgres user.
as_daemon() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
wait_for() { # wait_for <what> <seconds> <command...>
  local what="$1" seconds="$2"; shift 2
  for _ in $(seq $((seconds * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  die "$what did not come up in ${seconds}s (logs in $DIR/logs)"
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
http_ok() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"; }

ensure_packages() {
  local missing=()
  command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
  command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
  getent passwd postgres >/dev/null || [ "$(id -u)" != 0 ] || missing+=(postgresql-common)
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "missing ${missing[*]}: run as root (it installs them) or: sudo apt-get install -y ${missing[*]}"
    say "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  export PATH="$PATH:/usr/sbin:/sbin"
  command -v node >/dev/null || die "Node >= 20.19 is needed (https://nodejs.org or NodeSource's Debian packages)"
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' || die "Node >= 20.19 is needed, found $(node -v)"
}

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  (cd "$API" && node -e '
    const fs = require("fs"), path = require("path");
    const library = fs.realpathSync(path.join(path.dirname(require.resolve("embedded-postgres")), ".."));
    console.log(path.join(fs.realpathSync(path.join(library, "..", "@embedded-postgres", `${process.platform}-${process.arch}`)), "native", "bin"));')
}

start_primary() {
  local bin data="$DIR/primary"
  bin="$(pg_bin)"
  if [ ! -f "$data/PG_VERSION" ]; then
    say "creating the primary in $data"
    mkdir -p "$data" && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$DIR/secrets/owner-password"
    [ "$(id -u)" = 0 ] && chown -R postgres: "$data" "$DIR/secrets"
    as_daemon "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile="$DIR/secrets/owner-password" -E UTF8 --locale=C >"$DIR/logs/initdb.log"
    cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '${GW_PRIMARY_LISTEN:-127.0.0.1}'
port = $PG_PORT
unix_socket_directories = ''
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
max_connections = 200
CONF
  fi
  if as_daemon "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then say "primary already running"; return; fi
  as_daemon "$bin/pg_ctl" -D "$data" -l "$DIR/logs/primary.log" -w -t 60 start >/dev/null
  say "primary on 127.0.0.1:$PG_PORT"
}

owner_url() { echo "postgres://postgres:$(cat "$DIR/secrets/owner-password")@127.0.0.1:$PG_PORT/$DB"; }

# `pnpm replica` (api/src/cli/replica.ts) makes a streaming standby of the primary in
# $DIR/replica (a copy through the backup API, a physical replication slot) and runs it. The
# APIs reach it directly, not through PgBouncer: a replica that is down then refuses at once and
# their reads fall back to the primary, where PgBouncer would queue them (server_login_retry);
# each API holds at most two pools of 10 there, far below its max_connections.
start_replica() {
  if [ -n "${GW_NO_REPLICA:-}" ]; then say "GW_NO_REPLICA: no replica, every read goes to the primary"; return; fi
  if alive "$DIR/run/replica.pid"; then say "replica already running"; return; fi
  # A standby whose node parent died (killed) still holds the port: stopped before it starts again.
  if [ -f "$DIR/replica/postmaster.pid" ]; then as_daemon "$(pg_bin)/pg_ctl" -D "$DIR/replica" -m fast -w stop >/dev/null 2>&1 || true; fi
  local command=create
  [ -f "$DIR/replica/PG_VERSION" ] && command=start
  # In a subshell (its own directory), everything redirected: the pid is node's, and no output holds the caller's pipe.
  (cd "$API" && { nohup node -r @swc-node/register src/cli/replica.ts "$command" --primary "$(owner_url)" --data-dir "$DIR/replica" --port "$REPLICA_PORT" \
    >"$DIR/logs/replica.log" 2>&1 </dev/null & echo $! >"$DIR/run/replica.pid"; })
  wait_for "the replica" 180 port_open "$REPLICA_PORT"
  say "replica on 127.0.0.1:$REPLICA_PORT (streaming from the primary, slot gridwatch_replica)"
}

# What the APIs read from: the replica when it runs (the credentials are the primary's app role, db/read-target.ts).
replica_url() { if alive "$DIR/run/replica.pid"; then echo "postgres://127.0.0.1:$REPLICA_PORT/$DB"; fi; }
# Kept in the state dir, so an API restarted later (restart-api) gets the budget the others run with.
max_lag_ms() { echo "${DATABASE_REPLICA_MAX_LAG_MS:-$(cat "$DIR/run/max-lag-ms" 2>/dev/null || echo 5000)}"; }

start_pgbouncer() {
  local conf="$DIR/pgbouncer"
  mkdir -p "$conf"
  echo "$1" >"$conf/userlist.txt"
  sed -e "s|@DATABASE@|$DB = host=127.0.0.1 port=$PG_PORT dbname=$DB|" -e "s|@PORT@|$BOUNCER_PORT|" -e "s|@DIR@|$conf|g" "$REPO/deploy/pgbouncer.ini.template" >"$conf/pgbouncer.ini"
  [ "$(id -u)" = 0 ] && chown -R postgres: "$conf" && chmod 600 "$conf/userlist.txt"
  if alive "$conf/pgbouncer.pid"; then kill -HUP "$(cat "$conf/pgbouncer.pid")"; say "pgbouncer reloaded"; return; fi
  if [ "$(id -u)" = 0 ]; then pgbouncer -d -u postgres "$conf/pgbouncer.ini"; else pgbouncer -d "$conf/pgbouncer.ini"; fi
  wait_for pgbouncer 20 port_open "$BOUNCER_PORT"
  say "pgbouncer (transaction mode) on 127.0.0.1:$BOUNCER_PORT"
}

start_api() { # start_api <n> <port>
  local pidfile="$DIR/run/api$1.pid"
  if alive "$pidfile"; then say "api$1 already running"; return; fi
  (cd "$API" && { DATABASE_URL="$(owner_url)" DATABASE_POOLER_URL="postgres://127.0.0.1:$BOUNCER_PORT/$DB" \
    DATABASE_REPLICA_URL="$(replica_url)" DATABASE_REPLICA_MAX_LAG_MS="$(max_lag_ms)" PORT="$2" HOST=127.0.0.1 EVIDENCE_DIR="$DIR/evidence" LOG_LEVEL="${LOG_LEVEL:-warn}" \
    nohup node -r @swc-node/register src/main.ts >"$DIR/logs/api$1.log" 2>&1 </dev/null & echo $! >"$pidfile"; })
  wait_for "api$1" 120 http_ok "http://127.0.0.1:$2/readyz"
  say "api$1 on 127.0.0.1:$2"
}

start_haproxy() {
  local servers="" i=1
  for port in "${API_PORTS[@]}"; do servers+="  server api$i 127.0.0.1:$port"$'\n'; i=$((i + 1)); done
  awk -v listen="$HOST:$PORT" -v servers="$servers" '{ sub(/@LISTEN@/, listen); if ($0 == "@SERVERS@") printf "%s", servers; else print }' \
    "$REPO/deploy/haproxy.cfg.template" >"$DIR/haproxy.cfg"
  haproxy -c -q -f "$DIR/haproxy.cfg"
  if alive "$DIR/run/haproxy.pid"; then
    haproxy -D -p "$DIR/run/haproxy.pid" -f "$DIR/haproxy.cfg" -sf "$(cat "$DIR/run/haproxy.pid")"
  else
    haproxy -D -p "$DIR/run/haproxy.pid" -f "$DIR/haproxy.cfg"
  fi
  wait_for haproxy 20 http_ok "http://$HOST:$PORT/readyz"
}

start() {
  ensure_packages
  mkdir -p "$DIR"/{logs,run,secrets,evidence}
  chmod 700 "$DIR/secrets"
  [ "$(id -u)" = 0 ] && chmod 755 "$DIR" && chown postgres: "$DIR/logs"
  if [ ! -d "$REPO/node_modules" ]; then say "installing dependencies"; (cd "$REPO" && "${PNPM[@]}" install --frozen-lockfile); fi
  (cd "$REPO" && "${PNPM[@]}" --filter @gridwatch/seeds build >/dev/null && "${PNPM[@]}" --filter @gridwatch/admin build:if-stale >/dev/null)
  start_primary
  # Migrations, the Hefei seed and the app role's login, once, before any replica starts.
  local login
  login="$(cd "$API" && DATABASE_URL="$(owner_url)" node -r @swc-node/register src/cli/prepare-database.ts 2>>"$DIR/logs/prepare.log")"
  start_replica
  max_lag_ms >"$DIR/run/max-lag-ms.new" && mv "$DIR/run/max-lag-ms.new" "$DIR/run/max-lag-ms"
  start_pgbouncer "$login"
  local i=1
  for port in "${API_PORTS[@]}"; do start_api "$i" "$port"; i=$((i + 1)); done
  start_haproxy
  say "gridwatch is up on http://$HOST:$PORT (state and logs in $DIR; stop: pnpm cluster:stop)"
}

stop_pid() { # stop_pid <name> <pidfile> [signal]
  if alive "$2"; then
    local pid; pid="$(cat "$2")"
    kill -"${3:-TERM}" "$pid"
    for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { say "$1 did not stop in 30s: killing it"; kill -KILL "$pid"; }
    say "$1 stopped"
  fi
  rm -f "$2"
}

stop() {
  [ -d "$DIR" ] || { say "nothing to stop in $DIR"; return; }
  stop_pid haproxy "$DIR/run/haproxy.pid" USR1 # USR1: finish the open connections, then exit
  local i=1
  for _ in "${API_PORTS[@]}"; do stop_pid "api$i" "$DIR/run/api$i.pid"; i=$((i + 1)); done # SIGTERM drains
  stop_pid pgbouncer "$DIR/pgbouncer/pgbouncer.pid" INT
  stop_pid replica "$DIR/run/replica.pid" # its node process stops the standby (fast shutdown)
  if [ -f "$DIR/replica/postmaster.pid" ]; then as_daemon "$(pg_bin)/pg_ctl" -D "$DIR/replica" -m fast -w stop >/dev/null && say "replica's server stopped"; fi
  if [ -f "$DIR/primary/postmaster.pid" ]; then as_daemon "$(pg_bin)/pg_ctl" -D "$DIR/primary" -m fast -w stop >/dev/null && say "primary stopped"; fi
}

status() {
  for name in haproxy api1 api2 replica; do
    if alive "$DIR/run/$name.pid"; then say "$name running (pid $(cat "$DIR/run/$name.pid"))"; else say "$name stopped"; fi
  done
  if alive "$DIR/pgbouncer/pgbouncer.pid"; then say "pgbouncer running"; else say "pgbouncer stopped"; fi
  if [ -f "$DIR/primary/postmaster.pid" ]; then say "primary running"; else say "primary stopped"; fi
  if [ -f "$DIR/replica/postmaster.pid" ]; then say "replica's server running on 127.0.0.1:$REPLICA_PORT"; fi
}

restart_api() { # restart_api <n>: an API process that is down (killed, crashed) starts again
  local n="$1" port="${API_PORTS[$(($1 - 1))]:-}"
  [ -n "$port" ] || die "no API process $n (GW_API_PORTS: ${API_PORTS[*]})"
  start_api "$n" "$port"
}

# The load test of server/__tests__/cluster-load.e2e.spec.ts against this cluster: writers read
# their own writes back through HAProxy while api1 is killed and restarted and the replica lags.
load() {
  alive "$DIR/run/haproxy.pid" || die "the cluster is not running (pnpm cluster)"
  local standby=()
  if alive "$DIR/run/replica.pid"; then standby=(--standby "postgres://postgres:$(cat "$DIR/secrets/owner-password")@127.0.0.1:$REPLICA_PORT/postgres"); fi
  (cd "$API" && node -r @swc-node/register src/test/load/run-cluster-load.ts --url "http://$HOST:$PORT" "${standby[@]}" \
    --budget-ms "$(max_lag_ms)" \
    --kill "pid=\$(cat '$DIR/run/api1.pid'); kill -KILL \$pid; while kill -0 \$pid 2>/dev/null; do sleep 0.1; done" --restart "bash '$REPO/deploy/cluster.sh' restart-api 1")
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  load) load ;;
  restart-api) ensure_packages; restart_api "${2:-1}" ;;
  *) echo "usage: deploy/cluster.sh start|stop|status|load|restart-api <n>" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on 127.0.0.1 for the store and API tests (README "Testing against PostgreSQL").
#   eval "$(bash scripts/pg-start.sh)"        starts one; prints the exports: PG_TMP and DATABASE_URL (plus PGHOST,
#                                             PGPORT, PGUSER, PGDATABASE for psql)
#   bash scripts/pg-start.sh stop "$PG_TMP"   stops it and deletes its folder (PG_TMP from the environment if omitted)
# Environment: PGBIN (default /usr/lib/postgresql/15/bin; apt-get install postgresql), PG_DB (database, default app).
# Everything lives in one temporary folder (data, socket, log): nothing is installed, nothing outlives `stop`.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DB=${PG_DB:-app}

# initdb and postgres refuse to run as root, so as root they run as the `postgres` user (created when missing).
as_owner=()
if [ "$(id -u)" = 0 ]; then
  id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  as_owner=(runuser -u postgres --)
fi

stop() {
  local dir=${1:-${PG_TMP:-}}
  [ -n "$dir" ] || { echo "usage: pg-start.sh stop PG_TMP" >&2; exit 2; }
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as_owner[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

start() {
  [ -x "$PGBIN/postgres" ] || { echo "pg-start: no PostgreSQL in $PGBIN (apt-get install postgresql, or set PGBIN)" >&2; exit 1; }
  local dir port
  dir=$(mktemp -d -t pgtest.XXXXXX)
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  # Trust on loopback only (listen_addresses below): a test cluster with no password that nobody else can reach.
  if ! "${as_owner[@]}" "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    exit 1
  fi
  # Durability off: the cluster is thrown away, and the tests run several times faster without fsync.
  local options="-c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  # The free port is only free until someone takes it: try again with another one if the start fails.
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if "${as_owner[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -o "$options -p $port" start \
      >/dev/null 2>&1; then
      "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DB" || { stop "$dir"; exit 1; }
      echo "export PG_TMP=$dir PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=$DB" \
        "DATABASE_URL=postgres://postgres@127.0.0.1:$port/$DB"
      return
    fi
  done
  cat "$dir/server.log" >&2
  rm -rf "$dir"
  exit 1
}

case "${1:-start}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: pg-start.sh [start | stop PG_TMP]" >&2; exit 2 ;;
esac

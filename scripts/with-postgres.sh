#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL 15 server: initdb in a temporary directory,
# listening on 127.0.0.1 at a free port, selected through DATABASE_URL; stopped and removed on
# exit, also on failure.   Usage: scripts/with-postgres.sh make test
set -euo pipefail

PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$PGBIN/initdb" ]; then
    echo "PostgreSQL 15 ontbreekt ($PGBIN/initdb); installeer postgresql-15." >&2
    exit 1
fi

PGTMP="$(mktemp -d /tmp/cms-pg.XXXXXX)"
PGDATA="$PGTMP/data"
PGPORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

# initdb refuses to run as root: use the postgres user when we are root.
if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PGTMP"
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi

stop_postgres() {
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGTMP"
}
trap stop_postgres EXIT

as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGTMP/server.log" -w \
    -o "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres expertbibliotheek

echo "PostgreSQL 15 op 127.0.0.1:$PGPORT"
DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/expertbibliotheek" "$@"

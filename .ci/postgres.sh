#!/usr/bin/env bash
# Installs PostgreSQL 15 from Debian's packages (if missing), starts it on 127.0.0.1:5432 and makes a role
# "gg" (password "gg") that may create databases. Prints the connection string for GG_POSTGRES.
set -euo pipefail
# Everything but the connection string goes to stderr, so that GG_POSTGRES="$(bash .ci/postgres.sh)" works.
# The setup runs with fd 3 (the caller's stdout) closed: the server it starts outlives this script, and a
# server holding the caller's pipe open would make "$(...)" wait for ever (CI timed out on exactly that).
exec 3>&1 1>&2

setup() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql/15 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  if ! pg_lsclusters -h | grep -q '^15 *main'; then
    pg_createcluster 15 main >/dev/null
  fi
  if ! pg_lsclusters -h | grep -q '^15 *main .*online'; then
    # Started with every descriptor above stderr closed, so the server holds none of the caller's pipes.
    (
      for fd in /proc/$BASHPID/fd/*; do
        fd=${fd##*/}
        if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
      done
      pg_ctlcluster 15 main start
    )
  fi
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p 5432 -q && break
    sleep 1
  done
  pg_isready -h 127.0.0.1 -p 5432
  su postgres -c "psql -q -v ON_ERROR_STOP=1 -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gg') THEN CREATE ROLE gg LOGIN CREATEDB PASSWORD 'gg'; END IF; END \\\$\\\$;\""
  # Test databases are dropped WITH (FORCE), which ends sessions still open on them: that needs pg_signal_backend.
  su postgres -c "psql -q -v ON_ERROR_STOP=1 -c 'GRANT pg_signal_backend TO gg;'"
}

setup 3>&- </dev/null
echo "Host=127.0.0.1;Port=5432;Username=gg;Password=gg;Database=postgres" >&3

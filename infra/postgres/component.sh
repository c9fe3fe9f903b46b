# shellcheck shell=bash
# Sourced by ./omni: PostgreSQL, installed from Debian; a throwaway cluster in .omni/postgres with one database per
# service (DATABASES in ./omni). The first to start: the services and Keycloak keep their data there.
# shellcheck disable=SC2154 # ROOT, STATE, LOGS, RUN and DATABASES are set by ./omni

register_infra 10 postgres
PG_PORT=15432

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_admin() { as_postgres "$(pg_bin)/psql" -h "$STATE/postgres" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

start_postgres() {
  local dir="$STATE/postgres"
  if [ -z "$(pg_bin)" ]; then
    apt_install postgresql
  fi
  if as_postgres "$(pg_bin)/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    say "postgres already running on 127.0.0.1:$PG_PORT"
    return
  fi
  if port_open "$PG_PORT"; then
    say "postgres of another checkout answers on 127.0.0.1:$PG_PORT: reusing it"
    return
  fi
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  if [ ! -s "$dir/data/PG_VERSION" ]; then
    say "creating a throwaway PostgreSQL cluster in $dir/data"
    as_postgres "$(pg_bin)/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$LOGS/postgres-init.log" 2>&1 \
      || component_failed postgres "$LOGS/postgres-init.log" "initdb"
  fi
  say "starting postgres on 127.0.0.1:$PG_PORT"
  : >"$LOGS/postgres.log"
  [ "$(id -u)" = 0 ] && chown postgres "$LOGS/postgres.log"
  as_postgres "$(pg_bin)/pg_ctl" -D "$dir/data" -l "$LOGS/postgres.log" -w -t 60 start \
    -o "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=256MB" \
    >/dev/null || component_failed postgres "$LOGS/postgres.log" "pg_ctl start"
  as_postgres "$(pg_bin)/pg_ctl" -D "$dir/data" status | awk '/PID/ {gsub(/[()]/,""); print $NF}' >"$RUN/postgres.pid" || true
  create_databases
}

# One role and database per service (plus a _test database for its tests), and one for Keycloak.
create_databases() {
  local entry db owner
  for entry in "${DATABASES[@]}"; do
    db="${entry%%:*}"
    owner="${entry##*:}"
    if [ -z "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$owner'")" ]; then
      psql_admin -c "CREATE ROLE $owner LOGIN PASSWORD '$owner'" >/dev/null
    fi
    if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
      psql_admin -c "CREATE DATABASE $db OWNER $owner" >/dev/null
    fi
  done
}

stop_postgres() {
  local dir="$STATE/postgres"
  if [ -n "$(pg_bin)" ] && [ -d "$dir/data" ] && as_postgres "$(pg_bin)/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    say "stopping postgres"
    as_postgres "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  fi
  rm -f "$RUN/postgres.pid"
}

running_postgres() {
  [ -n "$(pg_bin)" ] && [ -d "$STATE/postgres/data" ] && as_postgres "$(pg_bin)/pg_ctl" -D "$STATE/postgres/data" status >/dev/null 2>&1
}
health_postgres() { as_postgres "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; }
where_postgres() { echo "127.0.0.1:$PG_PORT"; }

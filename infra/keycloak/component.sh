# shellcheck shell=bash
# Sourced by ./omni: Keycloak, downloaded from Maven Central, built once for PostgreSQL (after it: its database is
# there), with the realm of infra/keycloak/omnichannel-realm.json and the settings of infra/keycloak/quarkus.properties.
# shellcheck disable=SC2154 # ROOT, STATE, LOGS and JDK are set by ./omni, PG_PORT by infra/postgres

register_infra 30 keycloak
KEYCLOAK_VERSION=26.7.3
KEYCLOAK_PORT=8180
KEYCLOAK_MANAGEMENT_PORT=9190

start_keycloak() {
  local dir="$STATE/keycloak" home zip realm_hash
  home="$dir/keycloak-$KEYCLOAK_VERSION"
  if is_running keycloak; then
    say "keycloak already running on http://localhost:$KEYCLOAK_PORT"
    return
  fi
  if [ "$(health_of keycloak)" = UP ]; then
    say "keycloak of another checkout answers on http://localhost:$KEYCLOAK_PORT: reusing it"
    return
  fi
  port_open "$KEYCLOAK_PORT" && fail "port $KEYCLOAK_PORT is taken by a process that is not keycloak"
  if [ ! -x "$home/bin/kc.sh" ]; then
    zip="$(m2_artifact org.keycloak keycloak-quarkus-dist "$KEYCLOAK_VERSION" zip)"
    say "unpacking Keycloak $KEYCLOAK_VERSION"
    mkdir -p "$dir"
    (cd "$dir" && "$JDK/bin/jar" xf "$zip") && chmod +x "$home"/bin/*.sh
  fi
  if [ ! -f "$home/.omni-built" ]; then
    say "building Keycloak for PostgreSQL (once, about a minute)"
    "$home/bin/kc.sh" build --db=postgres --health-enabled=true >"$LOGS/keycloak-build.log" 2>&1 \
      || component_failed keycloak "$LOGS/keycloak-build.log" "kc.sh build"
    touch "$home/.omni-built"
  fi
  # The realm is imported into an empty database: a changed realm file starts from a fresh one.
  realm_hash="$(sha256sum "$ROOT/infra/keycloak/omnichannel-realm.json" | cut -c1-64)"
  if [ "$(cat "$dir/realm.sha256" 2>/dev/null)" != "$realm_hash" ]; then
    say "importing realm omnichannel from infra/keycloak/omnichannel-realm.json"
    psql_admin -c "DROP DATABASE IF EXISTS keycloak" >/dev/null
    psql_admin -c "CREATE DATABASE keycloak OWNER keycloak" >/dev/null
    echo "$realm_hash" >"$dir/realm.sha256"
  fi
  mkdir -p "$home/data/import"
  cp "$ROOT/infra/keycloak/omnichannel-realm.json" "$home/data/import/"
  cp "$ROOT/infra/keycloak/quarkus.properties" "$home/conf/"
  say "starting keycloak on http://localhost:$KEYCLOAK_PORT"
  spawn keycloak env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_APPEND="-Xms128m -Xmx768m" \
    "$home/bin/kc.sh" start --optimized --import-realm --cache=local \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --hostname="http://localhost:$KEYCLOAK_PORT" --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
    --db-url="jdbc:postgresql://127.0.0.1:$PG_PORT/keycloak" --db-username=keycloak --db-password=keycloak
  wait_for keycloak 180 "http_ok http://localhost:$KEYCLOAK_PORT/realms/omnichannel/.well-known/openid-configuration"
}

health_keycloak() { http_ok "http://localhost:$KEYCLOAK_PORT/realms/omnichannel"; }
where_keycloak() { echo "http://localhost:$KEYCLOAK_PORT"; }

#!/bin/sh
# Runs once, when the data volume is empty: one database and one owner per service (the
# gateway's holds its view model), and one for Keycloak. Nobody but the owner may connect to a
# database. A database added here later is not created on an existing volume (k8s/README.md).
set -eu

create_database() {
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="$1" -v owner="$2" -v password="$3" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
}

create_database customer "$CUSTOMER_DB_USERNAME" "$CUSTOMER_DB_PASSWORD"
create_database inventory "$INVENTORY_DB_USERNAME" "$INVENTORY_DB_PASSWORD"
create_database messaging "$MESSAGING_DB_USERNAME" "$MESSAGING_DB_PASSWORD"
create_database gateway "$GATEWAY_DB_USERNAME" "$GATEWAY_DB_PASSWORD"
create_database keycloak "$KEYCLOAK_DB_USERNAME" "$KEYCLOAK_DB_PASSWORD"

#!/bin/sh
# One database per service and one for Keycloak, each owned by its own login role with its own password (the
# environment docker-compose.yml passes from .env). A service's role reaches only its own database. Runs once, when
# PostgreSQL initialises an empty data volume (docker-entrypoint-initdb.d); the local launcher creates its own.
set -eu

database() { # name password: role and database of the same name
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        -v name="$1" -v password="$2" <<'SQL'
create role :"name" login password :'password';
create database :"name" owner :"name";
revoke all on database :"name" from public;
SQL
}

database proposal "$PROPOSAL_DB_PASSWORD"
database target "$TARGET_DB_PASSWORD"
database followup "$FOLLOWUP_DB_PASSWORD"
database ideabank "$IDEABANK_DB_PASSWORD"
database keycloak "$KEYCLOAK_DB_PASSWORD"

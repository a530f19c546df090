#!/bin/sh
# Runs once, when the postgres container initialises its data volume: the app's login role, which
# owns nothing. The owner (POSTGRES_USER) migrates and grants it what it needs at each start.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="${APP_DB_PASSWORD:-baseline_app}" <<'SQL'
CREATE ROLE baseline_app LOGIN PASSWORD :'app_password';
SQL

#!/usr/bin/env bash
# Creates the role the dashboard connects (and Flyway migrates) as: a login role that is not a superuser,
# cannot create databases or roles, and owns the brandsignal database and its public schema, so
# everything Flyway creates belongs to it (tables an earlier stack created as the superuser are handed
# over). The postgres image runs this once, as the superuser, when the data volume is empty. Run it
# again to set a new password, or once on a stack from before this role (docs/operations.md, "Security"):
#   docker compose exec postgres bash /docker-entrypoint-initdb.d/10-application-role.sh
# (the container's environment already holds POSTGRES_APP_USER and POSTGRES_APP_PASSWORD).
set -euo pipefail

: "${POSTGRES_APP_USER:?POSTGRES_APP_USER is required}"
: "${POSTGRES_APP_PASSWORD:?POSTGRES_APP_PASSWORD is required}"
database=${POSTGRES_DB:-brandsignal}

# psql variables (:"name" quotes an identifier, :'name' a literal), so no value is ever spliced into SQL.
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "$database" \
	--set=app_user="$POSTGRES_APP_USER" --set=app_password="$POSTGRES_APP_PASSWORD" --set=database="$database" <<'SQL'
SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') AS create_role \gset
\if :create_role
CREATE ROLE :"app_user" LOGIN;
\endif
ALTER ROLE :"app_user" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
	PASSWORD :'app_password';
ALTER DATABASE :"database" OWNER TO :"app_user";
ALTER SCHEMA public OWNER TO :"app_user";
-- Tables and views made by an earlier superuser-run dashboard (a stack from before this role) become the
-- role's too, so Flyway can go on migrating them; on a new database there are none.
SELECT format('ALTER TABLE public.%I OWNER TO %I', tablename, :'app_user') FROM pg_tables
	WHERE schemaname = 'public' AND tableowner <> :'app_user' \gexec
SELECT format('ALTER VIEW public.%I OWNER TO %I', viewname, :'app_user') FROM pg_views
	WHERE schemaname = 'public' AND viewowner <> :'app_user' \gexec
-- Nobody else may connect to or create objects in the application's database.
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
echo "10-application-role: role $POSTGRES_APP_USER (no superuser) owns database $database"

#!/usr/bin/env bash
# Installs (if missing) and starts the system's PostgreSQL, and gives the desk a role and fresh
# databases: desk (the prod profile's default), desk_test and desk_mail (./mvnw -Ppostgres verify)
# and the cluster suite's desk_cluster. PostgreSQL refuses to run as root, so its own cluster
# tools start it as the postgres user.
#   scripts/postgres.sh            start, create what is missing, recreate the test databases
set -euo pipefail

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q postgresql
fi

cluster=$(pg_lsclusters -h | head -1)
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_createcluster "$version" main
  cluster=$(pg_lsclusters -h | head -1)
fi
read -r version name port status _ <<<"$cluster"
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$name" start
fi

as_postgres() { su postgres -c "psql -v ON_ERROR_STOP=1 -q -p $port $*"; }
as_postgres "-c \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'desk') then create role desk login password 'desk'; end if; end \\\$\\\$\""
if ! as_postgres "-tAc \"select 1 from pg_database where datname = 'desk'\"" | grep -q 1; then
  as_postgres "-c 'create database desk owner desk'"
fi
as_postgres "-c 'alter role desk createdb'"
for db in desk_test desk_mail desk_cluster; do
  as_postgres "-c 'drop database if exists $db with (force)'"
  as_postgres "-c 'create database $db owner desk'"
done
echo "PostgreSQL $version on port $port: databases desk, desk_test, desk_mail, desk_cluster (role desk)"

#!/usr/bin/env bash
# Restores a dump made by backup.sh into an EMPTY database. Stop every Jalon instance first.
# Usage: JALON_PGURL=postgresql://jalon@db/jalon_restored ops/restore.sh /var/backups/jalon/jalon-….dump
set -euo pipefail
dump=${1:?usage: restore.sh <dump file>}
: "${JALON_PGURL:?set JALON_PGURL to the (empty) target database}"
pg_restore --exit-on-error --no-owner --dbname="$JALON_PGURL" "$dump"
echo "Restored $dump. Start Jalon: Flyway will apply any newer migration."

#!/usr/bin/env bash
# Nightly logical backup of the Jalon database (custom format, compressed), keeping 30 days.
# Usage: JALON_PGURL=postgresql://jalon@db/jalon ops/backup.sh /var/backups/jalon
set -euo pipefail
target=${1:?usage: backup.sh <directory>}
: "${JALON_PGURL:?set JALON_PGURL (libpq URL, password in ~/.pgpass)}"
mkdir -p "$target"
file="$target/jalon-$(date -u +%Y%m%dT%H%M%SZ).dump"
pg_dump --format=custom --no-owner --file="$file" "$JALON_PGURL"
pg_restore --list "$file" > /dev/null   # the dump is readable
find "$target" -name 'jalon-*.dump' -mtime +30 -delete
echo "$file"

#!/usr/bin/env bash
# Two Jalon instances on one PostgreSQL, as in production behind ops/nginx-jalon.conf.
# Instances are stateless: every rule that matters (room overlaps, unique codes…) is enforced
# by PostgreSQL, so both behave as one service.
# Usage: JALON_DB_URL=… JALON_DB_USER=… JALON_DB_PASSWORD=… JALON_PUBLIC_URL=… JALON_SECRET_KEY=… ops/cluster.sh [start|stop]
set -euo pipefail
cd "$(dirname "$0")/.."
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
case "${1:-start}" in
  start)
    : "${JALON_DB_URL:?an external database is required for a cluster}"
    : "${JALON_PUBLIC_URL:?the public address is required with an external database}"
    : "${JALON_SECRET_KEY:?the same secret key is required on both instances (openssl rand -base64 32)}"
    [ -f target/jalon.jar ] || mvn -q package -DskipTests
    mkdir -p data/cluster
    for port in 8081 8082; do
      JALON_PORT=$port nohup "$java_bin" -jar target/jalon.jar > "data/cluster/jalon-$port.log" 2>&1 &
      echo $! > "data/cluster/jalon-$port.pid"
      echo "instance on port $port, pid $(cat "data/cluster/jalon-$port.pid")"
    done
    ;;
  stop)
    # Every instance is stopped, even when another died already (its pid file is stale).
    for pid in data/cluster/*.pid; do
      [ -f "$pid" ] || continue
      if kill -0 "$(cat "$pid")" 2>/dev/null; then
        kill "$(cat "$pid")" || true
        echo "stopped pid $(cat "$pid")"
      else
        echo "pid $(cat "$pid") was not running (stale pid file)"
      fi
      rm -f "$pid"
    done
    ;;
  *) echo "usage: cluster.sh [start|stop]" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Benchmark (docs/performance.md): the site under gunicorn (2 workers) on PostgreSQL with the
# Redis page cache, production settings, demo content. For every page type of the demo content
# in Dutch and English, and a search (bench/pages.py), it prints the SQL queries of one
# request with a cold page cache (and how many repeat a query of the same request), then
# requests per second and p50/p95 latency with a cold cache (every request rendered) and a
# warm one (served from the page cache). Load comes from wrk on this same machine.
# Usage (after `make install`): bench/run.sh [SECONDS per measurement, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DURATION="${1:-10}"
STACK_DIR="$(mktemp -d -t kp-bench-XXXXXX)"
source scripts/lib/stack.sh
need_package wrk wrk
need_package curl curl
trap 'stack_cleanup; rm -rf "$STACK_DIR"' EXIT INT TERM

start_postgres
start_redis
APP_PORT=$(free_port)
export DJANGO_SETTINGS_MODULE=site_cms.settings.production
SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/kennisplatform"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export BASE_URL="http://localhost:$APP_PORT"
export ALLOWED_HOSTS="127.0.0.1,localhost"
export HTTPS=false MEDIA_ROOT="$STACK_DIR/media" LOG_LEVEL=WARNING
$PY manage.py migrate --noinput -v0
$PY manage.py load_demo_content -v0
$PY manage.py collectstatic --noinput -v0
start_gunicorn "$APP_PORT" 2 app
wait_for_http "http://127.0.0.1:$APP_PORT/healthz" 60

declare -A QUERIES REPEATED
while read -r name count repeated; do
  QUERIES[$name]=$count
  REPEATED[$name]=$repeated
done < <($PY bench/pages.py queries)

measure() {  # measure PATH COLD(0|1) -> "rps p50 p95 requests errors"
  BENCH_COLD=$2 wrk -t1 -c8 -d"${DURATION}s" -s bench/wrk.lua "http://127.0.0.1:$APP_PORT$1" \
    | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}

echo
echo "gunicorn 2 workers, PostgreSQL, Redis page cache; wrk 1 thread, 8 connections, ${DURATION}s each; $(nproc) cores"
printf "%-15s %-44s %7s %8s %9s %8s %8s %9s %8s %8s\n" page path queries repeated \
  "cold r/s" "p50 ms" "p95 ms" "warm r/s" "p50 ms" "p95 ms"
while read -r name path; do
  read -r cold_rps cold_p50 cold_p95 _n cold_errors <<<"$(measure "$path" 1)"
  curl -fsS -o /dev/null "http://127.0.0.1:$APP_PORT$path"  # fills the cache
  read -r warm_rps warm_p50 warm_p95 _n warm_errors <<<"$(measure "$path" 0)"
  printf "%-15s %-44s %7s %8s %9s %8s %8s %9s %8s %8s\n" "$name" "${path:0:44}" \
    "${QUERIES[$name]}" "${REPEATED[$name]}" "$cold_rps" "$cold_p50" "$cold_p95" \
    "$warm_rps" "$warm_p50" "$warm_p95"
  if [ "$cold_errors" != 0 ] || [ "$warm_errors" != 0 ]; then
    echo "  ($name: $cold_errors cold and $warm_errors warm responses were not 2xx/3xx)"
  fi
done < <($PY bench/pages.py urls)

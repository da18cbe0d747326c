#!/usr/bin/env bash
# Figures at institute scale (docs/performance.md, "At institute scale"): PostgreSQL in a
# temporary folder, migrate, the demo content, then load_scale_content (its build time is
# printed), the site under gunicorn (2 workers, production settings, page cache and search
# cache off), then bench/scale.py: queries and p50/p95 per page type, search, admin view and
# export. With --redis the site also gets Redis (what every page shows is then kept there).
# Usage (after `make install`): bench/scale.sh [--redis] [RUNS per figure, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
WITH_REDIS=0
if [ "${1:-}" = "--redis" ]; then WITH_REDIS=1; shift; fi
RUNS="${1:-20}"
STACK_DIR="$(mktemp -d -t kp-scale-XXXXXX)"
source scripts/lib/stack.sh
trap 'stack_cleanup; rm -rf "$STACK_DIR"' EXIT INT TERM

start_postgres
APP_PORT=$(free_port)
export DJANGO_SETTINGS_MODULE=site_cms.settings.production
SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/kennisplatform"
if [ "$WITH_REDIS" = 1 ]; then
  start_redis
  export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
fi
export PAGE_CACHE_SECONDS=0 SEARCH_CACHE_SECONDS=0 SEARCH_AUTOCOMPLETE_RATE=100000/m
export BASE_URL="http://localhost:$APP_PORT"
export ALLOWED_HOSTS="127.0.0.1,localhost"
export HTTPS=false MEDIA_ROOT="$STACK_DIR/media" LOG_LEVEL=WARNING
$PY manage.py migrate --noinput -v0
$PY manage.py load_demo_content -v0
started=$(date +%s)
$PY manage.py load_scale_content
echo "load_scale_content: $(( $(date +%s) - started )) s"
as_pg psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d kennisplatform -qc "VACUUM ANALYZE"
$PY manage.py collectstatic --noinput -v0
start_gunicorn "$APP_PORT" 2 app
GUNICORN_PID=${STACK_PIDS[-1]}
wait_for_http "http://127.0.0.1:$APP_PORT/healthz" 60
echo
echo "gunicorn 2 workers, PostgreSQL, page cache off, Redis: $WITH_REDIS"
$PY bench/scale.py "http://127.0.0.1:$APP_PORT" --runs "$RUNS" --gunicorn-pid "$GUNICORN_PID"

#!/usr/bin/env bash
# Throughput side by side with wagtail/bakerydemo (docs/performance.md, "Against
# bakerydemo"): both sites under gunicorn with the same settings (2 sync workers,
# production settings, DEBUG off, their own demo content), the same wrk load (1 thread,
# 8 connections, every request with a query string of its own), our page cache off.
#   sqlite:   both on SQLite, no Redis (the embedded default of each)
#   postgres: both on PostgreSQL with Redis as Django's cache
# Pairs measured: home vs home, library vs /blog/, a project vs a blog post, our search vs
# its search, each URL requested twice before it is measured (images resized, per-process
# caches filled). Prints requests per second of each and the ratio ours / bakerydemo.
# Usage (after `make install`): bench/compare_bakerydemo.sh [sqlite|postgres|both] [SECONDS]
# BAKERYDEMO_DIR: a checkout of https://github.com/wagtail/bakerydemo (cloned when unset).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PY="$ROOT/.venv/bin/python"
MODE="${1:-both}"
DURATION="${2:-10}"
STACK_DIR="$(mktemp -d -t kp-bakery-XXXXXX)"
source scripts/lib/stack.sh
need_package wrk wrk
need_package curl curl
trap 'stack_cleanup; rm -rf "$STACK_DIR"' EXIT INT TERM

BAKERY="${BAKERYDEMO_DIR:-$STACK_DIR/bakerydemo}"
if [ ! -f "$BAKERY/manage.py" ]; then
  git clone --quiet --depth 1 https://github.com/wagtail/bakerydemo "$BAKERY"
fi
BAKERY_VENV="$BAKERY/.venv-bench"
if [ ! -x "$BAKERY_VENV/bin/gunicorn" ]; then
  "$(scripts/find-python.sh)" -m venv "$BAKERY_VENV"
  "$BAKERY_VENV/bin/pip" install --quiet -r "$BAKERY/requirements/base.txt" \
    gunicorn whitenoise 'psycopg[binary]' django-redis
fi

warm() {  # warm URL: two requests first, so both sites are measured as running servers
  # (images resized on a first view, per-process caches filled), not on their first view
  curl -s -o /dev/null -m 120 "$1" || true
  curl -s -o /dev/null -m 120 "$1" || true
}

measure() {  # measure URL -> requests per second
  BENCH_COLD=1 wrk -t1 -c8 -d"${DURATION}s" -s bench/wrk.lua "$1" | awk '/^RESULT/ {print $2}'
}

ours_env() {  # ours_env DATABASE_URL [REDIS_URL]
  export DJANGO_SETTINGS_MODULE=site_cms.settings.production
  SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')"
  export SECRET_KEY DATABASE_URL="$1" REDIS_URL="${2:+$2/0}"
  export ALLOWED_HOSTS="127.0.0.1,localhost" HTTPS=false LOG_LEVEL=WARNING
  export MEDIA_ROOT="$STACK_DIR/media" PAGE_CACHE_SECONDS=0 SEARCH_CACHE_SECONDS=0
  export SEARCH_AUTOCOMPLETE_RATE=100000/m
  [ -n "$REDIS_URL" ] || unset REDIS_URL
}

bakery_env() {  # bakery_env DATABASE_URL|"" [REDIS_URL]
  export DJANGO_SETTINGS_MODULE=bakerydemo.settings.production
  export DJANGO_SECRET_KEY=bench DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost" DJANGO_LOG_LEVEL=WARNING
  export SECURE_SSL_REDIRECT=false
  export DATABASE_NAME="$STACK_DIR/bakery.sqlite3"
  if [ -n "$1" ]; then export DATABASE_URL="$1"; else unset DATABASE_URL; fi
  # a Redis database of its own: both sites keep Wagtail's site root paths under one key
  if [ -n "${2:-}" ]; then export REDIS_URL="$2/1"; else unset REDIS_URL; fi
}

run_pair() {  # run_pair LABEL OUR_DATABASE_URL BAKERY_DATABASE_URL REDIS_URL
  local label=$1 our_port bakery_port
  # ours: migrate, demo content, gunicorn
  (ours_env "$2" "$4"
   $PY manage.py migrate --noinput -v0
   $PY manage.py load_demo_content -v0
   $PY manage.py collectstatic --noinput -v0)
  our_port=$(free_port)
  (ours_env "$2" "$4"
   exec "$PY" -m gunicorn site_cms.wsgi --bind "127.0.0.1:$our_port" --workers 2 \
     --error-logfile "$STACK_DIR/ours-$label.log") &
  STACK_PIDS+=($!)
  # bakerydemo: migrate, its initial data, gunicorn
  (bakery_env "$3" "$4"; cd "$BAKERY"
   "$BAKERY_VENV/bin/python" manage.py migrate --noinput -v0
   "$BAKERY_VENV/bin/python" manage.py load_initial_data >/dev/null
   "$BAKERY_VENV/bin/python" manage.py collectstatic --noinput -v0)
  bakery_port=$(free_port)
  (bakery_env "$3" "$4"; cd "$BAKERY"
   exec "$BAKERY_VENV/bin/gunicorn" bakerydemo.wsgi --bind "127.0.0.1:$bakery_port" --workers 2 \
     --error-logfile "$STACK_DIR/bakery-$label.log") &
  STACK_PIDS+=($!)
  wait_for_http "http://127.0.0.1:$our_port/healthz" 90
  wait_for_http "http://127.0.0.1:$bakery_port/" 90

  local -A ours
  while read -r name path; do ours[$name]=$path; done < <(ours_env "$2" "$4"; $PY bench/pages.py urls)
  local blog_post
  blog_post=$(bakery_env "$3" "$4"; cd "$BAKERY"; "$BAKERY_VENV/bin/python" manage.py shell -c \
    "from bakerydemo.blog.models import BlogPage; print(BlogPage.objects.live().first().url)" \
    2>/dev/null | tail -1)

  echo
  echo "== $label: gunicorn 2 workers each; wrk 1 thread, 8 connections, ${DURATION}s; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
  printf "%-10s %-40s %9s   %-30s %9s %7s\n" kind ours "r/s" bakerydemo "r/s" ratio
  while read -r kind our_path bakery_path; do
    local our_rps bakery_rps
    warm "http://127.0.0.1:$our_port$our_path"
    warm "http://127.0.0.1:$bakery_port$bakery_path"
    our_rps=$(measure "http://127.0.0.1:$our_port$our_path")
    bakery_rps=$(measure "http://127.0.0.1:$bakery_port$bakery_path")
    printf "%-10s %-40s %9s   %-30s %9s %7s\n" "$kind" "${our_path:0:40}" "$our_rps" \
      "${bakery_path:0:30}" "$bakery_rps" \
      "$(awk -v a="$our_rps" -v b="$bakery_rps" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }')"
  done <<EOF
home ${ours[home.nl]} /
listing ${ours[library.nl]} /blog/
detail ${ours[project.nl]} $blog_post
search ${ours[search.nl]} /search/?q=bread
EOF
  stack_cleanup
  STACK_PIDS=()
}

if [ "$MODE" = sqlite ] || [ "$MODE" = both ]; then
  run_pair sqlite "sqlite:///$STACK_DIR/ours.sqlite3" "" ""
fi
if [ "$MODE" = postgres ] || [ "$MODE" = both ]; then
  start_postgres
  as_pg psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE bakerydemo" >/dev/null
  start_redis
  run_pair postgres "postgres://postgres@127.0.0.1:$PG_PORT/kennisplatform" \
    "postgres://postgres@127.0.0.1:$PG_PORT/bakerydemo" "redis://127.0.0.1:$REDIS_PORT"
fi

#!/usr/bin/env bash
# The scale-out stack, tested on this machine without containers (docs/scale-out.md):
# PostgreSQL, Redis, Varnish in front of two gunicorn instances of the site, and the task
# worker (db_worker, restarted whenever it exits), all on loopback in a temporary folder;
# then scripts/scaleout_check.py checks the whole chain end to end. Everything is stopped
# and deleted at the end, also on failure. Debian packages that are missing (redis-server,
# varnish, postgresql) are installed with apt-get (as root). Run after `make install`:
# `make scaleout`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
STACK_DIR="$(mktemp -d -t kp-scaleout-XXXXXX)"
export STACK_DIR
source scripts/lib/stack.sh
need_package curl curl

finish() {
  status=$?
  if [ $status -ne 0 ]; then
    echo "== scale-out check FAILED; last lines of the logs:" >&2
    for log in app1 app2 worker varnish postgres; do
      [ -f "$STACK_DIR/$log.log" ] && { echo "-- $log" >&2; tail -n 15 "$STACK_DIR/$log.log" >&2; }
    done
  fi
  stack_cleanup
  rm -rf "$STACK_DIR"
  exit $status
}
trap finish EXIT INT TERM

echo "== starting PostgreSQL and Redis in $STACK_DIR"
start_postgres
start_redis
APP1_PORT=$(free_port)
APP2_PORT=$(free_port)
VARNISH_PORT=$(free_port)

export DJANGO_SETTINGS_MODULE=site_cms.settings.production
SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/kennisplatform"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export BASE_URL="http://localhost:$VARNISH_PORT"
export ALLOWED_HOSTS="127.0.0.1,localhost"
export HTTPS=false
export CLIENT_IP_HEADER=HTTP_X_FORWARDED_FOR
export MEDIA_ROOT="$STACK_DIR/media"
# a small SMTP server in scripts/scaleout_check.py receives the e-mails (and plays an outage)
export EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend
export EMAIL_HOST=127.0.0.1
EMAIL_PORT=$(free_port)
export EMAIL_PORT
export FORM_RATE_LIMIT=6/m
export LOG_LEVEL=WARNING
export PYTHONUNBUFFERED=1

echo "== migrate, demo content, static files"
$PY manage.py migrate --noinput -v0
$PY manage.py load_demo_content -v0
$PY manage.py collectstatic --noinput -v0

echo "== two gunicorn instances (:$APP1_PORT, :$APP2_PORT), the task worker, Varnish (:$VARNISH_PORT)"
# (set only now: the demo content's publishes would try to purge a Varnish not yet started)
export VARNISH_URL="http://127.0.0.1:$VARNISH_PORT"
start_gunicorn "$APP1_PORT" 2 app1
start_gunicorn "$APP2_PORT" 2 app2
# the worker exits when PostgreSQL goes away: restarted after 1 s, as systemd does in production
supervise 1 "$STACK_DIR/worker.log" $PY manage.py db_worker --interval 0.2 --no-startup-delay
wait_for_http "http://127.0.0.1:$APP1_PORT/healthz" 60
wait_for_http "http://127.0.0.1:$APP2_PORT/healthz" 60
start_varnish "$VARNISH_PORT" "$APP1_PORT" "$APP2_PORT"
wait_for_http "http://127.0.0.1:$VARNISH_PORT/healthz" 30

echo "== checks"
export SCALEOUT_APPS="http://127.0.0.1:$APP1_PORT http://127.0.0.1:$APP2_PORT"
export SCALEOUT_VARNISH="http://127.0.0.1:$VARNISH_PORT"
export SCALEOUT_PG_DATA="$STACK_PG_DATA" PG_PORT
export SCALEOUT_WORKER_LOG="$STACK_DIR/worker.log"
$PY scripts/scaleout_check.py

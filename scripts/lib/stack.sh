# Shared by scripts/scaleout.sh, bench/run.sh and (need_package, need_postgres_server)
# scripts/test.sh: start real services on loopback, in a
# temporary folder, without containers; `stack_cleanup` stops everything that was started.
# Source it; it expects $STACK_DIR (a fresh temporary folder) and $PY (the venv's python).

STACK_PIDS=()
STACK_PG_DATA="${STACK_PG_DATA:-}"

need_package() {  # need_package COMMAND DEBIAN_PACKAGE: apt-get install it when missing
  if ! command -v "$1" >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ]; then
      echo "$1 is missing: apt-get install $2 (as root)" >&2
      return 1
    fi
    if [ -z "${STACK_APT_UPDATED:-}" ]; then apt-get update -qq; STACK_APT_UPDATED=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}

postgres_bin_on_path() {  # Debian installs the server in /usr/lib/postgresql/<version>/bin
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -n "$bin" ] && ! command -v initdb >/dev/null 2>&1; then PATH="$bin:$PATH"; export PATH; fi
}

need_postgres_server() {  # initdb, pg_ctl and postgres on PATH; the package installed if missing
  postgres_bin_on_path
  need_package initdb postgresql || return 1
  postgres_bin_on_path
}

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u "${PG_OS_USER:-postgres}" -- "$@"; else "$@"; fi
}

wait_for_http() {  # wait_for_http URL SECONDS
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then echo "$1 did not answer within $2 s" >&2; return 1; fi
    sleep 0.3
  done
}

start_postgres() {  # sets PG_PORT, STACK_PG_DATA; database "kennisplatform"
  need_postgres_server || return 1
  need_package pg_dump postgresql-client || return 1
  PG_PORT=$(free_port)
  STACK_PG_DATA="$STACK_DIR/pgdata"
  if [ "$(id -u)" = 0 ]; then chown "${PG_OS_USER:-postgres}" "$STACK_DIR"; fi
  chmod 755 "$STACK_DIR"
  as_pg initdb -D "$STACK_PG_DATA" --auth=trust --username=postgres --encoding=UTF8 \
    --locale=C.UTF-8 >"$STACK_DIR/initdb.log" 2>&1 || { cat "$STACK_DIR/initdb.log" >&2; return 1; }
  pg_start
  as_pg psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE kennisplatform" >/dev/null
}

pg_start() {
  as_pg pg_ctl -D "$STACK_PG_DATA" -l "$STACK_DIR/postgres.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $STACK_DIR -c fsync=off -c max_connections=100" \
    >/dev/null
}

pg_stop() {
  as_pg pg_ctl -D "$STACK_PG_DATA" stop -m fast >/dev/null
}

start_redis() {  # sets REDIS_PORT
  need_package redis-server redis-server || return 1
  REDIS_PORT=$(free_port)
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$STACK_DIR" --logfile "$STACK_DIR/redis.log" &
  STACK_PIDS+=($!)
}

start_gunicorn() {  # start_gunicorn PORT WORKERS NAME
  "$PY" -m gunicorn site_cms.wsgi --bind "127.0.0.1:$1" --workers "$2" \
    --error-logfile "$STACK_DIR/$3.log" --capture-output >>"$STACK_DIR/$3.log" 2>&1 &
  STACK_PIDS+=($!)
}

supervise() {  # supervise DELAY LOG COMMAND...: run COMMAND in the background, and again
  # DELAY seconds after every exit, like systemd's Restart=always + RestartSec=DELAY (the task
  # worker exits when the database goes away); each restart is logged to LOG
  local delay=$1 log=$2
  shift 2
  (
    child=""
    trap 'if [ -n "$child" ]; then kill "$child" 2>/dev/null; wait "$child"; fi; exit 0' TERM INT
    while true; do
      "$@" >>"$log" 2>&1 &
      child=$!
      status=0
      wait "$child" || status=$?
      echo "supervise: exited with status $status, restarting in $delay s" >>"$log"
      sleep "$delay" &
      wait $! || true
    done
  ) &
  STACK_PIDS+=($!)
}

start_varnish() {  # start_varnish PORT BACKEND_PORT...; round-robin over the backends
  need_package varnishd varnish || return 1
  VARNISH_PORT=$1
  shift
  {
    local n=0
    for port in "$@"; do
      n=$((n + 1))
      cat <<VCL
backend app$n {
    .host = "127.0.0.1";
    .port = "$port";
    .probe = { .url = "/healthz"; .interval = 1s; .timeout = 1s; .window = 3; .threshold = 2; }
}
VCL
    done
    echo "sub vcl_init {"
    echo "    new app = directors.round_robin();"
    for i in $(seq 1 $n); do echo "    app.add_backend(app$i);"; done
    echo "}"
  } >"$STACK_DIR/backends.vcl"
  varnishd -a "127.0.0.1:$VARNISH_PORT" -f "$PWD/deploy/varnish.vcl" \
    -p "vcl_path=$STACK_DIR:$PWD/deploy" -n "$STACK_DIR/varnish" -s malloc,64m \
    -P "$STACK_DIR/varnish.pid" >"$STACK_DIR/varnish.log" 2>&1 || {
      cat "$STACK_DIR/varnish.log" >&2; return 1; }
}

stack_cleanup() {
  if [ -f "$STACK_DIR/varnish.pid" ]; then kill "$(cat "$STACK_DIR/varnish.pid")" 2>/dev/null || true; fi
  for pid in "${STACK_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STACK_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$STACK_PG_DATA" ] && [ -f "$STACK_PG_DATA/postmaster.pid" ]; then
    as_pg pg_ctl -D "$STACK_PG_DATA" stop -m immediate >/dev/null 2>&1 || true
  fi
}

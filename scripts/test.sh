#!/usr/bin/env bash
# The README's test command (`make test`) runs this after installing the virtualenv.
#
# 1. Checks: Django system checks, migrations complete, ruff, import-linter, Dutch messages current.
# 2. Starts a throwaway PostgreSQL cluster (initdb/pg_ctl, unix socket in a temporary
#    folder, run as an unprivileged user when we are root; Debian's postgresql package is
#    installed with apt-get when the server is missing and we are root), runs the pytest suite
#    against it, and always stops and deletes the cluster.
#    TEST_DATABASE=sqlite runs the suite on SQLite instead (no PostgreSQL needed).
# 3. A smoke test of the embedded default: migrate + demo content (twice) + home page on SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=site_cms.settings.test
# need_package, need_postgres_server, as_pg
# shellcheck source=lib/stack.sh
. scripts/lib/stack.sh

echo "== checks"
$PY manage.py check --fail-level WARNING
$PY manage.py makemigrations --check --dry-run >/dev/null || {
  echo "Migrations are not complete: run 'python manage.py makemigrations'" >&2; exit 1; }
$PY -m ruff check .
$PY -m ruff format --check .
.venv/bin/lint-imports --no-cache >/dev/null || { .venv/bin/lint-imports --no-cache; exit 1; }
scripts/check-messages.sh

workdir="$(mktemp -d -t kp-test-XXXXXX)"
pg_pid_dir=""
cleanup() {
  status=$?
  if [ -n "$pg_pid_dir" ] && [ -f "$pg_pid_dir/data/postmaster.pid" ]; then
    as_pg pg_ctl -D "$pg_pid_dir/data" stop -m immediate >/dev/null 2>&1 || true
  fi
  rm -rf "$workdir"
  exit $status
}
trap cleanup EXIT INT TERM

if [ "${TEST_DATABASE:-postgres}" = sqlite ]; then
  echo "== TEST_DATABASE=sqlite: running the suite on SQLite (PostgreSQL-only tests are skipped)"
  export DATABASE_URL="sqlite:///$workdir/test.sqlite3"
else
  # a machine without the PostgreSQL server gets Debian's package (as root), as for make scaleout
  need_postgres_server || true
  for binary in initdb pg_ctl postgres; do
    if ! command -v "$binary" >/dev/null; then
      echo "PostgreSQL server binaries not found ($binary is not on PATH)." >&2
      echo "Install PostgreSQL (Debian: apt-get install postgresql) or run the suite on SQLite:" >&2
      echo "  TEST_DATABASE=sqlite make test" >&2
      exit 2
    fi
  done
  if [ "$(id -u)" = 0 ]; then chown "${PG_OS_USER:-postgres}" "$workdir"; fi
  chmod 755 "$workdir"
  echo "== starting a throwaway PostgreSQL cluster in $workdir"
  as_pg initdb -D "$workdir/data" --auth=trust --username=postgres --encoding=UTF8 \
    --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1 || { cat "$workdir/initdb.log" >&2; exit 1; }
  pg_pid_dir="$workdir"
  as_pg pg_ctl -D "$workdir/data" -l "$workdir/postgres.log" -w -t 60 start \
    -o "-c listen_addresses='' -k $workdir -p 5432 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { cat "$workdir/postgres.log" >&2; exit 1; }
  export DATABASE_URL="postgres://postgres@${workdir//\//%2F}:5432/kennisplatform"
fi

# Test files are shared out over one pytest-xdist worker per core (TEST_WORKERS=0: none,
# e.g. to debug with --pdb); a file, and the demo-content package, stays whole on one worker
# (tests/conftest.py), so their shared fixtures are built once (docs/development.md).
echo "== pytest"
set +e
$PY -m pytest -n "${TEST_WORKERS:-auto}" --dist loadgroup "$@"
status=$?
set -e
if [ $status -eq 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi
[ $status -eq 0 ] || exit $status

echo "== smoke test of the embedded default (SQLite): migrate, demo content twice, home page"
DATABASE_URL="sqlite:///$workdir/smoke.sqlite3" DJANGO_SETTINGS_MODULE=site_cms.settings.dev \
  $PY scripts/smoke_sqlite.py

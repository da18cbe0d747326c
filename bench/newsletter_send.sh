#!/usr/bin/env bash
# bench/newsletter_send.py on a throwaway PostgreSQL cluster (the production path: SKIP
# LOCKED claims), started and deleted here with scripts/lib/stack.sh. Arguments go to the
# Python script, e.g. `bench/newsletter_send.sh --recipients 10000 --kill-after 3000`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
STACK_DIR="$(mktemp -d -t kp-newsletter-bench-XXXXXX)"
export STACK_DIR
source scripts/lib/stack.sh
trap 'stack_cleanup; rm -rf "$STACK_DIR"' EXIT INT TERM
start_postgres
DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/kennisplatform" "$PY" ${BENCH_PYTHON_ARGS:-} bench/newsletter_send.py "$@"

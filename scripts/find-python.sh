#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 interpreter, or explains how to provide one.
# Order: $PYTHON if set; python3.13 / python3.12 on PATH; pyenv's 3.13 / 3.12; python3.
set -euo pipefail

ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }

if [ -n "${PYTHON:-}" ]; then
  if ok "$PYTHON"; then command -v "$PYTHON"; exit 0; fi
  echo "PYTHON=$PYTHON is not a Python >= 3.12" >&2; exit 1
fi
for candidate in python3.13 python3.12; do
  if command -v "$candidate" >/dev/null && ok "$candidate"; then command -v "$candidate"; exit 0; fi
done
if command -v pyenv >/dev/null; then
  for version in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.1[2-9]' | sort -rV); do
    path="$(pyenv root)/versions/$version/bin/python"
    if [ -x "$path" ] && ok "$path"; then echo "$path"; exit 0; fi
  done
fi
if command -v python3 >/dev/null && ok python3; then command -v python3; exit 0; fi
echo "No Python >= 3.12 found. Install one, or point to it: make run PYTHON=/path/to/python3.12" >&2
exit 1

#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (never Playwright's own download).
set -euo pipefail
if command -v chromium >/dev/null; then echo "chromium: $(command -v chromium)"; exit 0; fi
if [ "$(id -u)" != 0 ]; then echo "Run as root, or: sudo apt-get install -y chromium" >&2; exit 1; fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
echo "chromium: $(command -v chromium)"

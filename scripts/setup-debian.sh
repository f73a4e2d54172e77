#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests; the tests
# never download a browser of their own.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  chromium --version 2>/dev/null | head -n 1
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing. Install Debian's package as root: apt-get install -y chromium" >&2
  exit 1
fi
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
chromium --version 2>/dev/null | head -n 1

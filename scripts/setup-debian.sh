#!/usr/bin/env bash
# Installs the Debian packages named as arguments when their command is
# missing: `chromium` for the browser tests (they never download a browser of
# their own), `stress-ng` for `npm run test:loaded`. Installing needs root.
set -euo pipefail
missing=()
for package in "$@"; do
  command -v "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: ${missing[*]}. Install Debian's packages as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi
for package in "$@"; do
  "$package" --version 2>/dev/null | head -n 1
done

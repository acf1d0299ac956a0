#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the browser tests and the journeys (they drive
# it with playwright-core; nothing ever downloads a browser). Does nothing when
# $CHROMIUM_PATH (default /usr/bin/chromium) is already executable; otherwise installs the
# `chromium` package with apt (as root, or through sudo). Used by .ci/run.
#
#   bash scripts/install-chromium.sh
set -euo pipefail

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then
  echo "Chromium: $chromium_path"
  exit 0
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "need root to run: $* (no sudo available)" >&2
    return 1
  fi
}

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $chromium_path, and this is not a Debian-like system (no apt-get)." >&2
  echo "Install Chromium with your package manager and set CHROMIUM_PATH to its binary." >&2
  exit 1
fi

echo "--- installing Chromium (Debian package 'chromium')"
as_root apt-get update
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
if [ ! -x "$chromium_path" ]; then
  echo "apt installed chromium, but $chromium_path is still missing; set CHROMIUM_PATH" >&2
  exit 1
fi
echo "Chromium: $chromium_path"

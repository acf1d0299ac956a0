#!/usr/bin/env bash
# What `npm test` needs besides node_modules, installed when missing (npm runs this as
# `pretest`): Debian's Chromium for the browser tests and the journeys, and ExifTool, with
# which the pack tests read the XMP back. Nothing downloads a browser; apt does the work, as
# in .ci/run. When it cannot install (no apt, no root or sudo), it says in one line what to
# run and fails, rather than letting a hundred tests fail one by one.
#
#   bash scripts/test-prerequisites.sh     (LOOMPRINT_SKIP_PREREQUISITES=1 skips the check)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${LOOMPRINT_SKIP_PREREQUISITES:-}" = "1" ]; then exit 0; fi

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
need_chromium=0
need_exiftool=0
[ -x "$chromium_path" ] || need_chromium=1
command -v exiftool >/dev/null 2>&1 || need_exiftool=1
if [ "$need_chromium" = 0 ] && [ "$need_exiftool" = 0 ]; then exit 0; fi

can_install=0
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] || sudo -n true >/dev/null 2>&1; then can_install=1; fi
fi
if [ "$can_install" = 0 ]; then
  missing=()
  [ "$need_chromium" = 1 ] && missing+=("chromium")
  [ "$need_exiftool" = 1 ] && missing+=("libimage-exiftool-perl")
  echo "npm test needs ${missing[*]}: run \`sudo apt-get install -y ${missing[*]}\` (or set CHROMIUM_PATH to your Chromium), then npm test again." >&2
  exit 1
fi

if [ "$need_chromium" = 1 ]; then bash scripts/install-chromium.sh; fi
if [ "$need_exiftool" = 1 ]; then
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
  echo "--- installing ExifTool (Debian package; the pack tests read the XMP back with it)"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y libimage-exiftool-perl
fi

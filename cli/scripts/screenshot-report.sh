#!/usr/bin/env bash
# Renders a coverage HTML report (tripline coverage --report DIR writes DIR/coverage.html) in
# headless Chromium and saves a PNG screenshot, to look at the report as a reader would.
# Needs Debian's chromium package (apt-get install chromium); the page loads nothing from the
# network, and Chromium runs with its background networking off.
# Usage: cli/scripts/screenshot-report.sh out/coverage.html out/coverage.png [WIDTH,HEIGHT]
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 REPORT.html SCREENSHOT.png [WIDTH,HEIGHT]" >&2
  exit 2
fi
html="$(realpath "$1")"
png="$(realpath -m "$2")"
size="${3:-1400,2600}"
command -v chromium >/dev/null 2>&1 || { echo "$0: chromium is not installed (apt-get install chromium)" >&2; exit 2; }
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size="$size" \
  --screenshot="$png" "file://$html" >/dev/null 2>&1
echo "wrote $png"

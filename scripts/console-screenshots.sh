#!/usr/bin/env bash
# Lists the web console's screenshots from the last browser test run (ConsoleBrowserIT) and, given a
# directory, copies them there (a CI artifact directory, or docs/images to refresh the README's picture).
#   scripts/console-screenshots.sh                 # list
#   scripts/console-screenshots.sh "$ARTIFACTS"    # list and keep
set -euo pipefail
cd "$(dirname "$0")/.."

shots=target/screenshots
if ! ls "$shots"/*.png >/dev/null 2>&1; then
  echo "no screenshots in $shots (run ConsoleBrowserIT first)" >&2
  exit 1
fi
for shot in "$shots"/*.png; do
  printf '%8d bytes  %s\n' "$(wc -c < "$shot")" "$shot"
done
if [ $# -gt 0 ]; then
  mkdir -p "$1"
  cp "$shots"/*.png "$1"/
  echo "copied to $1"
fi

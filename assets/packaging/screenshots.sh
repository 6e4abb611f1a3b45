#!/usr/bin/env bash
# Renders the screenshots assets/app.kindling.Kindling.metainfo.xml names, each
# file after its screen, on a year of demo data, into DIR (default
# build/screenshots). Usage: assets/packaging/screenshots.sh [KINDLING [DIR]]
set -euo pipefail
cd "$(dirname "$0")/.."
kindling=${1:-build/release/src/kindling}
out=${2:-build/screenshots}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
mkdir -p "$out"
"$kindling" --data-dir "$data" demo --years 1 >/dev/null
screens=$(grep -o 'screenshots/[a-z]*\.png' assets/app.kindling.Kindling.metainfo.xml | sed 's|screenshots/||; s|\.png||')
for screen in $screens; do
  xvfb-run -a -s "-screen 0 1920x1080x24" "$kindling" --data-dir "$data" --window-size 1280x800 \
    --screenshot "$out/$screen.png" --screen "$screen"
done

#!/bin/sh
# Renders an SVG (or HTML) file to PNG with headless Chromium (Debian: apt-get install chromium).
# usage: docs/pictures/render-png.sh FILE.svg OUT.png [width] [height]
# For an SVG, pass its own height: height=$(grep -o 'height="[0-9.]*"' FILE.svg | head -1 | tr -dc 0-9.)
set -e
f=$(readlink -f "$1"); w=${3:-1000}; h=${4:-600}
d=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --user-data-dir="$d" --screenshot="$2" --window-size="$w,$h" "file://$f" >/dev/null 2>&1
rm -rf "$d"

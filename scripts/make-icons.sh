#!/usr/bin/env bash
# Renders assets/logo.svg to the PNG sizes the manifest uses. Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/.."
for size in 16 32 64 80 128; do
  rsvg-convert -w "$size" -h "$size" assets/logo.svg -o "assets/icon-$size.png"
done
echo "assets/icon-{16,32,64,80,128}.png written"

#!/usr/bin/env bash
# Screenshots of the localized sample pages, for a person to look at:
#   Scripts/screenshots.sh [output-folder]        (default: screenshots/)
# Runs the pipeline on the sample project (writing site/ and jobs/, both ignored by git),
# then renders pages with headless Chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-screenshots}
scratch=${SCRATCH_PATH:-.build}
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "screenshots: Chromium is not installed (apt-get install chromium)" >&2
  exit 1
fi
swift build --scratch-path "$scratch" --product translate-pipeline >/dev/null
"$scratch/debug/translate-pipeline" run --project . >/dev/null || true   # diagnostics are expected
mkdir -p "$out"
out=$(cd "$out" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for page in de/miso.html ar/miso.html fa/miso.html en/miso.html ru/miso.html ar/wir-2-0/index.html fa/index.html; do
  name=$(echo "$page" | tr '/' '_' | sed 's/\.html$//')
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --window-size=1000,900 --screenshot="$out/$name.png" "file://$PWD/site/$page" >/dev/null 2>&1
  echo "$out/$name.png"
done

#!/usr/bin/env bash
# Builds whatever is missing (www/build.sh), then serves the live-preview demo on
# http://127.0.0.1:<port>/ (default 8080). python3's http.server sends .wasm as
# application/wasm; the demo uses the one-file script build www/dist/pii-veil.js.
set -euo pipefail
www=$(cd "$(dirname "$0")" && pwd)
port=${1:-8080}
if [ ! -f "$www/dist/pii-veil.js" ] || [ -n "$(find "$www/../src" "$www/src" "$www/../Cargo.toml" -newer "$www/dist/pii-veil.js" -type f -print -quit)" ]; then
  bash "$www/build.sh"
fi
echo "pii-veil demo: http://127.0.0.1:$port/"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$www"

#!/usr/bin/env bash
# Instructions executed by one scan of ~1 MB of development texts, every kind on, one
# thread: a machine-independent measure to compare builds (wall-clock times on a shared
# machine drift by ±25 %). Needs valgrind (Debian package `valgrind`).
#   bash tests/instructions.sh            # prints "N M instructions per 1 MB scan"
# Runs the benchmark binary with --scans=1 and --scans=2 under callgrind and subtracts:
# set-up (pattern compilation, reading the texts) cancels out, and the second scan runs
# with warm pattern caches, like every scan after the first in real use.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
bin=$(cargo bench --bench scan --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys; print([m["executable"] for m in map(json.loads, sys.stdin) if m.get("executable") and m["target"]["name"] == "scan"][-1])')
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --bench "--scans=$1" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
one=$(count 1)
two=$(count 2)
echo "$(( (two - one) / 1000000 )) M instructions per 1 MB scan"

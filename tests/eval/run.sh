#!/usr/bin/env bash
# Scores the native scanner on the labelled development set.
#   tests/eval/run.sh [extra score.py args]   (e.g. --by lang --examples 5)
# Needs the development set beside the project root (../shared/eval), as in CI.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
eval_dir=${PII_VEIL_EVAL_DIR:-$root/../shared/eval}
if [ ! -f "$eval_dir/dev.jsonl" ]; then
  echo "development set not found at $eval_dir (set PII_VEIL_EVAL_DIR)" >&2
  exit 1
fi
cargo build --release --quiet --bin pii-veil --manifest-path "$root/Cargo.toml"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$root/target/release/pii-veil" scan < "$eval_dir/dev.jsonl" > "$out/pred.jsonl"
python3 "$eval_dir/score.py" --gold "$eval_dir/dev.jsonl" --pred "$out/pred.jsonl" "$@"

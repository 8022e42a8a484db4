#!/usr/bin/env bash
# Scores the native scanner on the labelled development sets, the hand-written one first
# (the better guide to real text), then the template-generated one.
#   tests/eval/run.sh [extra score.py args]   (e.g. --by lang --examples 5)
# Needs the development sets beside the project root (../shared/eval), as in CI.
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
for set in handwritten-dev dev; do
  [ -f "$eval_dir/$set.jsonl" ] || continue
  echo "== $set.jsonl"
  "${CARGO_TARGET_DIR:-$root/target}/release/pii-veil" scan < "$eval_dir/$set.jsonl" > "$out/$set.pred"
  python3 "$eval_dir/score.py" --gold "$eval_dir/$set.jsonl" --pred "$out/$set.pred" "$@"
  echo
done

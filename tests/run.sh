#!/usr/bin/env bash
# Runs every test of the project. This is the command the README names and CI calls.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

echo "== native core: unit, data-driven, property and doc tests"
cargo test --all-targets --quiet
cargo test --doc --quiet

echo "== the core builds for wasm32"
cargo build --quiet --lib --target wasm32-unknown-unknown

if [ -f "$root/../shared/eval/dev.jsonl" ] || [ -n "${PII_VEIL_EVAL_DIR:-}" ]; then
  echo "== quality on the development set"
  tests/eval/run.sh | sed -n '/^OVERALL/,/^$/p;/^PER GOLD LABEL/,/^$/p'
fi

#!/usr/bin/env bash
# Fast checks, before the slow suite (.ci/run runs this, then tests/run.sh):
# formatting, lints (native and wasm32), documentation, the TypeScript declarations
# against a typed usage file, and the size budget of the built script tag and module.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

echo "== rustfmt"
cargo fmt --check

echo "== clippy (native, every target)"
cargo clippy --quiet --all-targets -- -D warnings

echo "== rustdoc (warnings are errors), the public API and the private items (stale links are stale knowledge)"
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps --document-private-items

echo "== clippy (wasm32, the library; also without pseudonymisation, as the lite module)"
cargo clippy --quiet --lib --test wasm --target wasm32-unknown-unknown -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings

echo "== the package and the script tag, then index.d.ts against a typed usage file and the size budget"
bash www/build.sh
node www/check.mjs

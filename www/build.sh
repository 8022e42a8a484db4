#!/usr/bin/env bash
# Builds everything a page or an app needs, serves nothing:
#   pkg/                 wasm-pack output (--target web, profile wasm-release, wasm-opt -Oz);
#                        pkg/lite/ the same built without pseudonymisation (lite script tag)
#   www/dist/npm/        the npm package `pii-veil` (npm pack it from there)
#   www/dist/pii-veil.js the one-file script tag build (global PiiVeil); prints its SRI hash
# Installs missing tools first (tests/install-tools.sh, version-checked).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash tests/install-tools.sh --no-browser

# wasm-opt from npm binaryen@132 first on PATH: wasm-pack takes whatever wasm-opt it finds.
export PATH="$root/www/node_modules/.bin:$PATH"
# The pinned toolchain (Cargo.toml, wasm-toolchain) builds the standard library with the
# module, with panics that trap at once: no panic messages or locations in the module.
# The few source paths left (locations nothing reads) name no folder of this machine:
# the same source gives the same module, and the same SRI hash, wherever it is built.
RUSTUP_TOOLCHAIN=$(awk -F'"' '/^wasm-toolchain = /{ print $2; exit }' Cargo.toml)
export RUSTUP_TOOLCHAIN
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
flags=(-Zunstable-options -Cpanic=immediate-abort "--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
  "--remap-path-prefix=$(rustc --print sysroot)=/rustc" "--remap-path-prefix=$root=")
# (One flag per 0x1f-separated field: folder names may hold spaces. wasm-pack builds for
# wasm32 only, so the flags do not reach build scripts.)
CARGO_ENCODED_RUSTFLAGS=$(IFS=$'\x1f'; echo "${flags[*]}")
export CARGO_ENCODED_RUSTFLAGS
# The standard library's crates are built at opt-level 3, as the prebuilt ones are, not
# at the profile's "s": a 1 MB scan took 4 % longer with them at "s", and the module is
# no larger at 3 (README.md, "Measurements"). On cargo's command line, not in Cargo.toml:
# a build without -Z build-std would warn that these packages match nothing.
std_at_3=()
for crate in core alloc std hashbrown dlmalloc compiler_builtins; do
  std_at_3+=(--config "profile.wasm-release.package.$crate.opt-level=3")
done
# --mode no-install: a wasm-bindgen-cli mismatch fails instead of a silent 3-minute build.
wasm-pack --log-level warn build --target web --mode no-install --profile wasm-release \
  --out-dir pkg --out-name pii_veil --no-pack --no-typescript -- "${std_at_3[@]}"
# The lite module (pkg/lite/): the same without pseudonymisation, for pii-veil.lite.js.
wasm-pack --log-level warn build --target web --mode no-install --profile wasm-release \
  --out-dir pkg/lite --out-name pii_veil --no-pack --no-typescript -- --no-default-features "${std_at_3[@]}"

node www/build-package.mjs

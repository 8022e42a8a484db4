#!/usr/bin/env bash
# Installs what the WebAssembly build, the npm package and the browser tests need on a
# fresh machine (Debian/Ubuntu, root or sudo, rustup). Idempotent: every step checks
# the installed *version* first, so a second run takes a second and a version bump in
# Cargo.lock or www/package.json reinstalls. See the tool notes in README.md.
#
#   tests/install-tools.sh            everything
#   tests/install-tools.sh --no-browser   skip Chromium (build only)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

WASM_PACK_VERSION=0.15.1
want_browser=1
[ "${1:-}" = "--no-browser" ] && want_browser=0

say() { echo "install-tools: $*"; }
sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Rust target
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 1b. The pinned toolchain of the shipped modules (Cargo.toml, wasm-toolchain) with the
#     standard library's source, which www/build.sh builds with the module.
wasm_toolchain=$(awk -F'"' '/^wasm-toolchain = /{ print $2; exit }' Cargo.toml)
if ! rustup toolchain list | grep -q "^$wasm_toolchain-" \
  || ! rustup component list --installed --toolchain "$wasm_toolchain" | grep -qx rust-src; then
  say "installing the toolchain $wasm_toolchain with rust-src"
  rustup toolchain install "$wasm_toolchain" --profile minimal --component rust-src
fi

# 2. Chromium and its driver (Debian packages). Never Debian's binaryen: its wasm-opt
#    corrupts wasm-bindgen output; wasm-opt comes from npm below.
if [ $want_browser = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing chromium and chromium-driver"
  sudo_ apt-get update -qq
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

# 3. wasm-pack
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION"
  cargo install --locked wasm-pack --version "$WASM_PACK_VERSION"
fi

# 4. wasm-bindgen-cli: exactly the wasm-bindgen version in Cargo.lock. Without
#    --locked: its own lockfile pins a crate version the registry no longer has.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  say "no wasm-bindgen in Cargo.lock; run cargo build --target wasm32-unknown-unknown first" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version"
  cargo install --force wasm-bindgen-cli --version "$bindgen_version"
fi

# 5. npm tooling pinned in www/package.json(+lock): binaryen (wasm-opt 132),
#    playwright-core (drives /usr/bin/chromium, downloads no browser), vite 7,
#    esbuild (bundles the package and the script tag), typescript (checks index.d.ts),
#    linkedom (a small DOM for unit tests). Every pinned devDependency is checked.
need_npm=0
[ -d www/node_modules ] || need_npm=1
if [ $need_npm = 0 ]; then
  for dep in $(node -p "Object.keys(require('./www/package.json').devDependencies).join(' ')"); do
    want=$(node -p "require('./www/package.json').devDependencies['$dep']")
    have=$(node -p "try { require('./www/node_modules/$dep/package.json').version } catch { '' }")
    [ "$want" = "$have" ] || need_npm=1
  done
fi
if [ $need_npm = 1 ]; then
  say "installing npm tooling in www/"
  (cd www && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ "$(www/node_modules/.bin/wasm-opt --version | awk '{print $3}')" != 132 ]; then
  say "www/node_modules/.bin/wasm-opt is not version 132" >&2
  exit 1
fi

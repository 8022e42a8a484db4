// What the shipped modules must not hold (part of `node www/check.mjs`, after www/build.sh):
//   node www/module-check.mjs
// - the standard library's panic messages ("index out of bounds", "capacity overflow",
//   `unwrap()` on None): they are there when the module was built against the prebuilt
//   standard library instead of with its own, whose panics trap at once (www/build.sh,
//   `wasm-toolchain` in Cargo.toml) — 20 KB brotli of messages, locations and the code
//   that formats them;
// - a folder of the machine that built it (the checkout, $HOME, the toolchain's): the
//   source paths are remapped, so a module's bytes and SRI hash do not depend on where
//   it was built.
// Exit 1 with the file and what it holds.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const www = dirname(fileURLToPath(import.meta.url));
const root = dirname(www);
const modules = ['dist/pii-veil.wasm', 'dist/pii-veil.lite.wasm', 'dist/npm/wasm/pii_veil_bg.wasm'];
const messages = ['index out of bounds', 'capacity overflow', 'called `Option::unwrap()`', 'attempt to '];
const folders = [...new Set([root, homedir(), process.env.CARGO_HOME, process.env.RUSTUP_HOME].filter(Boolean))];

let failed = 0;
for (const m of modules) {
  const file = join(www, m);
  if (!existsSync(file)) {
    console.error(`module check: ${file} is missing (run www/build.sh)`);
    failed++;
    continue;
  }
  const text = readFileSync(file).toString('latin1');
  const found = [
    ...messages.filter((s) => text.includes(s)).map((s) => `the panic message "${s}"`),
    ...folders.filter((f) => text.includes(f + '/')).map((f) => `the path ${f}/`),
  ];
  for (const f of found) console.error(`module check: www/${m} holds ${f}`);
  failed += found.length;
}
console.log(failed ? `module check: ${failed} problems` : `module check: ${modules.length} modules without panic messages or build paths`);
process.exit(failed ? 1 : 0);

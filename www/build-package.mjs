// Assembles what a page or an app needs from the wasm-pack output in pkg/:
//   www/dist/npm/       the npm package `pii-veil` (own manifest, ESM, exports map, bin)
//   www/dist/pii-veil.js the one-file classic script (global `PiiVeil`), module inlined
// and prints sizes and the SRI hash of pii-veil.js. Builds nothing itself and needs
// no bundler: the script tag is the same api.js + glue, wrapped in a function.
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const www = dirname(fileURLToPath(import.meta.url));
const root = dirname(www);
const src = join(www, 'src');
const pkg = join(root, 'pkg');
const dist = join(www, 'dist');
const npm = join(dist, 'npm');

const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];
const glue = readFileSync(join(pkg, 'pii_veil.js'), 'utf8');
const wasm = readFileSync(join(pkg, 'pii_veil_bg.wasm'));
const api = readFileSync(join(src, 'api.js'), 'utf8');
const protect = readFileSync(join(src, 'protect.js'), 'utf8');
const chat = readFileSync(join(src, 'chat.js'), 'utf8');

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(npm, 'wasm'), { recursive: true });

// --- npm package
const manifest = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8'));
manifest.version = version;
writeFileSync(join(npm, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
for (const f of ['index.js', 'node.js', 'api.js', 'protect.js', 'chat.js', 'worker.js', 'cli.js', 'index.d.ts', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE']) {
  copyFileSync(join(src, f), join(npm, f));
}
chmodSync(join(npm, 'cli.js'), 0o755);
writeFileSync(join(npm, 'wasm', 'pii_veil.js'), glue);
copyFileSync(join(pkg, 'pii_veil_bg.wasm'), join(npm, 'wasm', 'pii_veil_bg.wasm'));

// --- one-file script
function stripExports(code, what) {
  const out = code
    .replace(/^export \{[^}]*\};?\s*$/gm, '')
    .replace(/^export (class|function|const|let|async function) /gm, '$1 ');
  if (/^\s*(export|import)\s/m.test(out)) throw new Error(`${what}: an import/export is left after wrapping`);
  return out;
}
for (const n of ['export class Scanner', 'export class Session', 'export class Restorer', 'export function kinds', 'export function validators', 'initSync', '__wbg_init as default']) {
  if (!glue.includes(n)) throw new Error(`pkg/pii_veil.js: expected \`${n}\` (wasm-bindgen output changed?)`);
}
const script = `/*! pii-veil ${version} | MIT OR Apache-2.0 | classic script: window.PiiVeil */
(function (global) {
'use strict';
var __piiVeilBase = (typeof document !== 'undefined' && document.currentScript && document.currentScript.src) || (global.location && global.location.href) || '';
var glue = (function () {
${stripExports(glue, 'glue').replaceAll('import.meta.url', '__piiVeilBase')}
return { Scanner: Scanner, Session: Session, Restorer: Restorer, kinds: kinds, validators: validators, initSync: initSync, default: __wbg_init };
})();
${stripExports(api, 'api.js')}
var WASM = '${wasm.toString('base64')}';
function wasmBytes() {
  var s = atob(WASM), n = s.length, b = new Uint8Array(n);
  for (var i = 0; i < n; i++) b[i] = s.charCodeAt(i);
  return b;
}
var __api = createApi(glue, { loadDefault: function () { return { sync: wasmBytes }; } });
${stripExports(protect, 'protect.js')}
${stripExports(chat, 'chat.js')}
// Started by protect() as its own scanning worker: serve requests and stop here.
if (typeof document === 'undefined' && typeof importScripts === 'function' && global.location && global.location.hash === '#pii-veil-worker') {
  serveWorker(__api, global);
  return;
}
var __script = typeof document !== 'undefined' ? document.currentScript : null;
var __protect = createProtect(__api, {
  createWorker: function (win) { return __script && __script.src ? new win.Worker(__script.src.split('#')[0] + '#pii-veil-worker') : null; },
  chat: createChat,
});
var __page = null;
var PiiVeil = Object.assign({}, __api, { protect: __protect });
Object.defineProperty(PiiVeil, 'page', { enumerable: false, get: function () { return __page; } });
global.PiiVeil = Object.freeze(PiiVeil);
// <script src="pii-veil.js" data-protect="selector" data-guard="self,/api/" …>
if (__script && __script.hasAttribute('data-protect')) {
  var __start = function () { __page = autoProtect(__script, __protect, global); };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', __start, { once: true });
  else __start();
}
})(typeof globalThis !== 'undefined' ? globalThis : self);
`;
writeFileSync(join(dist, 'pii-veil.js'), script);
copyFileSync(join(dist, 'pii-veil.js'), join(npm, 'pii-veil.js'));

// --- sizes and SRI
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
const sizes = (name, b) => console.log(`${name.padEnd(22)} raw ${kb(b.length)}  gzip ${kb(gzipSync(b, { level: 9 }).length)}  brotli ${kb(br(b))}`);
const scriptBytes = Buffer.from(script);
sizes('pii_veil_bg.wasm', wasm);
sizes('pii-veil.js (all-in)', scriptBytes);
const integrity = 'sha384-' + createHash('sha384').update(scriptBytes).digest('base64');
writeFileSync(join(dist, 'pii-veil.js.integrity'), integrity + '\n');
console.log(`integrity              ${integrity}`);
console.log(`<script src="pii-veil.js" integrity="${integrity}" crossorigin="anonymous"></script>`);

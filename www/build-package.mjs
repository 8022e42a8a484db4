// Assembles what a page or an app needs from the wasm-pack output in pkg/, with esbuild,
// from the one set of sources in www/src:
//   www/dist/npm/        the npm package `pii-veil` (own manifest, ESM entries, exports map, bin);
//                        each entry (index.js, node.js, worker.js, cli.js) is one bundled ES
//                        module; the wasm-bindgen glue stays a file of its own in wasm/, so
//                        its `new URL('pii_veil_bg.wasm', import.meta.url)` still points at
//                        the module for bundlers (Vite, webpack, Rollup) to copy (index.js
//                        fetches and compiles it by the same URL itself, src/wasm-url.js)
//   www/dist/bootstrap.min.js the inline bootstrap (src/bootstrap.js), its CSP hash printed
//   www/dist/pii-veil.js the one-file classic script (global `PiiVeil`), entry src/script.js,
//                        glue and module (base64) inlined (src/wasm-inline.js)
//   www/dist/pii-veil.loader.js + www/dist/pii-veil.wasm  the same script, minified, with the
//                        module beside it: fetched, checked against the SHA-384 embedded in
//                        the script, compiled while it downloads (src/wasm-beside.js)
//   www/dist/pii-veil.lite.js + www/dist/pii-veil.lite.wasm  the loader again, built from
//                        the module without pseudonymisation (pkg/lite/: no createSession,
//                        no chat option of protect(); no session.js, chat.js); else the same
// and prints sizes (raw / gzip -9 / brotli -q 11) and the SRI hashes of both scripts.
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import { formatSizes, sizesOf } from './sizes.mjs';

const www = dirname(fileURLToPath(import.meta.url));
const root = dirname(www);
const src = join(www, 'src');
const pkg = join(root, 'pkg');
const dist = join(www, 'dist');
const npm = join(dist, 'npm');

const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];
const glue = readFileSync(join(pkg, 'pii_veil.js'), 'utf8');
const wasm = readFileSync(join(pkg, 'pii_veil_bg.wasm'));
const liteGlue = readFileSync(join(pkg, 'lite', 'pii_veil.js'), 'utf8');
const liteWasm = readFileSync(join(pkg, 'lite', 'pii_veil_bg.wasm'));
for (const [file, g, names] of [
  ['pkg/pii_veil.js', glue, ['export class Session', 'export class Restorer']],
  ['pkg/lite/pii_veil.js', liteGlue, []],
]) {
  for (const n of [...names, 'export class Scanner', 'export function kinds', 'export function validators', 'initSync', '__wbg_init as default']) {
    if (!g.includes(n)) throw new Error(`${file}: expected \`${n}\` (wasm-bindgen output changed?)`);
  }
}
if (liteGlue.includes('class Session')) throw new Error('pkg/lite/pii_veil.js: the lite module has pseudonymisation (built with its feature?)');

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(npm, 'wasm'), { recursive: true });

// Settings both builds share: modern browsers and Node >= 20 run the sources as they are.
const common = { bundle: true, target: 'es2022', charset: 'utf8', legalComments: 'inline', logLevel: 'warning' };

// The stylesheet of pii-veil's UI (src/protect/styles.js, written to be read) goes into
// every build minified as CSS.
const minifiedStyles = {
  name: 'pii-veil-styles',
  setup(b) {
    b.onLoad({ filter: /[\\/]protect[\\/]styles\.js$/ }, async (a) => {
      const js = readFileSync(a.path, 'utf8');
      const m = /export const CSS_TEXT = `([^`]*)`;/.exec(js);
      if (!m) throw new Error('src/protect/styles.js: expected export const CSS_TEXT = `…`;');
      const css = (await transform(m[1], { loader: 'css', minify: true })).code.trim();
      return { contents: js.replace(m[0], () => `export const CSS_TEXT = ${JSON.stringify(css)};`), loader: 'js' };
    });
  },
};

// --- npm package
const manifest = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8'));
manifest.version = version;
writeFileSync(join(npm, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
// An entry that imports another entry (worker.js → index.js, cli.js → node.js) keeps
// importing it, as in the sources, instead of holding a second copy.
const entries = ['index.js', 'node.js', 'worker.js', 'cli.js'];
const siblings = {
  name: 'pii-veil-entries',
  setup(b) {
    b.onResolve({ filter: /^\.\/[a-z]+\.js$/ }, (a) => (dirname(a.importer) === src && entries.includes(a.path.slice(2)) ? { path: a.path, external: true } : undefined));
  },
};
await build({
  ...common,
  entryPoints: entries.map((f) => join(src, f)),
  outdir: npm,
  format: 'esm',
  platform: 'neutral',
  plugins: [siblings, minifiedStyles],
  // The glue is shipped beside the bundles; Node built-ins are Node's.
  external: ['./wasm/pii_veil.js', 'node:*'],
});
for (const f of ['index.d.ts', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE']) copyFileSync(join(src, f), join(npm, f));
chmodSync(join(npm, 'cli.js'), 0o755);
writeFileSync(join(npm, 'wasm', 'pii_veil.js'), glue);
copyFileSync(join(pkg, 'pii_veil_bg.wasm'), join(npm, 'wasm', 'pii_veil_bg.wasm'));

// --- one-file script
// `pii-veil:glue` is the glue with `import.meta.url` (which a classic script has not)
// replaced by the script's own URL, taken while the script runs; `pii-veil:wasm` is
// the module as a base64 string.
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
const wasmHash = sri(wasm);
// What a classic script is built from: the module and its glue, the name of the module
// file beside the loader, and whether it pseudonymises (session.js, chat.js).
const full = { glue, wasm, name: 'pii-veil.wasm', pseudonymise: true };
const lite = { glue: liteGlue, wasm: liteWasm, name: 'pii-veil.lite.wasm', pseudonymise: false };
const inline = (source, mod) => ({
  name: 'pii-veil-inline',
  setup(b) {
    b.onResolve({ filter: /^pii-veil:source$/ }, () => ({ path: join(src, source) }));
    b.onResolve({ filter: /^pii-veil:(glue|wasm|base|hash|pseudonymise)$/ }, (a) => ({ path: a.path, namespace: 'pii-veil' }));
    b.onLoad({ filter: /^pii-veil:hash$/, namespace: 'pii-veil' }, () => ({
      contents: `export const NAME = ${JSON.stringify(mod.name)};\nexport const HASH = ${JSON.stringify(sri(mod.wasm))};\n`,
      loader: 'js',
    }));
    b.onLoad({ filter: /^pii-veil:glue$/, namespace: 'pii-veil' }, () => ({
      contents: "import { base as __piiVeilBase } from 'pii-veil:base';\n" + mod.glue.replaceAll('import.meta.url', '__piiVeilBase'),
      loader: 'js',
      resolveDir: pkg,
    }));
    b.onLoad({ filter: /^pii-veil:wasm$/, namespace: 'pii-veil' }, () => ({ contents: mod.wasm, loader: 'base64' }));
    b.onLoad({ filter: /^pii-veil:pseudonymise$/, namespace: 'pii-veil' }, () => ({
      contents: mod.pseudonymise
        ? "export { createChat } from './chat.js';\nexport { sessionHandle } from './session.js';\n"
        : 'export const createChat = null;\nexport const sessionHandle = null;\n',
      loader: 'js',
      resolveDir: src,
    }));
    b.onLoad({ filter: /^pii-veil:base$/, namespace: 'pii-veil' }, () => ({
      contents: "export const base = (typeof document !== 'undefined' && document.currentScript && document.currentScript.src)"
        + " || (globalThis.location && globalThis.location.href) || '';\n",
      loader: 'js',
    }));
  },
});
async function classicScript(name, source, mod, extra, intoPackage) {
  const out = await build({
    ...common,
    ...extra,
    entryPoints: [join(src, 'script.js')],
    format: 'iife',
    platform: 'browser',
    plugins: [inline(source, mod), minifiedStyles],
    banner: { js: `/*! pii-veil ${version} | MIT OR Apache-2.0 | classic script: window.PiiVeil */\n'use strict';` },
    write: false,
    outfile: join(dist, name),
  });
  const bytes = Buffer.from(out.outputFiles[0].contents);
  if (/\bimport\.meta\b/.test(bytes.toString('utf8'))) throw new Error(`${name}: import.meta is left in a classic script`);
  writeFileSync(join(dist, name), bytes);
  if (intoPackage) copyFileSync(join(dist, name), join(npm, name));
  return bytes;
}
const scriptBytes = await classicScript('pii-veil.js', 'wasm-inline.js', full, {}, true);
// The loaders: minified, the module beside them (served from www/dist, not in the package).
const minified = { minify: true, legalComments: 'eof' };
const loaderBytes = await classicScript('pii-veil.loader.js', 'wasm-beside.js', full, minified, false);
copyFileSync(join(pkg, 'pii_veil_bg.wasm'), join(dist, 'pii-veil.wasm'));
const liteBytes = await classicScript('pii-veil.lite.js', 'wasm-beside.js', lite, minified, false);
copyFileSync(join(pkg, 'lite', 'pii_veil_bg.wasm'), join(dist, 'pii-veil.lite.wasm'));

// --- sizes and SRI
console.log(formatSizes('pii_veil_bg.wasm', sizesOf(wasm)));
console.log(formatSizes('pii-veil.js (all-in)', sizesOf(scriptBytes)));
const loaderSizes = sizesOf(loaderBytes);
const wasmSizes = sizesOf(wasm);
console.log(formatSizes('pii-veil.loader.js', loaderSizes));
const plus = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
console.log(formatSizes('  + pii-veil.wasm', plus(loaderSizes, wasmSizes)));
console.log(formatSizes('pii-veil.lite.js', sizesOf(liteBytes)));
console.log(formatSizes('  + pii-veil.lite.wasm', plus(sizesOf(liteBytes), sizesOf(liteWasm))));
const loaders = { 'pii-veil.loader.js': 'pii-veil.wasm', 'pii-veil.lite.js': 'pii-veil.lite.wasm' };
for (const [name, bytes] of [['pii-veil.js', scriptBytes], ['pii-veil.loader.js', loaderBytes], ['pii-veil.lite.js', liteBytes]]) {
  const integrity = sri(bytes);
  writeFileSync(join(dist, name + '.integrity'), integrity + '\n');
  // A loader's module, downloaded beside the script (README.md, "Script tag").
  if (loaders[name]) console.log(`<link rel="preload" href="${loaders[name]}" as="fetch" crossorigin="anonymous">`);
  console.log(`<script src="${name}" integrity="${integrity}" crossorigin="anonymous"></script>`);
}
console.log(`pii-veil.wasm          ${wasmHash} (checked by pii-veil.loader.js)`);
console.log(`pii-veil.lite.wasm     ${sri(liteWasm)} (checked by pii-veil.lite.js)`);

// --- the inline bootstrap (src/bootstrap.js): minified, with its CSP hash
const boot = (await transform(readFileSync(join(src, 'bootstrap.js'), 'utf8'), { minify: true, target: 'es2017', legalComments: 'none' })).code.trim();
writeFileSync(join(dist, 'bootstrap.min.js'), boot);
const bootHash = 'sha256-' + createHash('sha256').update(boot).digest('base64');
writeFileSync(join(dist, 'bootstrap.csp'), `'${bootHash}'\n`);
console.log(`bootstrap (inline)     ${Buffer.byteLength(boot)} B; CSP: script-src '${bootHash}'  (www/dist/bootstrap.min.js)`);

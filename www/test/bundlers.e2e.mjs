// The npm package in the bundlers besides Vite (react.e2e.mjs covers Vite and plain
// ESM): a small app that calls protect(document) is built from the packed tarball with
// webpack 5 and with rspack (through their Node APIs, production mode, no plugins),
// served by the recording server under the CSP a protected page needs (worker-src
// 'self'), and driven in Chromium: the engine loads, a typed e-mail is found, and a
// 200 KB paste is scanned in the worker the bundler built from the package's
// `new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })` — a file of
// the build, not a data: URL — and not on the main thread.
// Installs are cached in target/apps/<bundler> (apps.mjs).
//   node www/test/bundlers.e2e.mjs            (www/build.sh first)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from './chromium.mjs';
import { installApp, packTarball } from './apps.mjs';
import { pasteText } from './paste.mjs';
import { startServer } from './server.mjs';

const MAIN = `import { protect } from 'pii-veil';
window.piiVeil = protect(document, { lang: 'de' });
`;
const HTML = `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>app</title></head>
<body><textarea id="t" rows="4" cols="60"></textarea><script src="main.js"></script></body></html>
`;
// The same configuration for both: rspack takes webpack's.
const CONFIG = `{
  mode: 'production',
  context: process.cwd(),
  entry: './src/main.js',
  output: { path: join(process.cwd(), 'dist'), filename: 'main.js', publicPath: 'auto', clean: true },
  performance: { hints: false },
}`;
const build = (imp, call) => `import { join } from 'node:path';
import { copyFileSync } from 'node:fs';
${imp}
const stats = await new Promise((ok, no) => ${call}(${CONFIG}).run((e, s) => (e ? no(e) : ok(s))));
if (stats.hasErrors()) { console.error(stats.toString('errors-only')); process.exit(1); }
copyFileSync('index.html', join('dist', 'index.html'));
`;
const BUNDLERS = {
  webpack: { dependencies: { webpack: '5.113.0' }, script: build("import webpack from 'webpack';", 'webpack') },
  rspack: { dependencies: { '@rspack/core': '2.3.4' }, script: build("import { rspack } from '@rspack/core';", 'rspack') },
};

let context;
const dists = {};
before(async () => {
  const tgz = packTarball();
  for (const [name, b] of Object.entries(BUNDLERS)) {
    const dir = installApp(name, { dependencies: b.dependencies }, { 'src/main.js': MAIN, 'index.html': HTML, 'build.mjs': b.script }, tgz);
    execFileSync(process.execPath, ['build.mjs'], { cwd: dir, stdio: 'inherit' });
    dists[name] = join(dir, 'dist');
  }
  context = await launchChromium();
  for (const p of context.pages()) await p.close().catch(() => {});
});
after(async () => {
  if (context) await context.close();
});

const badgeIs = (page, n, timeout) => page.waitForFunction((k) => {
  const b = document.querySelector('#t + .pii-veil-layer + .pii-veil-host, #t + .pii-veil-host')?.shadowRoot.querySelector('.pii-veil-badge');
  return b && !b.hidden && b.textContent === k;
}, String(n), { timeout });

for (const name of Object.keys(BUNDLERS)) {
  test(`${name}: the engine loads, and a 200 KB paste is scanned in the worker ${name} built from the package`, async () => {
    const files = readdirSync(dists[name]);
    assert.ok(files.some((f) => f.endsWith('.wasm')), 'the wasm module is a file of the build');
    const server = await startServer({ root: dists[name] });
    const page = await context.newPage();
    const problems = [];
    const workers = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('worker', (w) => workers.push(w.url()));
    const modules = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) modules.push(r.url()); });
    try {
      await page.goto(server.url);
      await page.waitForFunction(() => window.piiVeil && window.piiVeil.state !== 'loading');
      assert.equal(await page.evaluate(() => window.piiVeil.state), 'ready');
      await page.click('#t');
      await page.keyboard.type('Mail an anna@example.org');
      await badgeIs(page, 1);
      const stats0 = await page.evaluate(() => window.piiVeil.stats);
      await page.keyboard.insertText(pasteText());
      await badgeIs(page, 3, 30000);
      const stats = await page.evaluate(() => window.piiVeil.stats);
      assert.ok(stats.workerScans > stats0.workerScans, 'the long text went to the worker');
      assert.equal(stats.mainScans, stats0.mainScans, 'and was not scanned on the main thread');
      assert.equal(workers.length, 1, 'one worker');
      assert.ok(workers[0].startsWith(server.url) && workers[0].endsWith('.js'), `the worker is a file of the build (${workers[0].slice(0, 40)})`);
      assert.ok(files.includes(workers[0].slice(server.url.length)), 'the worker is a file of the build');
      // one module in the build, fetched once: the worker was given the page's compiled one
      assert.equal(files.filter((f) => f.endsWith('.wasm')).length, 1, files.join(', '));
      assert.equal(modules.length, 1, modules.join(', '));
      assert.deepEqual(problems, []);
      assert.deepEqual(server.recorded, [], 'nothing was sent');
    } finally {
      await page.close();
      await server.close();
    }
  });
}

// A consumer of the published package: `npm pack` the built package, install the
// tarball into a fresh Vite 7 project in a temp folder, `vite build`, serve the built
// page and see a finding in Chromium.   node www/test/consumer.mjs
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { pkgDir, www } from './helpers.mjs';

const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const dir = mkdtempSync(join(tmpdir(), 'pii-veil-consumer-'));
const tarball = join(dir, npm(['pack', '--silent', '--pack-destination', dir], pkgDir).trim().split('\n').pop());

// What the tarball holds: the files whitelist and nothing else (each entry is one bundle).
const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
assert.deepEqual(listed, ['LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'cli.js', 'index.d.ts', 'index.js', 'node.js', 'package.json', 'pii-veil.js', 'wasm/pii_veil.js', 'wasm/pii_veil_bg.wasm', 'worker.js'].map((f) => 'package/' + f));

const app = join(dir, 'app');
mkdirSync(join(app, 'src'), { recursive: true });
const viteVersion = JSON.parse(readFileSync(join(www, 'package.json'), 'utf8')).devDependencies.vite;
writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', scripts: { build: 'vite build' } }, null, 2));
writeFileSync(join(app, 'index.html'), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>consumer</title></head>
<body><textarea id="in">😀 Bitte an anna@example.org und IBAN DE89 3704 0044 0532 0130 00</textarea><pre id="out"></pre>
<script type="module" src="/src/main.js"></script></body></html>`);
writeFileSync(join(app, 'src', 'main.js'), `import { init, createScanner } from 'pii-veil';
await init();
const scanner = createScanner({ countries: ['de', 'at', 'ch'] });
const text = document.getElementById('in').value;
const found = scanner.scan(text);
document.getElementById('out').textContent = JSON.stringify({ found, masked: scanner.redact(text).text });
document.documentElement.dataset.done = 'true';
`);
// Installs from the npm cache when it can; vite is the version www/ pins.
npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `vite@${viteVersion}`, tarball], app);
const types = readFileSync(join(app, 'node_modules', 'pii-veil', 'index.d.ts'), 'utf8');
assert.match(types, /export function createScanner/);
execFileSync(join(app, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: app, stdio: 'inherit' });

// The bin works from the installed package too.
const cliOut = execFileSync(join(app, 'node_modules', '.bin', 'pii-veil'), ['redact'], { input: 'mail anna@example.org', encoding: 'utf8' });
assert.equal(cliOut, 'mail [EMAIL]');

const port = await new Promise((res) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', join(app, 'dist')], { stdio: 'ignore' });
let context;
try {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  context = await launchChromium();
  const page = context.pages()[0] || await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('html[data-done="true"]', { timeout: 20000 });
  const { found, masked } = JSON.parse(await page.textContent('#out'));
  assert.deepEqual(found.map((f) => [f.kind, f.start, f.end, f.text]), [
    ['email', 12, 28, 'anna@example.org'],
    ['iban', 38, 65, 'DE89 3704 0044 0532 0130 00'],
  ]);
  assert.equal(masked, '😀 Bitte an [EMAIL] und IBAN [IBAN]');
  assert.deepEqual(problems, []);
  console.log(`consumer ok: ${tarball} → vite ${viteVersion} build → Chromium`);
} finally {
  if (context) await context.close();
  server.kill();
}

// A React app built the way a user builds one: `npm pack` the package, install the
// tarball with react, react-dom (exact versions) and the Vite www/ pins into a fresh
// project in a temp folder, `vite build` (JSX through Vite's own esbuild transform),
// then drive the built app in headless Chromium against the recording server
// (www/test/server.mjs serving the app's dist/, with the CSP a protected page needs).
// The app: controlled inputs and a textarea held in useState (several without a
// `name`), `protect(document)` from the package, a submit handler that sends
// `fetch('/api/lead', { body: JSON.stringify(state) })`, a clear button that calls
// setState(''), and a second form whose one unnamed input has policy block.
//   node www/test/react.e2e.mjs            (www/build.sh first)
//   PII_VEIL_REACT_UNPROTECTED=1 node …    the same app without protect(): must fail
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from './chromium.mjs';
import { pkgDir, www } from './helpers.mjs';
import { pasteText, PASTE_EMAIL, PASTE_IBAN } from './paste.mjs';
import { startServer } from './server.mjs';

const REACT_VERSION = '19.3.1'; // react and react-dom, pinned
const unprotected = process.env.PII_VEIL_REACT_UNPROTECTED === '1';

const V = {
  name: 'Maria Huber',
  email: 'anna.gruber@example.at',
  phone: '+43 664 1234567',
  iban: 'DE89 3704 0044 0532 0130 00',
  card: '4111 1111 1111 1111',
  taxId: '65929970489',
};
const MESSAGE = `Hello, this is ${V.name} again. Please refund to ${V.iban} or call me on ${V.phone}; `
  + `meine Steuer-ID ist ${V.taxId}, E-Mail ${V.email}, Kreditkarte ${V.card}.`;

// --- the app
const MAIN = `import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { protect } from 'pii-veil';

// Before the app's first request: the ESM build installs its request hooks here.
${unprotected ? '// (built without protect() for the check that the tests fail)' : "window.piiVeil = protect(document, { lang: 'de' });"}

const EMPTY = { name: '', email: '', phone: '', iban: '', card: '', taxId: '' };

function Lead() {
  const [lead, setLead] = useState(EMPTY);
  const [message, setMessage] = useState('');
  const [status, setStatus] = useState('');
  const field = (key) => ({ id: key, value: lead[key], onChange: (e) => setLead({ ...lead, [key]: e.target.value }) });
  async function submit(e) {
    e.preventDefault();
    const res = await fetch('/api/lead', { method: 'POST', body: JSON.stringify({ ...lead, message }) });
    setStatus(res.ok ? 'sent' : 'failed');
  }
  return (
    <form id="lead" data-pii-veil onSubmit={submit}>
      <label>Name <input {...field('name')} autoComplete="off" /></label>
      <label>E-Mail <input {...field('email')} type="email" name="email" /></label>
      <label>Telefon <input {...field('phone')} type="tel" /></label>
      <label>IBAN <input {...field('iban')} name="iban" /></label>
      <label>Kreditkarte <input {...field('card')} inputMode="numeric" /></label>
      <label>Steuer-ID <input {...field('taxId')} name="taxId" /></label>
      <label>Nachricht <textarea id="message" rows={4} value={message} onChange={(e) => setMessage(e.target.value)} /></label>
      <button type="button" id="clear" onClick={() => setMessage('')}>Leeren</button>
      <button type="submit" id="send">Senden</button>
      {status && <p id="status">{status}</p>}
    </form>
  );
}

function Note() {
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  async function submit(e) {
    e.preventDefault();
    const res = await fetch('/api/note', { method: 'POST', body: JSON.stringify({ note }) });
    setStatus(res.ok ? 'sent' : 'failed');
  }
  return (
    <form id="note" onSubmit={submit}>
      <label>Notiz <input id="note-text" data-pii-veil-policy="block" value={note} onChange={(e) => setNote(e.target.value)} /></label>
      <button type="submit" id="note-send">Notiz senden</button>
      {status && <p id="note-status">{status}</p>}
    </form>
  );
}

createRoot(document.getElementById('root')).render(<><Lead /><Note /></>);
document.documentElement.dataset.started = 'true';
`;

function buildApp() {
  const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const dir = mkdtempSync(join(tmpdir(), 'pii-veil-react-'));
  const tarball = join(dir, npm(['pack', '--silent', '--pack-destination', dir], pkgDir).trim().split('\n').pop());
  const app = join(dir, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  const viteVersion = JSON.parse(readFileSync(join(www, 'package.json'), 'utf8')).devDependencies.vite;
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'react-consumer', private: true, type: 'module', scripts: { build: 'vite build' } }, null, 2));
  // Vite's built-in esbuild transform compiles the JSX (no React plugin).
  writeFileSync(join(app, 'vite.config.js'), "export default { esbuild: { jsx: 'automatic' } };\n");
  writeFileSync(join(app, 'index.html'), `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Lead</title></head>
<body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body></html>`);
  writeFileSync(join(app, 'src', 'main.jsx'), MAIN);
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', '--save-exact',
    `vite@${viteVersion}`, `react@${REACT_VERSION}`, `react-dom@${REACT_VERSION}`, tarball], app);
  execFileSync(join(app, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: app, stdio: 'inherit' });
  return join(app, 'dist');
}

/** Every spelling of `v` a request could carry it in (compared without case). */
function spellingsOf(v) {
  const compact = v.replace(/[\s\-./()]/g, '');
  const s = new Set([v, v.replace(/\s+/g, ''), compact, encodeURIComponent(v), new URLSearchParams([['', v]]).toString().slice(1),
    JSON.stringify(v).slice(1, -1), encodeURIComponent(compact), v.replace(/\s+/g, '-'), v.replace(/\s+/g, '.')]);
  return [...s].map((x) => x.toLowerCase());
}
function safeDecode(s) {
  try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; }
}
/** Fails if any recorded URL or body holds one of `values` in any spelling (names only in the message). */
function assertNoLeak(values, where) {
  const text = server.recorded.map((r) => `${r.url}\n${r.body}`).join('\n');
  const hay = `${text}\n${safeDecode(text)}\n${safeDecode(text).replace(/\\u([0-9a-f]{4})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)))}`.toLowerCase();
  for (const [k, v] of Object.entries(values)) {
    for (const sp of spellingsOf(v)) assert.ok(!hay.includes(sp), `${where}: the server received the ${k} (in a spelling of length ${sp.length})`);
  }
}
async function waitRecorded(pred, what) {
  for (let i = 0; i < 100; i++) {
    const r = server.recorded.find(pred);
    if (r) return r;
    await new Promise((res) => setTimeout(res, 100));
  }
  return assert.fail(`not recorded: ${what}`);
}

let server, context, page;
const problems = [];
const workers = [];
const modules = []; // requests for a .wasm, the page's and its worker's

before(async () => {
  const dist = buildApp();
  // the built app: one entry chunk, the worker as a file of its own (never a data: URL)
  server = await startServer({ root: dist });
  context = await launchChromium();
  for (const p of context.pages()) await p.close().catch(() => {});
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('worker', (w) => workers.push(w.url()));
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) modules.push(r.url()); });
  await page.goto(server.url);
  await page.waitForSelector('html[data-started="true"]');
  if (!unprotected) await page.waitForFunction(() => window.piiVeil.state === 'ready');
  assert.ok(readdirSync(join(dist, 'assets')).some((f) => f.endsWith('.wasm')), 'the wasm module is copied into the build');
});
after(async () => {
  if (context) await context.close();
  if (server) await server.close();
});

const typeInto = async (sel, text) => { await page.click(sel); await page.keyboard.type(text); };
const badgeAfter = (sel) => page.evaluate((s) => {
  // a field's badge follows it (or its highlight layer) as a sibling
  let n = document.querySelector(s).nextElementSibling;
  if (n && n.classList.contains('pii-veil-layer')) n = n.nextElementSibling;
  n = n && n.classList.contains('pii-veil-host') ? n.shadowRoot.querySelector('.pii-veil-badge') : null;
  return n && !n.hidden ? n.textContent : null;
}, sel);
const marksOf = (sel) => page.evaluate((s) => {
  const n = document.querySelector(s).nextElementSibling;
  return n && n.classList.contains('pii-veil-layer') && n.style.display !== 'none' ? [...n.querySelectorAll('mark')].map((m) => m.textContent) : [];
}, sel);

test('typed personal data never reaches the server from a React submit handler (fetch of JSON.stringify(state))', async () => {
  server.reset();
  await typeInto('#name', V.name);
  await typeInto('#email', V.email);
  await typeInto('#phone', V.phone);
  await typeInto('#iban', V.iban);
  await typeInto('#card', V.card);
  await typeInto('#taxId', V.taxId);
  await page.click('#message');
  await page.keyboard.insertText(MESSAGE); // a paste
  // React owns the values: what was typed is in the fields (nothing rewritten mid-typing)
  assert.equal(await page.inputValue('#iban'), V.iban);
  assert.equal(await page.inputValue('#message'), MESSAGE);
  if (!unprotected) await page.waitForFunction(() => document.querySelector('#message + .pii-veil-layer mark'));
  await page.click('#send');
  const rec = await waitRecorded((r) => r.path === '/api/lead', 'the lead');
  await page.waitForSelector('#status');
  assert.equal(await page.textContent('#status'), 'sent');
  assertNoLeak(V, 'lead');
  const body = JSON.parse(rec.body);
  assert.deepEqual(Object.keys(body).sort(), ['card', 'email', 'iban', 'message', 'name', 'phone', 'taxId']);
  for (const k of ['email', 'iban', 'card', 'phone']) assert.match(body[k], /^\[[A-Z_]+\]$/, `${k} is a placeholder`);
  assert.match(body.message, /^Hello, this is \[/, 'the message keeps its words');
  // the fields still hold what the person typed
  assert.equal(await page.inputValue('#card'), V.card);
});

test('clearing a controlled textarea with setState(\'\') takes its highlights and badge away', async () => {
  assert.ok(Number(await badgeAfter('#message')) >= 5, 'the message has findings');
  assert.ok((await marksOf('#message')).some((t) => t.includes('DE89')));
  await page.click('#clear');
  assert.equal(await page.inputValue('#message'), '');
  await page.waitForFunction(() => {
    const n = document.querySelector('#message + .pii-veil-layer + .pii-veil-host, #message + .pii-veil-host')?.shadowRoot.querySelector('.pii-veil-badge');
    return !n || n.hidden;
  });
  assert.deepEqual(await marksOf('#message'), [], 'no highlight is left on the cleared field');
  const shown = await page.evaluate(() => [...document.querySelectorAll('#lead .pii-veil-layer, #lead .pii-veil-host')].map((n) => (n.shadowRoot || n).textContent).join('\n'));
  assert.ok(!shown.includes('Hello, this is'), 'the old message is not drawn anywhere');
  // the other fields keep theirs
  assert.equal(await badgeAfter('#iban'), '1');
});

test('policy block on an unnamed input holds back the React handler\'s send and says why', async () => {
  server.reset();
  await typeInto('#note-text', `Rückruf an ${V.email} bitte`);
  if (!unprotected) await page.waitForFunction(() => {
    const n = document.querySelector('#note-text + .pii-veil-layer + .pii-veil-host')?.shadowRoot.querySelector('.pii-veil-badge');
    return n && !n.hidden;
  });
  await page.evaluate(() => window.addEventListener('pii-veil:blocked', (e) => { window.blockedReason = e.detail.reason; }, { once: true }));
  await page.click('#note-send');
  await page.locator('#note [role=alert], #note-status').first().waitFor();
  await new Promise((r) => setTimeout(r, 500)); // a send that went anyway would be recorded by now
  assert.equal(server.recorded.filter((r) => r.path === '/api/note').length, 0, 'nothing was sent');
  assert.equal(await page.locator('#note-status').count(), 0, 'the app\'s handler did not run');
  assert.equal(await page.evaluate(() => window.blockedReason), 'policy');
  assert.match(await page.textContent('#note [role=alert]'), /Nicht gesendet: .*E-Mail/);
  // without the personal data the note goes
  await page.fill('#note-text', 'Rückruf bitte morgen');
  await page.waitForFunction(() => {
    const n = document.querySelector('#note-text + .pii-veil-layer + .pii-veil-host')?.shadowRoot.querySelector('.pii-veil-badge');
    return !n || n.hidden;
  });
  await page.click('#note-send');
  const rec = await waitRecorded((r) => r.path === '/api/note', 'the note');
  assert.deepEqual(JSON.parse(rec.body), { note: 'Rückruf bitte morgen' });
  assertNoLeak(V, 'note');
});

test('a 200 KB paste into the React textarea is scanned in the package\'s worker, loaded by the Vite build', async () => {
  const stats0 = await page.evaluate(() => window.piiVeil.stats);
  await page.click('#message');
  await page.keyboard.insertText(pasteText());
  await page.waitForFunction(() => document.querySelector('#message + .pii-veil-layer + .pii-veil-host, #message + .pii-veil-host')?.shadowRoot.querySelector('.pii-veil-badge')?.textContent === '2'
    && !document.querySelector('#message + .pii-veil-layer + .pii-veil-host, #message + .pii-veil-host')?.shadowRoot.querySelector('.pii-veil-badge').hidden);
  const stats = await page.evaluate(() => window.piiVeil.stats);
  assert.ok(stats.workerScans > stats0.workerScans, 'the long text went to the worker');
  assert.equal(stats.mainScans, stats0.mainScans, 'and was not scanned on the main thread');
  assert.equal(workers.length, 1, 'one worker');
  assert.match(workers[0], /^http:\/\/127\.0\.0\.1:\d+\/assets\/worker[-\w]*\.js$/, 'the worker is a file of the build');
  // the worker was given the page's compiled module: it was fetched once
  assert.equal(modules.length, 1, modules.join(', '));
  // and its findings are known values: the send masks them
  server.reset();
  await page.click('#send');
  const rec = await waitRecorded((r) => r.path === '/api/lead', 'the lead with the paste');
  assert.ok(JSON.parse(rec.body).message.length > 200 * 1024);
  assertNoLeak({ ...V, pasteEmail: PASTE_EMAIL, pasteIban: PASTE_IBAN }, 'lead with the paste');
});

test('without a bundler: the package\'s index.js as a plain ES module starts worker.js, which imports index.js', async () => {
  // the unpacked package served as it is, with a page that imports it
  const dir = mkdtempSync(join(tmpdir(), 'pii-veil-plain-esm-'));
  cpSync(pkgDir, dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>plain</title></head>'
    + '<body><textarea id="t"></textarea><script type="module" src="./main.js"></script></body></html>');
  writeFileSync(join(dir, 'main.js'), "import { protect } from './index.js';\nwindow.piiVeil = protect(document);\n");
  const plain = await startServer({ root: dir });
  const p = await context.newPage();
  const seen = [];
  const errors = [];
  const wasm = [];
  p.on('worker', (w) => seen.push(w.url()));
  p.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try {
    await p.goto(plain.url);
    await p.waitForFunction(() => window.piiVeil && window.piiVeil.state === 'ready');
    const stats0 = await p.evaluate(() => window.piiVeil.stats);
    await p.click('#t');
    await p.keyboard.insertText(pasteText());
    await p.waitForFunction(() => document.querySelector('#t + .pii-veil-layer + .pii-veil-host, #t + .pii-veil-host')?.shadowRoot.querySelector('.pii-veil-badge')?.textContent === '2');
    const stats = await p.evaluate(() => window.piiVeil.stats);
    assert.ok(stats.workerScans > stats0.workerScans, 'the long text went to the worker');
    assert.equal(stats.mainScans, stats0.mainScans, 'and was not scanned on the main thread');
    assert.deepEqual(seen, [`${plain.url}worker.js`]);
    // fetched once, by the page: the worker instantiates the page's compiled module
    assert.deepEqual(wasm, ['/wasm/pii_veil_bg.wasm']);
    assert.deepEqual(errors, []);
  } finally {
    await p.close();
    await plain.close();
  }
});

test('without a bundler, a field that holds text as the page loads: the engine still loads (its default and an engine URL)', async () => {
  // While a protected field holds text and the engine loads, pii-veil's request hooks
  // make requests wait for the engine: the module's own request must not be one of them.
  const dir = mkdtempSync(join(tmpdir(), 'pii-veil-prefilled-'));
  cpSync(pkgDir, dir, { recursive: true });
  const page = (opts) => '<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>prefilled</title></head>'
    + `<body><textarea id="t">Meine IBAN ist ${PASTE_IBAN}</textarea><script type="module" src="./main-${opts}.js"></script></body></html>`;
  for (const [name, opts] of [['default', ''], ['engine', ", { engine: new URL('./wasm/pii_veil_bg.wasm', import.meta.url) }"]]) {
    writeFileSync(join(dir, `${name}.html`), page(name));
    writeFileSync(join(dir, `main-${name}.js`), `import { protect } from './index.js';\nwindow.piiVeil = protect(document${opts});\n`);
  }
  const plain = await startServer({ root: dir });
  const p = await context.newPage();
  try {
    for (const name of ['default', 'engine']) {
      await p.goto(`${plain.url}${name}.html`);
      const state = await p.evaluate(() => Promise.race([window.piiVeil.ready.then(() => window.piiVeil.state),
        new Promise((r) => setTimeout(() => r('still loading after 10 s'), 10000))]));
      assert.equal(state, 'ready', name);
    }
  } finally {
    await p.close();
    await plain.close();
  }
});

test('no errors or warnings on the console', () => {
  assert.deepEqual(problems, []);
});

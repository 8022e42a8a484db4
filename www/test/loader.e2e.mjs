// The loader script (dist/pii-veil.loader.js) with its module beside it, in Chromium,
// on the test server with the page CSP: the module is fetched, checked against the
// SHA-384 the build embedded in the loader, compiled (both ways: after the hash, the
// default, at once on the main thread or, where the browser refuses that, in the
// background; and while it downloads, or after the hash when the server does not send
// application/wasm) and protects a form; the worker starts from the loader too. A
// module whose bytes differ (one byte changed on the way) is not used, whichever way
// it was compiled: protection is held back — the form's submit never reaches the
// server — and the console says why with a fixed message, never the typed text. With
// the module preloaded in the page's head (what the build prints beside the script
// tag), it is downloaded once and checked all the same. The lite loader
// (dist/pii-veil.lite.js) fetches only its own module, protects the same way, and
// refuses pseudonymisation (createSession, protect()'s chat) with a clear error.
//   node www/test/loader.e2e.mjs        (needs www/build.sh first)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { startServer } from './server.mjs';
import { root } from './helpers.mjs';

const dist = join(root, 'www', 'dist');
const wasm = readFileSync(join(dist, 'pii-veil.wasm'));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'";
const IBAN = 'DE89 3704 0044 0532 0130 00';

const boot = readFileSync(join(dist, 'bootstrap.min.js'), 'utf8');
const bootCsp = readFileSync(join(dist, 'bootstrap.csp'), 'utf8').trim();
const PRELOAD = '<link rel="preload" href="/dist/pii-veil.wasm" as="fetch" crossorigin="anonymous">';
const html = (compile, withBoot, preload, script = 'pii-veil.loader.js') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
${preload ? PRELOAD : ''}
${withBoot ? `<script>${boot}</script>` : ''}
<script src="/dist/${script}" data-protect${compile ? ` data-wasm-compile="${compile}"` : ''}></script>
<title>loader</title></head><body>
<form id="f" action="/api/contact" method="post" target="sink">
<textarea id="msg" name="message"></textarea><button id="send">Send</button></form>
<iframe name="sink" title="sink"></iframe></body></html>`;

const server = await startServer();
const context = await launchChromium();
let failures = 0;

async function open(compile, tamper, withBoot, type, noWasmEval, preload, moreCsp = '', init = null) {
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  // Requests for a module, the page's and its worker's.
  const requested = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) requested.push(new URL(r.url()).pathname); });
  // Downloads of the module, as the browser's network stack finishes them.
  const downloads = [];
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => { if ((urls.get(e.requestId) || '').endsWith('/pii-veil.wasm')) downloads.push(e.encodedDataLength); });
  let csp = withBoot ? CSP.replace("script-src 'self'", `script-src 'self' ${bootCsp}`) : CSP;
  if (noWasmEval) csp = csp.replace(" 'wasm-unsafe-eval'", '');
  csp += moreCsp;
  await page.route('**/loader-test.html', (r) => r.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': csp }, body: html(compile, withBoot, preload) }));
  if (tamper) {
    const bad = Buffer.from(wasm);
    bad[bad.length - 100] ^= 1;
    await page.route('**/dist/pii-veil.wasm', (r) => r.fulfill({ contentType: 'application/wasm', body: bad }));
  } else if (type) {
    await page.route('**/dist/pii-veil.wasm', (r) => r.fulfill({ contentType: type, body: wasm }));
  }
  await page.goto(server.url + 'loader-test.html');
  return { page, logs, downloads, requested };
}

// Whether protection got ready (true), failed (false), or neither within 20 s.
const readyOf = (page) => page.evaluate(() => Promise.race([window.PiiVeil.page.ready, new Promise((r) => setTimeout(() => r('still waiting after 20 s'), 20000))]));

// Submits the form with an IBAN typed in; the body the server got must not carry it.
async function submitsMasked(page) {
  await page.fill('#msg', `Meine IBAN ${IBAN}`);
  await page.click('#send');
  await page.waitForFunction(() => fetch('/__recorded').then((r) => r.json()).then((r) => r.some((x) => x.path === '/api/contact')));
  const sent = server.recorded.find((x) => x.path === '/api/contact').body;
  assert.ok(!decodeURIComponent(sent.replace(/\+/g, ' ')).includes(IBAN), 'masked before it was sent');
}

// Puts a 200 KB text in the field; true once it was scanned in the worker (started from
// the script's own URL).
const scansInWorker = (page) => page.evaluate(async () => {
  const el = document.getElementById('msg');
  el.value = 'IBAN DE89 3704 0044 0532 0130 00 '.repeat(7000);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  const h = window.PiiVeil.page;
  for (let i = 0; i < 400 && h.stats.workerScans === 0; i++) await new Promise((r) => setTimeout(r, 50));
  return h.stats.workerScans > 0;
});

async function check(name, fn) {
  try {
    await fn();
    console.log(`ok   ${name}`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}\n${e.stack}`);
  }
}

try {
  for (const [compile, type] of [[null], ['streaming'], ['streaming', 'application/octet-stream']]) {
    await check(`the checked module protects the page (${compile || 'after-hash'} compile${type ? ', served as ' + type : ''}), and the worker is given it`, async () => {
      server.reset();
      const { page, logs, requested } = await open(compile, false, false, type);
      assert.equal(await readyOf(page), true);
      assert.deepEqual(await page.evaluate((t) => window.PiiVeil.scan(t).map((f) => f.kind), 'IBAN ' + IBAN), ['iban']);
      await submitsMasked(page);
      assert.ok(await scansInWorker(page), 'scanned in the worker');
      // the worker instantiates the page's checked module: fetched (and checked) once
      assert.deepEqual(requested, ['/dist/pii-veil.wasm']);
      assert.deepEqual(logs.filter((l) => /pii-veil/.test(l)), []);
      await page.close();
    });
  }

  await check('preloaded in the page\'s head, the module is downloaded once, checked and used', async () => {
    server.reset();
    const { page, logs, downloads } = await open(null, false, false, null, false, true);
    assert.equal(await readyOf(page), true);
    assert.deepEqual(await page.evaluate((t) => window.PiiVeil.scan(t).map((f) => f.kind), 'IBAN ' + IBAN), ['iban']);
    await page.waitForTimeout(500);
    assert.equal(downloads.length, 1, `downloads of pii-veil.wasm: ${downloads.length}`);
    assert.ok(downloads[0] > wasm.length, 'the whole module came over the network once');
    // No "preloaded but not used" warning, nothing of pii-veil's.
    assert.deepEqual(logs.filter((l) => /pii-veil|preload/.test(l)), []);
    await page.close();
  });
  await check('a preloaded module that does not match the hash is not used either', async () => {
    server.reset();
    const { page, logs } = await open(null, true, false, null, false, true);
    assert.equal(await readyOf(page), false);
    assert.ok(logs.some((l) => l === 'pii-veil: the .wasm module does not match the SHA-384 this script was built with; protection is held back'), logs.join('\n'));
    await page.close();
  });

  await check('behind the inline bootstrap (which holds every fetch until pii-veil is ready) the loader still gets its module', async () => {
    server.reset();
    const { page, logs } = await open(null, false, true);
    assert.equal(await readyOf(page), true);
    await submitsMasked(page);
    assert.deepEqual(logs.filter((l) => /pii-veil/.test(l)), []);
    await page.close();
  });

  await check('where the browser refuses a synchronous compile of the module (Chrome before 115), it is compiled in the background and protects the page', async () => {
    server.reset();
    // The limit of those browsers: no synchronous compile of more than 4 KB on the main thread.
    const refuse = () => {
      const M = WebAssembly.Module;
      const limited = function Module(bytes) {
        if (bytes.byteLength > 4096) {
          window.__refused = (window.__refused || 0) + 1;
          throw new RangeError('WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger than 4KB.');
        }
        return new M(bytes);
      };
      limited.prototype = M.prototype;
      Object.setPrototypeOf(limited, M);
      WebAssembly.Module = limited;
    };
    const { page, logs } = await open(null, false, false, null, false, false, '', refuse);
    assert.equal(await readyOf(page), true);
    assert.equal(await page.evaluate(() => window.__refused), 1, 'the synchronous compile was tried and refused once');
    assert.deepEqual(await page.evaluate((t) => window.PiiVeil.scan(t).map((f) => f.kind), 'IBAN ' + IBAN), ['iban']);
    await submitsMasked(page);
    assert.ok(await scansInWorker(page), 'scanned in the worker');
    assert.deepEqual(logs.filter((l) => /pii-veil/.test(l)), []);
    await page.close();
  });

  for (const compile of [null, 'streaming']) await check(`a module that does not match the hash is not used (${compile || 'after-hash'} compile): submits are held, one fixed console error`, async () => {
    server.reset();
    const { page, logs } = await open(compile, true);
    assert.equal(await readyOf(page), false);
    await page.fill('#msg', `Meine IBAN ${IBAN}`);
    await page.click('#send');
    await page.waitForTimeout(800);
    assert.equal(server.recorded.filter((x) => x.path === '/api/contact').length, 0, 'the submit is held back');
    assert.ok(logs.some((l) => l === 'pii-veil: the .wasm module does not match the SHA-384 this script was built with; protection is held back'), logs.join('\n'));
    assert.ok(!logs.some((l) => l.includes('DE89')), 'no typed text on the console');
    const err = await page.evaluate(() => window.PiiVeil.init().then(() => 'loaded', (e) => e.code));
    assert.equal(err, 'load_failed');
    await page.close();
  });
  await check('under a CSP without \'wasm-unsafe-eval\' (nothing can compile) protection is held back, one fixed console error', async () => {
    server.reset();
    const { page, logs } = await open(null, false, false, null, true);
    assert.equal(await readyOf(page), false);
    await page.fill('#msg', `Meine IBAN ${IBAN}`);
    await page.click('#send');
    await page.waitForTimeout(800);
    assert.equal(server.recorded.filter((x) => x.path === '/api/contact').length, 0, 'the submit is held back');
    assert.ok(logs.includes('pii-veil: the .wasm module could not be loaded; protection is held back'), logs.join('\n'));
    assert.ok(!logs.some((l) => l.includes('DE89')), 'no typed text on the console');
    await page.close();
  });
  // A page that enforces Trusted Types: a Worker's URL must come from a policy. The
  // script makes one named `pii-veil` that passes only its own worker's URL; a page
  // whose `trusted-types` directive lists it gets the worker, one that does not still
  // gets protection, its fields scanned on the main thread.
  await check('under Trusted Types with the policy `pii-veil` allowed, the worker starts from the loader, nothing on the console', async () => {
    server.reset();
    const { page, logs } = await open(null, false, false, null, false, false, "; require-trusted-types-for 'script'; trusted-types pii-veil");
    assert.equal(await readyOf(page), true);
    await submitsMasked(page);
    assert.ok(await scansInWorker(page), 'scanned in the worker');
    assert.deepEqual(logs, []);
    await page.close();
  });
  await check('under Trusted Types without the policy `pii-veil` allowed, fields are protected on the main thread', async () => {
    server.reset();
    const { page, logs } = await open(null, false, false, null, false, false, "; require-trusted-types-for 'script'; trusted-types other");
    assert.equal(await readyOf(page), true);
    await submitsMasked(page);
    assert.ok(!logs.some((l) => l.includes('DE89')), 'no typed text on the console');
    assert.ok(logs.some((l) => l === 'pii-veil: the Trusted Types of this page do not allow the policy pii-veil (add it to the trusted-types directive): fields are scanned on the main thread'), logs.join('\n'));
    assert.equal(await page.evaluate(() => window.PiiVeil.page.stats.workerReady), false);
    await page.close();
  });
  await check('the lite loader fetches only pii-veil.lite.wasm, protects the form and its worker, and refuses pseudonymisation', async () => {
    server.reset();
    const page = await context.newPage();
    const logs = [];
    page.on('console', (m) => logs.push(m.text()));
    const modules = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) modules.push(new URL(r.url()).pathname); });
    await page.route('**/lite-test.html', (r) => r.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy': CSP },
      body: html(null, false, false, 'pii-veil.lite.js'),
    }));
    await page.goto(server.url + 'lite-test.html');
    assert.equal(await readyOf(page), true);
    await submitsMasked(page);
    assert.ok(await scansInWorker(page), 'scanned in the worker');
    // the page and its worker fetched the lite module, never the full one
    assert.ok(modules.length > 0 && modules.every((m) => m === '/dist/pii-veil.lite.wasm'), modules.join(', '));
    const refused = await page.evaluate(() => {
      const code = (fn) => { try { fn(); return 'no error'; } catch (e) { return e.code + ': ' + e.message; } };
      return [
        code(() => window.PiiVeil.createSession()),
        code(() => window.PiiVeil.protect(document.body, { chat: { url: '/api/bot' } })),
      ];
    });
    assert.match(refused[0], /^unsupported: pii-veil: this build has no pseudonymisation/);
    assert.match(refused[1], /^unsupported: chat: this build has no pseudonymisation/);
    assert.deepEqual(logs.filter((l) => /pii-veil/.test(l)), []);
    await page.close();
  });
} finally {
  await context.close();
  await server.close();
}
if (failures) {
  console.log(`${failures} failed`);
  process.exit(1);
}
console.log('loader: all passed');

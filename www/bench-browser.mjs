// pii-veil in headless Chromium (a measurement, run by hand, never a test):
//   node www/bench-browser.mjs [runs] [--only=cold,bare,main,repeat,vite,typing,paste] [--root=DIR] [--against=DIR]
//     [--js-flags=FLAGS]
//   (default 3 runs, every part; needs www/build.sh first)
//
// 1. Cold start of a script-tag page, each run on a fresh profile (nothing cached),
//    for the one-file build (pii-veil.js, module inlined) and the loader
//    (pii-veil.loader.js + pii-veil.wasm, compiled after the hash, the default, or while
//    it downloads;
//    and the lite loader, pii-veil.lite.js + pii-veil.lite.wasm, without pseudonymisation):
//    script received (its responseEnd) → protection ready (`pii-veil:ready`) → first
//    scan of a prefilled 2,000-character message shown (`pii-veil:findings`), with the
//    start-up phases pii-veil marks, for the loader its module's request and last
//    byte on the network (Resource Timing), and when protect()'s worker said ready.
//    `vite`: the same for the npm package in an app built with Vite from the packed
//    tarball (test/apps.mjs; installed once into target/apps/bench-vite): the app's
//    entry chunk received → its wasm module received → protection ready → first scan.
//    `bare`: the same cold starts in a browser with no DevTools connection (started on
//    the page, which logs its figures): what a person's browser pays, without the
//    source positions the DevTools network domain makes V8 collect at the first fetch
//    (with `vite`, the Vite app too). --js-flags=FLAGS starts these browsers with V8
//    flags (`--no-wasm-lazy-compilation`: what compiling on first call costs).
//    `main`: the main thread of a cold view of the loader page, from a trace: its tasks,
//    V8's compiling of the module's functions on their first call, pii-veil's longest task.
//    `repeat`: the script-tag page opened again and again on one profile, a new
//    browser each time, its files from the HTTP cache: what a returning person's views pay.
// 2. Typing into a 5,000-character textarea (--chars=N: N characters), at its end and in its middle (the line
//    there has findings before and after the caret): main-thread time per keystroke
//    (Chrome's own task, script, layout and style durations, DevTools protocol; and the
//    time of the protected page's worker, from a trace of its tasks) on a page
//    without pii-veil, and on a page with it in a textarea it leaves alone and in a
//    protected one (and with --against, in another build's), each page alone, in
//    turn in every round of the same run.
// 3. A 200 KB paste:
// Each run opens the CRM demo page (www/crm.html, script-tag build) on the test server
// and pastes the same text twice: into a textarea pii-veil leaves alone
// (data-pii-veil="off", the baseline) and into the protected ticket body. Printed per
// paste: long tasks (>= 50 ms, PerformanceObserver), the largest gap between 4 ms
// timer ticks from the paste until everything settled, and for the protected paste
// pii-veil's own longest main-thread task (handle.stats: which task, reading the
// field, per-frame layout sync) and whether the worker scanned it. Figures vary with
// the machine's load: compare the two columns of one run, not runs across machines.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS, launchChromium, newProfile, removeProfile } from './test/chromium.mjs';
import { startServer } from './test/server.mjs';
import { pasteText } from './test/paste.mjs';

// --root=DIR serves another checkout's www/ (an older build: compare builds in one
// session); builds without the loader are measured with the one-file script only.
const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) || 3);
const rootArg = args.find((a) => a.startsWith('--root='));
// --only=cold,bare,main,repeat,vite,typing,paste runs only those parts. --against=DIR (typing): the
// protected field of another build's www/ too, its page typed into in turn with this
// build's in every round (a same-run baseline that load spikes hit alike).
const onlyArg = args.find((a) => a.startsWith('--only='));
const jsFlags = args.filter((a) => a.startsWith('--js-flags='));
const part = (name) => !onlyArg || onlyArg.slice(7).split(',').includes(name);
const big = pasteText();
const server = await startServer(rootArg ? { root: rootArg.slice(7) } : {});
const distDir = join(rootArg ? rootArg.slice(7) : fileURLToPath(new URL('.', import.meta.url)), 'dist');
const hasLoader = existsSync(join(distDir, 'pii-veil.loader.js'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// A dense message of the kind the benchmarks scan: every line holds personal data.
const LINES = ['Hallo, hier ist Maria Huber, geb. 12.03.1985.', 'IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX',
  'Rückruf unter +43 664 1234567 oder maria.huber@example.at', 'Hauptstraße 12/3/4, 1010 Wien', 'Steuer-ID 65929970489, Kundennummer 4711',
  'Leider ist meine Bestellung vom letzten Monat immer noch nicht angekommen, bitte um Rückmeldung.'];
const dense = (n) => { let t = ''; for (let i = 0; t.length < n; i++) t += LINES[i % LINES.length] + '\n'; return t.slice(0, n); };
// The 2,000-char message of the start-up parts, and the field that holds it.
const MESSAGE = dense(2000);
const field = (text) => `<textarea id="m" rows="20" cols="80">${text}</textarea>`;
const pageHtml = (src, extra, body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}
<script>addEventListener('pii-veil:ready', () => {
  window.__ready = performance.now();
  console.debug('bench:ready');
  // when protect()'s worker says ready (it builds its scanner: then typing is rescanned there)
  const t = setInterval(() => { const s = window.PiiVeil.page && window.PiiVeil.page.stats; if (s && s.workerReady) { window.__workerReady = performance.now(); console.debug('bench:worker'); clearInterval(t); } }, 5);
}, true);
addEventListener('pii-veil:findings', () => { if (!window.__first) { window.__first = performance.now(); console.debug('bench:first'); } }, true);</script>
<script src="/dist/${src}" data-protect ${extra}></script><title>bench</title></head><body>${body}</body></html>`;

// What a page says on the console (`console.debug('bench:<what>')` from its ready,
// findings and worker-ready listeners), waited for without evaluating anything in the
// page: the start-up shares its main thread. (Playwright's waitForFunction first
// evaluates its injected script there, a 10–20 ms task that could fall into the
// module's download.) Listen before the page is opened.
function said(page) {
  const heard = new Set();
  page.on('console', (m) => { const t = m.text(); if (t.startsWith('bench:')) heard.add(t.slice(6)); });
  return async (what, ms) => {
    for (const t0 = Date.now(); !heard.has(what); await new Promise((r) => setTimeout(r, 5))) {
      if (Date.now() - t0 > ms) throw new Error(`the page did not say '${what}' within ${ms} ms`);
    }
  };
}

// The start-up phases pii-veil marks (src/marks.js), in ms after `from`; a build
// without the marks gives none.
const PHASES = ['wasm-requested', 'wasm-downloaded', 'module-received', 'module-decoded', 'module-checked', 'module-compiled', 'instantiated', 'scanner-built', 'warmed', 'worker-ready'];
const phasesAfter = (page, from) => page.evaluate(([from, names]) => Object.fromEntries(names
  .map((n) => [n, performance.getEntriesByName('pii-veil:' + n, 'mark')[0]]).filter(([, m]) => m).map(([n, m]) => [n, m.startTime - from])), [from, PHASES]);
const phaseLine = (rs) => PHASES.filter((n) => rs.every((r) => r.phases[n] !== undefined))
  .map((n) => `${n} ${median(rs.map((r) => r.phases[n])).toFixed(0)}`).join(', ');

// One cold start. `later`: the field is empty at load; once protection is ready and the
// page has been idle for a second, the message is put in at once (a paste) and the
// time from its input event to its findings shown is taken (it includes protect()'s
// 30 ms wait after the last change).
async function coldStart(src, extra, later, head) {
  const ctx = await launchChromium();
  try {
    const page = await ctx.newPage();
    await page.route('**/bench-page.html', (r) => r.fulfill({ contentType: 'text/html', body: pageHtml(src, extra, field(later ? '' : MESSAGE), head) }));
    return await startUp(page, server.url + 'bench-page.html', src, later);
  } finally {
    await ctx.close();
  }
}

// The page at `url` (pageHtml with the script `src`) opened once in `page`: times as
// `coldStart` gives them.
async function startUp(page, url, src, later) {
  const until = said(page);
  await page.goto(url);
  await until('ready', 60000);
  if (later) {
    await page.waitForTimeout(1000);
    await page.evaluate(() => document.getElementById('m').addEventListener('input', () => { window.__input = performance.now(); }, { once: true }));
    await page.click('#m');
    await page.keyboard.insertText(MESSAGE);
  }
  await until('first', 60000);
  await until('worker', 20000).catch(() => { /* no worker: no phase */ });
  const { wasm, workerReady, ...r } = await page.evaluate((src) => {
    const e = performance.getEntriesByType('resource').find((x) => x.name.endsWith('/dist/' + src));
    const m = performance.getEntriesByType('resource').find((x) => /\/pii-veil(\.lite)?\.wasm$/.test(x.name));
    return {
      received: e.responseEnd, ready: window.__ready - e.responseEnd, first: window.__first - (window.__input || window.__ready),
      cached: e.transferSize === 0 && (!m || m.transferSize === 0), wasm: m && { start: m.startTime, end: m.responseEnd },
      workerReady: window.__workerReady,
    };
  }, src);
  r.phases = await phasesAfter(page, r.received);
  // protect()'s worker ready (polled every 5 ms from the page)
  if (workerReady) r.phases['worker-ready'] = workerReady - r.received;
  // The loader's module on the network (Resource Timing): requested, last byte in.
  if (wasm) Object.assign(r.phases, { 'wasm-requested': wasm.start - r.received, 'wasm-downloaded': wasm.end - r.received });
  return r;
}

const cold = {};
// The loader's two ways, named on the tag (so that builds with another default compare).
const builds = [['one file (pii-veil.js)', 'pii-veil.js', ''], ['loader, compile after hash', 'pii-veil.loader.js', 'data-wasm-compile="after-hash"'],
  ['loader, streaming compile', 'pii-veil.loader.js', 'data-wasm-compile="streaming"'],
  // The module's download started by the page's head, beside the script's.
  ['loader, module preloaded', 'pii-veil.loader.js', 'data-wasm-compile="after-hash"', '<link rel="preload" href="/dist/pii-veil.wasm" as="fetch" crossorigin="anonymous">'],
  // The lite loader (no pseudonymisation: a smaller module), where the build has it.
  ['lite loader, after hash', 'pii-veil.lite.js', 'data-wasm-compile="after-hash"'],
].filter((b) => (hasLoader || b[1] === 'pii-veil.js') && existsSync(join(distDir, b[1])));
for (const [name, src, extra, head] of part('cold') ? builds : []) {
  cold[name] = { now: [], later: [] };
  for (let i = 0; i < runs; i++) {
    cold[name].now.push(await coldStart(src, extra, false, head));
    cold[name].later.push(await coldStart(src, extra, true, head));
  }
}
if (part('cold')) {
  console.log(`cold start, fresh profile, ${runs} run(s) each (median): script received → protection ready → first scan of a 2,000-char message shown`
    + '\n  (in the field at load; or put in after ready and a second idle: from its input event, incl. the 30 ms wait)');
}
for (const [name, { now, later }] of Object.entries(cold)) {
  console.log(`  ${name.padEnd(28)} ready ${median(now.map((r) => r.ready)).toFixed(0)} ms after the script arrived (at ${median(now.map((r) => r.received)).toFixed(0)} ms),`
    + ` first scan shown ${median(now.map((r) => r.first)).toFixed(0)} ms later; put in after idle: shown after ${median(later.map((r) => r.first)).toFixed(0)} ms`
    + `  [ready: ${now.map((r) => r.ready.toFixed(0)).join(', ')}; after idle: ${later.map((r) => r.first.toFixed(0)).join(', ')}]`);
  const phases = phaseLine(now);
  if (phases) console.log(`  ${''.padEnd(28)} phases, ms after the script arrived: ${phases}`);
}

// 1a. `bare`: the same cold starts with no DevTools connection. Playwright drives the
// browser through the DevTools protocol with its network domain on, which makes
// Chromium record the script stack of every request: at the page's first fetch (the
// loader's module) V8 then parses the whole script again for its source positions,
// 8–15 ms of the script's run that a person's browser does not spend. Here Chromium is
// started on the page itself, which writes its figures to the console once its first
// findings are shown; they are read from Chromium's log.
// `script`: the source of a pattern of the URL of the script the times are taken from.
const bareReport = (script) => `<script>addEventListener('pii-veil:findings', () => setTimeout(() => {
  if (window.__told) return; window.__told = true;
  const e = performance.getEntriesByType('resource').find((x) => /${script}/.test(x.name));
  const m = performance.getEntriesByType('resource').find((x) => /\\/pii-veil(\\.lite)?\\.wasm$/.test(x.name));
  const at = { ready: window.__ready, first: window.__first };
  for (const k of performance.getEntriesByType('mark')) if (k.name.startsWith('pii-veil:')) at[k.name.slice(9)] = k.startTime;
  if (m) Object.assign(at, { 'wasm-requested': m.startTime, 'wasm-downloaded': m.responseEnd });
  console.log('bench-bare ' + Object.entries(at).map(([k, t]) => k + '=' + (t - (k === 'first' ? window.__ready : e.responseEnd)).toFixed(1)).join(' '));
}, 0), true);</script>`;
/** Whether a process of group `pgid` is still running. */
function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch (_) { return false; }
}
async function bareStart(bare, name) {
  const profile = newProfile();
  const browser = spawn(CHROMIUM, [...CHROMIUM_ARGS, ...jsFlags, `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0', bare.url + name],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  try {
    let log = '';
    const line = await new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${name}: no figures from the page within 30 s`)), 30000);
      browser.stderr.on('data', (d) => { log += d; const m = /bench-bare ([^"]*)"/.exec(log); if (m) { clearTimeout(t); resolve(m[1]); } });
    });
    const r = Object.fromEntries(line.split(' ').map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
    const { ready, first, ...phases } = r;
    return { ready, first, phases };
  } finally {
    // the browser and the processes it started (its own process group)
    const exited = new Promise((r) => (browser.exitCode !== null ? r() : browser.once('exit', r)));
    process.kill(-browser.pid, 'SIGKILL');
    await exited;
    // its last process gone (one still writing into the profile made its removal fail)
    for (let i = 0; i < 100 && groupAlive(browser.pid); i++) await new Promise((r) => setTimeout(r, 20));
    await removeProfile(profile);
  }
}
if (part('bare')) {
  const pages = Object.fromEntries(builds.map(([, src, extra, head = ''], i) => [`/bare-${i}.html`, pageHtml(src, extra, field(MESSAGE), head + bareReport('\\/dist\\/pii-veil[.a-z]*\\.js$'))]));
  const bare = await startServer({ ...(rootArg ? { root: rootArg.slice(7) } : {}), pages });
  console.log(`cold start without DevTools (Chromium opened on the page, its figures from its log), fresh profile, ${runs} run(s) each (median): script received → protection ready → first scan shown`);
  for (const [i, [name]] of builds.entries()) {
    const rs = [];
    for (let k = 0; k < runs; k++) rs.push(await bareStart(bare, `bare-${i}.html`));
    console.log(`  ${name.padEnd(28)} ready ${median(rs.map((r) => r.ready)).toFixed(0)} ms after the script arrived, first scan shown ${median(rs.map((r) => r.first)).toFixed(0)} ms later`
      + `  [ready: ${rs.map((r) => r.ready.toFixed(0)).join(', ')}]`);
    const phases = phaseLine(rs);
    if (phases) console.log(`  ${''.padEnd(28)} phases, ms after the script arrived: ${phases}`);
  }
  await bare.close();
}

// 1b. `main`: what a cold page view costs the page's main thread, from a Chromium
// trace of the loader page with the prefilled message, 2.5 s from navigation (the
// worker is ready and the warm-up done by then): all its tasks, what of them V8 spent
// compiling the module's functions on their first call (before the scanner was built,
// and after), and pii-veil's longest task of its own (handle.stats). Tracing slows the
// page down: compare the builds of one run (`--root=`), not these figures with the
// start-up times above.
async function mainThread(src) {
  const ctx = await launchChromium();
  try {
    const page = await ctx.newPage();
    await page.route('**/bench-page.html', (r) => r.fulfill({ contentType: 'text/html', body: pageHtml(src, '', field(MESSAGE)) }));
    const cdp = await ctx.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8.wasm,blink.user_timing', transferMode: 'ReportEvents' });
    await page.goto(server.url + 'bench-page.html');
    await page.waitForTimeout(2500);
    const stats = await page.evaluate(() => window.PiiVeil.page.stats);
    await cdp.send('Tracing.end');
    await done;
    // the page's main thread: where pii-veil marked its scanner built
    const built = events.find((e) => e.name === 'pii-veil:scanner-built');
    const on = events.filter((e) => e.pid === built.pid && e.tid === built.tid && e.ph === 'X');
    const lazy = on.filter((e) => e.name === 'wasm.CompileLazy');
    const ms = (xs) => xs.reduce((a, e) => a + e.dur, 0) / 1000;
    return {
      tasks: ms(on.filter((e) => e.name === 'RunTask')),
      compileBefore: ms(lazy.filter((e) => e.ts < built.ts)),
      compileAfter: ms(lazy.filter((e) => e.ts >= built.ts)),
      longest: stats.maxTaskMs, longestWhat: stats.maxTask,
    };
  } finally {
    await ctx.close();
  }
}
if (part('main')) {
  console.log(`main thread of a cold page view (loader, its default compile, the 2,000-char message in the field), traced, ${runs} run(s) (median):`);
  for (const src of ['pii-veil.loader.js', 'pii-veil.lite.js'].filter((f) => existsSync(join(distDir, f)))) {
    const rs = [];
    for (let i = 0; i < runs; i++) rs.push(await mainThread(src));
    const m = (k) => median(rs.map((r) => r[k])).toFixed(1);
    console.log(`  ${src.padEnd(20)} tasks ${m('tasks')} ms in 2.5 s; compiling on first call: ${m('compileBefore')} ms until the scanner was built, ${m('compileAfter')} ms after;`
      + ` pii-veil's longest task ${m('longest')} ms  [${rs.map((r) => r.longestWhat).join(', ')}]`);
  }
}

// 1c. Repeat views: the page opened again in a new browser on the same profile, its
// script and module from the HTTP cache (a second server lets them be cached), as a
// person coming back to the CRM page meets it (served, not routed: a routed page gets
// no HTTP cache). Each view ends after 3 s idle (the warm-up has run, the browser has
// written its caches).
async function repeatViews(url, src, views) {
  const profile = newProfile();
  const out = [];
  for (let v = 0; v < views; v++) {
    const ctx = await launchChromium({}, profile);
    try {
      const page = await ctx.newPage();
      out.push(await startUp(page, url, src, false));
      await page.waitForTimeout(3000);
    } finally {
      await ctx.close();
    }
  }
  await removeProfile(profile);
  return out;
}
if (part('repeat')) {
  const repeated = builds.filter((b) => ['one file (pii-veil.js)', 'loader, compile after hash', 'loader, streaming compile'].includes(b[0]));
  const pages = Object.fromEntries(repeated.map(([, src, extra], i) =>
    [`/bench-${i}.html`, pageHtml(src, extra, field(MESSAGE))]));
  const cachedServer = await startServer({ ...(rootArg ? { root: rootArg.slice(7) } : {}), cache: true, pages });
  const views = Math.max(runs, 2) + 1;
  console.log(`repeat views, one profile, ${views} views each, a new browser for every view: script received → protection ready → first scan shown`);
  for (const [i, [name, src]] of repeated.entries()) {
    const rs = await repeatViews(cachedServer.url + `bench-${i}.html`, src, views);
    const [first, again] = [rs[0], rs.slice(1)];
    console.log(`  ${name.padEnd(28)} first view: ready ${first.ready.toFixed(0)} ms, first scan shown ${first.first.toFixed(0)} ms later;`
      + ` views 2–${views} (${again.every((r) => r.cached) ? 'script and module from the cache' : 'NOT all from the cache'}):`
      + ` ready ${median(again.map((r) => r.ready)).toFixed(0)} ms, first scan ${median(again.map((r) => r.first)).toFixed(0)} ms later`
      + `  [ready: ${again.map((r) => r.ready.toFixed(0)).join(', ')}; first scan: ${again.map((r) => r.first.toFixed(0)).join(', ')}]`);
    const phases = phaseLine(again);
    if (phases) console.log(`  ${''.padEnd(28)} phases of views 2–${views}, ms after the script arrived: ${phases}`);
  }
  await cachedServer.close();
}

// The npm package in a Vite app: the app calls protect(document) on a page with the
// same prefilled message; times from the app's entry chunk received.
async function viteApp() {
  // the package of the build measured (--root: that checkout's dist/npm)
  if (rootArg && !process.env.PII_VEIL_PKG) process.env.PII_VEIL_PKG = join(rootArg.slice(7), 'dist', 'npm');
  const { installApp, packTarball } = await import('./test/apps.mjs');
  const www = fileURLToPath(new URL('.', import.meta.url));
  const vite = JSON.parse(readFileSync(join(www, 'package.json'), 'utf8')).devDependencies.vite;
  const dir = installApp('bench-vite', { devDependencies: { vite } }, {
    'index.html': `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title></head>
<body>${field(MESSAGE)}<script type="module" src="/src/main.js"></script></body></html>`,
    'src/main.js': `import { protect } from 'pii-veil';
addEventListener('pii-veil:findings', () => { if (!window.__first) { window.__first = performance.now(); console.debug('bench:first'); } }, true);
const h = protect(document);
h.ready.then(() => {
  window.__ready = performance.now();
  console.debug('bench:ready');
  const t = setInterval(() => { if (h.stats.workerReady) { window.__workerReady = performance.now(); console.debug('bench:worker'); clearInterval(t); } }, 5);
});
`,
  }, packTarball());
  execFileSync(join(dir, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
  const app = await startServer({ root: join(dir, 'dist') });
  const rs = [];
  try {
    for (let i = 0; i < runs; i++) {
      const ctx = await launchChromium();
      try {
        const page = await ctx.newPage();
        const until = said(page);
        await page.goto(app.url);
        await until('ready', 60000);
        await until('first', 60000);
        await until('worker', 20000).catch(() => { /* no worker: no phase */ });
        const { workerReady, ...r } = await page.evaluate(() => {
          const res = performance.getEntriesByType('resource');
          const js = res.find((e) => /\/assets\/index-[\w-]+\.js$/.test(e.name));
          const wasm = res.find((e) => e.name.endsWith('.wasm'));
          return { received: js.responseEnd, wasm: wasm.responseEnd - js.responseEnd, ready: window.__ready - js.responseEnd, first: window.__first - window.__ready, workerReady: window.__workerReady };
        });
        r.phases = await phasesAfter(page, r.received);
        if (workerReady) r.phases['worker-ready'] = workerReady - r.received;
        rs.push(r);
      } finally {
        await ctx.close();
      }
    }
  } finally {
    await app.close();
  }
  // `bare`: the same app in a browser without DevTools (see bareStart)
  const bare = [];
  if (part('bare')) {
    const index = readFileSync(join(dir, 'dist', 'index.html'), 'utf8');
    const page = index.replace('</head>', bareReport('\\/assets\\/index-[\\w-]+\\.js$') + '</head>');
    const bareApp = await startServer({ root: join(dir, 'dist'), pages: { '/bare.html': page } });
    try {
      for (let i = 0; i < runs; i++) bare.push(await bareStart(bareApp, 'bare.html'));
    } finally {
      await bareApp.close();
    }
  }
  return { rs, bare };
}
if (part('vite')) {
  const { rs, bare } = await viteApp();
  console.log(`npm package in a Vite app, fresh profile, ${runs} run(s) (median): entry chunk received → protection ready → first scan shown`);
  console.log(`  ready ${median(rs.map((r) => r.ready)).toFixed(0)} ms after the entry chunk arrived (at ${median(rs.map((r) => r.received)).toFixed(0)} ms; its .wasm received after ${median(rs.map((r) => r.wasm)).toFixed(0)} ms),`
    + ` first scan shown ${median(rs.map((r) => r.first)).toFixed(0)} ms later  [ready: ${rs.map((r) => r.ready.toFixed(0)).join(', ')}]`);
  const phases = phaseLine(rs);
  if (phases) console.log(`  phases, ms after the entry chunk arrived: ${phases}`);
  if (bare.length) {
    console.log(`  without DevTools (--only=vite,bare): ready ${median(bare.map((r) => r.ready)).toFixed(0)} ms after the entry chunk arrived, first scan shown ${median(bare.map((r) => r.first)).toFixed(0)} ms later`
      + `  [ready: ${bare.map((r) => r.ready.toFixed(0)).join(', ')}]`);
    console.log(`  phases, ms after the entry chunk arrived: ${phaseLine(bare)}`);
  }
}

// The time the page's workers spent in tasks while typing (ms, all of their threads):
// what a keystroke costs off the main thread. Chrome's trace of its top-level tasks
// (category `toplevel`, light enough to leave on for every page measured).
function workerTime(cdp) {
  const events = [];
  const onData = (e) => events.push(...e.value);
  return {
    async start() {
      cdp.on('Tracing.dataCollected', onData);
      await cdp.send('Tracing.start', { categories: 'toplevel', transferMode: 'ReportEvents' });
    },
    async end() {
      const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', onData);
      const workers = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && /Worker thread/.test(e.args.name)).map((e) => e.pid + ':' + e.tid));
      return events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && workers.has(e.pid + ':' + e.tid))
        .reduce((sum, e) => sum + e.dur, 0) / 1000;
    },
  };
}

// Typing: 60 characters at the end of a 5,000-char text (--chars=N: of N chars), one every 60 ms (each is
// rescanned: protect() waits 30 ms after the last change), first into a textarea
// pii-veil leaves alone, then into a protected one; main-thread time per keystroke
// from Chrome's counters (TaskDuration and its parts), until everything settled.
if (part('typing')) {
  const ctx = await launchChromium({ viewport: { width: 1500, height: 1000 } });
  const typingScript = hasLoader ? 'pii-veil.loader.js' : 'pii-veil.js';
  const charsArg = args.find((a) => a.startsWith('--chars='));
  const text = dense(charsArg ? Number(charsArg.slice(8)) : 5000);
  const ta = (id, off) => `<textarea id="${id}" rows="12" cols="100"${off ? ' data-pii-veil="off"' : ''}>${text}</textarea>`;
  const againstArg = args.find((a) => a.startsWith('--against='));
  const other = againstArg ? await startServer({ root: againstArg.slice(10) }) : null;
  const otherScript = other && existsSync(join(againstArg.slice(10), 'dist', 'pii-veil.loader.js')) ? 'pii-veil.loader.js' : 'pii-veil.js';
  // Pages of one site share a renderer, whose counters these are: each page is opened,
  // typed into and closed before the next, so no other page's timers are counted.
  // The page without pii-veil has the same two textareas (each 5,000 chars costs layout
  // and paint on every keystroke), typed into where the protected one is.
  const bareHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>${ta('bareFirst', true) + ta('bare', false)}</body></html>`;
  const steps = [[server, bareHtml, ['bare']], [server, pageHtml(typingScript, '', ta('plain', true) + ta('prot', false)), ['plain', 'prot']]];
  if (other) steps.push([other, pageHtml(otherScript, '', ta('plain', true) + ta('prot', false)), ['otherPlain', 'other']]);
  const keys = 60;
  const rows = {};
  for (let round = 0; round < runs; round++) {
    for (const [srv, html, ids] of steps) {
      const p = await ctx.newPage();
      await p.route('**/typing-page.html', (r) => r.fulfill({ contentType: 'text/html', body: html }));
      await p.goto(srv.url + 'typing-page.html');
      if (ids[0] !== 'bare') await p.waitForFunction(() => window.__first, null, { timeout: 60000 });
      // and its worker, where the build rescans typing (a build without `workerReady` does not)
      if (ids[0] !== 'bare') await p.waitForFunction(() => window.PiiVeil.page?.stats.workerReady !== false, null, { timeout: 60000 });
      await p.waitForTimeout(1000);
      const cdp = await ctx.newCDPSession(p);
      await cdp.send('Performance.enable');
      const m = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
      for (const id of ids) {
        const sel = { other: '#prot', otherPlain: '#plain' }[id] || '#' + id;
        // at the end, then in the middle of the text (between two findings of a line)
        for (const where of ['end', 'middle']) {
          await p.focus(sel);
          await p.evaluate(([s, where]) => {
            const t = document.querySelector(s);
            const at = where === 'end' ? t.value.length : t.value.indexOf(', BIC', t.value.length >> 1);
            t.selectionStart = t.selectionEnd = at;
          }, [sel, where]);
          await p.waitForTimeout(300);
          const traced = workerTime(cdp);
          await traced.start();
          const a = await m();
          for (let i = 0; i < keys; i++) await p.keyboard.type('abcdefghij '[i % 11], { delay: 0 }).then(() => p.waitForTimeout(60));
          await p.waitForTimeout(300);
          const b = await m();
          const worker = await traced.end();
          const per = (k) => ((b[k] - a[k]) * 1000) / keys;
          (rows[id + ' ' + where] ||= []).push({ task: per('TaskDuration'), script: per('ScriptDuration'), layout: per('LayoutDuration'), style: per('RecalcStyleDuration'), worker: worker / keys });
        }
      }
      await p.close();
    }
  }
  await ctx.close();
  if (other) await other.close();
  const f = (rs, k) => median(rs.map((r) => r[k])).toFixed(2);
  const labels = [['bare', 'page without pii-veil'], ['plain', 'field pii-veil leaves alone'], ['prot', `protected field (${typingScript})`]];
  if (other) labels.push(['otherPlain', 'field left alone, --against build'], ['other', `protected field, --against build (${otherScript})`]);
  for (const where of ['end', 'middle']) {
    console.log(`typing ${where === 'end' ? 'at the end' : 'in the middle'} of a ${text.length.toLocaleString('en')}-char textarea, ${keys} keys × ${runs} round(s), main-thread time per keystroke (median of rounds):`);
    const row = (id) => rows[id + ' ' + where];
    for (const [id, label] of labels) {
      console.log(`  ${label.padEnd(34)} ${f(row(id), 'task')} ms (script ${f(row(id), 'script')}, layout ${f(row(id), 'layout')}, style ${f(row(id), 'style')})`
        + `  [${row(id).map((r) => r.task.toFixed(1)).join(', ')}]` + (id === 'prot' || id === 'other' ? `; its worker ${f(row(id), 'worker')} ms` : ''));
    }
    const task = (id) => median(row(id).map((r) => r.task));
    console.log(`  pii-veil adds ${(task('prot') - task('bare')).toFixed(2)} ms per keystroke over the page without it`
      + ` (${(task('prot') - task('plain')).toFixed(2)} ms over the field it leaves alone on its page)`);
    if (other) {
      console.log(`  the --against build adds ${(task('other') - task('bare')).toFixed(2)} ms per keystroke over the page without it`
        + ` (its field left alone ${(task('otherPlain') - task('bare')).toFixed(2)} ms; this build's ${(task('plain') - task('bare')).toFixed(2)} ms)`);
    }
  }
}

const context = await launchChromium({ viewport: { width: 1500, height: 1000 } });

// Long tasks and timer gaps from just before the paste until `settled()` plus 400 ms.
async function measure(page, selector, settled) {
  await page.evaluate(() => {
    window.__long = [];
    window.__obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); });
    window.__obs.observe({ type: 'longtask' });
    window.__gaps = [];
    let last = performance.now();
    window.__beat = setInterval(() => { const t = performance.now(); window.__gaps.push(t - last); last = t; }, 4);
  });
  await page.click(selector);
  await page.keyboard.insertText(big);
  await settled();
  await page.waitForTimeout(400);
  return page.evaluate(() => {
    clearInterval(window.__beat);
    window.__obs.disconnect();
    return { long: window.__long.map(Math.round), maxGap: Math.round(Math.max(...window.__gaps)) };
  });
}

const rows = [];
try {
  for (let i = 0; i < (part('paste') ? runs : 0); i++) {
    const page = await context.newPage();
    await page.goto(server.url + 'crm.html');
    await page.waitForFunction(() => window.crmProtection?.state === 'ready');
    await page.evaluate(() => {
      const t = document.createElement('textarea');
      t.id = 'plain';
      t.rows = 4;
      t.setAttribute('data-pii-veil', 'off');
      document.getElementById('t-body').after(t);
    });
    const base = await measure(page, '#plain', () => page.waitForTimeout(200));
    await page.evaluate(() => { document.getElementById('plain').remove(); });
    // The stats hold the longest task since the page loaded (its first scans): the
    // paste's own longest task is known only if it is longer than that.
    const before = await page.evaluate(() => window.crmProtection.stats);
    const prot = await measure(page, '#t-body', () => page.waitForFunction(
      () => document.querySelector('#ticket .pii-veil-badge:not([hidden])')?.textContent === '2', null, { timeout: 60000 }));
    const stats = await page.evaluate(() => window.crmProtection.stats);
    rows.push({ base, prot, stats, before, worker: stats.workerScans > before.workerScans });
    await page.close();
  }
} finally {
  await context.close();
  await server.close();
}

const ms = (x) => `${x.toFixed(1)} ms`;
if (rows.length) console.log(`200 KB paste (${big.length.toLocaleString('en')} UTF-16 units), ${runs} run(s), headless Chromium`);
// pii-veil's own longest task in the paste: known when it beat the page load's first
// scans, else at most that.
const own = (r) => (r.stats.maxTaskMs > r.before.maxTaskMs
  ? `${ms(r.stats.maxTaskMs)} (${r.stats.maxTask})`
  : `at most ${ms(r.before.maxTaskMs)} (none longer than the page load's first scans, ${r.before.maxTask})`);
rows.forEach((r, i) => {
  console.log(`run ${i + 1}: without pii-veil: long tasks ${JSON.stringify(r.base.long)}, largest timer gap ${r.base.maxGap} ms`
    + ` | with pii-veil: long tasks ${JSON.stringify(r.prot.long)}, largest timer gap ${r.prot.maxGap} ms`);
  console.log(`       pii-veil's own longest main-thread task in the paste ${own(r)}, reading the field`
    + ` ${ms(r.stats.maxReadMs)}, per-frame layout sync ${ms(r.stats.maxFrameMs)}; scanned in the worker: ${r.worker ? 'yes' : 'NO'}`);
});
if (rows.length) {
  const gapBase = median(rows.map((r) => r.base.maxGap));
  const gapProt = median(rows.map((r) => r.prot.maxGap));
  console.log(`median largest timer gap: without ${gapBase} ms, with ${gapProt} ms (×${(gapProt / gapBase).toFixed(2)})`);
}

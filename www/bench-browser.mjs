// How busy a 200 KB paste keeps the page's main thread, with and without pii-veil, in
// headless Chromium (a measurement, run by hand, never a test):
//   node www/bench-browser.mjs [runs]        (default 3 runs; needs www/build.sh first)
// Each run opens the CRM demo page (www/crm.html, script-tag build) on the test server
// and pastes the same text twice: into a textarea pii-veil leaves alone
// (data-pii-veil="off", the baseline) and into the protected ticket body. Printed per
// paste: long tasks (>= 50 ms, PerformanceObserver), the largest gap between 4 ms
// timer ticks from the paste until everything settled, and for the protected paste
// pii-veil's own longest main-thread task (handle.stats: which task, reading the
// field, per-frame layout sync) and whether the worker scanned it. Figures vary with
// the machine's load: compare the two columns of one run, not runs across machines.
import { launchChromium } from './test/chromium.mjs';
import { startServer } from './test/server.mjs';
import { pasteText } from './test/paste.mjs';

const runs = Number(process.argv[2] || 3);
const big = pasteText();
const server = await startServer();
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
  for (let i = 0; i < runs; i++) {
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
    const before = await page.evaluate(() => window.crmProtection.stats);
    const prot = await measure(page, '#t-body', () => page.waitForFunction(
      () => document.querySelector('#ticket .pii-veil-badge:not([hidden])')?.textContent === '2', null, { timeout: 60000 }));
    const stats = await page.evaluate(() => window.crmProtection.stats);
    rows.push({ base, prot, stats, worker: stats.workerScans > before.workerScans });
    await page.close();
  }
} finally {
  await context.close();
  await server.close();
}

const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`200 KB paste (${big.length.toLocaleString('en')} UTF-16 units), ${runs} run(s), headless Chromium`);
rows.forEach((r, i) => {
  console.log(`run ${i + 1}: without pii-veil: long tasks ${JSON.stringify(r.base.long)}, largest timer gap ${r.base.maxGap} ms`
    + ` | with pii-veil: long tasks ${JSON.stringify(r.prot.long)}, largest timer gap ${r.prot.maxGap} ms`);
  console.log(`       pii-veil's own longest main-thread task ${ms(r.stats.maxTaskMs)} (${r.stats.maxTask}), reading the field`
    + ` ${ms(r.stats.maxReadMs)}, per-frame layout sync ${ms(r.stats.maxFrameMs)}; scanned in the worker: ${r.worker ? 'yes' : 'NO'}`);
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gapBase = median(rows.map((r) => r.base.maxGap));
const gapProt = median(rows.map((r) => r.prot.maxGap));
console.log(`median largest timer gap: without ${gapBase} ms, with ${gapProt} ms (×${(gapProt / gapBase).toFixed(2)});`
  + ` median own longest task ${ms(median(rows.map((r) => r.stats.maxTaskMs)))}`);

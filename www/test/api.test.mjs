// The JavaScript API of the built package, in Node: exports, init, offsets, errors,
// configuration, operators.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { browserEntry, nodeEntry, pkgDir, wasmPath } from './helpers.mjs';

const pv = await import(pathToFileURL(nodeEntry));

const EXPORTS = ['KINDS', 'VALIDATORS', 'createScanner', 'createSession', 'fieldHints', 'init', 'protect', 'redact', 'scan'];
const IBAN = 'DE89 3704 0044 0532 0130 00';

test('the export list is exactly this (node and browser entries)', async () => {
  assert.deepEqual(Object.keys(pv).sort(), EXPORTS);
  const browser = await import(pathToFileURL(browserEntry));
  assert.deepEqual(Object.keys(browser).sort(), EXPORTS);
});

test('the .d.ts declares every export and the manifest is what npm needs', () => {
  const dts = readFileSync(`${pkgDir}/index.d.ts`, 'utf8');
  for (const name of EXPORTS) assert.match(dts, new RegExp(`export (function|const) ${name}\\b`), name);
  const m = JSON.parse(readFileSync(`${pkgDir}/package.json`, 'utf8'));
  assert.equal(m.name, 'pii-veil');
  assert.equal(m.type, 'module');
  assert.equal(m.license, 'MIT OR Apache-2.0');
  assert.deepEqual(Object.keys(m.exports['.']), ['types', 'browser', 'node', 'import', 'default']);
  assert.equal(m.bin['pii-veil'], './cli.js');
  for (const f of m.files) assert.ok(readFileSync(`${pkgDir}/${f}`), f);
});

test('KINDS and VALIDATORS match the core', async () => {
  const glue = await import(pathToFileURL(`${pkgDir}/wasm/pii_veil.js`));
  await pv.init();
  assert.deepEqual([...pv.KINDS], glue.kinds());
  assert.deepEqual([...pv.VALIDATORS], glue.validators());
});

test('the warm-up sample of protect() holds every built-in kind, so the first scan of a page finds each recogniser ready', async () => {
  const { WARM_TEXT } = await import('../src/protect/warm.js');
  await pv.init();
  const found = new Set(pv.createScanner().scan(WARM_TEXT).map((f) => f.kind));
  assert.deepEqual([...pv.KINDS].filter((k) => !found.has(k)), []);
});

test('init is idempotent and accepts bytes and a compiled module', async () => {
  await pv.init();
  await pv.init();
  await pv.init(readFileSync(wasmPath));
  await pv.init(new WebAssembly.Module(readFileSync(wasmPath)));
  const a = pv.init();
  const b = pv.init();
  await Promise.all([a, b]);
  assert.equal(pv.scan('x').length, 0);
});

test('init in a fresh process: file URL, bytes, Module; bad bytes reject with load_failed', () => {
  const run = (entry, body) => spawnSync(process.execPath, ['--input-type=module', '-e', `
    import * as pv from ${JSON.stringify(pathToFileURL(entry).href)};
    import { readFileSync } from 'node:fs';
    const wasm = ${JSON.stringify(wasmPath)};
    ${body}`], { encoding: 'utf8' });
  const ok = (entry, body) => {
    const r = run(entry, body);
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  };
  assert.equal(ok(nodeEntry, `await pv.init(new URL('file://' + wasm)); console.log(pv.scan('a@b.de')[0].kind);`), 'email');
  assert.equal(ok(nodeEntry, `await pv.init(wasm); console.log(pv.scan('a@b.de')[0].kind);`), 'email');
  assert.equal(ok(browserEntry, `await pv.init(readFileSync(wasm).buffer); console.log(pv.scan('a@b.de')[0].kind);`), 'email');
  assert.equal(ok(browserEntry, `await pv.init(new WebAssembly.Module(readFileSync(wasm))); console.log(pv.scan('a@b.de')[0].kind);`), 'email');
  assert.equal(ok(nodeEntry, `console.log(pv.scan('a@b.de')[0].kind);`), 'email', 'node entry loads synchronously');
  assert.equal(ok(browserEntry, `
    try { pv.createScanner(); } catch (e) { console.log(e.code); }`), 'not_initialized');
  assert.equal(ok(browserEntry, `
    try { await pv.init(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 99])); } catch (e) { console.log(e instanceof Error, e.code); }
    await pv.init(readFileSync(wasm)); console.log(pv.scan('a@b.de').length);`), 'true load_failed\n1');
  assert.equal(ok(browserEntry, `
    try { await pv.init(new URL('file:///nonexistent/pii_veil_bg.wasm')); } catch (e) { console.log(e instanceof Error, e.code); }`), 'true load_failed');
  assert.equal(ok(nodeEntry, `
    try { await pv.init('/nonexistent/pii_veil_bg.wasm'); } catch (e) { console.log(e instanceof Error, e.code); }`), 'true load_failed');
});

test('offsets are UTF-16 code units: emoji, combining marks, ZWJ sequences, flags', () => {
  const s = pv.createScanner();
  const cases = [
    '😀 anna@example.org',
    '👨‍👩‍👧‍👦🇦🇹 Konto ' + IBAN + ' danke',
    'Jose\u0301 Mu\u0308ller: anna@example.org 😀',
    'e\u0301\u0301\u0301 😀😀 x ' + IBAN,
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 anna@example.org 𝔘',
  ];
  for (const t of cases) {
    const f = s.scan(t);
    assert.ok(f.length >= 1, t);
    for (const x of f) {
      assert.equal(x.text, t.slice(x.start, x.end));
      // The name in the combining-marks case is found too, marks included.
      assert.ok(['anna@example.org', IBAN, 'Jose\u0301 Mu\u0308ller'].includes(x.text), `${x.kind} ${x.text}`);
    }
  }
  const t = '😀 mail: anna@example.org';
  assert.deepEqual(s.scan(t).map(({ start, end }) => [start, end]), [[9, 25]]);
  s.free();
});

test('lone surrogates keep offsets right (they count one unit, like U+FFFD)', () => {
  const t = '\uD83D x \uDE00\uDE00 anna@example.org \uD800 ' + IBAN;
  const f = pv.scan(t);
  assert.deepEqual(f.map((x) => x.text), ['anna@example.org', IBAN]);
  assert.equal(f[0].start, t.indexOf('anna'));
  const r = pv.redact(t);
  assert.equal(r.text, '\uFFFD x \uFFFD\uFFFD [EMAIL] \uFFFD [IBAN]');
});

test('findings carry kind, start, end, score, subtype and text', () => {
  const [card] = pv.scan('Karte 4111 1111 1111 1111');
  assert.deepEqual(card, { kind: 'credit_card', start: 6, end: 25, score: card.score, subtype: 'visa', text: '4111 1111 1111 1111' });
  assert.ok(card.score > 0.5 && card.score <= 1);
  assert.equal(Math.round(card.score * 1000) / 1000, card.score);
  const [mail] = pv.scan('anna@example.org');
  assert.ok(!('subtype' in mail));
});

test('redact: label, token, mask (fill, keepLast), remove, per kind', () => {
  const t = `IBAN ${IBAN}, anna@example.org, again anna@example.org, bob@example.org`;
  assert.equal(pv.redact(t).text, 'IBAN [IBAN], [EMAIL], again [EMAIL], [EMAIL]');
  assert.equal(pv.redact(t, { operator: 'token' }).text, 'IBAN [IBAN_1], [EMAIL_1], again [EMAIL_1], [EMAIL_2]');
  assert.equal(pv.redact(t, { operator: 'remove' }).text, 'IBAN , , again , ');
  assert.equal(pv.redact('IBAN ' + IBAN, { operator: { type: 'mask', fill: '*', keepLast: 4 } }).text, 'IBAN **** **** **** **** **30 00');
  assert.equal(pv.redact('IBAN ' + IBAN, { operator: 'mask' }).text, 'IBAN •••• •••• •••• •••• •••• ••');
  const r = pv.redact(t, { operator: 'remove', perKind: { iban: 'label', email: { type: 'token' } } });
  assert.equal(r.text, 'IBAN [IBAN], [EMAIL_1], again [EMAIL_1], [EMAIL_2]');
  assert.deepEqual(r.findings.map((f) => f.text), [IBAN, 'anna@example.org', 'anna@example.org', 'bob@example.org']);
});

test('field hints: a label string or an object', () => {
  const s = pv.createScanner();
  assert.ok(Array.isArray(s.scan('4111 1111 1111 1111', 'Kreditkarte')));
  assert.ok(Array.isArray(s.scan('x', { name: 'dob', autocomplete: 'bday', type: 'text', label: 'Geburtsdatum' })));
  assert.throws(() => s.scan('x', { nmae: 'x' }), { code: 'invalid_argument', message: /field\.nmae/ });
  assert.throws(() => s.scan('x', { name: 3 }), { code: 'invalid_argument', message: /field\.name/ });
});

function throwsCode(fn, code, key) {
  let err;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof Error, `expected an Error for ${key}`);
  assert.equal(err.code, code, err.message);
  assert.ok(err.message.includes(key), `message ${JSON.stringify(err.message)} should name ${key}`);
}

test('invalid configuration throws an Error naming the key', () => {
  const c = (config) => () => pv.createScanner(config);
  throwsCode(c({ treshold: 0.5 }), 'invalid_config', 'treshold');
  throwsCode(c({ threshold: '0.5' }), 'invalid_config', 'threshold');
  throwsCode(c({ threshold: 2 }), 'invalid_config', 'threshold');
  throwsCode(c({ kinds: ['email', 'phon'] }), 'unknown_kind', 'kinds[1]');
  throwsCode(c({ kinds: { iban: 'yes' } }), 'invalid_config', 'kinds.iban');
  throwsCode(c({ kinds: { ibn: false } }), 'unknown_kind', 'kinds.ibn');
  throwsCode(c({ kinds: 'email' }), 'invalid_config', 'kinds');
  throwsCode(c({ countries: ['deu'] }), 'invalid_config', 'countries[0]');
  throwsCode(c({ countries: 'de' }), 'invalid_config', 'countries');
  throwsCode(c({ allow: [1] }), 'invalid_config', 'allow[0]');
  throwsCode(c({ allowPatterns: ['('] }), 'invalid_pattern', 'allowPatterns[0]');
  throwsCode(c({ deny: [' '] }), 'invalid_config', 'deny[0]');
  throwsCode(c({ maxTextBytes: -1 }), 'invalid_config', 'maxTextBytes');
  throwsCode(c({ custom: [{ name: 'ticket', pattern: '[' }] }), 'invalid_pattern', 'custom[0].pattern');
  throwsCode(c({ custom: [{ name: 'ticket', pattern: 'x*' }] }), 'empty_match', 'custom[0].pattern');
  throwsCode(c({ custom: [{ name: 'Ticket', pattern: 'T-\\d+' }] }), 'invalid_config', 'custom[0].name');
  throwsCode(c({ custom: [{ name: 'email', pattern: 'T-\\d+' }] }), 'invalid_config', 'custom[0].name');
  throwsCode(c({ custom: [{ pattern: 'T-\\d+' }] }), 'invalid_config', 'custom[0].name');
  throwsCode(c({ custom: [{ name: 'a', pattern: 'T-\\d+', validator: 'mod11' }] }), 'invalid_config', 'custom[0].validator');
  throwsCode(c({ custom: [{ name: 'a', pattern: 'T-\\d+', scor: 1 }] }), 'invalid_config', 'custom[0].scor');
  throwsCode(c([]), 'invalid_config', 'config');
  throwsCode(c('email'), 'invalid_config', 'config');
});

test('configuration works: kinds, threshold, allow, allowPatterns, deny, custom', () => {
  const t = `anna@example.org ${IBAN} Ticket T-123456 Projekt Falke`;
  const kinds = (config) => pv.createScanner(config).scan(t).map((f) => f.kind);
  assert.deepEqual(kinds({ kinds: ['iban'] }), ['iban']);
  assert.deepEqual(kinds({ kinds: { email: false } }), ['iban']);
  assert.deepEqual(kinds({ threshold: 1 }).includes('email'), false);
  assert.deepEqual(kinds({ allow: ['ANNA@example.org'] }), ['iban']);
  assert.deepEqual(kinds({ allowPatterns: ['.*@example\\.org'] }), ['iban']);
  assert.deepEqual(kinds({ deny: ['falke'] }), ['email', 'iban', 'deny']);
  const s = pv.createScanner({ custom: [{ name: 'ticket', pattern: 'T-\\d{6}', score: 0.9 }] });
  const f = s.scan(t).find((x) => x.kind === 'ticket');
  assert.equal(f.text, 'T-123456');
  assert.equal(s.redact(t, { perKind: { ticket: 'remove' } }).text, '[EMAIL] [IBAN] Ticket  Projekt Falke');
  throwsCode(() => s.redact(t, { perKind: { tiket: 'remove' } }), 'unknown_kind', 'perKind.tiket');
  throwsCode(() => s.redact(t, { operator: 'blur' }), 'invalid_argument', 'operator');
  throwsCode(() => s.redact(t, { operator: { type: 'mask', fill: '**' } }), 'invalid_argument', 'operator.fill');
  throwsCode(() => s.redact(t, { operator: { type: 'label', keepLast: 2 } }), 'invalid_argument', 'operator.keepLast');
  throwsCode(() => s.redact(t, { operatr: 'label' }), 'invalid_argument', 'options.operatr');
});

test('errors never contain the scanned text', () => {
  const secret = 'anna.geheim@example.org';
  const s = pv.createScanner({ maxTextBytes: 16 });
  throwsCode(() => s.scan(`mail ${secret}`), 'text_too_large', 'maxTextBytes');
  try {
    s.scan(`mail ${secret}`);
  } catch (e) {
    assert.ok(!e.message.includes(secret) && !e.message.includes('geheim'));
    assert.ok(!String(e.stack).includes('geheim'));
  }
  throwsCode(() => s.scan(42), 'invalid_argument', 'text');
  throwsCode(() => s.scan(null), 'invalid_argument', 'text');
});

test('a freed scanner throws; free is idempotent', () => {
  const s = pv.createScanner();
  s.free();
  s.free();
  throwsCode(() => s.scan('x'), 'invalid_argument', 'freed');
});

test('the scanner handle is reused: many scans, no growth', () => {
  const s = pv.createScanner();
  let text = '';
  for (let i = 0; i < 300; i++) {
    text += 'ab 😀 '[i % 6];
    s.scan(text);
  }
  const t = text + ' anna@example.org';
  assert.equal(s.scan(t)[0].start, t.length - 16);
  s.free();
});

test('the Node entry needs no init; script tag build defines PiiVeil with the same API', () => {
  const out = execFileSync(process.execPath, ['-e', `
    globalThis.self = globalThis;
    require(${JSON.stringify(`${pkgDir}/pii-veil.js`)});
    const P = globalThis.PiiVeil;
    P.init().then(() => console.log(JSON.stringify([Object.keys(P).sort(), P.scan('😀 a@b.de')])));`], { encoding: 'utf8' });
  const [keys, found] = JSON.parse(out);
  assert.deepEqual(keys, EXPORTS);
  assert.deepEqual(found, [{ kind: 'email', start: 3, end: 9, score: found[0].score, text: 'a@b.de' }]);
});

test('the compiled module of a loaded engine, which protect() gives its worker', async () => {
  const { createApi, compiledModule } = await import('../src/api.js');
  const bytes = readFileSync(wasmPath);
  const given = new WebAssembly.Module(bytes);
  // each case on a glue of its own (the glue holds one instance)
  let n = 0;
  const glue = () => import(pathToFileURL(`${pkgDir}/wasm/pii_veil.js`) + `?compiled-module-${++n}`);
  const cases = [
    ['bytes to init()', {}, bytes],
    ['a module to init()', {}, given],
    ['the platform\'s default, a promise of a module (the loader script)', { loadDefault: () => ({ async: Promise.resolve(given) }) }, undefined],
  ];
  for (const [what, platform, input] of cases) {
    const api = createApi(await glue(), { loadDefault: () => undefined, ...platform });
    assert.equal(compiledModule(api), null, `${what}: nothing before init`);
    await api.init(input);
    const m = compiledModule(api);
    assert.ok(m instanceof WebAssembly.Module, what);
    if (input !== bytes) assert.equal(m, given, what);
    assert.deepEqual(WebAssembly.Module.exports(m), WebAssembly.Module.exports(given), what);
    assert.deepEqual(api.scan('IBAN ' + IBAN).map((f) => f.kind), ['iban'], what);
    // not an export of the entries' API objects
    assert.ok(!Object.keys(api).includes('module') && !Object.values(api).includes(m), what);
  }
});

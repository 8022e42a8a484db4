// Reversible pseudonymisation through the JavaScript API (createSession), in Node:
// round trips over generated texts, stable placeholders across messages, streaming
// restore for every split of a reply, and a mapping that stays in memory.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { nodeEntry, pkgDir, www } from './helpers.mjs';

const pv = await import(pathToFileURL(nodeEntry));
const STYLES = ['square', 'angle', 'curly', 'surrogate'];

// Every .js file under `dir`.
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath, e.name));
}

// Small deterministic generator (mulberry32).
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];

const VALUES = [
  'anna.berger@example.org', 'ANNA.BERGER@EXAMPLE.ORG', 'max.huber@example.at', 'jane.doe@example.co.uk',
  '+49 170 1234567', '0049 170 1234567', '0170 1234567', '0170/1234567', '+49 (0)170 1234567', '+43 664 1234567',
  '+44 20 7946 0958', 'DE89 3704 0044 0532 0130 00', 'DE89370400440532013000', 'de89 3704 0044 0532 0130 00',
  'AT61 1904 3002 3457 3201', 'GB82 WEST 1234 5698 7654 32', '4111 1111 1111 1111', '5555 5555 5555 4444',
  'Maria Huber', 'Frau Huber', 'Herr Dr. Max Mustermann', 'Jane Doe',
];
// Text the person may type that looks like placeholders or surrogates.
const LITERALS = [
  '[PERSON_1]', '[EMAIL_1]', '<IBAN_1>', '{PHONE_1}', 'PHONE_1', 'EMAIL_1_ALT', '[email 1]', '[ PERSON_1 ]',
  '[TEXT_1]', '«IBAN-1»', '【PHONE 2】', '[PHONE_1_ALT]', '[PERSON_1_LAST]', 'Erika Mustermann', 'jane.doe@example.com',
];
const FILLER = [
  'Hallo', 'bitte', 'überweisen Sie', 'an', 'oder', 'Danke!', 'please refund to', 'call me at', '😀', '👨‍👩‍👧‍👦',
  '🇦🇹', 'José', 'Mu\u0308ller', '—', ',', '.', '\n', '"', '\\', 'Straße', '𝔘𝔫𝔦', '“quoted”', '[', ']', '<', '>',
];
function message(r) {
  const parts = [];
  const n = 3 + Math.floor(r() * 10);
  for (let i = 0; i < n; i++) {
    const x = r();
    parts.push(x < 0.35 ? pick(r, VALUES) : x < 0.55 ? pick(r, LITERALS) : pick(r, FILLER));
  }
  return parts.join(r() < 0.8 ? ' ' : '');
}

test('createSession is exported everywhere with the same shape', () => {
  const s = pv.createSession();
  for (const m of ['pseudonymize', 'restore', 'restoreStream', 'restorer', 'clear', 'free']) assert.equal(typeof s[m], 'function', m);
  assert.equal(s.style, 'square');
  assert.equal(s.size, 0);
  assert.ok(s.restoreStream() instanceof TransformStream);
  s.free();
  const dts = readFileSync(join(pkgDir, 'index.d.ts'), 'utf8');
  assert.match(dts, /export function createSession\b/);
  assert.match(dts, /export interface Session\b/);
});

test('round trip over many generated conversations, every style, earlier messages keep restoring', () => {
  for (const style of STYLES) {
    const r = rng(STYLES.indexOf(style) + 1);
    for (let conv = 0; conv < 40; conv++) {
      const s = pv.createSession({ style, seed: conv });
      const sent = [];
      for (let m = 0; m < 6; m++) {
        const x = message(r);
        const { text, findings } = s.pseudonymize(x);
        for (const f of findings) assert.equal(f.text, x.slice(f.start, f.end));
        assert.equal(s.restore(text), x, `${style}: ${JSON.stringify(x)} → ${JSON.stringify(text)}`);
        for (const f of findings) {
          if (f.kind === 'iban' || f.kind === 'email' || f.kind === 'credit_card') {
            assert.ok(!text.includes(f.text), `${style}: ${f.kind} left in ${JSON.stringify(text)}`);
          }
        }
        sent.push([x, text]);
      }
      for (const [x, text] of sent) assert.equal(s.restore(text), x, `${style}: earlier message`);
      s.free();
    }
  }
});

test('literal placeholder-like text typed by the person restores to itself', () => {
  const s = pv.createSession();
  const first = s.pseudonymize('Mail anna.berger@example.org');
  assert.equal(first.text, 'Mail [EMAIL_1]');
  const tricky = 'I literally typed [EMAIL_1] and [PERSON_1] and EMAIL_1 😀, my mail is max.huber@example.at';
  const { text } = s.pseudonymize(tricky);
  assert.ok(!text.includes('max.huber'));
  assert.equal(s.restore(text), tricky);
  assert.equal(s.restore(first.text), 'Mail anna.berger@example.org');
});

test('the same value keeps its number across messages, whatever the spelling', () => {
  const s = pv.createSession();
  const num = (t, label) => [...t.matchAll(new RegExp(`\\[${label}_(\\d+)(?:_ALT\\d*)?\\]`, 'g'))].map((m) => m[1]);
  const phones = ['+49 170 1234567', '0049 170 1234567', '0170 1234567', '0170/1234567', '+49 (0)170 1234567'];
  const ibans = ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000', 'de89 3704 0044 0532 0130 00'];
  const mails = ['anna.berger@example.org', 'Anna.Berger@Example.org', 'ANNA.BERGER@EXAMPLE.ORG'];
  const outs = [];
  for (let i = 0; i < 5; i++) {
    const x = `Nachricht ${i}: Tel ${phones[i]}, IBAN ${ibans[i % 3]}, Mail ${mails[i % 3]}`;
    const { text } = s.pseudonymize(x);
    outs.push(text);
    assert.deepEqual(num(text, 'PHONE'), ['1'], text);
    assert.deepEqual(num(text, 'IBAN'), ['1'], text);
    assert.deepEqual(num(text, 'EMAIL'), ['1'], text);
    assert.equal(s.restore(text), x);
  }
  assert.match(outs[0], /\[PHONE_1\]/);
  assert.match(outs[1], /\[PHONE_1_ALT\]/);
  assert.match(outs[0], /\[IBAN_1\]/);
  const other = s.pseudonymize('Und +49 171 7654321, bob@example.org').text;
  assert.match(other, /\[PHONE_2\]/);
  assert.match(other, /\[EMAIL_2\]/);
});

test('the model may rewrite placeholders: delimiters, case, spaces', () => {
  const s = pv.createSession();
  s.pseudonymize('IBAN DE89 3704 0044 0532 0130 00, mail anna.berger@example.org');
  const reply = 'Ich überweise auf <IBAN_1> und schreibe an [ email 1 ], nicht an [EMAIL_2] oder [EMAIL_01].';
  assert.equal(s.restore(reply),
    'Ich überweise auf DE89 3704 0044 0532 0130 00 und schreibe an anna.berger@example.org, nicht an [EMAIL_2] oder [EMAIL_01].');
});

async function viaStream(s, chunks) {
  const ts = s.restoreStream();
  const w = ts.writable.getWriter();
  const out = [];
  const reading = (async () => {
    const rd = ts.readable.getReader();
    for (;;) {
      const { value, done } = await rd.read();
      if (done) return;
      out.push(value);
    }
  })();
  for (const c of chunks) await w.write(c);
  await w.close();
  await reading;
  return out.join('');
}

test('restoreStream and restorer: every split position of a reply (incl. inside emoji)', async () => {
  for (const style of STYLES) {
    const s = pv.createSession({ style, seed: 7 });
    const msg = 'Ich bin anna.berger@example.org 😀, IBAN DE89 3704 0044 0532 0130 00, Tel +49 170 1234567, '
      + 'und [EMAIL_1] habe ich wörtlich getippt.';
    const { text } = s.pseudonymize(msg);
    assert.equal(s.restore(text), msg);
    const reply = `Danke 👍 Ich habe notiert: ${text} — bei Fragen melde ich mich. 🇦🇹`;
    const want = s.restore(reply);
    assert.ok(!want.includes('[IBAN_1]'));
    for (let i = 0; i <= reply.length; i++) {
      const r = s.restorer();
      let got = r.push(reply.slice(0, i));
      assert.ok(r.buffered <= r.maxBuffer + 1, `buffered ${r.buffered} > ${r.maxBuffer}`);
      got += r.push(reply.slice(i));
      got += r.finish();
      assert.equal(got, want, `${style}: split at ${i}`);
      assert.equal(await viaStream(s, [reply.slice(0, i), reply.slice(i)]), want, `${style}: stream split at ${i}`);
    }
    // three pieces, and one UTF-16 unit at a time
    for (let i = 0; i < reply.length; i += 3) {
      for (let j = i; j <= reply.length; j += 5) {
        const r = s.restorer();
        assert.equal(r.push(reply.slice(0, i)) + r.push(reply.slice(i, j)) + r.push(reply.slice(j)) + r.finish(), want);
      }
    }
    assert.equal(await viaStream(s, [...reply.split('')]), want);
    s.free();
  }
});

test('a restorer keeps the mapping it started with; clear() forgets; freed sessions throw', () => {
  const s = pv.createSession();
  const { text } = s.pseudonymize('mail anna.berger@example.org');
  const r = s.restorer();
  s.clear();
  assert.equal(s.size, 0);
  assert.equal(s.restore(text), text);
  assert.equal(r.push(text) + r.finish(), 'mail anna.berger@example.org');
  assert.equal(r.finish(), '');
  assert.throws(() => r.push('x'), { code: 'invalid_argument' });
  s.free();
  s.free();
  assert.throws(() => s.pseudonymize('x'), { code: 'invalid_argument', message: /freed/ });
  assert.throws(() => s.restore('x'), { code: 'invalid_argument', message: /freed/ });
});

test('options: style, a scanner configuration or a shared scanner; errors name the key', () => {
  const iban = 'DE89 3704 0044 0532 0130 00';
  assert.equal(pv.createSession({ style: 'angle' }).pseudonymize(`IBAN ${iban}`).text, 'IBAN <IBAN_1>');
  assert.equal(pv.createSession({ style: 'curly' }).pseudonymize(`IBAN ${iban}`).text, 'IBAN {IBAN_1}');
  const sur = pv.createSession({ style: 'surrogate', seed: 1 }).pseudonymize(`IBAN ${iban}`).text;
  assert.match(sur, /^IBAN DE\d\d( \d{4}){4} \d\d$/);
  assert.notEqual(sur, `IBAN ${iban}`);
  const onlyMail = pv.createSession({ scanner: { kinds: ['email'] } });
  assert.equal(onlyMail.pseudonymize(`a@b.de ${iban}`).text, `[EMAIL_1] ${iban}`);
  const scanner = pv.createScanner({ kinds: ['iban'] });
  const shared = pv.createSession({ scanner });
  scanner.free(); // the session keeps the compiled scanner alive
  assert.equal(shared.pseudonymize(`a@b.de ${iban}`).text, 'a@b.de [IBAN_1]');
  const code = (fn) => { try { fn(); } catch (e) { return [e.code, e.message]; } return null; };
  assert.deepEqual(code(() => pv.createSession({ stlye: 'angle' }))[0], 'invalid_config');
  assert.match(code(() => pv.createSession({ stlye: 'angle' }))[1], /stlye/);
  assert.match(code(() => pv.createSession({ style: 'round' }))[1], /style/);
  assert.deepEqual(code(() => pv.createSession({ scanner: { kinds: ['ibn'] } })), ['unknown_kind', "scanner.kinds[0]: unknown kind 'ibn'"]);
  assert.equal(code(() => pv.createSession('x'))[0], 'invalid_config');
  assert.equal(code(() => pv.createSession({ seed: -1 }))[0], 'invalid_config');
  assert.equal(code(() => pv.createSession().pseudonymize(42))[0], 'invalid_argument');
});

test('the mapping stays in memory: no storage, no network, nothing logged', async () => {
  const touched = [];
  const names = ['localStorage', 'sessionStorage', 'indexedDB', 'caches', 'fetch', 'XMLHttpRequest', 'WebSocket', 'navigator', 'document'];
  const saved = names.map((n) => [n, Object.getOwnPropertyDescriptor(globalThis, n)]);
  const log = console.log, warn = console.warn, error = console.error, info = console.info, debug = console.debug;
  try {
    for (const n of names) Object.defineProperty(globalThis, n, { configurable: true, get() { touched.push(n); return undefined; } });
    for (const k of ['log', 'warn', 'error', 'info', 'debug']) console[k] = () => touched.push(`console.${k}`);
    const s = pv.createSession({ style: 'surrogate' });
    const { text } = s.pseudonymize('Ich bin Maria Huber, anna.berger@example.org, DE89 3704 0044 0532 0130 00');
    s.restore(text);
    assert.equal(await viaStream(s, [text.slice(0, 9), text.slice(9)]), s.restore(text));
    s.clear();
    s.free();
  } finally {
    Object.assign(console, { log, warn, error, info, debug });
    for (const [n, d] of saved) {
      if (d) Object.defineProperty(globalThis, n, d);
      else delete globalThis[n];
    }
  }
  assert.deepEqual(touched, []);
  // The sources of everything that runs in a page, and the bundles made from them
  // (the script tag also holds the generated glue, whose fallbacks warn on the console).
  const files = [...sources(join(www, 'src')).filter((f) => !/cli\.js$/.test(f)),
    ...['index.js', 'worker.js'].map((f) => join(pkgDir, f))];
  assert.ok(files.some((f) => f.endsWith('chat.js')) && files.some((f) => f.endsWith('api.js')));
  for (const f of files) {
    // fixed warnings and errors are allowed: a literal message, never a value
    const src = readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '').replace(/console\.(?:warn|error)\((['"])pii-veil: [^'"`$+]*\1\)/g, '');
    assert.doesNotMatch(src, /localStorage|sessionStorage|indexedDB|\bcaches\b|document\.cookie|console\./, f);
  }
});

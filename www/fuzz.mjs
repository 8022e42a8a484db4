// A long-running seeded fuzz run of the JavaScript API, outside the suite (the
// JavaScript twin of tests/fuzz.rs; run it by hand after www/build.sh):
//
//   node www/fuzz.mjs [cases] [seed]        default 100000 cases, seed 1
//   PII_VEIL_PKG=path/to/package node www/fuzz.mjs …   another build of the package
//
// Texts are made of personal-data pieces in several spellings (case, spacing,
// separators), hazards (direction marks and isolates, zero-width characters, soft
// hyphens, odd spaces, full-width digits, decomposed letters, emoji sequences, lone
// surrogates), random ASCII and random Unicode, joined by random separators, and go
// through the package's public API (createScanner, scan, redact) under several
// configurations and field hints. Every text must hold:
// - no throw, except a documented error (a PiiVeilError with a documented code, where
//   the call's documentation names it: `text_too_large` over `maxTextBytes`);
// - findings ordered and disjoint, UTF-16 offsets inside the text and never inside a
//   surrogate pair, `text === slice(start, end)`, score in 0..1;
// - redact finds what scan finds, keeps the text between findings (operator remove:
//   exactly the text without them), and its output holds no found value in any spelling
//   (case, spacing, separators) where the value stands on its own, for every operator
//   that shows nothing of a value (all but mask with keepLast).
// Configurations are fuzzed too: a bad one must throw a documented error. A failure
// prints the seed and case number that reproduce it, and the generated text;
// PII_VEIL_FUZZ_KEEP_GOING=1 runs every case and sums the failures up by kind instead.
import { nodeEntry } from './test/helpers.mjs';

const { createScanner, init, KINDS, redact, scan } = await import(nodeEntry);

const cases = Number(process.argv[2] || 100000);
const seed = Number(process.argv[3] || 1);
if (!Number.isSafeInteger(cases) || !Number.isSafeInteger(seed)) {
  console.error('usage: node www/fuzz.mjs [cases] [seed]');
  process.exit(2);
}

// --- a seeded generator (mulberry32)
function rng(s) {
  let a = s >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { below: (m) => Math.floor(next() * Math.max(1, m)), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

// --- what texts are made of
const VALUES = [
  ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000', 'de89 3704 0044 0532 0130 00', 'DE89-3704-0044-0532-0130-00', 'DE 89 37 04 00 44 05 32 01 30 00'],
  ['anna.gruber@example.at', 'ANNA.GRUBER@EXAMPLE.AT', 'Anna.Gruber@Example.at', 'maria.huber@example.at'],
  ['4111 1111 1111 1111', '4111111111111111', '4111-1111-1111-1111', '4111.1111.1111.1111'],
  ['+43 664 1234567', '+436641234567', '0043 664 1234567', '+43 (664) 123 45 67', '+43-664-123-4567', '0664 1234567'],
  ['Maria Huber', 'MARIA HUBER', 'Frau Maria Huber', 'Herr Mag. Huber', 'Dr. Anna Gruber', 'John Smith'],
  ['Steuer-ID 65929970489', 'Steuer-ID: 659 299 704 89', 'Steuer-IdNr. 65 929 970 489', 'tax id 65929970489', 'Rechnung 65929970489,'],
  ['Hauptstraße 12/3/4, 1010 Wien', 'Musterstraße 5, 10115 Berlin', '221B Baker Street, London NW1 6XE'],
  ['geb. 12.03.1985', 'born 1985-03-12', 'Termin am 12.03.1985'],
  ['192.168.10.1', '2001:db8::1', 'https://example.at/u/anna.gruber'],
  ['AT61 1904 3002 3457 3201', 'CH93 0076 2011 6238 5295 7', 'GB82 WEST 1234 5698 7654 32'],
];
const HAZARDS = ['\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u061C', '\u00A0', '\u202F', '\u2009', '\u3000',
  '😀', '👩‍💻', '🇦🇹', '👍🏽', '❤️', '０６６４', 'u\u0308', 'e\u0301', 'İ', 'ß', 'ﬁ', '\uD800', '\uDC00', '\r\n'];
const SEPARATORS = [' ', ', ', '\n', '\t', ': ', '\u200E', '\u00A0', '', '/', '-', '. ', ' (', ') ', '"', '\u200B'];
const WORDS = ['Bitte', 'überweisen', 'an', 'Kontakt', 'IBAN', 'Karte', 'Tel.', 'E-Mail', 'mobil', 'please', 'call', 'me', 'on', 'refund', 'to', 'Name:', 'Konto'];

function randomChar(r) {
  for (;;) {
    const c = [() => r.below(0x80), () => 0x80 + r.below(0x800), () => 0x2000 + r.below(0x70), () => r.below(0x110000)][r.below(4)]();
    if (c >= 0xd800 && c <= 0xdfff && r.below(8)) continue; // lone surrogates, now and then
    return String.fromCodePoint(c);
  }
}

function generate(r) {
  let t = '';
  for (let n = r.below(12); n > 0; n--) {
    switch (r.below(6)) {
      case 0: case 1: t += r.pick(r.pick(VALUES)); break;
      case 2: t += r.pick(HAZARDS); break;
      case 3: t += r.pick(WORDS); break;
      case 4: for (let i = r.below(12); i > 0; i--) t += ' .,:/@+()-0123456789abcXYZ'[r.below(26)]; break;
      default: for (let i = r.below(8); i > 0; i--) t += randomChar(r);
    }
    t += r.pick(SEPARATORS);
  }
  return t;
}

// --- configurations (every one valid) and field hints
const CONFIGS = [
  {},
  { countries: ['de', 'at', 'ch'] },
  { threshold: 0.3 },
  { kinds: { person: false } },
  { kinds: ['email', 'iban', 'credit_card', 'phone'].filter((k) => KINDS.includes(k)) },
  { allow: ['anna.gruber@example.at'], deny: ['Projekt Falke'] },
  { custom: [{ name: 'ticket', pattern: 'TCK-[0-9]{4,8}' }], allowPatterns: ['192\\.168\\.\\d{1,3}\\.\\d{1,3}'] },
];
const FIELDS = [undefined, 'Nachricht', { name: 'iban', label: 'IBAN' }, { type: 'tel', autocomplete: 'tel' }, { name: 'email', type: 'email' }, { label: 'Name', autocomplete: 'name' }];
const OPERATORS = ['label', 'token', { type: 'mask', fill: '*' }, { type: 'mask', keepLast: 4 }, 'remove'];
const ERROR_CODES = ['invalid_config', 'unknown_kind', 'invalid_pattern', 'empty_match', 'text_too_large', 'invalid_argument', 'not_initialized', 'load_failed'];

// --- "stands in": the definition of a value in some spelling (tests/common/mod.rs)
const SEP = /[\p{White_Space}\-./()+'\u200B-\u200F\u202A-\u202E]/u;
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/u;
const MARK = /[\u0300-\u036F]/u;
const ALPHA = /\p{Alphabetic}/u;
const NUM = /\p{N}/u;
const ALNUM = /[\p{Alphabetic}\p{N}]/u;
const canonical = (v) => [...v].filter((c) => !SEP.test(c)).map((c) => c.toLowerCase()).join('');
const glued = (a, b) => (ALPHA.test(a) && ALPHA.test(b)) || (NUM.test(a) && NUM.test(b));

/** True if `hay` holds the canonical `value` in some spelling, not glued to other letters or digits. */
function standsIn(hay, value) {
  const all = [...hay];
  const chars = [];
  for (let i = 0; i < all.length; i++) if (!SEP.test(all[i])) chars.push(i);
  const want = [...value];
  outer: for (let i = 0; i < chars.length; i++) {
    let k = 0;
    let j = i;
    while (k < want.length && j < chars.length) {
      const lower = [...all[chars[j]].toLowerCase()];
      for (let x = 0; x < lower.length; x++) if (want[k + x] !== lower[x]) continue outer;
      k += lower.length;
      j++;
    }
    if (k < want.length) continue;
    const first = all[chars[i]];
    const last = all[chars[j - 1]];
    let before = null;
    for (let b = chars[i] - 1; b >= 0; b--) if (!INVISIBLE.test(all[b]) && !MARK.test(all[b])) { before = all[b]; break; }
    let after = null;
    for (let a = chars[j - 1] + 1; a < all.length; a++) if (!INVISIBLE.test(all[a])) { after = all[a]; break; }
    if (!(before && glued(before, first)) && !(after && glued(last, after))) return true;
  }
  return false;
}

// --- the invariants
const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;
/** The text as the engine hands it back: unpaired surrogates as U+FFFD. */
const wellFormed = (s) => (typeof s.toWellFormed === 'function' ? s.toWellFormed() : s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

function checkFindings(text, found, kinds) {
  let prev = 0;
  for (const f of found) {
    if (!Number.isInteger(f.start) || !Number.isInteger(f.end)) throw new Error('offsets are not integers');
    if (!(f.start >= prev && f.start < f.end && f.end <= text.length)) throw new Error(`findings unordered, overlapping, empty or outside the text (${f.start}..${f.end})`);
    if (isLow(text.charCodeAt(f.start)) && isHigh(text.charCodeAt(f.start - 1))) throw new Error('a finding starts inside a surrogate pair');
    if (isLow(text.charCodeAt(f.end)) && isHigh(text.charCodeAt(f.end - 1))) throw new Error('a finding ends inside a surrogate pair');
    if (f.text !== text.slice(f.start, f.end)) throw new Error('text is not slice(start, end)');
    if (!(f.score >= 0 && f.score <= 1)) throw new Error('score outside 0..1');
    if (!kinds(f.kind)) throw new Error(`unexpected kind ${f.kind}`);
    prev = f.end;
  }
}

function checkRedacted(text, found, op, out, allowed = []) {
  const same = out.findings.length === found.length && out.findings.every((f, i) => f.kind === found[i].kind && f.start === found[i].start && f.end === found[i].end);
  if (!same) throw new Error(`redact (${JSON.stringify(op)}) found other findings than scan`);
  // the text between findings is kept, in order (operator remove: nothing else)
  const masked = out.text;
  if (op === 'remove') {
    let expect = '';
    let r = 0;
    for (const f of found) { expect += text.slice(r, f.start); r = f.end; }
    if (masked !== wellFormed(expect + text.slice(r))) throw new Error('remove: the output is not the text without its findings');
  } else {
    let rest = 0;
    let at = 0;
    for (const f of found) {
      const keep = wellFormed(text.slice(rest, f.start));
      const k = masked.indexOf(keep, at);
      if (k < 0 || (rest === 0 && k !== 0)) throw new Error(`redact (${JSON.stringify(op)}) lost the text between findings`);
      at = k + keep.length + 1; // a replacement is never empty
      rest = f.end;
    }
    const tail = wellFormed(text.slice(rest));
    if (!masked.endsWith(tail) || masked.length - tail.length < Math.min(at, masked.length)) {
      if (!(masked.endsWith(tail) && found.length === 0)) throw new Error(`redact (${JSON.stringify(op)}) lost the text after the last finding`);
    }
  }
  // no found value in any spelling where it stands on its own (4+ letters and digits);
  // not for keepLast, which shows the end of each value by request: the kept end and
  // the text beside it can spell a value again
  if (typeof op === 'object' && op.keepLast) return;
  for (const f of found) {
    const value = canonical(f.text);
    if ([...value].filter((c) => ALNUM.test(c)).length < 4) continue;
    // an allowed value stays as written, with what it holds (a name in an allowed e-mail)
    if (allowed.some((a) => standsIn(a, value))) continue;
    if (standsIn(masked, value)) throw new Error(`redact (${JSON.stringify(op)}) output still holds a found ${f.kind}`);
  }
}

function documented(e, codes) {
  return e instanceof Error && codes.includes(e.code) && typeof e.message === 'string';
}

// --- fuzzed configurations: valid ones work, bad ones throw a documented error
function fuzzConfig(r) {
  const pick = r.below(9);
  const cfg = {};
  if (pick === 0) cfg.kinds = [r.pick([...KINDS, 'nonsense', 'EMAIL', ''])];
  if (pick === 1) cfg.threshold = r.pick([-1, 0, 0.5, 1, 2, NaN, '0.5']);
  if (pick === 2) cfg.custom = [{ name: r.pick(['ticket', 'email', 'Bad Name', 'x'.repeat(41), 'ok_1']), pattern: r.pick(['a*', '(', 'TCK-\\d+', '', '[z-a]', '\\bfoo\\b', '(?i)abc']) }];
  if (pick === 3) cfg.countries = [r.pick(['de', 'at', 'DE', 'xx', 'deu', ''])];
  if (pick === 4) cfg.allowPatterns = [r.pick(['.*', '(', 'a+'])];
  if (pick === 5) cfg.deny = [r.pick(['Falke', '', ' '])];
  if (pick === 6) cfg.maxTextBytes = r.pick([0, 1, 16, -5, 1.5, 1 << 20]);
  if (pick === 7) cfg[r.pick(['kind', 'threshhold', 'unknown'])] = 1;
  if (pick === 8) cfg.kinds = { [r.pick([...KINDS, 'nonsense'])]: r.pick([true, false, 'no']) };
  return cfg;
}

await init();
const scanners = CONFIGS.map((c) => createScanner(c));
const customKinds = new Set(['ticket', 'deny']);
const isKind = (k) => KINDS.includes(k) || customKinds.has(k);

const keepGoing = process.env.PII_VEIL_FUZZ_KEEP_GOING === '1';
const failures = new Map(); // why -> { count, first case, its config, field and text }
const r = rng(seed);
let checks = 0;
let configs = 0;
let rejected = 0;
const t0 = Date.now();
for (let n = 0; n < cases; n++) {
  const text = generate(r);
  const i = r.below(scanners.length);
  const field = r.pick(FIELDS);
  try {
    const found = scanners[i].scan(text, field);
    checkFindings(text, found, isKind);
    for (const op of OPERATORS) {
      checkRedacted(text, found, op, scanners[i].redact(text, { operator: op, field }), CONFIGS[i].allow);
      checks++;
    }
    if (i === 0 && field === undefined) {
      // the module-level shorthands are the default scanner
      const a = scan(text);
      if (JSON.stringify(a) !== JSON.stringify(found)) throw new Error('scan() differs from createScanner().scan()');
      if (redact(text).text !== scanners[0].redact(text).text) throw new Error('redact() differs from createScanner().redact()');
    }
    if (n % 10 === 0) {
      configs++;
      const cfg = fuzzConfig(r);
      let s = null;
      try { s = createScanner(cfg); } catch (e) {
        if (!documented(e, ['invalid_config', 'unknown_kind', 'invalid_pattern', 'empty_match', 'invalid_argument'])) throw new Error(`createScanner threw an undocumented error: ${e && e.code} ${e}`);
        rejected++;
      }
      if (s) {
        try {
          checkFindings(text, s.scan(text), (k) => isKind(k) || /^[a-z][a-z0-9_]*$/.test(k));
        } catch (e) {
          if (!(documented(e, ['text_too_large']) && cfg.maxTextBytes !== undefined && Buffer.byteLength(wellFormed(text)) > cfg.maxTextBytes)) throw e;
        } finally { s.free(); }
      }
    }
  } catch (e) {
    const why = (e && e.message) || String(e);
    if (!keepGoing) {
      console.error(`seed ${seed}, case ${n} (config ${JSON.stringify(CONFIGS[i])}, field ${JSON.stringify(field)}): ${why}`);
      console.error(`text: ${JSON.stringify(text)}`);
      process.exit(1);
    }
    const c = failures.get(why) || { count: 0, first: n, config: CONFIGS[i], field, text };
    c.count++;
    failures.set(why, c);
  }
  if ((n + 1) % 10000 === 0) console.error(`${n + 1} texts, ${[...failures.values()].reduce((a, c) => a + c.count, 0)} failed (${Math.round((Date.now() - t0) / 1000)} s)`);
}
if (failures.size) {
  let failed = 0;
  for (const [why, c] of failures) {
    failed += c.count;
    console.error(`${c.count}× ${why}; first: case ${c.first} (config ${JSON.stringify(c.config)}, field ${JSON.stringify(c.field)})`);
    console.error(`  text: ${JSON.stringify(c.text)}`);
  }
  console.log(`${cases - failed} of ${cases} texts held every invariant (seed ${seed}); ${failed} failed, ${failures.size} kinds of failure above`);
  process.exit(1);
}
console.log(`${cases} texts held every invariant (seed ${seed}; ${checks} redactions checked; ${configs} fuzzed configurations, ${rejected} rejected with a documented error)`);

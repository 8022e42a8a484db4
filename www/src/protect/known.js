// Known values: what pii-veil found in protected fields is masked wherever it goes,
// whatever route a script takes (follow the value, not the route). This file is the
// pure part: the spellings a value takes on its way out (as typed, whitespace
// normalised, without separators, JSON-escaped, URL- and form-encoded, and as UTF-8
// bytes), the placeholder each finding got in its field's masked text, and one
// multi-pattern search (Aho-Corasick, ASCII case folded) that replaces every spelling
// of every known value in a string or a byte array in one linear pass, then in the
// runs of base64 it holds (base64.js); a value split by markup (HTML tags, the text
// nodes of a rich-text editor's JSON) is found by a second search over the text
// without it (markup.js). Where a match begins and ends — a
// value cut short, a value of words inside a longer word — is edges.js; how the search
// sees a unit, units.js. No DOM, no engine: egress.js feeds it the values and applies it to
// requests.
import { B64, maskedRuns, MIN_RUN } from './base64.js';
import { CUT_MIN, cutEnd, cutStart, glued, startsAfterMark, STARTS } from './edges.js';
import { tagEnd, textAfter, withMarkup } from './markup.js';
import { fold, foldBytes, foldUnits, isChar, isJsonWs, upperTail } from './units.js';

/** Values shorter than this are not followed (they would match everywhere). */
export const MIN_LENGTH = 3;

const enc = new TextEncoder();

/**
 * The placeholder each finding got in `masked` (the field's masked text), in the
 * order of `findings` (sorted by start, offsets into `original`). The text between
 * findings is unchanged by masking, which locates each replacement; when that is
 * ambiguous (adjacent findings) the finding's label `[KIND]` is used.
 * @param {string} original
 * @param {string} masked
 * @param {{ kind: string, start: number, end: number }[]} findings
 * @returns {string[]}
 */
export function placeholdersOf(original, masked, findings) {
  const fs = [...findings].sort((a, b) => a.start - b.start);
  const out = new Map();
  let pos = 0; // in masked
  let prevEnd = 0; // in original
  for (let i = 0; i < fs.length; i++) {
    const f = fs[i];
    const gap = original.slice(prevEnd, f.start);
    if (masked.startsWith(gap, pos)) pos += gap.length;
    const nextGap = i + 1 < fs.length ? original.slice(f.end, fs[i + 1].start) : original.slice(f.end);
    let end;
    if (i + 1 === fs.length) end = masked.length - nextGap.length;
    else end = nextGap ? masked.indexOf(nextGap, pos) : -1;
    const ph = end >= pos ? masked.slice(pos, end) : '[' + String(f.kind).toUpperCase() + ']';
    out.set(f, ph);
    if (end >= pos) pos = end;
    prevEnd = f.end;
  }
  return findings.map((f) => out.get(f));
}

// The forms a value takes before any encoding: as typed, whitespace normalised,
// (numbers: IBAN, card, phone) without spaces, dashes, dots, slashes or brackets, and
// (words: a name) without spaces, as a user name or a text stripped of its spaces
// spells it ("JohannHuber").
function forms(value) {
  const out = new Set([value]);
  const ws = value.replace(/\s+/g, ' ').trim();
  out.add(ws);
  const digits = (value.match(/\d/g) || []).length;
  if (!value.includes('@') && digits >= 6) {
    out.add(value.replace(/[\s\-./()]/g, ''));
    out.add(value.replace(/\s+/g, ''));
    // an international number without its plus: a JSON number cannot hold it, and
    // 00 dials the same (`436641234567`, `0043 664 1234567`)
    if (ws.startsWith('+')) {
      const d = ws.replace(/\D/g, '');
      out.add(d);
      out.add('00' + d);
      out.add('00' + ws.slice(1));
    }
  }
  if (!value.includes('@') && !digits && ws.includes(' ')) out.add(ws.replace(/ /g, ''));
  // letters with accents, as HTML and old escapes write them and as they are typed
  // without (`J&uuml;rgen`, `J&#252;rgen`, `J%FCrgen`, decomposed, `Jurgen`, `Juergen`)
  if (/[^\x00-\x7f]/.test(ws)) for (const f of accentForms(ws)) out.add(f);
  return [...out];
}

// The HTML entity names of accents on a letter, by their combining mark.
const MARKS = { '\u0300': 'grave', '\u0301': 'acute', '\u0302': 'circ', '\u0303': 'tilde', '\u0308': 'uml', '\u030a': 'ring', '\u0327': 'cedil' };
const NAMED = { 'ß': 'szlig', 'æ': 'aelig', 'Æ': 'AElig', 'ø': 'oslash', 'Ø': 'Oslash' };
const GERMAN = { 'ä': 'ae', 'ö': 'oe', 'ü': 'ue', 'Ä': 'Ae', 'Ö': 'Oe', 'Ü': 'Ue', 'ß': 'ss' };
function accentForms(s) {
  const chars = [...s];
  const named = (c) => {
    if (NAMED[c]) return `&${NAMED[c]};`;
    const d = c.normalize('NFD');
    return d.length === 2 && MARKS[d[1]] ? `&${d[0]}${MARKS[d[1]]};` : c;
  };
  const code = (c) => c.codePointAt(0);
  const nfd = s.normalize('NFD');
  const out = [
    chars.map((c) => (code(c) > 127 ? named(c) : c)).join(''),
    chars.map((c) => (code(c) > 127 ? `&#${code(c)};` : c)).join(''),
    chars.map((c) => (code(c) > 127 ? `&#x${code(c).toString(16)};` : c)).join(''),
    nfd,
    nfd.replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss'),
    chars.map((c) => GERMAN[c] || c).join(''),
  ];
  if (typeof escape === 'function') out.push(escape(s)); // Latin-1 `%FC`, as escape() writes it
  return out;
}

const jsonEscape = (s) => JSON.stringify(s).slice(1, -1);
const jsonAscii = (s) => jsonEscape(s).replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
const formEncode = (s) => new URLSearchParams([['', s]]).toString().slice(1);

/**
 * Every spelling of `value` with the same spelling of its placeholder: as typed,
 * whitespace normalised, without separators (numbers), JSON-escaped (also with
 * `\uXXXX` escapes), URL-encoded (`%20`, also twice: `%2520`) and form-encoded (`+`).
 * @returns {{ from: string, to: string }[]}
 */
export function spellings(value, placeholder) {
  const out = new Map();
  const add = (from, to) => { if (from.length >= MIN_LENGTH && !out.has(from)) out.set(from, to); };
  for (const s of forms(value)) {
    add(s, placeholder);
    add(jsonEscape(s), jsonEscape(placeholder));
    add(jsonAscii(s), jsonEscape(placeholder));
    add(encodeURIComponent(s), encodeURIComponent(placeholder));
    // URL-encoded twice: a URL with its query carried in another URL's query
    add(encodeURIComponent(encodeURIComponent(s)), encodeURIComponent(encodeURIComponent(placeholder)));
    add(formEncode(s), formEncode(placeholder));
    add(encodeURI(s), encodeURIComponent(placeholder));
  }
  return [...out].map(([from, to]) => ({ from, to }));
}

// Aho-Corasick over code units (string: UTF-16, bytes: UTF-8), ASCII case folded.
// Each state also keeps its depth and the first pattern through it (`via`): a text
// that ends in that state ends in that pattern's first `depth` units (see `cutEnd`),
// `chars` characters (a UTF-8 character's continuation bytes are no characters of their
// own, so a cut is judged alike in a string and in its bytes).
function automaton(patterns, utf8) {
  const next = [new Map()];
  const fail = [0];
  const outs = [[]];
  const depth = [0];
  const chars = [0];
  const via = [-1];
  patterns.forEach((p, idx) => {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const u = p[i];
      let t = next[s].get(u);
      if (t === undefined) {
        t = next.length;
        next.push(new Map());
        fail.push(0);
        outs.push([]);
        depth.push(i + 1);
        chars.push(chars[s] + (isChar(utf8, u) ? 1 : 0));
        via.push(idx);
        next[s].set(u, t);
      }
      s = t;
    }
    outs[s].push(idx);
  });
  const plen = patterns.map((p) => p.reduce((n, u) => n + (isChar(utf8, u) ? 1 : 0), 0));
  const queue = [];
  for (const t of next[0].values()) queue.push(t);
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi];
    for (const [u, t] of next[s]) {
      let f = fail[s];
      while (f && !next[f].has(u)) f = fail[f];
      const g = next[f].get(u);
      fail[t] = g !== undefined && g !== t ? g : 0;
      if (outs[fail[t]].length) outs[t] = outs[t].concat(outs[fail[t]]);
      queue.push(t);
    }
  }
  return { next, fail, outs, depth: Int32Array.from(depth), chars, plen, via, first: next[0], patterns, utf8, suffixes: null };
}

// In a JSON text a value written as a number (`{"card":4111111111111111}`) becomes a
// string placeholder (`"[CARD]"`), so the body stays valid JSON. `at(i)` is a unit of
// the text (n units); a hit is a number when only digits (and `.`, `-`, `+`, `e`) are
// matched and a value delimiter stands on both sides.
function jsonText(n, at) {
  for (let i = 0; i < n; i++) { const u = at(i); if (!isJsonWs(u)) return u === 123 || u === 91; }
  return false;
}
function isJsonNumber(h, n, at) {
  for (let i = h.start; i < h.end; i++) { const u = at(i); if (!((u >= 48 && u <= 57) || u === 46 || u === 45 || u === 43 || u === 101 || u === 69)) return false; }
  let i = h.start - 1;
  while (i >= 0 && isJsonWs(at(i))) i--;
  if (i < 0 || !(at(i) === 58 || at(i) === 91 || at(i) === 44)) return false; // : [ ,
  let j = h.end;
  while (j < n && isJsonWs(at(j))) j++;
  return j >= n || at(j) === 44 || at(j) === 93 || at(j) === 125; // , ] }
}

// Leftmost-longest, non-overlapping matches of `a` in `units` (length n, at(i)),
// whether a value may be split by markup there (`split`: see markup.js) and whether
// the units hold a run of base64 characters of MIN_RUN or more (`b64`):
// the search runs over the folded units (a whitespace run is one space); `pos` maps a
// folded index back to the unit it started at. `lens` are folded pattern lengths.
function search(a, lens, n, at) {
  const { next, fail, outs, depth, via, first } = a; // (depth and via: see cutEnd)
  const hits = [];
  // a ring of the last folded positions, as long as the longest pattern
  let size = 1;
  for (const l of lens) while (size <= l) size <<= 1;
  const pos = new Int32Array(size);
  const ring = size - 1;
  let s = 0, k = -1, prev = -1;
  // (and whether the text holds a run long enough to be base64: see base64.js)
  let run = 0, b64 = false;
  // A value can only go on across markup where a pattern under way right before it
  // goes on with the first unit of text after it: a tag (split bit 1) or the end of a
  // string followed by a text node's (bit 2; only those are joined, see markup.js).
  let split = 0;
  let starts = true; // a string starts here (see cutStart)
  for (let i = 0; i < n; i++) {
    const u = fold(at(i));
    if (u < 128 && B64[u]) b64 = b64 || ++run >= MIN_RUN; else run = 0;
    if (starts) { const c = cutStart(a, n, at, i); if (c) hits.push(c); }
    starts = u < 256 ? STARTS[u] === 1 || (STARTS[u] === 2 && startsAfterMark(n, at, i, u)) : u === 0x2026;
    if (u === 32 && prev === 32) continue; // the same run of whitespace
    prev = u;
    pos[++k & ring] = i;
    if (s === 0 && !first.has(u)) continue; // the common case: nothing starts here
    if ((u === 34 || u === 60 || u === 37 || u === 92) && s) {
      if (u === 34) { if (at(i - 1) !== 92 && goesOn(a, s, n, at, i + 1, 2)) split |= 2; }
      else { const e = tagEnd(n, at, i); if (e > 0 && goesOn(a, s, n, at, e, 1)) split |= 1; }
    }
    let t = next[s].get(u);
    // Where the text stops following a pattern: a value cut short may end here.
    if (t === undefined && depth[s] >= CUT_MIN) {
      const end = cutEnd(a, s, n, at, i);
      if (end >= 0) hits.push({ start: pos[(k - depth[s]) & ring], end, idx: via[s] });
    }
    while (t === undefined && s) { s = fail[s]; t = next[s].get(u); }
    s = t === undefined ? 0 : t;
    const o = outs[s];
    for (let j = 0; j < o.length; j++) hits.push({ start: pos[(k + 1 - lens[o[j]]) & ring], end: i + 1, idx: o[j] });
  }
  if (depth[s] >= CUT_MIN && cutEnd(a, s, n, at, n) === n) hits.push({ start: pos[(k + 1 - depth[s]) & ring], end: n, idx: via[s] });
  if (!hits.length && !split) return { hits, b64, split };
  for (let i = hits.length - 1; i >= 0; i--) if (a.words[hits[i].idx] && glued(n, at, a.utf8, hits[i])) hits.splice(i, 1);
  hits.sort((x, y) => x.start - y.start || y.end - x.end);
  const keep = [];
  let last = 0;
  for (const h of hits) if (h.start >= last) { keep.push(h); last = h.end; }
  return { hits: keep, b64, split };
}

// Whether the pattern under way in state `s` goes on with the first unit of text after
// markup that ends at `j` (`kind`: see textAfter), taking a unit from before it along.
function goesOn(a, s, n, at, j, kind) {
  const t = textAfter(n, at, j, kind);
  if (t < 0) return false;
  const { next, fail, depth } = a;
  const v = fold(at(t));
  let g = next[s].get(v);
  while (g === undefined && s) { s = fail[s]; g = next[s].get(v); }
  return g !== undefined && depth[g] >= 2;
}

// The hits of a search over n units, with those across markup where the units hold some.
function hitsOf(a, lens, n, at) {
  const r = search(a, lens, n, at);
  if (r.split) r.hits = withMarkup(r.hits, n, at, (m, inView) => search(a, lens, m, inView).hits, { tags: r.split & 1, nodes: r.split & 2 });
  return r;
}

/**
 * One search over every spelling of every known value. What it masked is counted per
 * kind until `take()` (for `pii-veil:masked` events: counts, never values).
 * @param {{ value: string, placeholder: string, kind?: string }[]} known
 * `maskBytes(b, true)` keeps every masked value's length in bytes (a binary body: see
 * `fitted`).
 * @returns {{ size: number, maskString(s: string): { text: string, count: number },
 *   maskBytes(b: Uint8Array, sameLength?: boolean): { bytes: Uint8Array, count: number }, take(): object }}
 */
export function createMatcher(known) {
  const pairs = new Map();
  for (const k of known) {
    if (!k.value || k.value.length < MIN_LENGTH) continue;
    for (const sp of spellings(k.value, k.placeholder)) if (!pairs.has(sp.from)) pairs.set(sp.from, { to: sp.to, kind: k.kind || 'known' });
  }
  const froms = [...pairs.keys()];
  const tos = [...pairs.values()].map((p) => p.to);
  const kinds = [...pairs.values()].map((p) => p.kind);
  const words = froms.map((f) => !/[\d@]/.test(f)); // (see glued)
  let counts = {};
  const count = (hits) => { for (const h of hits) counts[kinds[h.idx]] = (counts[kinds[h.idx]] || 0) + 1; };
  let strA = null, byteA = null, byteFrom = null, byteTo = null, byteLens = null;
  const strings = () => {
    if (!strA) strA = Object.assign(automaton(strUnits, false), { words });
    return strA;
  };
  const bytes = () => {
    if (!byteA) {
      byteFrom = froms.map((s) => foldUnits(foldBytes(enc.encode(s))));
      byteLens = byteFrom.map((x) => x.length);
      byteTo = tos.map((s) => enc.encode(s));
      byteA = Object.assign(automaton(byteFrom, true), { words });
    }
    return byteA;
  };
  const strUnits = froms.map((s) => foldUnits(Array.from({ length: s.length }, (_, i) => s.charCodeAt(i))));
  const strLens = strUnits.map((u) => u.length);
  // One pass of the search over a string, and over bytes.
  function plainString(s) {
    const at = (i) => s.charCodeAt(i);
    const { hits, b64 } = hitsOf(strings(), strLens, s.length, at);
    if (!hits.length) return { text: s, count: 0, b64 };
    count(hits);
    const json = jsonText(s.length, at);
    let out = '', last = 0;
    for (const h of hits) {
      const to = json && !h.keep && isJsonNumber(h, s.length, at) ? JSON.stringify(tos[h.idx]) : tos[h.idx];
      out += s.slice(last, h.start) + to;
      if (h.keep) for (const [x, y] of h.keep) out += s.slice(x, y); // the markup inside it
      last = h.end;
    }
    return { text: out + s.slice(last), count: hits.length, b64 };
  }
  function plainBytes(b, sameLength) {
    const a = bytes();
    const { hits, b64 } = hitsOf(a, byteLens, b.length, (i) => (i && upperTail(b[i - 1], b[i]) ? b[i] + 0x20 : b[i]));
    if (!hits.length) return { bytes: b, count: 0, b64 };
    count(hits);
    const parts = [];
    let last = 0;
    const json = !sameLength && jsonText(b.length, (i) => b[i]);
    for (const h of hits) {
      let to = json && !h.keep && isJsonNumber(h, b.length, (i) => b[i]) ? enc.encode(JSON.stringify(tos[h.idx])) : byteTo[h.idx];
      if (sameLength) {
        let room = h.end - h.start;
        if (h.keep) for (const [x, y] of h.keep) room -= y - x;
        to = fitted(to, room);
      }
      parts.push(b.subarray(last, h.start), to);
      if (h.keep) for (const [x, y] of h.keep) parts.push(b.subarray(x, y));
      last = h.end;
    }
    parts.push(b.subarray(last));
    return { bytes: concat(parts), count: hits.length, b64 };
  }
  // Then into the runs of base64 the result holds; base64 inside base64 (a payload
  // encoded twice) is followed two layers deep.
  const inBase64 = (depth) => (text) => (depth < 2 ? maskString(text, depth + 1) : plainString(text));
  function maskString(s, depth = 0) {
    if (!froms.length || typeof s !== 'string' || !s) return { text: s, count: 0 };
    const r = plainString(s);
    const t = r.text;
    const runs = r.b64 ? maskedRuns(t, inBase64(depth)) : [];
    if (!runs.length) return { text: t, count: r.count };
    let out = '', last = 0, n = r.count;
    for (const x of runs) { out += t.slice(last, x.start) + x.text; last = x.end; n += x.count; }
    return { text: out + t.slice(last), count: n };
  }
  function maskBytes(b, sameLength = false) {
    if (!froms.length || !b.length) return { bytes: b, count: 0 };
    const r = plainBytes(b, sameLength);
    const t = r.bytes;
    const runs = r.b64 && !sameLength ? maskedRuns(t, inBase64(0)) : [];
    if (!runs.length) return { bytes: t, count: r.count };
    const parts = [];
    let last = 0, n = r.count;
    for (const x of runs) { parts.push(t.subarray(last, x.start), enc.encode(x.text)); last = x.end; n += x.count; }
    parts.push(t.subarray(last));
    return { bytes: concat(parts), count: n };
  }
  return {
    size: froms.length,
    take() { const c = counts; counts = {}; return c; },
    maskString: (s) => maskString(s),
    maskBytes,
  };
}

// A placeholder in exactly `n` bytes, for a binary body whose lengths must hold: padded
// with `*`, or only `*` where it does not fit (`[IBAN]*********************`, `*****`).
function fitted(to, n) {
  const out = new Uint8Array(n).fill(0x2a);
  if (to.length <= n) out.set(to);
  return out;
}

function concat(parts) {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

// Where a match of a known value begins and ends in a body (known.js searches): a
// value cut short at its end or its start, as a preview a page shortened sends it, and
// a value of words matched inside a longer word, which is no match. Pure: the search
// hands over its automaton (its states' depths and the patterns) and the text's units.
import { fold, isChar, seqAt } from './units.js';

// A value cut short on its way out: a page that shortens a message before sending it
// (`msg.slice(0, 60)` for an analytics preview) sends the start of a value, not the
// value. Most of a known value's spelling — at least two thirds of its characters and
// at least CUT_MIN — is masked as the value where the text stops following it to end:
// at the end of the text, before a character that ends a string in the encodings a
// body takes (`"` `'` `&` `#` `<` `\`, also URL-encoded), or before an ellipsis (`…`,
// `...`, `%E2%80%A6`). Not before a space, a letter or a digit: there the text goes
// on with a word of its own (a street name without its number, another IBAN of the
// same bank).
export const CUT_MIN = 8;
const CUT_ENDS = new Set([34, 39, 38, 35, 60, 92, 0x2026]);
const CUT_ESCAPES = ['%22', '%27', '%26', '%23', '%3c', '%5c', '%e2%80%a6'];
function cutAt(n, at, i) {
  if (i >= n) return true;
  const u = at(i);
  return CUT_ENDS.has(u) || (u === 46 && seqAt(n, at, i, '...')) || (u === 0xe2 && seqAt(n, at, i, '\u00e2\u0080\u00a6'))
    || (u === 37 && CUT_ESCAPES.some((e) => seqAt(n, at, i, e)));
}
// Where the text (n units, at(i)) stops following the pattern of state s at unit i —
// i is the first unit that does not continue it, or n — the end of the value cut
// short there, or -1. The pattern may have taken the first units of what ends the
// string (the `.` of `...`, the `%2` of `%22`, the `\u` of `\u2026`): the cut is then
// up to two units before i.
export function cutEnd(a, s, n, at, i) {
  const d = a.depth[s], len = a.plen[a.via[s]];
  for (let back = 0; back <= 2 && back < d; back++) {
    const m = a.chars[s] - back; // (what the cut leaves out is ASCII)
    if (!cutLong(m, len)) return -1;
    if (cutAt(n, at, i - back)) return i - back;
  }
  return -1;
}
// Whether `m` characters of a spelling of `len` are most of it.
const cutLong = (m, len) => m >= CUT_MIN && 3 * m >= 2 * len;

// A value cut at its start (`text.slice(-40)` for a preview): the rest of a spelling —
// two thirds of it and at least CUT_MIN characters, as above — right after the start of
// the text, of a string (`"` `'` `=` `>`) or an ellipsis, and not followed by a
// letter or a digit. Found from each such place by the first CUT_MIN units of those
// rests of every pattern (indexed the first time a text is searched).
// By unit (folded): 1 where a string starts after it (also `…`, 0x2026), 2 where it may
// be the last unit of what a string starts after (`...`, `%E2%80%A6` / `\u2026`,
// UTF-8 `…`: see `startsAfterMark`).
export const STARTS = new Uint8Array(256);
for (const c of `"'=>`) STARTS[c.charCodeAt(0)] = 1;
STARTS[46] = 2; STARTS[54] = 2; STARTS[0xa6] = 2;
// Whether unit i (folded: u, a 2 in STARTS) ends one of those marks.
export function startsAfterMark(n, at, i, u) {
  if (u === 46) return i >= 2 && seqAt(n, at, i - 2, '...');
  if (u === 54) return (i >= 8 && seqAt(n, at, i - 8, '%e2%80%a6')) || (i >= 5 && seqAt(n, at, i - 5, '\\u2026'));
  return i >= 2 && at(i - 2) === 0xe2 && at(i - 1) === 0x80;
}
// The rests of every pattern by their first CUT_MIN units (a hash of them): `{ idx, off }`;
// and the pairs of units they start with (`first`, by a hash: a quick no for most places).
const pair = (u, v) => ((u << 7) ^ v) & 0xffff;
function suffixIndex(a) {
  const index = new Map();
  const first = new Uint8Array(65536);
  a.patterns.forEach((p, idx) => {
    const len = a.plen[idx];
    let rest = len; // characters from `off` on
    for (let off = 0; off < p.length - 1; off++) {
      if (!isChar(a.utf8, p[off])) continue;
      if (off > 0) rest--;
      if (off === 0 || !cutLong(rest, len) || p.length - off < CUT_MIN) continue;
      let h = 0;
      for (let i = off; i < off + CUT_MIN; i++) h = (Math.imul(h, 31) + p[i]) | 0;
      if (!index.has(h)) index.set(h, []);
      index.get(h).push({ idx, off });
      first[pair(p[off], p[off + 1])] = 1;
    }
  });
  return { index, first };
}
const wordUnit = (u) => (u >= 48 && u <= 57) || (u >= 65 && u <= 90) || (u >= 97 && u <= 122);
// The longest rest of a pattern the text starts with at j, as a hit, or null.
export function cutStart(a, n, at, j) {
  if (!a.suffixes) a.suffixes = suffixIndex(a);
  const { index, first } = a.suffixes;
  // the text's first CUT_MIN folded units from j (a whitespace run is one); the first
  // two already tell most places apart
  const units = [];
  let prev = -1, i = j, h = 0;
  for (; i < n && units.length < CUT_MIN; i++) {
    const u = fold(at(i));
    if (u === 32 && prev === 32) continue;
    prev = u;
    units.push(u);
    if (units.length === 2 && !first[pair(units[0], u)]) return null;
    h = (Math.imul(h, 31) + u) | 0;
  }
  const cands = units.length === CUT_MIN && index.get(h);
  if (!cands) return null;
  let best = null;
  for (const { idx, off } of cands) {
    const p = a.patterns[idx];
    if (best && p.length - off <= best.units) continue;
    let q = 0;
    while (q < CUT_MIN && p[off + q] === units[q]) q++;
    if (q < CUT_MIN) continue;
    // the rest of the pattern, on from where the first CUT_MIN units ended
    let k = off + CUT_MIN, t = i, pr = prev;
    for (; k < p.length && t < n; t++) {
      const u = fold(at(t));
      if (u === 32 && pr === 32) continue;
      pr = u;
      if (u !== p[k]) break;
      k++;
    }
    if (k === p.length && !(t < n && wordUnit(at(t)))) best = { start: j, end: t, idx, units: p.length - off };
  }
  return best;
}

// A match inside a word is no match: a known value of words (no digit, no `@`: a name,
// a city) is a word or words of its own, so "Anna" is not masked in "Annabella", nor
// "Berg" in "Bergstraße". Such a match glued to a letter before its first letter, or
// to two letters after its last one, is dropped: one letter after it is an ending
// ("Jürgen Müllers Konto" is masked). Values with a digit or an `@` (numbers, e-mail
// addresses, streets with their number) are masked wherever they stand. A character
// escaped before it (`\\n` in JSON, `%0A` in a URL) is no letter; one written as
// `\\u00fc` is read as what it stands for.
const LETTER = /\p{L}/u;
const isLetter = (cp) => cp > 0 && (cp < 128 ? ((cp | 32) >= 97 && (cp | 32) <= 122) : LETTER.test(String.fromCodePoint(cp)));
const hexAt = (at, i) => {
  let v = 0;
  for (let j = i; j < i + 4; j++) {
    const u = at(j), d = u >= 48 && u <= 57 ? u - 48 : (u | 32) >= 97 && (u | 32) <= 102 ? (u | 32) - 87 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
};
// The character (code point) that ends at unit i (exclusive), or -1; an escape is none.
function charBefore(at, utf8, i) {
  if (i <= 0) return -1;
  if (i >= 3 && at(i - 3) === 37) return -1; // %XX
  if (i >= 2 && at(i - 2) === 92) return -1; // \n
  if (i >= 6 && at(i - 6) === 92 && (at(i - 5) | 32) === 117) return hexAt(at, i - 4); // \uXXXX
  const u = at(i - 1);
  if (!utf8) {
    if (u >= 0xdc00 && u <= 0xdfff && i >= 2 && at(i - 2) >= 0xd800 && at(i - 2) <= 0xdbff) return ((at(i - 2) - 0xd800) << 10) + (u - 0xdc00) + 0x10000;
    return u;
  }
  if (u < 0x80) return u;
  let j = i - 1;
  while (j > 0 && i - j < 4 && (at(j) & 0xc0) === 0x80) j--;
  return charAt(at, true, j, i);
}
// The character that starts at unit i (of n), or -1.
function charAt(at, utf8, i, n) {
  if (i >= n) return -1;
  const u = at(i);
  if (!utf8) {
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < n) return ((u - 0xd800) << 10) + (at(i + 1) - 0xdc00) + 0x10000;
    return u;
  }
  if (u < 0x80) return u;
  const len = u >= 0xf0 ? 4 : u >= 0xe0 ? 3 : 2;
  let cp = u & (0xff >> (len + 1));
  for (let j = 1; j < len && i + j < n; j++) cp = (cp << 6) | (at(i + j) & 0x3f);
  return cp;
}
export function glued(n, at, utf8, h) {
  if (isLetter(charAt(at, utf8, h.start, n)) && isLetter(charBefore(at, utf8, h.start))) return true;
  if (!isLetter(charBefore(at, utf8, h.end))) return false;
  // after it, two letters at least: one is an ending (a genitive "Hubers" is Huber's)
  const c = charAt(at, utf8, h.end, n);
  if (!isLetter(c)) return false;
  const next = h.end + (utf8 ? (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4) : c > 0xffff ? 2 : 1);
  return isLetter(charAt(at, utf8, next, n));
}

// Values split by markup. Rich-text editors send what the person typed with a word
// made bold or a link put around a part, and that splits a value:
// - as HTML: "Jürgen <strong>Müller</strong>", "DE89 3704 <em>0044</em> …", raw,
//   percent-encoded (`%3Cb%3E`, a form field of HTML) or JSON-escaped (`\u003cb\u003e`);
// - as the editor's JSON document, where each run of text with the same marks is a
//   node of its own: `{"text":"Jürgen "},{"text":"Müller","marks":[…]}` (ProseMirror,
//   TipTap, Lexical, Slate) or `{"insert":"Jürgen "},{"insert":"Müller",…}` (Quill).
// The search reads such a text a second time as if only its text were there (the tags
// left out; the strings of the text nodes joined), and a value found across that
// markup is masked with its placeholder, the markup it spanned kept after it:
// `[PERSON]<strong></strong>`, `{"text":"[PERSON]"},{"text":"","marks":[…]}` — the
// HTML stays balanced, the JSON valid. Pure: units in, ranges out.
import { isJsonWs, seqAt } from './units.js';

// How a tag opens and closes in each writing, lower case (the units are case folded).
const WRITINGS = [['<', '>', '/'], ['%3c', '%3e', '%2f'], ['\\u003c', '\\u003e', '/']];
/** The longest tag read through (a tag with long attributes stays text). */
const TAG_MAX = 256;
/** The keys of a text node's string in the editors' JSON documents. */
const NODE_KEYS = ['"text"', '"insert"'];

const letter = (u) => (u >= 97 && u <= 122) || (u >= 65 && u <= 90);

/**
 * The end of the tag that begins at unit `i` of the n units `at(i)` (its opening
 * `<`, `%3C` or `\u003c`, then a letter or `/` and a letter, up to the first closing
 * `>` of the same writing within TAG_MAX units, as an HTML parser reads it), or -1.
 */
export function tagEnd(n, at, i) {
  const u = at(i);
  if (u !== 60 && u !== 37 && u !== 92) return -1;
  for (const [open, close, slash] of WRITINGS) {
    if (!seqAt(n, at, i, open)) continue;
    let j = i + open.length;
    if (seqAt(n, at, j, slash)) j += slash.length;
    if (j >= n || !letter(at(j))) return -1;
    for (const end = Math.min(n, i + TAG_MAX); j < end; j++) if (seqAt(n, at, j, close)) return j + close.length;
    return -1;
  }
  return -1;
}

/**
 * Where the string of a text node begins (its first unit after the quote) when the key
 * of one (`"text":`, `"insert":`) begins at unit `i`, or -1.
 */
export function nodeStart(n, at, i) {
  if (at(i) !== 34) return -1;
  for (const key of NODE_KEYS) {
    if (!seqAt(n, at, i, key)) continue;
    let j = i + key.length;
    while (j < n && isJsonWs(at(j))) j++;
    if (j >= n || at(j) !== 58) return -1; // :
    j++;
    while (j < n && isJsonWs(at(j))) j++;
    return j < n && at(j) === 34 ? j + 1 : -1;
  }
  return -1;
}

/** How far (units) the next text node's string may lie after the end of one. */
const NODE_GAP = 512;

/**
 * The first unit of text after markup that ends at `j`: after any further tags (`kind`
 * 1), or the first unit of the next non-empty text node's string within NODE_GAP units
 * (`kind` 2); -1 where there is none.
 */
export function textAfter(n, at, j, kind) {
  if (kind === 1) {
    for (let e = j < n ? tagEnd(n, at, j) : -1; e > 0; e = j < n ? tagEnd(n, at, j) : -1) j = e;
    return j < n ? j : -1;
  }
  // (a string's closing quote: a value's is followed by `,`, `}` or `]`, a key's by `:`)
  let i = j;
  while (i < n && isJsonWs(at(i))) i++;
  if (i >= n || (at(i) !== 44 && at(i) !== 125 && at(i) !== 93)) return -1;
  for (const end = Math.min(n, j + NODE_GAP); i < end; i++) {
    if (at(i) !== 34) continue;
    const k = nodeStart(n, at, i);
    if (k > 0 && k < n && at(k) !== 34) return k;
  }
  return -1;
}

// The positions of the units the second reading keeps, in order: all but the tags.
function untagged(n, at) {
  const keep = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n;) {
    const e = tagEnd(n, at, i);
    if (e > 0) i = e; else keep[m++] = i++;
  }
  return keep.subarray(0, m);
}

// … and only the units of the text nodes' strings (an escape is kept whole).
function nodeTexts(n, at) {
  const keep = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const j0 = at(i) === 34 ? nodeStart(n, at, i) : -1;
    if (j0 < 0) continue;
    let j = j0;
    while (j < n && at(j) !== 34) {
      keep[m++] = j++;
      if (at(j - 1) === 92 && j < n) keep[m++] = j++;
    }
    i = j;
  }
  return keep.subarray(0, m);
}

/**
 * `hits` (ranges of the n units) together with the hits of the same search (`find`)
 * over the second readings the units call for (`tags`: without the tags, `nodes`: the
 * text nodes' strings joined) that span markup: those come back as ranges of the units
 * with the markup they spanned (`keep`: its ranges). Leftmost-longest, non-overlapping.
 * @param {{start:number,end:number,idx:number}[]} hits
 * @param {(m:number, at:(k:number)=>number) => {start:number,end:number,idx:number}[]} find
 */
export function withMarkup(hits, n, at, find, { tags, nodes }) {
  const spanning = [];
  for (const keep of [tags && untagged(n, at), nodes && nodeTexts(n, at)]) {
    if (!keep || keep.length === n) continue;
    for (const h of find(keep.length, (k) => at(keep[k]))) {
      const start = keep[h.start], end = keep[h.end - 1] + 1;
      if (end - start === h.end - h.start) continue; // nothing between: the first search has it
      const markup = [];
      for (let k = h.start; k < h.end - 1; k++) if (keep[k + 1] !== keep[k] + 1) markup.push([keep[k] + 1, keep[k + 1]]);
      spanning.push({ start, end, idx: h.idx, keep: markup });
    }
  }
  if (!spanning.length) return hits;
  const all = hits.concat(spanning).sort((x, y) => x.start - y.start || y.end - x.end);
  const out = [];
  let last = 0;
  for (const h of all) if (h.start >= last) { out.push(h); last = h.end; }
  return out;
}

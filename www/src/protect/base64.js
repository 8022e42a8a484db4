// Values inside base64: a page or an analytics library that sends its payload
// base64-encoded (`data=` + btoa(JSON.stringify(event)), as Mixpanel-style trackers do)
// sends every known value in it in no spelling a search of the body can see. A run of
// base64 of at least MIN_RUN characters — the standard or the URL-safe alphabet,
// padded or not, its `+ / =` percent-encoded or not, as a form body or a query string
// carries it — that decodes to UTF-8 text is decoded, masked (`inner`), and encoded
// again the way it was written: the receiver decodes the payload with placeholders.
// Pure: no DOM, no engine; known.js calls it after its own pass over a body.

/** The shortest run of base64 characters that is decoded (12 bytes of text). */
export const MIN_RUN = 16;

// A run: base64 characters (an escaped `+` or `/` counts as one), then up to two `=`.
const RUN = new RegExp(`(?:[A-Za-z0-9+/_-]|%2[BbFf]){${MIN_RUN},}(?:=|%3[Dd]){0,2}`, 'g');
/** 1 for the characters a run is made of (`%` for the escapes), by their code. */
export const B64 = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_%') B64[c.charCodeAt(0)] = 1;

// Bytes as a string of one unit per byte (Latin-1), as `atob`/`btoa` take them.
function latin1(bytes) {
  let t = '';
  for (let i = 0; i < bytes.length; i += 0x8000) t += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return t;
}

/**
 * The runs of base64 in the string `s`, each `{ start, end, b64 }` with `b64` its
 * characters unescaped (`%2B` → `+`), at least MIN_RUN of them before the padding.
 */
export function base64Runs(s) {
  const runs = [];
  for (const m of s.matchAll(RUN)) {
    runs.push({ start: m.index, end: m.index + m[0].length, b64: m[0].replace(/%2B/gi, '+').replace(/%2F/gi, '/').replace(/%3D/gi, '=') });
  }
  return runs;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const enc = new TextEncoder();

// The text a run of base64 encodes, with how it was written; null if it is not UTF-8
// text in one alphabet.
function decode(run) {
  const s = run.b64;
  const url = /[-_]/.test(s);
  if (url && /[+/]/.test(s)) return null;
  const bare = s.replace(/=+$/, '');
  if (bare.length % 4 === 1) return null;
  const std = url ? bare.replace(/-/g, '+').replace(/_/g, '/') : bare;
  let bin;
  try { bin = atob(std + '='.repeat((4 - (std.length % 4)) % 4)); } catch (_) { return null; }
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  let text;
  try { text = utf8.decode(bytes); } catch (_) { return null; }
  // padded unless the writer left the padding out (a run that needed none tells nothing)
  return { text, url, padded: bare.length !== s.length || bare.length % 4 === 0 };
}

// `text` in base64 written as `how` was; `escape`: `+ / =` percent-encoded.
function encode(text, how, escape) {
  let out = btoa(latin1(enc.encode(text)));
  if (how.url) out = out.replace(/\+/g, '-').replace(/\//g, '_');
  if (!how.padded) out = out.replace(/=+$/, '');
  return escape ? out.replace(/\+/g, '%2B').replace(/\//g, '%2F').replace(/=/g, '%3D') : out;
}

/**
 * Every run of base64 in `s` (a string or bytes) whose decoded text `inner` masks:
 * `[{ start, end, text, count }]`, `text` the run encoded again with the masked text
 * (ASCII), `count` what `inner` masked. `inner(text)` returns `{ text, count }`.
 */
export function maskedRuns(s, inner) {
  const out = [];
  const text = typeof s === 'string' ? s : latin1(s); // (a byte is a unit: the offsets hold)
  for (let run of base64Runs(text)) {
    let how = decode(run);
    // a prefix glued to the payload (engine.io's `b` before a binary packet, as
    // socket.io sends one over long-polling): the run read from its 2nd to 4th character
    for (let skip = 1; !how && skip < 4 && run.b64.length === run.end - run.start; skip++) {
      const later = { start: run.start + skip, end: run.end, b64: run.b64.slice(skip) };
      how = later.b64.length >= MIN_RUN ? decode(later) : null;
      if (how) run = later;
    }
    if (!how) continue;
    const r = inner(how.text);
    if (!r.count) continue;
    // Escaped as it was; a run written without `+ / =` either way is escaped where it
    // is a form or query field's value (after `=`), where a bare `+` reads as a space.
    const written = text.slice(run.start, run.end);
    const escape = /%(?:2[bf]|3d)/i.test(written) || (!/[+/=]/.test(written) && text[run.start - 1] === '=');
    out.push({ start: run.start, end: run.end, text: encode(r.text, how, escape), count: r.count });
  }
  return out;
}

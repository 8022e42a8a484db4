// The units of a text as the search for known values sees them (known.js, edges.js):
// UTF-16 units of a string or UTF-8 bytes, case folded for ASCII and Latin-1 letters
// (Ä Ö Ü É …), every whitespace unit a space (runs of it count as one).

export function isWs(u) {
  return u === 32 || u === 9 || u === 10 || u === 13 || u === 0xa0;
}
/** White space as JSON has it (between its tokens): space, tab, line feed, return. */
export function isJsonWs(u) {
  return u === 32 || u === 9 || u === 10 || u === 13;
}
export function fold(u) {
  return (u >= 65 && u <= 90) || (u >= 0xc0 && u <= 0xde && u !== 0xd7) ? u + 32 : isWs(u) ? 32 : u;
}
// The same in UTF-8: a Latin-1 capital is 0xC3 followed by 0x80..0x9E.
export function upperTail(prev, b) {
  return prev === 0xc3 && b >= 0x80 && b <= 0x9e && b !== 0x97;
}
export function foldBytes(b) {
  const out = Array.from(b);
  for (let i = 1; i < out.length; i++) if (upperTail(b[i - 1], b[i])) out[i] = b[i] + 0x20;
  return out;
}
/** The units of a pattern as the search sees them: folded, whitespace runs as one. */
export function foldUnits(units) {
  const out = [];
  for (const u of units) {
    const f = fold(u);
    if (f === 32 && out[out.length - 1] === 32) continue;
    out.push(f);
  }
  return out;
}
// Whether unit u begins a character (in UTF-8, a continuation byte does not).
export function isChar(utf8, u) {
  return !utf8 || (u & 0xc0) !== 0x80;
}
/** Whether the n units `at(i)` hold `seq` (lower case) at i, folded. */
export function seqAt(n, at, i, seq) {
  if (i + seq.length > n) return false;
  for (let j = 0; j < seq.length; j++) if (fold(at(i + j)) !== seq.charCodeAt(j)) return false;
  return true;
}

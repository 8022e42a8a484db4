// Speed of masking known values in an outgoing body (a measurement, not a test):
//   node www/bench-egress.mjs
// The matcher of www/src/protect/known.js over the spellings of 12 known values (a
// chat's worth: names, IBANs, phones, e-mails, a card), applied to a 1 MB JSON body
// as a string and as UTF-8 bytes, with and without values in it. Prints the median
// of 7 runs and the throughput; compares with a plain String.prototype.includes pass
// over the same spellings, in the same run; then bodies that are mostly base64, and
// rich text whose markup could split a value.
import { createMatcher, spellings } from './src/protect/known.js';

const KNOWN = [
  ['Maria Huber', '[PERSON]'], ['Jürgen Müller', '[PERSON]'], ['Jane Doe', '[PERSON]'],
  ['DE89 3704 0044 0532 0130 00', '[IBAN]'], ['AT61 1904 3002 3457 3201', '[IBAN]'], ['GB82 WEST 1234 5698 7654 32', '[IBAN]'],
  ['+43 664 1234567', '[PHONE]'], ['+49 171 2345678', '[PHONE]'], ['maria.huber@example.at', '[EMAIL]'],
  ['jane.doe@example.co.uk', '[EMAIL]'], ['anna.berger@example.org', '[EMAIL]'], ['4111 1111 1111 1111', '[CARD]'],
].map(([value, placeholder]) => ({ value, placeholder }));

const filler = JSON.stringify({ id: 123456, text: 'Guten Tag, ich habe eine Frage zu meiner Rechnung vom 3. März. Thanks & regards!', tags: ['a', 'b'] });
function body(withValues) {
  const parts = [];
  let n = 0, i = 0;
  while (n < 1_000_000) {
    const p = withValues && i % 50 === 0 ? JSON.stringify({ m: `IBAN ${KNOWN[i % KNOWN.length].value}` }) : filler;
    parts.push(p);
    n += p.length + 1;
    i++;
  }
  return `[${parts.join(',')}]`;
}
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
function time(fn) {
  fn();
  const xs = [];
  for (let i = 0; i < 7; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(xs);
}

const t0 = process.hrtime.bigint();
const m = createMatcher(KNOWN);
m.maskString('warm'); m.maskBytes(new Uint8Array([1]));
const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
const patterns = KNOWN.flatMap((k) => spellings(k.value, k.placeholder).map((s) => s.from));
console.log(`matcher: ${KNOWN.length} known values, ${m.size} spellings, built in ${buildMs.toFixed(1)} ms`);
for (const withValues of [false, true]) {
  const s = body(withValues);
  const b = new TextEncoder().encode(s);
  const mb = s.length / 1e6;
  const r = m.maskString(s);
  const ts = time(() => m.maskString(s));
  const tb = time(() => m.maskBytes(b));
  const ti = time(() => patterns.some((p) => s.includes(p)));
  console.log(`${(s.length / 1024).toFixed(0)} KB body ${withValues ? `with ${r.count} values` : 'without values'}: `
    + `string ${ts.toFixed(1)} ms (${(mb / ts * 1000).toFixed(0)} MB/s), bytes ${tb.toFixed(1)} ms; `
    + `baseline ${patterns.length}× includes ${ti.toFixed(1)} ms (finds, does not mask)`);
}
// Bodies that are mostly base64 (decoded to look for values inside, see base64.js): an
// image of ~750 KB as a data URL (not UTF-8 text: left as it is) and ~750 KB of text
// encoded (decoded and searched), against the same text not encoded.
const text = 'Guten Tag, ich habe eine Frage zu meiner Rechnung. '.repeat(15000);
const noise = new Uint8Array(750000).map((_, i) => (i * 2654435761) >>> 13);
const bin = (u8) => { let t = ''; for (let i = 0; i < u8.length; i += 0x8000) t += String.fromCharCode.apply(null, u8.subarray(i, i + 0x8000)); return t; };
for (const [label, s] of [
  ['an image as a base64 data URL', JSON.stringify({ file: 'data:image/png;base64,' + btoa(bin(noise)) })],
  ['text encoded as base64', JSON.stringify({ doc: btoa(bin(new TextEncoder().encode(text))) })],
  ['the same text, not encoded', JSON.stringify({ doc: text })],
]) console.log(`${(s.length / 1024).toFixed(0)} KB body, ${label}: string ${time(() => m.maskString(s)).toFixed(1)} ms`);
// Rich text (see markup.js): an editor's JSON document and its HTML where every text
// node and every tag follows the first letter of a value ("… vom 3. M" + "ärz": each
// boundary is looked at, none goes on), then the same with a value split at every one
// ("Maria " + "Huber": the second reading without the markup runs over the body).
const para = (i, a, b) => ({ type: 'paragraph', content: [{ type: 'text', text: `Guten Tag, eine Frage zu Rechnung ${i} ${a}` }, { type: 'text', marks: [{ type: 'bold' }], text: b }] });
for (const [what, a, b] of [['every text node ending in a value\'s first letter', 'vom 3. M', 'ärz, bitte um Antwort'], ['a value split at every text node', 'von Maria ', 'Huber, bitte um Antwort']]) {
  const paras = Array.from({ length: 9000 }, (_, i) => para(i, a, b));
  for (const [label, s] of [
    [`an editor document, ${what}`, JSON.stringify({ type: 'doc', content: paras })],
    ['its HTML (a tag at each)', paras.map((p) => `<p>${p.content[0].text}<strong>${p.content[1].text}</strong></p>`).join('')],
    ['the same text without markup', paras.map((p) => p.content[0].text + p.content[1].text).join('\n')],
  ]) console.log(`${(s.length / 1024).toFixed(0)} KB body, ${label}: string ${time(() => m.maskString(s)).toFixed(1)} ms`);
}

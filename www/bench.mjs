// Speed of the WebAssembly build in Node (a measurement, not a test):
//   node www/bench.mjs [path/to/dev.jsonl]
// - throughput of `scan` over ~1 MB of text built from the development set's texts;
// - the same text through `@arcjet/redact-wasm` (a devDependency: another WebAssembly
//   detector of e-mails, phones, IP addresses and card numbers) in the same process, and
//   the ratio of the two throughputs (pii-veil with every kind on);
// - the first scanner build of a process (what a page's start-up pays before protection
//   is ready: the configuration checked) and its first scan, of a short sentence (the
//   word tables of names and addresses built, and V8 compiling each function it calls),
//   every kind on and without names and addresses, each in fresh processes;
// - median and p99 time to rescan a 2,000-character message (the per-keystroke cost),
//   including crossing the boundary and building the findings;
// - typing: a character typed and deleted again at the end and in the middle of a
//   dense 2,000- and 5,000-character text (in the 2,000-char one both at char 1000,
//   which lies in a finding, and at the first place in prose after it), each state
//   rescanned in full and with a rescanner (only the region around the edit), median
//   and p99 of both; then the rescanner alone, keystroke after keystroke (no full scan
//   in between).
// PII_VEIL_PKG=<other checkout>/www/dist/npm measures another build (compare builds in
// one session: the machine's speed drifts between runs). --against=<another build's
// dist/npm> also loads that build in this process and times both in turn, the 1 MB scan
// and typing at the end and at both middle places of the dense 2,000-char message, printing the
// median of the per-round ratios: much steadier than runs of two processes compared.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeEntry, root } from './test/helpers.mjs';

const { createScanner, KINDS } = await import(pathToFileURL(nodeEntry));
const againstDir = process.argv.slice(2).find((a) => a.startsWith('--against='))?.slice(10);
const dev = process.argv.slice(2).find((a) => !a.startsWith('--')) || [process.env.PII_VEIL_EVAL_DIR && join(process.env.PII_VEIL_EVAL_DIR, 'dev.jsonl'), join(root, '..', 'shared', 'eval', 'dev.jsonl')].find((p) => p && existsSync(p));
if (!dev) throw new Error('pass the path of dev.jsonl (or set PII_VEIL_EVAL_DIR)');
const texts = readFileSync(dev, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);

let big = '';
for (let i = 0; big.length < 1_000_000; i++) big += texts[i % texts.length] + '\n\n';
const scanner = createScanner();
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

scanner.scan(big); // warm up
const runs = 5;
const times = [];
let found = 0;
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  found = scanner.scan(big).length;
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
const best = times[0];
const med = times[Math.floor(runs / 2)];
console.log(`scan ~1 MB: ${big.length.toLocaleString('en')} UTF-16 units, ${found} findings; median ${med.toFixed(1)} ms, best ${best.toFixed(1)} ms → ${(big.length / med / 1000).toFixed(1)} M chars/s (median)`);

// The same text through @arcjet/redact-wasm 1.12 (its default entities, no custom
// detector), timed the same way, alternating with pii-veil so both see the same load.
{
  const { initializeWasm } = await import('@arcjet/redact-wasm');
  const arcjet = await initializeWasm(() => [], () => undefined);
  const opts = { skipCustomDetect: true, skipCustomRedact: true };
  arcjet.redact(big, opts); // warm up
  const ours = [], theirs = [];
  let theirFound = 0;
  for (let i = 0; i < runs; i++) {
    let t0 = process.hrtime.bigint();
    scanner.scan(big);
    ours.push(Number(process.hrtime.bigint() - t0) / 1e6);
    t0 = process.hrtime.bigint();
    theirFound = arcjet.redact(big, opts).length;
    theirs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const [a, b] = [median(ours), median(theirs)];
  console.log(`vs @arcjet/redact-wasm 1.12 on the same text: pii-veil ${a.toFixed(1)} ms (${(big.length / a / 1000).toFixed(1)} M chars/s, 17 kinds), arcjet ${b.toFixed(1)} ms (${(big.length / b / 1000).toFixed(1)} M chars/s, ${theirFound} findings, 4 kinds): pii-veil ${(b / a).toFixed(2)}× the throughput`);
}

// The first scanner build of a process (the engine loaded first), and its first scan:
// the build checks the configuration; the first scan of a text with words builds the
// word tables of names and addresses (for a scanner with those kinds on). Fresh
// processes, the two configurations alternating.
{
  const firstOnce = (config) => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', `
    const { init, createScanner } = await import(${JSON.stringify(pathToFileURL(nodeEntry).href)});
    await init();
    const t0 = performance.now();
    const s = createScanner(${JSON.stringify(config)});
    const t1 = performance.now();
    s.scan('Dear Anna Berger, we called you on Monday.');
    console.log(JSON.stringify([t1 - t0, performance.now() - t1]));`], { encoding: 'utf8' }));
  const identifiers = { kinds: KINDS.filter((k) => !['person', 'street_address', 'postal_city'].includes(k)) };
  const every = [], ids = [];
  for (let i = 0; i < 9; i++) { every.push(firstOnce({})); ids.push(firstOnce(identifiers)); }
  const ms = (runs, i) => median(runs.map((r) => r[i])).toFixed(1);
  console.log(`first scanner build in a fresh process, then its first scan (medians of 9): every kind ${ms(every, 0)} + ${ms(every, 1)} ms, without names and addresses ${ms(ids, 0)} + ${ms(ids, 1)} ms`);
}

let msg = '';
for (let i = 0; msg.length < 2000; i++) msg += texts[(i * 7) % texts.length] + ' ';
msg = msg.slice(0, 2000);
function rescan(label, text) {
  const samples = [];
  for (let i = 0; i < 200; i++) scanner.scan(text);
  for (let i = 0; i < 2000; i++) {
    const t0 = process.hrtime.bigint();
    scanner.scan(text);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e3);
  }
  samples.sort((a, b) => a - b);
  const q = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  console.log(`rescan ${label} (${text.length} chars, ${scanner.scan(text).length} findings): median ${q(0.5).toFixed(0)} µs, p90 ${q(0.9).toFixed(0)} µs, p99 ${q(0.99).toFixed(0)} µs, max ${samples[samples.length - 1].toFixed(0)} µs (${samples.length} runs)`);
}
// Development texts back to back: dense in personal data (worst case).
rescan('a 2,000-char message of development texts', msg);
// A typical complaint: running text with a name, an IBAN, a phone, an e-mail, an address.
const prose = 'Leider ist meine Bestellung vom letzten Monat immer noch nicht angekommen. Ich habe mehrfach beim Kundenservice angerufen und niemand konnte mir sagen, wo das Paket ist. Die Sendungsverfolgung zeigt seit zwei Wochen denselben Status. ';
const tail = ' Bitte erstatten Sie den Betrag auf meine IBAN DE89 3704 0044 0532 0130 00. Rückruf unter +43 664 1234567 oder maria.huber@example.at. Hauptstraße 12/3/4, 1010 Wien. Mit freundlichen Grüßen, Maria Huber';
let typical = 'Hallo, hier ist Maria Huber. ';
while (typical.length + prose.length + tail.length <= 2000) typical += prose;
typical += prose.slice(0, 2000 - typical.length - tail.length) + tail;
rescan('a typical 2,000-char complaint', typical);

// Where a keystroke lands: the end, a character in or right next to a finding (its
// value changes with every keystroke, so the every-occurrence stage reads the whole
// text again), or other text.
function where(text, at) {
  if (at === text.length) return 'the end';
  return `char ${at}` + (scanner.scan(text).some((f) => f.start <= at && at <= f.end) ? ' (in a finding)' : ' (in prose)');
}
// The first space at or after char `from` with no finding within 16 characters.
function inProse(text, from) {
  const found = scanner.scan(text);
  for (let i = from; i < text.length; i++) if (text[i] === ' ' && !found.some((f) => f.start - 16 <= i && i <= f.end + 16)) return i;
  return from;
}

// Typing: one character typed (then deleted again) at a place in the text, each state
// rescanned as protect() does — `redact` of the whole text with the scanner, against
// `redact` with a rescanner, which reads again only the region around the edit (the
// findings are the same: tests/rescan.rs). Both alternate in one loop.
function typing(label, text, at) {
  const re = scanner.rescanner();
  const full = [], inc = [];
  let read = 0;
  for (let i = 0; i < 2200; i++) {
    const t = i % 2 ? text : text.slice(0, at) + 'x' + text.slice(at);
    let t0 = process.hrtime.bigint();
    scanner.redact(t);
    const a = Number(process.hrtime.bigint() - t0) / 1e3;
    t0 = process.hrtime.bigint();
    re.redact(t);
    const b = Number(process.hrtime.bigint() - t0) / 1e3;
    if (i >= 200) { full.push(a); inc.push(b); read += re.lastRead; }
  }
  // The rescanner alone, keystroke after keystroke, as a field's rescanner runs while a
  // person types (the full scan follows a pause). Faster than above: the full scan in
  // between evicts from the caches what a rescan reads (the rescan state, the word
  // table, the code), as whatever else the page does between two keystrokes may.
  const alone = [];
  for (let i = 0; i < 2200; i++) {
    const t = i % 2 ? text : text.slice(0, at) + 'x' + text.slice(at);
    const t0 = process.hrtime.bigint();
    re.redact(t);
    if (i >= 200) alone.push(Number(process.hrtime.bigint() - t0) / 1e3);
  }
  re.free();
  const q = (v, p) => v.sort((x, y) => x - y)[Math.min(v.length - 1, Math.floor(p * v.length))];
  const fm = q(full, 0.5), im = q(inc, 0.5);
  console.log(`typing in ${label} at ${where(text, at)}: full rescan median ${fm.toFixed(0)} µs, p99 ${q(full, 0.99).toFixed(0)} µs`
    + ` | incremental median ${im.toFixed(0)} µs, p99 ${q(inc, 0.99).toFixed(0)} µs (reads ${Math.round(read / inc.length)} of ${Buffer.byteLength(text)} bytes) → ×${(fm / im).toFixed(2)}`
    + ` | incremental back to back median ${q(alone, 0.5).toFixed(0)} µs, p99 ${q(alone, 0.99).toFixed(0)} µs`);
}
if (!scanner.rescanner) {
  console.log('(this build has no rescanner: typing not measured)');
  process.exit(0);
}
// The places typed at in the dense message: its end, char 1000 and the prose after it.
const msgPlaces = [msg.length, 1000, inProse(msg, 1000)];
for (const at of msgPlaces) typing('a dense 2,000-char message', msg, at);
let long = '';
for (let i = 0; long.length < 5000; i++) long += texts[(i * 11) % texts.length] + '\n';
long = long.slice(0, 5000);
typing('a dense 5,000-char text', long, long.length);
typing('a dense 5,000-char text', long, 2500);

// The other build in this process, each measurement alternating between the two builds.
if (againstDir) {
  const other = (await import(pathToFileURL(join(againstDir, 'node.js')))).createScanner();
  const timed = (f) => { const t0 = process.hrtime.bigint(); f(); return Number(process.hrtime.bigint() - t0) / 1e3; };
  // `round(build)` times one step of a build; `n` rounds after `warm`, both builds in
  // turn in each (which goes first alternates).
  const against = (label, unit, n, warm, round) => {
    const ours = [], theirs = [], ratio = [];
    for (let i = 0; i < warm + n; i++) {
      const [a, b] = i % 2 ? [round(scanner, 0), round(other, 1)] : [round(other, 1), round(scanner, 0)].reverse();
      if (i >= warm) { ours.push(a); theirs.push(b); ratio.push(a / b); }
    }
    const f = unit === 'ms' ? (x) => (x / 1e3).toFixed(1) + ' ms' : (x) => x.toFixed(0) + ' µs';
    console.log(`  ${label}: this build ${f(median(ours))}, the other ${f(median(theirs))} → this/other ${median(ratio).toFixed(3)} (median of ${n} rounds)`);
  };
  console.log(`against ${againstDir}, in this process:`);
  against('scan ~1 MB', 'ms', 21, 2, (s) => timed(() => s.scan(big)));
  for (const at of msgPlaces) {
    const re = [scanner.rescanner(), other.rescanner()];
    let k = 0;
    // one keystroke per round: the same edit for both builds' rescanners
    against(`typing in the dense 2,000-char message at ${where(msg, at)}`, 'µs', 4000, 400, (s, which) => {
      const t = (k++ >> 1) % 2 ? msg : msg.slice(0, at) + 'x' + msg.slice(at);
      return timed(() => re[which].redact(t));
    });
    re.forEach((r) => r.free());
  }
  other.free();
}
scanner.free();

#!/usr/bin/env node
// `pii-veil` for Node: the same commands and output as the native command line
// (`cargo build --release` → target/release/pii-veil), running the WebAssembly build.
//
//   pii-veil scan   [--offsets utf16|codepoints|bytes] [--kinds a,b] [--threshold T] [--countries de,at]
//       JSON lines {"id", "text", "field"?} in → {"id", "spans":[{start,end,label,score,subtype}]} out
//   pii-veil redact [--operator label|token|mask|remove] [--keep-last N] [--kinds a,b]
//       plain text in → masked text out
//
// A bad line is reported on stderr with its line number (never its content), the
// other lines are still processed, and the exit code is 1.
import { readFileSync } from 'node:fs';
import { createScanner, KINDS } from './node.js';

const USAGE = 'usage: pii-veil scan [--offsets utf16|codepoints|bytes] [--kinds k1,k2] [--threshold T] [--countries de,at]\n'
  + '       pii-veil redact [--operator label|token|mask|remove] [--keep-last N] [--kinds k1,k2]';

function parse(args) {
  const o = { offsets: 'utf16', config: {}, operator: 'label', keepLast: undefined };
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i];
    const val = args[i + 1];
    if (val === undefined) throw new Error(`${flag}: missing value`);
    switch (flag) {
      case '--offsets':
        if (!['utf16', 'utf-16', 'codepoints', 'chars', 'bytes'].includes(val)) throw new Error('--offsets: expected utf16, codepoints or bytes');
        o.offsets = val.replace('utf-16', 'utf16').replace('chars', 'codepoints');
        break;
      case '--kinds': {
        const kinds = val.split(',').filter(Boolean);
        for (const k of kinds) if (!KINDS.includes(k)) throw new Error(`--kinds: unknown kind '${k}'`);
        o.config.kinds = kinds;
        break;
      }
      case '--threshold': {
        const t = Number(val);
        if (val.trim() === '' || Number.isNaN(t)) throw new Error('--threshold: expected a number');
        o.config.threshold = t;
        break;
      }
      case '--countries': o.config.countries = val.split(',').map((c) => c.toLowerCase()); break;
      case '--operator':
        if (!['label', 'token', 'mask', 'remove'].includes(val)) throw new Error('--operator: expected label, token, mask or remove');
        o.operator = val;
        break;
      case '--keep-last':
        if (!/^\d+$/.test(val)) throw new Error('--keep-last: expected a number');
        o.keepLast = Number(val);
        break;
      default: throw new Error(`unknown option ${flag}`);
    }
  }
  if (o.keepLast !== undefined && o.operator !== 'mask') throw new Error('--keep-last: only with --operator mask');
  return o;
}

// Numbers as the native command line (serde_json) writes them: scores have three
// decimals (the core rounds them), and whole floats keep a ".0".
const float = (x) => (Number.isInteger(x) ? x.toFixed(1) : String(x));

// serde_json without `preserve_order` writes object keys sorted.
function sortedJson(v) {
  if (Array.isArray(v)) return '[' + v.map(sortedJson).join(',') + ']';
  if (v && typeof v === 'object') {
    return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + sortedJson(v[k])).join(',') + '}';
  }
  if (typeof v === 'number' && !Number.isInteger(v)) return String(v);
  return JSON.stringify(v === undefined ? null : v);
}

function converter(text, unit) {
  if (unit === 'utf16') return (o) => o;
  const enc = new TextEncoder();
  return (o) => {
    const head = text.slice(0, o);
    if (unit === 'bytes') return enc.encode(head).length;
    let n = 0;
    for (const _ of head) n++;
    return n;
  };
}

function field(v) {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const out = {};
    for (const k of ['name', 'id', 'label', 'autocomplete', 'type', 'placeholder']) {
      if (typeof v[k] === 'string') out[k] = v[k];
    }
    return out;
  }
  return undefined;
}

function scan(scanner, unit) {
  const input = readFileSync(0);
  const dec = new TextDecoder('utf-8', { fatal: true });
  const out = [];
  let failed = 0;
  let lineno = 0;
  let pos = 0;
  while (pos < input.length) {
    let nl = input.indexOf(10, pos);
    if (nl < 0) nl = input.length;
    const bytes = input.subarray(pos, nl);
    pos = nl + 1;
    lineno++;
    let line;
    try {
      line = dec.decode(bytes);
    } catch {
      process.stderr.write(`pii-veil: line ${lineno}: not valid UTF-8\n`);
      failed++;
      continue;
    }
    if (line.trim() === '') continue;
    let rec;
    try {
      rec = JSON.parse(line);
    } catch {
      process.stderr.write(`pii-veil: line ${lineno}: invalid JSON\n`);
      failed++;
      continue;
    }
    if (!rec || typeof rec.text !== 'string') {
      process.stderr.write(`pii-veil: line ${lineno}: no string field "text"\n`);
      failed++;
      continue;
    }
    let findings;
    try {
      findings = scanner.scan(rec.text, field(rec.field));
    } catch (e) {
      process.stderr.write(`pii-veil: line ${lineno}: ${e.message}\n`);
      failed++;
      continue;
    }
    const conv = converter(rec.text, unit);
    const spans = findings.map((f) => {
      let s = `{"end":${conv(f.end)},"label":${JSON.stringify(f.kind)},"score":${float(f.score)},"start":${conv(f.start)}`;
      if (f.subtype) s += `,"subtype":${JSON.stringify(f.subtype)}`;
      return s + '}';
    });
    out.push(`{"id":${sortedJson(rec.id)},"spans":[${spans.join(',')}]}\n`);
    if (out.length >= 256) process.stdout.write(out.splice(0).join(''));
  }
  process.stdout.write(out.join(''));
  if (failed > 0) {
    process.stderr.write(`pii-veil: ${failed} line(s) failed\n`);
    return 1;
  }
  return 0;
}

function redact(scanner, o) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(0));
  } catch {
    process.stderr.write('pii-veil: input is not valid UTF-8\n');
    return 1;
  }
  const operator = o.operator === 'mask' && o.keepLast !== undefined ? { type: 'mask', keepLast: o.keepLast } : o.operator;
  try {
    process.stdout.write(scanner.redact(text, { operator }).text);
    return 0;
  } catch (e) {
    process.stderr.write(`pii-veil: ${e.message}\n`);
    return 1;
  }
}

function main(args) {
  const cmd = args[0];
  if (cmd === undefined) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  let o;
  try {
    o = parse(args.slice(1));
  } catch (e) {
    process.stderr.write(`pii-veil: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  let scanner;
  try {
    scanner = createScanner(o.config);
  } catch (e) {
    process.stderr.write(`pii-veil: ${e.message}\n`);
    return 2;
  }
  switch (cmd) {
    case 'scan': return scan(scanner, o.offsets);
    case 'redact': return redact(scanner, o);
    case '-h': case '--help': case 'help':
      process.stdout.write(USAGE + '\n');
      return 0;
    default:
      process.stderr.write(`pii-veil: unknown command '${cmd}'\n${USAGE}\n`);
      return 2;
  }
}

process.exitCode = main(process.argv.slice(2));

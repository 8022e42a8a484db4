// The npm README (www/src/README.md) against the declarations (www/src/index.d.ts), so
// the docs cannot drift from the API: every exported name appears in the README's
// code, every exported function and constant has its own section, and every member
// of an exported interface or object type (each option, each field of a result)
// appears in code in the section of the function it belongs to.
//   node --test www/test/docs.test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const dts = readFileSync(join(src, 'index.d.ts'), 'utf8');
const readme = readFileSync(join(src, 'README.md'), 'utf8');

/** The declarations without comments and string literals (their braces and colons are not code). */
function code(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/'[^'\n]*'/g, (s) => (/^'[\w-]+:[\w-]+'$/.test(s) ? s : "''")); // keep 'pii-veil:ready' keys
}

/**
 * The exported declarations: `{ kind, name, members }`, members being the names
 * followed by `:`, `?:` or `(` inside its braces (any depth, outside parentheses).
 */
export function declarations(text) {
  const c = code(text);
  const out = [];
  const re = /^export (function|const|type|interface) (\w+)/gm;
  const starts = [...c.matchAll(re)];
  starts.forEach((m, i) => {
    const body = c.slice(m.index + m[0].length, i + 1 < starts.length ? starts[i + 1].index : c.length);
    const members = new Set();
    let braces = 0;
    let parens = 0;
    const tok = /('[\w-]+:[\w-]+'|[A-Za-z_$][\w$]*)\s*(\?\s*:|:|\()|[{}()]/g;
    let t;
    while ((t = tok.exec(body))) {
      const ch = t[0];
      if (ch === '{') braces++;
      else if (ch === '}') braces--;
      else if (ch === '(') parens++;
      else if (ch === ')') parens--;
      else {
        if (braces > 0 && parens === 0) members.add(t[1].replace(/'/g, ''));
        if (t[2] === '(') parens++;
      }
    }
    out.push({ kind: m[1], name: m[2], members: m[1] === 'function' ? [] : [...members] });
  });
  return out;
}

/** The README's code: fenced blocks and inline code spans. */
function codeOf(md) {
  const fenced = [...md.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]);
  const inline = [...md.replace(/```[\s\S]*?```/g, ' ').matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  return fenced.concat(inline).join('\n');
}

const word = (name) => new RegExp(`(?<![\\w$-])${name.replace(/[$-]/g, '\\$&')}(?![\\w$-])`);

/** The README's `## ` sections by the function or constant their heading names. */
function sections(md) {
  const out = {};
  for (const part of md.split(/^(?=## )/m)) {
    const head = /^## (.*)/.exec(part);
    if (!head) continue;
    for (const m of head[1].matchAll(/`(\w+)/g)) out[m[1]] = (out[m[1]] || '') + part;
    out[head[1].trim()] = part;
  }
  return out;
}

/** The section an interface or object type is documented in. */
const HOME = {
  PiiVeilError: 'Errors',
  ErrorCode: 'Errors',
  CustomPattern: 'createScanner',
  ScannerConfig: 'createScanner',
  Scanner: 'createScanner',
  Rescanner: 'createScanner',
  FieldHints: 'scan',
  Finding: 'scan',
  Operator: 'scan',
  RedactOptions: 'scan',
  Redacted: 'scan',
  SessionOptions: 'createSession',
  Pseudonymized: 'createSession',
  Restorer: 'createSession',
  Session: 'createSession',
  RestoreSSEOptions: 'createSession',
  ProtectMessages: 'protect',
  FindingsEventDetail: 'protect',
  MaskedEventDetail: 'protect',
  BlockedEventDetail: 'protect',
  ErrorEventDetail: 'protect',
  PiiVeilEventMap: 'protect',
  HeldRequestError: 'protect',
  ProtectOptions: 'protect',
  ChatOptions: 'protect',
  ChatHandle: 'protect',
  ProtectHandle: 'protect',
};

const decls = declarations(dts);
const all = codeOf(readme);
const bySection = sections(readme);

test('the parser reads the declarations it is meant to check', () => {
  const names = decls.map((d) => d.name);
  for (const n of ['init', 'createScanner', 'scan', 'redact', 'fieldHints', 'createSession', 'protect', 'KINDS', 'VALIDATORS']) {
    assert.ok(names.includes(n), n);
  }
  const opts = decls.find((d) => d.name === 'ProtectOptions').members;
  for (const n of ['selector', 'policy', 'guard', 'origins', 'match', 'chat', 'messages', 'lang']) assert.ok(opts.includes(n), `ProtectOptions.${n}`);
  assert.ok(!opts.includes('url'), 'parameters of function types are not members');
  assert.deepEqual(decls.find((d) => d.name === 'Scanner').members.sort(), ['free', 'redact', 'rescanner', 'scan']);
  assert.ok(decls.find((d) => d.name === 'PiiVeilEventMap').members.includes('pii-veil:masked'));
  assert.ok(decls.find((d) => d.name === 'Operator').members.includes('keepLast'));
});

test('every exported name appears in the README', () => {
  const missing = decls.map((d) => d.name).filter((n) => !word(n).test(all));
  assert.deepEqual(missing, [], 'exported names the README does not mention in code');
});

test('every exported function and constant has its own section', () => {
  const missing = decls.filter((d) => d.kind === 'function' || d.kind === 'const')
    .map((d) => d.name).filter((n) => !bySection[n]);
  assert.deepEqual(missing, [], 'no "## `name…`" heading');
});

test('every member of an exported interface or object type is documented in its section', () => {
  const missing = [];
  for (const d of decls) {
    if (!d.members.length) continue;
    const home = HOME[d.name];
    if (!home) { missing.push(`${d.name}: add it to HOME (the README section that documents it)`); continue; }
    const section = bySection[home];
    assert.ok(section, `README section for ${home}`);
    const inCode = codeOf(section);
    for (const m of d.members) if (!word(m).test(inCode)) missing.push(`${d.name}.${m} (section ${home})`);
  }
  assert.deepEqual(missing, []);
});

test("protect()'s default selector is stated in the README", () => {
  const fields = readFileSync(join(src, 'protect', 'fields.js'), 'utf8');
  const sel = /DEFAULT_SELECTOR = '([^']+)'/.exec(fields)[1];
  assert.ok(bySection.protect.includes('`' + sel + '`'), `the README names the default selector ${sel}`);
});

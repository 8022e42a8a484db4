// The Node command `pii-veil` (package bin) against the native command line: same
// input, same bytes out.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pkgDir, root } from './helpers.mjs';

const cli = join(pkgDir, JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).bin['pii-veil']);
const node = (args, input) => spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8' });
const native = ['release', 'debug'].map((p) => join(root, 'target', p, 'pii-veil')).find(existsSync);

const lines = [];
for (const f of readdirSync(join(root, 'tests', 'cases')).filter((x) => x.endsWith('.jsonl')).sort()) {
  for (const l of readFileSync(join(root, 'tests', 'cases', f), 'utf8').split('\n')) {
    if (l.trim() && !l.startsWith('//')) {
      const c = JSON.parse(l);
      lines.push(JSON.stringify({ id: `${f}:${lines.length}`, text: c.text, field: c.field }));
    }
  }
}
const evalFile = join(root, '..', 'shared', 'eval', 'dev.jsonl');
const evalDir = process.env.PII_VEIL_EVAL_DIR;
const dev = [evalDir && join(evalDir, 'dev.jsonl'), evalFile].find((p) => p && existsSync(p));
const input = lines.join('\n') + '\n' + (dev ? readFileSync(dev, 'utf8') : '');

test('scan: JSON lines in, spans with UTF-16 offsets out', () => {
  const r = node(['scan'], '{"id":7,"text":"😀 mail anna@example.org"}\n\n{"text":"nichts"}\n');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '{"id":7,"spans":[{"end":24,"label":"email","score":0.95,"start":8}]}\n{"id":null,"spans":[]}\n');
});

test('scan: bad lines are reported by number, never by content; the rest is processed', () => {
  const r = node(['scan'], '{"text":"secret anna@example.org"\n{"id":1}\n{"id":2,"text":"b@c.de"}\n');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /line 1: invalid JSON/);
  assert.match(r.stderr, /line 2: no string field "text"/);
  assert.ok(!r.stderr.includes('secret'));
  assert.equal(r.stdout.trim().split('\n').length, 1);
});

test('usage errors exit with 2', () => {
  assert.equal(node([]).status, 2);
  assert.equal(node(['scan', '--kinds', 'nope']).status, 2);
  assert.equal(node(['frobnicate']).status, 2);
  assert.equal(node(['redact', '--keep-last', '2']).status, 2);
});

test('redact: text in, masked text out', () => {
  const r = node(['redact', '--operator', 'mask', '--keep-last', '4'], 'IBAN DE89 3704 0044 0532 0130 00, mail anna@example.org\n');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'IBAN •••• •••• •••• •••• ••30 00, mail anna@example.org\n'.replace('anna@example.org', '••••@••••••e.org'));
  assert.equal(node(['redact'], 'x a@b.de').stdout, 'x [EMAIL]');
});

test('the same bytes as the native command line', { skip: !native && 'no native build in target/' }, () => {
  for (const args of [['scan'], ['scan', '--offsets', 'codepoints'], ['scan', '--offsets', 'bytes'], ['scan', '--kinds', 'email,iban', '--threshold', '0.7']]) {
    const a = spawnSync(native, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
    const b = node(args, input);
    assert.equal(b.status, a.status, b.stderr);
    assert.equal(b.stdout, a.stdout, args.join(' '));
  }
  for (const op of ['label', 'token', 'mask', 'remove']) {
    const text = lines.map((l) => JSON.parse(l).text).join('\n');
    const a = spawnSync(native, ['redact', '--operator', op], { input: text, encoding: 'utf8' });
    assert.equal(node(['redact', '--operator', op], text).stdout, a.stdout, op);
  }
});

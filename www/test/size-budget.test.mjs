// The size budget check (www/size-budget.mjs): reading the README's table and
// finding what is over it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { overBudget, readBudget, sizesOfRow } from '../size-budget.mjs';
import { root } from './helpers.mjs';

const README = `# x
## Size budget

Some words.

| file | raw limit | brotli limit |
|---|---|---|
| \`www/dist/pii-veil.js\` | 1,710 KB | 538 KB |
| \`pkg/a.wasm\` | 10.5 KB | 2 KB |
| \`a.js\` + \`pkg/a.wasm\` | 12 KB | 3 KB |

## Next
| \`not/this\` | 1 KB | 1 KB |
`;

test('the budget table is read in bytes, and only the table under "Size budget"', () => {
  assert.deepEqual(readBudget(README), [
    { file: 'www/dist/pii-veil.js', raw: 1710 * 1024, brotli: 538 * 1024 },
    { file: 'pkg/a.wasm', raw: 10752, brotli: 2048 },
    { file: 'a.js + pkg/a.wasm', raw: 12 * 1024, brotli: 3 * 1024 },
  ]);
  assert.throws(() => readBudget('# x\n## Sizes\n'), /no "Size budget" section/);
  assert.throws(() => readBudget(README.replace('538 KB', '538 kB')), /cannot read "538 kB"/);
});

test('the README has a budget for the script tags, the module and each loader page on the wire', () => {
  const files = readBudget(readFileSync(join(root, 'README.md'), 'utf8')).map((b) => b.file);
  assert.deepEqual(files, ['www/dist/pii-veil.js', 'www/dist/pii-veil.loader.js', 'www/dist/npm/wasm/pii_veil_bg.wasm',
    'www/dist/pii-veil.loader.js + www/dist/pii-veil.wasm',
    'www/dist/pii-veil.lite.js', 'www/dist/pii-veil.lite.js + www/dist/pii-veil.lite.wasm']);
});

test('a row of files joined by + is the sum of their sizes', () => {
  const bytes = { a: Buffer.from('x'.repeat(1000)), b: Buffer.from('y'.repeat(3000)) };
  const one = (f) => sizesOfRow(f, (p) => bytes[p]);
  const sum = one('a + b');
  for (const k of ['raw', 'gzip', 'brotli']) assert.equal(sum[k], one('a')[k] + one('b')[k]);
  assert.equal(sum.raw, 4000);
});

test('a file over its raw or brotli limit is reported, one at the limit is not', () => {
  const budget = readBudget(README);
  const at = { 'www/dist/pii-veil.js': { raw: 1710 * 1024, brotli: 538 * 1024 }, 'pkg/a.wasm': { raw: 10752, brotli: 2048 }, 'a.js + pkg/a.wasm': { raw: 100, brotli: 100 } };
  assert.deepEqual(overBudget(budget, at), []);
  const over = { ...at, 'pkg/a.wasm': { raw: 10753, brotli: 4000 } };
  assert.deepEqual(overBudget(budget, over), [
    { file: 'pkg/a.wasm', what: 'raw', size: 10753, limit: 10752 },
    { file: 'pkg/a.wasm', what: 'brotli', size: 4000, limit: 2048 },
  ]);
});

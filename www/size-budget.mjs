// Checks the built script tag and WebAssembly module against the size budget in
// README.md (section "Size budget": a table of file, raw limit, brotli limit in KB; a
// row of files joined by `+`, e.g. the loader and the module it fetches, is their sum —
// what a page downloads):
//   node www/size-budget.mjs            prints the sizes; exit 1 when a file is over
//   node www/size-budget.mjs --table    also prints the README's size table rows
// Needs a build (www/build.sh). Sizes are measured as build-package.mjs prints them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSizes, sizesOf } from './sizes.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * The rows of the first table under the heading "Size budget" of a README:
 * `[{ file, raw, brotli }]`, limits in bytes (the table says KB, 1,024 bytes).
 */
export function readBudget(readme) {
  const lines = readme.split('\n');
  const at = lines.findIndex((l) => /^#+\s+Size budget\s*$/.test(l));
  if (at < 0) throw new Error('README.md has no "Size budget" section');
  const rows = [];
  let i = at + 1;
  while (i < lines.length && !lines[i].startsWith('|') && !/^#/.test(lines[i])) i++;
  for (; i < lines.length && lines[i].startsWith('|'); i++) {
    const cells = lines[i].split('|').slice(1, -1).map((c) => c.trim());
    const file = /^`[^`]+`(?: \+ `[^`]+`)*$/.test(cells[0]) ? cells[0].replace(/`/g, '') : null;
    if (!file) continue; // header and separator rows
    const kbOf = (c) => {
      const m = /^([\d,]+(?:\.\d+)?) KB$/.exec(c);
      if (!m) throw new Error(`README.md, "Size budget": cannot read "${c}" (expected e.g. "1,234 KB")`);
      return Math.round(Number(m[1].replace(/,/g, '')) * 1024);
    };
    rows.push({ file, raw: kbOf(cells[1]), brotli: kbOf(cells[2]) });
  }
  if (!rows.length) throw new Error('README.md, "Size budget": no table rows');
  return rows;
}

/** The sizes of a budget row's file, or the sum of its files (`a + b`); `read(path)` gives the bytes. */
export function sizesOfRow(file, read) {
  const sum = { raw: 0, gzip: 0, brotli: 0 };
  for (const path of file.split(' + ')) {
    const s = sizesOf(read(path));
    for (const k of Object.keys(sum)) sum[k] += s[k];
  }
  return sum;
}

/** What is over its budget: `[{ file, what, size, limit }]`. */
export function overBudget(budget, measured) {
  const over = [];
  for (const b of budget) {
    const s = measured[b.file];
    for (const what of ['raw', 'brotli']) if (s[what] > b[what]) over.push({ file: b.file, what, size: s[what], limit: b[what] });
  }
  return over;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const budget = readBudget(readFileSync(join(root, 'README.md'), 'utf8'));
  const measured = {};
  for (const b of budget) {
    for (const f of b.file.split(' + ')) {
      if (!existsSync(join(root, f))) {
        console.error(`size budget: ${f} is missing; run www/build.sh first`);
        process.exit(1);
      }
    }
    measured[b.file] = sizesOfRow(b.file, (f) => readFileSync(join(root, f)));
    console.log(formatSizes(b.file.split(' + ').map((f) => f.split('/').pop()).join(' + '), measured[b.file]));
  }
  if (process.argv.includes('--table')) {
    const kb = (n) => Math.round(n / 1024).toLocaleString('en') + ' KB';
    console.log('| file | raw | gzip | brotli |\n|---|---|---|---|');
    for (const b of budget) {
      const s = measured[b.file];
      console.log(`| ${b.file.split(' + ').map((f) => `\`${f}\``).join(' + ')} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`);
    }
  }
  const over = overBudget(budget, measured);
  const kb1 = (n) => (n / 1024).toFixed(1) + ' KB';
  for (const o of over) {
    console.error(`size budget: ${o.file} is ${kb1(o.size)} ${o.what}, over its budget of ${kb1(o.limit)} (README.md, "Size budget")`);
  }
  if (over.length) process.exit(1);
  console.log(`size budget: ${budget.length} files within the budget of README.md`);
}

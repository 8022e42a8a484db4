// The data-driven detection cases of tests/cases/*.jsonl, run through the JavaScript
// API with the same expectations as the native run (tests/cases.rs): only findings of
// the file's kind (or the case's `kinds`, "*" for all) are compared; `start`/`end` are
// UTF-16 code units.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { nodeEntry, root } from './helpers.mjs';

const { createScanner } = await import(pathToFileURL(nodeEntry));

test('tests/cases/*.jsonl through the JavaScript API', () => {
  const scanner = createScanner();
  const dir = join(root, 'tests', 'cases');
  const failures = [];
  let count = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const fileKind = file.replace(/\.jsonl$/, '');
    readFileSync(join(dir, file), 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim() || line.startsWith('//')) return;
      const c = JSON.parse(line);
      count++;
      const scope = c.kinds ?? [fileKind];
      const inScope = (k) => scope.includes('*') || scope.includes(k);
      const got = scanner.scan(c.text, c.field ?? undefined).filter((f) => inScope(f.kind));
      const expect = c.expect ?? [];
      let ok = got.length === expect.length;
      if (ok) {
        got.forEach((g, j) => {
          const e = expect[j];
          ok &&= e.kind === g.kind
            && (e.text === undefined || e.text === g.text)
            && (e.start === undefined || e.start === g.start)
            && (e.end === undefined || e.end === g.end)
            && (e.subtype === undefined || e.subtype === g.subtype)
            && c.text.slice(g.start, g.end) === g.text;
        });
      }
      if (!ok) {
        failures.push(`${file}:${i + 1}: ${c.why ?? ''}\n    expect: ${JSON.stringify(expect)}\n    got:    ${JSON.stringify(got.map(({ kind, text, start, end, subtype }) => ({ kind, text, start, end, subtype })))}`);
      }
    });
  }
  scanner.free();
  assert.ok(count > 0, 'no cases found');
  assert.equal(failures.length, 0, `${failures.length} of ${count} cases failed:\n${failures.join('\n')}`);
});

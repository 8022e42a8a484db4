// A rescanner through the JavaScript API (what protect() uses per field): over a text
// typed, edited in the middle, pasted into and cut, every result equals the scanner's
// own redact of the same text, and a small edit in a long text reads only a region.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { nodeEntry } from './helpers.mjs';

const pv = await import(pathToFileURL(nodeEntry));

test('a rescanner gives the findings and masked text of a full redact, edit after edit', () => {
  const s = pv.createScanner();
  const r = s.rescanner();
  const filler = 'Vielen Dank für die schnelle Bearbeitung meiner Anfrage vom Montag. '.repeat(60);
  let text = `Hallo, hier ist Maria Huber. ${filler}`;
  const edits = [
    (t) => t + 'Meine IBAN: DE89 3704 0044 0532 0130 00',
    (t) => t + '\nRückruf +43 664 1234567',
    (t) => t.slice(0, 2000) + ' Steuer-ID 65929970489 ' + t.slice(2000),
    (t) => t.replace('Maria Huber', 'Maria'),
    (t) => t.slice(0, 1000) + t.slice(1040),
    (t) => '😀 ' + t,
    (t) => t + ' 65929970489',
  ];
  for (const edit of [(t) => t, ...edits]) {
    text = edit(text);
    assert.deepEqual(r.redact(text), s.redact(text));
  }
  // The last edit appended a repeat of a value found in the middle: found at the end too.
  assert.equal(r.redact(text).findings.filter((f) => f.text === '65929970489').length, 2);
  assert.ok(r.lastRead < Buffer.byteLength(text) / 2, `read ${r.lastRead} bytes`);
  r.free();
  r.free();
  assert.throws(() => r.redact('x'), { code: 'invalid_argument' });
  s.free();
});

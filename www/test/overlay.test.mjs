// The highlight layer of a textarea updates only the pieces that changed (overlay.js):
// on linkedom's DOM, no browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { keptPieces, layerPieces, paintLayer } from '../src/protect/overlay.js';

test('kept pieces: equal runs at both ends, never overlapping', () => {
  const p = (text, kind) => ({ text, kind });
  const old = [p('Hallo '), p('Anna', 'person'), p(', Mail '), p('a@b.de', 'email'), p('\u200b')];
  assert.deepEqual(keptPieces(old, old), [5, 0]);
  // Typing at the end changes the last plain run only.
  assert.deepEqual(keptPieces(old, [...old.slice(0, 4), p('!\u200b')]), [4, 0]);
  // A finding that grew: it and nothing else.
  assert.deepEqual(keptPieces(old, [old[0], p('Anna Maria', 'person'), ...old.slice(2)]), [1, 3]);
  // A new finding in the first run: the runs around it are new pieces.
  const split = [p('Hal'), p('lo', 'email'), p(' '), ...old.slice(1)];
  assert.deepEqual(keptPieces(old, split), [0, 4]);
  // Repeated equal pieces are not counted twice.
  assert.deepEqual(keptPieces([p('x'), p('x')], [p('x')]), [1, 0]);
});

function field(text) {
  const { document, window } = parseHTML('<!doctype html><html><body><textarea id="t"></textarea></body></html>');
  const el = document.getElementById('t');
  el.value = text;
  const ctx = {
    doc: document, win: Object.assign(window, { requestAnimationFrame: () => 1, performance: { now: () => 0 } }),
    highlightLimit: 1e6, dirty: new Set(), frame: 0, fields: new Map(), stats: { maxFrameMs: 0 },
  };
  return { ctx, f: { el, single: false, result: { findings: [] } } };
}

test('a rescan replaces only the nodes of the pieces that changed', () => {
  let text = 'Hallo Anna, Mail a@b.de';
  const { ctx, f } = field(text);
  const find = (t) => [{ kind: 'person', start: 6, end: 10 }, { kind: 'email', start: t.indexOf('a@b.de'), end: t.indexOf('a@b.de') + 6 }];
  f.result.findings = find(text);
  paintLayer(ctx, f, text);
  const marks = [...f.inner.querySelectorAll('mark')];
  const tail = f.inner.lastChild;
  assert.equal(f.inner.textContent, text + '\u200b');
  // Typing at the end: every node stays, the last text node has the new text.
  text += ' danke';
  paintLayer(ctx, f, text);
  assert.deepEqual([...f.inner.querySelectorAll('mark')], marks);
  assert.equal(f.inner.lastChild, tail);
  assert.equal(f.inner.textContent, text + '\u200b');
  // Typing before the first finding: the marks stay, the first run is new text.
  text = 'Hi ' + text;
  f.result.findings = find(text).map((x, i) => (i === 0 ? { ...x, start: 9, end: 13 } : x));
  paintLayer(ctx, f, text);
  assert.deepEqual([...f.inner.querySelectorAll('mark')], marks);
  assert.equal(f.inner.textContent, text + '\u200b');
  // A finding gone: its mark is removed, the text is the same.
  f.result.findings = f.result.findings.slice(1);
  paintLayer(ctx, f, text);
  assert.deepEqual([...f.inner.querySelectorAll('mark')].map((m) => m.dataset.kind), ['email']);
  assert.equal([...f.inner.querySelectorAll('mark')][0], marks[1]);
  assert.equal([...f.inner.querySelectorAll('mark')][0].dataset.i, '0');
  assert.equal(f.inner.textContent, text + '\u200b');
  assert.deepEqual(layerPieces(text, f.result.findings, false).map((p) => p.text).join(''), text + '\u200b');
});

// The highlight layer of a textarea updates only the pieces that changed (overlay.js):
// on linkedom's DOM, no browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { keptPieces, layerLines, layerPieces, paintLayer } from '../src/protect/overlay.js';

test('kept pieces: equal runs at both ends, never overlapping', () => {
  const p = (text, kind) => ({ text, kind });
  const old = [p('Hallo '), p('Anna', 'person'), p(', Mail '), p('a@b.de', 'email'), p('')];
  assert.deepEqual(keptPieces(old, old), [5, 0]);
  // Typing at the end changes the last plain run only.
  assert.deepEqual(keptPieces(old, [...old.slice(0, 4), p('!')]), [4, 0]);
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
  let text = 'Hallo Anna, Mail a@b.de bitte';
  const { ctx, f } = field(text);
  const find = (t) => [{ kind: 'person', start: 6, end: 10 }, { kind: 'email', start: t.indexOf('a@b.de'), end: t.indexOf('a@b.de') + 6 }];
  f.result.findings = find(text);
  paintLayer(ctx, f, text);
  const marks = [...f.inner.querySelectorAll('mark')];
  const tail = f.inner.lastChild.lastChild;
  assert.equal(f.inner.textContent, text);
  // Typing at the end: every node stays, the last text node has the new text.
  text += ' danke';
  paintLayer(ctx, f, text);
  assert.deepEqual([...f.inner.querySelectorAll('mark')], marks);
  assert.equal(f.inner.lastChild.lastChild, tail);
  assert.equal(f.inner.textContent, text);
  // Typing before the first finding: the marks stay, the first run is new text.
  text = 'Hi ' + text;
  f.result.findings = find(text).map((x, i) => (i === 0 ? { ...x, start: 9, end: 13 } : x));
  paintLayer(ctx, f, text);
  assert.deepEqual([...f.inner.querySelectorAll('mark')], marks);
  assert.equal(f.inner.textContent, text);
  // A finding gone: its mark is removed, the text is the same.
  f.result.findings = f.result.findings.slice(1);
  paintLayer(ctx, f, text);
  assert.deepEqual([...f.inner.querySelectorAll('mark')].map((m) => m.dataset.kind), ['email']);
  assert.equal([...f.inner.querySelectorAll('mark')][0], marks[1]);
  assert.equal([...f.inner.querySelectorAll('mark')][0].dataset.i, '0');
  assert.equal(f.inner.textContent, text);
  assert.deepEqual(layerPieces(text, f.result.findings).map((p) => p.text).join(''), text);
});

/** The layer's lines as text, each line's marks in brackets. */
const linesOf = (f) => [...f.inner.children].map((l) => [...l.childNodes].map((n) => (n.nodeType === 1 ? `[${n.textContent}]` : n.data)).join(''));

test('a multi-line layer holds one block per line; an edit replaces nodes of its own line only', () => {
  let text = 'Hallo Anna\n\nMail a@b.de\nDanke\n';
  const { ctx, f } = field(text);
  const at = (t, v) => ({ start: t.indexOf(v), end: t.indexOf(v) + v.length });
  const find = (t) => [{ kind: 'person', ...at(t, 'Anna') }, { kind: 'email', ...at(t, 'a@b.de') }];
  f.result.findings = find(text);
  paintLayer(ctx, f, text);
  // empty lines (and the one after a final break) keep their height
  assert.deepEqual(linesOf(f), ['Hallo [Anna]', '\u200b', 'Mail [a@b.de]', 'Danke', '\u200b']);
  const lines = [...f.inner.children];
  // Typing on the fourth line: the other lines' nodes stay, the line keeps its element.
  text = text.replace('Danke', 'Danke schön');
  f.result.findings = find(text);
  paintLayer(ctx, f, text);
  assert.deepEqual(linesOf(f), ['Hallo [Anna]', '\u200b', 'Mail [a@b.de]', 'Danke schön', '\u200b']);
  assert.deepEqual([...f.inner.children], lines);
  // A new line in the middle: one new block, the others stay.
  text = text.replace('\n\n', '\nGruß\n\n');
  f.result.findings = find(text);
  paintLayer(ctx, f, text);
  assert.deepEqual(linesOf(f), ['Hallo [Anna]', 'Gruß', '\u200b', 'Mail [a@b.de]', 'Danke schön', '\u200b']);
  assert.equal(f.inner.children[0], lines[0]);
  assert.deepEqual([...f.inner.children].slice(3), lines.slice(2));
  // A finding over a line break is a mark on each line, with the same index.
  const two = layerLines(layerPieces('a\nb c', [{ kind: 'street_address', start: 0, end: 3 }]));
  assert.deepEqual(two.map((l) => l.pieces), [[{ text: 'a', kind: 'street_address', i: 0 }], [{ text: 'b', kind: 'street_address', i: 0 }, { text: ' c' }]]);
});

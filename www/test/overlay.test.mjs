// The highlight layer of a textarea updates only the pieces that changed (overlay.js):
// on linkedom's DOM, no browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { keptPieces, layerEnd, layerLines, layerPieces, openMark, paintLayer } from '../src/protect/overlay.js';

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

test('a rescan replaces only the nodes of the pieces that changed; typing after the last finding writes nothing', () => {
  let text = 'Hallo Anna, Mail a@b.de bitte';
  const { ctx, f } = field(text);
  const find = (t) => [{ kind: 'person', start: 6, end: 10 }, { kind: 'email', start: t.indexOf('a@b.de'), end: t.indexOf('a@b.de') + 6 }];
  const upToLast = (t) => t.slice(0, t.indexOf('a@b.de') + 6);
  f.result.findings = find(text);
  paintLayer(ctx, f, text);
  // before the frame copied the field's alignment, the layer holds the whole line
  assert.equal(f.inner.textContent, text);
  f.layerStyle.textAlign = 'start'; // (what the frame copies)
  paintLayer(ctx, f, text);
  const marks = [...f.inner.querySelectorAll('mark')];
  // the layer's text ends with its last finding: what follows moves no mark
  assert.equal(f.inner.textContent, upToLast(text));
  const seen = new ctx.win.MutationObserver(() => {});
  seen.observe(f.inner, { subtree: true, childList: true, characterData: true });
  // Typing at the end, and a new line after the last finding: the layer is not written.
  text += ' danke\nGruß';
  f.result.findings = find(text);
  paintLayer(ctx, f, text);
  assert.deepEqual(seen.takeRecords(), []);
  assert.deepEqual([...f.inner.querySelectorAll('mark')], marks);
  // Typing before the first finding: the marks stay, the first run is new text.
  text = 'Hi ' + text;
  f.result.findings = find(text).map((x, i) => (i === 0 ? { ...x, start: 9, end: 13 } : x));
  paintLayer(ctx, f, text);
  assert.deepEqual([...f.inner.querySelectorAll('mark')], marks);
  assert.equal(f.inner.textContent, upToLast(text));
  // A finding gone: its mark is removed, the text is the same.
  f.result.findings = f.result.findings.slice(1);
  paintLayer(ctx, f, text);
  assert.deepEqual([...f.inner.querySelectorAll('mark')].map((m) => m.dataset.kind), ['email']);
  assert.equal([...f.inner.querySelectorAll('mark')][0], marks[1]);
  // it is the mark of finding 0 now
  openMark(f, 0);
  assert.equal(f.inner.querySelector('mark.pii-veil-open'), marks[1]);
  assert.equal(f.inner.textContent, upToLast(text));
  // The last finding gone: the layer ends with the one before it; none: an empty line.
  text = 'Anna, a@b.de';
  f.result.findings = find(text).map((x, i) => (i === 0 ? { ...x, start: 0, end: 4 } : x));
  paintLayer(ctx, f, text);
  f.result.findings = f.result.findings.slice(0, 1);
  paintLayer(ctx, f, text);
  assert.equal(f.inner.textContent, 'Anna');
  f.result.findings = [];
  paintLayer(ctx, f, text);
  assert.equal(f.inner.textContent, '\u200b');
  assert.deepEqual(layerPieces(text, [{ kind: 'person', start: 0, end: 4 }]).map((p) => p.text).join(''), text, 'the whole text unless an end is given');
});

test('a layer ends with its last finding where lines are aligned at their start, else with its line', () => {
  const text = 'Mail a@b.de bitte\nDanke\n';
  const findings = [{ kind: 'email', start: 5, end: 11 }];
  const end = (textAlign, direction = 'ltr') => layerEnd(findings, text, { textAlign, direction });
  assert.equal(end('start'), 11);
  assert.equal(end('left'), 11);
  assert.equal(end('right', 'rtl'), 11);
  for (const [a, d] of [['center', 'ltr'], ['justify', 'ltr'], ['right', 'ltr'], ['end', 'ltr'], ['left', 'rtl'], [undefined, 'ltr']]) {
    assert.equal(end(a, d), 17, `${a} ${d}: the rest of the line too`);
  }
  assert.equal(layerEnd(findings, 'Mail a@b.de bitte', { textAlign: 'center' }), 17, 'to the end of the text');
  assert.equal(layerEnd([], text, { textAlign: 'center' }), 0);
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
  // empty lines keep their height; the lines after the last finding are not drawn
  assert.deepEqual(linesOf(f), ['Hallo [Anna]', '\u200b', 'Mail [a@b.de]']);
  const lines = [...f.inner.children];
  // Typing on the first line: the other lines' nodes stay, the line keeps its element.
  text = text.replace('Hallo', 'Hallo,');
  f.result.findings = find(text);
  paintLayer(ctx, f, text);
  assert.deepEqual(linesOf(f), ['Hallo, [Anna]', '\u200b', 'Mail [a@b.de]']);
  assert.deepEqual([...f.inner.children], lines);
  // A new line in the middle: one new block, the others stay.
  text = text.replace('\n\n', '\nGruß\n\n');
  f.result.findings = find(text);
  paintLayer(ctx, f, text);
  assert.deepEqual(linesOf(f), ['Hallo, [Anna]', 'Gruß', '\u200b', 'Mail [a@b.de]']);
  assert.equal(f.inner.children[0], lines[0]);
  assert.deepEqual([...f.inner.children].slice(2), lines.slice(1));
  // Then on a line that two edits kept: it is patched like the first.
  text = text.replace('Mail', 'Mail:');
  f.result.findings = find(text);
  paintLayer(ctx, f, text);
  assert.deepEqual(linesOf(f), ['Hallo, [Anna]', 'Gruß', '\u200b', 'Mail: [a@b.de]']);
  assert.equal(f.inner.children[3], lines[2]);
  text = text.replace('Hallo,', 'Hallo');
  f.result.findings = find(text);
  paintLayer(ctx, f, text);
  assert.deepEqual(linesOf(f), ['Hallo [Anna]', 'Gruß', '\u200b', 'Mail: [a@b.de]']);
  assert.deepEqual([...f.inner.children], [lines[0], f.inner.children[1], lines[1], lines[2]]);
  // A finding added on the first line: the lines below keep their blocks and marks,
  // which now mark finding 2.
  const mail = f.inner.children[3].querySelector('mark');
  text = text.replace('Hallo', 'Hallo Max');
  f.result.findings = [{ kind: 'person', ...at(text, 'Max') }, ...find(text)];
  paintLayer(ctx, f, text);
  assert.deepEqual(linesOf(f), ['Hallo [Max] [Anna]', 'Gruß', '\u200b', 'Mail: [a@b.de]']);
  assert.deepEqual([...f.inner.children].slice(2), lines.slice(1));
  assert.equal(f.inner.children[3].querySelector('mark'), mail);
  openMark(f, 2);
  assert.deepEqual([...f.inner.querySelectorAll('mark.pii-veil-open')], [mail]);
  openMark(f, 0);
  assert.deepEqual([...f.inner.querySelectorAll('mark.pii-veil-open')].map((m) => m.textContent), ['Max']);
  openMark(f, -1);
  assert.equal(f.inner.querySelector('mark.pii-veil-open'), null);
  // A finding over a line break is a mark on each line, with the same index.
  const two = layerLines(layerPieces('a\nb c', [{ kind: 'street_address', start: 0, end: 3 }]));
  assert.deepEqual(two.map((l) => l.pieces), [[{ text: 'a', kind: 'street_address', i: 0 }], [{ text: 'b', kind: 'street_address', i: 0 }, { text: ' c' }]]);
});

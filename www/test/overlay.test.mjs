// The highlight layer of a textarea updates only the pieces that changed (overlay.js):
// on linkedom's DOM, no browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { followEdit, keptPieces, layerEnd, layerLines, layerPieces, movedFindings, openMark, paintLayer, paintResult, textEdit } from '../src/protect/overlay.js';

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
    doc: document, win: Object.assign(window, { requestAnimationFrame: () => 1, performance: { now: () => 0 }, getComputedStyle: () => ({}) }),
    highlightLimit: 1e6, dirty: new Map(), frame: 0, fields: new Map(), stats: { maxFrameMs: 0 },
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

test('an edit: the part between the common start and end; findings move through it', () => {
  assert.deepEqual(textEdit('Hallo Anna', 'Hallo Anna!'), [10, 10, 11]);
  assert.deepEqual(textEdit('abc', 'abc'), [3, 3, 3]);
  assert.deepEqual(textEdit('aXc', 'aYYc'), [1, 2, 3]);
  assert.deepEqual(textEdit('aa', 'aaa'), [2, 2, 3]);
  const fs = [{ kind: 'person', start: 0, end: 4 }, { kind: 'email', start: 10, end: 16 }];
  // typing between them: the one after moves
  assert.deepEqual(movedFindings(fs, [6, 6, 8]), [fs[0], { kind: 'email', start: 12, end: 18 }]);
  // right after a finding and right before one: neither grows
  assert.deepEqual(movedFindings(fs, [4, 4, 5]), [fs[0], { kind: 'email', start: 11, end: 17 }]);
  assert.deepEqual(movedFindings(fs, [10, 10, 11]), [fs[0], { kind: 'email', start: 11, end: 17 }]);
  // inside one: it grows or shrinks with the edit
  assert.deepEqual(movedFindings(fs, [2, 3, 2]), [{ kind: 'person', start: 0, end: 3 }, { kind: 'email', start: 9, end: 15 }]);
  // cut into, or removed: left out
  assert.deepEqual(movedFindings(fs, [3, 6, 3]), [{ kind: 'email', start: 7, end: 13 }]);
  assert.deepEqual(movedFindings(fs, [0, 4, 0]), [{ kind: 'email', start: 6, end: 12 }]);
});

// What a layer shows: its lines' text and marks (kind and finding index), and which
// nodes are marks of which finding.
const shown = (f) => f.pieces.map((l) => (l.pieces || [l]).map((p) => (p.kind === undefined ? p.text : `[${p.kind}#${p.i}:${p.text}]`)).join(''));

test('followEdit: the marks move with an edit at once, as a paint of the moved findings draws them, writing the edited line only', () => {
  let text = 'Hallo Anna Huber\nIBAN DE89 3704\n\nMail a@b.de, danke\nGruß';
  const { ctx, f } = field(text);
  const at = (t, v) => ({ start: t.indexOf(v), end: t.indexOf(v) + v.length });
  f.result.findings = [{ kind: 'person', ...at(text, 'Anna Huber') }, { kind: 'iban', ...at(text, 'DE89 3704') }, { kind: 'email', ...at(text, 'a@b.de') }];
  paintLayer(ctx, f, text);
  f.layerStyle.textAlign = 'start'; // (what the frame copies)
  paintLayer(ctx, f, text);
  const lines = [...f.inner.children];
  const nodes = () => lines.map((l) => [...l.childNodes]);
  const before = nodes();
  const seen = new ctx.win.MutationObserver(() => {});
  seen.observe(f.inner, { subtree: true, childList: true, characterData: true });
  // typing on the second line, before the IBAN: the other lines' nodes stay as they
  // are, and on that line the plain run takes the new text
  text = text.replace('IBAN ', 'IBAN: ');
  followEdit(ctx, f, text);
  assert.deepEqual(shown(f), ['Hallo [person#0:Anna Huber]', 'IBAN: [iban#1:DE89 3704]', '\u200b', 'Mail [email#2:a@b.de]']);
  assert.deepEqual([...f.inner.children], lines);
  assert.deepEqual(nodes(), before);
  assert.equal(before[1][0].data, 'IBAN: ');
  assert.deepEqual(f.layerFindings.map((x) => text.slice(x.start, x.end)), ['Anna Huber', 'DE89 3704', 'a@b.de']);
  seen.takeRecords();
  // the rescan finds the same: nothing is written
  f.result.findings = f.layerFindings.map((x) => ({ ...x }));
  paintLayer(ctx, f, text);
  assert.deepEqual(seen.takeRecords(), []);
  // typing inside a finding grows it; deleting into one drops it (the whole layer is drawn)
  text = text.replace('Anna Huber', 'Anna Hueber');
  followEdit(ctx, f, text);
  assert.deepEqual(shown(f)[0], 'Hallo [person#0:Anna Hueber]');
  text = text.replace('Anna Hueber', 'Anna');
  followEdit(ctx, f, text);
  assert.deepEqual(shown(f), ['Hallo Anna', 'IBAN: [iban#0:DE89 3704]', '\u200b', 'Mail [email#1:a@b.de]']);
  // typing after the last finding writes nothing
  seen.takeRecords();
  followEdit(ctx, f, text + ' bis bald');
  assert.deepEqual(seen.takeRecords(), []);
});

test('followEdit equals a paint of the moved findings for random texts, findings and edits', () => {
  let seed = 7;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const alphabet = 'ab \n\nxy';
  const kinds = ['person', 'email', 'iban'];
  for (let round = 0; round < 400; round++) {
    let text = '';
    for (let k = rnd(40) + 1; k > 0; k--) text += alphabet[rnd(alphabet.length)];
    const findings = [];
    for (let k = rnd(Math.max(1, text.length - 2)); k < text.length - 1; k += 1 + rnd(6)) {
      const end = Math.min(text.length, k + 1 + rnd(5));
      findings.push({ kind: kinds[rnd(3)], start: k, end });
      k = end;
    }
    const { ctx, f } = field(text);
    const align = rnd(2) ? 'start' : 'center';
    // (a layer is made by its first finding; the frame then copies the field's alignment)
    f.result.findings = [{ kind: 'person', start: 0, end: 1 }];
    paintLayer(ctx, f, text);
    f.layerStyle.textAlign = align;
    f.result.findings = findings;
    paintLayer(ctx, f, text);
    for (let step = 0; step < 4; step++) {
      const at = rnd(text.length + 1), cut = Math.min(text.length - at, rnd(3));
      let put = '';
      for (let k = rnd(3); k > 0; k--) put += alphabet[rnd(alphabet.length)];
      const now = text.slice(0, at) + put + text.slice(at + cut);
      const moved = movedFindings(f.layerFindings, textEdit(text, now));
      followEdit(ctx, f, now);
      const fresh = field(now);
      fresh.f.result.findings = [{ kind: 'person', start: 0, end: 1 }];
      paintLayer(fresh.ctx, fresh.f, now);
      fresh.f.layerStyle.textAlign = align;
      fresh.f.result.findings = moved;
      paintLayer(fresh.ctx, fresh.f, now);
      assert.deepEqual(shown(f), shown(fresh.f), `${JSON.stringify(text)} → ${JSON.stringify(now)}`);
      assert.deepEqual(linesOf(f), linesOf(fresh.f));
      text = now;
    }
  }
});

test('a result for an older text is drawn over the text the field holds now', () => {
  const older = 'Hallo Anna\nMail a@b.de';
  const { ctx, f } = field(older);
  const at = (t, v) => ({ start: t.indexOf(v), end: t.indexOf(v) + v.length });
  f.result.findings = [{ kind: 'person', ...at(older, 'Anna') }, { kind: 'email', ...at(older, 'a@b.de') }];
  // the person typed on while it was scanned
  f.el.value = 'Hallo, Anna\nMail a@b.de';
  paintResult(ctx, f, older);
  assert.deepEqual(shown(f), ['Hallo, [person#0:Anna]', 'Mail [email#1:a@b.de]']);
  assert.equal(f.layerText, f.el.value);
  f.el.value = older;
  paintResult(ctx, f, older);
  assert.deepEqual(shown(f), ['Hallo [person#0:Anna]', 'Mail [email#1:a@b.de]']);
});

test('a new layer has the field\'s text styles before its first frame', () => {
  const { ctx, f } = field('Hallo Anna');
  ctx.win.getComputedStyle = () => ({ fontFamily: 'monospace', fontSize: '13px', lineHeight: '17px', wordBreak: 'normal' });
  f.result.findings = [{ kind: 'person', start: 6, end: 10 }];
  paintLayer(ctx, f, 'Hallo Anna');
  const st = f.layer.style;
  assert.deepEqual([st.fontFamily, st.fontSize, st.lineHeight, st.whiteSpace, st.left], ['monospace', '13px', '17px', 'pre-wrap', '0px']);
  assert.equal(f.layerStyle.fontFamily, 'monospace', 'the frame writes only what differs from it');
});

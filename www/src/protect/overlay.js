// Showing findings where the person types, without touching the field: a transparent
// copy of an input's or textarea's text drawn behind it with <mark>s on the findings
// (the "layer"), and for contenteditable hosts the CSS Custom Highlight API (boxes
// drawn beside the host where it is missing or turned off with `cssHighlights: false`).
//
// It also places the count badge (badge.js) on the field's corner.
//
// Geometry (reads of boxes, writes of positions) runs once per frame, in
// requestAnimationFrame, where the browser lays out anyway: never a forced layout in
// the middle of a task (a 200 KB paste would cost tens of ms each time). In the frame
// every queued field is measured first and written after, and only what changed is
// written (the copied style, the layer's box and scroll, the badge's place), so a
// keystroke that moves nothing costs one layout and no style change.
import { el, sameFindings } from './util.js';
import { readText, pointAt } from './text.js';
import { badgeBox } from './anchor.js';

// Computed styles copied from the field to its layer, so the copy lays out the same.
const COPY = ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontStretch', 'fontVariant', 'fontKerning',
  'fontFeatureSettings', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textIndent', 'textTransform', 'textAlign',
  'direction', 'unicodeBidi', 'tabSize', 'writingMode', 'textRendering',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
  'borderTopLeftRadius', 'borderTopRightRadius', 'borderBottomLeftRadius', 'borderBottomRightRadius'];

/** Per-instance state of the overlay: the frame queue and the CSS highlight. */
export function initOverlay(ctx) {
  const { win, opt } = ctx;
  ctx.dirty = new Map(); // field → only its text changed (see layoutSoon)
  ctx.frame = 0;
  ctx.cssHighlight = null;
  ctx.canHighlight = !!(win.CSS && win.CSS.highlights && typeof win.Highlight === 'function') && opt.cssHighlights !== false;
  ctx.cleanups.push(() => { if (ctx.frame && win.cancelAnimationFrame) win.cancelAnimationFrame(ctx.frame); });
}

/**
 * The pieces of a layer's text: plain runs and findings, in order, plus the tail up
 * to `end` (the whole text unless given).
 * @returns {({ text: string } | { text: string, kind: string, i: number })[]}
 */
export function layerPieces(text, findings, end = text.length) {
  const out = [];
  let last = 0;
  findings.forEach((x, i) => {
    if (x.start > last) out.push({ text: text.slice(last, x.start) });
    out.push({ text: text.slice(x.start, x.end), kind: x.kind, i });
    last = x.end;
  });
  if (end > last || end === text.length) out.push({ text: text.slice(last, end) });
  return out;
}

/**
 * Where a multi-line layer's text ends: at the end of its last finding. Text after it
 * moves no mark when lines are aligned at their start (they break from their start),
 * so typing there changes nothing in the layer; the layer is kept as tall as the
 * field's text by a minimum height instead. A centred, end-aligned or justified line
 * is placed by all of its text: then the layer ends with that finding's line.
 * `style`: what was copied from the field (`textAlign`, `direction`), if anything yet.
 */
export function layerEnd(findings, text, style) {
  let end = 0;
  for (const x of findings) if (x.end > end) end = x.end;
  const a = style && style.textAlign;
  const atStart = a === 'start' || a === (style && style.direction === 'rtl' ? 'right' : 'left');
  if (end && !atStart) {
    const nl = text.indexOf('\n', end);
    end = nl < 0 ? text.length : nl;
  }
  return end;
}

function ensureLayer(ctx, f) {
  if (f.layer && f.layer.isConnected) return;
  const layer = el(ctx.doc, 'div', 'pii-veil-layer' + (f.single ? ' pii-veil-single' : ''));
  layer.setAttribute('aria-hidden', 'true');
  const inner = el(ctx.doc, 'div');
  layer.appendChild(inner);
  f.el.insertAdjacentElement('afterend', layer);
  f.layer = layer;
  f.inner = inner;
  f.painted = null;
  f.innerMinHeight = '';
  // What was last written to the layer's style (overlay only writes what differs);
  // placed at 0,0 so the first frame measures from a known place.
  f.layerStyle = {};
  setStyle(f.layer, f.layerStyle, Object.assign(textStyle(ctx.win.getComputedStyle(f.el), f), { left: '0px', top: '0px' }));
}

/**
 * The field's computed styles that lay out its text, for its layer. Copied when the
 * layer is made too (a style read, no layout): the text put into it is then laid out
 * in the field's font from the start, not first in the page's and again in the frame.
 */
function textStyle(cs, f) {
  const style = {};
  for (const k of COPY) style[k] = cs[k];
  style.whiteSpace = f.single ? 'pre' : 'pre-wrap';
  style.overflowWrap = f.single ? 'normal' : 'break-word';
  style.wordBreak = cs.wordBreak;
  return style;
}

/** Writes the properties of `values` that differ from `last` (what was written before). */
function setStyle(node, last, values) {
  for (const k in values) {
    if (last[k] !== values[k]) {
      node.style[k] = values[k];
      last[k] = values[k];
    }
  }
}

/** Hides an input's or textarea's layer (its text is over the highlight limit). */
function hideLayer(f) {
  setStyle(f.layer, f.layerStyle, { display: 'none' });
}

/**
 * Queues the field's geometry (layer box, scroll, badge) for the next frame. `text`:
 * only the text in the layer changed, which moves neither the field nor its style, so
 * the frame reads the scroll and the text's height only (a field that grows with its
 * text is resized, and its resize queues the rest).
 */
export function layoutSoon(ctx, f, text) {
  const { win, stats } = ctx;
  ctx.dirty.set(f, !!text && ctx.dirty.get(f) !== false);
  if (ctx.frame) return;
  ctx.frame = (win.requestAnimationFrame || ((cb) => win.setTimeout(cb, 16)))(() => {
    ctx.frame = 0;
    const t0 = win.performance.now();
    const list = [...ctx.dirty].filter(([g]) => ctx.fields.has(g.el));
    ctx.dirty.clear();
    // all reads, then all writes: one layout for every field of the frame
    const seen = list.map(([g, text]) => (text && measureText(g)) || measure(ctx, g));
    list.forEach(([g], i) => place(ctx, g, seen[i]));
    const dt = win.performance.now() - t0;
    if (dt > stats.maxFrameMs) stats.maxFrameMs = dt;
  });
}

function px(v) {
  return parseFloat(v) || 0;
}

// Positions in 1/64 px, the unit layout works in: a box already where it should be
// measures a difference of 0 and is not written again.
const unit = (v) => Math.round(v * 64) / 64;

/**
 * What a change of the layer's text needs, read: the scroll and the height of the
 * field's text; null before the field's style was first copied (then all is read).
 */
function measureText(f) {
  const st = f.layerStyle;
  if (!f.layer || !st || st.paddingTop === undefined || st.display === 'none') return null;
  return measureScroll(f, {}, st);
}

/**
 * Into `m`: the scroll of the field and of its layer, and for a multi-line field the
 * height of its text, which runs on past the layer's (layerEnd): the layer's inner box
 * is kept as tall. `pad`: the field's computed padding, or the layer's copy of it.
 */
function measureScroll(f, m, pad) {
  const c = f.el;
  m.scroll = [c.scrollTop, c.scrollLeft, f.layer.scrollTop, f.layer.scrollLeft];
  if (!f.single) m.minHeight = unit(c.scrollHeight - px(pad.paddingTop) - px(pad.paddingBottom)) + 'px';
  return m;
}

/**
 * Reads what the field's layer and badge need, writes nothing: the layer's style copy,
 * its box, where it and the badge are against where they should be, the scroll.
 */
function measure(ctx, f) {
  const c = f.el;
  const cs = ctx.win.getComputedStyle(c);
  const m = { rtl: cs.direction === 'rtl' };
  if (f.layer && f.layerStyle) {
    const style = textStyle(cs, f);
    // The field's client box minus its scrollbar, so lines wrap at the same width.
    style.width = (c.clientWidth + px(cs.borderLeftWidth) + px(cs.borderRightWidth)) + 'px';
    style.height = (c.clientHeight + px(cs.borderTopWidth) + px(cs.borderBottomWidth)) + 'px';
    style.zIndex = cs.zIndex === 'auto' ? '' : cs.zIndex;
    const hidden = cs.display === 'none' || cs.visibility === 'hidden' || f.layerStyle.display === 'none' && f.overLimit;
    style.display = hidden ? 'none' : '';
    if (!hidden && f.layerStyle.display !== 'none') {
      // moved by the difference between the field's box and the layer's, from where it is
      const a = f.layer.getBoundingClientRect();
      const b = c.getBoundingClientRect();
      style.left = unit(px(f.layerStyle.left) + b.left - a.left) + 'px';
      style.top = unit(px(f.layerStyle.top) + b.top - a.top) + 'px';
      measureScroll(f, m, cs);
    } else if (!hidden) m.again = true; // shown now: measured in the next frame
    m.style = style;
  }
  const bd = f.badge;
  if (bd && !bd.hidden) {
    const o = bd.getBoundingClientRect();
    const at = badgeOffset(badgeBox(f, o), o, m.rtl);
    f.badgeAt = f.badgeAt || { left: 0, top: 0 };
    m.badge = { left: f.badgeAt.left + at.left, top: f.badgeAt.top + at.top };
  }
  return m;
}

/** Writes what `measure` found different. */
function place(ctx, f, m) {
  if (m.style) setStyle(f.layer, f.layerStyle, m.style);
  if (m.minHeight && m.minHeight !== f.innerMinHeight) f.inner.style.minHeight = f.innerMinHeight = m.minHeight;
  if (m.scroll) {
    if (m.scroll[2] !== m.scroll[0]) f.layer.scrollTop = m.scroll[0];
    if (m.scroll[3] !== m.scroll[1]) f.layer.scrollLeft = m.scroll[1];
  }
  if (m.badge) {
    const b = f.badge;
    const left = unit(m.badge.left), top = unit(m.badge.top);
    if (left !== f.badgeAt.left) b.style.left = left + 'px';
    if (top !== f.badgeAt.top) b.style.top = top + 'px';
    f.badgeAt = { left, top };
  }
  if (m.again) layoutSoon(ctx, f);
}

/** Follows the field's scroll position (layer) or redraws the boxes (contenteditable). */
export function syncScroll(ctx, f) {
  if (f.layer) {
    f.layer.scrollTop = f.el.scrollTop;
    f.layer.scrollLeft = f.el.scrollLeft;
    // the field's text grew past the layer's height: the frame sets it again
    if (!f.single && f.layer.scrollTop < f.el.scrollTop - 1) layoutSoon(ctx, f, true);
  } else if (f.editable && f.boxes.length) {
    paintEditable(ctx, f, readText(f).map);
  }
}

function pieceNode(doc, p) {
  if (p.kind === undefined) return doc.createTextNode(p.text);
  const m = doc.createElement('mark');
  m.textContent = p.text;
  m.dataset.kind = p.kind;
  return m;
}

const samePiece = (a, b) => a.text === b.text && a.kind === b.kind;

/**
 * Which of the layer's pieces an update keeps: `[head, tail]`, the number of pieces
 * equal (text and kind) at the start and at the end of both lists, not overlapping.
 * Typing changes one run of plain text, or a finding and the runs next to it; every
 * other node of the layer stays as it is.
 */
export function keptPieces(old, now) {
  const n = Math.min(old.length, now.length);
  let head = 0;
  while (head < n && samePiece(old[head], now[head])) head++;
  let tail = 0;
  while (tail < n - head && samePiece(old[old.length - 1 - tail], now[now.length - 1 - tail])) tail++;
  return [head, tail];
}

/**
 * Replaces in `box` the nodes of the items (pieces or lines) that changed from `old`
 * (each with its `node`) to `now`, keeping the rest: `make(item, doc)` makes a node, and
 * `reuse(was, item)` may update the one node that changed in place (true if it did).
 * A kept item takes over the old one's nodes (keepNodes), so the next edit of a kept
 * line patches it the same way; the new items keep their finding index.
 * @returns {boolean} whether anything in `box` changed
 */
function patch(box, old, now, make, reuse) {
  const doc = box.ownerDocument;
  if (!old) {
    const frag = doc.createDocumentFragment();
    for (const p of now) frag.appendChild(p.node = make(p, doc));
    box.replaceChildren(frag);
    return true;
  }
  const [head, tail] = keptPieces(old, now);
  for (let k = 0; k < head; k++) keepNodes(now[k], old[k]);
  for (let k = 0; k < tail; k++) keepNodes(now[now.length - 1 - k], old[old.length - 1 - k]);
  const before = tail ? old[old.length - tail].node : null;
  const gone = old.slice(head, old.length - tail);
  const fresh = now.slice(head, now.length - tail);
  if (gone.length === 1 && fresh.length === 1 && reuse(gone[0], fresh[0])) {
    fresh[0].node = gone[0].node;
    return true;
  }
  for (const p of gone) p.node.remove();
  for (const p of fresh) box.insertBefore(p.node = make(p, doc), before);
  return gone.length + fresh.length > 0;
}

/** `item` (a piece or a line equal to `was`) takes over the node of `was`, and a line its pieces' nodes. */
function keepNodes(item, was) {
  item.node = was.node;
  if (item.pieces) item.pieces.forEach((p, k) => { p.node = was.pieces[k].node; });
}

// Pieces: one plain run for another keeps its text node, with the new text.
const makePiece = (p, doc) => pieceNode(doc, p);
function reusePiece(was, p) {
  if (was.kind !== undefined || p.kind !== undefined) return false;
  was.node.data = p.text;
  return true;
}
// Lines: a block each; the one line an edit changed keeps its block, its pieces patched.
function makeLine(l, doc) {
  const d = doc.createElement('div');
  patch(d, null, l.pieces, makePiece, reusePiece);
  return d;
}
function reuseLine(was, l) {
  patch(was.node, was.pieces, l.pieces, makePiece, reusePiece);
  return true;
}

/**
 * The lines of a multi-line field's layer: its pieces cut at every line break, the
 * break itself dropped; an empty line holds a zero-width space so it keeps its height.
 * `text` is a key of the line's pieces (the text and kind of each, not the finding's
 * index: a finding added above leaves the lines below as they are), what keptPieces
 * compares.
 * @returns {{ text: string, pieces: object[] }[]}
 */
export function layerLines(pieces) {
  const lines = [[]];
  for (const p of pieces) {
    const parts = p.text.split('\n');
    for (let k = 0; k < parts.length; k++) {
      if (k > 0) lines.push([]);
      if (parts[k]) lines[lines.length - 1].push(p.kind === undefined ? { text: parts[k] } : { text: parts[k], kind: p.kind, i: p.i });
    }
  }
  return lines.map((ps) => {
    if (!ps.length) ps.push({ text: '\u200b' });
    let key = '';
    for (const p of ps) key += (p.kind === undefined ? '\u0001' : '\u0002' + p.kind + '\u0003') + p.text;
    return { text: key, pieces: ps };
  });
}

/**
 * Draws `findings` (the field's result's unless given) over `text` into the layer of
 * an input or textarea. Only the pieces that changed are replaced; the layer's other
 * nodes, and so their layout, stay. A multi-line field's layer holds one block per
 * line: an edit lays out and repaints the line it changed, not the whole text.
 */
export function paintLayer(ctx, f, text, findings = f.result.findings) {
  if (text.length > ctx.highlightLimit) {
    if (f.layer) { f.inner.replaceChildren(); f.pieces = null; f.painted = null; f.overLimit = true; hideLayer(f); }
    f.layerText = undefined;
    return;
  }
  if (!findings.length && !f.layer) return;
  ensureLayer(ctx, f);
  f.overLimit = false;
  // what the layer shows, which followEdit moves with the next edit
  f.layerText = text;
  f.layerFindings = findings;
  const old = f.pieces && f.inner.childNodes.length === f.pieces.length ? f.pieces : null;
  const end = f.single ? text.length : layerEnd(findings, text, f.layerStyle);
  // the same findings over the same text up to the last one: nothing to write
  if (old && !f.single && f.painted && f.painted.end === end && sameFindings(f.painted.findings, findings)
    && text.startsWith(f.painted.text)) return;
  const pieces = layerPieces(text, findings, end);
  const now = f.single ? pieces : layerLines(pieces);
  const changed = patch(f.inner, old, now, f.single ? makePiece : makeLine, f.single ? reusePiece : reuseLine);
  f.pieces = now;
  f.painted = f.single ? null : { end, findings, text: text.slice(0, end) };
  if (changed) layoutSoon(ctx, f, true); // the layer's scroll follows in the frame, before it is painted
}

/**
 * Draws the field's result, found for `text`, over the text the field holds now: when
 * the person typed on while it was scanned, its findings move through that edit, so
 * the layer never goes back to an older text than the one followEdit drew.
 */
export function paintResult(ctx, f, text) {
  const now = f.el.value;
  if (typeof now !== 'string' || now === text) paintLayer(ctx, f, text);
  else paintLayer(ctx, f, now, movedFindings(f.result.findings, textEdit(text, now)));
}

/**
 * The edit that made `now` of `old`: `[at, oldEnd, newEnd]`, the part between the two
 * texts' common start and common end (`old.slice(at, oldEnd)` became
 * `now.slice(at, newEnd)`).
 */
export function textEdit(old, now) {
  const n = Math.min(old.length, now.length);
  let at = 0;
  while (at < n && old.charCodeAt(at) === now.charCodeAt(at)) at++;
  let s = 0;
  while (s < n - at && old.charCodeAt(old.length - 1 - s) === now.charCodeAt(now.length - 1 - s)) s++;
  return [at, old.length - s, now.length - s];
}

/**
 * `findings` moved through the edit `[at, oldEnd, newEnd]` (textEdit): those before it
 * stay, those after it move by the change of length, one around it grows or shrinks
 * with it, and one it cuts into is left out.
 */
export function movedFindings(findings, [at, oldEnd, newEnd]) {
  const d = newEnd - oldEnd;
  const out = [];
  for (const x of findings) {
    if (x.end <= at) out.push(x);
    else if (x.start >= oldEnd) out.push(Object.assign({}, x, { start: x.start + d, end: x.end + d }));
    else if (x.start < at && x.end > oldEnd) out.push(Object.assign({}, x, { end: x.end + d }));
  }
  return out;
}

/**
 * The person just changed the field's text to `text`: its layer's marks move with the
 * edit at once (movedFindings), in the input's own task, so the layer changes in the
 * same frame as the field's text — no mark out of place while the rescan runs, and no
 * frame of its own. The rescan's answer then writes only what it found different.
 */
export function followEdit(ctx, f, text) {
  const was = f.layerText;
  if (!f.layer || was === undefined || was === text) return;
  // typing past the layer's end (after the last finding) moves no mark
  const p = f.painted;
  if (p && !f.single && text.startsWith(p.text) && layerEnd(f.layerFindings, text, f.layerStyle) === p.end) {
    f.layerText = text;
    return;
  }
  const edit = textEdit(was, text);
  const moved = movedFindings(f.layerFindings, edit);
  if (!editLine(ctx, f, text, moved, edit)) paintLayer(ctx, f, text, moved);
}

/**
 * followEdit's usual case, an edit within one line of a multi-line layer that keeps
 * every finding: only that line's pieces are made and patched, not the whole text's.
 * @returns {boolean} false where the whole layer is to be painted instead
 */
function editLine(ctx, f, text, moved, [at, oldEnd, newEnd]) {
  const was = f.layerText;
  const painted = f.painted;
  if (f.single || !painted || !f.pieces || f.overLimit || text.length > ctx.highlightLimit
    || f.inner.childNodes.length !== f.pieces.length || moved.length !== f.layerFindings.length) return false;
  const d = newEnd - oldEnd;
  // before the layer's end, which moves with the edit; no line break added or removed
  const end = painted.end + d;
  if (at >= painted.end || layerEnd(moved, text, f.layerStyle) !== end
    || was.lastIndexOf('\n', oldEnd - 1) >= at || text.lastIndexOf('\n', newEnd - 1) >= at) return false;
  const from = at && text.lastIndexOf('\n', at - 1) + 1;
  let to = text.indexOf('\n', newEnd);
  if (to < 0 || to > end) to = end;
  let line = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < from; k = text.indexOf('\n', k + 1)) line++;
  // the findings on the line, cut to it (one over a line break has a mark on each line)
  let first = -1;
  const own = [];
  moved.forEach((x, k) => {
    if (x.end <= from || x.start >= to) return;
    if (first < 0) first = k;
    own.push({ kind: x.kind, start: Math.max(x.start, from) - from, end: Math.min(x.end, to) - from });
  });
  const item = layerLines(layerPieces(text.slice(from, to), own))[0];
  for (const p of item.pieces) if (p.kind !== undefined) p.i += first;
  const old = f.pieces[line];
  if (item.text === old.text) keepNodes(item, old);
  else { reuseLine(old, item); item.node = old.node; }
  f.pieces[line] = item;
  f.layerText = text;
  f.layerFindings = moved;
  f.painted = { end, findings: moved, text: text.slice(0, end) };
  if (item.text !== old.text) layoutSoon(ctx, f, true);
  return true;
}

/** Marks out in the layer the marks of the field's finding `i` (none: -1). */
export function openMark(f, i) {
  if (!f.pieces) return;
  for (const item of f.pieces) {
    for (const p of item.pieces || [item]) if (p.kind !== undefined) p.node.classList.toggle('pii-veil-open', p.i === i);
  }
}

/** Puts the ranges of every field into the one `pii-veil` highlight (or removes it). */
export function updateCssHighlight(ctx) {
  const { win } = ctx;
  if (!ctx.canHighlight) return;
  const all = [];
  for (const f of ctx.fields.values()) for (const r of f.ranges) all.push(r);
  if (!all.length) {
    if (ctx.cssHighlight) { win.CSS.highlights.delete('pii-veil'); ctx.cssHighlight = null; }
    return;
  }
  if (!ctx.cssHighlight) {
    ctx.cssHighlight = new win.Highlight();
    win.CSS.highlights.set('pii-veil', ctx.cssHighlight);
  }
  ctx.cssHighlight.clear();
  for (const r of all) ctx.cssHighlight.add(r);
}

/** Marks the findings of a contenteditable host: ranges, then a highlight or boxes. */
export function paintEditable(ctx, f, map) {
  const { doc } = ctx;
  f.ranges = [];
  for (const x of f.result.findings) {
    const a = pointAt(map, x.start), b = pointAt(map, x.end);
    if (!a || !b) continue;
    const r = doc.createRange();
    try {
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
    } catch (_) { continue; }
    f.ranges.push(r);
  }
  if (ctx.canHighlight) { updateCssHighlight(ctx); return; }
  for (const b of f.boxes) b.remove();
  f.boxes = [];
  const host = f.el;
  const parent = host.parentElement;
  if (!parent) return;
  const hb = host.getBoundingClientRect();
  for (const r of f.ranges) {
    for (const q of r.getClientRects()) {
      if (q.bottom < hb.top || q.top > hb.bottom) continue;
      const box = el(doc, 'div', 'pii-veil-box');
      box.setAttribute('aria-hidden', 'true');
      host.insertAdjacentElement('afterend', box);
      box.style.left = '0px';
      box.style.top = '0px';
      const o = box.getBoundingClientRect();
      box.style.left = (q.left - o.left) + 'px';
      box.style.top = (q.top - o.top) + 'px';
      box.style.width = q.width + 'px';
      box.style.height = q.height + 'px';
      f.boxes.push(box);
    }
  }
}

/**
 * Where the badge goes, relative to where it is now: its centre on the field's top
 * right corner (top left for right-to-left text).
 * @returns {{ left: number, top: number }} CSS pixels for `left` and `top`
 */
export function badgeOffset(field, badge, rtl) {
  return {
    left: rtl ? field.left - badge.left - badge.width / 2 : field.right - badge.left - badge.width / 2,
    top: field.top - badge.top - badge.height / 2,
  };
}

// Finding and attaching the fields protect() looks after: which elements qualify
// (text-like inputs, textareas, contenteditable hosts under the selector, not opted
// out), the record kept per field (policy, fail-open, hints, last result, UI), the
// listeners that rescan it, and the observers that follow the page as it changes
// (fields added late, removed, resized).
import { OWN, listen, timed } from './util.js';
import { readText } from './text.js';
import { addNotice, announce, showFailed } from './notices.js';
import { layoutSoon, paintEditable, syncScroll, updateCssHighlight } from './overlay.js';
import { closePopup } from './badge.js';
import { schedule } from './engine.js';

/** Input types whose value is free text. */
export const TEXT_TYPES = ['', 'text', 'email', 'tel', 'search', 'url'];
/** Candidates inside a protected container. */
export const FIELD_SELECTOR = 'input, textarea, [contenteditable]';
/** What protect() looks for without `options.selector`. */
export const DEFAULT_SELECTOR = '[data-pii-veil]:not([data-pii-veil="off"])';
/** Send-time policies, from the mildest. */
export const POLICIES = ['mask', 'confirm', 'block'];

/**
 * Whether `e` is a field pii-veil protects: a text-like input, a textarea, or the
 * editing host of a contenteditable region; never pii-veil's own UI or anything under
 * `data-pii-veil="off"`. `HTMLElement_` is the element class of e's window.
 */
export function eligible(e, HTMLElement_) {
  if (!(e instanceof HTMLElement_)) return false;
  if (e.hasAttribute(OWN) || e.closest('[data-pii-veil="off"]')) return false;
  const tag = e.tagName;
  if (tag === 'INPUT') return TEXT_TYPES.includes((e.getAttribute('type') || '').toLowerCase());
  if (tag === 'TEXTAREA') return true;
  const ce = e.getAttribute('contenteditable');
  if (ce === null || ce === 'false') return false;
  // only the editing host, not nested editable children
  return !(e.parentElement && e.parentElement.isContentEditable);
}

/** The value of `name` on `e` or its nearest ancestor that has it, else null. */
export function attrFrom(e, name) {
  const c = e.closest('[' + name + ']');
  return c ? c.getAttribute(name) : null;
}

/** Attaches every eligible field in or under `node` that the selector covers. */
export function discover(ctx, node) {
  const { selector, root } = ctx;
  if (ctx.stopped || !node || node.nodeType !== 1) return;
  if (node.hasAttribute(OWN)) return;
  const hits = [];
  if (node.matches(selector)) hits.push(node);
  for (const h of node.querySelectorAll(selector)) hits.push(h);
  if (node !== root && node.closest && node.parentElement && node.parentElement.closest(selector)) hits.push(node);
  for (const h of hits) {
    if (eligible(h, ctx.HTMLElement)) attach(ctx, h);
    for (const c of h.querySelectorAll(FIELD_SELECTOR)) if (eligible(c, ctx.HTMLElement)) attach(ctx, c);
  }
}

/**
 * The record of a new field: its policy (`data-pii-veil-policy` on it or an ancestor,
 * else `defaultPolicy`), whether it fails open (`data-pii-veil-fail="open"` or the
 * `failOpen` selector), and empty scan and UI state.
 */
export function fieldRecord(e, defaultPolicy, failOpenSel) {
  const editable = e.tagName !== 'INPUT' && e.tagName !== 'TEXTAREA';
  const p = attrFrom(e, 'data-pii-veil-policy');
  return {
    el: e,
    editable,
    single: e.tagName === 'INPUT',
    form: editable ? null : e.form,
    policy: POLICIES.includes(p) ? p : defaultPolicy,
    failOpen: attrFrom(e, 'data-pii-veil-fail') === 'open' || (failOpenSel ? e.matches(failOpenSel) : false),
    hints: null,
    allowed: new Set(),
    result: { text: '', findings: [] },
    cacheKey: null,
    cacheAllow: '',
    counts: {},
    seq: 0,
    composing: false,
    timer: 0,
    layer: null,
    inner: null,
    badge: null,
    popup: null,
    ranges: [],
    boxes: [],
    announced: false,
    off: [],
  };
}

/** Field hints of `e` (api.fieldHints, plus `aria-labelledby` and contenteditable as textarea). */
export function hintsOf(api, doc, e) {
  const h = api.fieldHints(e);
  if (!h.label) {
    const by = e.getAttribute('aria-labelledby');
    const lab = by && doc.getElementById(by.split(/\s+/)[0]);
    if (lab) h.label = (lab.textContent || '').trim();
  }
  if (!h.type && e.isContentEditable) h.type = 'textarea';
  return h;
}

// Scripts that set `.value` (a chat clearing its box after sending) fire no input
// event: watch the setter of this one element so the highlights follow.
function watchValue(ctx, f) {
  const e = f.el;
  const proto = Object.getPrototypeOf(e);
  const d = Object.getOwnPropertyDescriptor(proto, 'value');
  if (d && d.set && !Object.prototype.hasOwnProperty.call(e, 'value')) {
    Object.defineProperty(e, 'value', {
      configurable: true,
      enumerable: d.enumerable,
      get() { return d.get.call(this); },
      set(v) { d.set.call(this, v); schedule(ctx, f); },
    });
    f.off.push(() => { delete e.value; });
  }
}

/** Starts protecting `e`: its record, listeners, notice, first scan. */
export function attach(ctx, e) {
  if (ctx.fields.has(e)) return;
  const f = fieldRecord(e, ctx.defaultPolicy, ctx.failOpenSel);
  f.hints = hintsOf(ctx.api, ctx.doc, e);
  ctx.fields.set(e, f);
  const on = (type, fn) => { e.addEventListener(type, fn); f.off.push(() => e.removeEventListener(type, fn)); };
  on('input', timed(ctx, (ev) => { if (!ev.isComposing && !f.composing) schedule(ctx, f); }, 'input'));
  on('compositionstart', () => { f.composing = true; });
  on('compositionend', () => { f.composing = false; schedule(ctx, f); });
  on('scroll', () => syncScroll(ctx, f));
  on('focus', () => announce(ctx, f));
  if (!f.editable) watchValue(ctx, f);
  if (ctx.showNotice) addNotice(ctx, f);
  if (ctx.engine === 'ready') schedule(ctx, f, true);
  else if (ctx.engine === 'failed' && !f.failOpen) showFailed(ctx, f.form || f.el);
  if (ctx.resizeObs) ctx.resizeObs.observe(e);
}

/** Stops protecting a field and removes its UI. */
export function detach(ctx, f) {
  ctx.win.clearTimeout(f.timer);
  for (const o of f.off) o();
  if (f.layer) f.layer.remove();
  if (f.badge) f.badge.remove();
  closePopup(f);
  for (const b of f.boxes) b.remove();
  f.ranges = [];
  ctx.fields.delete(f.el);
  if (ctx.resizeObs) ctx.resizeObs.unobserve(f.el);
  updateCssHighlight(ctx);
}

/**
 * Follows the page: resizes (layers and badges move), added and removed nodes and the
 * attributes that make a field (attach/detach), edits inside contenteditable hosts
 * (rescan); then attaches what is there now.
 */
export function observe(ctx) {
  const { win, root, fields } = ctx;
  if (typeof win.ResizeObserver === 'function') {
    ctx.resizeObs = new win.ResizeObserver(timed(ctx, (entries) => {
      for (const en of entries) { const f = fields.get(en.target); if (f) layoutSoon(ctx, f); }
    }, 'resize observer'));
    ctx.cleanups.push(() => ctx.resizeObs.disconnect());
  }
  listen(ctx, win, 'resize', timed(ctx, () => {
    for (const f of fields.values()) { layoutSoon(ctx, f); if (f.editable && f.boxes.length) paintEditable(ctx, f, readText(f).map); }
  }, 'resize'));
  const mo = new win.MutationObserver(timed(ctx, (records) => {
    let removed = false;
    for (const r of records) {
      const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (t && t.closest('[' + OWN + ']')) continue;
      if (r.type === 'attributes') { discover(ctx, r.target); continue; }
      for (const n of r.addedNodes) if (n.nodeType === 1 && !n.hasAttribute(OWN)) discover(ctx, n);
      if (r.removedNodes.length) removed = true;
      const host = r.target.nodeType === 1 ? r.target.closest('[contenteditable]') : null;
      if (host && fields.has(host)) schedule(ctx, fields.get(host));
    }
    if (removed) for (const f of [...fields.values()]) if (!f.el.isConnected) detach(ctx, f);
  }, 'mutations'));
  mo.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['type', 'contenteditable', 'data-pii-veil', 'name'] });
  ctx.cleanups.push(() => mo.disconnect());
  // characterData inside contenteditable fields
  discover(ctx, root.nodeType === 9 ? root.documentElement : root);
}

// Finding and attaching the fields protect() looks after: which elements qualify
// (text-like inputs, textareas, contenteditable hosts under the selector, not opted
// out), the record kept per field (policy, fail-open, hints, last result, UI), the
// listeners that rescan it, and the observers that follow the page as it changes
// (fields added late, removed, resized).
import { OWN, deadline, listen, timed } from './util.js';
import { readText } from './text.js';
import { addNotice, announce, showFailed } from './notices.js';
import { followEdit, layoutSoon, paintEditable, syncScroll, updateCssHighlight } from './overlay.js';
import { closePopup } from './badge.js';
import { rescanDue, schedule, settledNow, stopTimers } from './engine.js';
import { noteTyped, noteUnscanned, shadowRootOf } from './egress.js';
import { adoptStyles } from './styles.js';

/**
 * Input types whose value is free text, as the browser normalises `input.type` (an
 * unknown type such as `type="txt"` reads as `text`: it renders a text box), and
 * `number`, which holds card and account numbers as well.
 */
export const TEXT_TYPES = ['text', 'email', 'tel', 'search', 'url', 'number'];
/** Candidates inside a protected container. */
export const FIELD_SELECTOR = 'input, textarea, [contenteditable]';
/** Fields and containers marked for protection (always covered, whatever the root). */
export const DEFAULT_SELECTOR = '[data-pii-veil]:not([data-pii-veil="off"])';
/** Candidates of the default on a whole document: free-text places. */
export const FREE_TEXT_SELECTOR = 'input, textarea, [contenteditable], [role="textbox"]';
/** `autocomplete` tokens of a form's own contact fields (left to the form on a whole document). */
export const CONTACT_AUTOCOMPLETE = /^(?:email|tel(?:-.*)?|name|given-name|family-name|additional-name|honorific-prefix|honorific-suffix|nickname|username|street-address|address-line[123]|address-level[1-4]|postal-code|country|country-name|organization|organization-title|bday(?:-.*)?|sex|url|photo|impp)$/;
/** Containers that hold a chat: their inputs are free text. */
const CHAT_CONTAINER = '[role="log"], [aria-live], [class*="chat" i], [id*="chat" i], [data-chat], [role="dialog"]';

/**
 * Whether `e` is one of a form's own contact fields (type email or tel, or an
 * `autocomplete` naming a contact or address part) outside a chat.
 */
export function isContactField(e) {
  if (e.tagName !== 'INPUT') return false;
  const type = inputType(e);
  if (type === 'email' || type === 'tel') return !e.closest(CHAT_CONTAINER);
  const tokens = (e.getAttribute('autocomplete') || '').toLowerCase().split(/\s+/).filter((t) => !/^(section-|shipping$|billing$|home$|work$|mobile$|fax$|pager$)/.test(t));
  const last = tokens[tokens.length - 1] || '';
  return CONTACT_AUTOCOMPLETE.test(last) && !e.closest(CHAT_CONTAINER);
}
/** Send-time policies, from the mildest. */
export const POLICIES = ['mask', 'confirm', 'block'];

/** Every `type` a browser knows; any other renders as a text box (`type="txt"`). */
const INPUT_TYPES = ['hidden', 'text', 'search', 'tel', 'url', 'email', 'password', 'date', 'month', 'week', 'time',
  'datetime-local', 'number', 'range', 'color', 'checkbox', 'radio', 'file', 'submit', 'image', 'reset', 'button'];

/** The type an input renders as: `input.type` as the browser normalises it. */
export function inputType(e) {
  const t = String(e.type || e.getAttribute('type') || '').toLowerCase();
  return INPUT_TYPES.includes(t) ? t : 'text';
}

/**
 * Whether `e` is a field pii-veil protects: a text-like input, a textarea, or the
 * editing host of a contenteditable region; never pii-veil's own UI or anything under
 * `data-pii-veil="off"`. `HTMLElement_` is the element class of e's window.
 */
export function eligible(e, HTMLElement_) {
  if (!(e instanceof HTMLElement_)) return false;
  if (e.hasAttribute(OWN) || e.closest('[data-pii-veil="off"]')) return false;
  const tag = e.tagName;
  if (tag === 'INPUT') return TEXT_TYPES.includes(inputType(e));
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

/**
 * Whether the default (no `options.selector`) takes `e`: under an explicit root
 * element every text field; on a whole document the free-text places (textareas,
 * contenteditable, chat inputs, text inputs that are not a form's own contact fields).
 */
export function wantedByDefault(ctx, e) {
  if (ctx.root.nodeType === 1) return true;
  return !isContactField(e);
}

/** Attaches every eligible field in or under `node` that the selector covers. */
export function discover(ctx, node) {
  const { selector, root } = ctx;
  if (ctx.stopped || !node || node.nodeType !== 1) return;
  if (node.hasAttribute(OWN)) return;
  if (ctx.byDefault) {
    const cands = node.matches(FREE_TEXT_SELECTOR) ? [node] : [];
    for (const c of node.querySelectorAll(FREE_TEXT_SELECTOR)) cands.push(c);
    for (const c of cands) if (eligible(c, ctx.HTMLElement) && wantedByDefault(ctx, c)) attach(ctx, c);
  }
  const hits = [];
  if (node.matches(selector)) hits.push(node);
  for (const h of node.querySelectorAll(selector)) hits.push(h);
  if (node !== root && node.closest && node.parentElement && node.parentElement.closest(selector)) hits.push(node);
  for (const h of hits) {
    if (eligible(h, ctx.HTMLElement)) attach(ctx, h);
    for (const c of h.querySelectorAll(FIELD_SELECTOR)) if (eligible(c, ctx.HTMLElement)) attach(ctx, c);
  }
  findShadows(ctx, node);
}

// Shadow roots under `node`: open ones, and closed ones recorded as they were made
// (egress.js hooks attachShadow when the script tag loads).
function findShadows(ctx, node) {
  if (!ctx.mo) return;
  const check = (h) => { const sr = h.shadowRoot || shadowRootOf(h); if (sr) observeShadow(ctx, sr); };
  check(node);
  for (const h of node.querySelectorAll('*')) check(h);
}

/** Protects the fields of a shadow root as those of the page: observed, forms gated. */
export function observeShadow(ctx, sr) {
  if (ctx.stopped || !ctx.mo || ctx.shadows.has(sr)) return;
  ctx.shadows.add(sr);
  ctx.mo.observe(sr, OBSERVE);
  if (ctx.onShadow) ctx.onShadow(sr);
  for (const c of sr.children) discover(ctx, c);
}

const OBSERVE = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['type', 'contenteditable', 'data-pii-veil', 'name'] };

/** Numbers the fields: a field's id names its rescanner in the worker. */
let fieldIds = 0;

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
    id: ++fieldIds,
    hints: null,
    allowed: new Set(),
    result: { text: '', findings: [] },
    shown: { text: '', findings: [] },
    cacheKey: null,
    cacheAllow: '',
    settled: false,
    settle: null, // when the preview is made a full scan's result (engine.js)
    workerFailed: null, // a long text the worker could not scan for a submit (engine.js `settling`)
    counts: {},
    seq: 0,
    firstInWorker: false, // its scan at ready waits for the worker (engine.js)
    composing: false,
    soon: null, // when the field is rescanned after a change (engine.js)
    layer: null,
    inner: null,
    anchor: null,
    bar: false, // the anchor is an input bar: the badge on its edge (anchor.js)
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
      set(v) {
        // what the field held is learnt before a script clears it and sends it (noted
        // for the engine to learn while it is not ready)
        const old = d.get.call(this);
        if (old && old !== String(v)) {
          if (ctx.engine === 'ready') settledNow(ctx, f, old);
          else noteUnscanned(ctx, f, old);
        }
        d.set.call(this, v);
        schedule(ctx, f);
      },
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
  // the layer's marks move with the edit at once; the rescan follows (engine.js)
  // (while the engine is not ready, what is typed is noted: a framework may clear the
  // field without its setter before the message is posted, egress.js)
  const changed = () => { if (f.layer) followEdit(ctx, f, e.value); noteTyped(ctx, f); schedule(ctx, f); };
  on('input', timed(ctx, (ev) => { if (!ev.isComposing && !f.composing) changed(); }, 'input'));
  on('compositionstart', () => { f.composing = true; });
  on('compositionend', () => { f.composing = false; changed(); });
  on('scroll', () => syncScroll(ctx, f));
  on('focus', () => announce(ctx, f));
  if (!f.editable) { watchValue(ctx, f); f.seen = e.value; } // followValues compares with this
  adoptStyles(ctx, e.getRootNode()); // a shadow root: the UI beside the field is styled there too
  if (ctx.showNotice) addNotice(ctx, f);
  if (ctx.engine === 'ready') schedule(ctx, f, true);
  else if (ctx.engine === 'failed' && !f.failOpen) showFailed(ctx, f.form || f.el);
  if (ctx.resizeObs) ctx.resizeObs.observe(e);
}

/** Stops protecting a field and removes its UI. */
export function detach(ctx, f) {
  stopTimers(f);
  for (const o of f.off) o();
  if (f.layer) f.layer.remove();
  if (f.badge) f.badge.getRootNode().host.remove();
  closePopup(f);
  for (const b of f.boxes) b.remove();
  f.ranges = [];
  if (f.rescanner) { f.rescanner.free(); f.rescanner = null; }
  if (ctx.worker) ctx.worker.forget(f.id);
  ctx.fields.delete(f.el);
  if (ctx.resizeObs) ctx.resizeObs.unobserve(f.el);
  updateCssHighlight(ctx);
}

// Frameworks set `.value` through a property of their own on the element (React
// defines one per input, captured from the prototype, so the setter hook above never
// runs): compare each input's value on change and focus, shortly after anything the
// person does (a framework re-renders in answer to an event: a click that clears a
// field, a form reset; keys and input once the typing pauses, so that typing into any
// field does not pay a task per keystroke), and every half second for changes that
// come later (a reply that fills a field). No animation frame is asked for: an idle
// page is not woken 60 times a second, and typing does not pay for a frame loop.
// Sending never depends on this (the routes read every field when something leaves,
// egress.js).
const FOLLOW_AFTER_MS = { click: 50, reset: 50, input: 200, keydown: 200 };
const FOLLOW_POLL_MS = 500;
function followValues(ctx) {
  const { win } = ctx;
  const check = () => {
    for (const f of ctx.fields.values()) {
      if (f.editable || rescanDue(f) || !f.el.isConnected) continue; // a rescan to come reads the value anyway
      const v = f.el.value;
      if (f.seen !== v) { if (f.seen !== undefined && !f.composing) schedule(ctx, f); f.seen = v; }
    }
  };
  // each event (re)starts the wait: the check runs once things pause
  const later = deadline(win, () => { if (!ctx.stopped) check(); });
  const soon = (e) => later.after(FOLLOW_AFTER_MS[e.type]);
  const poll = win.setInterval(() => { if (!ctx.stopped) check(); }, FOLLOW_POLL_MS);
  ctx.cleanups.push(() => { later.cancel(); win.clearInterval(poll); });
  for (const type of Object.keys(FOLLOW_AFTER_MS)) listen(ctx, ctx.doc, type, soon, true);
  listen(ctx, ctx.doc, 'change', check, true);
  listen(ctx, ctx.doc, 'focusin', check, true);
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
  // a field whose place changed: its layer and badge (and a contenteditable's boxes) follow
  const follow = (f) => { layoutSoon(ctx, f); if (f.editable && f.boxes.length) paintEditable(ctx, f, readText(f).map); };
  listen(ctx, win, 'resize', timed(ctx, () => { for (const f of fields.values()) follow(f); }, 'resize'));
  // An element that scrolls moves the fields inside it, but not their layers and badges
  // where it is no containing block of theirs: they follow (the page's own scroll moves
  // them all alike; a field's own scroll is synced by its listener).
  listen(ctx, ctx.doc, 'scroll', timed(ctx, (ev) => {
    const t = ev.target;
    if (t.nodeType !== 1) return;
    for (const f of fields.values()) if (t !== f.el && t.contains(f.el)) follow(f);
  }, 'scroll'), true);
  const mo = new win.MutationObserver(timed(ctx, (records) => {
    let removed = false, moved = false;
    for (const r of records) {
      const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (t && t.closest('[' + OWN + ']')) continue;
      if (r.type === 'attributes') { discover(ctx, r.target); continue; }
      for (const n of r.addedNodes) if (n.nodeType === 1 && !n.hasAttribute(OWN)) { discover(ctx, n); moved = true; }
      if (r.removedNodes.length) removed = moved = true;
      const host = r.target.nodeType === 1 ? r.target.closest('[contenteditable]') : null;
      if (host && fields.has(host)) schedule(ctx, fields.get(host));
    }
    if (removed) for (const f of [...fields.values()]) if (!f.el.isConnected) detach(ctx, f);
    // content added above a field moves it without resizing it: its layer and badge follow
    if (moved) for (const f of fields.values()) if (f.badge || f.layer) layoutSoon(ctx, f);
  }, 'mutations'));
  followValues(ctx);
  ctx.mo = mo;
  ctx.shadows = new win.WeakSet();
  mo.observe(root, OBSERVE);
  ctx.cleanups.push(() => mo.disconnect());
  // characterData inside contenteditable fields
  discover(ctx, root.nodeType === 9 ? root.documentElement : root);
}

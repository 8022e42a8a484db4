// Where a field's notice and badge go. A field that is the whole input (a textarea in a
// form) has them right after it. A field that is one part of a composite input — the
// contenteditable editor of a chat input bar, wrapped in containers and flanked by
// icon buttons (attach, emoji, send) — has them after the whole bar: inside it the
// notice would sit in the bar's row and the badge would be clipped by the wrappers.
//
// The anchor is, in this order: the nearest ancestor (or the field) marked
// `data-pii-veil-anchor`; the nearest one matching the `widgetAnchor` option; else
// found from the markup: climb through wrappers that hold nothing but the field (and
// decoration such as scrollbar rails), then include the one container whose other
// children are text-free controls (icon buttons), and stop there. A container with text (a label, a
// button saying "Send"), another field, or a form, a log or a section stops the climb.
import { OWN } from './util.js';

/** Containers never taken as a field's own input (they hold more than one input). */
const NOT_INPUT = 'form, fieldset, body, main, section, article, aside, dialog, [role="log"], [role="dialog"], [role="form"], ul, ol, li, table';
const FIELDS = 'input:not([type="hidden"]), textarea, select, [contenteditable]:not([contenteditable="false"]), [role="textbox"]';
/** What makes a container the input bar rather than a wrapper: controls beside the field. */
const CONTROLS = 'button, [role="button"], a[href], summary';

// The element protect() was given, which pii-veil's own blocks never leave; null for a document.
const rootElement = (ctx) => (ctx.root.nodeType === 1 ? ctx.root : null);

// Whether `e` (a sibling of the field's branch) is chrome only: no text, no field.
function chromeOnly(e) {
  if (e.nodeType === 3) return !e.data.trim();
  if (e.nodeType !== 1) return true;
  if (e.hasAttribute(OWN)) return true;
  if ((e.textContent || '').trim()) return false;
  if (e.matches(FIELDS) || e.querySelector(FIELDS)) return false;
  return true;
}

// The composite input found from the markup around `field`, or `field`.
function fromMarkup(field, stopAt) {
  let cur = field;
  for (let depth = 0; depth < 6; depth++) {
    const p = cur.parentElement;
    if (!p || p === stopAt || p.matches(NOT_INPUT)) break;
    const others = [...p.childNodes].filter((c) => c !== cur);
    if (!others.every(chromeOnly)) break;
    // decoration only (scrollbar rails, empty boxes): still a wrapper
    const wrapper = others.every((c) => c.nodeType !== 1 || c.hasAttribute(OWN) || !(c.matches(CONTROLS) || c.querySelector(CONTROLS)));
    cur = p;
    if (!wrapper) break; // the bar with its controls: the input ends here
  }
  return cur;
}

/**
 * The element after which `f`'s notice and badge go (see above); cached on the field
 * record while it still holds the field.
 */
export function anchorOf(ctx, f) {
  if (f.anchor && f.anchor.isConnected && f.anchor.contains(f.el)) return f.anchor;
  const e = f.el;
  const marked = e.closest('[data-pii-veil-anchor]');
  const chosen = ctx.anchorSel ? e.closest(ctx.anchorSel) : null;
  const stopAt = rootElement(ctx);
  let a = marked || chosen;
  if (a && stopAt && !stopAt.contains(a)) a = null;
  f.anchor = a || fromMarkup(e, stopAt);
  // an input bar (named, or with its controls beside the field) takes the badge on its
  // edge; wrappers that hold nothing but the field leave it on the field's corner
  f.bar = !!a || (f.anchor !== e && f.anchor.querySelector(CONTROLS) !== null);
  return f.anchor;
}

/**
 * The box the badge sits on: the field's own box, or, for an input bar (`f.bar`), the
 * anchor's box narrowed by half a badge on each side, so the badge straddles the
 * bar's top edge inside its width (never cut off at the edge of a chat panel).
 * @param {{ el: Element, anchor?: Element | null, bar?: boolean }} f
 * @param {{ width: number }} badge the badge's box
 */
export function badgeBox(f, badge) {
  if (!f.anchor || f.anchor === f.el || !f.bar) return f.el.getBoundingClientRect();
  const a = f.anchor.getBoundingClientRect();
  const inset = badge.width / 2 + 2;
  return { left: a.left + inset, right: a.right - inset, top: a.top, bottom: a.bottom };
}

// Whether `e` lays its children out side by side: a flex row, or a grid of more than one
// column. A notice put among them would become a column of its own and narrow the field.
function row(win, e) {
  const cs = win.getComputedStyle(e);
  if (cs.display.includes('flex')) return !cs.flexDirection.startsWith('column');
  return cs.display.includes('grid') && cs.gridTemplateColumns.trim().split(/\s+/).length > 1;
}

/**
 * Where a notice or an alert goes after `host` (a field, its anchor, a form): `inside`,
 * appended to a form that stacks its children; else after `after`, the host or, while
 * its parent lays its children out side by side (a chat's compose bar, an editor's
 * scroller beside its gutter), the nearest ancestor whose parent stacks them.
 * @returns {{ inside?: Element, after?: Element }}
 */
export function placeAfter(ctx, host) {
  const { win } = ctx;
  const stopAt = rootElement(ctx);
  if (typeof win.getComputedStyle !== 'function') return host.tagName === 'FORM' ? { inside: host } : { after: host };
  if (host.tagName === 'FORM' && !row(win, host)) return { inside: host };
  let cur = host;
  for (let depth = 0; depth < 4; depth++) {
    const p = cur.parentElement;
    if (!p || p === stopAt || p.tagName === 'BODY' || !row(win, p)) break;
    cur = p;
  }
  return { after: cur };
}


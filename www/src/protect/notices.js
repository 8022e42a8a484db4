// What protect() says to the person, outside the field itself: the screen-reader
// summary of the field being edited (an ARIA live region), the small notice near a
// protected form, and alerts and confirm dialogs at send time.
import { el, total } from './util.js';
import { summary } from './messages.js';
import { anchorOf, placeAfter } from './anchor.js';

/** Adds the ARIA live region (removed by stop()). */
export function initLive(ctx) {
  const { doc } = ctx;
  const live = el(doc, 'div', 'pii-veil-sr');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');
  (doc.body || doc.documentElement).appendChild(live);
  ctx.cleanups.push(() => live.remove());
  ctx.live = live;
  ctx.liveTimer = 0;
}

/** Announces the field's summary after a short pause ("No personal data" once it is clean again). */
export function announce(ctx, f) {
  const { win, msg, live } = ctx;
  win.clearTimeout(ctx.liveTimer);
  ctx.liveTimer = win.setTimeout(() => {
    const n = total(f.counts);
    live.textContent = n ? summary(msg, f.counts, n) : (f.announced ? msg.summaryNone : '');
    f.announced = n > 0;
  }, 400);
}

/**
 * The notice under a protected form, or after a field outside a form — after the
 * whole composite input the field is part of (anchor.js) — once per host.
 */
export function addNotice(ctx, f) {
  const anchor = f.form ? null : anchorOf(ctx, f);
  const host = f.form || anchor;
  if (ctx.noticed.has(host)) return;
  ctx.noticed.add(host);
  const n = el(ctx.doc, 'p', 'pii-veil-notice', ctx.msg.notice);
  put(ctx, f.form || (anchor === f.el ? f.layer || f.el : anchor), n);
  ctx.cleanups.push(() => n.remove());
}

// Puts pii-veil's own block `n` under `host`: appended to a form, after anything else,
// and out of a row of side-by-side children (see placeAfter).
function put(ctx, host, n) {
  const { inside, after } = placeAfter(ctx, host);
  if (inside) inside.appendChild(n);
  else after.insertAdjacentElement('afterend', n);
}

/** Starts the table of alerts per form or field (all removed by stop()). */
export function initAlerts(ctx) {
  ctx.alerts = new Map();
  ctx.cleanups.push(() => { for (const a of ctx.alerts.values()) a.remove(); ctx.alerts.clear(); });
}

/** Shows (or reuses) the alert of `host`: `kind` 'alert' (red) or 'dialog' (a question). */
export function showAlert(ctx, host, kind, text) {
  let a = ctx.alerts.get(host);
  if (!a || !a.isConnected) {
    a = el(ctx.doc, 'div', kind === 'dialog' ? 'pii-veil-dialog' : 'pii-veil-alert');
    a.setAttribute('role', kind === 'dialog' ? 'alertdialog' : 'alert');
    put(ctx, host, a);
    ctx.alerts.set(host, a);
  }
  a.className = kind === 'dialog' ? 'pii-veil-dialog' : 'pii-veil-alert';
  a.setAttribute('role', kind === 'dialog' ? 'alertdialog' : 'alert');
  a.replaceChildren(el(ctx.doc, 'span', '', text));
  return a;
}

/** Removes the alert of `host`, if any. */
export function clearAlert(ctx, host) {
  const a = ctx.alerts.get(host);
  if (a) { a.remove(); ctx.alerts.delete(host); }
}

/** Tells the person that the engine could not load and sending is paused. */
export function showFailed(ctx, host) {
  if (host) showAlert(ctx, host, 'alert', ctx.msg.failed);
}

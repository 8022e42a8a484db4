// The badge at a field's corner with the number of findings, and the list it opens:
// every finding with a "Not personal" button that allows that value for this field.
// Keyboard: the list is a dialog, Escape closes it and gives the focus back.
// Both live in a shadow root of their own, beside the field: the page's queries
// (`form.querySelector('button')`), its form's `elements` and its stylesheets
// (`button { … }`) never reach them.
import { el } from './util.js';
import { adoptStyles } from './styles.js';
import { fmt, kindName } from './messages.js';
import { layoutSoon, openMark } from './overlay.js';
import { anchorOf } from './anchor.js';

/** Shows, updates or hides the badge of a field after a scan. */
export function updateBadge(ctx, f) {
  const { doc, msg } = ctx;
  const n = f.result.findings.length;
  if (!ctx.highlight) return;
  if (!n) {
    if (f.badge) f.badge.hidden = true;
    if (f.popup) closePopup(f);
    return;
  }
  if (!f.badge) {
    const b = el(doc, 'button', 'pii-veil-badge');
    b.type = 'button';
    b.setAttribute('aria-haspopup', 'dialog');
    b.setAttribute('aria-expanded', 'false');
    b.addEventListener('click', () => (f.popup ? closePopup(f, true) : openPopup(ctx, f)));
    b.addEventListener('keydown', (ev) => { if (ev.key === 'Escape' && f.popup) { ev.preventDefault(); closePopup(f, true); } });
    b.addEventListener('mousedown', (ev) => ev.preventDefault()); // keep the field's focus and caret
    // placed from 0,0: the overlay moves it from where it is (f.badgeAt) to the corner
    b.style.left = '0px';
    b.style.top = '0px';
    f.badgeAt = { left: 0, top: 0 };
    const host = el(doc, 'span', 'pii-veil-host');
    host.style.setProperty('display', 'contents', 'important'); // over a page's span { display: block !important }
    const root = host.attachShadow({ mode: 'open' });
    adoptStyles(ctx, root);
    root.appendChild(b);
    const anchor = anchorOf(ctx, f);
    (anchor === f.el ? f.layer || f.el : anchor).insertAdjacentElement('afterend', host);
    f.badge = b;
  }
  // A rescan that found as many as before touches nothing, and asks for no frame: typing
  // on does not measure the badge (the field's size, the window's, scrolls and nodes
  // added to the page or taken out of it place it again: fields.js).
  if (f.badge.hidden || f.badge.textContent !== String(n)) {
    f.badge.hidden = false;
    f.badge.textContent = String(n);
    f.badge.setAttribute('aria-label', fmt(msg.badge, { n, items: n === 1 ? msg.item : msg.items }));
    layoutSoon(ctx, f);
  }
  if (f.popup) fillPopup(ctx, f);
}

function openPopup(ctx, f) {
  const p = el(ctx.doc, 'div', 'pii-veil-popup');
  p.setAttribute('role', 'dialog');
  p.setAttribute('aria-label', ctx.msg.listTitle);
  p.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { ev.preventDefault(); closePopup(f, true); } });
  // the focus leaves the list and its badge (Tab past its last button): it closes
  p.addEventListener('focusout', (ev) => { if (!p.contains(ev.relatedTarget) && ev.relatedTarget !== f.badge) closePopup(f); });
  f.badge.insertAdjacentElement('afterend', p);
  f.badge.setAttribute('aria-expanded', 'true');
  f.popup = p;
  fillPopup(ctx, f);
  const r = f.badge.getBoundingClientRect();
  p.style.left = '0px';
  p.style.top = '0px';
  const o = p.getBoundingClientRect();
  p.style.left = Math.max(0, r.right - o.left - o.width) + 'px';
  p.style.top = (r.bottom - o.top + 4) + 'px';
  const first = p.querySelector('button');
  if (first) first.focus();
}

/** (Re)fills the open list with the field's findings. */
export function fillPopup(ctx, f) {
  const { doc, msg } = ctx;
  const p = f.popup;
  const title = el(doc, 'strong', '', msg.listTitle);
  const ul = el(doc, 'ul');
  f.result.findings.forEach((x, i) => {
    const li = el(doc, 'li');
    const what = el(doc, 'span');
    what.appendChild(el(doc, 'span', '', kindName(msg, x.kind) + ': '));
    what.appendChild(el(doc, 'span', 'pii-veil-val', x.text));
    const btn = el(doc, 'button', '', msg.notPersonal);
    btn.type = 'button';
    btn.dataset.i = String(i);
    btn.setAttribute('aria-label', msg.notPersonal + ': ' + kindName(msg, x.kind));
    btn.addEventListener('click', () => ctx.allow(f, x)); // engine.js allow(), wired by index.js
    btn.addEventListener('focus', () => openMark(f, i));
    li.appendChild(what);
    li.appendChild(btn);
    ul.appendChild(li);
  });
  p.replaceChildren(title, ul);
}

/** Closes the list; `refocus` gives the focus back to the field. */
export function closePopup(f, refocus) {
  const p = f.popup;
  if (!p) return;
  f.popup = null; // first: taking out its focused button fires its focusout, which closes too
  p.remove();
  openMark(f, -1);
  if (f.badge) {
    f.badge.setAttribute('aria-expanded', 'false');
    if (refocus) f.el.focus();
  }
}

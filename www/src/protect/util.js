// Small helpers every part of protect() shares: errors with a code, counts per kind,
// elements of pii-veil's own UI, events, timing of pii-veil's own tasks, listeners
// that stop() removes. Nothing here keeps state of its own: what a helper acts on
// (the document, the window, the protect instance `ctx`) is passed in.

/** Attribute on every element pii-veil adds to the page (never scanned, never a field). */
export const OWN = 'data-pii-veil-ui';

/** An `Error` with a machine-readable `code`. */
export function fail(code, message) {
  const e = new Error(message);
  e.code = code;
  return e;
}

/** The error a request held back fails with: the privacy filter is not available. */
export function heldBack() {
  const e = new TypeError('pii-veil: request held back, the privacy filter is not available');
  e.code = 'engine_unavailable';
  return e;
}

/** Dispatches `pii-veil:blocked` (route `via`) on `target` and returns the error a held-back request fails with. */
export function heldOn(win, target, via) {
  emit(win, target, 'pii-veil:blocked', { via, reason: 'engine_unavailable', counts: {}, total: 0 });
  return heldBack();
}

/** Adds the findings' kinds to `into` (a new object if absent): `{ email: 2, iban: 1 }`. */
export function countKinds(findings, into) {
  const c = into || {};
  for (const f of findings) c[f.kind] = (c[f.kind] || 0) + 1;
  return c;
}

/** The sum of the counts. */
export function total(counts) {
  let n = 0;
  for (const k in counts) n += counts[k];
  return n;
}

/** Whether two count objects have the same kinds with the same numbers. */
export function sameCounts(a, b) {
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}

/** Whether two lists of findings have the same spans and kinds, in order (not the same counts only). */
export function sameFindings(a, b) {
  return a.length === b.length && a.every((x, i) => x.start === b[i].start && x.end === b[i].end && x.kind === b[i].kind);
}

/** An element of pii-veil's own UI; user text only ever goes in as `textContent`. */
export function el(doc, tag, cls, text) {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  e.setAttribute(OWN, '');
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Dispatches a bubbling, composed `CustomEvent`; a listener that throws is not ours. */
export function emit(win, target, type, detail) {
  try {
    target.dispatchEvent(new win.CustomEvent(type, { bubbles: true, composed: true, detail }));
  } catch (_) { /* a listener threw: not ours */ }
}

/** `fn` wrapped so the longest run of pii-veil's own code lands in `ctx.stats`. */
export function timed(ctx, fn, label) {
  const { win, stats } = ctx;
  return function () {
    const t0 = win.performance.now();
    try {
      return fn.apply(this, arguments);
    } finally {
      const dt = win.performance.now() - t0;
      if (dt > stats.maxTaskMs) { stats.maxTaskMs = dt; stats.maxTask = label || ''; }
    }
  };
}

/**
 * A timer whose deadline every key moves on (`after(ms)`: run `fn` that long from now,
 * not when asked before). Moving it later only notes the new deadline: the timer armed
 * before, when it fires, arms itself again for the rest. So a key costs no setTimeout
 * and clearTimeout of its own; only a deadline earlier than the armed one arms anew.
 * @returns {{ after(ms: number): void, cancel(): void, pending(): boolean }}
 */
export function deadline(win, fn) {
  let timer = 0;
  let due = 0; // when fn is to run (performance.now())
  let fires = 0; // when the armed timer fires
  const run = () => {
    timer = 0;
    const left = due - win.performance.now();
    if (left >= 1) { fires = due; timer = win.setTimeout(run, left); return; }
    fn();
  };
  return {
    after(ms) {
      due = win.performance.now() + ms;
      if (timer && fires <= due) return;
      if (timer) win.clearTimeout(timer);
      fires = due;
      timer = win.setTimeout(run, ms);
    },
    cancel() {
      if (timer) win.clearTimeout(timer);
      timer = 0;
    },
    pending: () => timer !== 0,
  };
}

/** addEventListener, undone by stop(). */
export function listen(ctx, target, type, fn, capture) {
  target.addEventListener(type, fn, capture);
  ctx.cleanups.push(() => target.removeEventListener(type, fn, capture));
}

/**
 * Whether a rescanner that read `lastRead` bytes of `text` read all of it, so its result
 * is a full scan's: normalising never lengthens a text, and UTF-8 is never shorter than
 * UTF-16, so most rescans are told apart without counting.
 */
export function readAll(lastRead, text) {
  return lastRead >= text.length && lastRead >= utf8Length(text);
}

function utf8Length(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 1 : 2; // a surrogate pair: 2 + 2
  }
  return n;
}

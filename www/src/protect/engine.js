// The engine behind protect(): loading it (fail closed: `ctx.engine` is 'loading',
// 'ready' or 'failed'), one compiled scanner per set of values the person allowed,
// and the scan of a field after it changed — debounced; with the field's rescanner in
// the worker once it is ready (a long text waits for it), else on the main thread —
// whose result is shown by the overlay and the badge.
import { countKinds, deadline, emit, fail, readAll, sameCounts, sameFindings, timed, total } from './util.js';
import { fmt, kindName } from './messages.js';
import { readText } from './text.js';
import { announce, showFailed } from './notices.js';
import { paintEditable, paintResult } from './overlay.js';
import { closePopup, updateBadge } from './badge.js';
import { forget, remember, takeUnscanned } from './egress.js';
import { mark } from '../marks.js';
import { redacted } from '../api.js';
import { warm } from './warm.js';

/** The scanner configuration with the field's allowed values added to `allow`. */
export function configFor(config, allowed) {
  if (!allowed || !allowed.size) return config;
  return Object.assign({}, config, { allow: (config.allow || []).concat([...allowed]) });
}

/** The compiled scanner of a field: the shared one, or one per set of allowed values. */
export function scannerFor(ctx, f) {
  if (!f || !f.allowed.size) return ctx.baseScanner;
  const key = JSON.stringify([...f.allowed].sort());
  let s = ctx.scanners.get(key);
  if (!s) {
    s = ctx.api.createScanner(configFor(ctx.config, f.allowed));
    ctx.scanners.set(key, s);
  }
  return s;
}

/**
 * Loads the engine; once ready every field is scanned and the worker started while
 * the page is idle; if it fails, fields that do not fail open say so.
 * @returns {Promise<void>} settles when the engine is ready or has failed
 */
export function startEngine(ctx) {
  const { api, win, doc, root, opt, platform } = ctx;
  const target = root.nodeType === 9 ? doc : root;
  return (async () => {
    if (typeof win.WebAssembly !== 'object') throw fail('load_failed', 'pii-veil: this browser has no WebAssembly');
    await api.init(opt.engine);
    ctx.baseScanner = api.createScanner(ctx.config);
    mark('scanner-built');
  })().then(() => {
    if (ctx.stopped) return;
    ctx.engine = 'ready';
    learnUnscanned(ctx);
    // The scanning worker starts now, given the page's compiled module: it builds its
    // scanner and warms it up (warm.js), which compiles the scanning code the page's
    // own scanner shares (a module's compiled functions are the same for every
    // instance), off the main thread; the scan of what each field holds now waits for
    // it (what is typed before the worker is ready is scanned on the page, as before).
    // Without a worker, the page warms its own scanner while it is idle, so the first
    // keystroke or paste does not pay for it.
    const inWorker = !!(platform.createWorker && opt.worker !== false && ctx.worker.start(ctx.config));
    for (const f of ctx.fields.values()) {
      f.firstInWorker = inWorker;
      schedule(ctx, f, true);
    }
    if (!inWorker) {
      const idle = win.requestIdleCallback ? (fn) => win.requestIdleCallback(fn, { timeout: 1000 }) : (fn) => win.setTimeout(fn, 0);
      idle(() => { if (!ctx.stopped) warm(ctx.baseScanner, ctx.redactOptions); });
    }
    // told once the fields are attached too (protect() in <head>: after the page is parsed)
    ctx.attached.then(() => { if (!ctx.stopped) emit(win, target, 'pii-veil:ready', {}); });
  }, (e) => {
    ctx.engine = 'failed';
    if (ctx.stopped) return;
    for (const f of ctx.fields.values()) if (!f.failOpen) showFailed(ctx, f.form || f.el);
    ctx.attached.then(() => { if (!ctx.stopped) emit(win, target, 'pii-veil:error', { code: e && e.code ? e.code : 'load_failed' }); });
  });
}

// What fields held while the engine loaded that no scan has seen (egress.js), also
// fields the page removed since: learnt now, before the sends that waited for the
// engine go (they wait on the promise this runs in), so the values they carry are
// known and masked. What a field holds now is scanned next (schedule).
function learnUnscanned(ctx) {
  for (const { f, text } of takeUnscanned(ctx)) {
    if (f.el.isConnected && text === readText(f).text) continue;
    try {
      settledNow(ctx, f, text);
    } catch (_) { /* a text the engine refuses (over maxTextBytes) is not learnt */ }
  }
}

function allowKey(f) {
  return f.allowed.size ? [...f.allowed].join('\u0000') : '';
}
function cached(f, text) {
  return f.cacheKey !== null && f.cacheAllow === allowKey(f) && f.cacheKey === text;
}

/**
 * The field's rescanner over its scanner: it keeps the field's last text and reads
 * again only the region an edit touched. Its findings are those of a full scan as long
 * as what decides a value lies near it (a cue a few hundred bytes away, a run of digits
 * that does not run on for a line); they are the preview while the person types. What
 * leaves the page is always a full scan's result (`settledNow`).
 */
function rescannerFor(ctx, f) {
  const s = scannerFor(ctx, f);
  if (f.rescanner && f.rescannerOf === s) return f.rescanner;
  if (f.rescanner) f.rescanner.free();
  f.rescanner = s.rescanner();
  f.rescannerOf = s;
  return f.rescanner;
}

/** Keeps `r` as the field's result for `text`; `settled`: a full scan's (or the worker's). */
function keep(ctx, f, text, r, settled) {
  f.cacheKey = text;
  f.cacheAllow = allowKey(f);
  f.result = r;
  f.settled = settled;
  if (ctx.known) remember(ctx, f);
}

/** The field's redact result for `text` while typing: the rescanner's, unless cached. */
export function redactNow(ctx, f, text) {
  if (cached(f, text)) return f.result;
  ctx.stats.mainScans++;
  const rs = rescannerFor(ctx, f);
  const r = rs.redact(text, optionsFor(ctx, f));
  // a rescan that read the whole text was a full scan
  keep(ctx, f, text, r, readAll(rs.lastRead, text));
  return r;
}

function optionsFor(ctx, f) {
  return Object.assign({}, ctx.redactOptions, { field: f.hints });
}

/**
 * The field's redact result for `text` as a full scan finds it: what a form submit,
 * the form's entry list and the known values of every request are made of.
 */
export function settledNow(ctx, f, text) {
  if (cached(f, text) && f.settled) return f.result;
  ctx.stats.mainScans++;
  const r = scannerFor(ctx, f).redact(text, optionsFor(ctx, f));
  keep(ctx, f, text, r, true);
  return r;
}

/**
 * After a pause in typing, the preview becomes the full scan's result (shown again
 * only if it differs), so what the field shows is what would be sent. The full scan
 * runs in the worker once it is ready (a long text waits for it), else on the main
 * thread.
 */
function settleLater(ctx, f) {
  if (!f.settle) f.settle = deadline(ctx.win, timed(ctx, () => settle(ctx, f), 'settle'));
  f.settle.after(SETTLE_AFTER_MS);
}

function settle(ctx, f) {
  // (a rescan still to come settles later itself)
  if (ctx.stopped || ctx.engine !== 'ready' || !f.el.isConnected || rescanDue(f)) return;
  const { text, map } = readText(f);
  if (!cached(f, text)) return; // changed meanwhile: its rescan settles it later
  const seq = f.seq;
  const settled = () => {
    if (!sameFindings(f.shown.findings, f.result.findings)) show(ctx, f, text, f.editable ? readText(f).map : map);
  };
  const onMain = () => { settledNow(ctx, f, text); settled(); }; // (a send may have settled it already)
  const inWorker = ctx.worker.isReady() || long(ctx, text);
  const p = f.settled || !inWorker ? null : ctx.worker.redact(text, configFor(ctx.config, f.allowed), optionsFor(ctx, f));
  if (!p) { onMain(); return; }
  const current = () => stillCurrent(ctx, f, seq) && cached(f, text);
  p.then(timed(ctx, (d) => {
    if (!current()) return;
    if (!f.settled) fromWorker(ctx, f, text, d.raw, true);
    settled();
  }, 'settle'), () => { if (current()) onMain(); });
}

/** How long (ms) typing pauses before the preview is made a full scan's result. */
const SETTLE_AFTER_MS = 800;

/**
 * Rescans the field soon: 30 ms after the last change (`now`: in the next task). Each
 * key moves the time on without a timer call of its own (`deadline`).
 */
export function schedule(ctx, f, now) {
  if (ctx.stopped || ctx.engine !== 'ready') return;
  if (!f.soon) f.soon = deadline(ctx.win, timed(ctx, () => rescan(ctx, f), 'rescan'));
  f.soon.after(now ? 0 : 30);
}

/** Whether a rescan of the field is to come (it reads the field's text then). */
export function rescanDue(f) {
  return !!f.soon && f.soon.pending();
}

/** Stops the field's timers (it is no longer protected). */
export function stopTimers(f) {
  if (f.soon) f.soon.cancel();
  if (f.settle) f.settle.cancel();
}

/**
 * Whether `text` is long (over `workerThreshold`): scanned in the worker only, which
 * is started for it if need be, never on the page while a person types.
 */
function long(ctx, text) {
  return text.length > ctx.workerThreshold;
}

/**
 * Reads and scans the field, then shows the result: with the field's rescanner in the
 * worker once it is ready (a long text waits for it, and what the field held when the
 * engine got ready), on the main thread before that or if the worker fails. The
 * rescanner reads again only around the edit, and reads everything when most of the
 * text is new (a paste); typing in a long text costs the worker a rescan per pause,
 * not a full scan. `now`: a text that is not long is scanned and shown before this
 * returns (what the person just did in pii-veil's own UI shows at once).
 */
export function rescan(ctx, f, now) {
  const { win, stats } = ctx;
  if (ctx.stopped || ctx.engine !== 'ready' || !f.el.isConnected) return;
  const t0 = win.performance.now();
  const { text, map } = readText(f);
  if (!f.editable) f.seen = text; // followValues (fields.js) has nothing to add
  const readMs = win.performance.now() - t0;
  if (readMs > stats.maxReadMs) stats.maxReadMs = readMs;
  const seq = ++f.seq;
  // (what a field held when the engine got ready waits for the worker started then)
  const first = f.firstInWorker;
  f.firstInWorker = false;
  if (!cached(f, text)) {
    const config = configFor(ctx.config, f.allowed);
    const isLong = long(ctx, text);
    const wait = isLong || first;
    const p = now && !isLong ? null : ctx.worker.rescan(f.id, text, config, optionsFor(ctx, f), wait);
    if (p) {
      const ak = allowKey(f);
      p.then(timed(ctx, (d) => {
        if (!stillCurrent(ctx, f, seq)) return;
        // (unless a send settled this text meanwhile)
        if (!(cached(f, text) && f.settled)) { fromWorker(ctx, f, text, d.raw, d.settled); f.cacheAllow = ak; }
        show(ctx, f, text, f.editable ? readText(f).map : map);
        if (!f.settled) settleLater(ctx, f);
      }, 'worker result'), () => { if (stillCurrent(ctx, f, seq)) preview(ctx, f, text, map); });
      return;
    }
  }
  preview(ctx, f, text, map);
}

/**
 * For a form's submit and the page's asynchronous sends: a promise that settles once
 * the field's text, if long and not scanned whole as it is now (typed into less than a
 * pause ago, pasted, set by a script), has a full scan's result from the worker; null
 * when there is nothing to wait for. The send is held meanwhile, so a long text is not
 * scanned on the main thread when it is sent; if the worker fails or none can run,
 * the held send scans it there.
 */
export function settling(ctx, f) {
  const { text } = readText(f);
  if (ctx.engine !== 'ready' || !long(ctx, text) || (cached(f, text) && f.settled) || f.workerFailed === text) return null;
  const p = ctx.worker.redact(text, configFor(ctx.config, f.allowed), optionsFor(ctx, f));
  if (!p) { f.workerFailed = text; return null; } // no worker: scanned on the main thread
  return p.then((d) => {
    // (the field may have changed while the worker scanned: then it is asked again)
    if (readText(f).text === text && !(cached(f, text) && f.settled)) fromWorker(ctx, f, text, d.raw, true);
  }, () => { f.workerFailed = text; }); // the submit then scans it on the main thread
}

/** Whether an answer asked for at `seq` is still wanted: the field did not change again, is still protected. */
function stillCurrent(ctx, f, seq) {
  return seq === f.seq && !ctx.stopped && ctx.fields.get(f.el) === f;
}

/** Keeps the worker's result for `text`, made from the form it crossed the engine's boundary in. */
function fromWorker(ctx, f, text, raw, settled) {
  keep(ctx, f, text, redacted(raw, text), settled);
}

/** Scans `text` on the main thread (the rescanner), shows it, and settles it later. */
function preview(ctx, f, text, map) {
  redactNow(ctx, f, text);
  show(ctx, f, text, map);
  settleLater(ctx, f);
}

function show(ctx, f, text, map) {
  f.shown = f.result;
  const counts = countKinds(f.result.findings);
  if (!sameCounts(counts, f.counts)) {
    f.counts = counts;
    emit(ctx.win, f.el, 'pii-veil:findings', { counts, total: total(counts), field: f.hints.name || f.hints.id || '' });
    if (ctx.doc.activeElement === f.el) announce(ctx, f);
  }
  if (ctx.highlight) {
    if (f.editable) paintEditable(ctx, f, map);
    else paintResult(ctx, f, text);
  }
  updateBadge(ctx, f);
}

/** "Not personal": the value is allowed for this field from now on; rescans at once. */
export function allow(ctx, f, x) {
  f.allowed.add(x.text);
  if (ctx.known) forget(ctx, x.text);
  ctx.live.textContent = fmt(ctx.msg.allowed, { kind: kindName(ctx.msg, x.kind) });
  const wasOpen = !!f.popup;
  rescan(ctx, f, true);
  if (wasOpen && f.popup) {
    const b = f.popup.querySelector('button');
    if (b) b.focus(); else closePopup(f, true);
  } else if (wasOpen) f.el.focus();
}

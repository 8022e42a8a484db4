// Protecting a page: attaches pii-veil to forms, fields and chat boxes, masks what
// they send and every value found in them wherever the page sends it, optionally
// scans the page's network calls, and highlights findings where the person types. Shared by every build like api.js: it imports no engine;
// each entry hands it the API and a way to start a Web Worker on its platform.
//
// This file wires the parts; each part is a module of plain functions over the
// instance state `ctx` (made here, one per protect() call):
//   fields.js         which elements are fields; attaching, detaching, observers
//   text.js           reading a field's text (contenteditable: with a node map)
//   engine.js         loading the engine, scanning a field, allowing a value
//   worker-client.js  long texts and typing scanned in a Web Worker (worker-serve.js: its other side)
//   overlay.js        highlights behind inputs/textareas, CSS highlights, geometry
//   badge.js          the count badge and the list of findings
//   anchor.js         where a field's notice and badge go (after a composite input)
//   notices.js        live region, notice, alerts and confirm dialogs
//   gate.js           form submissions: formdata masking, policies, fail closed
//   egress.js         follow the value: known values masked on every route of the page
//                     (bodies, URLs, frames, form entries, frames' windows); known.js:
//                     their spellings and the one multi-pattern search over them
//   guard.js          network guard, the opt-in second layer: scans bodies to chosen
//                     destinations for any personal data; scrub.js: bodies
//   messages.js       texts and kind names in English and German
//   styles.js         the stylesheet of pii-veil's UI
//   auto.js           script-tag attributes as options
//
// Rules the parts keep:
// - the Document and window they act on come from the caller (`protect(root, …)`),
//   never from globals;
// - user text only ever goes into text nodes (textContent / createTextNode) and
//   CSS highlight ranges, never into HTML;
// - nothing is read from or written to storage, and nothing is logged;
// - events and errors carry counts per kind, never values;
// - fail closed: while the engine loads, protected submissions and guarded requests
//   wait; if it cannot load they are held back (unless a field opted into fail-open).
import { compiledModule } from '../api.js';
import { fail, listen } from './util.js';
import { messagesFor } from './messages.js';
import { installStyles } from './styles.js';
import { initAlerts, initLive } from './notices.js';
import { initOverlay } from './overlay.js';
import { createWorkerClient } from './worker-client.js';
import { allow, schedule, settledNow, settling, startEngine } from './engine.js';
import { DEFAULT_SELECTOR, POLICIES, detach, observe, observeShadow } from './fields.js';
import { installGate, listenForms } from './gate.js';
import { heldError, installGuard, normaliseGuard, report } from './guard.js';
import { registerEgress } from './egress.js';

export { serveWorker } from './worker-serve.js';
export { autoProtect } from './auto.js';
export { installEgress } from './egress.js';
export { heldBack } from './util.js';

/** The instance state of one protect() call, from its arguments. */
function createContext(api, platform, root, options) {
  if (!root || (root.nodeType !== 1 && root.nodeType !== 9)) {
    throw fail('invalid_argument', 'protect: expected a Document or an Element');
  }
  const opt = Object.assign({}, options || {});
  const doc = root.nodeType === 9 ? root : root.ownerDocument;
  const win = opt.window || doc.defaultView;
  if (!win) throw fail('invalid_argument', 'protect: the root is not attached to a window (pass options.window)');
  const defaultPolicy = opt.policy || 'mask';
  if (!POLICIES.includes(defaultPolicy)) throw fail('invalid_argument', 'policy: expected mask, confirm or block');
  return {
    api, platform, root, doc, win, opt, defaultPolicy,
    selector: opt.selector || DEFAULT_SELECTOR,
    anchorSel: opt.widgetAnchor || null,
    byDefault: !opt.selector,
    msg: messagesFor(opt.lang || doc.documentElement.lang, opt.messages),
    redactOptions: { operator: opt.operator || 'label', perKind: opt.perKind },
    config: opt.scanner || {},
    workerThreshold: opt.workerThreshold === undefined ? 20000 : opt.workerThreshold,
    highlight: opt.highlight !== false,
    highlightLimit: opt.highlightLimit === undefined ? 20000 : opt.highlightLimit,
    showNotice: opt.notice !== false,
    failOpenSel: opt.failOpen || null,
    guardOpt: normaliseGuard(opt.guard),
    fields: new Map(), // element -> field record (fields.js)
    cleanups: [],
    stats: { maxTaskMs: 0, maxTask: '', maxReadMs: 0, maxFrameMs: 0, workerScans: 0, workerFullScans: 0, mainScans: 0, workerReady: false },
    stopped: false,
    engine: 'loading',
    ready: null,
    baseScanner: null,
    scanners: new Map(),
    passOnce: new WeakSet(),
    heldForms: new Map(), // form -> resume()
    noticed: new WeakSet(),
    HTMLElement: win.HTMLElement,
    resizeObs: null,
    chat: null,
  };
}

// A protect() call that covers nothing says so once (never with user text): late
// fields (a chat widget rendered after load) get until the page has loaded and 2 s.
function warnIfEmpty(ctx) {
  const { win, doc } = ctx;
  const check = () => win.setTimeout(() => {
    if (!ctx.stopped && !ctx.fields.size && win.console) {
      win.console.warn('pii-veil: protect() found no field to protect; mark fields or containers with data-pii-veil, or pass options.selector');
    }
  }, 2000);
  if (doc.readyState === 'complete') check();
  else win.addEventListener('load', check, { once: true });
}

/**
 * The parts that live in the page's DOM — the live region, the fields and their
 * observers — at once, or once the document is parsed: a script in `<head>` calls
 * protect() as it loads (the script tag does), so that the engine starts loading and
 * the guard and the chat endpoint are hooked before the page's own scripts run, while
 * its fields are found in the parsed document — when parsing ends, before the page's
 * deferred and module scripts run. A send or a submit while the page is still parsed
 * attaches the fields parsed so far first, and those parsed later as they come
 * (`ctx.attachNow`, egress.js and gate.js). Resolves once the page is parsed and its
 * fields attached (then `pii-veil:ready` is told).
 */
function attachWhenParsed(ctx) {
  const { doc } = ctx;
  let done = false;
  ctx.attachNow = () => {
    if (done) return;
    done = true;
    if (!ctx.stopped) { initLive(ctx); observe(ctx); warnIfEmpty(ctx); }
  };
  return new Promise((resolve) => {
    const parsed = () => {
      if (doc.readyState === 'loading') return;
      ctx.attachNow();
      resolve();
    };
    listen(ctx, doc, 'readystatechange', parsed);
    parsed();
  });
}

/** The handle protect() returns. */
function handleOf(ctx) {
  return {
    get ready() { return ctx.ready.then(() => ctx.attached).then(() => ctx.engine === 'ready'); },
    get state() { return ctx.engine; },
    get stats() { return Object.assign({}, ctx.stats); },
    get chat() { return ctx.chat ? ctx.chat.handle : null; },
    fields() { return [...ctx.fields.keys()]; },
    rescan() { for (const f of ctx.fields.values()) schedule(ctx, f, true); },
    stop() {
      if (ctx.stopped) return;
      ctx.stopped = true;
      for (const f of [...ctx.fields.values()]) detach(ctx, f);
      for (const c of ctx.cleanups.splice(0).reverse()) { try { c(); } catch (_) { /* keep going */ } }
      if (ctx.cssHighlight) ctx.win.CSS.highlights.delete('pii-veil');
      ctx.worker.terminate();
      for (const s of ctx.scanners.values()) s.free();
      ctx.scanners.clear();
    },
  };
}

/**
 * @param {object} api the object made by createApi (init, createScanner, fieldHints, …)
 * @param {object} platform `{ createWorker?(win): Worker | null, chat?: createChat }` (the worker is
 *   given the compiled module of `api` once it is loaded, instead of loading its own)
 * @returns {(root: Document | Element, options?: object) => object} protect()
 */
export function createProtect(api, platform) {
  platform = platform || {};

  /**
   * Attaches to the fields under `root` chosen by `options.selector`.
   * @param {Document|Element} root
   * @param {object} [options]
   */
  function protect(root, options) {
    const ctx = createContext(api, platform, root, options);
    const { win, opt } = ctx;
    // a chatbot endpoint needs pseudonymisation, which the lite build has not: refused
    // before anything is attached to the page
    if (opt.chat && !platform.chat) {
      throw fail('unsupported', 'chat: this build has no pseudonymisation (the lite script); use pii-veil.loader.js or pii-veil.js');
    }
    // `worker: false`: no worker at all (a long text is then scanned on the main thread)
    const createWorker = opt.worker === false ? null : platform.createWorker;
    ctx.worker = createWorkerClient({ win, createWorker, engine: opt.engine, module: () => compiledModule(api), stats: ctx.stats });
    ctx.allow = (f, x) => allow(ctx, f, x);
    // known values masked in every request (egress.js): below chat and guard
    const egress = registerEgress(ctx, settledNow, settling);
    // shadow roots (fields.js finds them): forms gated, entries followed there too
    ctx.onShadow = (sr) => { listenForms(ctx, sr); egress.watchRoot(sr); };
    ctx.onShadowMade = (host, sr) => {
      if (host.ownerDocument === ctx.doc && (ctx.root.nodeType === 9 || ctx.root.contains(host))) observeShadow(ctx, sr);
    };

    // chatbot endpoint (chat.js): pseudonymised requests, restored replies
    if (opt.chat) {
      ctx.chat = platform.chat(api, {
        win, options: opt.chat, scanner: () => ctx.baseScanner,
        whenReady: () => ctx.ready.then(() => ctx.engine === 'ready'),
        report: (via, counts, target) => report(ctx, via, counts, target),
        heldError: (via) => heldError(ctx, via),
      });
      const chat = ctx.chat;
      ctx.cleanups.push(() => chat.stop());
    }
    installStyles(ctx);
    initOverlay(ctx);
    initAlerts(ctx);
    ctx.attached = attachWhenParsed(ctx);
    ctx.ready = startEngine(ctx);
    installGate(ctx);
    installGuard(ctx);
    return handleOf(ctx);
  }

  return protect;
}

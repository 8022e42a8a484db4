// The network guard (`options.guard`): wraps fetch, XMLHttpRequest, sendBeacon and
// WebSocket.send of the window so that bodies going to the guarded destinations are
// masked first (scrub.js). While the engine loads they wait; if it failed they are
// refused (`engine_unavailable`), never sent as if clean. The chatbot endpoint
// (chat.js) is left to chat.js. stop() puts every original back.
import { countKinds, emit, heldOn, total } from './util.js';
import { createScrubber, isTextType } from './scrub.js';
import { rebuildRequest } from './egress.js';

/** `options.guard` as `{ origins, paths, match }`, or null when there is no guard. */
export function normaliseGuard(g) {
  if (!g) return null;
  if (g === true) g = { origins: ['self'] };
  if (typeof g === 'function') g = { match: g };
  return { origins: g.origins || ['self'], paths: g.paths || null, match: g.match || null };
}

/**
 * Whether the URL `u` is a guarded destination: the guard's function decides, or its
 * origins (`'self'` is `selfOrigin`, `'*'` any) and path prefixes.
 */
export function matchesGuard(g, u, selfOrigin) {
  if (g.match) return !!g.match(u);
  const origins = g.origins.map((o) => (o === 'self' ? selfOrigin : o));
  if (!origins.includes('*') && !origins.includes(u.origin)) return false;
  if (g.paths && !g.paths.some((p) => u.pathname.startsWith(p))) return false;
  return true;
}

/** The absolute URL of `url` when it is a guarded destination, else null. */
function isGuarded(ctx, url) {
  const { win, doc, guardOpt, chat } = ctx;
  if (!guardOpt || url === undefined) return null; // fetch() without arguments fails as it would
  let u;
  try { u = new win.URL(String(url), doc.baseURI); } catch (_) { return null; }
  if (chat && chat.owns(u)) return null; // chat.js pseudonymises what goes there
  return matchesGuard(guardOpt, u, guardOpt.match ? undefined : win.location.origin) ? u.href : null;
}

/** A guarded URL with what the engine finds in its path and query masked (`pii-veil:masked` via the request's route), or as it was. */
function maskedUrl(ctx, url, href, via) {
  const counts = {};
  const out = ctx.scrubber.scrubUrl(href, counts);
  report(ctx, via, counts);
  return out || url;
}

/** Dispatches `pii-veil:masked` when something was masked. */
export function report(ctx, via, counts, target) {
  const n = total(counts);
  if (n) emit(ctx.win, target || ctx.doc, 'pii-veil:masked', { via, counts, total: n });
}

/** Dispatches `pii-veil:blocked` and returns the error a held-back request fails with. */
export function heldError(ctx, via) {
  return heldOn(ctx.win, ctx.doc, via);
}

/** The scrubber over the instance's shared scanner and redact options. */
function scrubberOf(ctx) {
  return createScrubber(ctx.win, (s, name, counts) => {
    if (!s) return s;
    const r = ctx.baseScanner.redact(s, Object.assign({}, ctx.redactOptions, { field: name ? { name } : undefined }));
    countKinds(r.findings, counts);
    return r.text;
  });
}

// Runs `go()` once the engine is ready (now when it is); `refuse(error)` if it cannot load.
function whenReady(ctx, via, go, refuse) {
  if (ctx.engine === 'ready') return go();
  if (ctx.engine === 'failed') return refuse(heldError(ctx, via));
  return ctx.ready.then(() => (ctx.engine === 'ready' ? go() : refuse(heldError(ctx, via))));
}

// Runs `send(scrubbed)` now when possible, else after the engine and Blob reads.
function withScrubbed(ctx, body, contentType, via, send, refuse) {
  const scrubber = ctx.scrubber;
  if (!scrubber.needsScrub(body)) return send(body);
  const go = () => {
    const counts = {};
    const out = scrubber.scrub(body, contentType, counts);
    if (out && typeof out.then === 'function') {
      return out.then((b) => { report(ctx, via, counts); return send(b); });
    }
    report(ctx, via, counts);
    return send(out);
  };
  return whenReady(ctx, via, go, refuse);
}

function guardFetch(ctx) {
  const { win } = ctx;
  const origFetch = win.fetch;
  if (!origFetch) return;
  const fetchGuard = function fetch(input, init) {
    const isReq = win.Request && input instanceof win.Request;
    const url = isReq ? input.url : input;
    const href = ctx.stopped ? null : isGuarded(ctx, url);
    if (!href) return origFetch.apply(win, arguments);
    // the URL is scanned once the engine is ready (a fetch waits for it)
    if (ctx.engine !== 'ready') {
      const later = whenReady(ctx, 'fetch', () => fetchGuard(input, init), (e) => Promise.reject(e));
      // aborted while it waits: it rejects then, as a fetch under way does (nothing is sent)
      const signal = (init && init.signal) || (isReq ? input.signal : null);
      if (!signal) return later;
      return new Promise((resolve, reject) => {
        const abort = () => reject(signal.reason);
        if (signal.aborted) abort();
        signal.addEventListener('abort', abort, { once: true });
        later.then(resolve, reject);
      });
    }
    const masked = maskedUrl(ctx, url, href, 'fetch');
    if (masked !== url) {
      // a Request is made anew with its URL masked and its body as bytes (a Blob or
      // FormData body would become a stream, which a browser sends over HTTP/2 only)
      if (!isReq) input = masked;
      else if (!input.body) input = rebuildRequest(win, input, masked, null);
      else return input.clone().arrayBuffer().then((b) => fetchGuard(rebuildRequest(win, input, masked, b), init));
    }
    const headers = new win.Headers((init && init.headers) || (isReq ? input.headers : undefined));
    const ct = headers.get('content-type') || '';
    if (init && init.body !== undefined && init.body !== null) {
      return Promise.resolve(withScrubbed(ctx, init.body, ct, 'fetch',
        (b) => origFetch.call(win, input, Object.assign({}, init, { body: b })),
        (e) => Promise.reject(e)));
    }
    if (isReq && input.body && isTextType(ct || 'text/plain')) {
      return input.clone().text().then((t) => withScrubbed(ctx, t, ct, 'fetch',
        (b) => origFetch.call(win, new win.Request(input, { body: b })), (e) => Promise.reject(e)));
    }
    return origFetch.call(win, input, init);
  };
  win.fetch = fetchGuard;
  ctx.cleanups.push(() => { if (win.fetch === fetchGuard) win.fetch = origFetch; });
}

function guardXhr(ctx) {
  const { win } = ctx;
  const XHR = win.XMLHttpRequest && win.XMLHttpRequest.prototype;
  if (!XHR) return;
  const meta = new WeakMap();
  const origOpen = XHR.open, origSend = XHR.send, origHeader = XHR.setRequestHeader;
  const open = function open(method, url) {
    const href = ctx.stopped ? null : isGuarded(ctx, url);
    const args = [...arguments];
    // the URL is scanned now if the engine is ready; else at send, which opens again
    const scanned = !href || ctx.engine === 'ready';
    if (href && scanned) args[1] = maskedUrl(ctx, url, href, 'xhr');
    meta.set(this, { args, href, scanned, async: args.length < 3 || args[2] !== false, ct: '', headers: [] });
    return origOpen.apply(this, args);
  };
  const setRequestHeader = function setRequestHeader(k, v) {
    const m = meta.get(this);
    if (m) {
      m.headers.push([k, v]);
      if (String(k).toLowerCase() === 'content-type') m.ct = String(v);
    }
    return origHeader.apply(this, arguments);
  };
  const send = function send(body) {
    const m = meta.get(this);
    if (ctx.stopped || !m || !m.href) return origSend.apply(this, arguments);
    const xhr = this;
    const hasBody = body !== undefined && body !== null;
    if (!m.async && (ctx.engine !== 'ready' || (hasBody && body instanceof win.Blob && ctx.scrubber.needsScrub(body)))) {
      throw heldError(ctx, 'xhr');
    }
    const refuse = () => {
      try { xhr.dispatchEvent(new win.ProgressEvent('error')); xhr.dispatchEvent(new win.ProgressEvent('loadend')); } catch (_) { /* ignore */ }
    };
    const go = () => {
      if (!m.scanned) {
        // opened while the engine loaded: opened again with its URL masked, its headers set again
        m.scanned = true;
        const u = maskedUrl(ctx, m.args[1], m.href, 'xhr');
        if (u !== m.args[1]) {
          origOpen.apply(xhr, [m.args[0], u, ...m.args.slice(2)]);
          for (const [k, v] of m.headers) origHeader.call(xhr, k, v);
        }
      }
      if (hasBody) withScrubbed(ctx, body, m.ct, 'xhr', (b) => origSend.call(xhr, b), refuse);
      else origSend.call(xhr);
    };
    // every guarded XHR waits for the engine, and is refused if it cannot load
    whenReady(ctx, 'xhr', () => { try { go(); } catch (_) { /* aborted meanwhile */ } }, refuse);
    return undefined;
  };
  XHR.open = open;
  XHR.setRequestHeader = setRequestHeader;
  XHR.send = send;
  ctx.cleanups.push(() => {
    if (XHR.open === open) XHR.open = origOpen;
    if (XHR.setRequestHeader === setRequestHeader) XHR.setRequestHeader = origHeader;
    if (XHR.send === send) XHR.send = origSend;
  });
}

function guardBeacon(ctx) {
  const nav = ctx.win.navigator;
  if (!nav || typeof nav.sendBeacon !== 'function') return;
  const origBeacon = nav.sendBeacon;
  const sendBeacon = function sendBeacon(url, data) {
    const href = ctx.stopped ? null : isGuarded(ctx, url);
    if (!href) return origBeacon.apply(nav, arguments);
    let sent = true;
    const send = (b) => origBeacon.call(nav, maskedUrl(ctx, url, href, 'beacon'), b);
    const refuse = () => { sent = false; return false; };
    const r = ctx.scrubber.needsScrub(data) ? withScrubbed(ctx, data, data && data.type, 'beacon', send, refuse)
      : whenReady(ctx, 'beacon', () => send(data), refuse);
    return typeof r === 'boolean' ? r : sent;
  };
  nav.sendBeacon = sendBeacon;
  ctx.cleanups.push(() => { if (nav.sendBeacon === sendBeacon) nav.sendBeacon = origBeacon; });
}

function guardWebSocket(ctx) {
  const { win } = ctx;
  const WS = win.WebSocket && win.WebSocket.prototype;
  if (!WS) return;
  const origWsSend = WS.send;
  // Messages of one socket keep their order while some wait (engine loading, Blobs).
  const queues = new WeakMap();
  const wsSend = function send(data) {
    if (ctx.stopped || !isGuarded(ctx, String(this.url).replace(/^ws/, 'http'))) return origWsSend.apply(this, arguments);
    const ws = this;
    const q = queues.get(ws);
    const run = () => withScrubbed(ctx, data, data && data.type, 'websocket', (b) => origWsSend.call(ws, b), () => undefined);
    if (!q && ctx.engine === 'ready' && !(data instanceof win.Blob)) { run(); return undefined; }
    const next = (q || Promise.resolve()).then(run, run);
    queues.set(ws, next);
    next.then(() => { if (queues.get(ws) === next) queues.delete(ws); });
    return undefined;
  };
  WS.send = wsSend;
  ctx.cleanups.push(() => { if (WS.send === wsSend) WS.send = origWsSend; });
}

/** Installs the guard's wrappers when `options.guard` is set. */
export function installGuard(ctx) {
  if (!ctx.guardOpt) return;
  ctx.scrubber = scrubberOf(ctx);
  guardFetch(ctx);
  guardXhr(ctx);
  guardBeacon(ctx);
  guardWebSocket(ctx);
}

// Follow the value, not the route: every value pii-veil found in a protected field
// (and the person did not mark "not personal") is a known value, masked with the
// field's own placeholder in every request the page makes, to any origin, whatever
// route a script takes: request bodies of every type (text, JSON, URLSearchParams,
// FormData and its files, Blobs, binary, Request objects, streams), URLs and query
// strings (fetch, XHR, sendBeacon, WebSocket URL and frames, EventSource, image,
// script, link and frame sources, window.open, form actions), and the entry list of
// every form (`formdata`). On whenever protect() runs; the scanning guard (guard.js)
// stays an opt-in second layer for personal data typed elsewhere.
//
// The hooks are installed once per window (the script tag installs them as it loads,
// before the page's own scripts); each protect() instance registers its fields.
// known.js does the matching; this file only finds the values and the routes.
// While an engine loads and a protected field holds text (or held text no scan has
// seen), asynchronous routes wait; if it cannot load they are held back, also those
// sent after it failed (fail closed). Synchronous ones (element sources) cannot wait
// and go as they are.
import { readText } from './text.js';
import { emit, heldBack, heldOn, total } from './util.js';
import { createMatcher, placeholdersOf } from './known.js';

const REGISTRY = new WeakMap(); // window -> registry
const SHADOWS = new WeakMap(); // host -> shadow root (closed ones too), made after the hooks

/** The shadow root of `host`, also a closed one made after the hooks went in; else null. */
export function shadowRootOf(host) {
  return SHADOWS.get(host) || null;
}

/**
 * Adds what the field's last result found to the instance's known values (sticky: a
 * value the field's text no longer holds stays known, as a chat box cleared after
 * sending has still sent it). Each known value keeps the fields that taught it.
 */
export function remember(ctx, f) {
  const r = f.result;
  if (!r || !f.cacheKey) return;
  if (!f.taught) f.taught = new Set();
  if (f.settled && f.taught.size) unlearn(ctx, f, r);
  // typing on mostly finds the values it found before: then there is nothing to learn
  const fresh = (x) => x.text && !f.allowed.has(x.text) && !f.taught.has(x.text);
  if (!r.findings.some(fresh)) return;
  const phs = placeholdersOf(f.cacheKey, r.text, r.findings);
  r.findings.forEach((x, i) => {
    if (!fresh(x)) return;
    let k = ctx.known.get(x.text);
    if (!k) { k = { placeholder: phs[i], kind: x.kind, fields: new Set() }; ctx.known.set(x.text, k); ctx.knownVersion++; }
    k.fields.add(f);
    f.taught.add(x.text);
  });
}

// Typing leaves values behind: "Her" found as a name on the way to "Herr Mag. Johann
// Huber", "Johann" before "Huber" was typed. A full scan's result unteaches what the
// field taught that its text still holds but no finding is any more; a value no other
// field taught is then no longer known.
function unlearn(ctx, f, r) {
  const found = new Set(r.findings.map((x) => x.text));
  for (const v of f.taught) {
    if (found.has(v) || !f.cacheKey.includes(v)) continue;
    f.taught.delete(v);
    const k = ctx.known.get(v);
    if (!k) continue;
    k.fields.delete(f);
    if (!k.fields.size) { ctx.known.delete(v); ctx.knownVersion++; }
  }
}

/** Forgets a value the person marked "not personal". */
export function forget(ctx, value) {
  if (ctx.known.delete(value)) ctx.knownVersion++;
}

/** Registers a protect() instance with its window's hooks (installing them first). */
export function registerEgress(ctx, settledNow, settling) {
  const reg = installEgress(ctx.win);
  ctx.known = ctx.known || new Map();
  ctx.knownVersion = ctx.knownVersion || 0;
  ctx.flushKnown = () => {
    ctx.attachNow();
    if (ctx.stopped || ctx.engine !== 'ready') return;
    for (const f of ctx.fields.values()) {
      if (!f.el.isConnected) continue;
      const t = readText(f).text;
      // A long text in the worker's hands is learnt from its last result, a rescan's
      // while the person types (the full scan after the pause teaches the rest): it is
      // not scanned here, on the main thread, for every request the page sends.
      if (t && (t.length <= ctx.workerThreshold || (f.cacheKey === t && !ctx.worker.isReady()) || f.workerFailed === t)) settledNow(ctx, f, t);
      remember(ctx, f);
    }
  };
  // A long text whose last result is not for what the field holds now (typed on fast,
  // pasted, set by a script just before the send): the worker's full scan of it, which
  // the page's asynchronous sends wait for (a form's submit does too, gate.js).
  ctx.longPending = () => {
    if (ctx.stopped || ctx.engine !== 'ready') return [];
    const out = [];
    for (const f of ctx.fields.values()) {
      if (!f.el.isConnected) continue;
      // (a textarea says how long it is without its value being read: a page's own
      // value getter, as React defines one, is not called for every request; other
      // fields have no textLength, and undefined is no length)
      if (f.el.textLength <= ctx.workerThreshold) continue;
      const p = settling(ctx, f);
      if (p) out.push(p);
    }
    return out;
  };
  reg.ctxs.add(ctx);
  ctx.cleanups.push(() => {
    reg.ctxs.delete(ctx);
    if (!reg.ctxs.size) reg.uninstall(); // references kept by the page pass through
  });
  return reg;
}

// Every copy of pii-veil in a tree of same-origin windows (a frame that loads the
// script itself, beside the page's own) registers its instances in one set, kept on
// the tree's topmost window under a key every copy knows: a value found in any window
// is masked in the requests of all. `version` names the shape of what the set holds
// (an instance's `known`, `knownVersion`, `flushKnown()`, `attachNow()`, `engine`,
// `ready`, `fields`, `longPending()`, and `unscanned`, the texts no scan has seen); a
// copy that reads another shape keeps a set of its own.
const SHARED = Symbol.for('pii-veil.instances');
const SHARED_VERSION = 3;

function sharedInstances(win) {
  let top = win;
  for (;;) {
    let up;
    try {
      up = top.parent;
      if (!up || up === top || !up.document) break;
    } catch (_) { break; } // a parent of another origin
    top = up;
  }
  let shared = top[SHARED];
  if (!shared) {
    shared = { version: SHARED_VERSION, ctxs: new Set() };
    try { Object.defineProperty(top, SHARED, { value: shared }); } catch (_) { return new Set(); }
  }
  return shared.version === SHARED_VERSION ? shared.ctxs : new Set();
}

// Texts no scan has seen that a send may carry: what a field holds while its engine
// is not ready, and what it held then — typed (each message of a chat box a framework
// clears without the element's setter), replaced by a script, read into a form's
// entries, there when a send waited. Kept by the instance (`ctx.unscanned`, each with
// its field), not by the field, so they outlive a field the page removes right after
// reading it. The engine learns them once it is ready (takeUnscanned); until then
// sends wait, and after a failed load they are held back.
const MAX_UNSCANNED = 256;

/**
 * Notes `text` as held by field `f` while its engine is not ready (see above). Of the
 * field's texts, one cut back from another is left out (the longer one holds it), and
 * one typed on from another, or changed from it in a character or two, takes its
 * place: typing into a long text notes one text, not one per keystroke.
 */
export function noteUnscanned(ctx, f, text) {
  if (ctx.engine === 'ready' || !text) return;
  const held = ctx.unscanned || (ctx.unscanned = []);
  for (let i = held.length - 1; i >= 0; i--) {
    if (held[i].f !== f) continue;
    const was = held[i].text;
    if (was.startsWith(text)) return;
    if (text.startsWith(was) || nearly(was, text)) held.splice(i, 1);
  }
  held.push({ f, text });
  if (held.length > MAX_UNSCANNED) held.shift();
}

// Whether `b` is `a` with at most two characters changed, added or taken out in one place.
function nearly(a, b) {
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < n - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return p + s >= Math.max(a.length, b.length) - 2;
}

/** Notes what the person just typed into `f` while its engine is not ready. */
export function noteTyped(ctx, f) {
  if (ctx.engine !== 'ready') noteUnscanned(ctx, f, readText(f).text);
}

/** The texts noted and not learnt yet (`{ f, text }`), taken: the engine scans them when ready. */
export function takeUnscanned(ctx) {
  const out = ctx.unscanned || [];
  ctx.unscanned = null;
  return out;
}

// An instance whose engine could not load and one of whose fields that do not fail
// open holds text or held text no scan has seen: every asynchronous send is held back.
function holdsBack(c) {
  if (c.engine !== 'failed') return false;
  for (const f of c.fields.values()) if (!f.failOpen && f.el.isConnected && readText(f).text) return true;
  return !!c.unscanned && c.unscanned.some((u) => !u.f.failOpen);
}

/**
 * Installs the hooks on `win` once and returns its registry:
 * `{ ctxs, matcher(), maskString(s), maskUrl(u), maskBody(b), settled() }`.
 * With `keep` (the script tag, before the page's scripts) the hooks stay for the
 * page's lifetime; otherwise the last stop() puts every original back.
 */
export function installEgress(win, keep, parent) {
  let reg = REGISTRY.get(win);
  if (reg) { if (keep) reg.keep = true; return reg; }
  const undo = [];
  // Replaces `obj[key]` by `make(original)`; uninstall() puts the original back.
  const hook = (obj, key, make) => {
    if (!obj) return;
    const d = Object.getOwnPropertyDescriptor(obj, key);
    const orig = obj[key];
    if (typeof orig !== 'function') return;
    const w = make(orig);
    obj[key] = w;
    undo.push(() => { if (obj[key] === w) { if (d) Object.defineProperty(obj, key, d); else delete obj[key]; } });
  };
  let cache = null, cacheKey = '';
  reg = {
    // a same-origin frame shares the registered instances of the page that holds it,
    // also those of a copy of pii-veil loaded there
    ctxs: parent ? parent.ctxs : sharedInstances(win),
    /** The matcher over every registered instance's known values, now. */
    matcher() {
      let key = '';
      for (const c of reg.ctxs) { c.flushKnown(); key += c.knownVersion + ':' + c.known.size + ';'; }
      if (!cache || key !== cacheKey) {
        const known = [];
        for (const c of reg.ctxs) for (const [value, k] of c.known) known.push({ value, placeholder: k.placeholder, kind: k.kind });
        cache = createMatcher(known);
        cacheKey = key;
      }
      return cache;
    },
    /**
     * Resolves once no engine that guards typed text is still loading, and (`long`,
     * for asynchronous sends) no long text waits for its full scan (see longPending).
     */
    settled(long = true) {
      const waits = [];
      for (const c of reg.ctxs) {
        c.attachNow(); // a send while the page is parsed: its fields so far first
        if (c.engine === 'loading' && c.ready) {
          // what the fields hold now is learnt when the engine is ready, whatever they
          // hold by then: the send may carry it, and it waits while anything is noted
          for (const f of c.fields.values()) if (f.el.isConnected) noteUnscanned(c, f, readText(f).text);
          if (c.unscanned && c.unscanned.length) waits.push(c.ready);
        }
        else if (long && c.engine === 'ready' && c.longPending) waits.push(...c.longPending());
      }
      return waits.length ? Promise.all(waits) : null;
    },
    maskString(s) { return reg.matcher().maskString(s).text; },
    maskUrl(u) {
      if (u === undefined || u === null) return u;
      const s = String(u);
      const m = reg.matcher().maskString(s);
      return m.count ? m.text : u;
    },
    maskBody(body) { return maskBody(win, reg.matcher(), body); },
    /** Dispatches `pii-veil:masked` (counts per kind, never values) for what was just masked. */
    report(via) {
      const counts = cache ? cache.take() : {};
      const n = total(counts);
      if (n) emit(win, win.document, 'pii-veil:masked', { via, counts, total: n });
    },
    /** The error a send held back fails with, told as `pii-veil:blocked`. */
    held(via) { return heldOn(win, win.document, via); },
    active() { return reg.ctxs.size > 0; },
    keep: !!keep,
    uninstall() {
      for (const u of undo.splice(0).reverse()) u();
      REGISTRY.delete(win);
    },
  };
  REGISTRY.set(win, reg);
  hookFetch(win, reg, hook);
  hookXhr(win, reg, hook);
  hookBeacon(win, reg, hook);
  hookSocket(win, reg, 'WebSocket', hook);
  hookSocket(win, reg, 'EventSource', hook);
  hookElements(win, reg, hook, undo);
  hookPage(win, reg, hook, undo);
  hook(win, 'open', (orig) => function open(url) {
    const args = [...arguments];
    if (reg.active() && args.length) { args[0] = reg.maskUrl(url); reg.report('url'); }
    return orig.apply(win, args);
  });
  const onFormData = (e) => { if (reg.active()) maskFormEntries(win, reg, e); };
  win.addEventListener('formdata', onFormData, true);
  undo.push(() => win.removeEventListener('formdata', onFormData, true));
  // formdata does not leave a shadow tree: each shadow root gets the listener
  const watched = new WeakSet();
  reg.watchRoot = (root) => {
    if (watched.has(root)) return;
    watched.add(root);
    root.addEventListener('formdata', onFormData, true);
  };
  // Same-origin frames: their own fetch, XHR, … carry the page's known values too.
  // Also before protect() runs (the app calls it, in the ESM build): a monitoring
  // library set up in <head> takes a frame's fetch as its own at once, to be sure of an
  // unwrapped one, and keeps it; the hooks check at each send whether anything is
  // protected.
  // Hooked when a script reaches into the frame (contentWindow, contentDocument — the
  // way a script takes a fresh fetch from an about:blank frame) and when a frame loads.
  const adopt = (w) => {
    if (!w || w === win || REGISTRY.has(w)) return;
    try { if (!w.document) return; } catch (_) { return; } // another origin: not ours
    installEgress(w, false, reg);
  };
  const F = win.HTMLIFrameElement && win.HTMLIFrameElement.prototype;
  for (const p of ['contentWindow', 'contentDocument']) {
    const d = F && Object.getOwnPropertyDescriptor(F, p);
    if (!d || !d.get) continue;
    Object.defineProperty(F, p, Object.assign({}, d, {
      get() {
        const v = d.get.call(this);
        if (v) adopt(p === 'contentWindow' ? v : v.defaultView);
        return v;
      },
    }));
    undo.push(() => Object.defineProperty(F, p, d));
  }
  const onLoad = (e) => { const t = e.target; if (t && t.tagName === 'IFRAME') adopt(d0(t)); };
  const d0 = (t) => { try { return Object.getOwnPropertyDescriptor(F, 'contentWindow').get.call(t); } catch (_) { return null; } };
  win.addEventListener('load', onLoad, true);
  undo.push(() => win.removeEventListener('load', onLoad, true));
  // shadow roots, closed ones too, as components make them
  hook(win.Element && win.Element.prototype, 'attachShadow', (orig) => function attachShadow() {
    const root = orig.apply(this, arguments);
    SHADOWS.set(this, root);
    for (const c of reg.ctxs) if (c.onShadowMade) c.onShadowMade(this, root);
    return root;
  });
  return reg;
}

// The kind of a body by its tag, not `instanceof`: a body made in another frame (or
// handed to a frame's fetch) is of another realm and would pass as unknown.
const tag = (v) => Object.prototype.toString.call(v).slice(8, -1);
const isBlob = (v) => tag(v) === 'Blob' || tag(v) === 'File';
const bytesOf = (v) => (ArrayBuffer.isView(v) ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : new Uint8Array(v));

// A body the page compressed (as analytics libraries send their batches): gzip, whose
// bytes begin 1F 8B 08, or zlib's deflate, whose two first bytes are a multiple of 31
// with method 8 (78 9C …). Decompressed, masked and compressed again; null if nothing
// was masked or the bytes are no such stream after all.
function compression(b) {
  if (b.length < 8) return null;
  if (b[0] === 0x1f && b[1] === 0x8b && b[2] === 8) return 'gzip';
  if ((b[0] & 0x0f) === 8 && b[0] >> 4 <= 7 && ((b[0] << 8) | b[1]) % 31 === 0 && !(b[1] & 0x20)) return 'deflate';
  return null;
}
async function maskCompressed(win, m, bytes, format) {
  if (!win.DecompressionStream || !win.CompressionStream) return null;
  const through = async (b, stream) => new Uint8Array(await new win.Response(new win.Blob([b]).stream().pipeThrough(stream)).arrayBuffer());
  let plain;
  try { plain = await through(bytes, new win.DecompressionStream(format)); } catch (_) { return null; }
  const r = m.maskBytes(plain, binary(plain));
  return r.count ? through(r.bytes, new win.CompressionStream(format)) : null;
}
// The masked bytes of a body (a Promise for a compressed body), or null if nothing was
// masked.
function maskedBytes(win, m, bytes) {
  const format = compression(bytes);
  if (format) return maskCompressed(win, m, bytes, format).then((z) => z || maskedAsIs(m, bytes));
  return maskedAsIs(m, bytes);
}
function maskedAsIs(m, bytes) {
  const r = m.maskBytes(bytes, binary(bytes));
  return r.count ? r.bytes : null;
}

// Binary bytes (not UTF-8 text, or control bytes in it): a format whose lengths and
// offsets are written inside it (protobuf, msgpack, an image's metadata), so a value is
// masked in its own length and the format still reads.
const utf8 = new TextDecoder('utf-8', { fatal: true });
function binary(bytes) {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) return true;
  }
  try { utf8.decode(bytes); return false; } catch (_) { return true; }
}

// The masked body, or a Promise of it (Blobs, files in FormData, streams, compressed
// bodies).
function maskBody(win, m, body) {
  if (body === undefined || body === null || !m.size) return body;
  if (typeof body === 'string') return m.maskString(body).text;
  const t = tag(body);
  if (t === 'URLSearchParams') {
    const r = m.maskString(body.toString());
    return r.count ? new win.URLSearchParams(r.text) : body;
  }
  if (t === 'ArrayBuffer' || t === 'SharedArrayBuffer' || ArrayBuffer.isView(body)) {
    const b = maskedBytes(win, m, bytesOf(body));
    return isThen(b) ? b.then((x) => x || body) : b || body;
  }
  if (isBlob(body)) {
    return body.arrayBuffer().then((buf) => maskedBytes(win, m, new Uint8Array(buf))).then((x) => {
      if (!x) return body;
      return t === 'File'
        ? new win.File([x], body.name, { type: body.type, lastModified: body.lastModified })
        : new win.Blob([x], { type: body.type });
    });
  }
  if (t === 'FormData') {
    const entries = [...body];
    const out = new win.FormData();
    const pending = entries.map(([k, v]) => [m.maskString(k).text, typeof v === 'string' ? m.maskString(v).text : maskBody(win, m, v)]);
    if (!pending.some(([, v]) => v && typeof v.then === 'function')) {
      for (const [k, v] of pending) out.append(k, v);
      return out;
    }
    return Promise.all(pending.map(([, v]) => v)).then((vs) => {
      vs.forEach((v, i) => out.append(pending[i][0], v));
      return out;
    });
  }
  if ((t === 'XMLDocument' || t === 'HTMLDocument' || t === 'Document') && win.XMLSerializer && win.DOMParser) {
    // xhr.send(document): serialised, masked, parsed again (the request keeps its type)
    const html = t === 'HTMLDocument';
    const r = m.maskString(html ? body.documentElement.outerHTML : new win.XMLSerializer().serializeToString(body));
    return r.count ? new win.DOMParser().parseFromString(r.text, html ? 'text/html' : 'application/xml') : body;
  }
  if (t === 'ReadableStream') {
    return new win.Response(body).arrayBuffer().then((buf) => {
      const u8 = new Uint8Array(buf);
      return Promise.resolve(maskedBytes(win, m, u8)).then((x) => x || u8);
    });
  }
  return body;
}

const isThen = (x) => x && typeof x.then === 'function';

// Request headers with known values masked (a Headers, an array of pairs or a record),
// or `h` itself when none holds one.
function maskHeaders(win, m, h) {
  if (!h || !m.size) return h;
  const pairs = tag(h) === 'Headers' || Array.isArray(h) ? [...h] : Object.entries(h);
  let n = 0;
  const out = pairs.map(([k, v]) => { const r = m.maskString(String(v)); n += r.count; return [k, r.text]; });
  return n ? new win.Headers(out) : h;
}

// Null when a send may go now; else a promise that resolves once no loading engine
// guards text a send may carry, and rejects (the send is held back, `via` told) if an
// engine could not load — also when it had failed before the send (then `refused` is
// set on it at once: a beacon says it was not queued).
function whenSettled(reg, via, long = true) {
  const w = reg.settled(long);
  const check = () => {
    for (const c of reg.ctxs) if (holdsBack(c)) throw reg.held(via);
  };
  if (w) return w.then(check);
  try { check(); } catch (e) { return Object.assign(Promise.reject(e), { refused: true }); }
  return null;
}

// A Request like `req` with a masked URL and body (null body: none).
export function rebuildRequest(win, req, url, body, headers = req.headers) {
  const init = {
    method: req.method, headers, credentials: req.credentials, cache: req.cache,
    redirect: req.redirect, referrer: req.referrer, referrerPolicy: req.referrerPolicy,
    integrity: req.integrity, keepalive: req.keepalive, signal: req.signal,
  };
  if (req.mode !== 'navigate') init.mode = req.mode;
  if (body !== null && req.method !== 'GET' && req.method !== 'HEAD') init.body = body;
  return new win.Request(url, init);
}

function hookFetch(win, reg, hook) {
  hook(win, 'fetch', (orig) => function fetch(input, init) {
    // (called on another window as a library calls a frame's fetch it kept — the frame
    // may be gone — it sends from that window, as the browser's own fetch does)
    const self = this == null ? win : this;
    if (!reg.active()) return orig.apply(self, arguments);
    const args = arguments;
    const go = async () => {
      let target = input;
      let opts = init;
      if (tag(input) === 'Request') {
        const hasInitBody = opts && opts.body !== undefined;
        let body = null;
        if (input.body && !hasInitBody) {
          body = await maskedBytes(win, reg.matcher(), new Uint8Array(await input.clone().arrayBuffer()));
        }
        const url = reg.maskUrl(input.url);
        const headers = maskHeaders(win, reg.matcher(), input.headers);
        if (body !== null || url !== input.url || headers !== input.headers) {
          target = rebuildRequest(win, input, url, body !== null ? body : (input.body ? await input.clone().arrayBuffer() : null), headers);
        }
      } else if (input !== undefined && input !== null) {
        target = reg.maskUrl(input);
      }
      if (opts && opts.headers) {
        const h = maskHeaders(win, reg.matcher(), opts.headers);
        if (h !== opts.headers) opts = Object.assign({}, opts, { headers: h });
      }
      if (opts && opts.body !== undefined && opts.body !== null) {
        let b = reg.maskBody(opts.body);
        if (isThen(b)) b = await b;
        if (b !== opts.body) {
          opts = Object.assign({}, opts, { body: b });
          if (tag(init.body) === 'ReadableStream') delete opts.duplex;
        }
      }
      reg.report('fetch');
      return orig.call(self, target, opts);
    };
    const w = whenSettled(reg, 'fetch');
    if (w) return w.then(go);
    if (!reg.matcher().size) return orig.apply(self, args);
    return go();
  });
}

function hookXhr(win, reg, hook) {
  const P = win.XMLHttpRequest && win.XMLHttpRequest.prototype;
  if (!P) return;
  const isAsync = new WeakMap();
  hook(P, 'open', (origOpen) => function open(method, url) {
    const args = [...arguments];
    if (reg.active()) { args[1] = reg.maskUrl(url); reg.report('xhr'); }
    isAsync.set(this, args.length < 3 || args[2] !== false);
    return origOpen.apply(this, args);
  });
  hook(P, 'setRequestHeader', (origSet) => function setRequestHeader(name, value) {
    if (!reg.active()) return origSet.apply(this, arguments);
    return origSet.call(this, name, reg.maskString(String(value)));
  });
  hook(P, 'send', (origSend) => function send(body) {
    if (!reg.active()) return origSend.apply(this, arguments);
    const xhr = this;
    const fire = () => { try { xhr.dispatchEvent(new win.ProgressEvent('error')); xhr.dispatchEvent(new win.ProgressEvent('loadend')); } catch (_) { /* ignore */ } };
    // (a synchronous XHR cannot wait for a long text's scan: it goes with its last result)
    const w = whenSettled(reg, 'xhr', isAsync.get(xhr) !== false);
    if (w && isAsync.get(xhr) !== false) {
      w.then(() => send.call(xhr, body), fire);
      return undefined;
    }
    if (w) { w.catch(() => {}); throw heldBack(); }
    const b = reg.maskBody(body);
    if (isThen(b)) {
      if (isAsync.get(xhr) === false) throw heldBack();
      b.then((x) => { reg.report('xhr'); origSend.call(xhr, x); }, fire);
      return undefined;
    }
    reg.report('xhr');
    return b === body ? origSend.apply(xhr, arguments) : origSend.call(xhr, b);
  });
}

function hookBeacon(win, reg, hook) {
  const nav = win.navigator;
  if (!nav || typeof nav.sendBeacon !== 'function') return;
  hook(nav, 'sendBeacon', (orig) => function sendBeacon(url, data) {
    if (!reg.active()) return orig.apply(nav, arguments);
    const w = whenSettled(reg, 'beacon');
    if (w) { w.then(() => sendBeacon(url, data), () => {}); return !w.refused; }
    const u = reg.maskUrl(url);
    const b = reg.maskBody(data);
    if (isThen(b)) { b.then((x) => { reg.report('beacon'); orig.call(nav, u, x); }, () => {}); return true; }
    reg.report('beacon');
    return orig.call(nav, u, b);
  });
}

// WebSocket / EventSource: the URL at construction; WebSocket frames in order.
function hookSocket(win, reg, name, hook) {
  const C = win[name];
  if (typeof C !== 'function') return;
  hookUrlConstructor(win, reg, name, hook, name === 'WebSocket' ? 'websocket' : 'url');
  if (name !== 'WebSocket') return;
  const queues = new WeakMap();
  hook(C.prototype, 'send', (origSend) => function send(data) {
    if (!reg.active()) return origSend.apply(this, arguments);
    const ws = this;
    const run = () => {
      const b = reg.maskBody(data);
      if (isThen(b)) return b.then((x) => { reg.report('websocket'); origSend.call(ws, x); });
      reg.report('websocket');
      return origSend.call(ws, b);
    };
    const q = queues.get(ws);
    const w = whenSettled(reg, 'websocket');
    if (!q && !w && !isBlob(data)) return run();
    const next = (q || w || Promise.resolve()).then(run, () => undefined);
    queues.set(ws, next);
    next.then(() => { if (queues.get(ws) === next) queues.delete(ws); });
    return undefined;
  });
}

// Element properties and attributes that make the browser request a URL.
const URL_PROPS = [
  ['HTMLImageElement', ['src', 'srcset']], ['HTMLSourceElement', ['src', 'srcset']],
  ['HTMLScriptElement', ['src']], ['HTMLLinkElement', ['href']], ['HTMLIFrameElement', ['src']],
  ['HTMLMediaElement', ['src']], ['HTMLEmbedElement', ['src']], ['HTMLObjectElement', ['data']],
  ['HTMLFormElement', ['action']], ['HTMLInputElement', ['src']], ['HTMLVideoElement', ['poster']],
];
const URL_ATTRS = new Set(['src', 'srcset', 'href', 'data', 'action', 'poster', 'ping', 'formaction', 'background']);

function hookElements(win, reg, hook, undo) {
  for (const [cls, props] of URL_PROPS) {
    const P = win[cls] && win[cls].prototype;
    if (!P) continue;
    for (const p of props) {
      const d = Object.getOwnPropertyDescriptor(P, p);
      if (!d || !d.set) continue;
      Object.defineProperty(P, p, Object.assign({}, d, {
        set(v) {
          if (!reg.active()) return d.set.call(this, v);
          d.set.call(this, reg.maskUrl(v));
          reg.report('url');
        },
      }));
      undo.push(() => Object.defineProperty(P, p, d));
    }
  }
  hook(win.Element && win.Element.prototype, 'setAttribute', (origSet) => function setAttribute(name, value) {
    if (reg.active() && URL_ATTRS.has(String(name).toLowerCase()) && this.tagName !== 'A') {
      origSet.call(this, name, reg.maskUrl(value));
      return reg.report('url');
    }
    return origSet.apply(this, arguments);
  });
}

// What the page keeps that goes out with later requests or loads a URL of its own: a
// cookie (sent with every request to its site), the page's own URL set by
// history.pushState/replaceState (the Referer of every request after it), and the URL
// given to `new Audio(url)` (the element loads it at once, without a setter).
function hookPage(win, reg, hook, undo) {
  const D = win.Document && win.Document.prototype;
  const d = D && Object.getOwnPropertyDescriptor(D, 'cookie');
  if (d && d.set) {
    Object.defineProperty(D, 'cookie', Object.assign({}, d, {
      set(v) {
        if (!reg.active()) return d.set.call(this, v);
        const r = reg.matcher().maskString(String(v));
        if (r.count) reg.report('cookie');
        return d.set.call(this, r.text);
      },
    }));
    undo.push(() => Object.defineProperty(D, 'cookie', d));
  }
  const H = win.History && win.History.prototype;
  for (const key of ['pushState', 'replaceState']) {
    hook(H, key, (orig) => function state(data, unused, url) {
      if (!reg.active() || arguments.length < 3 || url === undefined || url === null) return orig.apply(this, arguments);
      return orig.call(this, data, unused, reg.maskUrl(url));
    });
  }
  hookUrlConstructor(win, reg, 'Audio', hook, 'url');
}

// A constructor that takes a URL first (`new WebSocket(url)`, `new Audio(url)`).
function hookUrlConstructor(win, reg, name, hook, route) {
  if (typeof win[name] !== 'function') return;
  hook(win, name, (orig) => new Proxy(orig, {
    construct(target, args, newTarget) {
      if (reg.active() && args.length && args[0] !== undefined) { args = [...args]; args[0] = reg.maskUrl(args[0]); reg.report(route); }
      return Reflect.construct(target, args, newTarget === win[name] ? target : newTarget);
    },
  }));
}

// The entry list of any form (native submit, form.submit(), new FormData(form)):
// known values are masked in every entry (hidden copies, fields moved in, file
// names), except the value a field that is not protected holds as typed (a contact
// form's own e-mail field sends what was typed) and the entries of protected fields,
// which gate.js masks with the field's own result.
function maskFormEntries(win, reg, e) {
  const m = reg.matcher();
  if (!m.size) return;
  const form = e.target;
  const own = new Map(); // name -> values sent as they are
  for (const el of form.elements || []) {
    if (!el.name || typeof el.value !== 'string') continue;
    const prot = [...reg.ctxs].some((c) => c.fields.has(el));
    const hidden = el.type === 'hidden';
    if (prot || !hidden) {
      if (!own.has(el.name)) own.set(el.name, new Set());
      own.get(el.name).add(el.value);
    }
  }
  const fd = e.formData;
  const entries = [...fd];
  let changed = false;
  const out = entries.map(([k, v]) => {
    if (typeof v !== 'string' || (own.has(k) && own.get(k).has(v))) return [k, v];
    const r = m.maskString(v);
    if (r.count) changed = true;
    return [k, r.text];
  });
  if (!changed) return;
  for (const k of new Set(entries.map(([k]) => k))) fd.delete(k);
  for (const [k, v] of out) fd.append(k, v);
  reg.report('form');
}

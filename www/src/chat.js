// Chatbot wiring for protect(): reversible pseudonymisation of one chat endpoint.
// Outgoing messages to the endpoint are pseudonymised with a session (personal data
// becomes [PERSON_1], [IBAN_1], … or surrogates), and the replies are restored
// before the page's widget reads them, so the widget works unchanged and the bot's
// server only ever sees placeholders. Shared by every build like protect/: it
// imports nothing; protect/index.js calls it with the page's window and its engine.
//
// Rules this file keeps (as protect/):
// - the mapping lives only in the session (WebAssembly memory): never storage,
//   never the network, never logged; `clear()` forgets it, `stop()` frees it;
// - fail closed: while the engine loads requests to the endpoint wait; if it cannot
//   load they are refused, and a body that cannot be read as text is refused too;
// - events carry counts per kind, never values.
//
// Options (`protect(root, { chat: { … } })`):
//   url       '/api/bot' | ['/api/bot', 'https://bot.example/v1/'] | (url: URL) => boolean
//             — a path (same origin, prefix match) or an absolute URL prefix;
//   request   'auto' (default) | 'json' | 'text' — a JSON body has every string value
//             pseudonymised (the key is the field hint), so message, history and
//             metadata alike; a text body is one text; URLSearchParams/FormData
//             have each string value pseudonymised;
//   response  'auto' (default) | 'json' | 'text' | 'stream' | 'sse' — 'json' restores
//             every string value, 'text' the whole body, 'stream' the body chunk by
//             chunk as it arrives (placeholders split across chunks are restored;
//             plain text and NDJSON whose placeholders stand in plain text), 'sse'
//             server-sent events whose data are JSON deltas, restored inside the JSON
//             strings across events (sse.js, the paths of `ssePath`); 'auto' picks
//             'json' for a JSON content type, 'sse' for text/event-stream, else 'stream';
//   ssePath   the text paths of 'sse' (default: sse.js DEFAULT_PATHS, the usual LLM formats);
//   style     'square' (default) | 'angle' | 'curly' | 'surrogate';
//   restore   'text' (default) | 'everywhere' — by default real values go back only
//             into plain text: a placeholder inside a URL, a markdown link or image
//             target, a link reference or an HTML tag the model wrote stays as it is
//             (restore-safe.js), so a widget that renders markdown never makes the
//             browser send a real value; 'everywhere' restores those too;
//   session   an existing session (createSession) to use instead of an own one.
// Only fetch() is wired (what chat widgets use for bots); the network guard leaves
// the endpoint to this file.
//
// The parts below are plain functions over one chat state `c` (made by createChat):
// matching the endpoint, pseudonymising a request body, restoring a reply, and the
// fetch wrapper that runs them in order.

import { plainRestorer, restorePlain } from './restore-safe.js';
import { parsePaths } from './sse.js';

const REQUEST = ['auto', 'json', 'text'];
const RESTORE = ['text', 'everywhere'];
const RESPONSE = ['auto', 'json', 'text', 'stream', 'sse'];

function invalid(message) {
  const e = new Error(message);
  e.code = 'invalid_argument';
  return e;
}
function unsupported(message) {
  return Object.assign(new TypeError(message), { code: 'unsupported_body' });
}

/**
 * Whether a URL (string or URL) is the chat endpoint `url`: a function of the URL, or
 * paths (same origin, prefix) and absolute URL prefixes (origin + path, prefix).
 */
export function endpointMatcher(url, win) {
  const urls = typeof url === 'function' ? null : [].concat(url).map(String);
  return (raw) => {
    let u;
    try { u = raw instanceof win.URL ? raw : new win.URL(String(raw), win.document.baseURI); } catch (_) { return false; }
    if (!urls) return !!url(u);
    return urls.some((p) => (p[0] === '/'
      ? u.origin === win.location.origin && u.pathname.startsWith(p)
      : (u.origin + u.pathname).startsWith(p)));
  };
}

/** `v` with `fn(string, key)` applied to every string at any depth (the key of the nearest property). */
export function mapStrings(v, fn, key) {
  if (typeof v === 'string') return fn(v, key);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, fn, key));
  if (v && typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v)) out[k] = mapStrings(v[k], fn, k);
    return out;
  }
  return v;
}

function parseJson(s) {
  try { return JSON.parse(s); } catch (_) { return undefined; }
}

/**
 * How a reply is restored: the `response` option, with `auto` by content type (JSON,
 * server-sent events, else streamed text).
 */
export function replyMode(option, contentType) {
  if (option !== 'auto') return option;
  if (/[/+]json\b/.test(contentType)) return 'json';
  return /^text\/event-stream\b/.test(contentType) ? 'sse' : 'stream';
}

// The pseudonymised body, or a Promise of it; throws for a body it cannot read.
async function pseudoBody(c, body, contentType, counts) {
  const { win } = c;
  if (body === undefined || body === null) return body;
  if (body instanceof win.URLSearchParams) {
    const out = new win.URLSearchParams();
    for (const [k, v] of body) out.append(k, c.pseudo(v, k, counts));
    return out;
  }
  if (body instanceof win.FormData) {
    const out = new win.FormData();
    for (const [k, v] of body) out.append(k, typeof v === 'string' ? c.pseudo(v, k, counts) : v);
    return out;
  }
  let text;
  if (typeof body === 'string') text = body;
  else if (body instanceof win.Blob && !(win.File && body instanceof win.File)) text = await body.text();
  else throw unsupported('pii-veil: chat request body is not text, not sent');
  const ct = (contentType || (body instanceof win.Blob ? body.type : '') || '').toLowerCase();
  let out;
  const v = c.requestMode === 'text' ? undefined : parseJson(text);
  if (v !== undefined && (c.requestMode === 'json' || /json/.test(ct) || (v !== null && typeof v === 'object'))) {
    out = JSON.stringify(mapStrings(v, (s, k) => c.pseudo(s, k, counts), null));
  } else if (c.requestMode === 'json') {
    throw unsupported('pii-veil: chat request body is not JSON, not sent');
  } else {
    out = c.pseudo(text, null, counts);
  }
  return body instanceof win.Blob ? new win.Blob([out], { type: body.type }) : out;
}

// The reply with the session's placeholders restored (a Promise unless streamed).
function restoreResponse(c, resp, s) {
  const { win } = c;
  if (!resp.body) return resp;
  const ct = (resp.headers.get('content-type') || '').toLowerCase();
  const mode = replyMode(c.responseMode, ct);
  const headers = new win.Headers(resp.headers);
  headers.delete('content-length');
  const init = { status: resp.status, statusText: resp.statusText, headers };
  const wrap = (body) => {
    const out = new win.Response(body, init);
    Object.defineProperty(out, 'url', { value: resp.url });
    Object.defineProperty(out, 'redirected', { value: resp.redirected });
    return out;
  };
  const restore = c.restoreAll ? (x) => s.restore(x) : (x) => restorePlain(x, (p) => s.restore(p));
  if (mode === 'sse') {
    return wrap(resp.body
      .pipeThrough(s.restoreSSE({ path: c.ssePath, restore: c.restoreAll ? 'everywhere' : 'text' }))
      .pipeThrough(new win.TextEncoderStream()));
  }
  if (mode === 'stream') {
    return wrap(resp.body
      .pipeThrough(new win.TextDecoderStream())
      .pipeThrough(c.restoreAll ? s.restoreStream() : plainStream(win, s))
      .pipeThrough(new win.TextEncoderStream()));
  }
  return resp.text().then((t) => {
    if (mode === 'json') {
      const v = parseJson(t);
      if (v !== undefined) return wrap(JSON.stringify(mapStrings(v, restore, null)));
    }
    return wrap(restore(t));
  });
}

// A stream restoring plain text only: text is held until it can be cut outside any
// URL, link target or tag (restore-safe.js), then restored piece by piece.
function plainStream(win, s) {
  const r = plainRestorer(() => s.restorer());
  return new (win.TransformStream || TransformStream)({
    transform(chunk, controller) { const out = r.push(chunk); if (out) controller.enqueue(out); },
    flush(controller) { const out = r.finish(); if (out) controller.enqueue(out); },
  });
}

// The page's fetch, with requests to the endpoint pseudonymised and replies restored.
function chatFetch(c, origFetch) {
  const { win, ctx } = c;
  return function fetch(input, init) {
    const isReq = win.Request && input instanceof win.Request;
    const url = isReq ? input.url : input;
    if (c.stopped || !c.owns(url)) return origFetch.apply(win, arguments);
    return (async () => {
      if (!(await ctx.whenReady())) throw ctx.heldError('chat');
      const headers = new win.Headers((init && init.headers) || (isReq ? input.headers : undefined));
      const ct = headers.get('content-type') || '';
      const counts = {};
      let resp;
      if (init && init.body !== undefined && init.body !== null) {
        const body = await pseudoBody(c, init.body, ct, counts);
        ctx.report('chat', counts);
        resp = await origFetch.call(win, input, Object.assign({}, init, { body }));
      } else if (isReq && input.body) {
        const body = await pseudoBody(c, await input.clone().text(), ct, counts);
        ctx.report('chat', counts);
        resp = await origFetch.call(win, new win.Request(input, { body }));
      } else {
        resp = await origFetch.call(win, input, init);
      }
      return restoreResponse(c, resp, c.getSession());
    })();
  };
}

/**
 * @param {object} api the object made by createApi
 * @param {object} ctx `{ win, options, scanner(), whenReady(): Promise<boolean>, report(via, counts), heldError(via) }`
 */
export function createChat(api, ctx) {
  const win = ctx.win;
  const o = ctx.options === true ? {} : Object.assign({}, ctx.options);
  const requestMode = o.request || 'auto';
  const responseMode = o.response || 'auto';
  if (!REQUEST.includes(requestMode)) throw invalid("chat.request: expected 'auto', 'json' or 'text'");
  if (!RESPONSE.includes(responseMode)) throw invalid("chat.response: expected 'auto', 'json', 'text', 'stream' or 'sse'");
  try { parsePaths(o.ssePath); } catch (e) { throw invalid('chat.ssePath: ' + e.message.replace(/^path: /, '')); }
  const restoreMode = o.restore || 'text';
  if (!RESTORE.includes(restoreMode)) throw invalid("chat.restore: expected 'text' or 'everywhere'");
  if (o.url === undefined) throw invalid('chat.url: missing (a path, an absolute URL prefix, a list of them or a function)');
  const ownSession = !o.session;
  const c = { win, ctx, requestMode, responseMode, ssePath: o.ssePath, restoreAll: restoreMode === 'everywhere', owns: endpointMatcher(o.url, win), session: o.session || null, stopped: false };
  c.getSession = () => {
    if (!c.session) c.session = api.createSession({ style: o.style, seed: o.seed, scanner: ctx.scanner() });
    return c.session;
  };
  c.pseudo = (s, key, counts) => {
    if (!s) return s;
    const r = c.getSession().pseudonymize(s, key ? { name: key } : undefined);
    for (const f of r.findings) counts[f.kind] = (counts[f.kind] || 0) + 1;
    return r.text;
  };

  const origFetch = win.fetch;
  const wrapped = chatFetch(c, origFetch);
  win.fetch = wrapped;

  return {
    owns: c.owns,
    handle: {
      /** The session of the conversation (created once the engine is ready). */
      get session() { return c.session; },
      /** Starts a new conversation: forgets every placeholder. */
      clear() { if (c.session) c.session.clear(); },
      restore(text) {
        if (!c.session) return text;
        return c.restoreAll ? c.session.restore(text) : restorePlain(text, (x) => c.session.restore(x));
      },
    },
    stop() {
      c.stopped = true;
      if (win.fetch === wrapped) win.fetch = origFetch;
      if (ownSession && c.session) c.session.free();
      c.session = null;
    },
  };
}

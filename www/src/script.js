// The classic script (global `PiiVeil`): the entry build-package.mjs hands esbuild for
// the script builds. The same api.js, protect/, chat.js and session.js as the ESM build
// (the lite loader, pii-veil.lite.js, has neither of the last two and a module without
// sessions); the wasm-bindgen glue comes from the build (`pii-veil:glue`), and the module from
// `pii-veil:source`: wasm-inline.js for the one-file www/dist/pii-veil.js (module
// inlined, loads synchronously), wasm-beside.js for www/dist/pii-veil.loader.js
// (fetches the checked pii-veil.wasm beside it, compiling while it downloads).
//
// The same file is also the scanning worker of protect(): started as
// `<script URL>#pii-veil-worker`, it serves scan requests instead of touching a page.
import * as glue from 'pii-veil:glue';
import { loadDefault } from 'pii-veil:source';
import { createApi } from './api.js';
import { autoProtect, createProtect, heldBack, installEgress, serveWorker } from './protect/index.js';
// chat.js and session.js, or nulls in the lite build (pii-veil.lite.js: no pseudonymisation)
import { createChat, sessionHandle } from 'pii-veil:pseudonymise';

const global = typeof globalThis !== 'undefined' ? globalThis : self;

// What the bootstrap held goes out once the engine is ready, through the hooks and the
// form gate; if the engine cannot load, held fetches fail and submits stay held.
function replay(boot, page) {
  page.ready.then((ok) => {
    boot.ready = true;
    if (boot.notice) boot.notice.remove();
    for (const h of boot.held.splice(0)) {
      if (h.form) { if (ok && h.form.isConnected) h.form.requestSubmit(h.submitter && h.submitter.form === h.form ? h.submitter : null); continue; }
      if (ok) window.fetch.apply(window, h.args).then(h.ok, h.no);
      else h.no(heldBack());
    }
  });
}

const api = createApi(glue, { loadDefault, session: sessionHandle });

// The worker's URL (this script's own, `#pii-veil-worker`). A page that enforces
// Trusted Types (a CSP with `require-trusted-types-for 'script'`) takes a Worker's URL
// only from a policy: the script makes one named `pii-veil` that passes this URL and
// nothing else. Where the page's `trusted-types` directive does not list it, there is
// no worker (one fixed console warning): fields are scanned on the main thread.
const policies = new WeakMap(); // window -> its policy, or null where the page refused it
function workerUrl(win, url) {
  const tt = win.trustedTypes;
  if (!tt || typeof tt.createPolicy !== 'function') return url;
  if (!policies.has(win)) {
    let policy = null;
    try {
      policy = tt.createPolicy('pii-veil', {
        createScriptURL: (u) => { if (u !== url) throw new TypeError('pii-veil: this policy passes only its own worker'); return u; },
      });
    } catch (_) {
      console.warn('pii-veil: the Trusted Types of this page do not allow the policy pii-veil (add it to the trusted-types directive): fields are scanned on the main thread');
    }
    policies.set(win, policy);
  }
  const policy = policies.get(win);
  return policy ? policy.createScriptURL(url) : null;
}

if (typeof document === 'undefined' && typeof importScripts === 'function' && global.location && global.location.hash === '#pii-veil-worker') {
  // Started by protect() as its own scanning worker: serve requests, nothing else.
  serveWorker(api, global);
} else {
  const script = typeof document !== 'undefined' ? document.currentScript : null;
  // The request hooks go in now, before the page's own scripts keep a reference to
  // fetch or WebSocket; protect() registers its fields with them later.
  // An inline bootstrap (bootstrap.js) held fetch and submits until now: its own fetch
  // goes back first, so the hooks wrap the browser's.
  const boot = typeof window !== 'undefined' ? window.__piiVeilBoot : null;
  if (boot && boot.fetch) window.fetch = boot.fetch;
  if (typeof window !== 'undefined' && script && script.hasAttribute('data-protect')) installEgress(window, true);
  const protect = createProtect(api, {
    createWorker: (win) => {
      const url = script && script.src ? workerUrl(win, script.src.split('#')[0] + '#pii-veil-worker') : null;
      return url ? new win.Worker(url) : null;
    },
    chat: createChat,
  });
  let page = null;
  const PiiVeil = Object.assign({}, api, { protect });
  Object.defineProperty(PiiVeil, 'page', { enumerable: false, get: () => page });
  global.PiiVeil = Object.freeze(PiiVeil);
  // <script src="pii-veil.js" data-protect="selector" data-guard="self,/api/" …>
  // protect() starts as the script runs: the engine loads, the guard and the chat
  // endpoint are hooked before the page's own scripts can send or keep a fetch; the
  // fields are attached once the document is parsed.
  if (script && script.hasAttribute('data-protect')) {
    page = autoProtect(script, protect, global);
    if (boot) replay(boot, page);
  }
}

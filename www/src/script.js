// The one-file classic script (`<script src="pii-veil.js">`, global `PiiVeil`): the
// entry build-package.mjs hands esbuild for www/dist/pii-veil.js. The same api.js,
// protect/ and chat.js as the ESM build; the wasm-bindgen glue and the module come
// from the build (`pii-veil:glue`, and `pii-veil:wasm`: the module as base64, decoded
// only when the engine is first used, so a page that never scans pays nothing).
//
// The same file is also the scanning worker of protect(): started as
// `pii-veil.js#pii-veil-worker`, it serves scan requests instead of touching a page.
import * as glue from 'pii-veil:glue';
import WASM from 'pii-veil:wasm';
import { createApi } from './api.js';
import { autoProtect, createProtect, installEgress, serveWorker } from './protect/index.js';
import { createChat } from './chat.js';

const global = typeof globalThis !== 'undefined' ? globalThis : self;

function wasmBytes() {
  const s = atob(WASM), n = s.length, b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = s.charCodeAt(i);
  return b;
}

const api = createApi(glue, { loadDefault: () => ({ sync: wasmBytes }) });

if (typeof document === 'undefined' && typeof importScripts === 'function' && global.location && global.location.hash === '#pii-veil-worker') {
  // Started by protect() as its own scanning worker: serve requests, nothing else.
  serveWorker(api, global);
} else {
  const script = typeof document !== 'undefined' ? document.currentScript : null;
  // The request hooks go in now, before the page's own scripts keep a reference to
  // fetch or WebSocket; protect() registers its fields with them later.
  if (typeof window !== 'undefined' && script && script.hasAttribute('data-protect')) installEgress(window, true);
  const protect = createProtect(api, {
    createWorker: (win) => (script && script.src ? new win.Worker(script.src.split('#')[0] + '#pii-veil-worker') : null),
    chat: createChat,
  });
  let page = null;
  const PiiVeil = Object.assign({}, api, { protect });
  Object.defineProperty(PiiVeil, 'page', { enumerable: false, get: () => page });
  global.PiiVeil = Object.freeze(PiiVeil);
  // <script src="pii-veil.js" data-protect="selector" data-guard="self,/api/" …>
  if (script && script.hasAttribute('data-protect')) {
    const start = () => { page = autoProtect(script, protect, global); };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  }
}

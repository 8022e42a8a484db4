// pii-veil for browsers, Web Workers and bundlers (Vite, webpack, Rollup).
// `init()` without an argument fetches `wasm/pii_veil_bg.wasm` next to this file.
import * as glue from './wasm/pii_veil.js';
import { createApi } from './api.js';
import { createProtect } from './protect/index.js';
import { createChat } from './chat.js';
import { sessionHandle } from './session.js';
import { loadDefault } from './wasm-url.js';

const api = createApi(glue, { loadDefault, session: sessionHandle });

export const { init, createScanner, createSession, scan, redact, fieldHints, KINDS, VALIDATORS } = api;

// Protecting a page (protect/); long texts are scanned in a module worker. The call is
// spelled `new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })`
// with the global `Worker` on purpose: bundlers recognise exactly that form (Vite by
// its text, webpack 5 by the unshadowed global) and build worker.js as a worker entry
// with its imports. Written `new win.Worker(…)`, Vite took the URL for a plain asset
// and inlined worker.js as a data: URL, whose `import './index.js'` cannot load (and
// which a CSP `worker-src 'self'` refuses). The worker only computes, so this realm's
// Worker serves any window protect() is given; without one, fields scan on the main thread.
export const protect = createProtect(api, {
  createWorker: () => (typeof Worker === 'function' ? new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }) : null),
  chat: createChat,
});

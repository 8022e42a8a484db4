// pii-veil for browsers, Web Workers and bundlers (Vite, webpack, Rollup).
// `init()` without an argument fetches `wasm/pii_veil_bg.wasm` next to this file.
import * as glue from './wasm/pii_veil.js';
import { createApi } from './api.js';
import { createProtect } from './protect/index.js';
import { createChat } from './chat.js';

const api = createApi(glue, {
  // The glue's own `new URL('pii_veil_bg.wasm', import.meta.url)`, which bundlers
  // recognise and copy into the build.
  loadDefault: () => ({ async: undefined }),
});

export const { init, createScanner, createSession, scan, redact, fieldHints, KINDS, VALIDATORS } = api;

// Protecting a page (protect/); long texts are scanned in a module worker.
export const protect = createProtect(api, {
  createWorker: (win) => new win.Worker(new URL('./worker.js', import.meta.url), { type: 'module' }),
  chat: createChat,
});

// Where the one-file script tag (dist/pii-veil.js) gets its module: inlined as base64
// (`pii-veil:wasm`), decoded only when the engine is first used, so a page that never
// scans pays nothing; loads synchronously (file:// pages, classic workers, any origin).
// Decoded by the browser's own `Uint8Array.fromBase64` where there is one (a loop over
// atob's string, several ms for the ~1.6 MB of base64, elsewhere).
import WASM from 'pii-veil:wasm';
import { mark } from './marks.js';

function wasmBytes() {
  let b;
  if (typeof Uint8Array.fromBase64 === 'function') b = Uint8Array.fromBase64(WASM);
  else {
    const s = atob(WASM), n = s.length;
    b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = s.charCodeAt(i);
  }
  mark('module-decoded');
  return b;
}

// The module compiled here, so that a page whose Content-Security-Policy does not allow
// WebAssembly (no wasm-unsafe-eval in script-src) says why on the console, as the
// loaders do; the error goes on to the engine, which holds protection back.
function wasmModule() {
  const bytes = wasmBytes();
  try {
    return new WebAssembly.Module(bytes);
  } catch (e) {
    console.error('pii-veil: the WebAssembly module could not be compiled (a Content-Security-Policy without wasm-unsafe-eval in script-src?); protection is held back');
    throw e;
  }
}

export const loadDefault = () => ({ sync: wasmModule });

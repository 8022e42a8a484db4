// Where the one-file script tag (dist/pii-veil.js) gets its module: inlined as base64
// (`pii-veil:wasm`), decoded only when the engine is first used, so a page that never
// scans pays nothing; loads synchronously (file:// pages, classic workers, any origin).
import WASM from 'pii-veil:wasm';

function wasmBytes() {
  const s = atob(WASM), n = s.length, b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = s.charCodeAt(i);
  return b;
}

export const loadDefault = () => ({ sync: wasmBytes });

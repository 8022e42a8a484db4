// Where the loader script (dist/pii-veil.loader.js) gets its module: `pii-veil.wasm`
// beside the script, fetched on first use, its SHA-384 checked with crypto.subtle
// against the hash the build embedded here before it is instantiated. The script's own
// `integrity` attribute covers this hash, so one attribute guards both files.
//
// Two ways to compile, chosen by the script tag's `data-wasm-compile` (bench-browser.mjs
// measures both): `after-hash` (the default) reads and hashes all bytes first, then
// compiles them; `streaming` compiles a clone of the response while the bytes are
// hashed — compiling is not running, the instance is made only once the hash matched.
// On a 2-core machine the two compete for the cores and streaming was not faster on a
// cold start (README, "Measurements").
// A mismatch, a failed fetch or a browser without crypto.subtle (pages not served over
// https or from localhost) rejects: protection is held back (fail closed), and a
// console error with a fixed message says why (never any text of the page).
import { HASH, NAME } from 'pii-veil:hash';
import { base } from 'pii-veil:base';
import { mark } from './marks.js';

const script = typeof document !== 'undefined' ? document.currentScript : null;
// The browser's own fetch, taken before anything wraps it: the inline bootstrap holds
// every fetch of the page until pii-veil is ready (which needs this module), and the
// request hooks protect() installs are for the page's requests, not for this one.
const boot = typeof window !== 'undefined' ? window.__piiVeilBoot : null;
const nativeFetch = (boot && boot.fetch) || globalThis.fetch;
const mode = (script && script.getAttribute('data-wasm-compile')) || 'after-hash';
let pending = null;

function b64(buf) {
  let s = '';
  const b = new Uint8Array(buf);
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return btoa(s);
}

function failed(code, message) {
  return Object.assign(new Error('pii-veil: ' + message), { code });
}

async function check(bytes) {
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  if (!subtle) {
    console.error('pii-veil: crypto.subtle is not available (the page is not a secure context), pii-veil.wasm cannot be checked; protection is held back');
    throw failed('load_failed', 'crypto.subtle is not available');
  }
  const got = 'sha384-' + b64(await subtle.digest('SHA-384', bytes));
  if (got !== HASH) {
    console.error('pii-veil: pii-veil.wasm does not match the SHA-384 this script was built with; protection is held back');
    throw failed('integrity', 'pii-veil.wasm does not match the hash of this build');
  }
}

async function load() {
  const url = new URL(NAME, base || globalThis.location.href);
  const res = await nativeFetch.call(globalThis, url, { credentials: 'same-origin' });
  if (!res.ok) throw failed('load_failed', NAME + ': HTTP ' + res.status);
  if (mode === 'streaming' && typeof WebAssembly.compileStreaming === 'function'
      && (res.headers.get('Content-Type') || '').split(';')[0].trim() === 'application/wasm') {
    const [module] = await Promise.all([
      WebAssembly.compileStreaming(res.clone()).then((m) => { mark('module-compiled'); return m; }),
      res.arrayBuffer().then((b) => { mark('module-received'); return check(b); }).then(() => mark('module-checked')),
    ]);
    return module;
  }
  const bytes = await res.arrayBuffer();
  mark('module-received');
  await check(bytes);
  mark('module-checked');
  const module = await WebAssembly.compile(bytes);
  mark('module-compiled');
  return module;
}

// A page protected by the script tag (`data-protect`) needs the engine at once: the
// download starts while the script runs, not at DOMContentLoaded.
let early = null;
if (script && script.hasAttribute('data-protect')) {
  early = load();
  early.catch(() => { /* reported when the engine asks for it */ });
}

function verified() {
  if (!pending) {
    const first = early || load();
    early = null;
    pending = first.catch((e) => {
      pending = null;
      if (!e || e.code !== 'integrity') console.error('pii-veil: pii-veil.wasm could not be loaded; protection is held back');
      throw e;
    });
  }
  return pending;
}

// A getter: only a load reads it (a synchronous call before init() fetches nothing).
export const loadDefault = () => ({ get async() { return verified(); } });

// Where the loader script (dist/pii-veil.loader.js) gets its module: `pii-veil.wasm`
// beside the script, fetched on first use, its SHA-384 checked with crypto.subtle
// against the hash the build embedded here before it is instantiated. The script's own
// `integrity` attribute covers this hash, so one attribute guards both files.
//
// The module is compiled once its bytes are all in and their hash matched, at once on
// the main thread (`new WebAssembly.Module`, as the one-file build does: its functions
// are compiled on their first call, so this takes a few ms). An asynchronous compile
// hands the module back in a later task, which on a page still being read and laid
// out came 15-25 ms after the last byte (bench-browser.mjs, without DevTools): the
// synchronous one makes protection ready that much sooner. A browser that refuses a
// synchronous compile of this size on the main thread (Chrome before 115: over 4 KB)
// compiles it asynchronously. `data-wasm-compile="streaming"` on the script tag
// compiles while it downloads instead: `WebAssembly.compileStreaming` reads a copy of
// the response while its body is read into the one buffer the hash is computed over
// (the instance is made only once the hash matched; a module that does not match is
// dropped compiled, never instantiated), where the server sends `application/wasm`.
// A mismatch, a failed fetch, a download with no byte for 20 s (download.js) or a
// browser without crypto.subtle (pages not served over https or from localhost)
// rejects: protection is held back (fail closed), and a console error with a fixed
// message says why (never any text of the page).
import { HASH, NAME } from 'pii-veil:hash';
import { base } from 'pii-veil:base';
import { mark } from './marks.js';
import { compileNow, download, readBody, streamable } from './download.js';

const script = typeof document !== 'undefined' ? document.currentScript : null;
// The browser's own fetch, taken before anything wraps it: the inline bootstrap holds
// every fetch of the page until pii-veil is ready (which needs this module), and the
// request hooks protect() installs are for the page's requests, not for this one.
const boot = typeof window !== 'undefined' ? window.__piiVeilBoot : null;
const nativeFetch = (boot && boot.fetch) || globalThis.fetch;
const mode = (script && script.getAttribute('data-wasm-compile')) || 'after-hash';
let pending = null;

// `logged`: the console already says why (a load failure says so once).
function failed(code, message, logged) {
  return Object.assign(new Error('pii-veil: ' + message), { code, logged });
}

async function check(bytes) {
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  if (!subtle) {
    console.error('pii-veil: crypto.subtle is not available (the page is not a secure context), the .wasm module cannot be checked; protection is held back');
    throw failed('load_failed', 'crypto.subtle is not available', true);
  }
  const got = 'sha384-' + btoa(String.fromCharCode(...new Uint8Array(await subtle.digest('SHA-384', bytes))));
  if (got !== HASH) {
    console.error('pii-veil: the .wasm module does not match the SHA-384 this script was built with; protection is held back');
    throw failed('integrity', NAME + ' does not match the hash of this build', true);
  }
}

async function load() {
  const url = new URL(NAME, base || globalThis.location.href);
  return download(nativeFetch, url, { credentials: 'same-origin' }, async (res, alive) => {
    if (!res.ok) throw failed('load_failed', NAME + ': HTTP ' + res.status);
    // Compiled while it downloads, from a copy of the response (the browser hands the
    // same bytes to both): the instance is made only once the hash matched (a module
    // that does not match is dropped compiled, never instantiated).
    let compiled = null;
    if (mode === 'streaming' && streamable(res)) {
      compiled = WebAssembly.compileStreaming(res.clone()).then((m) => { mark('module-compiled'); return m; });
      compiled.catch(() => { /* awaited once the hash matched; a dropped module is never awaited */ });
    }
    const bytes = await readBody(res, alive);
    mark('module-received');
    await check(bytes); // before anything of the module runs
    mark('module-checked');
    if (compiled) return compiled;
    const module = await compileNow(bytes);
    mark('module-compiled');
    return module;
  });
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
      if (!e || !e.logged) console.error('pii-veil: the .wasm module could not be loaded; protection is held back');
      throw e;
    });
  }
  return pending;
}

// A getter: only a load reads it (a synchronous call before init() fetches nothing).
export const loadDefault = () => ({ get async() { return verified(); } });

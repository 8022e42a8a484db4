// Where the npm package's browser entry (index.js) gets its module: `wasm/pii_veil_bg.wasm`
// beside the entry, fetched and compiled here on the first load, so that the api holds
// the compiled WebAssembly.Module and protect() can hand it to its worker (which then
// neither fetches nor compiles it again). Bundlers (Vite, webpack 5, rspack) recognise
// `new URL('./wasm/pii_veil_bg.wasm', import.meta.url)` and copy the module into the
// build, as they do for the same URL in the wasm-bindgen glue.
//
// The module is compiled from its bytes once they are all in, at once on this thread
// (download.js `compileNow`: sooner than an asynchronous or streaming compile hands it
// back); a download that goes 20 s without a byte is given up (download.js).

import { compileNow, download, readBody } from './download.js';

// The browser's own fetch, taken before protect() wraps the page's (egress.js).
const nativeFetch = typeof fetch === 'function' ? fetch : null;

async function compileDefault() {
  const url = new URL('./wasm/pii_veil_bg.wasm', import.meta.url);
  if (!nativeFetch) throw new Error('pii-veil: no fetch to load ' + url);
  return download(nativeFetch, url, {}, async (res, alive) => {
    if (!res.ok) throw new Error('pii-veil: ' + url + ': HTTP ' + res.status);
    return compileNow(await readBody(res, alive));
  });
}

// A getter: only a load reads it (a synchronous call before init() fetches nothing).
export const loadDefault = () => ({ get async() { return compileDefault(); } });

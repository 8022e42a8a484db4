// Where the npm package's browser entry (index.js) gets its module: `wasm/pii_veil_bg.wasm`
// beside the entry, fetched and compiled here on the first load, so that the api holds
// the compiled WebAssembly.Module and protect() can hand it to its worker (which then
// neither fetches nor compiles it again). Bundlers (Vite, webpack 5, rspack) recognise
// `new URL('./wasm/pii_veil_bg.wasm', import.meta.url)` and copy the module into the
// build, as they do for the same URL in the wasm-bindgen glue.
//
// The module is compiled while it downloads where the server sends `application/wasm`
// (what streaming compilation needs), else from its bytes once they are in; a download
// that goes 20 s without a byte is given up (download.js).

import { download, readBody, streamable } from './download.js';

// The browser's own fetch, taken before protect() wraps the page's (egress.js).
const nativeFetch = typeof fetch === 'function' ? fetch : null;

async function compileDefault() {
  const url = new URL('./wasm/pii_veil_bg.wasm', import.meta.url);
  if (!nativeFetch) throw new Error('pii-veil: no fetch to load ' + url);
  return download(nativeFetch, url, {}, async (res, alive) => {
    if (!res.ok) throw new Error('pii-veil: ' + url + ': HTTP ' + res.status);
    if (!streamable(res)) return WebAssembly.compile(await readBody(res, alive));
    // the compiler reads a copy of the response; this reading only watches that bytes come
    const compiled = WebAssembly.compileStreaming(res.clone());
    compiled.catch(() => { /* awaited below, unless the download failed first */ });
    await readBody(res, alive);
    return compiled;
  });
}

// A getter: only a load reads it (a synchronous call before init() fetches nothing).
export const loadDefault = () => ({ get async() { return compileDefault(); } });

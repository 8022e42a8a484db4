// Downloading the WebAssembly module (the script-tag loaders, wasm-beside.js, and the
// npm package's browser entry, wasm-url.js): a download that goes 20 s without a byte
// (no answer, or a body that stopped coming on a connection left open) is given up,
// so that protection is held back as after any failed load (the sends that waited for
// the engine are refused, the person told) instead of waiting for as long as the
// connection stays open. A slow download is not given up: each chunk that comes
// starts the 20 s again. Both then compile the bytes the same way (`compileNow`).
const STALL_MS = 20000;

/**
 * Fetches `url` with `fetchFn` (and `init`), then `use(res, alive)`, which reads the
 * body (`readBody`) and calls `alive()` for each chunk. Rejects as the fetch or `use`
 * does, or with a `load_failed` error once 20 s pass without a byte (said once on the
 * console: the error's `logged`).
 */
export async function download(fetchFn, url, init, use) {
  const stop = new AbortController();
  let timer = 0;
  const alive = (done) => {
    clearTimeout(timer);
    if (!done) timer = setTimeout(() => stop.abort(), STALL_MS);
  };
  alive();
  try {
    return await use(await fetchFn.call(globalThis, url, Object.assign({ signal: stop.signal }, init)), alive);
  } catch (e) {
    if (!stop.signal.aborted) throw e;
    console.error('pii-veil: the .wasm module did not come (no byte for 20 s); protection is held back');
    throw Object.assign(new Error('pii-veil: ' + url + ': no byte for 20 s'), { code: 'load_failed', logged: true });
  } finally {
    alive(true);
  }
}

/** Whether `res` can be compiled as it comes: `WebAssembly.compileStreaming` takes only `application/wasm`. */
export function streamable(res) {
  return typeof WebAssembly.compileStreaming === 'function' && (res.headers.get('Content-Type') || '').split(';')[0].trim() === 'application/wasm';
}

/**
 * The body of `res` in one buffer (sized by Content-Length when the server sends it),
 * `alive()` after each chunk and `alive(true)` once it is all in.
 */
export async function readBody(res, alive) {
  const length = Number(res.headers.get('Content-Length')) || 0;
  let buf = new Uint8Array(length > 0 ? length : 1 << 20);
  let n = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    alive(done);
    if (done) return buf.subarray(0, n);
    if (n + value.length > buf.length) {
      const grown = new Uint8Array(Math.max(buf.length * 2, n + value.length));
      grown.set(buf.subarray(0, n));
      buf = grown;
    }
    buf.set(value, n);
    n += value.length;
  }
}

/**
 * The module of `bytes`, compiled at once on this thread (its functions are compiled
 * on their first call, so this takes a few ms): an asynchronous compile hands the
 * module back in a later task, which on a page still being read came 15-25 ms after
 * the last byte (bench-browser.mjs). A browser that refuses a synchronous compile of
 * this size on the main thread (Chrome before 115: over 4 KB) compiles it
 * asynchronously; so does any other failure, with which that compile rejects too.
 */
export function compileNow(bytes) {
  try {
    return new WebAssembly.Module(bytes);
  } catch (_) {
    return WebAssembly.compile(bytes);
  }
}

// Scanning in a Web Worker with its own copy of the engine, so the page's main thread
// stays free: long texts (over `workerThreshold`: a 200 KB paste, typing in a long
// note) and, once the worker is ready, the rescans while a person types. This is the
// page's side: it starts the worker the platform provides (module worker for the ESM
// build, the script itself for the script tag), numbers the requests and settles each
// one with its answer. A worker that cannot start or fails is not tried again; its
// callers then scan on the main thread.
import { fail } from './util.js';

/**
 * The first message to a new worker: the page's compiled module (`module`, when the page
 * has it: instantiated there without another download, check or compile), else where
 * to load the engine from (the same place as the page); and the scanner of `config` to
 * build (and warm up), the one long texts will ask for.
 */
export function initMessage(engine, URL_, config, module) {
  const m = { type: 'init', engine: typeof engine === 'string' || engine instanceof URL_ ? String(engine) : undefined };
  if (module) m.module = module;
  if (config) m.config = config;
  return m;
}

/**
 * @param {object} o `{ win, createWorker?(win): Worker | null, engine, module?(): WebAssembly.Module | null, stats }`
 * @returns {{ start(): Worker | null, redact(text, config, options): Promise | null, rescan(field, text, config, options, wait?): Promise | null, forget(field): void, isReady(): boolean, terminate(): void }}
 */
export function createWorkerClient(o) {
  const { win, stats } = o;
  let worker = null;
  let broken = false;
  let ready = false;
  let seq = 0;
  const waiting = new Map();

  function onMessage(ev) {
    const d = ev.data || {};
    if (d.type === 'ready') { ready = stats.workerReady = true; return; }
    const w = waiting.get(d.id);
    if (!w) return;
    waiting.delete(d.id);
    if (d.error) w.reject(fail(d.error, 'pii-veil: the worker could not scan'));
    else w.resolve({ raw: d.raw, settled: d.settled === true });
  }
  function onError(ev) {
    if (ev && ev.preventDefault) ev.preventDefault();
    broken = true;
    ready = stats.workerReady = false;
    for (const w of waiting.values()) w.reject(fail('load_failed', 'pii-veil: the worker failed'));
    waiting.clear();
    try { worker.terminate(); } catch (_) { /* gone */ }
    worker = null;
  }

  /** The worker, started on first use (or when the engine is ready, with the page's `config`); null where none can run. */
  function start(config) {
    if (worker || broken || !o.createWorker) return worker;
    try {
      worker = o.createWorker(win);
    } catch (_) { worker = null; }
    if (!worker) { broken = true; return null; }
    worker.onmessage = onMessage;
    worker.onerror = onError;
    const init = initMessage(o.engine, win.URL, config, o.module && o.module());
    try {
      worker.postMessage(init);
    } catch (_) {
      // a module this worker cannot be given (not cloneable there): it loads its own
      delete init.module;
      worker.postMessage(init);
    }
    return worker;
  }

  function ask(w, message) {
    const id = ++seq;
    stats.workerScans++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      w.postMessage(Object.assign({ id }, message));
    });
  }

  /**
   * The worker's full-scan redact result for `text` (`{ raw, settled: true }`, `raw` as
   * it crossed the engine's boundary: `redacted(raw, text)` in api.js makes it the
   * result), or null without a worker.
   */
  function redact(text, config, options) {
    const w = start();
    if (w) stats.workerFullScans++;
    return w ? ask(w, { type: 'redact', text, config, options }) : null;
  }

  /**
   * The field's rescan in the worker (`{ raw, settled }`: settled if it read the
   * whole text, as a field's first text and a paste over most of it are), or null
   * while the worker is not ready: typing does not wait for it — unless `wait` (a long
   * text, never scanned on the page): the worker is started if need be and answers
   * once it has loaded. Null where no worker can run.
   */
  function rescan(field, text, config, options, wait) {
    const w = wait ? start() : ready && worker;
    return w ? ask(w, { type: 'rescan', field, text, config, options }) : null;
  }

  /** Frees the worker's rescanner of a field that is no longer protected. */
  function forget(field) {
    if (ready && worker) worker.postMessage({ type: 'forget', field });
  }

  return {
    start,
    redact,
    rescan,
    forget,
    isReady: () => ready && !!worker,
    terminate() { ready = stats.workerReady = false; if (worker) worker.terminate(); },
  };
}

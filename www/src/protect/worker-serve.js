// The worker's side of scanning off the main thread (see worker-client.js): loads the
// engine, keeps one compiled scanner per configuration and one rescanner per field
// the page types into, and answers each request with the redact result as it came out
// of the engine (`redactRaw`: the findings as one transferred Float64Array and their
// names, the masked text): the page makes the finding objects, cutting each one's
// `text` from the text it still has, instead of this worker making them and the
// message copying them over one by one. The
// scanner the page announces in `init` is built and warmed up (warm.js) at once, so
// the first request does not wait for it; `ready` tells the page it can send them.
import { warm } from './warm.js';
import { readAll } from './util.js';
import { redactRaw } from '../api.js';

/**
 * Serves on `scope` (the worker's global):
 * - `{ type: 'init', engine, module?, config? }`, answered `{ type: 'ready' }` once the
 *   engine loaded (from the page's compiled `module` when it sent one);
 * - `{ type: 'redact', id, text, config, options }`: a full scan;
 * - `{ type: 'rescan', id, field, text, config, options }`: the field's rescanner, which
 *   reads again only around what changed since that field's last request;
 * - `{ type: 'forget', field }`: frees the field's rescanner.
 * Requests are answered `{ id, raw, settled }` (`raw`: see `redacted` in api.js;
 * `settled`: the result is a full scan's) or `{ id, error: code }`. `raw(handle, text,
 * options)` makes the answer's `raw` (`redactRaw` of api.js; tests give their own).
 */
export function serveWorker(api, scope, raw = redactRaw) {
  const scanners = new Map();
  const rescanners = new Map(); // field → { key, rs }
  let loading = null;
  const keyOf = (config) => JSON.stringify(config || {});
  const scannerOf = (config) => {
    const key = keyOf(config);
    let s = scanners.get(key);
    if (!s) {
      s = api.createScanner(config || {});
      scanners.set(key, s);
    }
    return s;
  };
  const rescannerOf = (field, config) => {
    const key = keyOf(config);
    let r = rescanners.get(field);
    if (r && r.key !== key) { r.rs.free(); r = null; }
    if (!r) {
      r = { key, rs: scannerOf(config).rescanner() };
      rescanners.set(field, r);
    }
    return r.rs;
  };
  const answer = (d) => {
    let out, settled = true;
    if (d.type === 'rescan') {
      const rs = rescannerOf(d.field, d.config);
      out = raw(rs, d.text, d.options);
      settled = readAll(rs.lastRead, d.text);
    } else {
      out = raw(scannerOf(d.config), d.text, d.options);
    }
    return { id: d.id, raw: out, settled };
  };
  scope.onmessage = (ev) => {
    const d = ev.data || {};
    if (d.type === 'init') {
      // the page's compiled module if it sent one (a failure falls back to loading)
      loading = d.module ? api.init(d.module).catch(() => api.init(d.engine)) : api.init(d.engine);
      loading.then(() => {
        if (d.config) warm(scannerOf(d.config));
        scope.postMessage({ type: 'ready' });
      }).catch(() => { /* reported per request */ });
      return;
    }
    if (d.type === 'forget') {
      const r = rescanners.get(d.field);
      if (r) { r.rs.free(); rescanners.delete(d.field); }
      return;
    }
    if (d.type !== 'redact' && d.type !== 'rescan') return;
    (loading || (loading = api.init())).then(() => {
      const a = answer(d);
      scope.postMessage(a, [a.raw[0].buffer]);
    })
      .catch((e) => scope.postMessage({ id: d.id, error: (e && e.code) || 'load_failed' }));
  };
}

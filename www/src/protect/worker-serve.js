// The worker's side of scanning off the main thread (see worker-client.js): loads the
// engine, keeps one compiled scanner per configuration and one rescanner per field
// the page types into, and answers each request with the redact result. The findings
// go back without their `text`: the page cuts them from the text it still has. The
// scanner the page announces in `init` is built and warmed up (warm.js) at once, so
// the first request does not wait for it; `ready` tells the page it can send them.
import { warm } from './warm.js';
import { readAll } from './util.js';

/**
 * Serves on `scope` (the worker's global):
 * - `{ type: 'init', engine, module?, config? }`, answered `{ type: 'ready' }` once the
 *   engine loaded (from the page's compiled `module` when it sent one);
 * - `{ type: 'redact', id, text, config, options }`: a full scan;
 * - `{ type: 'rescan', id, field, text, config, options }`: the field's rescanner, which
 *   reads again only around what changed since that field's last request;
 * - `{ type: 'forget', field }`: frees the field's rescanner.
 * Requests are answered `{ id, result, settled }` (`settled`: the result is a full scan's)
 * or `{ id, error: code }`.
 */
export function serveWorker(api, scope) {
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
    let r, settled = true;
    if (d.type === 'rescan') {
      const rs = rescannerOf(d.field, d.config);
      r = rs.redact(d.text, d.options);
      settled = readAll(rs.lastRead, d.text);
    } else {
      r = scannerOf(d.config).redact(d.text, d.options);
    }
    for (const f of r.findings) delete f.text;
    return { id: d.id, result: r, settled };
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
    (loading || (loading = api.init())).then(() => scope.postMessage(answer(d)))
      .catch((e) => scope.postMessage({ id: d.id, error: (e && e.code) || 'load_failed' }));
  };
}

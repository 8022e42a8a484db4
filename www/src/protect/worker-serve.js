// The worker's side of long-text scanning (see worker-client.js): loads the engine,
// keeps one compiled scanner per configuration, and answers each request with the
// redact result. The findings go back without their `text`: the page cuts them from
// the text it still has. The scanner the page announces in `init` is built and warmed
// up (warm.js) at once, so the first long text does not wait for it.
import { warm } from './warm.js';

/**
 * Serves `{ type: 'init', engine, config? }` and `{ type: 'redact', id, text, config, options }`
 * messages on `scope` (the worker's global), answering `{ id, result }` or `{ id, error: code }`.
 */
export function serveWorker(api, scope) {
  const scanners = new Map();
  let loading = null;
  const scannerOf = (config) => {
    const key = JSON.stringify(config || {});
    let s = scanners.get(key);
    if (!s) {
      s = api.createScanner(config || {});
      scanners.set(key, s);
    }
    return s;
  };
  scope.onmessage = (ev) => {
    const d = ev.data || {};
    if (d.type === 'init') {
      loading = api.init(d.engine);
      loading.then(() => { if (d.config) warm(scannerOf(d.config)); }).catch(() => { /* reported per request */ });
      return;
    }
    if (d.type !== 'redact') return;
    (loading || (loading = api.init())).then(() => {
      const r = scannerOf(d.config).redact(d.text, d.options);
      for (const f of r.findings) delete f.text;
      scope.postMessage({ id: d.id, result: r });
    }).catch((e) => scope.postMessage({ id: d.id, error: (e && e.code) || 'load_failed' }));
  };
}

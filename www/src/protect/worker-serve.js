// The worker's side of long-text scanning (see worker-client.js): loads the engine,
// keeps one compiled scanner per configuration, and answers each request with the
// redact result. The findings go back without their `text`: the page cuts them from
// the text it still has.

/**
 * Serves `{ type: 'init', engine }` and `{ type: 'redact', id, text, config, options }`
 * messages on `scope` (the worker's global), answering `{ id, result }` or `{ id, error: code }`.
 */
export function serveWorker(api, scope) {
  const scanners = new Map();
  let loading = null;
  scope.onmessage = (ev) => {
    const d = ev.data || {};
    if (d.type === 'init') {
      loading = api.init(d.engine);
      loading.catch(() => { /* reported per request */ });
      return;
    }
    if (d.type !== 'redact') return;
    (loading || (loading = api.init())).then(() => {
      const key = JSON.stringify(d.config || {});
      let s = scanners.get(key);
      if (!s) {
        s = api.createScanner(d.config || {});
        scanners.set(key, s);
      }
      const r = s.redact(d.text, d.options);
      for (const f of r.findings) delete f.text;
      scope.postMessage({ id: d.id, result: r });
    }).catch((e) => scope.postMessage({ id: d.id, error: (e && e.code) || 'load_failed' }));
  };
}

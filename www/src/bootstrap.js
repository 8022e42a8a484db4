// The inline bootstrap: a few hundred bytes in <head>, before pii-veil.js (which may
// load late: async, defer, a slow network). Until pii-veil is there it holds every
// form submission and every fetch() of the page; pii-veil replays them through its
// hooks once its engine is ready (script.js), so nothing typed before it arrived leaves
// unmasked. After 8 s without pii-veil it tells the person that sending is paused.
// Built minified into www/dist/bootstrap.min.js; www/build.sh prints it with the hash
// for the CSP (`script-src 'sha256-…'`). Not held: XMLHttpRequest, sendBeacon,
// WebSocket, element URLs (see README, "Protecting a page").
(function (w, d) {
  if (w.PiiVeil) return;
  var B = (w.__piiVeilBoot = { held: [], fetch: w.fetch, ready: false });
  d.addEventListener('submit', function (e) {
    if (B.ready) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    B.held.push({ form: e.target, submitter: e.submitter });
  }, true);
  w.fetch = function () {
    var a = arguments;
    if (B.ready) return w.fetch.apply(w, a);
    return new Promise(function (ok, no) { B.held.push({ args: a, ok: ok, no: no }); });
  };
  setTimeout(function () {
    if (B.ready || !d.body) return;
    var n = d.createElement('div');
    n.setAttribute('role', 'status');
    n.setAttribute('data-pii-veil-ui', '');
    n.style.cssText = 'position:fixed;bottom:8px;left:8px;z-index:2147483647;background:#fff3cd;color:#222;border:1px solid #b58900;padding:6px 10px;font:14px sans-serif';
    n.textContent = /^de/i.test(d.documentElement.lang)
      ? 'Der Datenschutzfilter ist nicht geladen: Senden ist angehalten.'
      : 'The privacy filter has not loaded: sending is paused.';
    d.body.appendChild(n);
    B.notice = n;
  }, 8000);
})(window, document);

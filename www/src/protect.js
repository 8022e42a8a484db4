// Protecting a page: attaches pii-veil to forms, fields and chat boxes, masks what
// they send, optionally guards the page's network calls, and highlights findings
// where the person types. Shared by every build like api.js: it imports nothing;
// each entry hands it the API and a way to start a Web Worker on its platform.
//
// Rules this file keeps:
// - the Document and window it acts on come from the caller (`protect(root, …)`),
//   never from globals;
// - user text only ever goes into text nodes (textContent / createTextNode) and
//   CSS highlight ranges, never into HTML;
// - nothing is read from or written to storage, and nothing is logged;
// - events and errors carry counts per kind, never values;
// - fail closed: while the engine loads, protected submissions and guarded requests
//   wait; if it cannot load they are held back (unless a field opted into fail-open).

/**
 * @param {object} api the object made by createApi (init, createScanner, fieldHints, …)
 * @param {object} platform `{ createWorker?(): Worker | null }`
 */
export function createProtect(api, platform) {
  platform = platform || {};
  const TEXT_TYPES = ['', 'text', 'email', 'tel', 'search', 'url'];
  const FIELD_SELECTOR = 'input, textarea, [contenteditable]';
  const DEFAULT_SELECTOR = '[data-pii-veil]:not([data-pii-veil="off"])';
  const POLICIES = ['mask', 'confirm', 'block'];
  const RANK = { mask: 0, confirm: 1, block: 2 };
  const OWN = 'data-pii-veil-ui';

  const MESSAGES = {
    en: {
      notice: 'Personal data is masked in your browser before sending.',
      summary: '{n} {items} will be masked: {kinds}',
      item: 'item', items: 'items',
      summaryNone: 'No personal data found.',
      badge: '{n} {items} will be masked. Show',
      listTitle: 'Will be masked',
      notPersonal: 'Not personal',
      allowed: 'Allowed for this field: {kind}',
      confirm: 'These will be masked before sending: {kinds}.',
      confirmSend: 'Send masked',
      cancel: 'Cancel',
      blocked: 'Not sent: this contains personal data ({kinds}). Please remove it and try again.',
      failed: 'Privacy protection could not load, so sending is paused to keep your data safe.',
      kinds: {
        email: 'e-mail', phone: 'phone number', iban: 'IBAN', bic: 'BIC', credit_card: 'card number',
        ip_address: 'IP address', mac_address: 'MAC address', national_id: 'ID number',
        tax_vat_id: 'tax or VAT ID', health_insurance_id: 'health insurance number',
        license_plate: 'licence plate', username: 'username', url_personal: 'personal link',
        date_of_birth: 'date of birth', person: 'name', street_address: 'street address',
        postal_city: 'postcode and town',
      },
    },
    de: {
      notice: 'Personenbezogene Daten werden vor dem Senden in Ihrem Browser maskiert.',
      summary: '{n} {items} werden maskiert: {kinds}',
      item: 'Angabe', items: 'Angaben',
      summaryNone: 'Keine personenbezogenen Daten gefunden.',
      badge: '{n} {items} werden maskiert. Anzeigen',
      listTitle: 'Wird maskiert',
      notPersonal: 'Nicht personenbezogen',
      allowed: 'Für dieses Feld erlaubt: {kind}',
      confirm: 'Vor dem Senden wird maskiert: {kinds}.',
      confirmSend: 'Maskiert senden',
      cancel: 'Abbrechen',
      blocked: 'Nicht gesendet: enthält personenbezogene Daten ({kinds}). Bitte entfernen und erneut senden.',
      failed: 'Der Datenschutz-Filter konnte nicht geladen werden; das Senden ist angehalten, damit Ihre Daten geschützt bleiben.',
      kinds: {
        email: 'E-Mail', phone: 'Telefonnummer', iban: 'IBAN', bic: 'BIC', credit_card: 'Kartennummer',
        ip_address: 'IP-Adresse', mac_address: 'MAC-Adresse', national_id: 'Ausweisnummer',
        tax_vat_id: 'Steuer- oder USt-ID', health_insurance_id: 'Versichertennummer',
        license_plate: 'Kennzeichen', username: 'Benutzername', url_personal: 'persönlicher Link',
        date_of_birth: 'Geburtsdatum', person: 'Name', street_address: 'Adresse',
        postal_city: 'PLZ und Ort',
      },
    },
  };

  const CSS_TEXT = `
.pii-veil-layer { position: absolute; pointer-events: none; overflow: hidden; color: transparent !important;
  background: transparent !important; border-style: solid !important; border-color: transparent !important;
  box-shadow: none !important; outline: none !important; margin: 0 !important; box-sizing: border-box !important;
  -webkit-text-fill-color: transparent; user-select: none; }
.pii-veil-layer mark, .pii-veil-box { color: transparent; background: rgba(255, 196, 0, .38);
  border-radius: 2px; box-shadow: inset 0 -2px 0 rgba(214, 150, 0, .9); }
.pii-veil-layer mark.pii-veil-open { background: rgba(47, 91, 234, .28); box-shadow: inset 0 -2px 0 rgba(47, 91, 234, .9); }
.pii-veil-layer.pii-veil-single { display: flex; align-items: center; }
.pii-veil-layer.pii-veil-single > div { flex: none; white-space: pre; }
.pii-veil-box { position: absolute; pointer-events: none; }
::highlight(pii-veil) { background-color: rgba(255, 196, 0, .38); }
.pii-veil-badge { position: absolute; z-index: 2; font: 600 11px/1 system-ui, sans-serif; min-width: 1.6em;
  padding: 3px 5px; border-radius: 999px; border: 1px solid rgba(214, 150, 0, .9); background: #fff6d6;
  color: #5a4300; cursor: pointer; }
.pii-veil-badge:focus-visible { outline: 2px solid #2f5bea; outline-offset: 1px; }
.pii-veil-popup { position: absolute; z-index: 3; min-width: 14rem; max-width: 22rem; background: #fff; color: #1d2433;
  border: 1px solid #c9cfdb; border-radius: 8px; box-shadow: 0 6px 24px rgba(20, 30, 60, .18);
  padding: .5rem .6rem; font: 13px/1.4 system-ui, sans-serif; }
.pii-veil-popup ul { list-style: none; margin: .3rem 0 0; padding: 0; }
.pii-veil-popup li { display: flex; gap: .5rem; align-items: center; justify-content: space-between; padding: .2rem 0; }
.pii-veil-popup .pii-veil-val { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
.pii-veil-popup button, .pii-veil-dialog button { font: inherit; border-radius: 6px; border: 1px solid #c9cfdb;
  background: #fff; padding: .15rem .5rem; cursor: pointer; }
.pii-veil-notice { font: 12px/1.4 system-ui, sans-serif; color: #4f5868; margin: .3rem 0; }
.pii-veil-alert, .pii-veil-dialog { font: 13px/1.4 system-ui, sans-serif; border-radius: 8px; padding: .5rem .7rem; margin: .4rem 0; }
.pii-veil-alert { background: #fdeaea; color: #7a1010; border: 1px solid #e7a4a4; }
.pii-veil-dialog { background: #eef3ff; color: #1d2433; border: 1px solid #a8bcf0; }
.pii-veil-dialog .pii-veil-actions { display: flex; gap: .5rem; margin-top: .4rem; }
.pii-veil-dialog button.pii-veil-primary { background: #2f5bea; color: #fff; border-color: #2f5bea; }
.pii-veil-sr { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

  function fail(code, message) {
    const e = new Error(message);
    e.code = code;
    return e;
  }

  function countKinds(findings, into) {
    const c = into || {};
    for (const f of findings) c[f.kind] = (c[f.kind] || 0) + 1;
    return c;
  }
  function total(counts) {
    let n = 0;
    for (const k in counts) n += counts[k];
    return n;
  }
  function sameCounts(a, b) {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
  }

  /**
   * Attaches to the fields under `root` chosen by `options.selector`.
   * @param {Document|Element} root
   * @param {object} [options]
   */
  function protect(root, options) {
    if (!root || (root.nodeType !== 1 && root.nodeType !== 9)) {
      throw fail('invalid_argument', 'protect: expected a Document or an Element');
    }
    const opt = Object.assign({}, options || {});
    const doc = root.nodeType === 9 ? root : root.ownerDocument;
    const win = opt.window || doc.defaultView;
    if (!win) throw fail('invalid_argument', 'protect: the root is not attached to a window (pass options.window)');
    const defaultPolicy = opt.policy || 'mask';
    if (!POLICIES.includes(defaultPolicy)) throw fail('invalid_argument', 'policy: expected mask, confirm or block');
    const selector = opt.selector || DEFAULT_SELECTOR;
    const langName = (opt.lang || doc.documentElement.lang || 'en').slice(0, 2).toLowerCase();
    const base = MESSAGES[langName] || MESSAGES.en;
    const msg = Object.assign({}, base, opt.messages || {});
    msg.kinds = Object.assign({}, base.kinds, (opt.messages && opt.messages.kinds) || {});
    const redactOptions = { operator: opt.operator || 'label', perKind: opt.perKind };
    const config = opt.scanner || {};
    const workerThreshold = opt.workerThreshold === undefined ? 20000 : opt.workerThreshold;
    const highlight = opt.highlight !== false;
    const highlightLimit = opt.highlightLimit === undefined ? 20000 : opt.highlightLimit;
    const showNotice = opt.notice !== false;
    const failOpenSel = opt.failOpen || null;
    const guardOpt = normaliseGuard(opt.guard);

    const fields = new Map(); // element -> field
    const cleanups = [];
    const stats = { maxTaskMs: 0, maxTask: '', maxReadMs: 0, maxFrameMs: 0, workerScans: 0, mainScans: 0 };
    let stopped = false;
    let engine = 'loading';
    let baseScanner = null;
    const scanners = new Map();
    let worker = null;
    let workerBroken = false;
    let workerSeq = 0;
    const workerWaiting = new Map();
    const passOnce = new WeakSet();
    const heldForms = new Map(); // form -> resume()
    const HTMLElement_ = win.HTMLElement;

    // ---------- chatbot endpoint (chat.js): pseudonymised requests, restored replies
    let chat = null;
    if (opt.chat) {
      if (!platform.chat) throw fail('invalid_argument', 'chat: not available in this build');
      chat = platform.chat(api, {
        win, options: opt.chat, scanner: () => baseScanner,
        whenReady: () => ready.then(() => engine === 'ready'), report, heldError,
      });
      cleanups.push(() => chat.stop());
    }

    // ---------- small DOM helpers
    function el(tag, cls, text) {
      const e = doc.createElement(tag);
      if (cls) e.className = cls;
      e.setAttribute(OWN, '');
      if (text !== undefined) e.textContent = text;
      return e;
    }
    function fmt(template, vars) {
      return String(template).replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined ? m : String(vars[k])));
    }
    function kindList(counts) {
      return Object.keys(counts).sort().map((k) => msg.kinds[k] || k).join(', ');
    }
    function emit(target, type, detail) {
      try {
        target.dispatchEvent(new win.CustomEvent(type, { bubbles: true, composed: true, detail }));
      } catch (_) { /* a listener threw: not ours */ }
    }
    function timed(fn, label) {
      return function () {
        const t0 = win.performance.now();
        try {
          return fn.apply(this, arguments);
        } finally {
          const dt = win.performance.now() - t0;
          if (dt > stats.maxTaskMs) { stats.maxTaskMs = dt; stats.maxTask = label || ''; }
        }
      };
    }
    function listen(target, type, fn, capture) {
      target.addEventListener(type, fn, capture);
      cleanups.push(() => target.removeEventListener(type, fn, capture));
    }

    // One constructable stylesheet per document (CSP-safe: no inline <style>).
    let sheet = null;
    try {
      sheet = new win.CSSStyleSheet();
      sheet.replaceSync(CSS_TEXT);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.concat([sheet]);
      cleanups.push(() => { doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet); });
    } catch (_) { sheet = null; }

    // ARIA live region with the summary of the field being edited.
    const live = el('div', 'pii-veil-sr');
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('role', 'status');
    (doc.body || doc.documentElement).appendChild(live);
    cleanups.push(() => live.remove());
    let liveTimer = 0;
    function announce(f) {
      win.clearTimeout(liveTimer);
      liveTimer = win.setTimeout(() => {
        const n = total(f.counts);
        live.textContent = n
          ? fmt(msg.summary, { n, items: n === 1 ? msg.item : msg.items, kinds: kindList(f.counts) })
          : (f.announced ? msg.summaryNone : '');
        f.announced = n > 0;
      }, 400);
    }

    // ---------- engine
    function scannerFor(f) {
      if (!f || !f.allowed.size) return baseScanner;
      const key = JSON.stringify([...f.allowed].sort());
      let s = scanners.get(key);
      if (!s) {
        const cfg = Object.assign({}, config, { allow: (config.allow || []).concat([...f.allowed]) });
        s = api.createScanner(cfg);
        scanners.set(key, s);
      }
      return s;
    }
    function configFor(f) {
      if (!f || !f.allowed.size) return config;
      return Object.assign({}, config, { allow: (config.allow || []).concat([...f.allowed]) });
    }

    const ready = (async () => {
      if (typeof win.WebAssembly !== 'object') throw fail('load_failed', 'pii-veil: this browser has no WebAssembly');
      await api.init(opt.engine);
      baseScanner = api.createScanner(config);
    })().then(() => {
      if (stopped) return;
      engine = 'ready';
      for (const f of fields.values()) schedule(f, true);
      // Start the scanning worker while the page is idle, not during a big paste.
      if (platform.createWorker && opt.worker !== false) (win.requestIdleCallback || win.setTimeout)(() => { if (!stopped) getWorker(); });
      emit(root.nodeType === 9 ? doc : root, 'pii-veil:ready', {});
    }, (e) => {
      engine = 'failed';
      if (stopped) return;
      emit(root.nodeType === 9 ? doc : root, 'pii-veil:error', { code: e && e.code ? e.code : 'load_failed' });
      for (const f of fields.values()) if (!f.failOpen) showFailed(f.form || f.el);
    });

    // ---------- field discovery
    function eligible(e) {
      if (!(e instanceof HTMLElement_)) return false;
      if (e.hasAttribute(OWN) || e.closest('[data-pii-veil="off"]')) return false;
      const tag = e.tagName;
      if (tag === 'INPUT') return TEXT_TYPES.includes((e.getAttribute('type') || '').toLowerCase());
      if (tag === 'TEXTAREA') return true;
      const ce = e.getAttribute('contenteditable');
      if (ce === null || ce === 'false') return false;
      // only the editing host, not nested editable children
      return !(e.parentElement && e.parentElement.isContentEditable);
    }
    function discover(node) {
      if (stopped || !node || node.nodeType !== 1) return;
      if (node.hasAttribute(OWN)) return;
      const hits = [];
      if (node.matches(selector)) hits.push(node);
      for (const h of node.querySelectorAll(selector)) hits.push(h);
      if (node !== root && node.closest && node.parentElement && node.parentElement.closest(selector)) hits.push(node);
      for (const h of hits) {
        if (eligible(h)) attach(h);
        for (const c of h.querySelectorAll(FIELD_SELECTOR)) if (eligible(c)) attach(c);
      }
    }
    function attrFrom(e, name) {
      const c = e.closest('[' + name + ']');
      return c ? c.getAttribute(name) : null;
    }

    function attach(e) {
      if (fields.has(e)) return;
      const editable = e.tagName !== 'INPUT' && e.tagName !== 'TEXTAREA';
      const p = attrFrom(e, 'data-pii-veil-policy');
      const f = {
        el: e,
        editable,
        single: e.tagName === 'INPUT',
        form: editable ? null : e.form,
        policy: POLICIES.includes(p) ? p : defaultPolicy,
        failOpen: attrFrom(e, 'data-pii-veil-fail') === 'open' || (failOpenSel ? e.matches(failOpenSel) : false),
        hints: null,
        allowed: new Set(),
        result: { text: '', findings: [] },
        cacheKey: null,
        cacheAllow: '',
        counts: {},
        seq: 0,
        composing: false,
        timer: 0,
        layer: null,
        inner: null,
        badge: null,
        popup: null,
        ranges: [],
        boxes: [],
        announced: false,
        off: [],
      };
      f.hints = hintsOf(e);
      fields.set(e, f);
      const on = (type, fn) => { e.addEventListener(type, fn); f.off.push(() => e.removeEventListener(type, fn)); };
      on('input', timed((ev) => { if (!ev.isComposing && !f.composing) schedule(f); }, 'input'));
      on('compositionstart', () => { f.composing = true; });
      on('compositionend', () => { f.composing = false; schedule(f); });
      on('scroll', () => syncScroll(f));
      on('focus', () => announce(f));
      // Scripts that set `.value` (a chat clearing its box after sending) fire no input
      // event: watch the setter of this one element so the highlights follow.
      if (!editable) {
        const proto = Object.getPrototypeOf(e);
        const d = Object.getOwnPropertyDescriptor(proto, 'value');
        if (d && d.set && !Object.prototype.hasOwnProperty.call(e, 'value')) {
          Object.defineProperty(e, 'value', {
            configurable: true,
            enumerable: d.enumerable,
            get() { return d.get.call(this); },
            set(v) { d.set.call(this, v); schedule(f); },
          });
          f.off.push(() => { delete e.value; });
        }
      }
      if (showNotice) addNotice(f);
      if (engine === 'ready') schedule(f, true);
      else if (engine === 'failed' && !f.failOpen) showFailed(f.form || f.el);
      if (resizeObs) resizeObs.observe(e);
    }

    function detach(f) {
      win.clearTimeout(f.timer);
      for (const o of f.off) o();
      if (f.layer) f.layer.remove();
      if (f.badge) f.badge.remove();
      closePopup(f);
      for (const b of f.boxes) b.remove();
      f.ranges = [];
      fields.delete(f.el);
      if (resizeObs) resizeObs.unobserve(f.el);
      updateCssHighlight();
    }

    function hintsOf(e) {
      const h = api.fieldHints(e);
      if (!h.label) {
        const by = e.getAttribute('aria-labelledby');
        const lab = by && doc.getElementById(by.split(/\s+/)[0]);
        if (lab) h.label = (lab.textContent || '').trim();
      }
      if (!h.type && e.isContentEditable) h.type = 'textarea';
      return h;
    }

    // ---------- reading text
    function readText(f) {
      if (!f.editable) return { text: f.el.value, map: null };
      return editableText(f.el);
    }
    // Text of a contenteditable host with a map from offsets to text nodes; <br> and
    // block boundaries become '\n' (as innerText would show them).
    function editableText(host) {
      const parts = [];
      const map = [];
      let len = 0;
      const BLOCK = /^(DIV|P|LI|UL|OL|H[1-6]|BLOCKQUOTE|PRE|TR|SECTION|ARTICLE)$/;
      const push = (s) => { parts.push(s); len += s.length; };
      const walk = (n) => {
        for (let c = n.firstChild; c; c = c.nextSibling) {
          if (c.nodeType === 3) {
            map.push({ node: c, start: len });
            push(c.data);
          } else if (c.nodeType === 1) {
            if (c.hasAttribute(OWN)) continue;
            if (c.tagName === 'BR') { push('\n'); continue; }
            const block = BLOCK.test(c.tagName);
            if (block && len > 0 && parts[parts.length - 1].slice(-1) !== '\n') push('\n');
            walk(c);
          }
        }
      };
      walk(host);
      return { text: parts.join(''), map };
    }
    function pointAt(map, offset) {
      let lo = 0, hi = map.length - 1, best = null;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (map[mid].start <= offset) { best = map[mid]; lo = mid + 1; } else hi = mid - 1;
      }
      if (!best) return null;
      return { node: best.node, offset: Math.min(offset - best.start, best.node.data.length) };
    }

    // ---------- scanning
    function allowKey(f) {
      return f.allowed.size ? [...f.allowed].join('\u0000') : '';
    }
    function cached(f, text) {
      return f.cacheKey !== null && f.cacheAllow === allowKey(f) && f.cacheKey === text;
    }
    function redactNow(f, text) {
      if (cached(f, text)) return f.result;
      const key = text;
      stats.mainScans++;
      const r = scannerFor(f).redact(text, Object.assign({}, redactOptions, { field: f.hints }));
      f.cacheKey = key;
      f.cacheAllow = allowKey(f);
      f.result = r;
      return r;
    }

    function getWorker() {
      if (worker || workerBroken || !platform.createWorker) return worker;
      try {
        worker = platform.createWorker(win);
      } catch (_) { worker = null; }
      if (!worker) { workerBroken = true; return null; }
      worker.onmessage = (ev) => {
        const d = ev.data || {};
        const w = workerWaiting.get(d.id);
        if (!w) return;
        workerWaiting.delete(d.id);
        if (d.error) w.reject(fail(d.error, 'pii-veil: the worker could not scan'));
        else w.resolve(d.result);
      };
      worker.onerror = (ev) => {
        if (ev && ev.preventDefault) ev.preventDefault();
        workerBroken = true;
        for (const w of workerWaiting.values()) w.reject(fail('load_failed', 'pii-veil: the worker failed'));
        workerWaiting.clear();
        try { worker.terminate(); } catch (_) { /* gone */ }
        worker = null;
      };
      worker.postMessage({ type: 'init', engine: typeof opt.engine === 'string' || opt.engine instanceof win.URL ? String(opt.engine) : undefined });
      return worker;
    }
    function redactInWorker(f, text) {
      const w = getWorker();
      if (!w) return null;
      const id = ++workerSeq;
      stats.workerScans++;
      return new Promise((resolve, reject) => {
        workerWaiting.set(id, { resolve, reject });
        w.postMessage({ type: 'redact', id, text, config: configFor(f), options: Object.assign({}, redactOptions, { field: f.hints }) });
      });
    }

    function schedule(f, now) {
      if (stopped || engine !== 'ready') return;
      win.clearTimeout(f.timer);
      f.timer = win.setTimeout(timed(() => rescan(f), 'rescan'), now ? 0 : 30);
    }

    function rescan(f) {
      if (stopped || engine !== 'ready' || !f.el.isConnected) return;
      const t0 = win.performance.now();
      const { text, map } = readText(f);
      const readMs = win.performance.now() - t0;
      if (readMs > stats.maxReadMs) stats.maxReadMs = readMs;
      const seq = ++f.seq;
      const key = text;
      const ak = allowKey(f);
      if (text.length > workerThreshold && !cached(f, text)) {
        const p = redactInWorker(f, text);
        if (p) {
          p.then(timed((r) => {
            if (seq !== f.seq || stopped) return;
            f.cacheKey = key;
            f.cacheAllow = ak;
            for (const x of r.findings) x.text = text.slice(x.start, x.end);
            f.result = r;
            show(f, text, f.editable ? readText(f).map : map);
          }, 'worker result'), () => { if (seq === f.seq) show(f, text, map, redactNow(f, text)); });
          return;
        }
      }
      redactNow(f, text);
      show(f, text, map);
    }

    function show(f, text, map) {
      const counts = countKinds(f.result.findings);
      if (!sameCounts(counts, f.counts)) {
        f.counts = counts;
        emit(f.el, 'pii-veil:findings', { counts, total: total(counts), field: f.hints.name || f.hints.id || '' });
        if (doc.activeElement === f.el) announce(f);
      }
      if (highlight) {
        if (f.editable) paintEditable(f, map);
        else paintLayer(f, text);
      }
      updateBadge(f);
    }

    // ---------- highlight layer for input/textarea
    const COPY = ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontStretch', 'fontVariant', 'fontKerning',
      'fontFeatureSettings', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textIndent', 'textTransform', 'textAlign',
      'direction', 'unicodeBidi', 'tabSize', 'writingMode', 'textRendering',
      'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
      'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
      'borderTopLeftRadius', 'borderTopRightRadius', 'borderBottomLeftRadius', 'borderBottomRightRadius'];

    function ensureLayer(f) {
      if (f.layer && f.layer.isConnected) return;
      const layer = el('div', 'pii-veil-layer' + (f.single ? ' pii-veil-single' : ''));
      layer.setAttribute('aria-hidden', 'true');
      const inner = el('div');
      layer.appendChild(inner);
      f.el.insertAdjacentElement('afterend', layer);
      f.layer = layer;
      f.inner = inner;
    }

    // Geometry (reads of boxes, writes of positions) runs once per frame, in
    // requestAnimationFrame, where the browser lays out anyway: never a forced layout
    // in the middle of a task (a 200 KB paste would cost tens of ms each time).
    const dirty = new Set();
    let frame = 0;
    function layoutSoon(f) {
      dirty.add(f);
      if (frame) return;
      frame = (win.requestAnimationFrame || ((cb) => win.setTimeout(cb, 16)))(() => {
        frame = 0;
        const t0 = win.performance.now();
        for (const g of [...dirty]) {
          if (!fields.has(g.el)) continue;
          syncBox(g);
          syncScroll(g);
          placeBadge(g);
        }
        dirty.clear();
        const dt = win.performance.now() - t0;
        if (dt > stats.maxFrameMs) stats.maxFrameMs = dt;
      });
    }
    cleanups.push(() => { if (frame && win.cancelAnimationFrame) win.cancelAnimationFrame(frame); });

    function syncBox(f) {
      if (!f.layer) return;
      const c = f.el;
      const cs = win.getComputedStyle(c);
      const ls = f.layer.style;
      for (const k of COPY) ls[k] = cs[k];
      ls.whiteSpace = f.single ? 'pre' : 'pre-wrap';
      ls.overflowWrap = f.single ? 'normal' : 'break-word';
      ls.wordBreak = cs.wordBreak;
      const bl = parseFloat(cs.borderLeftWidth) || 0, br = parseFloat(cs.borderRightWidth) || 0;
      const bt = parseFloat(cs.borderTopWidth) || 0, bb = parseFloat(cs.borderBottomWidth) || 0;
      // The field's client box minus its scrollbar, so lines wrap at the same width.
      ls.width = (c.clientWidth + bl + br) + 'px';
      ls.height = (c.clientHeight + bt + bb) + 'px';
      const z = cs.zIndex;
      ls.zIndex = z === 'auto' ? '' : z;
      if (cs.display === 'none' || cs.visibility === 'hidden') { ls.display = 'none'; return; }
      ls.display = '';
      ls.left = '0px';
      ls.top = '0px';
      const a = f.layer.getBoundingClientRect();
      const b = c.getBoundingClientRect();
      ls.left = (b.left - a.left) + 'px';
      ls.top = (b.top - a.top) + 'px';
    }
    function syncScroll(f) {
      if (f.layer) {
        f.layer.scrollTop = f.el.scrollTop;
        f.layer.scrollLeft = f.el.scrollLeft;
      } else if (f.editable && f.boxes.length) {
        paintEditable(f, readText(f).map);
      }
    }

    function paintLayer(f, text) {
      const findings = f.result.findings;
      // Laying out a copy of a very long text costs as much as the field's own layout
      // (hundreds of ms for 200 KB): beyond the limit only the badge and summary show.
      if (text.length > highlightLimit) {
        if (f.layer) { f.inner.replaceChildren(); f.layer.style.display = 'none'; }
        return;
      }
      if (!findings.length && !f.layer) return;
      ensureLayer(f);
      const frag = doc.createDocumentFragment();
      let last = 0;
      findings.forEach((x, i) => {
        if (x.start > last) frag.appendChild(doc.createTextNode(text.slice(last, x.start)));
        const m = doc.createElement('mark');
        m.textContent = text.slice(x.start, x.end);
        m.dataset.kind = x.kind;
        m.dataset.i = String(i);
        frag.appendChild(m);
        last = x.end;
      });
      // A trailing newline needs a character after it to take up a line.
      frag.appendChild(doc.createTextNode(text.slice(last) + (f.single ? '' : '\u200b')));
      f.inner.replaceChildren(frag);
      f.layer.scrollTop = f.el.scrollTop; // keeps the old position until the frame
      layoutSoon(f);
    }

    // ---------- contenteditable: CSS Custom Highlight API, boxes as a fallback
    let cssHighlight = null;
    const canHighlight = !!(win.CSS && win.CSS.highlights && typeof win.Highlight === 'function') && opt.cssHighlights !== false;
    function updateCssHighlight() {
      if (!canHighlight) return;
      const all = [];
      for (const f of fields.values()) for (const r of f.ranges) all.push(r);
      if (!all.length) {
        if (cssHighlight) { win.CSS.highlights.delete('pii-veil'); cssHighlight = null; }
        return;
      }
      if (!cssHighlight) {
        cssHighlight = new win.Highlight();
        win.CSS.highlights.set('pii-veil', cssHighlight);
      }
      cssHighlight.clear();
      for (const r of all) cssHighlight.add(r);
    }
    function paintEditable(f, map) {
      f.ranges = [];
      for (const x of f.result.findings) {
        const a = pointAt(map, x.start), b = pointAt(map, x.end);
        if (!a || !b) continue;
        const r = doc.createRange();
        try {
          r.setStart(a.node, a.offset);
          r.setEnd(b.node, b.offset);
        } catch (_) { continue; }
        f.ranges.push(r);
      }
      if (canHighlight) { updateCssHighlight(); return; }
      for (const b of f.boxes) b.remove();
      f.boxes = [];
      const host = f.el;
      const parent = host.parentElement;
      if (!parent) return;
      const hb = host.getBoundingClientRect();
      for (const r of f.ranges) {
        for (const q of r.getClientRects()) {
          if (q.bottom < hb.top || q.top > hb.bottom) continue;
          const box = el('div', 'pii-veil-box');
          box.setAttribute('aria-hidden', 'true');
          host.insertAdjacentElement('afterend', box);
          box.style.left = '0px';
          box.style.top = '0px';
          const o = box.getBoundingClientRect();
          box.style.left = (q.left - o.left) + 'px';
          box.style.top = (q.top - o.top) + 'px';
          box.style.width = q.width + 'px';
          box.style.height = q.height + 'px';
          f.boxes.push(box);
        }
      }
    }

    // ---------- badge and the list of findings ("not personal")
    function updateBadge(f) {
      const n = f.result.findings.length;
      if (!highlight) return;
      if (!n) {
        if (f.badge) f.badge.hidden = true;
        if (f.popup) closePopup(f);
        return;
      }
      if (!f.badge) {
        const b = el('button', 'pii-veil-badge');
        b.type = 'button';
        b.setAttribute('aria-haspopup', 'dialog');
        b.setAttribute('aria-expanded', 'false');
        b.addEventListener('click', () => (f.popup ? closePopup(f, true) : openPopup(f)));
        b.addEventListener('mousedown', (ev) => ev.preventDefault()); // keep the field's focus and caret
        const anchor = f.layer || f.el;
        anchor.insertAdjacentElement('afterend', b);
        f.badge = b;
      }
      f.badge.hidden = false;
      f.badge.textContent = String(n);
      f.badge.setAttribute('aria-label', fmt(msg.badge, { n, items: n === 1 ? msg.item : msg.items }));
      layoutSoon(f);
      if (f.popup) fillPopup(f);
    }
    function placeBadge(f) {
      const b = f.badge;
      if (!b || b.hidden) return;
      const r = f.el.getBoundingClientRect();
      b.style.left = '0px';
      b.style.top = '0px';
      const o = b.getBoundingClientRect();
      const rtl = win.getComputedStyle(f.el).direction === 'rtl';
      b.style.left = (rtl ? r.left - o.left - o.width / 2 : r.right - o.left - o.width / 2) + 'px';
      b.style.top = (r.top - o.top - o.height / 2) + 'px';
    }
    function openPopup(f) {
      const p = el('div', 'pii-veil-popup');
      p.setAttribute('role', 'dialog');
      p.setAttribute('aria-label', msg.listTitle);
      p.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { ev.preventDefault(); closePopup(f, true); } });
      f.badge.insertAdjacentElement('afterend', p);
      f.badge.setAttribute('aria-expanded', 'true');
      f.popup = p;
      fillPopup(f);
      const r = f.badge.getBoundingClientRect();
      p.style.left = '0px';
      p.style.top = '0px';
      const o = p.getBoundingClientRect();
      p.style.left = Math.max(0, r.right - o.left - o.width) + 'px';
      p.style.top = (r.bottom - o.top + 4) + 'px';
      const first = p.querySelector('button');
      if (first) first.focus();
    }
    function fillPopup(f) {
      const p = f.popup;
      const title = el('strong', '', msg.listTitle);
      const ul = el('ul');
      f.result.findings.forEach((x, i) => {
        const li = el('li');
        const what = el('span');
        what.appendChild(el('span', '', (msg.kinds[x.kind] || x.kind) + ': '));
        what.appendChild(el('span', 'pii-veil-val', x.text));
        const btn = el('button', '', msg.notPersonal);
        btn.type = 'button';
        btn.dataset.i = String(i);
        btn.setAttribute('aria-label', msg.notPersonal + ': ' + (msg.kinds[x.kind] || x.kind));
        btn.addEventListener('click', () => allow(f, x));
        btn.addEventListener('focus', () => markOpen(f, i));
        li.appendChild(what);
        li.appendChild(btn);
        ul.appendChild(li);
      });
      p.replaceChildren(title, ul);
    }
    function markOpen(f, i) {
      if (!f.inner) return;
      for (const m of f.inner.querySelectorAll('mark')) m.classList.toggle('pii-veil-open', m.dataset.i === String(i));
    }
    function closePopup(f, refocus) {
      if (!f.popup) return;
      f.popup.remove();
      f.popup = null;
      markOpen(f, -1);
      if (f.badge) {
        f.badge.setAttribute('aria-expanded', 'false');
        if (refocus) f.el.focus();
      }
    }
    function allow(f, x) {
      f.allowed.add(x.text);
      live.textContent = fmt(msg.allowed, { kind: msg.kinds[x.kind] || x.kind });
      const wasOpen = !!f.popup;
      rescan(f);
      if (wasOpen && f.popup) {
        const b = f.popup.querySelector('button');
        if (b) b.focus(); else closePopup(f, true);
      } else if (wasOpen) f.el.focus();
    }

    // ---------- notices
    const noticed = new WeakSet();
    function addNotice(f) {
      const host = f.form || f.el;
      if (noticed.has(host)) return;
      noticed.add(host);
      const n = el('p', 'pii-veil-notice', msg.notice);
      if (f.form) f.form.appendChild(n);
      else (f.layer || f.el).insertAdjacentElement('afterend', n);
      cleanups.push(() => n.remove());
    }
    const alerts = new Map();
    function showAlert(host, kind, text) {
      let a = alerts.get(host);
      if (!a || !a.isConnected) {
        a = el('div', kind === 'dialog' ? 'pii-veil-dialog' : 'pii-veil-alert');
        a.setAttribute('role', kind === 'dialog' ? 'alertdialog' : 'alert');
        if (host.tagName === 'FORM') host.appendChild(a);
        else host.insertAdjacentElement('afterend', a);
        alerts.set(host, a);
      }
      a.className = kind === 'dialog' ? 'pii-veil-dialog' : 'pii-veil-alert';
      a.setAttribute('role', kind === 'dialog' ? 'alertdialog' : 'alert');
      a.replaceChildren(el('span', '', text));
      return a;
    }
    function clearAlert(host) {
      const a = alerts.get(host);
      if (a) { a.remove(); alerts.delete(host); }
    }
    cleanups.push(() => { for (const a of alerts.values()) a.remove(); alerts.clear(); });
    function showFailed(host) {
      if (host) showAlert(host, 'alert', msg.failed);
    }

    // ---------- forms
    function fieldsOf(form) {
      const out = [];
      for (const f of fields.values()) if (f.form === form && f.el.isConnected) out.push(f);
      return out;
    }
    // Decides whether a submission of `form` may go now. Returns true to let it go;
    // otherwise holds it and calls resume() later if it may go after all.
    function gate(form, resume) {
      const fs = fieldsOf(form);
      if (!fs.length) return true;
      if (passOnce.has(form)) { passOnce.delete(form); return true; }
      if (engine === 'loading') {
        heldForms.set(form, resume);
        ready.then(() => {
          if (heldForms.get(form) !== resume) return;
          heldForms.delete(form);
          if (engine === 'ready' && !stopped) resume();
        });
        return false;
      }
      if (engine === 'failed') {
        if (fs.every((f) => f.failOpen)) return true;
        showFailed(form);
        emit(form, 'pii-veil:blocked', { reason: 'engine_unavailable', counts: {}, total: 0 });
        return false;
      }
      const counts = {};
      let policy = 'mask';
      for (const f of fs) {
        const r = redactNow(f, readText(f).text);
        if (!f.form || !f.el.name || f.el.disabled) continue;
        countKinds(r.findings, counts);
        if (r.findings.length && RANK[f.policy] > RANK[policy]) policy = f.policy;
      }
      const n = total(counts);
      if (!n || policy === 'mask') { clearAlert(form); return true; }
      if (policy === 'block') {
        showAlert(form, 'alert', fmt(msg.blocked, { kinds: kindList(counts) }));
        emit(form, 'pii-veil:blocked', { reason: 'policy', counts, total: n });
        return false;
      }
      // confirm
      const d = showAlert(form, 'dialog', fmt(msg.confirm, { kinds: kindList(counts) }));
      const actions = el('div', 'pii-veil-actions');
      const go = el('button', 'pii-veil-primary', msg.confirmSend);
      go.type = 'button';
      const no = el('button', '', msg.cancel);
      no.type = 'button';
      go.addEventListener('click', () => { clearAlert(form); passOnce.add(form); resume(); });
      no.addEventListener('click', () => { clearAlert(form); if (fs[0]) fs[0].el.focus(); });
      actions.appendChild(go);
      actions.appendChild(no);
      d.appendChild(actions);
      go.focus();
      return false;
    }

    listen(win, 'submit', timed((e) => {
      const form = e.target;
      if (!form || form.tagName !== 'FORM' || !fieldsOf(form).length) return;
      const submitter = e.submitter && e.submitter.form === form ? e.submitter : null;
      if (!gate(form, () => form.requestSubmit(submitter))) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    }), true);

    // `new FormData(form)`, native submits and form.submit() all build the entry list
    // through this event: the masked values go out, the fields keep what was typed.
    listen(win, 'formdata', timed((e) => {
      const form = e.target;
      const fs = fieldsOf(form);
      if (!fs.length) return;
      const counts = {};
      let held = false;
      for (const f of fs) {
        const name = f.el.name;
        if (!name || f.el.disabled) continue;
        const raw = f.el.value;
        let out;
        if (engine === 'ready') {
          const r = redactNow(f, raw);
          countKinds(r.findings, counts);
          out = r.text;
        } else if (f.failOpen) {
          out = raw;
        } else {
          out = null; // held back: never sent as if clean
          held = true;
        }
        const vals = e.formData.getAll(name);
        e.formData.delete(name);
        for (const v of vals) {
          if (v !== raw) e.formData.append(name, v);
          else if (out !== null) e.formData.append(name, out);
        }
      }
      const n = total(counts);
      if (n) emit(form, 'pii-veil:masked', { via: 'form', counts, total: n });
      if (held) {
        emit(form, 'pii-veil:blocked', { via: 'form', reason: engine === 'failed' ? 'engine_unavailable' : 'engine_loading', counts: {}, total: 0 });
        if (engine === 'failed') showFailed(form);
      }
    }), true);

    // form.submit() skips the submit event: route it through the same gate.
    const FormProto = win.HTMLFormElement && win.HTMLFormElement.prototype;
    const origSubmit = FormProto && FormProto.submit;
    if (origSubmit) {
      const wrapped = function submit() {
        if (stopped || !fieldsOf(this).length) return origSubmit.call(this);
        if (gate(this, () => { passOnce.add(this); FormProto.submit.call(this); })) return origSubmit.call(this);
        return undefined;
      };
      FormProto.submit = wrapped;
      cleanups.push(() => { if (FormProto.submit === wrapped) FormProto.submit = origSubmit; });
    }

    // ---------- network guard
    function normaliseGuard(g) {
      if (!g) return null;
      if (g === true) g = { origins: ['self'] };
      if (typeof g === 'function') g = { match: g };
      return { origins: g.origins || ['self'], paths: g.paths || null, match: g.match || null };
    }
    function guarded(url) {
      if (!guardOpt) return false;
      let u;
      try { u = new win.URL(String(url), doc.baseURI); } catch (_) { return false; }
      if (chat && chat.owns(u)) return false; // chat.js pseudonymises what goes there
      if (guardOpt.match) return !!guardOpt.match(u);
      const origins = guardOpt.origins.map((o) => (o === 'self' ? win.location.origin : o));
      if (!origins.includes('*') && !origins.includes(u.origin)) return false;
      if (guardOpt.paths && !guardOpt.paths.some((p) => u.pathname.startsWith(p))) return false;
      return true;
    }
    const textType = (t) => /^text\/|[/+]json\b|x-www-form-urlencoded|\/xml\b|[/+]xml\b/i.test(t || '');

    function scrubString(s, contentType, counts, name) {
      const ct = (contentType || '').toLowerCase();
      const t = s.trim();
      if (/json/.test(ct) || (!/text\/plain|urlencoded/.test(ct) && (t[0] === '{' || t[0] === '[') )) {
        let v;
        try { v = JSON.parse(s); } catch (_) { v = undefined; }
        if (v !== undefined && v !== null && typeof v === 'object') return JSON.stringify(walkJson(v, counts, null));
      }
      if (/urlencoded/.test(ct) || (!ct && /^[^\s=&]+=[^\s&]*(&[^\s=&]+=[^\s&]*)*$/.test(t) && /%40|%20|\+|@/.test(t))) {
        return scrubParams(new win.URLSearchParams(s), counts).toString();
      }
      return redactValue(s, name, counts);
    }
    function redactValue(s, name, counts) {
      if (!s) return s;
      const r = baseScanner.redact(s, Object.assign({}, redactOptions, { field: name ? { name } : undefined }));
      countKinds(r.findings, counts);
      return r.text;
    }
    function walkJson(v, counts, key) {
      if (typeof v === 'string') return redactValue(v, key, counts);
      if (Array.isArray(v)) return v.map((x) => walkJson(x, counts, key));
      if (v && typeof v === 'object') {
        const o = {};
        for (const k of Object.keys(v)) o[k] = walkJson(v[k], counts, k);
        return o;
      }
      return v;
    }
    function scrubParams(p, counts) {
      const out = new win.URLSearchParams();
      for (const [k, v] of p) out.append(k, redactValue(v, k, counts));
      return out;
    }
    // Returns the scrubbed body synchronously, or a Promise for Blob bodies.
    function scrub(body, contentType, counts) {
      if (body === null || body === undefined) return body;
      if (typeof body === 'string') return scrubString(body, contentType, counts);
      if (body instanceof win.URLSearchParams) return scrubParams(body, counts);
      if (body instanceof win.FormData) {
        const out = new win.FormData();
        for (const [k, v] of body) out.append(k, typeof v === 'string' ? redactValue(v, k, counts) : v);
        return out;
      }
      if (body instanceof win.Blob && !(win.File && body instanceof win.File) && textType(body.type)) {
        return body.text().then((t) => new win.Blob([scrubString(t, body.type, counts)], { type: body.type }));
      }
      return body; // binary (ArrayBuffer, typed arrays, files), streams: left alone
    }
    function needsScrub(body) {
      return typeof body === 'string' || body instanceof win.URLSearchParams || body instanceof win.FormData
        || (body instanceof win.Blob && !(win.File && body instanceof win.File) && textType(body.type));
    }
    function report(via, counts, target) {
      const n = total(counts);
      if (n) emit(target || doc, 'pii-veil:masked', { via, counts, total: n });
    }
    function heldError(via) {
      emit(doc, 'pii-veil:blocked', { via, reason: 'engine_unavailable', counts: {}, total: 0 });
      const e = new TypeError('pii-veil: request held back, the privacy filter is not available');
      e.code = 'engine_unavailable';
      return e;
    }
    // Runs `send(scrubbed)` now when possible, else after the engine and Blob reads.
    function withScrubbed(body, contentType, via, send, refuse) {
      if (!needsScrub(body)) return send(body);
      const go = () => {
        const counts = {};
        const out = scrub(body, contentType, counts);
        if (out && typeof out.then === 'function') {
          return out.then((b) => { report(via, counts); return send(b); });
        }
        report(via, counts);
        return send(out);
      };
      if (engine === 'ready') return go();
      if (engine === 'failed') return refuse(heldError(via));
      return ready.then(() => (engine === 'ready' ? go() : refuse(heldError(via))));
    }

    if (guardOpt) {
      const origFetch = win.fetch;
      if (origFetch) {
        const fetchGuard = function fetch(input, init) {
          const isReq = win.Request && input instanceof win.Request;
          const url = isReq ? input.url : input;
          if (stopped || !guarded(url)) return origFetch.apply(win, arguments);
          const headers = new win.Headers((init && init.headers) || (isReq ? input.headers : undefined));
          const ct = headers.get('content-type') || '';
          if (init && init.body !== undefined && init.body !== null) {
            return Promise.resolve(withScrubbed(init.body, ct, 'fetch',
              (b) => origFetch.call(win, input, Object.assign({}, init, { body: b })),
              (e) => Promise.reject(e)));
          }
          if (isReq && input.body && textType(ct || 'text/plain')) {
            return input.clone().text().then((t) => withScrubbed(t, ct, 'fetch',
              (b) => origFetch.call(win, new win.Request(input, { body: b })), (e) => Promise.reject(e)));
          }
          if (engine !== 'ready' && isReq && input.body) {
            return Promise.reject(heldError('fetch'));
          }
          return origFetch.apply(win, arguments);
        };
        win.fetch = fetchGuard;
        cleanups.push(() => { if (win.fetch === fetchGuard) win.fetch = origFetch; });
      }
      const XHR = win.XMLHttpRequest && win.XMLHttpRequest.prototype;
      if (XHR) {
        const meta = new WeakMap();
        const origOpen = XHR.open, origSend = XHR.send, origHeader = XHR.setRequestHeader;
        const open = function open(method, url) {
          meta.set(this, { url, async: arguments.length < 3 || arguments[2] !== false, ct: '' });
          return origOpen.apply(this, arguments);
        };
        const setRequestHeader = function setRequestHeader(k, v) {
          const m = meta.get(this);
          if (m && String(k).toLowerCase() === 'content-type') m.ct = String(v);
          return origHeader.apply(this, arguments);
        };
        const send = function send(body) {
          const m = meta.get(this);
          if (stopped || !m || !guarded(m.url) || body === undefined || body === null) return origSend.apply(this, arguments);
          const xhr = this;
          if (!m.async && (engine !== 'ready' || (body instanceof win.Blob && needsScrub(body)))) {
            throw heldError('xhr');
          }
          withScrubbed(body, m.ct, 'xhr', (b) => origSend.call(xhr, b), () => {
            try { xhr.dispatchEvent(new win.ProgressEvent('error')); xhr.dispatchEvent(new win.ProgressEvent('loadend')); } catch (_) { /* ignore */ }
          });
          return undefined;
        };
        XHR.open = open;
        XHR.setRequestHeader = setRequestHeader;
        XHR.send = send;
        cleanups.push(() => {
          if (XHR.open === open) XHR.open = origOpen;
          if (XHR.setRequestHeader === setRequestHeader) XHR.setRequestHeader = origHeader;
          if (XHR.send === send) XHR.send = origSend;
        });
      }
      const nav = win.navigator;
      if (nav && typeof nav.sendBeacon === 'function') {
        const origBeacon = nav.sendBeacon;
        const sendBeacon = function sendBeacon(url, data) {
          if (stopped || !guarded(url) || data === undefined || data === null) return origBeacon.apply(nav, arguments);
          let sent = true;
          const r = withScrubbed(data, data && data.type, 'beacon', (b) => origBeacon.call(nav, url, b), () => { sent = false; return false; });
          return typeof r === 'boolean' ? r : sent;
        };
        nav.sendBeacon = sendBeacon;
        cleanups.push(() => { if (nav.sendBeacon === sendBeacon) nav.sendBeacon = origBeacon; });
      }
      const WS = win.WebSocket && win.WebSocket.prototype;
      if (WS) {
        const origWsSend = WS.send;
        const queues = new WeakMap();
        const wsSend = function send(data) {
          if (stopped || !guarded(String(this.url).replace(/^ws/, 'http'))) return origWsSend.apply(this, arguments);
          const ws = this;
          const q = queues.get(ws);
          const run = () => withScrubbed(data, data && data.type, 'websocket', (b) => origWsSend.call(ws, b), () => undefined);
          if (!q && engine === 'ready' && !(data instanceof win.Blob)) { run(); return undefined; }
          const next = (q || Promise.resolve()).then(run, run);
          queues.set(ws, next);
          next.then(() => { if (queues.get(ws) === next) queues.delete(ws); });
          return undefined;
        };
        WS.send = wsSend;
        cleanups.push(() => { if (WS.send === wsSend) WS.send = origWsSend; });
      }
    }

    // ---------- observers
    let resizeObs = null;
    if (typeof win.ResizeObserver === 'function') {
      resizeObs = new win.ResizeObserver(timed((entries) => {
        for (const en of entries) { const f = fields.get(en.target); if (f) layoutSoon(f); }
      }, 'resize observer'));
      cleanups.push(() => resizeObs.disconnect());
    }
    listen(win, 'resize', timed(() => { for (const f of fields.values()) { layoutSoon(f); if (f.editable && f.boxes.length) paintEditable(f, readText(f).map); } }, 'resize'));
    const mo = new win.MutationObserver(timed((records) => {
      let removed = false;
      for (const r of records) {
        const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        if (t && t.closest('[' + OWN + ']')) continue;
        if (r.type === 'attributes') { discover(r.target); continue; }
        for (const n of r.addedNodes) if (n.nodeType === 1 && !n.hasAttribute(OWN)) discover(n);
        if (r.removedNodes.length) removed = true;
        const host = r.target.nodeType === 1 ? r.target.closest('[contenteditable]') : null;
        if (host && fields.has(host)) schedule(fields.get(host));
      }
      if (removed) for (const f of [...fields.values()]) if (!f.el.isConnected) detach(f);
    }, 'mutations'));
    mo.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['type', 'contenteditable', 'data-pii-veil', 'name'] });
    cleanups.push(() => mo.disconnect());
    // characterData inside contenteditable fields
    discover(root.nodeType === 9 ? root.documentElement : root);

    // ---------- handle
    return {
      get ready() { return ready.then(() => engine === 'ready'); },
      get state() { return engine; },
      get stats() { return Object.assign({}, stats); },
      get chat() { return chat ? chat.handle : null; },
      fields() { return [...fields.keys()]; },
      rescan() { for (const f of fields.values()) schedule(f, true); },
      stop() {
        if (stopped) return;
        stopped = true;
        for (const f of [...fields.values()]) detach(f);
        for (const c of cleanups.splice(0).reverse()) { try { c(); } catch (_) { /* keep going */ } }
        if (cssHighlight) win.CSS.highlights.delete('pii-veil');
        if (worker) worker.terminate();
        for (const s of scanners.values()) s.free();
        scanners.clear();
      },
    };
  }

  return protect;
}

/**
 * The scanning side of a worker: answers `{ type: 'redact', id, text, config, options }`
 * with `{ id, result }` or `{ id, error: code }`.
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

/**
 * Options for protect() read from the script tag's attributes:
 * `data-protect` (selector; empty for `[data-pii-veil]`), `data-guard` (comma list:
 * `self`, origins, and paths starting with `/`), `data-policy`, `data-lang`,
 * `data-operator`, `data-notice="off"`, `data-highlight="off"`, `data-fail-open` (selector),
 * `data-chat` (chatbot endpoint path or URL), `data-chat-response`, `data-chat-style`.
 */
export function autoProtect(script, protect, win) {
  const a = (n) => script.getAttribute(n);
  const options = { window: win };
  if (a('data-protect')) options.selector = a('data-protect');
  const g = a('data-guard');
  if (g !== null) {
    const parts = g.split(',').map((x) => x.trim()).filter(Boolean);
    const paths = parts.filter((x) => x[0] === '/');
    const origins = parts.filter((x) => x[0] !== '/');
    options.guard = { origins: origins.length ? origins : ['self'], paths: paths.length ? paths : null };
  }
  if (a('data-policy')) options.policy = a('data-policy');
  if (a('data-lang')) options.lang = a('data-lang');
  if (a('data-operator')) options.operator = a('data-operator');
  if (a('data-notice') === 'off') options.notice = false;
  if (a('data-highlight') === 'off') options.highlight = false;
  if (a('data-fail-open')) options.failOpen = a('data-fail-open');
  if (a('data-chat')) {
    options.chat = { url: a('data-chat'), response: a('data-chat-response') || undefined, style: a('data-chat-style') || undefined };
  }
  return protect(win.document, options);
}

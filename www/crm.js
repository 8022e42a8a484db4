// The CRM page's own code, written like any app that does not know about pii-veil:
// forms posted natively or with fetch(new FormData(form)), an XHR draft save, a chat
// widget (contenteditable) that renders late and posts JSON with fetch plus an
// analytics beacon, and a second widget that talks over a WebSocket.
//
// pii-veil is added to the page afterwards, the way a site would add it:
//   default     <script src="dist/pii-veil.js" data-protect data-guard="self,/api/">
//   ?build=esm  import { protect } from './dist/npm/index.js'
// With the test server (www/test/server.mjs) the right column shows the bodies the
// server really received. Served statically (python http.server), there is no server
// to post to: the page then records what would leave in-page, clearly labelled.
// Texts: crm-text.js, English unless the URL asks for German (?lang=de, as the live
// preview's links do); protect()'s notices follow the same language.
import { CRM_TEXT } from './crm-text.js';
import { applyTexts, askedLang, fill, put } from './page-text.js';

(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(location.search);
  var lang = askedLang(location.search) || 'en';
  var T = function (key) { return CRM_TEXT[lang][key]; };
  applyTexts(document, CRM_TEXT, lang);
  $('status').textContent = T('loading');
  document.querySelector('.toplink').setAttribute('href', 'index.html?lang=' + lang);
  var simulated = false;
  var local = [];

  function text(tag, cls, t) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    e.textContent = t;
    return e;
  }

  // ---------- the server view
  function showRecorded(list) {
    var ol = $('recorded');
    ol.replaceChildren();
    list.slice(-20).reverse().forEach(function (r) {
      var li = document.createElement('li');
      li.appendChild(text('span', 'meta', r.method + ' ' + r.path + (r.contentType ? ' · ' + r.contentType.split(';')[0] : '')));
      li.appendChild(document.createTextNode(r.body));
      ol.appendChild(li);
    });
  }
  function poll() {
    if (simulated) { showRecorded(local); return; }
    fetch('/__recorded', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(showRecorded, function () {});
  }

  // Static hosting: record in-page what would be sent (installed before pii-veil, so
  // what is recorded is what pii-veil lets through).
  function simulateServer() {
    simulated = true;
    put($('server-mode'), T('serverSimulated'));
    var record = function (method, path, contentType, body) {
      local.push({ method: method, path: path, contentType: contentType || '', body: body });
      poll();
    };
    var bodyText = function (b) {
      if (b === undefined || b === null) return Promise.resolve('');
      if (typeof b === 'string') return Promise.resolve(b);
      if (b instanceof URLSearchParams) return Promise.resolve(b.toString());
      if (b instanceof FormData) return Promise.resolve(new URLSearchParams(Array.from(b).filter(function (e) { return typeof e[1] === 'string'; })).toString());
      if (b instanceof Blob) return b.text();
      return Promise.resolve('[binary]');
    };
    var realFetch = window.fetch;
    window.fetch = function (input, init) {
      var url = new URL(typeof input === 'string' ? input : input.url, location.href);
      if (!url.pathname.startsWith('/api/')) return realFetch.apply(window, arguments);
      return bodyText(init && init.body).then(function (b) {
        record((init && init.method) || 'GET', url.pathname, init && init.headers && init.headers['content-type'], b);
        return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
      });
    };
    var send = XMLHttpRequest.prototype.send, open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (m, u) { this.__sim = { m: m, u: new URL(u, location.href).pathname }; return open.apply(this, arguments); };
    XMLHttpRequest.prototype.send = function (b) {
      var x = this;
      if (!x.__sim || !x.__sim.u.startsWith('/api/')) return send.apply(this, arguments);
      bodyText(b).then(function (t) {
        record(x.__sim.m, x.__sim.u, '', t);
        x.dispatchEvent(new Event('load'));
      });
    };
    navigator.sendBeacon = function (u, b) { bodyText(b).then(function (t) { record('POST', new URL(u, location.href).pathname, '', t); }); return true; };
    window.WebSocket = function FakeSocket(u) {
      var self = this;
      this.url = u;
      this.readyState = 0;
      setTimeout(function () { self.readyState = 1; if (self.onopen) self.onopen(new Event('open')); }, 10);
    };
    window.WebSocket.prototype.send = function (d) {
      var self = this;
      bodyText(d).then(function (t) {
        record('WS', '/ws', '', t);
        if (self.onmessage) self.onmessage({ data: '{"ok":true}' });
      });
    };
    window.WebSocket.prototype.close = function () {};
    // Native submits: the formdata event (where pii-veil masks) runs inside new FormData.
    window.addEventListener('submit', function (e) {
      var f = e.target;
      if (!f.action || f.method !== 'post') return;
      e.preventDefault();
      record('POST', new URL(f.action).pathname, 'application/x-www-form-urlencoded', new URLSearchParams(new FormData(f)).toString());
    });
  }

  // ---------- forms
  $('ticket').addEventListener('submit', function (e) {
    e.preventDefault();
    var form = e.target;
    fetch('/api/ticket', { method: 'POST', body: new FormData(form) }).then(function (r) {
      $('t-result').textContent = r.ok ? T('ticketCreated') : fill(T('ticketError'), { status: r.status });
      document.documentElement.dataset.ticketSent = String(Number(document.documentElement.dataset.ticketSent || 0) + 1);
    }, function () { $('t-result').textContent = T('notSent'); });
  });
  $('t-draft').addEventListener('click', function () {
    var x = new XMLHttpRequest();
    x.open('POST', '/api/draft');
    x.setRequestHeader('content-type', 'application/json');
    x.addEventListener('load', function () { $('t-result').textContent = T('draftSaved'); });
    x.addEventListener('error', function () { $('t-result').textContent = T('draftNotSaved'); });
    x.send(JSON.stringify({ draft: { subject: $('t-subject').value, body: $('t-body').value }, tags: ['support'] }));
  });

  // ---------- chat widgets, rendered late like third-party widgets are
  function widget(title, id) {
    var s = document.createElement('section');
    s.className = 'card chatbox';
    s.id = id;
    var h = text('h2', '', title);
    s.appendChild(h);
    var log = document.createElement('ol');
    log.className = 'log';
    log.setAttribute('aria-live', 'polite');
    log.appendChild(text('li', 'msg them', T('chatHello')));
    s.appendChild(log);
    return { section: s, log: log };
  }
  // Adds `field` and a row with its Send button (id `sendId`) to widget `w`.
  function sendRow(w, field, sendId) {
    var row = document.createElement('div');
    row.className = 'row';
    var btn = text('button', 'primary', T('send'));
    btn.type = 'button';
    btn.id = sendId;
    row.appendChild(btn);
    w.section.appendChild(field);
    w.section.appendChild(row);
    return btn;
  }
  function say(log, t) {
    var li = text('li', 'msg us', t);
    log.appendChild(li);
    log.scrollTop = log.scrollHeight;
  }

  setTimeout(function () {
    var w = widget(T('chat1Title'), 'chat1');
    var editor = document.createElement('div');
    editor.className = 'editor';
    editor.id = 'chat1-editor';
    editor.contentEditable = 'true';
    editor.setAttribute('role', 'textbox');
    editor.setAttribute('aria-multiline', 'true');
    editor.setAttribute('aria-label', T('chat1Label'));
    editor.dataset.placeholder = T('chat1Placeholder');
    editor.setAttribute('data-pii-veil', '');
    var btn = sendRow(w, editor, 'chat1-send');
    var send = function () {
      var msg = editor.innerText.trim();
      if (!msg) return;
      fetch('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversation: 'c-48213', message: { text: msg, channel: 'web' }, meta: { agent: false } }),
      }).then(function () { document.documentElement.dataset.chat1Sent = String(Number(document.documentElement.dataset.chat1Sent || 0) + 1); },
        function () { document.documentElement.dataset.chat1Failed = 'true'; });
      navigator.sendBeacon('/api/analytics', new URLSearchParams({ event: 'chat_message', preview: msg.slice(0, 60) }));
      say(w.log, msg);
      editor.replaceChildren();
    };
    btn.addEventListener('click', send);
    editor.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(); }
    });
    $('widgets-wait').remove();
    $('widgets').appendChild(w.section);
  }, Number(params.get('chatDelay') || 800));

  setTimeout(function () {
    var w = widget(T('chat2Title'), 'chat2');
    var ta = document.createElement('textarea');
    ta.id = 'chat2-input';
    ta.name = 'message';
    ta.rows = 3;
    ta.setAttribute('aria-label', T('chat2Label'));
    ta.setAttribute('data-pii-veil', '');
    var btn = sendRow(w, ta, 'chat2-send');
    var ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/ws/agent');
    ws.onmessage = function () { document.documentElement.dataset.chat2Acks = String(Number(document.documentElement.dataset.chat2Acks || 0) + 1); };
    ws.onopen = function () { document.documentElement.dataset.chat2Open = 'true'; };
    btn.addEventListener('click', function () {
      if (!ta.value.trim()) return;
      ws.send(JSON.stringify({ type: 'message', text: ta.value, at: 'now' }));
      say(w.log, ta.value);
      ta.value = '';
    });
    $('widgets').appendChild(w.section);
  }, Number(params.get('chatDelay') || 800) + 400);

  // ---------- pii-veil events (counts only)
  ['pii-veil:masked', 'pii-veil:blocked', 'pii-veil:error', 'pii-veil:findings', 'pii-veil:ready'].forEach(function (type) {
    document.addEventListener(type, function (e) {
      var d = e.detail || {};
      var counts = d.counts ? Object.keys(d.counts).map(function (k) { return k + ' ' + d.counts[k]; }).join(', ') : '';
      var line = type.replace('pii-veil:', '') + (d.via ? ' via ' + d.via : '') + (d.reason ? ' (' + d.reason + ')' : '') + (d.code ? ' ' + d.code : '') + (counts ? ': ' + counts : '');
      if (type === 'pii-veil:findings' && !counts) return;
      var ol = $('events');
      ol.insertBefore(text('li', '', line), ol.firstChild);
      while (ol.children.length > 30) ol.lastChild.remove();
      if (type === 'pii-veil:ready') { $('status').textContent = T('ready'); $('status').className = 'status ok'; }
      if (type === 'pii-veil:error') { $('status').textContent = T('failed'); $('status').className = 'status err'; }
    });
  });

  // ---------- add pii-veil
  function load() {
    if (params.get('build') === 'esm') {
      import('./dist/npm/index.js').then(function (m) {
        window.crmProtection = m.protect(document, { guard: { origins: ['self'], paths: ['/api/', '/ws/'] }, lang: params.get('lang') || undefined });
      });
      return;
    }
    var s = document.createElement('script');
    s.src = 'dist/pii-veil.js';
    s.setAttribute('data-protect', '');
    s.setAttribute('data-guard', 'self,/api/,/ws/');
    if (params.get('lang')) s.setAttribute('data-lang', params.get('lang'));
    s.onload = function () { window.crmProtection = window.PiiVeil.page; };
    document.head.appendChild(s);
  }

  // The recording server (www/test/server.mjs) marks the pages it serves; a static
  // server does not, and the page then records what it would send itself.
  fetch(location.pathname, { method: 'HEAD', cache: 'no-store' }).then(function (r) {
    if (!r.headers.get('x-pii-veil-recorder')) throw new Error('no test server');
    put($('server-mode'), T('serverLive'));
  }).catch(simulateServer).then(function () {
    load();
    poll();
    setInterval(poll, 700);
  });
})();

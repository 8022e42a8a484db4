// Demo: a chat widget talking to a chatbot, protected by pii-veil's chat wiring. The
// widget below is ordinary code (fetch + JSON, or fetch + a streamed body); pii-veil
// pseudonymises what it sends to /api/bot* and restores the reply before the widget
// reads it. Left: what the customer sees; right: what the bot's server received and
// answered. User text only ever goes into textContent.
//   served by www/test/server.mjs: the server view is what the server recorded;
//   served statically (www/serve.sh): the bot is simulated in-page, installed before
//   pii-veil, so it sees exactly what pii-veil lets through.
// Texts: bot-text.js, English unless the URL asks for German (?lang=de, as the live
// preview's links do); protect()'s notices and the stand-in bot follow the page.
import { BOT_TEXT } from './bot-text.js';
import { applyTexts, askedLang, fill, put } from './page-text.js';

(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(location.search);
  var lang = askedLang(location.search) || 'en';
  var T = function (key) { return BOT_TEXT[lang][key]; };
  applyTexts(document, BOT_TEXT, lang);
  $('status').textContent = T('loading');
  document.querySelector('.toplink').setAttribute('href', 'index.html?lang=' + lang);
  var simulated = false;
  var local = []; // simulated server: {message, reply}

  function bubble(list, cls, who, text) {
    var li = document.createElement('li');
    li.className = 'msg ' + cls;
    var w = document.createElement('span');
    w.className = 'who';
    w.textContent = who;
    var body = document.createElement('span');
    body.className = 'body';
    body.textContent = text;
    li.appendChild(w);
    li.appendChild(body);
    $(list).appendChild(li);
    $(list).scrollTop = $(list).scrollHeight;
    return body;
  }

  // ---------- the chat widget (knows nothing about pii-veil)
  var busy = false;
  function send() {
    var text = $('bot-input').value;
    if (!text.trim() || busy) return;
    busy = true;
    $('bot-input').value = '';
    bubble('customer-log', 'us', T('you'), text);
    var stream = $('bot-mode').value === 'stream';
    var done = function () {
      busy = false;
      document.documentElement.dataset.botReplies = String(Number(document.documentElement.dataset.botReplies || 0) + 1);
      poll();
    };
    fetch(stream ? '/api/bot/stream' : '/api/bot', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: text, channel: 'web' }),
    }).then(function (r) {
      if (!stream) return r.json().then(function (d) { bubble('customer-log', 'them', T('assistant'), d.reply); });
      var out = bubble('customer-log', 'them', T('assistant'), '');
      var reader = r.body.getReader();
      var dec = new TextDecoder();
      var pump = function () {
        return reader.read().then(function (x) {
          if (x.done) { out.textContent += dec.decode(); return undefined; }
          out.textContent += dec.decode(x.value, { stream: true });
          document.documentElement.dataset.botReads = String(Number(document.documentElement.dataset.botReads || 0) + 1);
          return pump();
        });
      };
      return pump();
    }).then(done, function (e) {
      bubble('customer-log', 'them', T('error'), fill(T('notSent'), { code: e && e.code ? e.code : 'error' }));
      done();
    });
  }
  $('bot-send').addEventListener('click', send);
  $('bot-input').addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); send(); }
  });
  $('bot-new').addEventListener('click', function () {
    if (window.botProtection && window.botProtection.chat) window.botProtection.chat.clear();
    $('customer-log').replaceChildren();
  });

  // ---------- the server view
  function showServer(list) {
    var ol = $('server-log');
    ol.replaceChildren();
    list.forEach(function (x) {
      bubble('server-log', 'us', T('received'), x.message);
      bubble('server-log', 'them', T('replied'), x.reply);
    });
  }
  function poll() {
    if (simulated) { showServer(local); return; }
    fetch('/__bot', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(showServer, function () {});
  }

  // The stand-in model: quotes the placeholders it received and the message back.
  var PLACEHOLDER = /[[<{][A-Z]+(?:_[A-Z0-9]+)+[\]>}]/g;
  function botReply(message) {
    var seen = [];
    (message.match(PLACEHOLDER) || []).forEach(function (p) { if (seen.indexOf(p) < 0) seen.push(p); });
    return (seen.length ? fill(T('botNoted'), { values: seen.join(', ') }) : T('botThanks')) + ' ' + fill(T('botWrote'), { message: message });
  }
  function simulateServer() {
    simulated = true;
    put($('bot-server-mode'), T('serverSimulated'));
    var realFetch = window.fetch;
    window.fetch = function (input, init) {
      var url = new URL(typeof input === 'string' ? input : input.url, location.href);
      if (!url.pathname.startsWith('/api/bot')) return realFetch.apply(window, arguments);
      var body = (init && typeof init.body === 'string') ? init.body : '';
      var message = body;
      try { message = JSON.parse(body).message; } catch (_) { /* text */ }
      var reply = botReply(String(message));
      local.push({ message: String(message), reply: reply });
      if (url.pathname === '/api/bot') {
        return Promise.resolve(new Response(JSON.stringify({ reply: reply }), { headers: { 'content-type': 'application/json' } }));
      }
      var enc = new TextEncoder();
      var i = 0;
      return Promise.resolve(new Response(new ReadableStream({
        pull: function (c) {
          return new Promise(function (res) { setTimeout(res, 40); }).then(function () {
            if (i >= reply.length) { c.close(); return; }
            c.enqueue(enc.encode(reply.slice(i, i + 7)));
            i += 7;
          });
        },
      }), { headers: { 'content-type': 'text/plain; charset=utf-8' } }));
    };
  }

  // ---------- add pii-veil
  ['pii-veil:ready', 'pii-veil:error'].forEach(function (type) {
    document.addEventListener(type, function () {
      var ok = type === 'pii-veil:ready';
      $('status').textContent = T(ok ? 'ready' : 'failed');
      $('status').className = 'status ' + (ok ? 'ok' : 'err');
    });
  });
  function load() {
    window.botProtection = window.PiiVeil.protect(document, {
      chat: { url: '/api/bot', style: params.get('style') || undefined },
      // the guard scrubs every other request to /api/ (the chat endpoint is left to chat)
      guard: { origins: ['self'], paths: ['/api/'] },
      lang: lang,
    });
  }
  // The recording server (www/test/server.mjs) marks the pages it serves; a static
  // server does not, and the page then records what it would send itself.
  fetch(location.pathname, { method: 'HEAD', cache: 'no-store' }).then(function (r) {
    if (!r.headers.get('x-pii-veil-recorder')) throw new Error('no test server');
    put($('bot-server-mode'), T('serverLive'));
  }).catch(simulateServer).then(function () {
    load();
    poll();
  });
})();

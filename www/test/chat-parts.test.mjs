// chat.js in Node: its pure parts from the source, and the fetch wrapper on Node's own
// fetch classes with the built engine (sessions of the node entry) and a fake server
// as the window's fetch. The browser test (session.e2e.mjs) runs it on a real page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createChat, endpointMatcher, mapStrings, replyMode } from '../src/chat.js';
import { nodeEntry } from './helpers.mjs';

const pv = await import(pathToFileURL(nodeEntry));
const EMAIL = 'anna.berger@example.org';
const IBAN = 'DE89 3704 0044 0532 0130 00';

// A window with Node's classes, at https://shop.example/chat, whose fetch records
// what it is sent and answers with `reply(request, body text)`.
function fakeWindow(reply) {
  const sent = [];
  const win = {
    URL, Request, Response, Headers, URLSearchParams, FormData, Blob, File, TextDecoderStream, TextEncoderStream,
    document: { baseURI: 'https://shop.example/chat' },
    location: { origin: 'https://shop.example' },
    async fetch(input, init) {
      const req = input instanceof Request ? new Request(input, init) : new Request(new URL(input, win.document.baseURI), init);
      const body = await req.text();
      sent.push({ url: req.url, body, type: req.headers.get('content-type') });
      return reply(req, body);
    },
  };
  return { win, sent };
}
function chatOn(win, options, ready = true) {
  const events = [];
  const chat = createChat(pv, {
    win, options, scanner: () => pv.createScanner(),
    whenReady: () => Promise.resolve(ready),
    report: (via, counts) => events.push({ via, counts }),
    heldError: (via) => Object.assign(new TypeError('held'), { code: 'engine_unavailable', via }),
  });
  return { chat, events };
}

test('endpoint: same-origin path prefixes, absolute URL prefixes, or a function', () => {
  const win = { URL, document: { baseURI: 'https://shop.example/a/' }, location: { origin: 'https://shop.example' } };
  const owns = endpointMatcher(['/api/bot', 'https://bot.example/v1/'], win);
  assert.ok(owns('/api/bot/send'));
  assert.ok(owns('https://shop.example/api/bot'));
  assert.ok(owns(new URL('https://bot.example/v1/chat')));
  assert.ok(!owns('https://other.example/api/bot'), 'a path is same-origin only');
  assert.ok(!owns('https://bot.example/v2/chat'));
  assert.ok(!owns('/api/other'));
  assert.ok(!owns('http://[bad'), 'an unparsable URL is not the endpoint');
  const byFn = endpointMatcher((u) => u.searchParams.has('bot'), win);
  assert.ok(byFn('x?bot=1') && !byFn('x?b=1'));
});

test('strings mapped at any depth with the nearest key; reply modes', () => {
  const seen = [];
  const out = mapStrings({ a: 'x', b: [1, 'y', { c: 'z' }], d: null }, (s, k) => { seen.push(k); return s.toUpperCase(); }, null);
  assert.deepEqual(out, { a: 'X', b: [1, 'Y', { c: 'Z' }], d: null });
  assert.deepEqual(seen, ['a', 'b', 'c']);
  assert.equal(replyMode('auto', 'application/json; charset=utf-8'), 'json');
  assert.equal(replyMode('auto', 'application/problem+json'), 'json');
  assert.equal(replyMode('auto', 'text/event-stream'), 'sse');
  assert.equal(replyMode('auto', 'text/plain'), 'stream');
  assert.equal(replyMode('text', 'application/json'), 'text');
});

test('options are checked', () => {
  const { win } = fakeWindow(() => new Response(''));
  for (const options of [{ url: '/bot', request: 'xml' }, { url: '/bot', response: 'html' }, {}]) {
    assert.throws(() => chatOn(win, options), { code: 'invalid_argument' }, JSON.stringify(options));
  }
});

test('a JSON request goes out pseudonymised, the JSON reply comes back restored', async () => {
  const { win, sent } = fakeWindow((req, body) => {
    const { message } = JSON.parse(body);
    return new Response(JSON.stringify({ answer: `Danke, ich schreibe an ${message.match(/\[EMAIL_1\]/)[0]}.` }), { headers: { 'content-type': 'application/json' } });
  });
  const { chat, events } = chatOn(win, { url: '/api/bot' });
  const resp = await win.fetch('/api/bot', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: `Mail ${EMAIL}, IBAN ${IBAN}`, n: 1 }) });
  assert.deepEqual(JSON.parse(sent[0].body), { message: 'Mail [EMAIL_1], IBAN [IBAN_1]', n: 1 });
  assert.deepEqual(await resp.json(), { answer: `Danke, ich schreibe an ${EMAIL}.` });
  assert.deepEqual(events, [{ via: 'chat', counts: { email: 1, iban: 1 } }]);
  assert.equal(chat.handle.session.size, 2);
  chat.stop();
});

test('a streamed reply is restored chunk by chunk; other URLs are left alone', async () => {
  const { win, sent } = fakeWindow((req) => {
    if (!req.url.includes('/api/bot')) return new Response('other');
    const enc = new TextEncoder();
    const parts = ['data: Hallo [EMA', 'IL_1], alles', ' klar\n\n'];
    return new Response(new ReadableStream({ start(c) { for (const p of parts) c.enqueue(enc.encode(p)); c.close(); } }), { headers: { 'content-type': 'text/event-stream' } });
  });
  const { chat } = chatOn(win, { url: '/api/bot', request: 'text' });
  const resp = await win.fetch(new Request('https://shop.example/api/bot', { method: 'POST', body: `Ich bin ${EMAIL}` }));
  assert.equal(sent[0].body, 'Ich bin [EMAIL_1]');
  assert.equal(await resp.text(), `data: Hallo ${EMAIL}, alles klar\n\n`);
  await win.fetch('/static/x', { method: 'POST', body: `Ich bin ${EMAIL}` });
  assert.equal(sent[1].body, `Ich bin ${EMAIL}`, 'not the endpoint: sent as it is');
  chat.stop();
});

test('refused: engine unavailable, a body that is not text, and not JSON in json mode', async () => {
  const { win, sent } = fakeWindow(() => new Response('{}'));
  const off = chatOn(win, { url: '/api/bot' }, false);
  await assert.rejects(win.fetch('/api/bot', { method: 'POST', body: 'x' }), { code: 'engine_unavailable', via: 'chat' });
  off.chat.stop();
  const bin = chatOn(win, { url: '/api/bot' });
  await assert.rejects(win.fetch('/api/bot', { method: 'POST', body: new Uint8Array([1, 2]) }), { code: 'unsupported_body' });
  bin.chat.stop();
  const json = chatOn(win, { url: '/api/bot', request: 'json' });
  await assert.rejects(win.fetch('/api/bot', { method: 'POST', body: 'plain text' }), { code: 'unsupported_body' });
  json.chat.stop();
  assert.deepEqual(sent, [], 'nothing went out');
});

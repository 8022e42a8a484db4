// The module's download (src/download.js, used by the script-tag loaders and the npm
// entry): given up after 20 s without a byte, never while bytes keep coming. A fake
// fetch whose body the test feeds, on Node's mocked clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { download, readBody } from '../src/download.js';

// A fetch that answers at once (or never: `answer` false) with a body the test feeds;
// like the browser's, it fails the request or errors the body once its signal aborts.
function fakeFetch(answer = true) {
  let feed;
  const fetchFn = (url, init) => new Promise((resolve, reject) => {
    const body = new ReadableStream({ start(c) { feed = c; } });
    init.signal.addEventListener('abort', () => {
      const e = new DOMException('The operation was aborted.', 'AbortError');
      reject(e);
      try { feed.error(e); } catch (_) { /* closed */ }
    });
    if (answer) resolve(new Response(body, { headers: { 'Content-Type': 'application/wasm' } }));
  });
  return { fetchFn, chunk: (bytes) => feed.enqueue(new Uint8Array(bytes)), end: () => feed.close() };
}
const turn = () => new Promise((r) => setImmediate(r));
// What pii-veil said on the console (Node's own warnings go there too).
const said = (errors) => errors.mock.calls.map((c) => c.arguments[0]).filter((m) => String(m).startsWith('pii-veil:'));
const STALLED = 'pii-veil: the .wasm module did not come (no byte for 20 s); protection is held back';

// A download started on the mocked clock, console.error caught: the fake fetch (`f`),
// the errors said (`errors`) and the outcome as it stands (`o`: state, value or error).
function started(t, { answer = true, use = readBody } = {}) {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const errors = t.mock.method(console, 'error', () => {});
  const f = fakeFetch(answer);
  const o = { state: 'pending' };
  download(f.fetchFn, 'https://example.test/m.wasm', {}, use)
    .then((v) => Object.assign(o, { state: 'done', value: v }), (e) => Object.assign(o, { state: 'failed', error: e }));
  return { f, o, errors };
}

test('a body that stops coming is given up 20 s after its last byte, said once on the console', async (t) => {
  const { f, o, errors } = started(t);
  await turn();
  f.chunk([1, 2, 3]);
  await turn();
  t.mock.timers.tick(19999);
  await turn();
  assert.equal(o.state, 'pending', '19.999 s after the last byte');
  t.mock.timers.tick(1);
  await turn();
  await turn();
  assert.equal(o.state, 'failed');
  assert.equal(o.error.code, 'load_failed');
  assert.equal(o.error.logged, true);
  assert.deepEqual(said(errors), [STALLED]);
});

test('no answer at all is given up after 20 s', async (t) => {
  const { o } = started(t, { answer: false });
  t.mock.timers.tick(19999);
  await turn();
  assert.equal(o.state, 'pending');
  t.mock.timers.tick(1);
  await turn();
  assert.equal(o.state, 'failed');
  assert.equal(o.error.code, 'load_failed');
});

test('a slow body is not given up: each chunk starts the 20 s again; its bytes come whole', async (t) => {
  const { f, o, errors } = started(t);
  await turn();
  let sent = [];
  for (let i = 0; i < 6; i++) {
    t.mock.timers.tick(15000); // 90 s in all, never 20 s without a byte
    await turn();
    const c = Array.from({ length: 200000 + i }, (_, k) => (k * 7 + i) & 255);
    f.chunk(c);
    sent = sent.concat(c);
    await turn();
    assert.equal(o.state, 'pending');
  }
  f.end();
  await turn();
  await turn();
  assert.equal(o.state, 'done');
  assert.deepEqual(Array.from(o.value), sent);
  // and once the body is in, no timer is left to go off
  t.mock.timers.tick(60000);
  await turn();
  assert.deepEqual(said(errors), []);
});

test('what fails otherwise is passed on as it is, without the stall message', async (t) => {
  const http = new Error('pii-veil: m.wasm: HTTP 500');
  const { o, errors } = started(t, { use: () => { throw http; } });
  await turn();
  assert.equal(o.error, http);
  t.mock.timers.tick(60000);
  await turn();
  assert.deepEqual(said(errors), []);
});

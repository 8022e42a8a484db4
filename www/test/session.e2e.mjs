// End to end: the chatbot demo (www/bot.html) in headless Chromium (playwright-core)
// against a local stand-in for an LLM server (www/test/server.mjs, /api/bot and
// /api/bot/stream). The widget is ordinary code; pii-veil's chat wiring pseudonymises
// what it sends and restores the replies. Checks that the server saw only
// placeholders and the person sees their real values, for a whole JSON reply and for
// a streamed reply cut inside placeholders, with bracket placeholders and surrogates.
//   node www/test/session.e2e.mjs
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from './chromium.mjs';
import { startServer } from './server.mjs';

const V = {
  iban: 'DE89 3704 0044 0532 0130 00',
  phone: '+49 170 1234567',
  email: 'anna.berger@example.org',
  card: '4111 1111 1111 1111',
  name: 'Maria Huber',
};
const MSG1 = `Guten Tag, ich bin ${V.name} 😀. Bitte erstatten Sie auf ${V.iban}, Rückfragen an ${V.email} oder ${V.phone}.`;
// The same values spelled differently, a new card number, and placeholder-like text typed literally.
const MSG2 = `Nochmal: IBAN DE89370400440532013000, Tel. 0049 170 1234567, Mail ANNA.BERGER@example.org, `
  + `Karte ${V.card}. Ich habe wirklich „[IBAN_1]“ getippt.`;
const PLACEHOLDER = /[[<{][A-Z]+(?:_[A-Z0-9]+)+[\]>}]/;

let server, context, page, shots;
const problems = [];

before(async () => {
  server = await startServer();
  shots = mkdtempSync(join(tmpdir(), 'pii-veil-bot-'));
  context = await launchChromium({ viewport: { width: 1400, height: 900 } });
  for (const p of context.pages()) await p.close().catch(() => {});
});

after(async () => {
  await context?.close();
  await server?.close();
  console.log(`screenshots: ${shots}`);
});

async function open(query = '') {
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(server.url + 'bot.html' + query);
  await page.waitForFunction(() => document.getElementById('status').textContent === 'protected');
  assert.match(await page.textContent('#bot-server-mode'), /^Live/);
}
const detected = (value) => page.evaluate((v) => window.PiiVeil.scan(`x ${v} x`).some((f) => f.text === v), value);

async function say(text, mode) {
  const n = Number(await page.evaluate(() => document.documentElement.dataset.botReplies || 0));
  await page.selectOption('#bot-mode', mode);
  await page.fill('#bot-input', text);
  await page.click('#bot-send');
  await page.waitForFunction((k) => Number(document.documentElement.dataset.botReplies || 0) > k, n);
  const bubbles = await page.$$eval('#customer-log .msg .body', (els) => els.map((e) => e.textContent));
  return bubbles[bubbles.length - 1];
}

function assertServerClean(values) {
  const seen = server.recorded.filter((r) => r.path.startsWith('/api/bot')).map((r) => r.body).join('\n')
    + server.botReplies.map((r) => r.reply).join('\n');
  for (const v of values) {
    assert.ok(!seen.includes(v), `the bot's server saw ${JSON.stringify(v)}`);
    assert.ok(!seen.includes(v.replace(/ /g, '')), `the bot's server saw ${JSON.stringify(v)} without spaces`);
    assert.ok(!seen.toLowerCase().includes(v.toLowerCase()), `the bot's server saw ${JSON.stringify(v)} in another case`);
  }
}

test('placeholders: whole JSON reply, then a streamed reply cut inside placeholders', async () => {
  server.reset();
  await open();
  const values = [];
  for (const v of Object.values(V)) if (await detected(v)) values.push(v);
  assert.ok(values.includes(V.iban) && values.includes(V.email) && values.includes(V.phone) && values.includes(V.card));

  // 1. whole reply (JSON)
  const reply1 = await say(MSG1, 'json');
  const sent1 = JSON.parse(server.recorded.at(-1).body);
  assert.equal(sent1.channel, 'web');
  assert.match(sent1.message, /\[IBAN_1\]/);
  assert.match(sent1.message, /\[EMAIL_1\]/);
  assert.match(sent1.message, /\[PHONE_1\]/);
  assert.match(server.botReplies.at(-1).reply, /Notiert: .*\[IBAN_1\]/);
  assertServerClean(values);
  assert.equal(reply1.slice(reply1.indexOf(' Sie schrieben')), ` Sie schrieben: „${MSG1}“`);
  for (const v of values.filter((x) => MSG1.includes(x))) assert.ok(reply1.split(' Sie schrieben')[0].includes(v), `reply shows ${v}`);
  assert.doesNotMatch(reply1, PLACEHOLDER);

  // 2. streamed reply, cut inside every placeholder
  const reads0 = Number(await page.evaluate(() => document.documentElement.dataset.botReads || 0));
  const reply2 = await say(MSG2, 'stream');
  const sent2 = JSON.parse(server.recorded.at(-1).body);
  assert.match(sent2.message, /\[IBAN_1_ALT\]/, 'the same IBAN keeps its number');
  assert.match(sent2.message, /\[PHONE_1_ALT\]/);
  assert.match(sent2.message, /\[EMAIL_1_ALT\]/);
  assert.match(sent2.message, /\[CREDIT_CARD_1\]/);
  assert.ok(!sent2.message.includes('„[IBAN_1]“'), 'literal placeholder text is protected too');
  const { chunks } = server.botReplies.at(-1);
  assert.ok(chunks.length > 5);
  let pos = 0;
  let cutInside = 0;
  const whole = chunks.join('');
  for (const c of chunks.slice(0, -1)) {
    pos += c.length;
    const open = whole.lastIndexOf('[', pos - 1);
    const close = whole.indexOf(']', open);
    if (open >= 0 && close >= pos && PLACEHOLDER.test(whole.slice(open, close + 1))) cutInside++;
  }
  assert.ok(cutInside >= 3, `placeholders cut across chunks: ${cutInside}`);
  const reads = Number(await page.evaluate(() => document.documentElement.dataset.botReads)) - reads0;
  assert.ok(reads > 3, `the widget read the reply in ${reads} pieces`);
  assertServerClean(values);
  assert.equal(reply2.slice(reply2.indexOf(' Sie schrieben')), ` Sie schrieben: „${MSG2}“`);
  assert.ok(reply2.includes('DE89370400440532013000') && reply2.includes('0049 170 1234567') && reply2.includes(V.card));
  // the quoted placeholders come back as what was written, the literal „[IBAN_1]“ as itself
  assert.equal(reply2, 'Danke! Notiert: DE89370400440532013000, 0049 170 1234567, ANNA.BERGER@example.org, '
    + `${V.card}, [IBAN_1]. Sie schrieben: „${MSG2}“`);

  // the server view shows placeholders, the customer view real values (text only)
  const serverView = await page.textContent('#server-log');
  assert.match(serverView, /\[IBAN_1\]/);
  for (const v of values) assert.ok(!serverView.includes(v), `server view shows ${v}`);
  const customerView = await page.textContent('#customer-log');
  assert.ok(customerView.includes(V.iban));
  assert.equal(await page.$$eval('#customer-log .body *, #server-log .body *', (e) => e.length), 0, 'no markup from user text');

  // memory only: nothing in storage or cookies
  const storage = await page.evaluate(async () => ({
    local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
    idb: (await indexedDB.databases()).length, caches: (await caches.keys()).length,
  }));
  assert.deepEqual(storage, { local: 0, session: 0, cookie: '', idb: 0, caches: 0 });
  await page.screenshot({ path: join(shots, 'bot-placeholders.png'), fullPage: true });

  // a new conversation forgets the mapping
  await page.click('#bot-new');
  assert.equal(await page.evaluate(() => window.botProtection.chat.session.size), 0);
  await page.close();
});

test('surrogates: realistic fakes go out, real values come back (stream and JSON)', async () => {
  server.reset();
  await open('?style=surrogate');
  const reply1 = await say(MSG1, 'stream');
  const sent = JSON.parse(server.recorded.at(-1).body).message;
  assertServerClean([V.iban, V.email, V.phone]);
  assert.doesNotMatch(sent, /\[(IBAN|EMAIL|PHONE)_1\]/, sent);
  assert.match(sent, /@example\.(com|org|net)/);
  assert.equal(reply1, `Danke! Sie schrieben: „${MSG1}“`);
  const reply2 = await say(MSG2, 'json');
  assertServerClean([V.iban, V.email, V.phone, V.card]);
  assert.ok(reply2.endsWith(`Sie schrieben: „${MSG2}“`), reply2);
  await page.screenshot({ path: join(shots, 'bot-surrogates.png'), fullPage: true });
  await page.close();
});

test('no console errors', () => {
  assert.deepEqual(problems, []);
});

// The live-preview demo (www/index.html) in Chromium, in German and in English, at
// 1280, 900 and 390 px (and 360 px for overflow): asserts layout facts and the language of
// every visible text, and saves screenshots for review in www/dist/screenshots/.
//   - the browser's language picks the demo's (de-DE → German, en-US → English), the
//     switch changes every text and <html lang>;
//   - every text is the one of demo-text.js for that language, no text of the other
//     language is visible, kinds and operators have human names (KIND_LABELS);
//   - "what would be sent" is in the viewport while the chat input (and a form field)
//     has focus, at every width;
//   - at 390 px the header takes at most two lines, nothing is cut off, and no width
//     down to 360 px scrolls sideways;
//   - a sent message with placeholders gets the explanation in the chosen language;
//   - keyboard: Tab from the message reaches the send button, Ctrl+Enter sends; the
//     screen-reader summary is protect()'s own, in the chosen language.
//   node www/test/demo-screens.mjs
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { www } from './helpers.mjs';
import { startServer } from './server.mjs';
import { DEMO_TEXT } from '../demo-text.js';
import { CRM_TEXT } from '../crm-text.js';
import { BOT_TEXT } from '../bot-text.js';
import { fill, pickLang, pieces, plain } from '../page-text.js';
import { KIND_LABELS, MESSAGES, summary } from '../src/protect/messages.js';

// The table itself: both languages have the same texts with the same slots and links.
const slots = (t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();
const links = (t) => pieces(t).filter((p) => p.href).map((p) => p.href).join();
for (const table of [DEMO_TEXT, CRM_TEXT, BOT_TEXT]) {
  assert.deepEqual(Object.keys(table.de).sort(), Object.keys(table.en).sort(), 'the same keys in German and English');
  for (const k of Object.keys(table.en)) {
    assert.equal(slots(table.de[k]), slots(table.en[k]), `slots of ${k}`);
    assert.equal(links(table.de[k]), links(table.en[k]), `links of ${k}`);
  }
}
assert.deepEqual([['de-AT', 'en'], ['fr', 'de', 'en'], ['en-GB', 'de'], ['fr'], []].map(pickLang), ['de', 'de', 'en', 'en', 'en']);
assert.deepEqual(pieces('a `x[y](z)` [b](c.html).'), ['a ', { code: 'x[y](z)' }, ' ', { link: 'b', href: 'c.html' }, '.']);

const shots = join(www, 'dist', 'screenshots');
mkdirSync(shots, { recursive: true });

const VALUES = {
  person: 'Jonas Weber',
  date_of_birth: '12.03.1985',
  iban: 'DE89 3704 0044 0532 0130 00',
  phone: '+49 170 1234567',
  email: 'jonas.weber@example.org',
};
const MESSAGE = `Hallo, hier ist ${VALUES.person}, geb. ${VALUES.date_of_birth}. Bitte auf IBAN ${VALUES.iban} erstatten, Tel. ${VALUES.phone}, Mail ${VALUES.email}`;
const NOTES = 'Rückruf erbeten unter 0151 23456789, wohnt in 10115 Berlin';
const LOCALES = { de: 'de-DE', en: 'en-US' };
const HEIGHT = { 1280: 900, 900: 800, 390: 844 };

/** Text pieces of the other language than `lang` that must not show: fixed parts of its templates. */
function foreignPieces(lang, table = DEMO_TEXT) {
  const other = lang === 'de' ? 'en' : 'de';
  const own = Object.values(table[lang]).map(plain).join('\n');
  const out = new Set();
  for (const t of Object.values(table[other])) {
    for (const part of plain(t).split(/\{\w+\}/)) {
      const p = part.trim();
      if (p.length >= 5 && !own.includes(p)) out.add(p);
    }
  }
  if (table !== DEMO_TEXT) return [...out];
  for (const k of Object.keys(KIND_LABELS)) {
    const theirs = KIND_LABELS[k][other];
    if (theirs.toLowerCase() !== KIND_LABELS[k][lang].toLowerCase() && theirs.length >= 4) out.add(theirs);
  }
  return [...out];
}

/** Whether every rect is fully inside the viewport. */
const inView = (page, ids) => page.evaluate((list) => list.map((id) => {
  const r = document.getElementById(id).getBoundingClientRect();
  return { id, top: Math.round(r.top), bottom: Math.round(r.bottom), ok: r.top >= 0 && r.bottom <= innerHeight && r.height > 0, h: innerHeight };
}), ids);

async function checkTexts(page, lang, where) {
  const seen = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    texts: [...document.querySelectorAll('[data-t]')].map((e) => [e.dataset.t, e.textContent]),
    attrs: [...document.querySelectorAll('[data-t-attr]')].flatMap((e) => e.dataset.tAttr.split(';').map((p) => {
      const [attr, key] = p.split(':');
      return [key, e.getAttribute(attr)];
    })),
    // What the page itself says: user text (what would be sent, sent messages) left out.
    visible: [...document.querySelectorAll('#masked, .backdrop, #log li.msg.us:not([data-t])')]
      .reduce((all, e) => all.replace(e.innerText, ' '), document.body.innerText),
    options: [...document.querySelectorAll('#operator option')].map((o) => o.textContent),
    links: [...document.querySelectorAll('a[href*="crm.html"], a[href*="bot.html"]')].map((a) => a.getAttribute('href')),
    pressed: [...document.querySelectorAll('[data-lang]')].map((b) => [b.dataset.lang, b.getAttribute('aria-pressed')]),
    kinds: [...document.querySelectorAll('#counts tr[data-kind]')].map((r) => [r.dataset.kind, r.cells[0].textContent]),
    marks: [...document.querySelectorAll('mark[data-kind]')].map((m) => [m.dataset.kind, m.title]),
  }));
  const T = DEMO_TEXT[lang];
  assert.equal(seen.lang, lang, `${where}: <html lang>`);
  assert.equal(seen.title, T.title, `${where}: title`);
  for (const [key, text] of [...seen.texts, ...seen.attrs]) {
    assert.ok(key in T, `${where}: unknown text key ${key}`);
    assert.equal(text, plain(T[key]), `${where}: text ${key}`);
  }
  assert.ok(seen.links.length >= 2, `${where}: links to the CRM and chatbot pages`);
  for (const href of seen.links) assert.match(href, new RegExp(`^(crm|bot)\\.html\\?lang=${lang}$`), `${where}: link to another page in the same language`);
  assert.deepEqual(seen.pressed, [['de', String(lang === 'de')], ['en', String(lang === 'en')]], `${where}: aria-pressed`);
  assert.deepEqual(seen.options, ['opLabel', 'opToken', 'opMask', 'opRemove'].map((k) => T[k]), `${where}: operator names`);
  noForeign(seen.visible, foreignPieces(lang), where);
  // Human kind names: no raw ids, in the table and on the highlights.
  for (const [kind, label] of [...seen.kinds, ...seen.marks]) {
    assert.equal(label, KIND_LABELS[kind][lang], `${where}: name of ${kind}`);
  }
  assert.doesNotMatch(seen.visible, /\b[a-z]+_[a-z_]+\b/, `${where}: a raw id is visible`);
  assert.doesNotMatch(seen.visible, /\b(label|token|mask|remove) —/, `${where}: a raw operator id is visible`);
  return seen;
}

function noForeign(visible, pieces, where) {
  for (const p of pieces) {
    const word = new RegExp(`(^|[^\\p{L}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, 'u');
    assert.doesNotMatch(visible, word, `${where}: "${p}" of the other language is visible`);
  }
}

/**
 * The CRM or chatbot page in `lang` (as the demo links to it): every text from its
 * table, none of the other language (what servers recorded and page events left out).
 */
// `asked`: the page opened with ?lang=<lang> (else without: its default language).
async function checkPage(context, base, name, table, lang, asked = true) {
  const where = `${name} ${lang}${asked ? '' : ' (by default)'}`;
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}${name}${asked ? `?lang=${lang}` : ''}`);
  await page.waitForFunction((t) => document.getElementById('status').textContent === t, table[lang].ready, { timeout: 20000 });
  if (name === 'crm.html') await page.waitForSelector('#chat2');
  const seen = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    texts: [...document.querySelectorAll('[data-t]')].map((e) => [e.dataset.t, e.textContent]),
    notices: [...document.querySelectorAll('.pii-veil-notice')].map((e) => e.textContent),
    visible: [...document.querySelectorAll('#recorded, #events, #server-log, #customer-log, .pii-veil-notice')]
      .reduce((all, e) => all.replace(e.innerText, ' '), document.body.innerText),
  }));
  assert.equal(seen.lang, lang, `${where}: <html lang>`);
  assert.equal(seen.title, table[lang].title, `${where}: title`);
  for (const [key, text] of seen.texts) assert.equal(text, plain(table[lang][key]), `${where}: text ${key}`);
  noForeign(seen.visible, foreignPieces(lang, table), where);
  // protect()'s notices speak the page's language too
  for (const n of seen.notices) assert.equal(n, MESSAGES[lang].notice, `${where}: pii-veil's notice`);
  if (asked) await page.screenshot({ path: join(shots, `${name.replace('.html', '')}-${lang}-1280.png`), fullPage: true });
  await page.close();
}

async function checkHeader(page, where) {
  const h = await page.evaluate(() => {
    const top = document.querySelector('.top');
    const kids = [...top.children].filter((e) => e.getBoundingClientRect().height > 0);
    const lh = parseFloat(getComputedStyle(top).lineHeight);
    return {
      lh,
      rows: [...new Set(kids.map((e) => Math.round(e.getBoundingClientRect().top / 8)))].length,
      kids: kids.map((e) => ({ cls: e.className, h: e.getBoundingClientRect().height, cut: e.scrollWidth > e.clientWidth + 1 })),
      height: top.getBoundingClientRect().height,
    };
  });
  assert.ok(h.rows <= 2, `${where}: header in ${h.rows} rows`);
  for (const k of h.kids) {
    assert.ok(k.h <= h.lh * 1.9, `${where}: header item ${k.cls} wraps (${k.h}px, line ${h.lh}px)`);
    assert.ok(!k.cut, `${where}: header item ${k.cls} is cut off`);
  }
  return h;
}

async function noSideScroll(page, width, where) {
  await page.setViewportSize({ width, height: 800 });
  const w = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(w[0] <= w[1], `${where}: scrolls sideways at ${width}px (${w[0]} > ${w[1]})`);
}

const timingRe = (lang) => {
  const num = lang === 'de' ? '\\d+,\\d\\d' : '\\d+\\.\\d\\d';
  const t = DEMO_TEXT[lang].timing.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp('^' + t.replace('\\{ms\\}', num).replace('{ms}', num).replace('{n}', '\\d+') + '$');
};

async function run(context, base, lang, width) {
  const where = `${lang} ${width}px`;
  const T = DEMO_TEXT[lang];
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.setViewportSize({ width, height: HEIGHT[width] });
  await page.goto(base);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  await checkTexts(page, lang, `${where}, loaded`);
  if (width === 390) await checkHeader(page, where);

  // Typing in the chat: the panel is in view with the field.
  await page.click('#chat');
  await page.keyboard.type(MESSAGE, { delay: 1 });
  const chatView = await inView(page, ['chat', 'masked']);
  for (const v of chatView) assert.ok(v.ok, `${where}: #${v.id} out of view while typing in the chat: ${JSON.stringify(v)}`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'chat');
  const masked = await page.textContent('#masked');
  for (const [kind, value] of Object.entries(VALUES)) assert.ok(!masked.includes(value), `${where}: ${kind} visible in what would be sent`);
  const seen = await checkTexts(page, lang, `${where}, typed`);
  assert.deepEqual(seen.kinds.map(([k]) => k).sort(), Object.keys(VALUES).sort(), `${where}: kinds found`);
  assert.match(await page.textContent('#timing'), timingRe(lang), `${where}: latency figure`);
  await page.screenshot({ path: join(shots, `demo-${lang}-${width}-typing.png`) });

  // The screen-reader summary: protect()'s own text, once typing pauses.
  const counts = Object.fromEntries(seen.kinds.map(([k]) => [k, 1]));
  const want = summary(MESSAGES[lang], counts, seen.kinds.length);
  await page.waitForFunction((t) => document.getElementById('sr-summary').textContent === t, want, { timeout: 5000 });

  // Keyboard: Tab reaches the send button; Ctrl+Enter sends.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'send', `${where}: Tab from the message`);
  await page.focus('#chat');
  await page.keyboard.press('Control+Enter');
  const sent = await page.evaluate(() => {
    const items = [...document.querySelectorAll('#log li')];
    const note = items[items.length - 1];
    return { msg: items[items.length - 2].textContent, note: note.className, text: note.textContent, codes: [...note.querySelectorAll('code')].map((c) => c.textContent), value: document.getElementById('chat').value };
  });
  assert.equal(sent.value, '', `${where}: the field is empty after sending`);
  assert.equal(sent.note, 'note', `${where}: a note follows the sent message`);
  assert.deepEqual(sent.codes, ['[PERSON]', '[DATE_OF_BIRTH]', '[IBAN]', '[PHONE]', '[EMAIL]'], `${where}: the note names the placeholders`);
  for (const c of sent.codes) assert.ok(sent.msg.includes(c), `${where}: ${c} in the sent message`);
  for (const kind of Object.keys(VALUES)) assert.ok(sent.text.includes(KIND_LABELS[kind][lang]), `${where}: the note names ${kind}`);
  for (const value of Object.values(VALUES)) assert.ok(!sent.msg.includes(value) && !sent.text.includes(value), `${where}: a value was sent`);
  assert.ok(sent.text.startsWith(plain(T.sentNote).split('{')[0]), `${where}: the note is in the chosen language`);
  await checkTexts(page, lang, `${where}, sent`);

  // A form field: the panel follows it, at the top of the form as at its end.
  await page.click('#c-name');
  await page.keyboard.type(VALUES.person, { delay: 1 });
  for (const v of await inView(page, ['c-name', 'masked'])) assert.ok(v.ok, `${where}: #${v.id} out of view while typing in the form: ${JSON.stringify(v)}`);
  await page.click('#c-notes');
  await page.keyboard.type(NOTES, { delay: 1 });
  for (const v of await inView(page, ['c-notes', 'masked'])) assert.ok(v.ok, `${where}: #${v.id} out of view while typing in the form: ${JSON.stringify(v)}`);
  assert.equal(await page.textContent('#active-field'), fill(T.activeField, { field: T.fieldForm }));
  await checkTexts(page, lang, `${where}, form`);
  await page.screenshot({ path: join(shots, `demo-${lang}-${width}.png`), fullPage: true });

  if (width === 390) {
    await noSideScroll(page, 390, where);
    await noSideScroll(page, 360, where);
    await page.screenshot({ path: join(shots, `demo-${lang}-360.png`), fullPage: true });
  }

  // The switch, by keyboard: every text changes, the URL keeps the choice.
  const other = lang === 'de' ? 'en' : 'de';
  await page.focus(`[data-lang="${other}"]`);
  await page.keyboard.press('Enter');
  await checkTexts(page, other, `${where}, switched to ${other}`);
  assert.equal(new URL(page.url()).searchParams.get('lang'), other);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await checkTexts(page, other, `${where}, reloaded after the switch`);

  assert.deepEqual(problems, [], `${where}: console errors or warnings (CSP included)`);
  await page.close();
}

const server = await startServer();
const contexts = [];
try {
  for (const lang of ['de', 'en']) {
    const context = await launchChromium({ locale: LOCALES[lang], viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    for (const width of [1280, 900, 390]) await run(context, new URL('/', server.url).href, lang, width);
    await checkPage(context, new URL('/', server.url).href, 'crm.html', CRM_TEXT, lang);
    await checkPage(context, new URL('/', server.url).href, 'bot.html', BOT_TEXT, lang);
  }
  // Without ?lang= the CRM and chatbot pages are English, pii-veil's notices too.
  for (const [name, table] of [['crm.html', CRM_TEXT], ['bot.html', BOT_TEXT]]) await checkPage(contexts[0], new URL('/', server.url).href, name, table, 'en', false);
  console.log(`demo screens ok (de, en × 1280, 900, 390, 360 px; CRM and chatbot pages in both languages); screenshots in ${shots}`);
} finally {
  for (const c of contexts) await c.close();
  await server.close();
}

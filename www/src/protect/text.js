// Reading what a protected field holds. An input or textarea is its `value`; a
// contenteditable host is walked into one string with a map from offsets back to its
// text nodes, so findings (UTF-16 offsets into that string) become DOM ranges.
import { OWN } from './util.js';

const BLOCK = /^(DIV|P|LI|UL|OL|H[1-6]|BLOCKQUOTE|PRE|TR|SECTION|ARTICLE)$/;

/** `{ text, map }` of a field record (`map` is null for input and textarea). */
export function readText(f) {
  if (!f.editable) return { text: f.el.value, map: null };
  return editableText(f.el);
}

/**
 * Text of a contenteditable host with a map from offsets to text nodes; `<br>` and
 * block boundaries become '\n' (as innerText would show them). pii-veil's own
 * elements are skipped.
 * @returns {{ text: string, map: { node: Text, start: number }[] }}
 */
export function editableText(host) {
  const parts = [];
  const map = [];
  let len = 0;
  const push = (s) => { parts.push(s); len += s.length; };
  const walk = (n) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        map.push({ node: c, start: len });
        push(c.data);
      } else if (c.nodeType === 1) {
        if (c.hasAttribute(OWN)) continue;
        if (c.tagName === 'BR') { push('\n'); continue; }
        const block = BLOCK.test(c.tagName);
        if (block && len > 0 && parts[parts.length - 1].slice(-1) !== '\n') push('\n');
        walk(c);
      }
    }
  };
  walk(host);
  return { text: parts.join(''), map };
}

/**
 * The text node and offset inside it of `offset` in an editableText string: the last
 * node starting at or before it (binary search), the offset clamped to its length.
 */
export function pointAt(map, offset) {
  let lo = 0, hi = map.length - 1, best = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid].start <= offset) { best = map[mid]; lo = mid + 1; } else hi = mid - 1;
  }
  if (!best) return null;
  return { node: best.node, offset: Math.min(offset - best.start, best.node.data.length) };
}

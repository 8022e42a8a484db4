// Where a textarea's own text stands on the page, for the browser tests that check
// highlights against it.

/**
 * Where the text of the textarea `selector` puts each of `texts` (its first
 * occurrence), measured independently of pii-veil's layer: a hidden mirror of the
 * field's text with the field's metrics. `{ x, y }` in the viewport, as the field shows
 * it at its scroll.
 */
export const textAt = (page, selector, texts) => page.evaluate(([sel, texts]) => {
  const ta = document.querySelector(sel);
  const cs = getComputedStyle(ta);
  const mirror = document.createElement('div');
  for (const k of ['fontFamily', 'fontSize', 'lineHeight', 'letterSpacing', 'padding', 'border', 'boxSizing']) mirror.style[k] = cs[k];
  Object.assign(mirror.style, { whiteSpace: 'pre-wrap', overflowWrap: 'break-word', position: 'absolute', visibility: 'hidden', width: ta.clientWidth + ta.clientLeft * 2 + 'px' });
  const r = ta.getBoundingClientRect();
  mirror.style.left = r.x + scrollX + 'px';
  mirror.style.top = r.y + scrollY + 'px';
  mirror.textContent = ta.value;
  document.body.appendChild(mirror);
  const at = texts.map((t) => {
    const i = ta.value.indexOf(t);
    const range = document.createRange();
    range.setStart(mirror.firstChild, i);
    range.setEnd(mirror.firstChild, i + t.length);
    const b = range.getClientRects()[0];
    return { x: b.x, y: b.y - ta.scrollTop };
  });
  mirror.remove();
  return at;
}, [selector, texts]);

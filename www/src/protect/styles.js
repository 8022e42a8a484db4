// The stylesheet of pii-veil's own UI (highlight layer, badge, list, notices, alerts),
// one constructable stylesheet adopted by the document and by every shadow root that
// holds a protected field (its UI goes beside the field, where the document's styles
// do not reach): CSP-safe, no inline <style>.

export const CSS_TEXT = `
.pii-veil-layer { position: absolute; pointer-events: none; overflow: hidden; color: transparent !important;
  background: transparent !important; border-style: solid !important; border-color: transparent !important;
  box-shadow: none !important; outline: none !important; margin: 0 !important; box-sizing: border-box !important;
  -webkit-text-fill-color: transparent; user-select: none; }
.pii-veil-layer mark, .pii-veil-box { color: transparent; background: rgba(255, 196, 0, .38);
  border-radius: 2px; box-shadow: inset 0 -2px 0 rgba(214, 150, 0, .9); }
.pii-veil-layer mark.pii-veil-open { background: rgba(47, 91, 234, .28); box-shadow: inset 0 -2px 0 rgba(47, 91, 234, .9); }
.pii-veil-layer.pii-veil-single { display: flex; align-items: center; }
.pii-veil-layer.pii-veil-single > div { flex: none; white-space: pre; }
.pii-veil-layer > div > div + div { text-indent: 0; }
.pii-veil-box { position: absolute; pointer-events: none; }
::highlight(pii-veil) { background-color: rgba(255, 196, 0, .38); }
.pii-veil-badge { position: absolute; z-index: 2; font: 600 11px/1 system-ui, sans-serif; min-width: 1.6em;
  padding: 3px 5px; border-radius: 999px; border: 1px solid rgba(214, 150, 0, .9); background: #fff6d6;
  color: #5a4300; cursor: pointer; }
.pii-veil-badge:focus-visible { outline: 2px solid #2f5bea; outline-offset: 1px; }
.pii-veil-popup { position: absolute; z-index: 3; min-width: 14rem; max-width: 22rem; background: #fff; color: #1d2433;
  border: 1px solid #c9cfdb; border-radius: 8px; box-shadow: 0 6px 24px rgba(20, 30, 60, .18);
  padding: .5rem .6rem; font: 13px/1.4 system-ui, sans-serif; }
.pii-veil-popup ul { list-style: none; margin: .3rem 0 0; padding: 0; }
.pii-veil-popup li { display: flex; gap: .5rem; align-items: center; justify-content: space-between; padding: .2rem 0; }
.pii-veil-popup .pii-veil-val { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
.pii-veil-popup button, .pii-veil-dialog button { font: inherit; border-radius: 6px; border: 1px solid #c9cfdb;
  background: #fff; padding: .15rem .5rem; cursor: pointer; }
.pii-veil-notice { font: 12px/1.4 system-ui, sans-serif; color: #4f5868; margin: .3rem 0; }
.pii-veil-alert, .pii-veil-dialog { font: 13px/1.4 system-ui, sans-serif; border-radius: 8px; padding: .5rem .7rem; margin: .4rem 0; }
.pii-veil-alert { background: #fdeaea; color: #7a1010; border: 1px solid #e7a4a4; }
.pii-veil-dialog { background: #eef3ff; color: #1d2433; border: 1px solid #a8bcf0; }
.pii-veil-dialog .pii-veil-actions { display: flex; gap: .5rem; margin-top: .4rem; }
.pii-veil-dialog button.pii-veil-primary { background: #2f5bea; color: #fff; border-color: #2f5bea; }
.pii-veil-sr { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** Makes the stylesheet and adopts it into `ctx.doc` (removed by stop()); without constructable sheets, nothing. */
export function installStyles(ctx) {
  const { win, doc } = ctx;
  try {
    ctx.sheet = new win.CSSStyleSheet();
    ctx.sheet.replaceSync(CSS_TEXT);
  } catch (_) { ctx.sheet = null; }
  adoptStyles(ctx, doc);
}

/** Adopts the stylesheet into `root` (the document or a shadow root of a field) once; removed by stop(). */
export function adoptStyles(ctx, root) {
  const sheet = ctx.sheet;
  if (!sheet || !root || !Array.isArray(root.adoptedStyleSheets) || root.adoptedStyleSheets.includes(sheet)) return;
  try {
    root.adoptedStyleSheets = root.adoptedStyleSheets.concat([sheet]);
    ctx.cleanups.push(() => { root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet); });
  } catch (_) { /* a root of another document (a frame's): not adoptable there */ }
}

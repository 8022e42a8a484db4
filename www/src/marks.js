// Start-up phases as User Timing marks (`performance.mark('pii-veil:<phase>')`), so a
// page's own tooling and www/bench-browser.mjs see where loading the engine spends its
// time: module received, checked, compiled/decoded, instantiated, scanner built,
// lazy parts warmed. Marks carry a name only, never anything of the page.
export function mark(phase) {
  const p = globalThis.performance;
  if (p && typeof p.mark === 'function') {
    try { p.mark('pii-veil:' + phase); } catch (_) { /* a page that replaced performance.mark */ }
  }
}

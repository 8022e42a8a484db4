// The script tag's attributes as protect() options (a bare `data-protect` is the
// default of protect(document): marked fields plus the free-text places):
//   <script src="pii-veil.js" data-protect="selector" data-guard="self,/api/" …>

/**
 * Options for protect() read from the script tag's attributes:
 * `data-protect` (selector; empty for the default), `data-guard` (comma list:
 * `self`, origins, and paths starting with `/`), `data-policy`, `data-lang`,
 * `data-operator`, `data-notice="off"`, `data-highlight="off"`, `data-fail-open` (selector),
 * `data-widget-anchor` (selector),
 * `data-chat` (chatbot endpoint path or URL), `data-chat-response`, `data-chat-style`.
 */
export function scriptOptions(script, win) {
  const a = (n) => script.getAttribute(n);
  const options = { window: win };
  if (a('data-protect')) options.selector = a('data-protect');
  const g = a('data-guard');
  if (g !== null) {
    const parts = g.split(',').map((x) => x.trim()).filter(Boolean);
    const paths = parts.filter((x) => x[0] === '/');
    const origins = parts.filter((x) => x[0] !== '/');
    options.guard = { origins: origins.length ? origins : ['self'], paths: paths.length ? paths : null };
  }
  if (a('data-policy')) options.policy = a('data-policy');
  if (a('data-lang')) options.lang = a('data-lang');
  if (a('data-operator')) options.operator = a('data-operator');
  if (a('data-notice') === 'off') options.notice = false;
  if (a('data-highlight') === 'off') options.highlight = false;
  if (a('data-fail-open')) options.failOpen = a('data-fail-open');
  if (a('data-widget-anchor')) options.widgetAnchor = a('data-widget-anchor');
  if (a('data-chat')) {
    options.chat = { url: a('data-chat'), response: a('data-chat-response') || undefined, style: a('data-chat-style') || undefined };
  }
  return options;
}

/** Protects `win.document` as the script tag's attributes say; returns the handle. */
export function autoProtect(script, protect, win) {
  return protect(win.document, scriptOptions(script, win));
}

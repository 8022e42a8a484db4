// The handle of a pseudonymisation session over the wasm Session, and its chunk-wise
// restorers (plain, a TransformStream, server-sent events). Each entry hands it to
// createApi (api.js) as `platform.session`; the lite script tag has none (its module
// has no sessions either), so createSession says `unsupported` there.
import { fail, checkText, redacted } from './api.js';
import { sseTransform } from './sse.js';
import { plainRestorer, restorePlain } from './restore-safe.js';

const HIGH_SURROGATE_END = /[\uD800-\uDBFF]$/;

// The chunk-wise restorer over a wasm Restorer. A chunk ending in the first half of
// a surrogate pair keeps that half for the next chunk (the wasm boundary would turn
// a lone half into U+FFFD).
function wrapRestorer(r) {
  let carry = '';
  let done = false;
  return {
    push(chunk) {
      checkText(chunk);
      if (done) throw fail('invalid_argument', 'restorer: already finished');
      let s = carry + chunk;
      carry = '';
      if (HIGH_SURROGATE_END.test(s)) {
        carry = s.slice(-1);
        s = s.slice(0, -1);
      }
      return s ? r.push(s) : '';
    },
    finish() {
      if (done) return '';
      done = true;
      try {
        return r.push(carry) + r.finish();
      } finally {
        r.free();
      }
    },
    get buffered() { return done ? 0 : r.buffered + carry.length; },
    get maxBuffer() { return done ? 0 : r.maxBuffer; },
  };
}

// The handle of a session over the wasm Session `inner` (placeholders of `style`).
export function sessionHandle(inner, style) {
  const live = () => {
    if (!inner) throw fail('invalid_argument', 'pii-veil: this session was freed');
    return inner;
  };
  return {
    get style() { return style; },
    get size() { return inner ? inner.size : 0; },
    pseudonymize(text, field) {
      checkText(text);
      return redacted(live().pseudonymize(text, field), text);
    },
    restore(text) {
      checkText(text);
      return live().restore(text);
    },
    restorer() {
      return wrapRestorer(live().restoreStream());
    },
    restoreStream() {
      const r = wrapRestorer(live().restoreStream());
      return new TransformStream({
        transform(chunk, controller) {
          const out = r.push(typeof chunk === 'string' ? chunk : String(chunk));
          if (out) controller.enqueue(out);
        },
        flush(controller) {
          const out = r.finish();
          if (out) controller.enqueue(out);
        },
        cancel() { r.finish(); },
      });
    },
    restoreSSE(options) {
      const o = options || {};
      if (o.restore !== undefined && o.restore !== 'text' && o.restore !== 'everywhere') {
        throw fail('invalid_argument', "restoreSSE: restore: expected 'text' or 'everywhere'");
      }
      live();
      const chunked = () => wrapRestorer(live().restoreStream());
      const whole = (s) => live().restore(s);
      const safe = o.restore === 'text';
      return sseTransform({
        path: o.path,
        makeRestorer: safe ? () => plainRestorer(chunked) : chunked,
        restoreValue: safe ? (s) => restorePlain(s, whole) : whole,
      }, TransformStream, TextDecoder);
    },
    clear() {
      live().clear();
    },
    free() {
      if (inner) {
        inner.free();
        inner = null;
      }
    },
  };
}

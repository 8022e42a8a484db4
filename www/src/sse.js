// Restoring a model's reply streamed as server-sent events whose data are JSON deltas,
// the way LLM APIs stream (`data: {"choices":[{"delta":{"content":"Hallo [PERS"}}]}`,
// then `data: {"choices":[{"delta":{"content":"ON_1]!"}}]}`, then `data: [DONE]`).
// The deltas at the text paths are one text per concrete path (a "channel": each
// choice its own), restored with a chunk-wise restorer across events, so a placeholder
// split between events (or between the halves of an emoji) is restored; every other
// string value of an event is restored on its own. Events stay events: an event whose
// delta ends in what may still become a placeholder waits until the text goes on (or
// the stream ends) and then carries the restored text; events keep their order, their
// other fields (`event:`, `id:`, comments) and, when nothing in them changed, their
// bytes. Changed events are written back with JSON.stringify (valid JSON, escaped).
// Pure: the restorers come from the caller; it imports nothing.

/** Text paths of the usual LLM streaming formats (`*` is any index or key). */
export const DEFAULT_PATHS = ['choices.*.delta.content', 'choices.*.text', 'delta.text', 'delta'];

/** After this many waiting events the oldest one goes out with what it has restored. */
export const MAX_WAITING = 32;

function invalid(message) {
  return Object.assign(new Error(message), { code: 'invalid_argument' });
}

/** `path` (a string, a list of them, or undefined for the defaults) as lists of segments. */
export function parsePaths(path) {
  const list = path === undefined ? DEFAULT_PATHS : [].concat(path);
  if (!list.length || list.some((p) => typeof p !== 'string' || !p || p.split('.').some((s) => !s))) {
    throw invalid("path: expected a dotted path such as 'choices.*.delta.content', or a list of them");
  }
  return list.map((p) => p.split('.'));
}

// How an element of an array is told apart across events: by its own `index` (one
// choice per event, `{"index": 1, "delta": …}`), else by its position.
function idOf(v, k) {
  const x = v[k];
  const own = Array.isArray(v) && x && typeof x === 'object' ? x.index : undefined;
  return typeof own === 'number' || typeof own === 'string' ? '#' + own : k;
}

/**
 * The string values at `segs` in `v`: `{ id, obj, key }`, `id` the concrete path (an
 * array element with an `index` property is named by it: `choices.#1.delta.content`).
 */
export function stringsAt(v, segs, i = 0, at = [], out = []) {
  if (v === null || typeof v !== 'object') return out;
  const seg = segs[i];
  const keys = seg === '*' ? Object.keys(v) : Object.prototype.hasOwnProperty.call(v, seg) ? [seg] : [];
  for (const k of keys) {
    const x = v[k];
    const id = at.concat(idOf(v, k));
    if (i === segs.length - 1) {
      if (typeof x === 'string') out.push({ id: id.join('.'), obj: v, key: k });
    } else {
      stringsAt(x, segs, i + 1, id, out);
    }
  }
  return out;
}

// Calls fn(obj, key) for every string value at any depth.
function eachString(v, fn) {
  if (v === null || typeof v !== 'object') return;
  for (const k of Object.keys(v)) {
    if (typeof v[k] === 'string') fn(v, k);
    else eachString(v[k], fn);
  }
}

/** One event block: its lines (no terminators) with `data` joined as the spec says. */
export function parseBlock(lines) {
  const data = [];
  for (const line of lines) {
    const c = line.indexOf(':');
    const name = c < 0 ? line : line.slice(0, c);
    if (name !== 'data') continue;
    let value = c < 0 ? '' : line.slice(c + 1);
    if (value[0] === ' ') value = value.slice(1);
    data.push(value);
  }
  return data.length ? data.join('\n') : null;
}

// The block with its data lines replaced by `data` (at the first data line).
function writeBlock(lines, data) {
  const out = [];
  let put = false;
  for (const line of lines) {
    if (line === 'data' || line.startsWith('data:')) {
      if (!put) for (const d of data.split('\n')) out.push('data: ' + d);
      put = true;
    } else {
      out.push(line);
    }
  }
  return out;
}

/**
 * A push/finish restorer of an SSE text stream (strings in, strings out).
 * @param {{ makeRestorer: () => { push(s: string): string, finish(): string, buffered: number },
 *   restoreValue: (s: string) => string, path?: string | string[] }} o
 */
export function sseRestorer(o) {
  const paths = parsePaths(o.path);
  const channels = new Map(); // id -> { r, last: entry }
  const waiting = []; // entries in order: { lines, value, data, hits: Map<id, {obj,key}>, changed, ended }
  let buf = '';
  let lines = [];
  let skipLF = false;
  let first = true;

  const resolved = (e) => {
    for (const id of e.hits.keys()) {
      const ch = channels.get(id);
      if (ch && ch.last === e && ch.r.buffered > 0) return false;
    }
    return true;
  };
  const finishChannel = (id) => {
    const ch = channels.get(id);
    channels.delete(id);
    const rest = ch.r.finish();
    if (rest) {
      const h = ch.last.hits.get(id);
      h.obj[h.key] += rest;
      ch.last.changed = true;
    }
  };
  const finishAll = () => { for (const id of [...channels.keys()]) finishChannel(id); };
  const write = (e) => {
    const body = e.changed ? writeBlock(e.lines, e.value === undefined ? e.data : JSON.stringify(e.value)) : e.lines;
    return body.map((l) => l + '\n').join('') + (e.ended ? '\n' : '');
  };
  const drain = () => {
    let out = '';
    while (waiting.length > MAX_WAITING) {
      for (const id of waiting[0].hits.keys()) if (channels.has(id) && channels.get(id).last === waiting[0]) finishChannel(id);
      out += write(waiting.shift());
    }
    while (waiting.length && resolved(waiting[0])) out += write(waiting.shift());
    return out;
  };

  // One event block (ended: followed by a blank line, else the stream's unterminated tail).
  const block = (blockLines, ended) => {
    const data = parseBlock(blockLines);
    const e = { lines: blockLines, data, value: undefined, hits: new Map(), changed: false, ended };
    let v;
    if (data !== null && data.trim() !== '[DONE]') {
      try { v = JSON.parse(data); } catch (_) { v = undefined; }
    }
    if (data !== null && data.trim() === '[DONE]') finishAll();
    if (typeof v === 'string') {
      const r = o.restoreValue(v); // a JSON string: restored whole, written back escaped
      if (r !== v) { e.value = r; e.changed = true; }
    } else if (v !== null && typeof v === 'object') {
      e.value = v;
      const hits = [];
      for (const segs of paths) for (const h of stringsAt(v, segs)) if (!hits.some((x) => x.obj === h.obj && x.key === h.key)) hits.push(h);
      const onPath = (obj, key) => hits.some((h) => h.obj === obj && h.key === key);
      eachString(v, (obj, key) => {
        if (onPath(obj, key)) return;
        const r = o.restoreValue(obj[key]);
        if (r !== obj[key]) { obj[key] = r; e.changed = true; }
      });
      for (const h of hits) {
        let ch = channels.get(h.id);
        if (!ch) { ch = { r: o.makeRestorer(), last: null }; channels.set(h.id, ch); }
        const s = h.obj[h.key];
        const r = ch.r.push(s);
        if (r !== s) { h.obj[h.key] = r; e.changed = true; }
        ch.last = e;
        e.hits.set(h.id, h);
      }
    } else if (v === undefined && data !== null && data.trim() !== '[DONE]') {
      const r = o.restoreValue(data); // not JSON: the data restored as one text
      if (r !== data) { e.data = r; e.changed = true; }
    }
    waiting.push(e);
    return drain();
  };

  const line = (l) => {
    if (first) { first = false; if (l[0] === '\uFEFF') l = l.slice(1); }
    if (l !== '') { lines.push(l); return ''; }
    const b = lines;
    lines = [];
    return block(b, true);
  };

  return {
    /** Adds decoded text; returns the restored events complete so far. */
    push(chunk) {
      buf += chunk;
      if (skipLF && buf) { if (buf[0] === '\n') buf = buf.slice(1); skipLF = false; }
      let out = '';
      const re = /\r\n|\n|\r/g;
      let last = 0;
      for (let m = re.exec(buf); m; m = re.exec(buf)) {
        if (m[0] === '\r' && m.index === buf.length - 1) skipLF = true; // maybe the first half of \r\n
        out += line(buf.slice(last, m.index));
        last = m.index + m[0].length;
      }
      buf = buf.slice(last);
      return out;
    },
    /** Ends the stream: the unterminated tail, every held text, every waiting event. */
    finish() {
      let out = '';
      if (buf) { lines.push(first && buf[0] === '\uFEFF' ? buf.slice(1) : buf); buf = ''; }
      if (lines.length) { out += block(lines, false); lines = []; }
      finishAll();
      for (const e of waiting.splice(0)) out += write(e);
      return out;
    },
    /** Releases the restorers (a cancelled stream). */
    cancel() {
      for (const ch of channels.values()) ch.r.finish();
      channels.clear();
      waiting.length = 0;
    },
  };
}

/**
 * A TransformStream of SSE text (strings, or bytes decoded as UTF-8) restored by
 * `sseRestorer(o)`; `TS` and `TD` are the TransformStream and TextDecoder of the realm.
 */
export function sseTransform(o, TS, TD) {
  const r = sseRestorer(o);
  const dec = new TD();
  const text = (chunk) => (typeof chunk === 'string' ? chunk : dec.decode(chunk, { stream: true }));
  return new TS({
    transform(chunk, controller) { const out = r.push(text(chunk)); if (out) controller.enqueue(out); },
    flush(controller) { const out = r.push(dec.decode()) + r.finish(); if (out) controller.enqueue(out); },
    cancel() { r.cancel(); },
  });
}

// A local CRM backend for the browser tests: serves www/ statically, accepts the
// CRM page's form posts, JSON chat messages, beacons and WebSocket messages, and
// records every request body it receives (raw, as bytes on the wire, decoded as
// UTF-8). Loopback only, random port. The WebSocket side is a minimal RFC 6455
// server: handshake, masked client frames (text, close, ping), no extensions.
// It also stands in for a chatbot's LLM server: POST /api/bot answers `{reply}` as
// one JSON body, POST /api/bot/stream answers plain text in small chunks with a pause
// between them, cutting every placeholder in two; the reply quotes the placeholders
// it received and the whole message back (s.botReplies has each reply and its chunks).
// POST /api/bot/sse answers the same reply as an LLM API streams it: server-sent events
// with JSON deltas (botEvents), the bytes written in pieces that cut event lines,
// JSON escapes and UTF-8 sequences.
//
//   import { startServer } from './server.mjs';
//   const s = await startServer();  // s.url, s.recorded, s.reset(), s.fail(path), s.close()
//   startServer({ root })            serves another folder (a built app's dist/) instead of www/
//   startServer({ cache: true })     lets the browser cache the files it serves for an hour
//                                    (pages stay no-store): repeat views in bench-browser.mjs
//   startServer({ pages })           also serves these pages (path → HTML), no-store
//   <file>?trickle=<ms>|stall         a static file sent 64 KB at a time, every <ms> ms, or only
//                                    its first 64 KB on a connection left open (a stalled download)
//   node www/test/server.mjs [port]   runs it by hand (prints the URL)
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const www = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
};
// The CSP a page with pii-veil needs; `?csp=strict` serves it without 'wasm-unsafe-eval',
// `?csp=off` without a CSP (requests to another origin).
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'";
const CSP_STRICT = CSP.replace(" 'wasm-unsafe-eval'", '');

export async function startServer({ port = 0, root = www, cache = false, pages = {} } = {}) {
  const recorded = [];
  const botReplies = [];
  const failing = new Set();
  const sockets = new Set();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    if (Object.hasOwn(pages, url.pathname)) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      res.end(pages[url.pathname]);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      recorded.push({
        via: 'http', method: req.method, path: url.pathname, url: req.url, contentType: req.headers['content-type'] || '',
        headers: req.headers, body: body.toString('utf8'), bytes: body, time: Date.now(),
      });
      if (url.pathname === '/api/bot/sse' && req.method === 'POST') {
        const reply = botReply(body.toString('utf8'));
        const chunks = botChunks(reply);
        botReplies.push({ reply, chunks });
        const bytes = Buffer.from(botEvents(chunks), 'utf8');
        res.socket.setNoDelay(true);
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
        for (let i = 0; i < bytes.length; i += 29) {
          res.write(bytes.subarray(i, i + 29));
          await new Promise((r) => setTimeout(r, 15));
        }
        res.end();
        return;
      }
      if ((url.pathname === '/api/bot' || url.pathname === '/api/bot/stream') && req.method === 'POST') {
        const reply = botReply(body.toString('utf8'));
        if (url.pathname === '/api/bot') {
          botReplies.push({ reply, chunks: [reply] });
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
          res.end(JSON.stringify({ reply }));
          return;
        }
        const chunks = botChunks(reply);
        botReplies.push({ reply, chunks });
        res.socket.setNoDelay(true);
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        for (const c of chunks) {
          res.write(c);
          await new Promise((r) => setTimeout(r, 40));
        }
        res.end();
        return;
      }
      if (url.pathname === '/api/contact' && req.method === 'POST') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
        res.end('<!doctype html><meta charset="utf-8"><title>Thanks</title><p id="thanks">Thanks, we will get back to you.</p>');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, received: body.length }));
      return;
    }
    if (url.pathname === '/__recorded') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(recorded));
      return;
    }
    if (url.pathname === '/__bot') {
      // what the stand-in bot received (the message field) and answered
      const msgs = recorded.filter((r) => r.path.startsWith('/api/bot')).map((r) => {
        try { return JSON.parse(r.body).message; } catch { return r.body; }
      });
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(msgs.map((message, i) => ({ message, reply: botReplies[i] ? botReplies[i].reply : '' }))));
      return;
    }
    if (url.pathname === '/__reset' && req.method === 'POST') {
      recorded.length = 0;
      res.writeHead(204);
      res.end();
      return;
    }
    if (failing.has(url.pathname)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep) || file.includes(`${sep}node_modules${sep}`)) {
      res.writeHead(403);
      res.end();
      return;
    }
    try {
      const data = await readFile(file);
      const cacheable = cache && extname(file) !== '.html';
      const headers = { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': cacheable ? 'public, max-age=3600' : 'no-store' };
      const csp = url.searchParams.get('csp');
      if (extname(file) === '.html' && csp !== 'off') headers['content-security-policy'] = csp === 'strict' ? CSP_STRICT : CSP;
      // (how the demo pages tell this server from a static one: their own response's header)
      if (extname(file) === '.html') headers['x-pii-veil-recorder'] = '1';
      // `?trickle=<ms>`: the file in chunks of 64 KB, one every <ms> ms (a slow
      // download); `?trickle=stall`: its first chunk, then nothing on the open connection
      const trickle = url.searchParams.get('trickle');
      if (trickle) {
        headers['content-length'] = data.length;
        res.writeHead(200, headers);
        for (let i = 0; i < data.length; i += 1 << 16) {
          if (i && trickle === 'stall') return;
          if (i) await new Promise((r) => setTimeout(r, Number(trickle)));
          if (res.destroyed) return;
          res.write(data.subarray(i, i + (1 << 16)));
        }
        res.end();
        return;
      }
      res.writeHead(200, headers);
      res.end(data);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });

  server.on('upgrade', (req, socket) => {
    const key = req.headers['sec-websocket-key'];
    if (!req.url.startsWith('/ws') || !key || (req.headers.upgrade || '').toLowerCase() !== 'websocket') {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const accept = createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
      + `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
    sockets.add(socket);
    recorded.push({ via: 'websocket', method: 'UPGRADE', path: req.url.split('?')[0], url: req.url, contentType: '', body: '', time: Date.now() });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
    let buf = Buffer.alloc(0);
    let parts = [];
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const frame = parseFrame(buf);
        if (!frame) break;
        buf = buf.subarray(frame.size);
        if (frame.opcode === 0x8) { socket.end(makeFrame(0x8, Buffer.alloc(0))); return; }
        if (frame.opcode === 0x9) { socket.write(makeFrame(0xA, frame.payload)); continue; }
        if (frame.opcode === 0x1 || frame.opcode === 0x2 || frame.opcode === 0x0) {
          parts.push(frame.payload);
          if (!frame.fin) continue;
          const payload = Buffer.concat(parts);
          parts = [];
          const text = payload.toString('utf8');
          recorded.push({ via: 'websocket', method: 'WS', path: req.url, url: req.url, contentType: '', body: text, time: Date.now() });
          socket.write(makeFrame(0x1, Buffer.from(JSON.stringify({ ok: true, received: payload.length }))));
        }
      }
    });
  });

  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    recorded,
    botReplies,
    reset() { recorded.length = 0; botReplies.length = 0; },
    fail(path) { failing.add(path); },
    heal(path) { failing.delete(path); },
    close() {
      for (const s of sockets) s.destroy();
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections(); // a browser that stays open keeps its connections
      return closed;
    },
  };
}

// Placeholders as a model would quote them: [PERSON_1], <IBAN_1>, {EMAIL_1_ALT}.
const PLACEHOLDER = /[[<{][A-Z]+(?:_[A-Z0-9]+)+[\]>}]/g;

/** The stand-in model's answer to a chat request body (`{message}` JSON or text). */
export function botReply(body) {
  let message = body;
  try {
    const v = JSON.parse(body);
    if (v && typeof v.message === 'string') message = v.message;
  } catch { /* a text body */ }
  const seen = [...new Set(message.match(PLACEHOLDER) || [])];
  return (seen.length ? `Danke! Notiert: ${seen.join(', ')}.` : 'Danke!') + ` Sie schrieben: „${message}“`;
}

/** The reply in pieces: every placeholder is cut in two, the rest in pieces of 12. */
export function botChunks(reply) {
  const cuts = new Set();
  for (const m of reply.matchAll(PLACEHOLDER)) cuts.add(m.index + Math.ceil(m[0].length / 2));
  for (let i = 12; i < reply.length; i += 12) cuts.add(i);
  const at = [...cuts].filter((i) => i > 0 && i < reply.length).sort((a, b) => a - b);
  const out = [];
  let last = 0;
  for (const i of at) {
    // never between the halves of a surrogate pair: the wire carries UTF-8
    if (/[\uD800-\uDBFF]/.test(reply[i - 1])) continue;
    out.push(reply.slice(last, i));
    last = i;
  }
  out.push(reply.slice(last));
  return out;
}

/** Server-sent events as LLM APIs stream them: one JSON delta per chunk, a finish event, `[DONE]`. */
export function botEvents(chunks) {
  const ev = (choice) => `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [choice] })}\n\n`;
  return chunks.map((c) => ev({ index: 0, delta: { content: c }, finish_reason: null })).join('')
    + ev({ index: 0, delta: {}, finish_reason: 'stop' }) + 'data: [DONE]\n\n';
}

function parseFrame(b) {
  if (b.length < 2) return null;
  const fin = (b[0] & 0x80) !== 0;
  const opcode = b[0] & 0x0f;
  const masked = (b[1] & 0x80) !== 0;
  let len = b[1] & 0x7f;
  let off = 2;
  if (len === 126) {
    if (b.length < 4) return null;
    len = b.readUInt16BE(2);
    off = 4;
  } else if (len === 127) {
    if (b.length < 10) return null;
    len = Number(b.readBigUInt64BE(2));
    off = 10;
  }
  const maskLen = masked ? 4 : 0;
  if (b.length < off + maskLen + len) return null;
  const mask = masked ? b.subarray(off, off + 4) : null;
  const payload = Buffer.from(b.subarray(off + maskLen, off + maskLen + len));
  if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
  return { fin, opcode, payload, size: off + maskLen + len };
}

function makeFrame(opcode, payload) {
  const n = payload.length;
  const head = n < 126 ? Buffer.from([0x80 | opcode, n])
    : n < 65536 ? Buffer.from([0x80 | opcode, 126, n >> 8, n & 255])
      : (() => { const h = Buffer.alloc(10); h[0] = 0x80 | opcode; h[1] = 127; h.writeBigUInt64BE(BigInt(n), 2); return h; })();
  return Buffer.concat([head, payload]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const s = await startServer({ port: Number(process.argv[2] || 0) });
  console.log(`CRM test server: ${s.url}crm.html (recorded bodies: ${s.url}__recorded)`);
}

// Where the bytes of a WebAssembly module are: sizes per section, the data segments, and
// the largest function bodies grouped by crate (names from the module's "name" section).
//   node www/wasm-profile.mjs [module.wasm] [--top=N]
// Default module: the unoptimised cargo output, which still carries function names
// (target/wasm32-unknown-unknown/wasm-release/pii_veil.wasm after www/build.sh); the
// shipped module (pkg/pii_veil_bg.wasm) has no names, so only its sections are shown.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? join(process.env.CARGO_TARGET_DIR || join(root, 'target'), 'wasm32-unknown-unknown/wasm-release/pii_veil.wasm');
const top = Number((args.find((a) => a.startsWith('--top=')) ?? '--top=25').slice(6));
const bytes = readFileSync(file);
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';

let pos = 8;
const leb = () => {
  let r = 0, shift = 0, b;
  do { b = bytes[pos++]; r += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return r;
};
const names = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
const sections = [];
let imported = 0;
const bodies = []; // [start, end] of each function body
const funcNames = new Map();
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = leb();
  const start = pos;
  let name = names[id] ?? `#${id}`;
  if (id === 0) {
    const n = leb();
    name = 'custom "' + bytes.subarray(pos, pos + n).toString() + '"';
    pos += n;
    if (name === 'custom "name"') {
      while (pos < start + size) {
        const sub = bytes[pos++], len = leb(), end = pos + len;
        if (sub === 1) {
          for (let i = leb(); i > 0; i--) { const idx = leb(), l = leb(); funcNames.set(idx, bytes.subarray(pos, pos + l).toString()); pos += l; }
        }
        pos = end;
      }
    }
  } else if (id === 2) {
    for (let i = leb(); i > 0; i--) { let n = leb(); pos += n; n = leb(); pos += n; const kind = bytes[pos++]; if (kind === 0) { leb(); imported++; } else if (kind === 1) { pos++; const f = bytes[pos++]; leb(); if (f & 1) leb(); } else if (kind === 2) { const f = bytes[pos++]; leb(); if (f & 1) leb(); } else { pos += 2; } }
  } else if (id === 10) {
    for (let i = leb(); i > 0; i--) { const n = leb(); bodies.push([pos, pos + n]); pos += n; }
  }
  sections.push({ name, size, bytes: bytes.subarray(start, start + size) });
  pos = start + size;
}

console.log(`${file}: ${kb(bytes.length)} raw, ${kb(br(bytes))} brotli`);
console.log('\nsections (raw, brotli alone)');
for (const s of sections.sort((a, b) => b.size - a.size)) console.log(`  ${s.name.padEnd(28)} ${kb(s.size)} ${kb(br(s.bytes))}`);

if (funcNames.size) {
  // Rust's legacy mangling: _ZN <len><ident>… E, with $LT$-style escapes.
  const escapes = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };
  // Rust's v0 mangling (_R…), read only as far as a profile needs: the identifiers in
  // the order they are written (crate, modules, type, method), with disambiguators
  // (`s…_`) and back references (`B…_`) skipped, joined with `::`.
  const demangleV0 = (n) => {
    const parts = [];
    for (let i = 2; i < n.length;) {
      const skip = /^[sB][0-9A-Za-z]*_/.exec(n.slice(i));
      if (skip) { i += skip[0].length; continue; }
      const len = /^\d+/.exec(n.slice(i));
      if (!len) { i++; continue; }
      i += len[0].length;
      if (n[i] === '_') i++;
      if (len[0] !== '0') parts.push(n.slice(i, i + Number(len[0])));
      i += Number(len[0]);
    }
    return parts.join('::');
  };
  const demangle = (n) => {
    if (n.startsWith('_R')) return demangleV0(n);
    if (!n.startsWith('_ZN')) return n;
    const parts = [];
    for (let i = 3; i < n.length && n[i] !== 'E';) {
      const m = /^\d+/.exec(n.slice(i));
      if (!m) break;
      i += m[0].length;
      parts.push(n.slice(i, i + Number(m[0])));
      i += Number(m[0]);
    }
    if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
    return parts.join('::').replace(/^_(?=\$)/, '').replace(/\$([A-Z]+)\$/g, (_, e) => escapes[e] ?? '?').replace(/\$u([0-9a-f]+)\$/g, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/\.\./g, '::');
  };
  const fns = bodies.map(([s, e], i) => ({ name: demangle(funcNames.get(i + imported) ?? `func${i + imported}`), size: e - s }));
  const crateOf = (n) => {
    if (n.startsWith('__wbindgen_describe') || n.includes('WasmDescribe')) return '(wasm-bindgen descriptors, not shipped)';
    const m = /^(?:<)?(?:&)?(?:mut )?([a-z_][a-z0-9_]*)(?:::|$)/.exec(n.replace(/^core::ptr::drop_in_place<(.*)>$/, '$1'));
    return m ? m[1] : '(other)';
  };
  const byCrate = new Map();
  for (const f of fns) byCrate.set(crateOf(f.name), (byCrate.get(crateOf(f.name)) ?? 0) + f.size);
  const code = fns.reduce((a, f) => a + f.size, 0);
  console.log(`\ncode by crate (function bodies, raw; ${fns.length} functions, ${kb(code)})`);
  for (const [c, s] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${c.padEnd(28)} ${kb(s)} ${(100 * s / code).toFixed(1).padStart(5)} %`);
  const byModule = new Map();
  for (const f of fns) {
    const m = /^(?:<)?(pii_veil::[a-z_]+(?:::[a-z_]+)?)/.exec(f.name);
    if (m) byModule.set(m[1], (byModule.get(m[1]) ?? 0) + f.size);
  }
  console.log('\npii_veil code by module (raw)');
  for (const [c, s] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${c.padEnd(40)} ${kb(s)}`);
  console.log(`\nlargest ${top} functions (raw)`);
  for (const f of fns.sort((a, b) => b.size - a.size).slice(0, top)) console.log(`  ${kb(f.size)}  ${f.name.slice(0, 110)}`);
}

// Sizes of a built file as they are reported everywhere (build output, README, size
// budget): raw, gzip -9 and brotli -q 11, in bytes, and one way of printing them.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** `{ raw, gzip, brotli }` in bytes. */
export function sizesOf(bytes) {
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli };
}

/** KB (1,024 bytes) with one decimal, as in the README's tables. */
export const kb = (n) => (n / 1024).toFixed(1) + ' KB';

/** One line: `name   raw … KB  gzip … KB  brotli … KB`. */
export function formatSizes(name, s) {
  const col = (n) => kb(n).padStart(10);
  return `${name.padEnd(22)} raw ${col(s.raw)}  gzip ${col(s.gzip)}  brotli ${col(s.brotli)}`;
}

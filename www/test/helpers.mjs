// Where the built package is (www/build.sh puts it in www/dist/npm).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const www = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const root = dirname(www);
export const pkgDir = process.env.PII_VEIL_PKG ? resolve(process.env.PII_VEIL_PKG) : join(www, 'dist', 'npm');
if (!existsSync(join(pkgDir, 'package.json'))) {
  throw new Error(`no built package in ${pkgDir}: run www/build.sh first`);
}
export const nodeEntry = join(pkgDir, 'node.js');
export const browserEntry = join(pkgDir, 'index.js');
export const wasmPath = join(pkgDir, 'wasm', 'pii_veil_bg.wasm');

// Small apps built from the packed npm package the way a user builds them, for the
// bundler tests and the browser benchmark: `npm pack` www/dist/npm, install the tarball
// with the app's pinned dependencies into target/apps/<name>, build. The install is
// redone only when the app's package.json or the packed package changes (the tarball's
// name carries a hash of its content), so a second run only builds.
//   import { packTarball, installApp } from './apps.mjs';
//   const dir = installApp('webpack', { dependencies: { webpack: '5.x' } }, { 'src/main.js': '…' }, packTarball());
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pkgDir, root } from './helpers.mjs';

export const appsDir = join(root, 'target', 'apps');
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Packs the built package into target/apps/pii-veil-<hash>.tgz; returns its path. */
export function packTarball() {
  mkdirSync(appsDir, { recursive: true });
  const packed = join(appsDir, npm(['pack', '--silent', '--pack-destination', appsDir], pkgDir).trim().split('\n').pop());
  const sha = createHash('sha256').update(readFileSync(packed)).digest('hex').slice(0, 12);
  const tgz = join(appsDir, `pii-veil-${sha}.tgz`); // a new name per content: npm reinstalls exactly then
  renameSync(packed, tgz);
  for (const f of readdirSync(appsDir)) if (/^pii-veil-.*\.tgz$/.test(f) && join(appsDir, f) !== tgz) rmSync(join(appsDir, f));
  return tgz;
}

/**
 * Writes the app `name` (`files`: path → content, `src/` and `dist/` start empty),
 * installs `pkg.dependencies` plus the tarball when they changed; returns its folder.
 */
export function installApp(name, pkg, files, tgz) {
  const dir = join(appsDir, name);
  for (const d of ['src', 'dist']) rmSync(join(dir, d), { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const full = { name: `pii-veil-app-${name}`, private: true, type: 'module', ...pkg, dependencies: { ...pkg.dependencies, 'pii-veil': `file:${tgz}` } };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(full, null, 2));
  const stamp = join(dir, 'node_modules', '.app-installed');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== JSON.stringify(full)) {
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', '--save-exact'], dir);
    writeFileSync(stamp, JSON.stringify(full));
  }
  return dir;
}

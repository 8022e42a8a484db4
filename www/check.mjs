// The fast checks of the JavaScript side, in one command (CI runs it after the build):
//   node www/check.mjs
// 1. tsc --noEmit over www/test/types (usage.ts against the hand-written index.d.ts);
// 2. the size budget of README.md for the built script tag and module (needs www/build.sh);
// 3. what the shipped modules must not hold: panic messages, the build machine's folders.
// Exit 1 when either fails; each prints why.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const www = dirname(fileURLToPath(import.meta.url));
const steps = [
  ['types (tsc --noEmit -p www/test/types)', join(www, 'node_modules', 'typescript', 'bin', 'tsc'), ['--noEmit', '-p', join(www, 'test', 'types')]],
  ['size budget (www/size-budget.mjs)', join(www, 'size-budget.mjs'), []],
  ['shipped modules (www/module-check.mjs)', join(www, 'module-check.mjs'), []],
];
let failed = 0;
for (const [name, script, args] of steps) {
  console.log(`== ${name}`);
  const r = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`check failed: ${name}`);
  }
}
console.log(failed ? `${failed} of ${steps.length} checks failed` : `all ${steps.length} checks passed`);
process.exit(failed ? 1 : 0);

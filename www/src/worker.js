// Module worker used by protect() for long texts (the ESM build): scans off the main
// thread with its own copy of the engine. Bundlers pick it up through
// `new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })`.
import * as api from './index.js';
import { serveWorker } from './protect/worker-serve.js';

serveWorker(api, self);

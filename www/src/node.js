// pii-veil for Node (>= 20). `init()` without an argument reads the module from the
// package folder synchronously, so `createScanner()` also works without awaiting it.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as glue from './wasm/pii_veil.js';
import { createApi } from './api.js';
import { createProtect } from './protect/index.js';
import { createChat } from './chat.js';
import { sessionHandle } from './session.js';

const wasmUrl = new URL('./wasm/pii_veil_bg.wasm', import.meta.url);

async function loadInput(input) {
  if (input instanceof Promise) input = await input;
  if (typeof input === 'string') input = new URL(input, pathToFileURL(process.cwd() + '/'));
  if (input instanceof URL && input.protocol === 'file:') return readFileSync(input);
  return input; // http(s) URL, Response: handled by the glue
}

const api = createApi(glue, {
  loadDefault: () => ({ sync: () => readFileSync(wasmUrl) }),
  loadInput,
  session: sessionHandle,
});

export const { init, createScanner, createSession, scan, redact, fieldHints, KINDS, VALIDATORS } = api;

// protect() needs a DOM (pass a jsdom window as options.window); no worker in Node.
export const protect = createProtect(api, { chat: createChat });

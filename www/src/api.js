// The JavaScript API of pii-veil, shared by every build: the ESM entry for browsers
// and bundlers (index.js), the Node entry (node.js) and the one-file script tag
// (pii-veil.js, made by build-package.mjs). This file imports nothing: each entry
// hands it the wasm-bindgen glue and a way to load the module on its platform.
//
// Every offset is a UTF-16 code unit index into the string that was passed in, so
// `text.slice(start, end)` is the finding. Errors are `Error`s with a `code`; their
// messages never contain the scanned text.
//
// The parts: loading the module (createLoader: idempotent init, synchronous where the
// platform can), the scanner handle over the wasm object, field hints, and the lists
// of kinds and validators; createApi wires them, with the session handle the entry
// hands it (session.js, which also uses this file's errors and findings). Besides the
// glue it uses the start-up marks (marks.js).
import { mark } from './marks.js';

export function fail(code, message, cause) {
  const e = new Error(message, cause === undefined ? undefined : { cause });
  e.code = code;
  return e;
}

function describe(e) {
  return e && typeof e.message === 'string' ? e.message : String(e);
}

function isSyncSource(x) {
  return (typeof WebAssembly !== 'undefined' && x instanceof WebAssembly.Module)
    || x instanceof ArrayBuffer || ArrayBuffer.isView(x);
}

export function checkText(text) {
  if (typeof text !== 'string') {
    throw fail('invalid_argument', 'text: expected a string, got ' + (text === null ? 'null' : typeof text));
  }
}

// Findings as the module hands them over: `[Float64Array, names, masked?]`, five
// numbers per finding (start, end, score, kind index, subtype index + 1 or 0) and
// the names joined by U+0000 (src/wasm.rs, `flat`); made into objects here, each
// with its `text`.
function decode(r, text) {
  const v = r[0];
  const names = r[1].split('\u0000');
  const list = [];
  for (let i = 0; i < v.length; i += 5) {
    const f = { kind: names[v[i + 3]], start: v[i], end: v[i + 1], score: v[i + 2] };
    if (v[i + 4]) f.subtype = names[v[i + 4] - 1];
    f.text = text.slice(f.start, f.end);
    list.push(f);
  }
  return list;
}

export function redacted(r, text) {
  return { text: r[2], findings: decode(r, text) };
}

// A scanner or rescanner handle's `redact` as it crosses the boundary, the findings not
// yet made into objects (`[Float64Array, names, masked text]`, see `decode`): protect()'s
// worker sends that to the page, which makes the objects (`redacted`). A hidden
// property under a registered symbol, not a map of this module: the npm package's
// worker.js bundles its own copy of this module beside the handles index.js makes.
const RAW = Symbol.for('pii-veil.redactRaw');

/** `handle.redact(text, options)` in the form it crosses the boundary in (see `redacted`). */
export function redactRaw(handle, text, options) {
  return handle[RAW](text, options);
}

// The handle of a rescanner: one field's rescans (see scannerHandle.rescanner).
function rescannerHandle(inner) {
  const live = () => {
    if (!inner) throw fail('invalid_argument', 'pii-veil: this rescanner was freed');
    return inner;
  };
  const raw = (text, options) => {
    checkText(text);
    return live().redact(text, options);
  };
  const handle = {
    redact(text, options) {
      return redacted(raw(text, options), text);
    },
    /** UTF-8 bytes the recognisers read in the last call (the whole text for a full scan). */
    get lastRead() { return inner ? inner.lastRead : 0; },
    free() {
      if (inner) {
        inner.free();
        inner = null;
      }
    },
  };
  Object.defineProperty(handle, RAW, { value: raw });
  return handle;
}

/**
 * Loading the module once: `init(input)` (idempotent, a failed load can be retried),
 * and `requireReady()` for the calls that need it, which loads synchronously where the
 * platform can (Node, the script tag with the module inlined).
 */
function createLoader(glue, platform) {
  let ready = false;
  let pending = null;
  let module = null; // the WebAssembly.Module instantiated, where it passed through here

  // `source`: a module, its bytes, or a function that makes either (a platform's own
  // synchronous load: its errors are reported as the load's).
  function initSyncFrom(source) {
    try {
      if (typeof source === 'function') source = source();
      const m = source instanceof WebAssembly.Module ? source : new WebAssembly.Module(source);
      glue.initSync({ module: m });
      module = m;
      ready = true;
      mark('instantiated');
    } catch (e) {
      throw fail('load_failed', 'pii-veil: the WebAssembly module could not be loaded: ' + describe(e), e);
    }
  }

  // Loads synchronously when the platform can; returns false when only an
  // asynchronous load is possible.
  function ensureSync() {
    if (ready) return true;
    const d = platform.loadDefault();
    if (d && d.sync !== undefined) {
      initSyncFrom(d.sync);
      return true;
    }
    return false;
  }

  async function load(input) {
    if (input === undefined) {
      if (ensureSync()) return;
      const d = platform.loadDefault();
      input = d ? d.async : undefined;
    } else if (isSyncSource(input)) {
      initSyncFrom(input);
      return;
    } else if (platform.loadInput) {
      let prepared;
      try {
        prepared = await platform.loadInput(input);
      } catch (e) {
        throw fail('load_failed', 'pii-veil: the WebAssembly module could not be read: ' + describe(e), e);
      }
      if (isSyncSource(prepared)) {
        initSyncFrom(prepared);
        return;
      }
      input = prepared;
    }
    try {
      // A promise (the loader's checked module, a compiled default, a response) is
      // awaited here; anything else goes to the glue at once. A URL the glue fetches
      // with the page's fetch must be requested before protect() has attached the
      // page's fields: while a protected field holds text and the engine loads, its
      // request hooks make a request wait for the engine (egress.js), this one too.
      const source = input && typeof input.then === 'function' ? await input : input;
      await glue.default({ module_or_path: source });
      if (typeof WebAssembly !== 'undefined' && source instanceof WebAssembly.Module) module = source;
      ready = true;
      mark('instantiated');
    } catch (e) {
      throw fail('load_failed', 'pii-veil: the WebAssembly module could not be loaded: ' + describe(e), e);
    }
  }

  return {
    /**
     * Loads the WebAssembly module. Idempotent: later calls return the first load.
     * @param {string|URL|Response|Promise<Response>|BufferSource|WebAssembly.Module} [input]
     * @returns {Promise<void>}
     */
    init(input) {
      if (ready) return Promise.resolve();
      if (pending) return pending;
      pending = load(input);
      pending.catch(() => { pending = null; });
      return pending;
    },
    requireReady() {
      if (!ensureSync()) {
        throw fail('not_initialized', 'pii-veil: call `await init()` before creating a scanner');
      }
    },
    /** The module instantiated, once loaded from one this loader saw (else null). */
    module: () => module,
  };
}

// The handle of a compiled scanner; `inners` maps it to its live wasm object, so a
// session can share the scanner.
function scannerHandle(glue, config, inners) {
  let inner = new glue.Scanner(config);
  const live = () => {
    if (!inner) throw fail('invalid_argument', 'pii-veil: this scanner was freed');
    return inner;
  };
  const raw = (text, options) => {
    checkText(text);
    return live().redact(text, options);
  };
  const handle = {
    scan(text, field) {
      checkText(text);
      return decode(live().scan(text, field), text);
    },
    redact(text, options) {
      return redacted(raw(text, options), text);
    },
    /**
     * For one field while a person types: `redact(text, options)` gives what this
     * scanner's `redact` gives, reading again only the region around the last edit.
     */
    rescanner() {
      return rescannerHandle(live().rescanner());
    },
    free() {
      if (inner) {
        inner.free();
        inner = null;
      }
    },
  };
  inners.set(handle, live);
  Object.defineProperty(handle, RAW, { value: raw });
  return handle;
}

/** Field hints read from a form element (name, id, label, autocomplete, type, placeholder). */
export function fieldHints(el) {
  if (!el || typeof el !== 'object') throw fail('invalid_argument', 'fieldHints: expected a form element');
  const attr = (n) => (typeof el.getAttribute === 'function' ? el.getAttribute(n) || '' : '');
  let label = attr('aria-label');
  if (!label && el.labels && el.labels.length) label = el.labels[0].textContent || '';
  return {
    name: attr('name'),
    id: el.id || '',
    label: label.trim(),
    autocomplete: attr('autocomplete'),
    type: attr('type') || (el.tagName === 'TEXTAREA' ? 'textarea' : ''),
    placeholder: attr('placeholder'),
  };
}

/** The ids of the built-in kinds, as the engine's kinds() lists them (a test holds them equal). */
export const KINDS = Object.freeze([
  'email', 'phone', 'iban', 'bic', 'credit_card', 'ip_address', 'mac_address', 'national_id',
  'tax_vat_id', 'health_insurance_id', 'license_plate', 'username', 'url_personal',
  'date_of_birth', 'person', 'street_address', 'postal_city',
]);
/** The validator names a custom pattern may use, as the engine's validators() lists them. */
export const VALIDATORS = Object.freeze([
  'luhn', 'iban', 'bic', 'de_steuer_idnr', 'de_rvnr', 'at_svnr', 'ch_ahv', 'us_ssn', 'uk_nino',
  'fr_nir', 'it_codice_fiscale', 'es_dni', 'es_nie', 'nl_bsn', 'eu_vat', 'de_kvnr', 'uk_nhs',
]);

/**
 * @param {object} glue the wasm-bindgen `--target web` module namespace
 * @param {object} platform `{ loadDefault(): (undefined | { sync(): bytesOrModule } | { async: source }), loadInput(input): source,
 *   session?: sessionHandle of session.js }` (without `session`, as in the lite script tag, createSession says `unsupported`)
 */
export function createApi(glue, platform) {
  const loader = createLoader(glue, platform);
  // scanner handle -> its live wasm object, so a session can share a compiled scanner.
  const scannerInners = new WeakMap();
  let defaultScanner = null;

  /**
   * Compiles a configuration once; the returned scanner is reused for every call.
   * @param {object} [config]
   */
  function createScanner(config) {
    loader.requireReady();
    if (config !== undefined && config !== null && (typeof config !== 'object' || Array.isArray(config))) {
      throw fail('invalid_config', 'config: expected an object');
    }
    return scannerHandle(glue, config, scannerInners);
  }

  /**
   * One conversation's reversible pseudonymisation. The mapping lives in WebAssembly
   * memory only (never storage, never the network) until `clear()` or `free()`.
   * @param {object} [options] `{ style?, seed?, scanner?: config | scanner }`
   */
  function createSession(options) {
    if (!glue.Session || !platform.session) {
      throw fail('unsupported', 'pii-veil: this build has no pseudonymisation (the lite script); use pii-veil.loader.js or pii-veil.js');
    }
    loader.requireReady();
    if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
      throw fail('invalid_config', 'options: expected an object');
    }
    let shared;
    let opts = options;
    if (options && options.scanner && scannerInners.has(options.scanner)) {
      shared = scannerInners.get(options.scanner)();
      opts = Object.assign({}, options, { scanner: undefined });
    }
    const inner = shared ? glue.Session.withScanner(opts, shared) : new glue.Session(opts);
    return platform.session(inner, (options && options.style) || 'square');
  }

  function defaults() {
    if (!defaultScanner) defaultScanner = createScanner();
    return defaultScanner;
  }

  const api = {
    init: loader.init,
    createScanner,
    createSession,
    scan: (text, field) => defaults().scan(text, field),
    redact: (text, options) => defaults().redact(text, options),
    fieldHints,
    KINDS,
    VALIDATORS,
  };
  modules.set(api, loader.module);
  return api;
}

// api -> its loader's module (compiledModule); not a property, so no entry exports it.
const modules = new WeakMap();

/**
 * The WebAssembly.Module the engine of `api` was instantiated from, once it is loaded
 * (null before, and where the glue fetched and compiled it itself: a URL or a Response
 * given to `init`). protect() posts it to its worker, which instantiates it instead of
 * downloading, checking and compiling the module a second time.
 */
export function compiledModule(api) {
  const m = modules.get(api);
  return m ? m() : null;
}

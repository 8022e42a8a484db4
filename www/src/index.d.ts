/**
 * pii-veil — finds and masks personal data in text typed into forms and chat boxes,
 * in the browser, before anything is sent. A Rust core compiled to WebAssembly.
 *
 * ```js
 * import { init, createScanner } from 'pii-veil';
 * await init();
 * const scanner = createScanner({ countries: ['de', 'at', 'ch'] });
 * scanner.scan('Mail: anna@example.org');
 * // [{ kind: 'email', start: 6, end: 22, score: 0.95, text: 'anna@example.org' }]
 * scanner.redact('IBAN DE89 3704 0044 0532 0130 00').text; // 'IBAN [IBAN]'
 * ```
 *
 * Every offset is a UTF-16 code unit index into the string that was passed in — the
 * unit of `String.prototype.slice` — so `text.slice(start, end)` is the finding, emoji
 * and combining marks included.
 *
 * @packageDocumentation
 */

/** The id of a built-in kind of personal data. Ids are stable; new kinds are only added. */
export type KindId =
  | 'email'
  | 'phone'
  | 'iban'
  | 'bic'
  | 'credit_card'
  | 'ip_address'
  | 'mac_address'
  | 'national_id'
  | 'tax_vat_id'
  | 'health_insurance_id'
  | 'license_plate'
  | 'username'
  | 'url_personal'
  | 'date_of_birth'
  | 'person'
  | 'street_address'
  | 'postal_city';

/** Name of a check-digit validator a custom pattern may use. */
export type ValidatorName =
  | 'luhn'
  | 'iban'
  | 'bic'
  | 'de_steuer_idnr'
  | 'de_rvnr'
  | 'at_svnr'
  | 'ch_ahv'
  | 'us_ssn'
  | 'uk_nino'
  | 'fr_nir'
  | 'it_codice_fiscale'
  | 'es_dni'
  | 'es_nie'
  | 'nl_bsn'
  | 'eu_vat'
  | 'de_kvnr'
  | 'uk_nhs';

/**
 * The `code` of every error pii-veil throws or rejects with.
 *
 * - `invalid_config`: a configuration key has a wrong type or value, or is unknown.
 * - `unknown_kind`: a kind id is not known (in `kinds` or `perKind`).
 * - `invalid_pattern`: a custom or allow-list pattern does not compile.
 * - `empty_match`: a custom pattern can match the empty string.
 * - `text_too_large`: the text is larger than `maxTextBytes`.
 * - `invalid_argument`: a call argument (text, field hints, redact options) is wrong,
 *   or the scanner was freed.
 * - `not_initialized`: a scanner was requested before {@link init} finished.
 * - `load_failed`: the WebAssembly module could not be fetched, compiled or instantiated.
 * - `unsupported`: the build has no such part: `createSession` and protect()'s `chat`
 *   in the lite script tag (`pii-veil.lite.js`), which has no pseudonymisation.
 */
export type ErrorCode =
  | 'invalid_config'
  | 'unknown_kind'
  | 'invalid_pattern'
  | 'empty_match'
  | 'text_too_large'
  | 'invalid_argument'
  | 'not_initialized'
  | 'load_failed'
  | 'unsupported';

/**
 * An error thrown by pii-veil: a plain `Error` with a {@link ErrorCode | code}. The
 * message names the key or argument at fault and never contains the scanned text, so
 * it is safe to log.
 */
export interface PiiVeilError extends Error {
  /** Machine-readable reason. */
  code: ErrorCode;
}

/** A custom pattern: its matches are reported as the kind `name`. */
export interface CustomPattern {
  /** Kind id of the matches, `[a-z][a-z0-9_]*`, at most 40 characters, not a built-in id. Also the label (upper-cased). */
  name: string;
  /** Regular expression (Rust `regex` syntax, ASCII classes, linear time). Must not match the empty string. */
  pattern: string;
  /** Check run on the letters and digits of a match; matches that fail are dropped. */
  validator?: ValidatorName | null;
  /** Score of a match, 0..1 (default 0.8). */
  score?: number;
}

/** Scanner configuration. Every key is optional; unknown keys are rejected. */
export interface ScannerConfig {
  /**
   * Which built-in kinds to look for: an array enables exactly those; an object turns
   * single kinds on or off starting from all kinds on (`{ person: false }`).
   */
  kinds?: KindId[] | Partial<Record<KindId, boolean>>;
  /**
   * Restricts country-specific formats (national ids, plates, VAT numbers, national
   * phone formats) to these ISO 3166 alpha-2 codes, lower case (`['de', 'at', 'ch']`).
   */
  countries?: string[];
  /** Minimum score of a reported finding, 0..1 (default 0.5). */
  threshold?: number;
  /** Values never reported (compared case-insensitively, ignoring spaces and punctuation). */
  allow?: string[];
  /** Regular expressions; a finding that matches one completely is not reported. */
  allowPatterns?: string[];
  /** Terms always reported as the kind `deny` (whole words, case-insensitive). */
  deny?: string[];
  /** Custom patterns, reported under their own kind names. */
  custom?: CustomPattern[];
  /** Largest text accepted, in UTF-8 bytes (default 8 MiB); larger texts throw `text_too_large`. */
  maxTextBytes?: number;
}

/**
 * What the page knows about the form field a text comes from. A label string is
 * shorthand for `{ label }`. See {@link fieldHints} to read them from an element.
 */
export type FieldHints =
  | string
  | {
      /** The field's `name` attribute. */
      name?: string;
      /** The field's `id` attribute. */
      id?: string;
      /** The visible label text. */
      label?: string;
      /** The `autocomplete` attribute (`bday`, `tel`, `email`, …). */
      autocomplete?: string;
      /** The input `type` (`tel`, `email`, `text`, …). */
      type?: string;
      /** The `placeholder` attribute. */
      placeholder?: string;
    };

/** A piece of personal data found in a text. */
export interface Finding {
  /** Kind id: a {@link KindId}, a custom pattern's name, or `deny`. */
  kind: KindId | (string & {});
  /** First UTF-16 code unit of the finding in the scanned string. */
  start: number;
  /** One past the last UTF-16 code unit. */
  end: number;
  /** Confidence 0..1 (three decimals) after context and field hints. */
  score: number;
  /** Finer classification, e.g. `visa`, `de_steuer_idnr`; absent when there is none. */
  subtype?: string;
  /** The finding itself: `text.slice(start, end)` of the scanned string. */
  text: string;
}

/** Name of a masking operator. */
export type OperatorName = 'label' | 'token' | 'mask' | 'remove';

/**
 * How a finding is replaced:
 * - `label`: `[IBAN]`;
 * - `token`: `[EMAIL_1]`, numbered per kind; the same value gets the same number;
 * - `mask`: letters and digits replaced by `fill` (default `•`), separators kept, the
 *   last `keepLast` letters/digits kept (`•••• •••• •••• 1111`);
 * - `remove`: the value disappears.
 */
export type Operator =
  | OperatorName
  | { type: 'label' | 'token' | 'remove' }
  | {
      type: 'mask';
      /** One fill character (default `•`). */
      fill?: string;
      /** How many trailing letters/digits stay visible (default 0). */
      keepLast?: number;
    };

/** Options of {@link Scanner.redact}. */
export interface RedactOptions {
  /** Operator for every kind without its own entry (default `label`). */
  operator?: Operator;
  /** Operators per kind id (built-in or custom). */
  perKind?: Partial<Record<KindId, Operator>> & Record<string, Operator>;
  /** Hints about the field the text comes from. */
  field?: FieldHints;
}

/** The result of {@link Scanner.redact}. */
export interface Redacted {
  /** The masked text. Unpaired surrogates of the input appear as U+FFFD. */
  text: string;
  /** The findings, with offsets into the *original* text. */
  findings: Finding[];
}

/** A compiled configuration. Create one per configuration and reuse it for every keystroke. */
export interface Scanner {
  /**
   * Finds personal data in `text`.
   * @param text the text to scan
   * @param field hints about the form field the text comes from
   * @throws {@link PiiVeilError} `text_too_large`, `invalid_argument`
   */
  scan(text: string, field?: FieldHints): Finding[];
  /**
   * Scans and masks `text` in one call.
   * @throws {@link PiiVeilError} `text_too_large`, `invalid_argument`, `unknown_kind`
   */
  redact(text: string, options?: RedactOptions): Redacted;
  /**
   * A rescanner for one field while a person types: its `redact` reads again only the
   * region around the last edit and gives what this scanner's `redact` gives whenever
   * what decides a value lies within a few hundred bytes of it. It is a preview: mask
   * what is sent with {@link Scanner.redact}.
   */
  rescanner(): Rescanner;
  /** Releases the WebAssembly memory of this scanner; later calls throw `invalid_argument`. Idempotent. */
  free(): void;
}

/** One field's rescans (see {@link Scanner.rescanner}); keeps the field's last text. */
export interface Rescanner {
  /** As {@link Scanner.redact}; the first call scans the whole text. */
  redact(text: string, options?: RedactOptions): Redacted;
  /** UTF-8 bytes the recognisers read in the last call (the whole text for a full scan). */
  readonly lastRead: number;
  /** Releases the WebAssembly memory of this rescanner. Idempotent. */
  free(): void;
}

/** What {@link init} accepts: where or what the WebAssembly module is. */
export type InitInput =
  | string
  | URL
  | Request
  | Response
  | Promise<Response>
  | BufferSource
  | WebAssembly.Module;

/**
 * Loads the WebAssembly module. Idempotent: later calls resolve with the first load.
 *
 * Without `input`, the browser build fetches `wasm/pii_veil_bg.wasm` inside the package
 * (bundlers copy it), the Node build reads it from the package folder, and the
 * script-tag build uses the copy inlined in `pii-veil.js`.
 *
 * @param input a URL (string or `URL`), a `Response`, the module's bytes or a compiled `WebAssembly.Module`
 * @returns a promise that rejects with a {@link PiiVeilError} `load_failed` if the module cannot load
 */
export function init(input?: InitInput): Promise<void>;

/**
 * Compiles a configuration once. In Node (and with the script tag) the module loads
 * synchronously on first use; in a browser with the ESM build, call {@link init} first.
 *
 * @throws {@link PiiVeilError} `invalid_config`, `unknown_kind`, `invalid_pattern`,
 *   `empty_match` (naming the key at fault), or `not_initialized`
 */
export function createScanner(config?: ScannerConfig): Scanner;

/** {@link Scanner.scan} with the default configuration (every kind, threshold 0.5). */
export function scan(text: string, field?: FieldHints): Finding[];

/** {@link Scanner.redact} with the default configuration. */
export function redact(text: string, options?: RedactOptions): Redacted;

/**
 * Reads field hints from a form element: `name`, `id`, its label (`aria-label` or the
 * first `<label>`), `autocomplete`, `type` and `placeholder`.
 */
export function fieldHints(element: Element): Exclude<FieldHints, string>;

/**
 * Placeholder format of a {@link Session}: `square` → `[PERSON_1]`, `angle` →
 * `<PERSON_1>`, `curly` → `{PERSON_1}`, `surrogate` → realistic fake values (an IBAN
 * with valid check digits, a Luhn-valid card number, a phone number of the same shape,
 * an address at `example.com/.org/.net`, obviously fictional names); kinds without a
 * fake use square placeholders.
 */
export type PlaceholderStyle = 'square' | 'angle' | 'curly' | 'surrogate';

/** Options of {@link createSession}. */
export interface SessionOptions {
  /** Placeholder format (default `square`). */
  style?: PlaceholderStyle;
  /** Seed of the surrogate generator (default: random per session). A non-negative safe integer. */
  seed?: number;
  /**
   * A scanner configuration to compile for this session, or an existing {@link Scanner}
   * to share (the session keeps it alive even after `scanner.free()`). Default: every kind.
   */
  scanner?: ScannerConfig | Scanner;
}

/** The result of {@link Session.pseudonymize}. */
export interface Pseudonymized {
  /** The text with placeholders (or surrogates) in place of personal data. */
  text: string;
  /** The findings, with UTF-16 offsets into the *original* text (as {@link Scanner.scan}). */
  findings: Finding[];
}

/** Restores text that arrives in pieces; see {@link Session.restorer}. */
export interface Restorer {
  /** Adds a piece; returns the restored text that is certain so far (a tail that may still become a placeholder is held back). */
  push(chunk: string): string;
  /** Ends the text; returns the rest and releases the restorer. Later calls return `''`; `push` then throws. */
  finish(): string;
  /** UTF-8 bytes (plus a held half of a surrogate pair) held back right now. */
  readonly buffered: number;
  /** The most bytes ever held back after a `push` (bounded by the longest placeholder or surrogate). */
  readonly maxBuffer: number;
}

/** Options of {@link Session.restoreSSE}. */
export interface RestoreSSEOptions {
  /**
   * Where the streamed text is in an event's JSON: dotted paths, `*` for any array
   * element or key (an element with an `index` property is told apart by it). Default:
   * `['choices.*.delta.content', 'choices.*.text', 'delta.text', 'delta']` (OpenAI
   * chat and completions, Anthropic text deltas, OpenAI Responses output deltas).
   */
  path?: string | string[];
  /**
   * `everywhere` (default, as {@link Session.restore}) or `text`: real values go back
   * only into plain text, a placeholder in a URL, a markdown link target or an HTML
   * tag stays (see {@link ChatOptions.restore}).
   */
  restore?: 'text' | 'everywhere';
}

/**
 * One conversation's reversible pseudonymisation. The mapping between values and
 * placeholders exists only in memory (WebAssembly): it is never written to storage,
 * sent or logged, and `clear()`/`free()` drop it.
 *
 * Rules (see the README): a value keeps its number for the whole session, also when
 * spelled differently (`+49 170…`, `0049 170…`, `0170…` → `[PHONE_1]`,
 * `[PHONE_1_ALT]`; IBAN spacing and case, e-mail case); every placeholder restores to
 * exactly one string, so `restore(pseudonymize(x).text) === x` for every `x`, also
 * when the person types placeholder-like text (`[PERSON_1]`) — such text is itself
 * protected by a `[TEXT_n]` placeholder. `restore` tolerates models rewriting
 * placeholders (other brackets, case, spaces or `-` between the parts), only for keys
 * of this session.
 */
export interface Session {
  /** The placeholder format. */
  readonly style: PlaceholderStyle;
  /** Number of placeholders the session can restore (0 after `clear()`/`free()`). */
  readonly size: number;
  /**
   * Replaces the personal data in `text` with placeholders, remembering the mapping.
   * @throws {@link PiiVeilError} `text_too_large`, `invalid_argument`
   */
  pseudonymize(text: string, field?: FieldHints): Pseudonymized;
  /** Puts the original values back for every placeholder (or surrogate) of this session; everything else is left as it is. */
  restore(text: string): string;
  /**
   * A `TransformStream<string, string>` restoring text that arrives in chunks — a
   * placeholder split across chunks is restored too; only a short tail that may still
   * become a placeholder is held back. Uses the mapping as it is now.
   *
   * ```js
   * response.body.pipeThrough(new TextDecoderStream()).pipeThrough(session.restoreStream())
   * ```
   */
  restoreStream(): TransformStream<string, string>;
  /** The same as {@link Session.restoreStream} as a plain push/finish object. */
  restorer(): Restorer;
  /**
   * A `TransformStream` restoring a reply streamed as server-sent events whose data are
   * JSON deltas (`data: {"choices":[{"delta":{"content":"Hallo [PERS"}}]}`, then
   * `…"ON_1]!"…`, then `data: [DONE]`): the strings at the text paths are restored
   * across events, each choice on its own (a placeholder split between events, inside
   * an emoji or an escape, or by a chunk boundary inside a line, is restored); every
   * other string of an event is restored on its own, data that is not JSON as text.
   * Events keep their order and other fields; an event whose delta ends in what may
   * still become a placeholder waits until the text goes on, then carries the restored
   * text; changed events are written back with `JSON.stringify` (valid, escaped JSON),
   * unchanged ones as they came. Takes text or bytes (UTF-8), gives text.
   *
   * ```js
   * const res = await fetch('/v1/chat/completions', { method: 'POST', body });
   * const events = res.body.pipeThrough(session.restoreSSE()); // then parse as usual
   * ```
   * @throws {@link PiiVeilError} `invalid_argument` (a bad `path` or `restore`)
   */
  restoreSSE(options?: RestoreSSEOptions): TransformStream<string | BufferSource, string>;
  /** Forgets the whole mapping (a new conversation). Restorers made before keep theirs. */
  clear(): void;
  /** Releases the WebAssembly memory; later calls throw `invalid_argument`. Idempotent. */
  free(): void;
}

/**
 * Starts a pseudonymisation session — one per conversation with a chatbot.
 *
 * ```js
 * const session = createSession({ style: 'square' });
 * const { text } = session.pseudonymize('Ich bin Maria Huber, IBAN DE89 3704 0044 0532 0130 00');
 * // 'Ich bin [PERSON_1], IBAN [IBAN_1]' — send this to the model
 * session.restore('Danke [PERSON_1], ich prüfe [IBAN_1].'); // real values, for the person only
 * ```
 *
 * @throws {@link PiiVeilError} `invalid_config` (naming the option), `unknown_kind`,
 *   `invalid_pattern` (`scanner.…`), or `not_initialized`
 */
export function createSession(options?: SessionOptions): Session;

/** The ids of the built-in kinds. */
export const KINDS: readonly KindId[];

/** The validator names a custom pattern may use. */
export const VALIDATORS: readonly ValidatorName[];

/** What a protected field or form does when personal data is present at send time. */
export type ProtectPolicy = 'mask' | 'confirm' | 'block';

/**
 * The texts {@link protect} shows (built in: English and German). `{n}`, `{items}`,
 * `{kinds}` and `{kind}` are filled in where a text has them.
 */
export interface ProtectMessages {
  /** The small notice near a protected form. */
  notice: string;
  /** Screen-reader summary of a field: `{n} {items} will be masked: {kinds}`. */
  summary: string;
  /** `{items}` for one finding. */
  item: string;
  /** `{items}` for several findings. */
  items: string;
  /** Screen-reader summary once a field is clean again. */
  summaryNone: string;
  /** Accessible name of the count badge: `{n} {items} will be masked. Show`. */
  badge: string;
  /** Title of the list of findings. */
  listTitle: string;
  /** The button that allows a value for this field. */
  notPersonal: string;
  /** Announced after "not personal": `Allowed for this field: {kind}`. */
  allowed: string;
  /** The question of the `confirm` policy: `… {kinds}.` */
  confirm: string;
  /** The button that sends after confirming. */
  confirmSend: string;
  /** The button that cancels the send. */
  cancel: string;
  /** The alert of the `block` policy: `… ({kinds}) …`. */
  blocked: string;
  /** The alert when the engine cannot load and sending is paused. */
  failed: string;
  /** The name shown for each kind (a custom pattern's kind shows its id). */
  kinds: Record<KindId, string> & Record<string, string>;
}

/** Findings per kind id: `{ email: 2, iban: 1 }`. */
export type KindCounts = Partial<Record<KindId, number>> & Record<string, number>;

/**
 * The way a masked or held-back value was going out; `url` is a URL a script set or
 * opened (an element's source, `EventSource`, `window.open`, the page's own URL set by
 * `history.pushState`); `cookie` a cookie a script set.
 */
export type SendRoute = 'form' | 'fetch' | 'xhr' | 'beacon' | 'websocket' | 'chat' | 'url' | 'cookie';

/**
 * Why a send was held back: `policy` (a field with findings has the `block` policy),
 * `engine_unavailable` (the engine could not load).
 */
export type BlockedReason = 'policy' | 'engine_unavailable';

/** `detail` of `pii-veil:findings`, on the field, when its counts change. */
export interface FindingsEventDetail {
  counts: KindCounts;
  total: number;
  /** The field's `name`, else its `id`, else `''`. */
  field: string;
}

/** `detail` of `pii-veil:masked`, on the form (or the document for requests), when something was masked. */
export interface MaskedEventDetail {
  via: SendRoute;
  counts: KindCounts;
  total: number;
}

/**
 * `detail` of `pii-veil:blocked`, on the form (or the document for requests). `via` is
 * absent for a form submission the gate held back; `counts` are empty unless the
 * reason is `policy`.
 */
export interface BlockedEventDetail {
  via?: SendRoute;
  reason: BlockedReason;
  counts: KindCounts;
  total: number;
}

/** `detail` of `pii-veil:error`, on the root, when the engine could not load. */
export interface ErrorEventDetail {
  code: ErrorCode;
}

/**
 * The DOM events {@link protect} dispatches (bubbling, composed). They carry counts
 * per kind, never values.
 */
export interface PiiVeilEventMap {
  /** The engine is loaded; on the root. */
  'pii-veil:ready': CustomEvent<Record<string, never>>;
  /** The engine could not load; protected sends are held back. */
  'pii-veil:error': CustomEvent<ErrorEventDetail>;
  /** A field's findings changed. */
  'pii-veil:findings': CustomEvent<FindingsEventDetail>;
  /** Values were masked on their way out. */
  'pii-veil:masked': CustomEvent<MaskedEventDetail>;
  /** A send was held back. */
  'pii-veil:blocked': CustomEvent<BlockedEventDetail>;
}

declare global {
  // So that `addEventListener('pii-veil:masked', (e) => e.detail.counts)` is typed.
  interface DocumentEventMap extends PiiVeilEventMap {}
  interface HTMLElementEventMap extends PiiVeilEventMap {}
}

/**
 * How a request that pii-veil did not let out fails: `fetch` rejects (and a
 * synchronous XHR throws) with a `TypeError` carrying a `code` —
 * `engine_unavailable` (the engine could not load), or, for the chat endpoint,
 * `unsupported_body` (the body is not text, or not JSON with `request: 'json'`).
 */
export interface HeldRequestError extends TypeError {
  code: 'engine_unavailable' | 'unsupported_body';
}

/** Options of {@link protect}. Every key is optional. */
export interface ProtectOptions {
  /** The window the root belongs to (default: `root.ownerDocument.defaultView`). */
  window?: Window;
  /**
   * Forms, fields or containers to protect. Inside a match, inputs the browser renders
   * as a text box (text, email, tel, search, url, an unknown type such as `txt`) and
   * `number` inputs, `textarea` and `contenteditable` hosts are protected; password,
   * hidden and file inputs never are; `data-pii-veil="off"` opts out.
   * Without it: everything marked `[data-pii-veil]`, and on a whole document the
   * free-text places (textareas, contenteditable, chat inputs, text inputs that are not
   * a form's own contact fields — `type` email/tel or a contact/address `autocomplete`);
   * under an explicit root element every text field inside, contact fields included.
   * Whatever was found in a protected field is masked in every request of the page.
   */
  selector?: string;
  /** Default policy (`mask`); per form or field: `data-pii-veil-policy="confirm"`. */
  policy?: ProtectPolicy;
  /** How findings are replaced in what is sent (default `label`). */
  operator?: Operator;
  /** Operators per kind. */
  perKind?: RedactOptions['perKind'];
  /** Scanner configuration. */
  scanner?: ScannerConfig;
  /** Where the WebAssembly module is (see {@link init}). */
  engine?: InitInput;
  /**
   * The second layer: scan bodies of fetch, XMLHttpRequest, sendBeacon and WebSocket
   * messages to these destinations for any personal data (also typed outside protected
   * fields): `true` for the page's origin, or origins (`'self'` allowed), path prefixes,
   * or a function of the URL. Off by default. Values found in protected fields are masked
   * in every request to any origin without it.
   */
  guard?: boolean | { origins?: string[]; paths?: string[] | null; match?: (url: URL) => boolean } | ((url: URL) => boolean);
  /** Fields matching this selector are sent unmasked if the engine cannot load (also `data-pii-veil-fail="open"`). */
  failOpen?: string;
  /**
   * Where a field's notice and badge go when the field is one part of a composite input
   * (the editor of a chat input bar such as chatscope's `.cs-message-input`, a
   * contenteditable wrapper): the nearest ancestor of the field matching this selector
   * gets them placed after it, outside the bar (also `data-pii-veil-anchor` on the
   * container; script tag: `data-widget-anchor`). Without it the bar is found from the
   * markup: wrappers that hold only the field, plus the one container whose other
   * children are text-free controls (icon buttons). The badge then sits on the bar's
   * top edge. A field that is the whole input has them right after it.
   */
  widgetAnchor?: string;
  /** Highlights where the person types (default true). */
  highlight?: boolean;
  /** Texts longer than this are scanned only in a Web Worker, never on the page (default 20000 characters; the worker is started for them if need be); shorter ones are rescanned there while the person types, once the worker is ready. Either way the worker reads again only around an edit, and in full after a pause in typing and before a form with the text is submitted. */
  workerThreshold?: number;
  /** Texts longer than this show the badge and summary but no per-character layer (default 20000). */
  highlightLimit?: number;
  /** Use a Web Worker for long texts and for the rescans while typing (default true where one can be started); false starts none. */
  worker?: boolean;
  /**
   * Highlight findings in `contenteditable` fields with the CSS Custom Highlight API
   * where the browser has it (default true); `false` draws positioned boxes beside the
   * field instead, as in browsers without it.
   */
  cssHighlights?: boolean;
  /** The small notice near protected forms (default true). */
  notice?: boolean;
  /** Built-in texts: `en` or `de` (default: the page's `lang`). */
  lang?: string;
  /** Overrides of the built-in texts; `kinds` is merged per kind. */
  messages?: Partial<Omit<ProtectMessages, 'kinds'>> & { kinds?: Partial<ProtectMessages['kinds']> };
  /** A chatbot endpoint whose requests are pseudonymised and whose replies are restored (off by default). */
  chat?: ChatOptions;
}

/**
 * A chatbot endpoint for {@link protect}: what the page's chat widget sends there is
 * pseudonymised with one {@link Session} (the bot's server sees `[PERSON_1]`,
 * `[IBAN_1]`, …), and the reply is restored before the widget reads it, so the widget
 * works unchanged. Only `fetch` is wired. The network guard leaves this endpoint to it.
 * Requests wait while the engine loads and are refused (`engine_unavailable`) if it
 * cannot load; bodies that are not text are refused (`unsupported_body`).
 */
export interface ChatOptions {
  /** The endpoint: a path (same origin, prefix), an absolute URL prefix, a list of them, or a function of the URL. */
  url: string | string[] | ((url: URL) => boolean);
  /**
   * How the request body is read: `auto` (default: JSON when it parses as JSON, else
   * text), `json` (every string value is pseudonymised, its key as field hint — the
   * message, history and metadata alike), `text` (the whole body). `URLSearchParams`
   * and `FormData` bodies have every string value pseudonymised.
   */
  request?: 'auto' | 'json' | 'text';
  /**
   * How the reply is restored: `auto` (default: `json` for a JSON content type, `sse`
   * for `text/event-stream`, else `stream`), `json` (every string value), `text` (the
   * whole body), `stream` (chunk by chunk as it arrives, placeholders split across
   * chunks included: plain text, and NDJSON whose placeholders stand in plain text),
   * `sse` (server-sent events with JSON deltas, restored inside the JSON strings
   * across events: {@link Session.restoreSSE}).
   */
  response?: 'auto' | 'json' | 'text' | 'stream' | 'sse';
  /** The text paths of `sse` replies (default: see {@link RestoreSSEOptions.path}). */
  ssePath?: string | string[];
  /**
   * Where real values go back: `text` (default) only into plain text — a placeholder
   * inside a URL, a markdown link or image target, a link reference or an HTML tag the
   * model wrote stays as it is, so a widget that renders the reply as markdown never
   * makes the browser send a real value (a prompt-injected `![x](https://…?d=[IBAN_1])`);
   * `everywhere` restores those too. Either way, render restored text as text.
   */
  restore?: 'text' | 'everywhere';
  /** Placeholder format (default `square`). */
  style?: PlaceholderStyle;
  /** Seed of the surrogate generator of the session it makes (see {@link SessionOptions.seed}). */
  seed?: number;
  /** An existing session to use (default: one of its own, on the protect scanner configuration). */
  session?: Session;
}

/** The chat part of a {@link ProtectHandle}. */
export interface ChatHandle {
  /** The conversation's session (`null` until the engine is ready and the first message was sent). */
  readonly session: Session | null;
  /** Starts a new conversation: forgets every placeholder. */
  clear(): void;
  /** Restores text with the conversation's mapping (e.g. for a reply that arrived another way); plain text only unless `restore: 'everywhere'`. */
  restore(text: string): string;
}

/** The handle {@link protect} returns. */
export interface ProtectHandle {
  /** Resolves true once the engine is loaded, false if it failed (protected sends are then held). */
  readonly ready: Promise<boolean>;
  /** `loading`, `ready` or `failed`. */
  readonly state: 'loading' | 'ready' | 'failed';
  /** Timings: the longest main-thread task of pii-veil, worker scans (of which `workerFullScans` read the whole text) and main-thread scans, whether the worker is ready (typing is then rescanned there). */
  readonly stats: { maxTaskMs: number; maxTask: string; maxReadMs: number; maxFrameMs: number; workerScans: number; workerFullScans: number; mainScans: number; workerReady: boolean };
  /** The protected elements. */
  fields(): Element[];
  /** Rescans every field. */
  rescan(): void;
  /** The chatbot wiring, when `chat` was given. */
  readonly chat: ChatHandle | null;
  /** Detaches everything: listeners, observers, highlights, UI, network wrappers. */
  stop(): void;
}

/**
 * Protects the forms, fields and chat boxes under `root`: masked values are sent (the
 * fields keep what was typed), findings are highlighted where the person types, and
 * with `guard` the page's requests are scrubbed. If the engine cannot load, protected
 * sends are held back and `pii-veil:error` is dispatched. Events ({@link PiiVeilEventMap}:
 * `pii-veil:ready`, `pii-veil:findings`, `pii-veil:masked`, `pii-veil:blocked`,
 * `pii-veil:error`) carry counts per kind, never values.
 *
 * With `chat` a chatbot endpoint gets reversible pseudonymisation ({@link ChatOptions}).
 *
 * With the script tag: `<script src="pii-veil.js" data-protect data-guard="self,/api/">`
 * (and `data-chat="/api/bot"`, `data-chat-response`, `data-chat-style`).
 */
export function protect(root: Document | Element, options?: ProtectOptions): ProtectHandle;

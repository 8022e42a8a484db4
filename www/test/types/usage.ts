// Every export and option of index.d.ts used the way the README shows them, checked by
// `tsc --noEmit -p www/test/types` (node www/check.mjs). Lines marked @ts-expect-error
// must stay errors: they pin that the types reject what the implementation rejects.
import {
  KINDS, VALIDATORS, createScanner, createSession, fieldHints, init, protect, redact, scan,
  type BlockedEventDetail, type BlockedReason, type ChatHandle, type ChatOptions, type CustomPattern,
  type ErrorCode, type FieldHints, type Finding, type HeldRequestError, type InitInput, type KindCounts,
  type KindId, type MaskedEventDetail, type Operator, type OperatorName, type PiiVeilError,
  type PiiVeilEventMap, type PlaceholderStyle, type ProtectHandle, type ProtectMessages, type ProtectOptions,
  type ProtectPolicy, type Pseudonymized, type RedactOptions, type Redacted, type Restorer, type RestoreSSEOptions, type ScannerConfig,
  type Scanner, type SendRoute, type Session, type SessionOptions, type ValidatorName,
} from 'pii-veil';

export async function engine(bytes: ArrayBuffer, wasmModule: WebAssembly.Module): Promise<void> {
  const inputs: InitInput[] = ['/pii_veil_bg.wasm', new URL('https://cdn.example/pii_veil_bg.wasm'), fetch('/x.wasm'), bytes, wasmModule];
  for (const i of inputs) await init(i);
  await init();
}

export function scanning(): string[] {
  const custom: CustomPattern = { name: 'order_no', pattern: 'ORD-[0-9]{6}', validator: 'luhn', score: 0.9 };
  const config: ScannerConfig = {
    kinds: { person: false }, countries: ['de', 'at'], threshold: 0.6, allow: ['ACME GmbH'],
    allowPatterns: ['^test@'], deny: ['Projekt Falke'], custom: [custom], maxTextBytes: 1 << 20,
  };
  const scanner: Scanner = createScanner(config);
  createScanner({ kinds: ['email', 'iban'] });
  const hints: FieldHints = { name: 'iban', id: 'f1', label: 'IBAN', autocomplete: 'off', type: 'text', placeholder: '' };
  const found: Finding[] = scanner.scan('IBAN DE89 3704 0044 0532 0130 00', hints);
  const first = found[0];
  const kind: KindId | (string & {}) = first.kind;
  const span: [number, number, number, string | undefined, string] = [first.start, first.end, first.score, first.subtype, first.text];
  const mask: Operator = { type: 'mask', fill: '*', keepLast: 4 };
  const byName: OperatorName = 'token';
  const options: RedactOptions = { operator: byName, perKind: { iban: mask, order_no: 'remove', email: { type: 'label' } }, field: 'IBAN' };
  const out: Redacted = scanner.redact('x', options);
  scanner.free();
  const element = document.createElement('input');
  const read: Exclude<FieldHints, string> = fieldHints(element);
  const ids: readonly KindId[] = KINDS;
  const validators: readonly ValidatorName[] = VALIDATORS;
  // @ts-expect-error not a kind id
  createScanner({ kinds: ['emial'] });
  // @ts-expect-error not a validator
  createScanner({ custom: [{ name: 'x', pattern: 'x', validator: 'crc32' }] });
  // @ts-expect-error unknown configuration key
  createScanner({ countrys: ['de'] });
  return [kind, String(span), out.text, redact('a@b.de').text, String(scan('a@b.de').length), String(read.name), ...ids, ...validators];
}

export function errors(e: unknown): ErrorCode | HeldRequestError['code'] | undefined {
  if (e instanceof TypeError && 'code' in e) return (e as HeldRequestError).code;
  if (e instanceof Error && 'code' in e) return (e as PiiVeilError).code;
  return undefined;
}

export function sessions(shared: Scanner): string {
  const style: PlaceholderStyle = 'surrogate';
  const options: SessionOptions = { style, seed: 7, scanner: shared };
  const session: Session = createSession(options);
  createSession({ scanner: { countries: ['de'] } });
  const p: Pseudonymized = session.pseudonymize('Ich bin Maria Huber', { label: 'Nachricht' });
  const back: string = session.restore(p.text);
  const stream: TransformStream<string, string> = session.restoreStream();
  const sseOptions: RestoreSSEOptions = { path: ['choices.*.delta.content', 'delta.text'], restore: 'text' };
  const events: TransformStream<string | BufferSource, string> = session.restoreSSE(sseOptions);
  session.restoreSSE();
  const r: Restorer = session.restorer();
  const parts = [r.push('[PERSON'), r.push('_1]'), r.finish(), String(r.buffered + r.maxBuffer)];
  const size: number = session.size;
  session.clear();
  session.free();
  return [back, session.style, String(size), String(stream.readable.locked), String(events.writable.locked), ...parts, ...p.findings.map((f) => f.kind)].join();
}

export function protecting(existing: Session): ProtectHandle {
  const policy: ProtectPolicy = 'confirm';
  const messages: ProtectOptions['messages'] = { notice: 'Wird maskiert.', kinds: { email: 'Mail' } };
  const fullTexts: Partial<ProtectMessages> = { summary: '{n} {items}: {kinds}', item: 'x', items: 'xs' };
  const chat: ChatOptions = { url: ['/api/bot', 'https://bot.example/v1/'], request: 'json', response: 'stream', style: 'angle', seed: 1, session: existing };
  const options: ProtectOptions = {
    window, selector: 'form.crm', policy, operator: 'label', perKind: { iban: { type: 'mask', keepLast: 4 } },
    scanner: { countries: ['de'] }, engine: '/pii_veil_bg.wasm',
    guard: { origins: ['self', 'https://api.example'], paths: ['/api/'], match: (u: URL) => u.pathname !== '/health' },
    failOpen: '.search', highlight: true, workerThreshold: 20000, highlightLimit: 20000, worker: true,
    cssHighlights: false, notice: true, lang: 'de', messages: { ...messages, ...fullTexts }, chat,
  };
  protect(document, { guard: true });
  protect(document, { guard: (u) => u.origin === location.origin, chat: { url: (u) => u.pathname.startsWith('/bot') } });
  protect(document, { widgetAnchor: '.cs-message-input', chat: { url: '/api/bot', response: 'sse', ssePath: 'choices.*.delta.content' } });
  // @ts-expect-error not a policy
  protect(document, { policy: 'warn' });
  // @ts-expect-error a chat endpoint needs its url
  protect(document, { chat: { response: 'json' } });
  const handle = protect(document.body, options);
  const chatHandle: ChatHandle | null = handle.chat;
  if (chatHandle) { chatHandle.clear(); chatHandle.restore('[PERSON_1]'); void chatHandle.session; }
  const state: 'loading' | 'ready' | 'failed' = handle.state;
  const { maxTaskMs, maxTask, maxReadMs, maxFrameMs, workerScans, workerFullScans, mainScans, workerReady } = handle.stats;
  void [state, maxTaskMs, maxTask, maxReadMs, maxFrameMs, workerScans, workerFullScans, mainScans, workerReady];
  void handle.ready.then((ok: boolean) => ok);
  const elements: Element[] = handle.fields();
  handle.rescan();
  void elements;
  return handle;
}

export function events(form: HTMLFormElement): void {
  document.addEventListener('pii-veil:ready', (e) => { void e.detail; });
  document.addEventListener('pii-veil:error', (e) => { const code: ErrorCode = e.detail.code; void code; });
  form.addEventListener('pii-veil:findings', (e) => { const n: number = e.detail.total + e.detail.field.length; void n; });
  document.addEventListener('pii-veil:masked', (e) => {
    const via: SendRoute = e.detail.via;
    const counts: KindCounts = e.detail.counts;
    void [via, counts.email, counts.order_no];
  });
  form.addEventListener('pii-veil:blocked', (e) => {
    const d: BlockedEventDetail = e.detail;
    const reason: BlockedReason = d.reason;
    const masked: MaskedEventDetail | null = null;
    void [reason, d.via, d.total, masked];
  });
  type Names = keyof PiiVeilEventMap;
  const names: Names[] = ['pii-veil:ready', 'pii-veil:error', 'pii-veil:findings', 'pii-veil:masked', 'pii-veil:blocked'];
  // @ts-expect-error not an event of pii-veil
  const wrong: Names = 'pii-veil:done';
  void [names, wrong];
}

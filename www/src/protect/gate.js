// Sending a protected form: every way a form's values leave the page passes here.
// The `formdata` event (native submits, form.submit(), `new FormData(form)`) gets the
// masked values while the fields keep what was typed; the `submit` event and
// form.submit() go through the gate, which applies the strictest policy of the fields
// with findings (mask < confirm < block) and holds sends while the engine loads or
// after it failed (fail closed, unless every field fails open).
import { countKinds, el, emit, listen, timed, total } from './util.js';
import { fmt, kindList } from './messages.js';
import { readText } from './text.js';
import { clearAlert, showAlert, showFailed } from './notices.js';
import { settledNow, settling } from './engine.js';
import { noteUnscanned } from './egress.js';

const RANK = { mask: 0, confirm: 1, block: 2 };

/**
 * What a send with these fields' results does: the counts per kind of the fields that
 * are sent (in a form, with a name, not disabled), and the strictest policy among
 * those with findings. `action` is 'send' (nothing found, or policy mask), 'confirm'
 * or 'block'.
 * @param {{ policy: string, sent: boolean, findings: { kind: string }[] }[]} entries
 */
export function verdict(entries) {
  const counts = {};
  let policy = 'mask';
  for (const e of entries) {
    if (!e.sent) continue;
    countKinds(e.findings, counts);
    if (e.findings.length && RANK[e.policy] > RANK[policy]) policy = e.policy;
  }
  const n = total(counts);
  return { counts, total: n, action: !n || policy === 'mask' ? 'send' : policy };
}

/**
 * Puts each replacement's `out` in place of the values of its `name` that equal what
 * the field holds (`raw`), in place: the entry list keeps its order (a server reading
 * fields by position, or a hidden field after the message, sees the form as it is).
 * Other values of the same name (a second field, a hidden input) stay.
 * @param {FormData} formData
 * @param {{ name: string, raw: string, out: string }[]} replacements
 */
export function replaceEntries(formData, replacements) {
  if (!replacements.length) return;
  const entries = [...formData];
  const keys = new Set(entries.map(([k]) => k));
  for (const k of keys) formData.delete(k);
  for (const [k, v] of entries) {
    const r = replacements.find((x) => x.name === k && x.raw === v);
    formData.append(k, r ? r.out : v);
  }
}

/**
 * The connected protected fields of a form: the form each field belongs to now (moved
 * into another form, or re-pointed with the `form` attribute after attaching).
 */
export function fieldsOf(ctx, form) {
  ctx.attachNow(); // a submit while the page is parsed: its fields so far first
  const out = [];
  for (const f of ctx.fields.values()) if (!f.editable && f.el.form === form && f.el.isConnected) out.push(f);
  return out;
}

/** Holds the submission of `form` until `promise` settles, then resumes it (the latest hold only). */
function holdUntil(ctx, form, resume, promise) {
  ctx.heldForms.set(form, resume);
  promise.then(() => {
    if (ctx.heldForms.get(form) !== resume) return;
    ctx.heldForms.delete(form);
    if (ctx.engine === 'ready' && !ctx.stopped) resume();
  });
}

function askToConfirm(ctx, form, fs, counts, resume) {
  const { doc, msg } = ctx;
  const d = showAlert(ctx, form, 'dialog', fmt(msg.confirm, { kinds: kindList(msg, counts) }));
  const actions = el(doc, 'div', 'pii-veil-actions');
  const go = el(doc, 'button', 'pii-veil-primary', msg.confirmSend);
  go.type = 'button';
  const no = el(doc, 'button', '', msg.cancel);
  no.type = 'button';
  go.addEventListener('click', () => { clearAlert(ctx, form); ctx.passOnce.add(form); resume(); });
  no.addEventListener('click', () => { clearAlert(ctx, form); if (fs[0]) fs[0].el.focus(); });
  actions.appendChild(go);
  actions.appendChild(no);
  d.appendChild(actions);
  go.focus();
}

/**
 * Decides whether a submission of `form` may go now. Returns true to let it go;
 * otherwise holds it and calls resume() later if it may go after all.
 */
export function gate(ctx, form, resume) {
  const fs = fieldsOf(ctx, form);
  if (!fs.length) return true;
  if (ctx.passOnce.has(form)) { ctx.passOnce.delete(form); return true; }
  if (ctx.engine === 'loading') {
    // hold the send and resume it once the engine is ready
    holdUntil(ctx, form, resume, ctx.ready);
    return false;
  }
  if (ctx.engine === 'failed') {
    if (fs.every((f) => f.failOpen)) return true;
    showFailed(ctx, form);
    emit(ctx.win, form, 'pii-veil:blocked', { reason: 'engine_unavailable', counts: {}, total: 0 });
    return false;
  }
  // A long text typed into less than a pause ago has only a rescan's result: the worker
  // scans it in full first (the submit goes on when it has).
  const waits = fs.map((f) => settling(ctx, f)).filter(Boolean);
  if (waits.length) {
    holdUntil(ctx, form, resume, Promise.all(waits));
    return false;
  }
  const entries = fs.map((f) => {
    const r = settledNow(ctx, f, readText(f).text);
    // Without a name a field is not in the form's entry list, but the page's own
    // submit handler (React, Vue) reads it and sends it: its policy applies.
    return { policy: f.policy, sent: !f.el.disabled, findings: r.findings };
  });
  const v = verdict(entries);
  if (v.action === 'send') { clearAlert(ctx, form); return true; }
  if (v.action === 'block') {
    showAlert(ctx, form, 'alert', fmt(ctx.msg.blocked, { kinds: kindList(ctx.msg, v.counts) }));
    emit(ctx.win, form, 'pii-veil:blocked', { reason: 'policy', counts: v.counts, total: v.total });
    return false;
  }
  askToConfirm(ctx, form, fs, v.counts, resume);
  return false;
}

// `new FormData(form)`, native submits and form.submit() all build the entry list
// through this event: the masked values go out, the fields keep what was typed.
function onFormData(ctx, e) {
  const form = e.target;
  const fs = fieldsOf(ctx, form);
  if (!fs.length) return;
  if (ctx.engine !== 'ready') {
    // The entries keep what was typed: a form's own submit is held by the gate, and a
    // script's request with them waits for the engine (egress.js), its values masked
    // then, or is held back if the engine cannot load. Dropping them would send the
    // form without the fields as if it had gone, and the page would clear the person's
    // text. The texts are noted for the engine to learn.
    for (const f of fs) noteUnscanned(ctx, f, f.el.value);
    return;
  }
  const counts = {};
  const replacements = [];
  for (const f of fs) {
    const name = f.el.name;
    if (!name || f.el.disabled) continue;
    const raw = f.el.value;
    const r = settledNow(ctx, f, raw);
    countKinds(r.findings, counts);
    replacements.push({ name, raw, out: r.text });
  }
  replaceEntries(e.formData, replacements);
  const n = total(counts);
  if (n) emit(ctx.win, form, 'pii-veil:masked', { via: 'form', counts, total: n });
}

/**
 * The submit and formdata listeners on `target` (the window, or a shadow root: neither
 * event leaves a shadow tree).
 */
export function listenForms(ctx, target) {
  listen(ctx, target, 'submit', timed(ctx, (e) => {
    const form = e.target;
    if (!form || form.tagName !== 'FORM' || !fieldsOf(ctx, form).length) return;
    const submitter = e.submitter && e.submitter.form === form ? e.submitter : null;
    if (!gate(ctx, form, () => form.requestSubmit(submitter))) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }), true);
  listen(ctx, target, 'formdata', timed(ctx, (e) => onFormData(ctx, e)), true);
}

/** The submit and formdata listeners and the form.submit() wrapper (all undone by stop()). */
export function installGate(ctx) {
  const { win } = ctx;
  listenForms(ctx, win);

  // form.submit() skips the submit event: route it through the same gate.
  const FormProto = win.HTMLFormElement && win.HTMLFormElement.prototype;
  const origSubmit = FormProto && FormProto.submit;
  if (origSubmit) {
    const wrapped = function submit() {
      if (ctx.stopped || !fieldsOf(ctx, this).length) return origSubmit.call(this);
      if (gate(ctx, this, () => { ctx.passOnce.add(this); FormProto.submit.call(this); })) return origSubmit.call(this);
      return undefined;
    };
    FormProto.submit = wrapped;
    ctx.cleanups.push(() => { if (FormProto.submit === wrapped) FormProto.submit = origSubmit; });
  }
}

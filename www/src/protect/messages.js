// The texts protect() shows: notices, summaries, dialogs, and the names of the kinds
// of personal data, in English and German. A kind's names are written once, in
// KIND_LABELS (one entry per kind id, both languages side by side); the per-language
// `kinds` tables are derived from it. A test checks that KIND_LABELS lists exactly
// the kinds the engine reports.

/** The name of each kind of personal data shown to the person, per language. */
export const KIND_LABELS = Object.freeze({
  email: { en: 'e-mail', de: 'E-Mail' },
  phone: { en: 'phone number', de: 'Telefonnummer' },
  iban: { en: 'IBAN', de: 'IBAN' },
  bic: { en: 'BIC', de: 'BIC' },
  credit_card: { en: 'card number', de: 'Kartennummer' },
  ip_address: { en: 'IP address', de: 'IP-Adresse' },
  mac_address: { en: 'MAC address', de: 'MAC-Adresse' },
  national_id: { en: 'ID number', de: 'Ausweisnummer' },
  tax_vat_id: { en: 'tax or VAT ID', de: 'Steuer- oder USt-ID' },
  health_insurance_id: { en: 'health insurance number', de: 'Versichertennummer' },
  license_plate: { en: 'licence plate', de: 'Kennzeichen' },
  username: { en: 'username', de: 'Benutzername' },
  url_personal: { en: 'personal link', de: 'persönlicher Link' },
  date_of_birth: { en: 'date of birth', de: 'Geburtsdatum' },
  person: { en: 'name', de: 'Name' },
  street_address: { en: 'street address', de: 'Adresse' },
  postal_city: { en: 'postcode and town', de: 'PLZ und Ort' },
});

function kindsIn(lang) {
  const out = {};
  for (const k of Object.keys(KIND_LABELS)) out[k] = KIND_LABELS[k][lang];
  return out;
}

/** The built-in texts per language; `{n}`, `{items}`, `{kinds}`, `{kind}` are filled in. */
export const MESSAGES = {
  en: {
    notice: 'Personal data is masked in your browser before sending.',
    summary: '{n} {items} will be masked: {kinds}',
    item: 'item', items: 'items',
    summaryNone: 'No personal data found.',
    badge: '{n} {items} will be masked. Show',
    listTitle: 'Will be masked',
    notPersonal: 'Not personal',
    allowed: 'Allowed for this field: {kind}',
    confirm: 'These will be masked before sending: {kinds}.',
    confirmSend: 'Send masked',
    cancel: 'Cancel',
    blocked: 'Not sent: this contains personal data ({kinds}). Please remove it and try again.',
    failed: 'Privacy protection could not load, so sending is paused to keep your data safe.',
    kinds: kindsIn('en'),
  },
  de: {
    notice: 'Personenbezogene Daten werden vor dem Senden in Ihrem Browser maskiert.',
    summary: '{n} {items} werden maskiert: {kinds}',
    item: 'Angabe', items: 'Angaben',
    summaryNone: 'Keine personenbezogenen Daten gefunden.',
    badge: '{n} {items} werden maskiert. Anzeigen',
    listTitle: 'Wird maskiert',
    notPersonal: 'Nicht personenbezogen',
    allowed: 'Für dieses Feld erlaubt: {kind}',
    confirm: 'Vor dem Senden wird maskiert: {kinds}.',
    confirmSend: 'Maskiert senden',
    cancel: 'Abbrechen',
    blocked: 'Nicht gesendet: enthält personenbezogene Daten ({kinds}). Bitte entfernen und erneut senden.',
    failed: 'Der Datenschutz-Filter konnte nicht geladen werden; das Senden ist angehalten, damit Ihre Daten geschützt bleiben.',
    kinds: kindsIn('de'),
  },
};

/**
 * The texts for a language (`'de'`, `'de-AT'`, …; English when unknown) with the
 * page's overrides (`options.messages`) on top; `kinds` overrides are merged per kind.
 */
export function messagesFor(lang, overrides) {
  const name = (lang || 'en').slice(0, 2).toLowerCase();
  const base = MESSAGES[name] || MESSAGES.en;
  const msg = Object.assign({}, base, overrides || {});
  msg.kinds = Object.assign({}, base.kinds, (overrides && overrides.kinds) || {});
  return msg;
}

/** Fills `{name}` slots from `vars`; unknown slots stay as they are. */
export function fmt(template, vars) {
  return String(template).replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined ? m : String(vars[k])));
}

/** The name of a kind in `msg`, or the id itself for kinds without one (custom patterns). */
export function kindName(msg, kind) {
  return msg.kinds[kind] || kind;
}

/** The kinds of `counts`, sorted by id, as names: `'e-mail, IBAN'`. */
export function kindList(msg, counts) {
  return Object.keys(counts).sort().map((k) => kindName(msg, k)).join(', ');
}

/** The summary of a field's counts (`'3 items will be masked: e-mail, IBAN'`). */
export function summary(msg, counts, n) {
  return fmt(msg.summary, { n, items: n === 1 ? msg.item : msg.items, kinds: kindList(msg, counts) });
}

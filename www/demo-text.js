// Every text of the live-preview demo, in German and English, in one table. The names
// of the kinds of personal data are not here: they come from KIND_LABELS
// (src/protect/messages.js), which protect() shows as well.
//
// In a text, `code` becomes a <code> element and [words](href) a link; everything
// else is plain text (the demo builds DOM nodes, never HTML from strings).
// `{name}` slots are filled in by the demo.

/** The languages of the demo, the first is the fallback. */
export const LANGS = ['en', 'de'];

/** The demo's texts per language; both languages have the same keys. */
export const DEMO_TEXT = Object.freeze({
  de: {
    title: 'pii-veil · Live-Vorschau',
    langGroup: 'Sprache',
    brandSub: '· Kundenservice',
    ticket: 'Ticket',
    ticketOpen: 'offen',
    loading: 'Scanner wird geladen…',
    ready: 'Scanner bereit',
    error: 'Fehler: {code}',
    loadFailed: 'Konnte nicht geladen werden: {code}',
    chatTitle: 'Chat mit dem Kundenservice',
    msgAgent1: 'Hallo! Wie können wir Ihnen helfen?',
    msgCustomer1: 'Meine letzte Bestellung wurde zweimal abgebucht.',
    msgAgent2: 'Das tut uns leid! Auf welches Konto dürfen wir den Betrag erstatten?',
    chatLabel: 'Ihre Nachricht',
    chatPlaceholder: 'Nachricht schreiben …',
    send: 'Maskiert senden',
    sendHint: 'Probieren Sie einen Namen, eine IBAN, eine Telefonnummer. Strg+Enter sendet.',
    sentNote: 'Gesendet wurden Platzhalter: {placeholders} statt {kinds}. Der Kundenservice und jedes KI-Modell dahinter sehen nur diese; die echten Angaben bleiben in diesem Browser. Antwortet ein Chatbot mit Platzhaltern, setzt der Browser für Sie die echten Werte wieder ein ([Chatbot-Seite](bot.html)).',
    sentNoteHidden: 'Gesendet ohne die echten Angaben: {kinds} sind unkenntlich gemacht. Der Kundenservice und jedes KI-Modell dahinter sehen nur das; die echten Angaben bleiben in diesem Browser.',
    formTitle: 'Kontakt',
    formNote: 'Zeigt, was der Scanner in Formularfeldern findet. Ein echtes Kontaktformular soll Kontaktdaten sammeln: dort nur Freitext schützen (siehe „What to protect“ in der [npm-Anleitung](src/README.md)).',
    fieldName: 'Name',
    fieldEmail: 'E-Mail',
    fieldPhone: 'Telefon',
    fieldIban: 'IBAN',
    fieldNotes: 'Notizen',
    previewTitle: 'Was gesendet würde',
    maskedLabel: 'Maskierter Text',
    fieldChat: 'Chat-Nachricht',
    fieldForm: 'Kontaktformular',
    activeField: 'Feld: {field}',
    timing: 'Median {ms} ms je Prüfung (letzte {n})',
    timingNone: 'noch keine Messung',
    countsLabel: 'Funde nach Art',
    countKind: 'Art',
    countFound: 'Anzahl',
    nothing: 'nichts gefunden',
    operatorLabel: 'Ersetzen durch',
    opLabel: 'Art in Klammern: [IBAN]',
    opToken: 'Nummerierter Platzhalter: [EMAIL_1]',
    opMask: 'Punkte, Ende sichtbar: •••• 1234',
    opRemove: 'Entfernen',
    keepLast: 'sichtbare Zeichen am Ende',
    crmTitle: 'Geschützte CRM-Seite',
    crmText: 'Dieselbe Engine schützt eine ganze Seite mit einem Script-Tag: ein normales Formular, ein `fetch(new FormData(form))`-Formular mit Rückfrage, ein blockierter Forumsbeitrag und zwei spät geladene Chat-Widgets (contenteditable + fetch JSON, textarea + WebSocket); daneben, was der Server empfangen hat. [Geschützte CRM-Seite öffnen](crm.html). Statisch ausgeliefert wird die Serveransicht in der Seite simuliert (dort gekennzeichnet); `node www/test/server.mjs` liefert sie mit einem echten, mitschreibenden Server aus.',
    botTitle: 'Chatbot mit Pseudonymisierung',
    botText: 'Ein Chat-Widget spricht mit einem KI-Chatbot: Namen, IBANs, Telefonnummern und E-Mail-Adressen verlassen den Browser als `[PERSON_1]`, `[IBAN_1]`, …, und die Antwort des Bots zeigt wieder die echten Werte, in der Seite wiederhergestellt (auch beim Streaming). Die Zuordnung liegt nur im Speicher der Seite. [Chatbot-Seite öffnen](bot.html) – was der Server des Bots gesehen hat und was der Kunde sieht, nebeneinander.',
    footer: 'Alles läuft auf dieser Seite (WebAssembly). Nichts, was Sie eingeben, verlässt den Browser.',
  },
  en: {
    title: 'pii-veil · live preview',
    langGroup: 'Language',
    brandSub: '· Support',
    ticket: 'Ticket',
    ticketOpen: 'open',
    loading: 'loading scanner…',
    ready: 'scanner ready',
    error: 'error: {code}',
    loadFailed: 'could not load: {code}',
    chatTitle: 'Chat with customer service',
    msgAgent1: 'Hello! How can we help you?',
    msgCustomer1: 'I was charged twice for my last order.',
    msgAgent2: 'Sorry about that! Which account should we send the refund to?',
    chatLabel: 'Your message',
    chatPlaceholder: 'Type a message…',
    send: 'Send masked',
    sendHint: 'Try a name, an IBAN, a phone number. Ctrl+Enter sends.',
    sentNote: 'Sent as placeholders: {placeholders} instead of {kinds}. Customer service and any AI model behind it see only these; the real values stay in this browser. When a chatbot answers with placeholders, the browser puts the real values back for you ([chatbot page](bot.html)).',
    sentNoteHidden: 'Sent without the real values: {kinds} made unreadable. Customer service and any AI model behind it see only this; the real values stay in this browser.',
    formTitle: 'Contact',
    formNote: 'Shows what the scanner finds in form fields. A real contact form exists to collect contact data: protect only its free text there (see “What to protect” in the [npm guide](src/README.md)).',
    fieldName: 'Name',
    fieldEmail: 'E-mail',
    fieldPhone: 'Phone',
    fieldIban: 'IBAN',
    fieldNotes: 'Notes',
    previewTitle: 'What would be sent',
    maskedLabel: 'Masked text',
    fieldChat: 'chat message',
    fieldForm: 'contact form',
    activeField: 'Field: {field}',
    timing: 'median {ms} ms per scan (last {n})',
    timingNone: 'not measured yet',
    countsLabel: 'Findings per kind',
    countKind: 'Kind',
    countFound: 'Found',
    nothing: 'nothing found',
    operatorLabel: 'Replace with',
    opLabel: 'Kind in brackets: [IBAN]',
    opToken: 'Numbered placeholder: [EMAIL_1]',
    opMask: 'Dots, end visible: •••• 1234',
    opRemove: 'Nothing (remove)',
    keepLast: 'characters kept at the end',
    crmTitle: 'Protected CRM page',
    crmText: 'The same engine protecting a whole page with one script tag: a native form, a `fetch(new FormData(form))` form with a confirm step, a blocked forum post, and two chat widgets that appear late (contenteditable + fetch JSON, textarea + WebSocket), with what the server received shown beside them. [Open the protected CRM page](crm.html). Served statically, the server view is simulated in-page (labelled on the page); `node www/test/server.mjs` serves it with a real recording server.',
    botTitle: 'Chatbot with pseudonymisation',
    botText: 'A chat widget talking to an AI chatbot: names, IBANs, phone numbers and e-mail addresses leave the browser as `[PERSON_1]`, `[IBAN_1]`, … and the bot\'s reply shows the real values again, restored in the page (also when it streams in). The mapping lives only in the page\'s memory. [Open the chatbot page](bot.html) — what the bot\'s server saw and what the customer sees, side by side.',
    footer: 'Everything runs in this page (WebAssembly). Nothing you type leaves the browser.',
  },
});

/**
 * The demo's language for a browser's preferred languages (`navigator.languages`):
 * the first of them that the demo speaks (`de-AT` → `de`), else English.
 */
export function pickLang(preferred) {
  for (const l of preferred || []) {
    const name = String(l).slice(0, 2).toLowerCase();
    if (LANGS.includes(name)) return name;
  }
  return LANGS[0];
}

/**
 * The pieces of a text: plain strings, `{ code }` and `{ link, href }`, in order.
 * `code` spans are taken first, so a bracket inside one stays code.
 */
export function pieces(text) {
  const out = [];
  const re = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  let m;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(m[1] !== undefined ? { code: m[1] } : { link: m[2], href: m[3] });
    last = re.lastIndex;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** The text a reader sees for `text` (the markup removed). */
export function plain(text) {
  return pieces(text).map((p) => (typeof p === 'string' ? p : p.code || p.link)).join('');
}

/** Fills `{name}` slots from `vars`. */
export function fill(text, vars) {
  return String(text).replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined ? m : String(vars[k])));
}

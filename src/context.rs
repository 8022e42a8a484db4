//! Context words: the words around a candidate raise or lower its score.
//!
//! A number after "IBAN:" or "Geburtsdatum" is what it looks like; a number after
//! "Bestellnummer" or "Ticket" is a business reference. Context words are looked up in
//! a window of whole words before (and a few after) the candidate — never as substrings,
//! so "lic" does not fire inside "public". An entry ending in `*` matches words that
//! start with it (German compounds: `geburts*` covers "Geburtsdatum", "Geburtstag").
//! Words are compared lower-cased; a trailing `.` of an abbreviation is ignored.

use crate::entity::Kind;

/// How many words before a candidate are searched.
pub const WINDOW_BEFORE: usize = 6;
/// How many words after a candidate are searched.
pub const WINDOW_AFTER: usize = 3;

/// The words of `text` before byte `pos` (nearest first) and after `end`, lower-cased.
#[derive(Default)]
pub struct Window {
    /// Up to [`WINDOW_BEFORE`] words before the candidate, nearest first.
    pub before: Words,
    /// Up to [`WINDOW_AFTER`] words after the candidate, nearest first.
    pub after: Words,
}

impl Window {
    /// Collects the words around `start..end` of `text`. Stops at a line break after
    /// the first word so a form label on the line above still counts, but not a
    /// paragraph away.
    pub fn around(text: &str, start: usize, end: usize) -> Window {
        let mut w = Window::default();
        w.fill(text, start, end);
        w
    }

    /// Like [`Window::around`], reusing this window's buffers (one window serves every
    /// candidate of a scan).
    pub fn fill(&mut self, text: &str, start: usize, end: usize) {
        words_back(&text[..start], WINDOW_BEFORE, &mut self.before);
        words_fwd(&text[end..], WINDOW_AFTER, &mut self.after);
    }

    /// Collects what [`adjust`] reads for a candidate of `kind`: the words before it,
    /// and the words after it only for the kinds whose context reads them (the others
    /// get an empty `after`).
    pub fn fill_for(&mut self, kind: Kind, text: &str, start: usize, end: usize) {
        if after_words(kind) > 0 {
            self.fill(text, start, end);
        } else {
            words_back(&text[..start], WINDOW_BEFORE, &mut self.before);
            self.after.clear();
        }
    }

    /// True if a word within `n` words before the candidate (or `after` words after it)
    /// matches an entry of `list`.
    pub fn has(&self, list: &[&str], n: usize, after: usize) -> bool {
        self.before.iter().take(n).any(|w| matches_any(w, list))
            || self.after.iter().take(after).any(|w| matches_any(w, list))
    }
}

/// Splits `s` into words from its end (nearest first): runs of letters and digits,
/// with hyphens inside a word kept ("Steuer-ID"). ASCII is handled byte by byte;
/// other characters are decoded only where they occur.
fn words_back(s: &str, max: usize, out: &mut Words) {
    out.clear();
    let b = s.as_bytes();
    let mut end = b.len();
    let mut newlines = 0;
    while end > 0 && out.len() < max {
        // Skip separators back to the end of the previous word.
        while end > 0 {
            let c = b[end - 1];
            if c.is_ascii_alphanumeric() {
                break;
            }
            if c >= 0x80 {
                let ch = s[..end].chars().next_back().unwrap_or(' ');
                if ch.is_alphanumeric() {
                    break;
                }
                end -= ch.len_utf8();
                continue;
            }
            if c == b'\n' {
                newlines += 1;
                if newlines >= 2 {
                                    return;
                }
            }
            end -= 1;
        }
        if end == 0 {
            break;
        }
        let mut start = end;
        while start > 0 {
            let c = b[start - 1];
            if c.is_ascii_alphanumeric() || (c == b'-' && start < end && start > 1 && b[start - 2] != b'-') {
                start -= 1;
            } else if c >= 0x80 {
                let ch = s[..start].chars().next_back().unwrap_or(' ');
                if !ch.is_alphanumeric() {
                    break;
                }
                start -= ch.len_utf8();
            } else {
                break;
            }
        }
        let word = s[start..end].trim_start_matches('-');
        out.push_lower(word);
        end = start;
    }
}

fn words_fwd(s: &str, max: usize, out: &mut Words) {
    out.clear();
    let mut word_start = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(st) = word_start.take() {
            out.push_lower(&s[st..i]);
            if out.len() >= max {
                            return;
            }
        }
        if c == '\n' {
                    return;
        }
    }
    if let Some(st) = word_start {
        if out.len() < max {
            out.push_lower(&s[st..]);
        }
    }
}

/// The words of one side of a window, lower-cased. Filling it again reuses the
/// strings of the last fill, so a scan allocates for its first window only.
#[derive(Default)]
pub struct Words {
    v: Vec<String>,
    n: usize,
}

impl Words {
    fn clear(&mut self) {
        self.n = 0;
    }

    fn push_lower(&mut self, w: &str) {
        if self.n == self.v.len() {
            self.v.push(String::new());
        }
        let dst = &mut self.v[self.n];
        self.n += 1;
        dst.clear();
        if w.is_ascii() {
            dst.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            dst.push_str(&w.to_lowercase());
        }
    }
}

impl std::ops::Deref for Words {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.v[..self.n]
    }
}

/// True if `word` equals an entry, or starts with an entry ending in `*`.
pub fn matches_any(word: &str, list: &[&str]) -> bool {
    let word = word.trim_matches('-');
    let Some(&first) = word.as_bytes().first() else { return false };
    if list.len() <= 8 {
        return list.iter().any(|e| entry_matches(word, first, e));
    }
    // Long lists are indexed by first byte once (per thread), so a lookup only compares
    // the few entries that start like the word. The word lists are constants; the key
    // is the list's address and length, checked against its first entry.
    INDEX.with(|cell| {
        let mut cache = cell.borrow_mut();
        let key = (list.as_ptr() as usize, list.len());
        // A handful of lists: a linear search beats hashing the key on every word.
        let pos = match cache.iter().position(|(k, _)| *k == key) {
            Some(p) => p,
            None => {
                cache.push((key, ListIndex::new(list)));
                cache.len() - 1
            }
        };
        let idx = &mut cache[pos].1;
        if idx.first_entry != list[0].as_ptr() as usize {
            *idx = ListIndex::new(list);
        }
        let (a, b) = idx.ranges[first as usize];
        idx.sorted[a as usize..b as usize].iter().any(|&i| entry_matches(word, first, list[i as usize]))
    })
}

fn entry_matches(word: &str, first: u8, e: &str) -> bool {
    e.as_bytes().first() == Some(&first)
        && match e.strip_suffix('*') {
            Some(prefix) => word.starts_with(prefix),
            None => word == e,
        }
}

/// Entries of one word list grouped by their first byte.
struct ListIndex {
    first_entry: usize,
    /// Entry positions, ordered by first byte.
    sorted: Vec<u16>,
    /// For each first byte, the range of `sorted` holding its entries.
    ranges: Vec<(u16, u16)>,
}

impl ListIndex {
    fn new(list: &[&str]) -> ListIndex {
        let mut sorted: Vec<u16> = (0..list.len() as u16).collect();
        sorted.sort_by_key(|&i| list[i as usize].as_bytes().first().copied().unwrap_or(0));
        let mut ranges = vec![(0u16, 0u16); 256];
        let mut i = 0;
        while i < sorted.len() {
            let b = list[sorted[i] as usize].as_bytes().first().copied().unwrap_or(0);
            let mut j = i;
            while j < sorted.len() && list[sorted[j] as usize].as_bytes().first().copied().unwrap_or(0) == b {
                j += 1;
            }
            ranges[b as usize] = (i as u16, j as u16);
            i = j;
        }
        ListIndex { first_entry: list[0].as_ptr() as usize, sorted, ranges }
    }
}

thread_local! {
    static INDEX: std::cell::RefCell<Vec<((usize, usize), ListIndex)>> = Default::default();
}

/// Words that mark a number as a business reference rather than personal data.
pub const REFERENCE_WORDS: &[&str] = &[
    "bestellnummer", "bestellung*", "bestell*", "order*", "rechnung*", "rechnungsnummer",
    "invoice*", "ticket*", "auftrag*", "auftragsnummer", "kundennummer", "kundennr",
    "kunden-nr", "kd-nr", "referenz*", "reference", "ref", "tracking*", "sendung*",
    "sendungsnummer", "paket*", "artikel*", "artikelnummer", "sku", "ean", "version", "v",
    "build", "release", "preis", "price", "eur", "euro", "chf", "usd", "gbp", "betrag",
    "amount", "total", "summe", "menge", "quantity", "qty", "stück", "vorgang*",
    "vorgangsnummer", "case", "fall*", "fallnummer", "vertragsnummer", "vertrag*", "contract*",
    "policy", "polizze*", "police*", "serial", "seriennummer", "produkt*", "product*", "modell*",
    "model", "gutschein*", "voucher", "coupon", "transaktion*", "transaction*", "zahlungsreferenz",
    "verwendungszweck", "aktenzeichen", "az", "lieferschein*", "retoure*", "rma", "no", "nr",
    "nummer", "number", "#",
];

/// Words that mark a phone number or bank account as the company's own (not personal).
pub const COMPANY_WORDS: &[&str] = &[
    "hotline*", "servicehotline", "service-hotline", "zentrale", "switchboard", "kundenservice",
    "kundendienst", "support", "helpdesk", "service", "uns", "unsere", "unser", "unserer",
    "unseren", "our", "us", "firmenkonto", "geschäftskonto", "firma", "company",
];

/// Positive context words per kind (German and English, some French/Italian/Spanish/Dutch).
pub fn positive(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Phone => &[
            "tel", "telefon*", "tel.", "phone*", "mobil*", "handy*", "handynummer", "mobile",
            "cell", "call", "anrufen", "ruf", "rufen", "erreichbar", "reach", "nummer", "number",
            "fax", "whatsapp", "telefono", "téléphone", "telefoon", "tél", "rückruf*", "callback",
        ],
        Kind::Iban => &["iban", "konto*", "account", "bank*", "überweis*", "sepa*", "lastschrift*", "kontonummer", "bankverbindung"],
        Kind::Bic => &["bic", "swift", "bank*", "iban", "sepa*", "bankverbindung", "sort", "code", "konto*", "account"],
        Kind::CreditCard => &["karte*", "kreditkarte*", "card*", "visa", "mastercard", "amex", "kartennummer", "creditcard", "zahlung*", "payment"],
        Kind::NationalId => &[
            "steuer-id", "steuerid", "steuer-idnr", "idnr", "identifikationsnummer", "steueridentifikationsnummer",
            "tin", "svnr", "sv-nummer", "sozialversicherung*", "sozialversicherungsnummer",
            "versicherungsnummer", "rentenversicherung*", "rvnr", "ahv*", "ahv-nr", "avs",
            "ssn", "social", "security", "nino", "insurance", "ni", "nir", "sécurité", "securite",
            "codice", "fiscale", "dni", "nie", "nif", "bsn", "burgerservicenummer",
            "personalausweis*", "ausweis*", "ausweisnummer", "reisepass*", "pass", "passnummer",
            "passport", "id", "e-card", "ecard",
        ],
        Kind::TaxVatId => &["uid", "uid-nr", "uid-nummer", "ust-id", "ust-idnr", "ustid", "umsatzsteuer*", "vat", "mwst", "tva", "iva", "btw", "steuernummer", "tax"],
        Kind::HealthInsuranceId => &["krankenversicherung*", "krankenkasse*", "versichertennummer", "krankenversichertennummer", "kvnr", "nhs", "health", "versicherten*", "gesundheitskarte", "egk"],
        Kind::LicensePlate => &[
            "kennzeichen", "kfz*", "kfz-kennzeichen", "nummernschild", "auto*", "fahrzeug*", "wagen",
            "plate", "registration", "reg", "car", "vehicle", "immatriculation", "targa", "matrícula",
            "kenteken", "autokennzeichen", "pkw", "parkplatz", "parken", "geparkt", "parking", "kontrollschild",
        ],
        Kind::DateOfBirth => &[
            "geburtsdatum", "geburts*", "geburtstag", "geb", "geboren", "born", "birth*", "dob",
            "birthday", "d.o.b", "jahrgang", "née", "né", "naissance", "nato", "nata",
            "nascita", "nacimiento", "nacido", "nacida", "geboortedatum", "geboren", "alter", "age",
        ],
        Kind::Username => &["benutzername", "username", "user", "nutzername", "login", "handle", "account", "konto", "nickname", "benutzer", "instagram", "twitter", "tiktok", "github", "telegram"],
        Kind::MacAddress => &["mac", "mac-adresse", "hardware", "router", "gerät", "device", "adapter"],
        Kind::IpAddress => &["ip", "ip-adresse", "ipv4", "ipv6", "address", "adresse", "server", "router"],
        _ => &[],
    }
}

/// How much a positive context word raises a candidate's score.
pub fn boost(kind: Kind) -> f32 {
    match kind {
        Kind::DateOfBirth => 0.55,
        Kind::LicensePlate | Kind::Bic | Kind::Username => 0.4,
        _ => 0.3,
    }
}

/// What a word before a candidate says about it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Says {
    Positive,
    Reference,
    Nothing,
}

/// Classifies word `i` of `before`. A word that is both a positive word of the kind and
/// a reference word ("Nummer", "number") takes its meaning from the word before it:
/// "order number" is a reference, "my number" and "Handynummer" are not.
fn says(before: &[String], i: usize, pos: &[&str]) -> Says {
    let w = &before[i];
    match (matches_any(w, pos), matches_any(w, REFERENCE_WORDS)) {
        (true, false) => Says::Positive,
        (false, true) => Says::Reference,
        (false, false) => Says::Nothing,
        (true, true) => match before.get(i + 1) {
            Some(prev) if matches_any(prev, REFERENCE_WORDS) && !matches_any(prev, pos) => Says::Reference,
            _ => Says::Positive,
        },
    }
}

fn nearest(before: &[String], n: usize, pos: &[&str], what: Says) -> Option<usize> {
    (0..before.len().min(n)).find(|&i| says(before, i, pos) == what)
}

/// True if context words can change the score of `kind` (it has positive words, is
/// number-like, or can be a company's own number). For the others — names, streets,
/// postal codes, e-mail addresses — [`adjust`] only clamps, and the window is not built.
pub fn applies(kind: Kind) -> bool {
    !positive(kind).is_empty() || kind.is_number_like() || matches!(kind, Kind::Phone | Kind::Iban | Kind::Bic)
}

/// How many words after a candidate of `kind` [`adjust`] reads ("12.03.1985 geboren").
fn after_words(kind: Kind) -> usize {
    if kind == Kind::DateOfBirth {
        2
    } else {
        0
    }
}

/// Applies context to a candidate score: positive words of its kind raise it, reference
/// words lower number-like kinds, company words lower phones and bank accounts.
///
/// When both kinds of words stand before a number, the nearer one wins: "Bestellung:
/// bitte Rückruf unter 0664 …" is a phone, "Telefon wegen Bestellnummer 4711 …" is not.
pub fn adjust(kind: Kind, score: f32, win: &Window) -> f32 {
    let pos = positive(kind);
    let mut s = score;
    let after = after_words(kind);
    let pos_before = nearest(&win.before, WINDOW_BEFORE, pos, Says::Positive);
    let pos_after = win.after.iter().take(after).any(|w| matches_any(w, pos) && !matches_any(w, REFERENCE_WORDS));
    if pos_before.is_some() || pos_after {
        s += boost(kind);
    }
    if kind.is_number_like() {
        if let Some(r) = nearest(&win.before, 3, pos, Says::Reference) {
            if pos_before.map_or(true, |p| r < p) {
                s -= 0.45;
            }
        }
    }
    if matches!(kind, Kind::Phone | Kind::Iban | Kind::Bic) && win.has(COMPANY_WORDS, WINDOW_BEFORE, 0) {
        s -= 0.45;
    }
    s.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_for_reads_what_adjust_reads() {
        let texts = [
            "Geburtsdatum: 12.03.1985 geboren in Wien, Bestellnummer 4711 IBAN Firma Telefon",
            "Rückruf 0664 1234567 bitte, born 1985 Kundennummer 12345 Steuer-ID 99 Hotline",
            "Ticket 12.03.1985 Geburtstag Order 5 geb. am 1.1.1990 IBAN: DE12 company",
        ];
        let mut part = Window::default();
        for t in texts {
            for (s, _) in t.char_indices().step_by(3) {
                for e in [s, (s + 4).min(t.len()), t.len()] {
                    if !t.is_char_boundary(e) || e < s {
                        continue;
                    }
                    let whole = Window::around(t, s, e);
                    for kind in &Kind::BUILTIN {
                        part.fill_for(*kind, t, s, e);
                        for score in [0.2, 0.5, 0.9] {
                            assert_eq!(adjust(*kind, score, &part), adjust(*kind, score, &whole), "{kind:?} at {s}..{e} in {t:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn whole_words_only() {
        let t = "public 12345";
        let w = Window::around(t, 7, 12);
        assert!(!w.has(&["lic"], 6, 0));
        assert!(w.has(&["public"], 6, 0));
        let t = "Geburtsdatum: 12.03.1985";
        let w = Window::around(t, 14, t.len());
        assert!(w.has(&["geburts*"], 6, 0));
        assert!(!w.has(&["urts*"], 6, 0));
    }

    #[test]
    fn kinds_without_context_words_are_only_clamped() {
        let t = "Bestellnummer Telefon Hotline unser Geburtsdatum IBAN";
        let w = Window::around(t, t.len(), t.len());
        for kind in Kind::BUILTIN {
            if !applies(kind) {
                for s in [-0.5, 0.0, 0.4, 0.8, 1.3] {
                    assert_eq!(adjust(kind, s, &w), s.clamp(0.0, 1.0), "{kind:?}");
                }
            }
        }
        assert!(!applies(Kind::Person) && applies(Kind::Phone) && applies(Kind::Username));
    }

    #[test]
    fn reference_words_lower_numbers() {
        let t = "Bestellnummer 12345678903";
        let w = Window::around(t, 14, t.len());
        assert!(adjust(Kind::NationalId, 0.6, &w) < 0.5);
        let t = "Steuer-ID 12345678903";
        let w = Window::around(t, 10, t.len());
        assert!(adjust(Kind::NationalId, 0.6, &w) > 0.8);
    }

    #[test]
    fn ambiguous_words_decide_nothing_and_the_nearer_word_wins() {
        // "number" is both a phone word and a reference word: the word before decides.
        let t = "order number 7085056213";
        let w = Window::around(t, 13, t.len());
        assert!(adjust(Kind::Phone, 0.6, &w) < 0.5);
        let t = "update my number to 6178141034";
        let w = Window::around(t, 20, t.len());
        assert!(adjust(Kind::Phone, 0.4, &w) > 0.5);
        let t = "Bestellung: bitte Rückruf unter 0664 1234567";
        let w = Window::around(t, 32, t.len());
        assert!(adjust(Kind::Phone, 0.6, &w) > 0.8);
    }
}

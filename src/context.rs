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
pub struct Window {
    /// Up to [`WINDOW_BEFORE`] words before the candidate, nearest first.
    pub before: Vec<String>,
    /// Up to [`WINDOW_AFTER`] words after the candidate, nearest first.
    pub after: Vec<String>,
}

impl Window {
    /// Collects the words around `start..end` of `text`. Stops at a line break after
    /// the first word so a form label on the line above still counts, but not a
    /// paragraph away.
    pub fn around(text: &str, start: usize, end: usize) -> Window {
        Window {
            before: words_back(&text[..start], WINDOW_BEFORE),
            after: words_fwd(&text[end..], WINDOW_AFTER),
        }
    }

    /// True if a word within `n` words before the candidate (or `after` words after it)
    /// matches an entry of `list`.
    pub fn has(&self, list: &[&str], n: usize, after: usize) -> bool {
        self.before.iter().take(n).any(|w| matches_any(w, list))
            || self.after.iter().take(after).any(|w| matches_any(w, list))
    }
}

fn words_back(s: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = Vec::<char>::new();
    let mut blank_lines = 0;
    for c in s.chars().rev() {
        if c.is_alphanumeric() || (c == '-' && !word.is_empty()) {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(word.iter().rev().flat_map(|c| c.to_lowercase()).collect::<String>());
            word.clear();
            if out.len() >= max {
                return out;
            }
        }
        if c == '\n' {
            blank_lines += 1;
            if blank_lines >= 2 {
                return out;
            }
        }
    }
    if !word.is_empty() && out.len() < max {
        out.push(word.iter().rev().flat_map(|c| c.to_lowercase()).collect());
    }
    out
}

fn words_fwd(s: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
            if out.len() >= max {
                return out;
            }
        }
        if c == '\n' {
            break;
        }
    }
    if !word.is_empty() && out.len() < max {
        out.push(word);
    }
    out
}

/// True if `word` equals an entry, or starts with an entry ending in `*`.
pub fn matches_any(word: &str, list: &[&str]) -> bool {
    let word = word.trim_matches('-');
    list.iter().any(|e| match e.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == *e,
    })
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

/// Applies context to a candidate score: positive words of its kind raise it, reference
/// words lower number-like kinds, company words lower phones and bank accounts.
pub fn adjust(kind: Kind, score: f32, win: &Window) -> f32 {
    let mut s = score;
    if win.has(positive(kind), WINDOW_BEFORE, WINDOW_AFTER.min(if kind == Kind::DateOfBirth { 2 } else { 0 })) {
        s += boost(kind);
    }
    let number_like = !matches!(kind, Kind::Email | Kind::UrlPersonal | Kind::Person | Kind::Username | Kind::StreetAddress | Kind::PostalCity | Kind::Custom(_));
    if number_like && win.has(REFERENCE_WORDS, 3, 0) && !win.has(positive(kind), 3, 0) {
        s -= 0.45;
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
    fn reference_words_lower_numbers() {
        let t = "Bestellnummer 12345678903";
        let w = Window::around(t, 14, t.len());
        assert!(adjust(Kind::NationalId, 0.6, &w) < 0.5);
        let t = "Steuer-ID 12345678903";
        let w = Window::around(t, 10, t.len());
        assert!(adjust(Kind::NationalId, 0.6, &w) > 0.8);
    }
}

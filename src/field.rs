//! Form-field hints: what the page already knows about the field a text was typed into.
//!
//! A value typed into a field labelled "Geburtsdatum" is a birth date even without a
//! context word; a number typed into "Bestellnummer" is an order number and not
//! personal. The browser layer passes the field's `name`, `id`, label text,
//! `autocomplete`, `type` and `placeholder`; [`FieldHints::classify`] turns them into
//! the one thing the scanner needs: which kind the field expects, or that it holds
//! something non-personal.

use crate::case::Lowercase;
use crate::entity::Kind;
use crate::error::{Error, ErrorCode};

/// Attributes of the form field a text comes from. All are optional (empty = unknown).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldHints {
    /// The field's `name` attribute.
    pub name: String,
    /// The field's `id` attribute.
    pub id: String,
    /// The visible label text.
    pub label: String,
    /// The `autocomplete` attribute (`bday`, `tel`, `family-name`, …).
    pub autocomplete: String,
    /// The input `type` (`tel`, `email`, `text`, …).
    pub input_type: String,
    /// The `placeholder` attribute.
    pub placeholder: String,
}

impl FieldHints {
    /// The hint keys callers give, spelled as in JavaScript and the command line's JSON
    /// (`type` is [`FieldHints::input_type`]).
    pub const KEYS: [&'static str; 6] = ["name", "id", "label", "autocomplete", "type", "placeholder"];

    /// Sets the hint named `key` (one of [`FieldHints::KEYS`]). An unknown key is an
    /// error naming it, so a typo (`autocompelte`) is not silently ignored. Every
    /// boundary (WebAssembly, command line, tests) reads hints through this.
    pub fn set(&mut self, key: &str, value: String) -> Result<(), Error> {
        let slot = match key {
            "name" => &mut self.name,
            "id" => &mut self.id,
            "label" => &mut self.label,
            "autocomplete" => &mut self.autocomplete,
            "type" => &mut self.input_type,
            "placeholder" => &mut self.placeholder,
            other => {
                return Err(Error::new(
                    ErrorCode::InvalidArgument,
                    format!("field.{other}: unknown key (expected {})", FieldHints::KEYS.join(", ")),
                ))
            }
        };
        *slot = value;
        Ok(())
    }
}

/// What a field tells the scanner.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldClass {
    /// The kind this field expects, if the hints say so.
    pub expects: Option<Kind>,
    /// The field holds a non-personal reference (order, invoice, ticket number, …).
    pub non_personal: bool,
}

/// (keyword, kind) — keywords are matched at the start of words of the lower-cased
/// hints, so `geburtsdatum` matches "Geburtsdatum des Kindes" but `iban` does not match
/// inside "libanon".
const KIND_WORDS: &[(&str, Kind)] = &[
    ("bday", Kind::DateOfBirth),
    ("birth", Kind::DateOfBirth),
    ("dob", Kind::DateOfBirth),
    ("geburt", Kind::DateOfBirth),
    ("geb.", Kind::DateOfBirth),
    ("date of birth", Kind::DateOfBirth),
    ("naissance", Kind::DateOfBirth),
    ("nascita", Kind::DateOfBirth),
    ("nacimiento", Kind::DateOfBirth),
    ("geboortedatum", Kind::DateOfBirth),
    ("urodz", Kind::DateOfBirth),
    ("tel", Kind::Phone),
    ("phone", Kind::Phone),
    ("mobil", Kind::Phone),
    ("handy", Kind::Phone),
    ("rufnummer", Kind::Phone),
    ("telefon", Kind::Phone),
    ("fax", Kind::Phone),
    ("email", Kind::Email),
    ("e-mail", Kind::Email),
    ("mail", Kind::Email),
    ("iban", Kind::Iban),
    ("bic", Kind::Bic),
    ("swift", Kind::Bic),
    ("kreditkarte", Kind::CreditCard),
    ("credit card", Kind::CreditCard),
    ("card number", Kind::CreditCard),
    ("cc-number", Kind::CreditCard),
    ("kartennummer", Kind::CreditCard),
    ("steuer-id", Kind::NationalId),
    ("steuerid", Kind::NationalId),
    ("steuer-idnr", Kind::NationalId),
    ("steueridentifikation", Kind::NationalId),
    ("sozialversicherung", Kind::NationalId),
    ("versicherungsnummer", Kind::NationalId),
    ("svnr", Kind::NationalId),
    ("ahv", Kind::NationalId),
    ("rentenversicherung", Kind::NationalId),
    ("bsn", Kind::NationalId),
    ("burgerservicenummer", Kind::NationalId),
    ("codice fiscale", Kind::NationalId),
    ("ssn", Kind::NationalId),
    ("social security", Kind::NationalId),
    ("national insurance", Kind::NationalId),
    ("personalausweis", Kind::NationalId),
    ("ausweis", Kind::NationalId),
    ("passport", Kind::NationalId),
    ("reisepass", Kind::NationalId),
    ("uid", Kind::TaxVatId),
    ("ust", Kind::TaxVatId),
    ("vat", Kind::TaxVatId),
    ("mwst", Kind::TaxVatId),
    ("umsatzsteuer", Kind::TaxVatId),
    ("steuernummer", Kind::TaxVatId),
    ("abgabenkonto", Kind::TaxVatId),
    ("krankenversicherung", Kind::HealthInsuranceId),
    ("krankenkasse", Kind::HealthInsuranceId),
    ("kvnr", Kind::HealthInsuranceId),
    ("krankenversicherten", Kind::HealthInsuranceId),
    ("versichertennummer", Kind::HealthInsuranceId),
    ("nhs", Kind::HealthInsuranceId),
    ("kennzeichen", Kind::LicensePlate),
    ("car reg", Kind::LicensePlate),
    ("vehicle reg", Kind::LicensePlate),
    ("rejestracyjn", Kind::LicensePlate),
    ("license plate", Kind::LicensePlate),
    ("licence plate", Kind::LicensePlate),
    ("registration", Kind::LicensePlate),
    ("nummernschild", Kind::LicensePlate),
    ("kontrollschild", Kind::LicensePlate),
    ("targa", Kind::LicensePlate),
    ("matrícula", Kind::LicensePlate),
    ("matricula", Kind::LicensePlate),
    ("kenteken", Kind::LicensePlate),
    ("immatriculation", Kind::LicensePlate),
    ("plaque", Kind::LicensePlate),
    ("username", Kind::Username),
    ("user name", Kind::Username),
    ("benutzername", Kind::Username),
    ("benutzer", Kind::Username),
    ("login", Kind::Username),
    ("handle", Kind::Username),
    ("nickname", Kind::Username),
    ("linkedin", Kind::UrlPersonal),
    ("xing", Kind::UrlPersonal),
    ("profil", Kind::UrlPersonal),
    ("homepage", Kind::UrlPersonal),
    ("website", Kind::UrlPersonal),
    ("ip", Kind::IpAddress),
    ("mac", Kind::MacAddress),
    ("family-name", Kind::Person),
    ("given-name", Kind::Person),
    ("additional-name", Kind::Person),
    ("nachname", Kind::Person),
    ("vorname", Kind::Person),
    ("lastname", Kind::Person),
    ("last name", Kind::Person),
    ("firstname", Kind::Person),
    ("first name", Kind::Person),
    ("surname", Kind::Person),
    ("full name", Kind::Person),
    ("fullname", Kind::Person),
    ("name", Kind::Person),
    ("kontoinhaber", Kind::Person),
    ("account holder", Kind::Person),
    ("ansprechpartner", Kind::Person),
    ("address-line", Kind::StreetAddress),
    ("street-address", Kind::StreetAddress),
    ("street", Kind::StreetAddress),
    ("strasse", Kind::StreetAddress),
    ("straße", Kind::StreetAddress),
    ("adresse", Kind::StreetAddress),
    ("address", Kind::StreetAddress),
    ("anschrift", Kind::StreetAddress),
    ("postal-code", Kind::PostalCity),
    ("postal code", Kind::PostalCity),
    ("postcode", Kind::PostalCity),
    ("zip", Kind::PostalCity),
    ("plz", Kind::PostalCity),
    ("postleitzahl", Kind::PostalCity),
    ("address-level", Kind::PostalCity),
    ("city", Kind::PostalCity),
    ("town", Kind::PostalCity),
    ("ort", Kind::PostalCity),
    ("wohnort", Kind::PostalCity),
    ("stadt", Kind::PostalCity),
];

/// Keywords of fields that hold business references, not personal data.
const NON_PERSONAL_WORDS: &[&str] = &[
    "bestell",
    "order",
    "rechnung",
    "invoice",
    "ticket",
    "auftrag",
    "kundennummer",
    "kunden-nr",
    "kundennr",
    "customer number",
    "customer no",
    "customer id",
    "vertragsnummer",
    "contract",
    "referenz",
    "reference",
    "tracking",
    "sendung",
    "artikel",
    "sku",
    "ean",
    "produkt",
    "product",
    "menge",
    "quantity",
    "betrag",
    "amount",
    "preis",
    "price",
    "gutschein",
    "voucher",
    "coupon",
    "vorgang",
    "case number",
    "fall",
];

impl FieldHints {
    /// True if no hint is set.
    pub fn is_empty(&self) -> bool {
        [&self.name, &self.id, &self.label, &self.autocomplete, &self.input_type, &self.placeholder]
            .iter()
            .all(|s| s.trim().is_empty())
    }

    /// Derives what the field expects.
    ///
    /// Order of evidence: `autocomplete` tokens and `type` (set by developers, precise)
    /// win over label, name, id and placeholder (free text). A non-personal keyword in
    /// the label wins over a weak kind keyword (e.g. "Bestellnummer" in a field named
    /// `number`).
    pub fn classify(&self) -> FieldClass {
        let mut class = FieldClass::default();
        let ac = self.autocomplete.to_ascii_lowercase();
        let ty = self.input_type.to_ascii_lowercase();
        let precise = match (ac.as_str(), ty.as_str()) {
            (a, _) if a.contains("bday") => Some(Kind::DateOfBirth),
            (a, _) if a.contains("tel") => Some(Kind::Phone),
            (a, _) if a.contains("email") => Some(Kind::Email),
            (a, _) if a.contains("cc-number") => Some(Kind::CreditCard),
            (a, _) if a.contains("name") && !a.contains("username") && !a.contains("organization") => {
                Some(Kind::Person)
            }
            (a, _) if a.contains("username") => Some(Kind::Username),
            (a, _) if a.contains("street-address") || a.contains("address-line") => Some(Kind::StreetAddress),
            (a, _) if a.contains("postal-code") || a.contains("address-level") => Some(Kind::PostalCity),
            (_, "tel") => Some(Kind::Phone),
            (_, "email") => Some(Kind::Email),
            _ => None,
        };
        let free = format!(
            " {} {} {} {} ",
            self.label.lowercase(),
            split_camel(&self.name),
            split_camel(&self.id),
            self.placeholder.lowercase()
        );
        class.non_personal = NON_PERSONAL_WORDS.iter().any(|w| starts_word(&free, w));
        class.expects = precise.or_else(|| KIND_WORDS.iter().find(|(w, _)| starts_word(&free, w)).map(|&(_, k)| k));
        if precise.is_some() {
            class.non_personal = false;
        }
        if class.non_personal && class.expects == Some(Kind::Person) {
            // "Bestellname"? "order name"? — a non-personal reference wins over the
            // generic "name" keyword.
            class.expects = None;
        }
        class
    }
}

/// `lastName` → "last name", `last_name` → "last name", lower case.
fn split_camel(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut prev_lower = false;
    for c in s.chars() {
        if c == '_' || c == '[' || c == ']' {
            out.push(' ');
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_lowercase();
        out.extend(c.lowercase());
    }
    out
}

/// True if `needle` occurs in `hay` starting at a word start.
pub(crate) fn starts_word(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        let before = hay[..at].chars().next_back();
        if before.map_or(true, |c| !c.is_alphanumeric()) {
            return true;
        }
        from = at + needle.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hints(label: &str) -> FieldHints {
        FieldHints { label: label.into(), ..Default::default() }
    }

    #[test]
    fn labels_and_attributes() {
        assert_eq!(hints("Geburtsdatum").classify().expects, Some(Kind::DateOfBirth));
        assert_eq!(hints("Date of birth").classify().expects, Some(Kind::DateOfBirth));
        assert!(hints("Bestellnummer").classify().non_personal);
        assert!(hints("Bestellnummer").classify().expects.is_none());
        let f = FieldHints { autocomplete: "family-name".into(), ..Default::default() };
        assert_eq!(f.classify().expects, Some(Kind::Person));
        let f = FieldHints { input_type: "tel".into(), ..Default::default() };
        assert_eq!(f.classify().expects, Some(Kind::Phone));
        let f = FieldHints { name: "lastName".into(), ..Default::default() };
        assert_eq!(f.classify().expects, Some(Kind::Person));
        // no substring hits
        assert_eq!(hints("Republik").classify().expects, None);
        assert_eq!(hints("Libanon").classify().expects, None);
    }
}

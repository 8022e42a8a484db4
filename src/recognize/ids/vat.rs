//! VAT numbers with their country prefix (AT DE CHE FR IT ES NL BE PL GB and the
//! other EU prefixes): the words that name them, one [`Spec`] per prefix, and how a
//! run with a VAT prefix is read.

use super::spec::{Alt, Shape, Spec, VAT, VAT_BAD_CHECK, VAT_BAD_WORD};
use crate::validate;

/// Words naming a VAT number, for every VAT subtype.
const VAT_WORDS: &[&str] = &[
    "uid*",
    "ust*",
    "ust-id*",
    "ustid*",
    "vat",
    "mwst",
    "tva",
    "iva",
    "btw*",
    "umsatzsteuer*",
    "partita",
    "nip",
    "tax",
    "mehrwertsteuer*",
    "vies",
];

const fn vat(sub: &'static str, country: &'static str) -> Spec {
    Spec { kind: VAT, sub, country, hot: VAT_WORDS }
}
const AT_UID: Spec = vat("at_uid", "at");
const DE_VAT: Spec = vat("de_vat", "de");
const CH_UID: Spec = vat("ch_uid", "ch");
const FR_VAT: Spec = vat("fr_vat", "fr");
const IT_VAT: Spec = vat("it_vat", "it");
const ES_VAT: Spec = vat("es_vat", "es");
const NL_VAT: Spec = vat("nl_vat", "nl");
const BE_VAT: Spec = vat("be_vat", "be");
const PL_VAT: Spec = vat("pl_vat", "pl");
const GB_VAT: Spec = vat("gb_vat", "gb");
const EU_VAT: Spec = Spec { kind: VAT, sub: "eu_vat", country: "", hot: VAT_WORDS };

pub(super) fn vat_alt(c: &[u8], sh: &Shape<'_>) -> Option<Alt> {
    match validate::eu_vat(c) {
        Ok(()) => {}
        Err(validate::Invalid::Checksum) => {
            // Right prefix and length, wrong check digit: only a field asking for a
            // VAT number makes it one (a typo, or a number the rule does not know).
            let spec = prefix_spec(c).0;
            return Some(Alt {
                spec,
                plain: VAT_BAD_CHECK,
                hot: VAT_BAD_WORD,
                word_plain: VAT_BAD_CHECK,
                validated: false,
                weak: false,
                needs_word: false,
            });
        }
        Err(_) => return None,
    }
    let (spec, checked) = prefix_spec(c);
    let mut alt = Alt::new(spec, if checked { 0.9 } else { 0.6 }, checked);
    if spec.sub == "eu_vat" || sh.lower_prefix {
        alt.word_plain = alt.plain;
        alt.plain = 0.35;
        alt.needs_word = true;
    }
    Some(alt)
}

/// The VAT subtype of a prefix, and whether its check digit is verified.
fn prefix_spec(c: &[u8]) -> (&'static Spec, bool) {
    if c.starts_with(b"CHE") {
        (&CH_UID, true)
    } else {
        match &c[..2] {
            b"AT" => (&AT_UID, true),
            b"DE" => (&DE_VAT, true),
            b"FR" => (&FR_VAT, c[2..4].iter().all(u8::is_ascii_digit)),
            b"IT" => (&IT_VAT, true),
            b"ES" => (&ES_VAT, true),
            b"NL" => (&NL_VAT, true),
            b"BE" => (&BE_VAT, true),
            b"PL" => (&PL_VAT, true),
            b"GB" | b"XI" => (&GB_VAT, c.len() != 7),
            _ => (&EU_VAT, false),
        }
    }
}

//! Generated variants of two categories of writing: a phone number with its extension
//! written right after it (the extension is part of the span), and a user name right
//! after an account word with no `:` or `@`. Each has a generator of variants that
//! must be found and a generator of near misses that must not.

mod variants;

use pii_veil::Kind;
use proptest::prelude::*;
use variants::{found, pick};

// ---- Phone extensions ----

const PHONE_LEADS: &[&str] = &["Call me at", "Tel.", "Rückruf unter", "reach me on", "Telefon:", "erreichbar unter"];
const PHONES: &[&str] =
    &["(704) 338-1190", "212-555-0147", "0316 824417", "+49 30 12345678", "0171 2345678", "+43 1 5321234"];
const EXT_WORDS: &[&str] =
    &["x", "X", "ext.", "ext", "Ext.", "extension", "Durchwahl", "DW", "Dw.", "Kl.", "poste", "int.", "Nst."];
const PHONE_TAILS: &[&str] = &["", ", danke", " tomorrow", ".", "\nRegards"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Number, extension word, optional space, 1–5 digits: the span runs to the end.
    #[test]
    fn extension_is_inside(lead in pick(PHONE_LEADS), phone in pick(PHONES), word in pick(EXT_WORDS),
                           space in pick(&["", " "]), ext in 1u32..99999, tail in pick(PHONE_TAILS)) {
        let full = format!("{phone} {word}{space}{ext}");
        let text = format!("{lead} {full}{tail}");
        let got = found(&text, None, Kind::Phone);
        prop_assert!(got.contains(&full), "{text:?} -> {got:?}");
    }

    /// The extension word without digits, or with a decimal, stays outside.
    #[test]
    fn no_extension_without_digits(lead in pick(PHONE_LEADS), phone in pick(PHONES), word in pick(EXT_WORDS),
                                   after in pick(&[" folgt", " 12.5", " 123456", "12abc", " bitte"])) {
        let text = format!("{lead} {phone} {word}{after}");
        let got = found(&text, None, Kind::Phone);
        prop_assert!(got.iter().all(|g| g.len() <= phone.len() + 1), "{text:?} -> {got:?}");
    }
}

// ---- User names after an account word ----

const ACCOUNT_LEADS: &[&str] = &[
    "unlocked acct",
    "account under",
    "Account",
    "account named",
    "Ihr Benutzerkonto",
    "Konto unter",
    "zwei Konten, eins unter",
    "acct user",
    "Profil",
    "profile",
    "Kundenkonto auf",
];
const STEMS: &[&str] = &["jwillis", "mario", "bkowalski", "hanna", "lenny", "mwolf"];
const MARKS: &[&str] = &["_88", "1961", ".wolf", ".k91", "_bln", "_chi", "77"];
const USER_TAILS: &[&str] = &["", " gesperrt?", ", please reset", " | billing addr", ".", "\nDanke"];

/// Plain words, numbers, references and file names after an account word.
const NOT_USERS: &[&str] =
    &["12345678", "cust-54468", "kd912686", "rechnung_2024.pdf", "scan_01.jpg", "z.B.", "v1.2", "gesperrt", "DE-4711"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Account word (with fillers) + marked token: the token is a user name.
    #[test]
    fn marked_token_after_account_word(lead in pick(ACCOUNT_LEADS), stem in pick(STEMS), mark in pick(MARKS),
                                       tail in pick(USER_TAILS)) {
        let user = format!("{stem}{mark}");
        let text = format!("{lead} {user}{tail}");
        let got = found(&text, None, Kind::Username);
        prop_assert!(got.contains(&user), "{text:?} -> {got:?}");
    }

    /// References, numbers, file names and plain words are not user names.
    #[test]
    fn no_user_for_references(lead in pick(ACCOUNT_LEADS), tok in pick(NOT_USERS), tail in pick(USER_TAILS)) {
        let text = format!("{lead} {tok}{tail}");
        let got = found(&text, None, Kind::Username);
        prop_assert!(got.is_empty(), "{text:?} -> {got:?}");
    }
}

// ---- International numbers that pass a card check, and `key=value` dumps ----

/// The digits after `+`: country code 49 or 43, a mobile or city prefix, then `rest`,
/// grouped like the styles people type (none, spaces, dashes, pairs).
fn international(cc: &str, prefix: &str, rest: u64, style: u8) -> String {
    let rest = format!("{rest:08}");
    match style {
        0 => format!("+{cc}{prefix}{rest}"),
        1 => format!("+{cc} {prefix} {rest}"),
        2 => format!("+{cc}-{prefix}-{rest}"),
        _ => format!("+{cc} {prefix} {} {} {} {}", &rest[..2], &rest[2..4], &rest[4..6], &rest[6..]),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// A number written with `+` is a phone, whole with its `+`, even when its digits
    /// happen to pass the Luhn check of a payment card.
    #[test]
    fn plus_numbers_are_phones(cc in pick(&["49", "43"]), prefix in pick(&["151", "171", "176", "664", "699", "30", "911"]),
                               rest in 10_000_000u64..99_999_999, style in 0u8..4,
                               lead in pick(&["Tel.", "erreichbar unter", "my mobile:", "ruf an:"])) {
        let number = international(cc, prefix, rest, style);
        let text = format!("{lead} {number}");
        prop_assert!(found(&text, None, Kind::CreditCard).is_empty(), "{text:?} read as a card");
        let got = found(&text, None, Kind::Phone);
        prop_assert!(got.contains(&number), "{text:?} -> {got:?}");
    }

    /// `key=value` dumps: after a key naming a phone the value is a phone; after other
    /// keys (an id, a URL's query) a bare number is not.
    #[test]
    fn phone_after_phone_key(key in pick(&["tel", "phone", "mobil", "handy", "phone_mobile", "tel-privat", "Telefon"]),
                             rest in 10_000_000u64..99_999_999, style in 0u8..4,
                             tail in pick(&["", "; email=x", "&lang=de"])) {
        let number = international("49", "171", rest, style);
        let text = format!("{key}={number}{tail}");
        let got = found(&text, None, Kind::Phone);
        prop_assert!(got.contains(&number), "{text:?} -> {got:?}");
    }

    #[test]
    fn no_phone_after_other_keys(key in pick(&["id", "ref", "order", "session", "q"]), rest in 10_000_000u64..99_999_999) {
        let text = format!("https://shop.example/item?{key}=0171{rest}");
        prop_assert!(found(&text, None, Kind::Phone).is_empty(), "{text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A customer word before a title and a name describes the person: the number after
    /// the name is their phone. Right before the number, the same word makes it a
    /// customer number.
    #[test]
    fn customer_word_before_a_named_person(word in pick(&["Kd.", "Kunde", "Kundin", "customer", "Client"]),
                                           title in pick(&["Hr.", "Fr.", "Herr", "Frau", "Mr", "Mrs"]),
                                           name in pick(&["Schulte-Bernd", "Meier", "Okafor"]),
                                           number in pick(&["0221 9483 2210", "0316 824417", "030 4412 8890"]),
                                           sep in pick(&[", ", " ", " - "])) {
        let text = format!("{word} {title} {name}{sep}{number}");
        let got = found(&text, None, Kind::Phone);
        prop_assert!(got.contains(&number.to_string()), "{text:?} -> {got:?}");
        let reference = format!("{word} {}", number.replace(' ', ""));
        prop_assert!(found(&reference, None, Kind::Phone).is_empty(), "{reference:?}");
    }
}

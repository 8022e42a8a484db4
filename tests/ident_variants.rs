//! Generated variants of written identifiers (e-mail addresses written out, bank
//! identifiers in groups): each category of writing is a generator of its variants
//! asserting that the value is found, and a generator of near misses asserting that
//! nothing is.

use pii_veil::{FieldHints, Kind, Scanner};
use proptest::prelude::*;
use std::sync::OnceLock;

fn scanner() -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(Scanner::new)
}

/// The texts of the findings of `kind`.
fn found(text: &str, field: Option<&str>, kind: Kind) -> Vec<String> {
    let hints = field.map(|l| FieldHints { label: l.to_string(), ..Default::default() });
    scanner()
        .scan(text, hints.as_ref())
        .unwrap()
        .into_iter()
        .filter(|f| f.kind == kind)
        .map(|f| text[f.span.start..f.span.end].to_string())
        .collect()
}

fn pick(v: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(v)
}

// ---- Obfuscated e-mail addresses ----

const LOCALS: &[&str] = &["emre.kaya", "wzhang", "d.huber84", "max_m", "j-smith", "anna.maria.k"];
const DOMAINS: &[&[&str]] = &[&["web", "de"], &["fastmail", "com"], &["aon", "at"], &["mail", "example", "co", "uk"]];
const ATS: &[&str] = &["[at]", " [at] ", "(at)", " (at) ", "{at}", "[AT]", " (ät) ", "(arroba)", " (chez) "];
const DOTS: &[&str] = &[".", "[dot]", " (dot) ", "{dot}", " [punkt] ", "(point)"];
const LEADS: &[&str] = &["", "mail: ", "Kontakt ", "schreib an ", "contact me: ", "Antwort bitte an "];
const TAILS: &[&str] = &["", ".", ", danke", " bitte", "\nGruß"];
const MAIL_CUES: &[&str] = &["email", "Email:", "my e-mail is", "Mail-Adresse:", "correo", "courriel :", "mail"];

fn domain(labels: &[&str], dot: &str) -> String {
    labels.join(dot)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn bracketed_email_is_found(l in pick(LOCALS), d in prop::sample::select(DOMAINS), at in pick(ATS), dot in pick(DOTS), lead in pick(LEADS), tail in pick(TAILS)) {
        let value = format!("{l}{at}{}", domain(d, dot)).trim().to_string();
        let text = format!("{lead}{value}{tail}");
        prop_assert_eq!(found(&text, None, Kind::Email), vec![value]);
    }

    #[test]
    fn bare_email_after_a_mail_word_is_found(l in pick(LOCALS), d in prop::sample::select(DOMAINS), cue in pick(MAIL_CUES), tail in pick(TAILS)) {
        let value = format!("{} at {}", l.replace('.', " dot "), domain(d, " dot "));
        let text = format!("{cue} {value}{tail}");
        prop_assert_eq!(found(&text, None, Kind::Email), vec![value]);
    }

    #[test]
    fn bare_at_dot_in_prose_is_not_an_email(l in pick(&["we", "meet", "the team", "Anna"]), d in prop::sample::select(DOMAINS), tail in pick(TAILS)) {
        let text = format!("{l} at {}{tail}", domain(d, " dot "));
        prop_assert!(found(&text, None, Kind::Email).is_empty(), "{}", text);
    }

    #[test]
    fn bracketed_at_without_letter_tld_is_not_an_email(l in pick(LOCALS), at in pick(ATS), n in 0u32..999) {
        let text = format!("{l}{at}{n}.{}", n % 97);
        prop_assert!(found(&text, None, Kind::Email).is_empty(), "{}", text);
    }
}

//! Generated variants of written identifiers (e-mail addresses written out, bank
//! identifiers in groups, several user names in one sentence, homepages named after
//! their owner): each category of writing is a generator of its variants
//! asserting that the value is found, and a generator of near misses asserting that
//! nothing is.

mod variants;

use pii_veil::Kind;
use proptest::prelude::*;
use variants::{found, pick};

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

// ---- Grouped BICs and cards with a wide separator ----

const BICS: &[&str] = &["SSKMDEMM", "AIBKIE2D", "COBADEFFXXX", "BKAUATWW", "NWBKGB2L", "DEUTDEDB", "GENODEM1GLS"];
const BIC_LABELS: &[&str] = &["BIC: ", "BIC ", "bic: ", "SWIFT: ", "SWIFT code ", "BIC ist ", "Swift-Code: "];
const BIC_TAILS: &[&str] = &["", "\nVerwendungszweck: Miete", ", danke", " (Sparkasse)", "\n"];

/// `SSKMDEMM` as `SSKM DE MM`, `SSKM DEMM`; the branch as its own group.
fn group_bic(v: &str, split_cc: bool) -> String {
    let (bank, cc, loc, branch) = (&v[..4], &v[4..6], &v[6..8], &v[8..]);
    let mut s = if split_cc { format!("{bank} {cc} {loc}") } else { format!("{bank} {cc}{loc}") };
    if !branch.is_empty() {
        s = format!("{s} {branch}");
    }
    s
}

/// Luhn-valid 16-digit cards with known issuer prefixes.
const CARDS: &[&str] = &["5108231594829914", "4111111111111111", "5555555555554444", "4012888888881881"];

fn group_card(c: &str, sep: &str) -> String {
    c.as_bytes().chunks(4).map(|g| std::str::from_utf8(g).unwrap()).collect::<Vec<_>>().join(sep)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn grouped_bic_after_a_label_is_found(v in pick(BICS), split in any::<bool>(), label in pick(BIC_LABELS), tail in pick(BIC_TAILS)) {
        let value = group_bic(v, split);
        let text = format!("{label}{value}{tail}");
        prop_assert_eq!(found(&text, None, Kind::Bic), vec![value]);
    }

    #[test]
    fn grouped_bic_in_a_bic_field_is_found(v in pick(BICS), split in any::<bool>(), field in pick(&["BIC", "BIC / SWIFT", "Swift-Code"])) {
        let value = group_bic(v, split);
        prop_assert_eq!(found(&value, Some(field), Kind::Bic), vec![value.clone()]);
    }

    #[test]
    fn grouped_bic_shape_without_label_is_not_a_bic(v in pick(BICS), split in any::<bool>(), lead in pick(&["Bitte ", "Code ", "Gutschein ", "Ticket "]), tail in pick(BIC_TAILS)) {
        let text = format!("{lead}{}{tail}", group_bic(v, split));
        prop_assert!(found(&text, None, Kind::Bic).is_empty(), "{}", text);
    }

    #[test]
    fn card_with_wide_separator_is_found(c in pick(CARDS), sep in pick(&["  ", "\t"]), lead in pick(&["", "Karte ", "card: ", "Kartennummer\t"]), tail in pick(&["", " exp 04/28", ".", "\n"])) {
        let value = group_card(c, sep);
        let text = format!("{lead}{value}{tail}");
        prop_assert_eq!(found(&text, None, Kind::CreditCard), vec![value]);
    }

    #[test]
    fn wide_groups_failing_luhn_are_not_cards(c in pick(CARDS), sep in pick(&["  ", "\t"]), d in 1u8..9) {
        let mut bad = c.as_bytes().to_vec();
        bad[15] = b'0' + (bad[15] - b'0' + d) % 10;
        let value = group_card(std::str::from_utf8(&bad).unwrap(), sep);
        prop_assert!(found(&value, None, Kind::CreditCard).is_empty(), "{}", value);
    }
}

// ---- Wider Maestro issuer ranges (50, 56–69) ----

/// Appends the Luhn check digit to `body`.
fn with_luhn(body: &str) -> String {
    let sum: u32 = body
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, c)| {
            let d = u32::from(c - b'0');
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

/// Prefixes of the wide Maestro space that no other brand claims.
const MAESTRO_PREFIXES: &[&str] = &["50", "56", "57", "58", "61", "63", "66", "67", "68", "69"];
const CARD_CUES: &[&str] = &["Karte: ", "card ", "Maestro ", "EC-Karte ", "Debitkarte: ", "Girocard "];

fn maestro(prefix: &str, rest: u64) -> String {
    with_luhn(&format!("{prefix}{rest:013}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn maestro_grouped_by_four_is_found(p in pick(MAESTRO_PREFIXES), rest in 1_000_000_000_000u64..10_000_000_000_000, sep in pick(&[" ", "-"]), tail in pick(&["", ", exp 04/28", " (gesperrt)"])) {
        let n = maestro(p, rest);
        if n.starts_with("6011") || n.starts_with("6304") || n.starts_with("675") || n.starts_with("676") || n.starts_with("5018") || n.starts_with("5020") || n.starts_with("5038") {
            return Ok(());
        }
        let value = group_card(&n, sep);
        let text = format!("New one: {value}{tail}");
        prop_assert_eq!(found(&text, None, Kind::CreditCard), vec![value]);
    }

    #[test]
    fn maestro_compact_after_a_card_word_is_found(p in pick(MAESTRO_PREFIXES), rest in 1_000_000_000_000u64..10_000_000_000_000, cue in pick(CARD_CUES)) {
        let value = maestro(p, rest);
        let text = format!("{cue}{value}");
        prop_assert_eq!(found(&text, None, Kind::CreditCard), vec![value]);
    }

    #[test]
    fn maestro_compact_without_card_word_is_not_a_card(p in pick(MAESTRO_PREFIXES), rest in 1_000_000_000_000u64..10_000_000_000_000, lead in pick(&["Referenz ", "Vorgang ", "order ", "Tracking: ", ""])) {
        let value = maestro(p, rest);
        let text = format!("{lead}{value}");
        let f = found(&text, None, Kind::CreditCard);
        // Only numbers another brand places (e.g. 6759…) may still be cards.
        prop_assert!(f.is_empty() || ["6759", "6761", "6762", "6763", "6304", "5018", "5020", "5038", "5893"].iter().any(|q| value.starts_with(q)), "{}", text);
    }
}

// ---- Second user names after a conjunction ----

const USER_NAMES: &[&str] = &["mario.wolf", "lkr_1987", "jo.smith", "anna_g", "tom.b88", "selin_ok"];
const USER_LABELS: &[&str] = &["Benutzername:", "username", "my usernames are", "Konto", "login:", "Benutzernamen:"];
const CONJUNCTS: &[&str] = &[" und ", " and ", ", ", " oder ", " und eins unter ", " and the other one is ", " / "];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn second_user_name_after_a_conjunction_is_found(a in pick(USER_NAMES), b in pick(USER_NAMES), label in pick(USER_LABELS), conj in pick(CONJUNCTS), tail in pick(&["", ", danke", ". Kann man die zusammenlegen?", "\n"])) {
        prop_assume!(a != b);
        let text = format!("{label} {a}{conj}{b}{tail}");
        prop_assert_eq!(found(&text, None, Kind::Username), vec![a.to_string(), b.to_string()], "{:?}", text);
    }

    #[test]
    fn other_words_after_the_conjunction_end_the_list(a in pick(USER_NAMES), label in pick(USER_LABELS), conj in pick(&[" und ", ", ", " and "]), rest in pick(&["iban de89370400440532013000", "Kundennr KD-12345", "Passwort vergessen", "tel 0664 1234567", "3 Pakete"])) {
        let text = format!("{label} {a}{conj}{rest}");
        prop_assert_eq!(found(&text, None, Kind::Username), vec![a.to_string()], "{:?}", text);
    }
}

// ---- Homepages whose host spells the writer's name ----

const FULL_NAMES: &[(&str, &str)] =
    &[("Fenja", "Harms"), ("Luisa", "Hoffmann"), ("Jürgen", "Weiß"), ("Zoë", "Brennan"), ("Tomasz", "Kowalski")];

/// The host label of a name: lower case, umlauts spelt out.
fn host_label(s: &str) -> String {
    s.to_lowercase().replace('ä', "ae").replace('ö', "oe").replace('ü', "ue").replace('ß', "ss").replace('ë', "e")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn homepage_spelling_a_name_of_the_text_is_personal(n in prop::sample::select(FULL_NAMES), order in any::<bool>(), join in pick(&["", "-"]), suffix in pick(&["", "-design", "-fotografie", "-coaching"]), prefix in pick(&["www.", "https://", "https://www.", "http://"]), tld in pick(&["de", "at", "ch", "com", "ie"]), layout in 0usize..3) {
        let (first, last) = n;
        let (a, b) = if order { (first, last) } else { (last, first) };
        let url = format!("{prefix}{}{join}{}{suffix}.{tld}", host_label(a), host_label(b));
        let text = match layout {
            0 => format!("Viele Grüße\n{first}\n\n--\n{first} {last} | Freiberuflerin\n{url}"),
            1 => format!("Mein Portfolio auf Instagram und {url}. {first} {last}"),
            _ => format!("Hallo, hier {first} {last}. Zu sehen unter {url}"),
        };
        prop_assert_eq!(found(&text, None, Kind::UrlPersonal), vec![url], "{:?}", text);
    }

    /// A bare host (no `www.`, no scheme) is read as a homepage only with a hint word
    /// near it: one far away in a long message does not make it one (and a rescan,
    /// which reads the region around an edit, judges it as a full scan does).
    #[test]
    fn bare_homepage_needs_a_hint_word_near_it(n in prop::sample::select(FULL_NAMES), hint in pick(&["Webseite", "Homepage", "Blog", "Portfolio", "CV"]), tld in pick(&["de", "at", "com"]), near in any::<bool>(), filler in 40usize..80) {
        let (first, last) = n;
        let url = format!("{}{}.{tld}", host_label(first), host_label(last));
        let between = if near { String::new() } else { "Die Lieferung kam an, danke für die Bearbeitung. ".repeat(filler) };
        let text = format!("{hint} gibt es auch.\n{between}Hallo, hier {first} {last}. Zu sehen unter {url}");
        let want = if near { vec![url] } else { vec![] };
        prop_assert_eq!(found(&text, None, Kind::UrlPersonal), want, "{:?}", text);
    }

    #[test]
    fn homepage_of_a_company_named_after_a_person_is_not_personal(n in prop::sample::select(FULL_NAMES), co in pick(&["GmbH", "AG", "Ltd", "KG"]), prefix in pick(&["www.", "https://"])) {
        let (first, last) = n;
        let url = format!("{prefix}{}{}.de", host_label(first), host_label(last));
        let text = format!("Wir haben bei {first} {last} {co} bestellt, {url} zeigt nichts an");
        prop_assert!(found(&text, None, Kind::UrlPersonal).is_empty(), "{:?}", text);
    }

    #[test]
    fn host_with_a_single_capitalised_word_of_the_text_is_not_personal(brand in pick(&["Zalando", "Otto", "Thomann", "Hornbach"]), prefix in pick(&["www.", "https://"])) {
        let url = format!("{prefix}{}.de", brand.to_lowercase());
        let text = format!("Ich habe bei {url} bestellt, {brand} antwortet nicht");
        prop_assert!(found(&text, None, Kind::UrlPersonal).is_empty(), "{:?}", text);
    }
}

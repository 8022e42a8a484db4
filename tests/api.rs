//! The library's public behaviour: configuration errors, masking operators, allow and
//! deny lists, custom patterns, limits.

use pii_veil::{CustomPattern, ErrorCode, FieldHints, Kind, MaskOptions, Operator, Scanner, ScannerBuilder};

const TEXT: &str = "IBAN DE89 3704 0044 0532 0130 00, Karte 4111 1111 1111 1111, anna@example.org, ANNA@example.org";

fn redact_with(op: Operator) -> String {
    Scanner::new().redact(TEXT, None, &MaskOptions { default: op, per_kind: vec![] }).unwrap().0
}

#[test]
fn label_operator() {
    assert_eq!(redact_with(Operator::Label), "IBAN [IBAN], Karte [CREDIT_CARD], [EMAIL], [EMAIL]");
}

#[test]
fn token_operator_numbers_equal_values_equally() {
    let t = "a@example.org b@example.org A@EXAMPLE.ORG";
    let out = Scanner::new().redact(t, None, &MaskOptions { default: Operator::Token, per_kind: vec![] }).unwrap().0;
    assert_eq!(out, "[EMAIL_1] [EMAIL_2] [EMAIL_1]");
}

#[test]
fn mask_operator_keeps_separators_and_last_digits() {
    let opts = MaskOptions {
        default: Operator::Label,
        per_kind: vec![(Kind::CreditCard, Operator::Mask { fill: '•', keep_last: 4 })],
    };
    let out = Scanner::new().redact("Karte 4111 1111 1111 1111.", None, &opts).unwrap().0;
    assert_eq!(out, "Karte •••• •••• •••• 1111.");
}

#[test]
fn remove_operator() {
    assert_eq!(redact_with(Operator::Remove), "IBAN , Karte , , ");
}

#[test]
fn invalid_configuration_names_the_key() {
    let e = ScannerBuilder::new().threshold(1.5).build().unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidConfig);
    assert!(e.message().starts_with("threshold"));

    let bad = |p: &str| {
        ScannerBuilder::new()
            .custom(CustomPattern { name: "order".into(), pattern: p.into(), validator: None, score: 0.8 })
            .build()
            .unwrap_err()
    };
    let e = bad("(unclosed");
    assert_eq!(e.code(), ErrorCode::InvalidPattern);
    assert!(e.message().starts_with("custom[0].pattern"), "{}", e.message());
    for empty in ["a*", "x|", "", "\\b", "(?:)"] {
        assert_eq!(bad(empty).code(), ErrorCode::EmptyMatch, "{empty}");
    }

    let e = ScannerBuilder::new()
        .custom(CustomPattern { name: "email".into(), pattern: "x+".into(), validator: None, score: 0.8 })
        .build()
        .unwrap_err();
    assert!(e.message().contains("built-in"));
    let e = ScannerBuilder::new()
        .custom(CustomPattern { name: "x".into(), pattern: "x+".into(), validator: Some("nope".into()), score: 0.8 })
        .build()
        .unwrap_err();
    assert!(e.message().starts_with("custom[0].validator"));
    let e = ScannerBuilder::new().countries(&["deu"]).build().unwrap_err();
    assert!(e.message().starts_with("countries[0]"));
    let e = ScannerBuilder::new().allow_patterns(&["[a-"]).build().unwrap_err();
    assert!(e.message().starts_with("allowPatterns[0]"));
}

#[test]
fn custom_pattern_with_validator() {
    let s = ScannerBuilder::new()
        .custom(CustomPattern {
            name: "member_card".into(),
            pattern: r"\bMC-[0-9]{8}\b".into(),
            validator: Some("luhn".into()),
            score: 0.9,
        })
        .build()
        .unwrap();
    // 12345674 passes Luhn, 12345678 does not.
    let f = s.scan("Karte MC-12345674 und MC-12345678", None).unwrap();
    assert_eq!(f.len(), 1);
    assert_eq!(s.kind_id(f[0].kind), "member_card");
    let (out, _) = s.redact("MC-12345674", None, &MaskOptions::default()).unwrap();
    assert_eq!(out, "[MEMBER_CARD]");
}

#[test]
fn custom_pattern_dot_is_one_character() {
    // `.` (and a negated class) stands for a character, not for a byte of one.
    let s = ScannerBuilder::new()
        .custom(CustomPattern { name: "ref".into(), pattern: r"Ref-.{4}\b".into(), validator: None, score: 0.8 })
        .build()
        .unwrap();
    let t = "Bitte Ref-Müll prüfen, nicht Ref-Mü.";
    let f = s.scan(t, None).unwrap();
    let found: Vec<&str> =
        f.iter().filter(|x| s.kind_id(x.kind) == "ref").map(|x| &t[x.span.start..x.span.end]).collect();
    assert_eq!(found, ["Ref-Müll"]);
}

#[test]
fn allow_and_deny_lists() {
    let s = ScannerBuilder::new().allow(&["support@example.org"]).deny(&["Projekt Falke"]).build().unwrap();
    let t = "Mail an SUPPORT@example.org oder anna@example.org zum projekt falke";
    let f = s.scan(t, None).unwrap();
    let kinds: Vec<&str> = f.iter().map(|x| s.kind_id(x.kind)).collect();
    assert_eq!(kinds, ["email", "deny"]);
    assert_eq!(&t[f[0].span.start..f[0].span.end], "anna@example.org");
    assert_eq!(&t[f[1].span.start..f[1].span.end], "projekt falke");
}

#[test]
fn kinds_can_be_switched_off() {
    let s = ScannerBuilder::new().kind(Kind::Email, false).build().unwrap();
    assert!(s.scan("anna@example.org", None).unwrap().is_empty());
}

#[test]
fn too_large_text_is_an_error_without_the_text() {
    let s = ScannerBuilder::new().max_text_bytes(10).build().unwrap();
    let e = s.scan("geheim@example.org", None).unwrap_err();
    assert_eq!(e.code(), ErrorCode::TextTooLarge);
    assert!(!e.message().contains("geheim"));
}

#[test]
fn field_hints_mark_non_personal_fields() {
    let s = Scanner::new();
    let order = FieldHints { label: "Bestellnummer".into(), ..Default::default() };
    // Non-personal fields lower number-like kinds only: an e-mail address stays.
    assert_eq!(s.scan("anna@example.org", Some(&order)).unwrap().len(), 1);
    // A typo'd IBAN is reported after the word IBAN, but not in an order-number field.
    let typo = "IBAN DE89 3704 0044 0532 0130 01";
    assert_eq!(s.scan(typo, None).unwrap().len(), 1);
    assert!(s.scan(typo, Some(&order)).unwrap().is_empty());
}

#[test]
fn a_message_typed_into_a_field_named_after_a_reference_is_a_message() {
    // A support ticket's text box (`id="ticket"`), an order's note field: the field's
    // name says "reference", what it holds is a message. Its phone numbers are found;
    // a number that makes up most of such a field is still taken for the reference.
    let s = Scanner::new();
    let phones = ["+43 664 1234567", "0171 2345678", "+49 30 12345678", "+41 79 412 38 61"];
    let leads = ["Rückruf unter", "Rueckruf unter", "call me on", "erreichbar:"];
    for hint in ["ticket", "ticketText", "order_note", "Bestellung", "Auftrag", "reference"] {
        for id_or_label in [true, false] {
            let field = if id_or_label {
                FieldHints { id: hint.into(), ..Default::default() }
            } else {
                FieldHints { label: hint.into(), ..Default::default() }
            };
            for (phone, lead) in phones.iter().zip(leads.iter().cycle()) {
                let text = format!("Sehr geehrte Damen und Herren, bitte buchen Sie ab. {lead} {phone} oder per Mail.");
                let found = s.scan(&text, Some(&field)).unwrap();
                assert!(found.iter().any(|f| &text[f.span.start..f.span.end] == *phone), "{hint}: {text} -> {found:?}");
                assert!(s.scan(phone, Some(&field)).unwrap().is_empty(), "{hint}: {phone} alone");
            }
        }
    }
}

#[test]
fn two_threads_find_exactly_what_one_thread_finds() {
    // A long text (above PARALLEL_MIN_BYTES) made of every case text of the repository,
    // repeated.
    let mut text = String::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases")).unwrap() {
        let raw = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in raw.lines().filter(|l| l.starts_with('{')) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                text.push_str(t);
                text.push_str("\n\n");
            }
        }
    }
    while text.len() < pii_veil::PARALLEL_MIN_BYTES {
        text = text.repeat(2);
    }
    let same = |text: &str| {
        let one = ScannerBuilder::new().build().unwrap().scan(text, None).unwrap();
        let two = ScannerBuilder::new().threads(2).build().unwrap().scan(text, None).unwrap();
        assert!(one.len() > 100);
        assert_eq!(one, two);
    };
    // Cut at a paragraph, at a line (no blank lines), not at all (one line: split by kind).
    same(&text);
    same(&text.replace("\n\n", "\n"));
    same(&text.replace('\n', " "));
    // Chat typing: the whole text in lower case, and only its first three quarters
    // (then the first half alone looks all lower case, but the whole does not).
    same(&text.to_lowercase());
    let mut at = text.len() * 3 / 4;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    same(&(text[..at].to_lowercase() + &text[at..]));
    // Some kinds only: the split still keeps every finding.
    let kinds = [Kind::Person, Kind::Phone];
    let one = ScannerBuilder::new().kinds(&kinds).build().unwrap().scan(&text, None).unwrap();
    let two = ScannerBuilder::new().kinds(&kinds).threads(2).build().unwrap().scan(&text, None).unwrap();
    assert_eq!(one, two);
}

#[test]
fn country_codes_are_checked_and_uk_is_gb() {
    let e = ScannerBuilder::new().countries(&["de", "zz"]).build().unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidConfig);
    assert!(e.message().starts_with("countries[1]: 'zz' is not an ISO 3166"), "{}", e.message());
    let text = "National Insurance number: JG 10 37 75 A, NHS number 943 476 5919";
    let found = |cs: &[&str]| {
        let s = ScannerBuilder::new().countries(cs).build().unwrap();
        s.scan(text, None).unwrap().iter().map(|f| (f.kind, f.subtype)).collect::<Vec<_>>()
    };
    let gb = found(&["gb"]);
    assert_eq!(gb.len(), 2, "{gb:?}");
    assert_eq!(found(&["uk"]), gb);
    assert_eq!(found(&["UK"]), gb);
    assert!(found(&["de"]).is_empty());
}

/// A rich-text editor's HTML in a textarea (TinyMCE writes accented letters as
/// character references): the values are found, and each finding covers the
/// references it was read from.
#[test]
fn html_with_character_references() {
    let scanner = pii_veil::ScannerBuilder::new().build().unwrap();
    for (text, name) in [
        ("<p>Guten Tag, hier Herr J&uuml;rgen M&uuml;ller, bitte um R&uuml;ckruf.</p>", "J&uuml;rgen M&uuml;ller"),
        ("<p>Bonjour, je suis S&#233;verine Dupr&#xE9; et j&#39;attends.</p>", "S&#233;verine Dupr&#xE9;"),
    ] {
        let found = scanner.scan(text, None).unwrap();
        let names: Vec<&str> =
            found.iter().filter(|f| f.kind == Kind::Person).map(|f| &text[f.span.start..f.span.end]).collect();
        assert_eq!(names, [name], "{text}: {found:?}");
    }
}

//! Properties that must hold for any text: no panics, findings on char boundaries, in
//! order and disjoint, masked output free of the masked values, offsets convertible.

use pii_veil::{MaskOptions, Operator, Scanner, Unit};
use proptest::prelude::*;
use std::sync::OnceLock;

fn scanner() -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(Scanner::new)
}

/// Text made of pieces that look like personal data, joined by odd characters.
fn pii_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("DE89 3704 0044 0532 0130 00".to_string()),
        Just("anna.gruber@example.at".to_string()),
        Just("4111 1111 1111 1111".to_string()),
        Just("+43 664 1234567".to_string()),
        Just("192.168.10.1".to_string()),
        Just("Herr Mag. Huber".to_string()),
        Just("Hauptstraße 12/3/4, 1010 Wien".to_string()),
        Just("geb. 12.03.1985".to_string()),
        Just("Termin am 12.03.1985".to_string()),
        Just("Steuer-ID 65929970489".to_string()),
        Just("Rechnung 65929970489,".to_string()),
        Just("de89370400440532013000".to_string()),
        Just("ANNA.GRUBER@example.at".to_string()),
        Just("\u{202A}0664 1234567\u{202C}".to_string()),
        Just("😀".to_string()),
        Just("\u{200B}".to_string()),
        Just("\u{00A0}".to_string()),
        Just("０６６４".to_string()),
        Just("u\u{308}".to_string()),
        "[a-zA-Z0-9 .,:/@+()-]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.join(" "))
}

/// True for the characters a spelling of a value may have between its letters and digits.
fn separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '-' | '.' | '/' | '(' | ')' | '+' | '\'' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}')
}

/// A value's letters, digits and other signs, lower-cased, without separators.
fn canonical(value: &str) -> String {
    value.chars().filter(|&c| !separator(c)).flat_map(char::to_lowercase).collect()
}

/// True if `hay` holds the canonical `value` in some spelling, not glued to other
/// letters or digits (the definition, character by character).
fn stands_in(hay: &str, value: &str) -> bool {
    let chars: Vec<(usize, char)> = hay.char_indices().filter(|&(_, c)| !separator(c)).collect();
    let want: Vec<char> = value.chars().collect();
    (0..chars.len()).any(|i| {
        let mut k = 0;
        let mut j = i;
        while k < want.len() && j < chars.len() {
            let lower: Vec<char> = chars[j].1.to_lowercase().collect();
            if want[k..].starts_with(&lower) {
                k += lower.len();
                j += 1;
            } else {
                return false;
            }
        }
        if k < want.len() {
            return false;
        }
        let start = chars[i].0;
        let end = chars[j - 1].0 + chars[j - 1].1.len_utf8();
        let before = hay[..start].chars().next_back().is_some_and(char::is_alphanumeric);
        let after = hay[end..].chars().next().is_some_and(char::is_alphanumeric);
        !before && !after
    })
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let s = scanner();
    let found = s.scan(text, None).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut prev_end = 0;
    for f in &found {
        prop_assert!(f.span.start < f.span.end, "empty span");
        prop_assert!(f.span.start >= prev_end, "overlapping or unordered findings");
        prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        prop_assert!((0.0..=1.0).contains(&f.score));
        prev_end = f.span.end;
    }
    // Offsets convert monotonically into every unit.
    for unit in [Unit::Utf16, Unit::CodePoints] {
        let offs: Vec<usize> = s.locate(text, &found, unit).iter().flat_map(|l| [l.start, l.end]).collect();
        prop_assert!(offs.windows(2).all(|w| w[0] <= w[1]));
    }
    // The output of every operator holds no value it masked, in any spelling (case,
    // spacing, separators), wherever the value stands on its own (values of 4+ letters
    // and digits: a shorter one is matched only as written).
    for op in [Operator::Label, Operator::Token, Operator::Mask { fill: '*', keep_last: 0 }, Operator::Remove] {
        let opts = MaskOptions { default: op, per_kind: vec![] };
        let (masked, again) = s.redact(text, None, &opts).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&again, &found);
        for f in &found {
            let value = canonical(&text[f.span.start..f.span.end]);
            if value.chars().filter(|c| c.is_alphanumeric()).count() >= 4 {
                prop_assert!(!stands_in(&masked, &value), "the masked text still holds a masked value: {masked:?}");
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn pii_like_texts_hold_the_invariants(text in pii_text()) {
        check(&text)?;
    }
}

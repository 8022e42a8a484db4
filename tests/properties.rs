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
    // Every operator removes every masked value (values of 4+ letters/digits, to avoid
    // matching a digit that also occurs elsewhere in the text).
    for op in [Operator::Label, Operator::Token, Operator::Mask { fill: '*', keep_last: 0 }, Operator::Remove] {
        let opts = MaskOptions { default: op, per_kind: vec![] };
        let (masked, again) = s.redact(text, None, &opts).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&again, &found);
        for f in &found {
            let value = &text[f.span.start..f.span.end];
            let occurrences_before = text.matches(value).count();
            let occurrences_after = masked.matches(value).count();
            prop_assert!(
                occurrences_after < occurrences_before || value.chars().filter(|c| c.is_alphanumeric()).count() < 4,
                "masked text still contains a masked value"
            );
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

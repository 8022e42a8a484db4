//! Properties that must hold for any text: no panics, findings on char boundaries, in
//! order and disjoint, masked output free of the masked values in any spelling, offsets
//! convertible (the invariants are in `tests/common`).

mod common;

use pii_veil::Scanner;
use proptest::prelude::*;
use std::sync::OnceLock;

fn scanner() -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(Scanner::new)
}

/// Text made of pieces that look like personal data, joined by odd characters.
fn pii_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::sample::select(common::PIECES).prop_map(str::to_string),
        "[a-zA-Z0-9 .,:/@+()-]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.join(" "))
}

fn check(text: &str) -> Result<(), TestCaseError> {
    common::check(scanner(), text).map_err(TestCaseError::fail)
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

//! What the generated-variant tests share (`tests/*_variants.rs`): one scanner, the
//! texts found of a kind, and a strategy picking from a word list.

use pii_veil::{FieldHints, Kind, Scanner};
use proptest::prelude::*;
use std::sync::OnceLock;

/// One default scanner for the whole test binary.
pub fn scanner() -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(Scanner::new)
}

/// The texts of the findings of `kind` in `text`, typed into a field labelled `field`.
pub fn found(text: &str, field: Option<&str>, kind: Kind) -> Vec<String> {
    let hints = field.map(|l| FieldHints { label: l.to_string(), ..Default::default() });
    scanner()
        .scan(text, hints.as_ref())
        .unwrap()
        .into_iter()
        .filter(|f| f.kind == kind)
        .map(|f| text[f.span.start..f.span.end].to_string())
        .collect()
}

/// One entry of `v`.
pub fn pick(v: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(v)
}

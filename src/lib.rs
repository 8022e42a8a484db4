//! # pii-veil
//!
//! Finds personal data in text people type into forms and chat boxes, and masks it —
//! built to run in the browser (WebAssembly), before anything is sent.
//!
//! ## The pipeline
//!
//! ```text
//! text ─► normalise ─► recognise (pattern + validator) ─► context ─► field hints ─► threshold
//!      ─► + custom patterns, deny list ─► resolve overlaps ─► every occurrence of a found value
//!      ─► map back, allow list ─► findings ─► (mask)
//! ```
//!
//! 1. **Normalise** (`normalize`): fold full-width digits, odd spaces, zero-width
//!    characters and decomposed accents, keeping a map back to the original text.
//! 2. **Recognise** (`recognize`, one recogniser per kind or family, chosen by the
//!    registry in `recognize/mod.rs`): a linear-time candidate search (hand-written
//!    scanners over bytes and over the shared tokens of `tokens`; the written-out
//!    e-mail forms with `regex_lite`, around their cue) plus the kind's validator (`validate`: IBAN MOD 97-10, Luhn,
//!    Steuer-IdNr, SVNR, AHV, SSN ranges, …). A value that fails its check is dropped,
//!    with documented exceptions (a typo'd IBAN right after the word "IBAN").
//!    Recognisers may *gate* on the form field (a bare city only in a city field), but
//!    do not change scores for it.
//! 3. **Context** (`context`): the positive words of the candidate's kind (from its
//!    descriptor, `entity/descriptors.rs`), reference words and company words in a
//!    window of whole words raise or lower its score.
//! 4. **Field hints** (`field` classifies the field, the scanner's stage applies it):
//!    the kind the field expects is raised, a non-personal field lowers number-like kinds.
//! 5. **Threshold**, then custom patterns and the deny list join, then **resolve**
//!    (`resolve`) keeps at most one finding per character with documented tie rules,
//!    and **every occurrence** of a found value elsewhere in the text (in any spelling:
//!    case, spacing, separators) is added (`scanner/repeats.rs`).
//! 6. **Findings** ([`Finding`]): kind, byte span into the *original* text, score,
//!    subtype; values on the allow list are dropped. [`Scanner::locate`] turns the
//!    spans into UTF-16 code units (for JavaScript) or code points in one pass.
//! 7. **Mask** (`mask`, via [`Scanner::redact`]) is a separate, pure step over the
//!    findings; **pseudonymise** ([`Session`]) replaces values with numbered
//!    placeholders and restores them in replies.
//!
//! Every stage is linear in the text (resolution is O(n log n) in the number of
//! candidates), so a rescan per keystroke stays cheap.
//!
//! ## Layers
//! Modules depend only downwards (`tests/layers.rs` checks it): at the bottom the
//! kinds (`entity`), spans, errors, bytes, the normaliser, the word lists (`words`,
//! `lexicon`), the tokeniser (`tokens`) and the values every stage hands on (`types`:
//! `Input`, `Candidate`, [`Finding`]); above them the validators and the context
//! words; then the recognisers and their registry; then resolution and masking; the
//! scanner on top; pseudonymisation, the command line and the WebAssembly bindings
//! (`wasm`, the only module that knows JavaScript) above the scanner.
//!
//! ## Units
//! Inside Rust every offset is a UTF-8 byte offset into the caller's text. Offsets
//! handed out are converted in one place ([`Scanner::locate`]).
//!
//! ## Example
//! ```
//! use pii_veil::{Scanner, MaskOptions, Kind};
//! let scanner = Scanner::new();
//! let text = "IBAN: DE89 3704 0044 0532 0130 00, mail anna@example.org";
//! let found = scanner.scan(text, None).unwrap();
//! assert_eq!(found[0].kind, Kind::Iban);
//! let (masked, _) = scanner.redact(text, None, &MaskOptions::default()).unwrap();
//! assert_eq!(masked, "IBAN: [IBAN], mail [EMAIL]");
//! ```

#![deny(missing_docs)]
#![warn(clippy::too_many_lines)]

mod bytes;
mod case;
mod context;
mod entity;
mod error;
mod field;
mod lexicon;
mod located;
mod mask;
mod normalize;
mod pseudo;
mod recognize;
mod resolve;
mod scanner;
mod sort;
mod span;
mod table;
mod tokens;
mod types;
mod validate;
mod words;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

/// A small deterministic generator for the tests' random cases (a 64-bit linear
/// congruential generator, Knuth's MMIX constants): each call gives a number in `0..m`.
#[cfg(test)]
pub(crate) fn test_rng(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |m| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % m
    }
}

pub use entity::Kind;
pub use error::{Error, ErrorCode};
pub use field::FieldHints;
pub use located::Located;
pub use mask::{MaskOptions, Operator};
pub use pseudo::{PlaceholderStyle, Restorer, Session, SessionOptions};
pub use scanner::{
    CustomPattern, Rescan, Scanner, ScannerBuilder, DEFAULT_MAX_TEXT_BYTES, PARALLEL_MIN_BYTES, VALIDATORS,
};
pub use span::{Span, Unit};
pub use types::Finding;

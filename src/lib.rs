//! # pii-veil
//!
//! Finds personal data in text people type into forms and chat boxes, and masks it —
//! built to run in the browser (WebAssembly), before anything is sent.
//!
//! ## The pipeline
//!
//! ```text
//! text ─► normalise ─► candidates ─► validate ─► context ─► threshold ─► resolve ─► findings ─► (mask)
//! ```
//!
//! 1. **Normalise** ([`normalize`]): fold full-width digits, odd spaces, zero-width
//!    characters and decomposed accents, keeping a map back to the original text.
//! 2. **Candidates** ([`recognize`]): one recogniser per kind or family of kinds, each
//!    a linear-time pattern (the `regex` crate: no backtracking, no ReDoS) plus
//!    hand-written parsing where a pattern is not enough.
//! 3. **Validate** ([`validate`]): check digits and registry rules — IBAN MOD 97-10,
//!    Luhn, Steuer-IdNr, SVNR, AHV, SSN ranges, … A value that fails is dropped (with
//!    documented exceptions, e.g. a typo'd IBAN right after the word "IBAN").
//! 4. **Context** ([`context`], [`field`]): German and English words around the
//!    candidate and the form field's hints raise or lower its score.
//! 5. **Threshold**, then **resolve** ([`resolve`]) overlaps with documented rules.
//! 6. **Findings** ([`Finding`]): kind, byte span into the *original* text, score,
//!    subtype. [`span::convert_offsets`] turns byte offsets into UTF-16 code units (for
//!    JavaScript) or code points in one pass.
//! 7. **Mask** ([`mask`]) is a separate, pure step over the findings.
//!
//! Every stage is linear in the text (resolution is O(n log n) in the number of
//! candidates), so a rescan per keystroke stays cheap.
//!
//! ## Units
//! Inside Rust every offset is a UTF-8 byte offset into the caller's text. Offsets
//! handed to JavaScript are UTF-16 code units; the conversion lives in [`span`] only.
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
pub mod context;
pub mod entity;
pub mod error;
pub mod field;
mod lexicon;
mod located;
pub mod mask;
pub mod normalize;
pub mod pseudo;
pub mod recognize;
pub mod resolve;
pub mod scanner;
pub mod span;
mod tokens;
pub mod types;
pub mod validate;
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
pub use scanner::{CustomPattern, Scanner, ScannerBuilder, PARALLEL_MIN_BYTES};
pub use span::{Span, Unit};
pub use types::Finding;

//! Masking: a separate, pure step over the findings.
//!
//! Detection produces findings (data); masking applies one operator per finding to
//! the original text in a single left-to-right pass. Nothing is ever replaced in text
//! that was already replaced, so placeholders cannot be corrupted by a later rule and
//! positions stay exact.
//!
//! Operators:
//! - `label`: `[IBAN]`;
//! - `token`: `[EMAIL_1]`, numbered per kind and per text; the same value (compared
//!   without spaces, dashes, dots and case) gets the same number;
//! - `mask`: every letter and digit replaced by a fill character, separators kept,
//!   optionally keeping the last *n* letters/digits (`•••• •••• •••• 1111`);
//! - `remove`: the value disappears.

use crate::entity::Kind;
use crate::types::{canonical, Finding};
use std::collections::HashMap;

/// How one finding is replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operator {
    /// `[KIND]`.
    Label,
    /// `[KIND_n]`, same value → same n.
    Token,
    /// Letters and digits replaced by `fill`, the last `keep_last` of them kept.
    Mask {
        /// The fill character.
        fill: char,
        /// How many trailing letters/digits stay visible.
        keep_last: usize,
    },
    /// Replaced by nothing.
    Remove,
}

impl Operator {
    /// Parses `label`, `token`, `mask` or `remove` (mask with `•` and nothing kept).
    pub fn parse(s: &str) -> Option<Operator> {
        match s {
            "label" => Some(Operator::Label),
            "token" => Some(Operator::Token),
            "mask" => Some(Operator::Mask { fill: '•', keep_last: 0 }),
            "remove" => Some(Operator::Remove),
            _ => None,
        }
    }
}

/// Which operator applies to which kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaskOptions {
    /// Operator for kinds without their own entry.
    pub default: Operator,
    /// Per-kind operators.
    pub per_kind: Vec<(Kind, Operator)>,
}

impl Default for MaskOptions {
    fn default() -> Self {
        MaskOptions { default: Operator::Label, per_kind: Vec::new() }
    }
}

impl MaskOptions {
    /// The operator for `kind`.
    pub fn operator(&self, kind: Kind) -> &Operator {
        self.per_kind.iter().find(|(k, _)| *k == kind).map(|(_, o)| o).unwrap_or(&self.default)
    }
}

/// Applies `opts` to `findings` (non-overlapping, sorted by start, byte offsets into
/// `text`) and returns the masked text. `label_of` gives the upper-case label of a kind
/// (custom kinds have their own names).
pub fn apply(text: &str, findings: &[Finding], opts: &MaskOptions, label_of: &dyn Fn(Kind) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0usize;
    let mut numbers: HashMap<(Kind, String), usize> = HashMap::new();
    let mut counters: HashMap<Kind, usize> = HashMap::new();
    for f in findings {
        let (s, e) = (f.span.start, f.span.end);
        if s < last || e > text.len() {
            continue; // overlapping or out of range: never produced by the scanner
        }
        out.push_str(&text[last..s]);
        let value = &text[s..e];
        match opts.operator(f.kind) {
            Operator::Label => {
                out.push('[');
                out.push_str(&label_of(f.kind));
                out.push(']');
            }
            Operator::Token => {
                let key = (f.kind, canonical(value));
                let next = counters.get(&f.kind).copied().unwrap_or(0) + 1;
                let n = *numbers.entry(key).or_insert_with(|| {
                    counters.insert(f.kind, next);
                    next
                });
                out.push('[');
                out.push_str(&label_of(f.kind));
                out.push('_');
                out.push_str(&n.to_string());
                out.push(']');
            }
            Operator::Mask { fill, keep_last } => {
                let total = value.chars().filter(|c| c.is_alphanumeric()).count();
                let mut seen = 0usize;
                for c in value.chars() {
                    if c.is_alphanumeric() {
                        seen += 1;
                        if seen + keep_last > total {
                            out.push(c);
                        } else {
                            out.push(*fill);
                        }
                    } else {
                        out.push(c);
                    }
                }
            }
            Operator::Remove => {}
        }
        last = e;
    }
    out.push_str(&text[last..]);
    out
}

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
//!   optionally keeping the last *n* letters/digits (`•••• •••• •••• 1111`) — but never
//!   half of them or more, whatever *n* is: no setting reveals a whole value (see
//!   [`visible_tail`]);
//! - `remove`: the value disappears.

use crate::entity::Kind;
use crate::types::{canonical, Finding};

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
        /// How many trailing letters/digits stay visible (always fewer than half of a
        /// value's letters and digits, whatever is asked).
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
    let numbers = token_numbers(text, findings, opts);
    for (f, n) in findings.iter().zip(numbers) {
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
                out.push('[');
                out.push_str(&label_of(f.kind));
                out.push('_');
                out.push_str(&n.to_string());
                out.push(']');
            }
            Operator::Mask { fill, keep_last } => {
                let total = value.chars().filter(|c| c.is_alphanumeric()).count();
                let keep_last = visible_tail(*keep_last, total);
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

/// The number the `token` operator gives each of `findings` (0 to those it does not
/// replace): per kind, the values (compared as [`canonical`] gives them) numbered in
/// the order they first appear. Sorted once, not looked up in a map.
fn token_numbers(text: &str, findings: &[Finding], opts: &MaskOptions) -> Vec<usize> {
    const FIRST: usize = usize::MAX;
    // (kind, value, position) of each finding the operator replaces
    let mut keyed: Vec<(Kind, String, usize)> = Vec::new();
    let mut last = 0usize;
    for (p, f) in findings.iter().enumerate() {
        let (s, e) = (f.span.start, f.span.end);
        if s < last || e > text.len() {
            continue; // (as `apply` skips it)
        }
        last = e;
        if *opts.operator(f.kind) == Operator::Token {
            keyed.push((f.kind, canonical(&text[s..e]), p));
        }
    }
    // Grouped by value, each value's first finding first.
    crate::sort::sort(&mut keyed);
    let starts_value = |j: usize| j == 0 || (keyed[j].0, &keyed[j].1) != (keyed[j - 1].0, &keyed[j - 1].1);
    let mut numbers = vec![0; findings.len()];
    for j in (0..keyed.len()).filter(|&j| starts_value(j)) {
        numbers[keyed[j].2] = FIRST;
    }
    // Each value's first finding, in the order of the text, takes its kind's next number
    // (per kind, the last number given: a few kinds, looked up in order).
    let mut counters: Vec<(Kind, usize)> = Vec::new();
    for (f, n) in findings.iter().zip(&mut numbers).filter(|(_, n)| **n == FIRST) {
        let i = counters.iter().position(|&(k, _)| k == f.kind).unwrap_or_else(|| {
            counters.push((f.kind, 0));
            counters.len() - 1
        });
        counters[i].1 += 1;
        *n = counters[i].1;
    }
    let mut first = 0;
    for j in 0..keyed.len() {
        if starts_value(j) {
            first = keyed[j].2;
        }
        numbers[keyed[j].2] = numbers[first];
    }
    numbers
}

/// How many of a value's `total` letters and digits the `mask` operator leaves visible
/// when asked to keep `keep_last`: at most that many, and always fewer than half of
/// them, so that `keepLast: 100` (or 4 on a 6-digit value) cannot reveal the value.
pub(crate) fn visible_tail(keep_last: usize, total: usize) -> usize {
    keep_last.min(total.saturating_sub(1) / 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn masked(value: &str, keep_last: usize) -> String {
        let text = format!("x {value} y");
        let f = Finding { kind: Kind::CreditCard, span: Span::new(2, 2 + value.len()), score: 1.0, subtype: None };
        let opts = MaskOptions { default: Operator::Mask { fill: '*', keep_last }, per_kind: vec![] };
        apply(&text, &[f], &opts, &|k| k.label().to_string())
    }

    #[test]
    fn mask_keeps_at_most_the_tail_asked_for() {
        assert_eq!(masked("4111 1111 1111 1111", 4), "x **** **** **** 1111 y");
        assert_eq!(masked("4111 1111 1111 1111", 0), "x **** **** **** **** y");
    }

    /// The `token` numbers of a text: per kind, the values numbered in the order they
    /// first appear (as a map from kind and value to number gives them), other kinds
    /// replaced otherwise, overlapping findings skipped.
    #[test]
    fn tokens_number_each_kinds_values_in_order_of_appearance() {
        let mut next = crate::test_rng(3);
        let values = ["a1", "A-1", "b2", "c3", "a1 ", "d4"];
        let kinds = [Kind::Email, Kind::Phone, Kind::Iban];
        let opts = MaskOptions { default: Operator::Token, per_kind: vec![(Kind::Iban, Operator::Label)] };
        for _ in 0..500 {
            let (mut text, mut findings) = (String::new(), Vec::new());
            for _ in 0..next(30) {
                text.push_str(["; ", " ", ""][next(3)]);
                let v = values[next(values.len())];
                // (now and then a finding overlapping the last one, which is skipped)
                let start = if next(8) == 0 { text.len().saturating_sub(1) } else { text.len() };
                text.push_str(v);
                let kind = kinds[next(kinds.len())];
                findings.push(Finding { kind, span: Span::new(start, text.len()), score: 1.0, subtype: None });
            }
            let mut want = String::new();
            let (mut last, mut numbers) = (0, std::collections::HashMap::new());
            for f in &findings {
                let (s, e) = (f.span.start, f.span.end);
                if s < last {
                    continue;
                }
                want.push_str(&text[last..s]);
                last = e;
                if f.kind == Kind::Iban {
                    want.push_str("[IBAN]");
                    continue;
                }
                let of_kind = numbers.keys().filter(|(k, _)| *k == f.kind).count();
                let n = *numbers.entry((f.kind, canonical(&text[s..e]))).or_insert(of_kind + 1);
                want.push_str(&format!("[{}_{n}]", f.kind.label()));
            }
            want.push_str(&text[last..]);
            assert_eq!(apply(&text, &findings, &opts, &|k| k.label().to_string()), want, "{text:?} {findings:?}");
        }
    }

    #[test]
    fn mask_never_reveals_half_a_value() {
        // 16 digits: at most 7 stay visible, however many are asked for.
        assert_eq!(masked("4111 1111 1111 1234", 100), "x **** **** *111 1234 y");
        // 6 digits, 4 asked: 2 stay.
        assert_eq!(masked("123456", 4), "x ****56 y");
        for total in 0..40 {
            for keep in [0, 1, 4, 8, 100, usize::MAX] {
                let v = visible_tail(keep, total);
                assert!(v <= keep && (v == 0 || 2 * v < total), "{keep} of {total}: {v}");
            }
        }
    }
}

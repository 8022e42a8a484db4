//! Bank details: IBAN (ISO 13616), BIC (ISO 9362) and payment card numbers.
//!
//! - IBAN: a country code and two check digits start the candidate; then exactly as
//!   many letters/digits as the IBAN registry prescribes for that country are read,
//!   allowing one space or hyphen between them (grouped by 4 or compact, any case).
//!   The value must pass MOD 97-10. Decision: a value with the right country and
//!   length that fails the checksum is still reported, with a lower score, when the
//!   word "IBAN" (or another banking word) stands right before it — a typo'd IBAN is
//!   still somebody's bank account.
//! - BIC: 8 or 11 upper-case characters with a valid country code; alone it looks
//!   like any upper-case word, so it is only reported in banking context (a banking
//!   word, a form field, or an IBAN just before it). Right after the word "BIC" or
//!   "SWIFT" a lower-case BIC is accepted too (chat typing).
//! - Cards: 13–19 digits, grouped by spaces or hyphens, Luhn-valid with a known
//!   issuer prefix and length.

use super::{bounded, compact, re, Recognizer};
use crate::context::Window;
use crate::entity::Kind;
use crate::scanner::{Candidate, Input};
use crate::validate;
use regex::bytes::Regex;

pub(super) struct Bank {
    iban_start: Regex,
    bic: Regex,
    bic_labelled: Regex,
    card: Regex,
}

impl Bank {
    pub(super) fn new() -> Bank {
        Bank {
            iban_start: re(r"(?i)\b[a-z]{2}[0-9]{2}[ -]?[a-z0-9]"),
            bic: re(r"\b[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b"),
            // Chat users type BICs in lower case; accepted right after the word itself.
            bic_labelled: re(r"(?i)\b(?:bic|swift)(?:[ -]?code)?[ \t]*[:=]?[ \t]*(?:(?:is|ist|lautet)[ \t]+)?([a-z]{6}[a-z0-9]{2}(?:[a-z0-9]{3})?)\b"),
            card: re(r"\b[0-9](?:[ -]?[0-9]){12,18}\b"),
        }
    }
}

impl Recognizer for Bank {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Iban, Kind::Bic, Kind::CreditCard]
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let b = input.bytes;
        if !b.iter().any(u8::is_ascii_digit) && input.field.expects != Some(Kind::Bic) && !has_upper_run(b) {
            return;
        }
        // Ends of the IBANs found, ascending (a BIC right after one is banking context).
        let mut iban_ends: Vec<usize> = Vec::new();
        let mut at = 0;
        while let Some(m) = self.iban_start.find_at(b, at) {
            at = m.start() + 1;
            let Some(len) = validate::iban_length(&[b[m.start()].to_ascii_uppercase(), b[m.start() + 1].to_ascii_uppercase()]) else { continue };
            let Some(end) = take_alnum(b, m.start(), len) else { continue };
            if !bounded(b, m.start(), end) {
                continue;
            }
            let value = compact(&b[m.start()..end]);
            let mut c = Candidate::new(Kind::Iban, m.start(), end, 0.95);
            if validate::iban(&value).is_ok() {
                c.validated = true;
            } else {
                let win = Window::around(input.text, m.start(), end);
                if !win.has(&["iban"], 2, 0) {
                    continue;
                }
                c.score = 0.6;
                c.subtype = Some("checksum_failed");
            }
            iban_ends.push(end);
            at = end;
            out.push(c);
        }
        for m in self.bic.find_iter(b) {
            let v = m.as_bytes();
            if validate::bic(v).is_err() {
                continue;
            }
            let mut c = Candidate::new(Kind::Bic, m.start(), m.end(), 0.45);
            let before = iban_ends.partition_point(|&e| e <= m.start());
            let near_iban = before > 0 && m.start() - iban_ends[before - 1] < 80;
            if near_iban {
                c.score += 0.35;
            }
            out.push(c);
        }
        for caps in self.bic_labelled.captures_iter(b) {
            let Some(m) = caps.get(1) else { continue };
            if m.as_bytes().iter().all(u8::is_ascii_uppercase) || m.as_bytes().iter().all(u8::is_ascii_digit) {
                continue; // upper case was handled above
            }
            let v: Vec<u8> = m.as_bytes().to_ascii_uppercase();
            if validate::bic(&v).is_ok() {
                out.push(Candidate::new(Kind::Bic, m.start(), m.end(), 0.85));
            }
        }
        for m in self.card.find_iter(b) {
            let s = m.as_bytes();
            // Groups must be regular: a single separator kind, no doubled separators.
            if s.windows(2).any(|w| !w[0].is_ascii_digit() && !w[1].is_ascii_digit()) {
                continue;
            }
            let digits = compact(s);
            if let Ok(brand) = validate::credit_card(&digits) {
                let mut c = Candidate::new(Kind::CreditCard, m.start(), m.end(), 0.9);
                c.validated = true;
                c.subtype = Some(brand);
                out.push(c);
            }
        }
    }
}

fn has_upper_run(b: &[u8]) -> bool {
    b.windows(8).any(|w| w.iter().all(u8::is_ascii_uppercase))
}

/// From `start`, reads `n` ASCII letters/digits allowing one space or hyphen between
/// them; returns the end of the n-th one.
fn take_alnum(b: &[u8], start: usize, n: usize) -> Option<usize> {
    let mut count = 0;
    let mut i = start;
    while i < b.len() && count < n {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            count += 1;
            i += 1;
        } else if (c == b' ' || c == b'-') && count > 0 && i + 1 < b.len() && b[i + 1].is_ascii_alphanumeric() {
            i += 1;
        } else {
            return None;
        }
    }
    (count == n).then_some(i)
}

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

use super::util::{bounded, compact, is_word, runs, Reach, Recognizer};
use crate::context::Window;
use crate::entity::Kind;
use crate::types::{Candidate, Input};
use crate::validate;
use label::{LabelMatch, Shape};

mod label;

// The IBAN start, BIC and card shapes are matched by hand (see `iban_start`, `bics`,
// `card_at`, `wide_card_spans`): as patterns (`(?i)\b[a-z]{2}[0-9]{2}[ -]?[a-z0-9]`,
// `\b[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b`, `\b[0-9](?:[ -]?[0-9]){12,18}\b`,
// `\b[0-9]{4}(?:(?:  |\t)[0-9]{4}){3}\b`) they have no literal to skip ahead to and
// cost several ns per byte each. The tests below check the hand-written forms against
// those patterns.
pub(super) struct Bank;

impl Bank {
    /// The kinds this recogniser finds (the registry builds it only for a scanner with
    /// one of them on).
    pub(super) const KINDS: &'static [Kind] = &[Kind::Iban, Kind::Bic, Kind::CreditCard];

    pub(super) fn new() -> Bank {
        Bank
    }

    /// Grouped BICs after a BIC/SWIFT label, or as the whole value of a BIC field.
    fn grouped_bics(&self, input: &Input<'_>, out: &mut Vec<Candidate>, words: &[usize]) {
        let b = input.bytes;
        let field = input.field.expects == Some(Kind::Bic);
        // A match starts at a BIC word or (the `^` alternative) at the start of the text.
        let starts: Vec<usize> = std::iter::once(0).chain(words.iter().copied().filter(|&i| i > 0)).collect();
        for ((s, e), (ms, me)) in label_matches(Shape::Grouped, b, &starts) {
            let v = &b[ms..me];
            if !v.contains(&b' ') || v.iter().any(u8::is_ascii_lowercase) {
                continue;
            }
            // The line-start alternative counts only as the whole value of a BIC field.
            let whole_value = field && b[me..].iter().all(u8::is_ascii_whitespace);
            if !starts_with_label(&b[s..e]) && !whole_value {
                continue;
            }
            if validate::bic(&compact(v)).is_ok() {
                out.push(Candidate::new(Kind::Bic, ms, me, 0.85));
            }
        }
    }

    /// 16-digit cards grouped by 4 with one wide separator used throughout.
    fn wide_cards(input: &Input<'_>, out: &mut Vec<Candidate>) {
        for (ms, me) in wide_card_spans(input.bytes) {
            let s = &input.bytes[ms..me];
            let sep = &s[4..s[4..].iter().position(u8::is_ascii_digit).map_or(5, |p| p + 4)];
            if s.split(|c| !c.is_ascii_digit()).filter(|g| !g.is_empty()).count() != 4
                || s.windows(sep.len()).filter(|w| *w == sep).count() != 3
            {
                continue;
            }
            if let Some(brand) = card_brand(input, ms, me) {
                let mut c = Candidate::new(Kind::CreditCard, ms, me, 0.9);
                c.validated = true;
                c.subtype = Some(brand);
                out.push(c);
            }
        }
    }
}

/// Words that say a number is a payment card.
const CARD_WORDS: &[&str] = &["card*", "karte*", "maestro", "ec-karte*", "debitkarte*", "girocard", "bankkarte*"];

/// The brand of the card number at `s..e`: a placed issuer prefix, or the wider Maestro
/// range when the number is grouped by 4 or a card word stands near it.
fn card_brand(input: &Input<'_>, s: usize, e: usize) -> Option<&'static str> {
    // "+4915112345678": a `+` starts an international phone number; card numbers are
    // never written with one.
    if s > 0 && input.bytes[s - 1] == b'+' {
        return None;
    }
    let raw = &input.bytes[s..e];
    let digits = compact(raw);
    if let Ok(brand) = validate::credit_card(&digits) {
        return Some(brand);
    }
    if !validate::maestro_range(&digits) {
        return None;
    }
    let groups: Vec<&[u8]> = raw.split(|c| !c.is_ascii_digit()).filter(|g| !g.is_empty()).collect();
    let by_four = groups.len() >= 3 && groups[..groups.len() - 1].iter().all(|g| g.len() == 4);
    (by_four || Window::around(input.text, s, e).has(CARD_WORDS, 4, 0)).then_some("maestro")
}

/// True if a grouped-BIC match starts with the BIC/SWIFT label (not the line start).
fn starts_with_label(m: &[u8]) -> bool {
    let t = m.trim_ascii_start();
    t.len() >= 3 && (t[..3].eq_ignore_ascii_case(b"bic") || t.len() >= 5 && t[..5].eq_ignore_ascii_case(b"swift"))
}

/// Start of the leftmost `\b[a-zA-Z]{2}[0-9]{2}[ -]?[a-zA-Z0-9]` at or after `at`.
fn iban_start(b: &[u8], at: usize) -> Option<usize> {
    let n = b.len();
    let mut j = at + 2;
    while j + 1 < n {
        // Two digits at `j`: a non-digit at `j + 1` rules out `j` and `j + 1` at once.
        if !b[j + 1].is_ascii_digit() {
            j += 2;
            continue;
        }
        if !b[j].is_ascii_digit() {
            j += 1;
            continue;
        }
        let s = j - 2;
        if b[s].is_ascii_alphabetic() && b[s + 1].is_ascii_alphabetic() && (s == 0 || !is_word(b[s - 1])) {
            let k = j + 2;
            if k < n
                && (b[k].is_ascii_alphanumeric()
                    || (matches!(b[k], b' ' | b'-') && k + 1 < n && b[k + 1].is_ascii_alphanumeric()))
            {
                return Some(s);
            }
        }
        j += 1;
    }
    None
}

/// Matches of `\b[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b`: a whole ASCII word of 8 or 11
/// bytes, six capitals then capitals or digits.
/// Found from the runs of six or more capitals (rare in prose), not word by word.
fn bics(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    runs(b, 6, |c| c.is_ascii_uppercase()).filter_map(move |(s, _)| {
        if s > 0 && is_word(b[s - 1]) {
            return None;
        }
        let mut e = s + 6;
        while e < b.len() && is_word(b[e]) {
            e += 1;
        }
        ((e - s == 8 || e - s == 11) && b[s + 6..e].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
            .then_some((s, e))
    })
}

/// The end of a `\b[0-9](?:[ -]?[0-9]){12,18}\b` match starting at `s` (the pattern
/// is greedy: the longest run of 13–19 digits that ends a word), or `Err` with where
/// the next match can start: after the whole chain of digits read from `s` when it
/// ended before 19 digits. A later start inside that chain reads the same chain with
/// fewer digits, so where `s` found no end, it finds none either.
fn card_at(b: &[u8], s: usize) -> Result<usize, usize> {
    let n = b.len();
    if !b[s].is_ascii_digit() || (s > 0 && is_word(b[s - 1])) {
        return Err(s + 1);
    }
    let (mut k, mut digits, mut best) = (s + 1, 1, None);
    loop {
        if digits >= 13 && (k == n || !is_word(b[k])) {
            best = Some(k);
        }
        if digits == 19 {
            return best.ok_or(s + 1);
        }
        if k < n && b[k].is_ascii_digit() {
            k += 1;
        } else if k + 1 < n && matches!(b[k], b' ' | b'-') && b[k + 1].is_ascii_digit() {
            k += 2;
        } else {
            break;
        }
        digits += 1;
    }
    best.ok_or(k)
}

/// The length of the run of ASCII digits at the start of `b`.
fn digit_run(b: &[u8]) -> usize {
    b.iter().position(|c| !c.is_ascii_digit()).unwrap_or(b.len())
}

/// The end of a wide-grouped card number (`\b[0-9]{4}(?:(?:  |\t)[0-9]{4}){3}\b`)
/// starting at `s`, a digit that starts a word: four groups of exactly four digits
/// (a longer run cannot be followed by a separator, nor end the last group at `\b`),
/// joined by two spaces or a tab each. The pattern has one way to match, so there is
/// nothing to backtrack.
fn wide_card_at(b: &[u8], s: usize) -> Option<usize> {
    if (s > 0 && is_word(b[s - 1])) || digit_run(&b[s..]) != 4 {
        return None;
    }
    let mut k = s + 4;
    for _ in 0..3 {
        k += if b[k..].starts_with(b"  ") {
            2
        } else if b.get(k) == Some(&b'\t') {
            1
        } else {
            return None;
        };
        if digit_run(&b[k..]) != 4 {
            return None;
        }
        k += 4;
    }
    (k == b.len() || !is_word(b[k])).then_some(k)
}

/// Matches of the wide-grouped card pattern, left to right. A match's first
/// separator (two spaces or a tab, both rare in typed text) stands four bytes after its
/// start, so only the places four bytes before a separator are tried, in text order.
fn wide_card_spans(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut spaces = crate::bytes::pair_positions(b, b' ').peekable();
    let mut tabs = crate::bytes::byte_positions(b, b'\t').peekable();
    let mut pos = 0;
    std::iter::from_fn(move || loop {
        let k = match (spaces.peek(), tabs.peek()) {
            (Some(&x), Some(&y)) if y < x => tabs.next(),
            (Some(_), _) => spaces.next(),
            (None, _) => tabs.next(),
        }?;
        let Some(s) = k.checked_sub(4).filter(|&s| s >= pos) else { continue };
        if let Some(e) = wide_card_at(b, s) {
            pos = e;
            return Some((s, e));
        }
    })
}

/// Matches of the card pattern, left to right.
fn cards(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            i += crate::bytes::skip_to_range(&b[i..], b'0', b'9');
            if i >= b.len() {
                break;
            }
            match card_at(b, i) {
                Ok(e) => {
                    let s = i;
                    i = e;
                    return Some((s, e));
                }
                Err(next) => i = next,
            }
        }
        None
    })
}

impl Recognizer for Bank {
    /// A label or voucher word among the four words before a value, an IBAN ending less than 80 bytes before a BIC, an IBAN of at most 66 bytes.
    fn reach(&self) -> Reach {
        Reach::NEAR
    }

    fn kinds(&self) -> &'static [Kind] {
        Self::KINDS
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let b = input.bytes;
        let bic_field = input.field.expects == Some(Kind::Bic);
        // Both BIC patterns start with the word "BIC" or "SWIFT" (the grouped one also
        // at the start of a BIC field's value): without it they cannot match.
        let bic_words = bic_words(input.folded());
        let bic_word = !bic_words.is_empty();
        if !b.iter().any(u8::is_ascii_digit) && !bic_field && !has_upper_run(b) && !bic_word {
            return;
        }
        // Ends of the IBANs found, ascending (a BIC right after one is banking context).
        let mut iban_ends: Vec<usize> = Vec::new();
        let mut at = 0;
        while let Some(ms) = iban_start(b, at) {
            at = ms + 1;
            let Some(len) = validate::iban_length(&[b[ms].to_ascii_uppercase(), b[ms + 1].to_ascii_uppercase()]) else {
                continue;
            };
            let Some(end) = take_alnum(b, ms, len) else { continue };
            if !bounded(b, ms, end) {
                continue;
            }
            let value = compact(&b[ms..end]);
            let mut c = Candidate::new(Kind::Iban, ms, end, 0.95);
            if validate::iban(&value).is_ok() {
                c.validated = true;
            } else {
                let win = Window::around(input.text, ms, end);
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
        for (ms, me) in bics(b) {
            let v = &b[ms..me];
            if validate::bic(v).is_err() || (!bic_field && test_bic(v)) {
                continue;
            }
            if !bic_field && voucher_code(input.text, ms, me) {
                continue;
            }
            let mut c = Candidate::new(Kind::Bic, ms, me, 0.45);
            let before = iban_ends.partition_point(|&e| e <= ms);
            let near_iban = before > 0 && ms - iban_ends[before - 1] < 80;
            if near_iban {
                c.score += 0.35;
            }
            out.push(c);
        }
        for (_, (ms, me)) in label_matches(Shape::Labelled, b, &bic_words) {
            let m = &b[ms..me];
            if m.iter().all(u8::is_ascii_uppercase) || m.iter().all(u8::is_ascii_digit) {
                continue; // upper case was handled above
            }
            let v: Vec<u8> = m.to_ascii_uppercase();
            if validate::bic(&v).is_ok() && !test_bic(&v) {
                out.push(Candidate::new(Kind::Bic, ms, me, 0.85));
            }
        }
        if bic_word || bic_field {
            self.grouped_bics(input, out, &bic_words);
        }
        Self::wide_cards(input, out);
        for (ms, me) in cards(b) {
            let s = &b[ms..me];
            // Groups must be regular: a single separator kind, no doubled separators.
            if s.windows(2).any(|w| !w[0].is_ascii_digit() && !w[1].is_ascii_digit()) {
                continue;
            }
            if let Some(brand) = card_brand(input, ms, me) {
                let mut c = Candidate::new(Kind::CreditCard, ms, me, 0.9);
                c.validated = true;
                c.subtype = Some(brand);
                out.push(c);
            }
        }
    }
}

/// True for a test-and-training BIC: `0` as the second character of the location code
/// (ISO 9362; SWIFT's BIC directory marks these as not connected to the live network).
/// No bank account is reached through one; the shape is that of a voucher code
/// (`SOMMER20`, `RABATT10`).
fn test_bic(v: &[u8]) -> bool {
    v.get(7) == Some(&b'0')
}

/// Words that introduce a voucher or promotion code.
const VOUCHER_WORDS: &[&str] = &[
    "gutschein*",
    "rabatt*",
    "aktionscode",
    "promo*",
    "voucher*",
    "coupon*",
    "discount",
    "gift",
    "geschenkcode",
    "bon",
    "code-promo",
    "codice",
    "sconto",
    "cupón",
    "kortingscode",
];

/// True if a voucher word stands within four words before the BIC-shaped word at
/// `s..e`, with no banking word nearer: it is the voucher's code.
fn voucher_code(text: &str, s: usize, e: usize) -> bool {
    let w = Window::around(text, s, e);
    let bank = |i: usize| crate::context::matches_any(&w.before[i], &["bic", "swift", "iban", "bank*", "konto*"]);
    (0..w.before.len().min(4))
        .find(|&i| crate::context::matches_any(&w.before[i], VOUCHER_WORDS))
        .is_some_and(|v| !(0..v).any(bank))
}

/// Where the word `bic` or `swift` starts in the folded text (`\b` before it, as in
/// the BIC patterns; "public" does not count), ascending.
fn bic_words(f: &[u8]) -> Vec<usize> {
    let starts_word = |i: &usize| *i == 0 || !is_word(f[*i - 1]);
    let mut v: Vec<usize> = crate::bytes::find_all(f, b"bic").filter(starts_word).collect();
    v.extend(crate::bytes::find_all(f, b"swift").filter(starts_word));
    crate::sort::sort(&mut v);
    v
}

/// The matches of a BIC label shape (see [`label`]) a search of the whole text finds,
/// searched only from `starts` (ascending), the only places where a match can begin.
/// The shapes read
/// only ASCII letters, digits, spaces, tabs, `:`, `=` and `-`, so a match starting at
/// `i` ends within the run of such bytes (and `_`) from `i`; the byte after that run
/// is no word byte, so `\b` reads the same at the end of the cut text as in the text.
fn label_matches(shape: Shape, b: &[u8], starts: &[usize]) -> Vec<LabelMatch> {
    let mut found = Vec::new();
    let mut pos = 0;
    for &i in starts {
        if i < pos {
            continue;
        }
        let run = b[i..].iter().position(|&c| !(is_word(c) || matches!(c, b' ' | b'\t' | b':' | b'=' | b'-')));
        let limit = run.map_or(b.len(), |r| i + r);
        match label::find_at(&b[..limit], i, shape) {
            Some(m) => {
                pos = m.0 .1;
                found.push(m);
            }
            None => pos = limit,
        }
    }
    found
}

fn has_upper_run(b: &[u8]) -> bool {
    runs(b, 8, |c| c.is_ascii_uppercase()).next().is_some()
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A BIC-shaped code after a voucher word is the voucher's code, whatever else the
    /// text holds: a voucher word in capitals with a letter that is not ASCII
    /// ("CUPÓN") counts as in lower case.
    #[test]
    fn a_voucher_code_is_read_where_it_stands() {
        let bics = |t: &str| {
            let mut out = Vec::new();
            Bank::new().find(&Input::new(t, crate::field::FieldClass::default()), &mut out);
            out.iter().filter(|c| c.kind == Kind::Bic).count()
        };
        for code in ["CUPÓN: COBADEFFXXX", "Cupón COBADEFFXXX", "Gutschein: COBADEFFXXX"] {
            assert_eq!(bics(code), 0, "{code}");
            assert_eq!(bics(&format!("Bonn, 3. Mai.\n{code}")), 0, "{code}");
        }
        assert_eq!(bics("BIC: COBADEFFXXX"), 1);
    }

    /// The patterns the hand-written shapes replace, compiled once.
    fn patterns() -> &'static [regex::bytes::Regex; 4] {
        static P: std::sync::OnceLock<[regex::bytes::Regex; 4]> = std::sync::OnceLock::new();
        P.get_or_init(|| {
            [
                super::super::util::reference(r"(?i)\b[a-z]{2}[0-9]{2}[ -]?[a-z0-9]"),
                super::super::util::reference(r"\b[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b"),
                super::super::util::reference(r"\b[0-9](?:[ -]?[0-9]){12,18}\b"),
                super::super::util::reference(r"\b[0-9]{4}(?:(?:  |\t)[0-9]{4}){3}\b"),
            ]
        })
    }

    fn same_as_patterns(t: &[u8]) {
        let [iban, bic, card, wide] = patterns();
        let mut at = 0;
        while at <= t.len() {
            assert_eq!(
                iban_start(t, at),
                iban.find_at(t, at).map(|m| m.start()),
                "iban start in {:?} from {at}",
                String::from_utf8_lossy(t)
            );
            at += 1;
        }
        assert_eq!(bics(t).collect::<Vec<_>>(), bic.find_iter(t).map(|m| (m.start(), m.end())).collect::<Vec<_>>());
        assert_eq!(
            cards(t).collect::<Vec<_>>(),
            card.find_iter(t).map(|m| (m.start(), m.end())).collect::<Vec<_>>(),
            "{:?}",
            String::from_utf8_lossy(t)
        );
        assert_eq!(
            wide_card_spans(t).collect::<Vec<_>>(),
            wide.find_iter(t).map(|m| (m.start(), m.end())).collect::<Vec<_>>(),
            "{:?}",
            String::from_utf8_lossy(t)
        );
    }

    /// The patterns the BIC label shapes stand for (see `label`).
    const LABELLED: &str = r"(?i)\b(?:bic|swift)(?:[ -]?code)?[ \t]*[:=]?[ \t]*(?:(?:is|ist|lautet)[ \t]+)?([a-z]{6}[a-z0-9]{2}(?:[a-z0-9]{3})?)\b";
    const GROUPED: &str = r"(?i)(?:\b(?:bic|swift)(?:[ -]?code)?[ \t]*[:=]?[ \t]*(?:(?:is|ist|lautet)[ \t]+)?|^[ \t]*)([a-z]{4} [a-z]{2} ?[a-z0-9]{2}(?: [a-z0-9]{3})?)\b";

    /// The label searches find what the patterns find in the whole text, with the same
    /// groups.
    fn same_label_matches(b: &[u8]) {
        static P: std::sync::OnceLock<[regex::bytes::Regex; 2]> = std::sync::OnceLock::new();
        let [labelled, grouped] = P.get_or_init(|| [LABELLED, GROUPED].map(crate::recognize::util::reference));
        let words = bic_words(&b.to_ascii_lowercase());
        let spans = |re: &regex::bytes::Regex| {
            re.captures_iter(b)
                .filter_map(|c| Some(((c.get(0)?.start(), c.get(0)?.end()), (c.get(1)?.start(), c.get(1)?.end()))))
                .collect::<Vec<_>>()
        };
        let text = String::from_utf8_lossy(b);
        assert_eq!(label_matches(Shape::Labelled, b, &words), spans(labelled), "{text:?}");
        let starts: Vec<usize> = std::iter::once(0).chain(words.iter().copied().filter(|&i| i > 0)).collect();
        assert_eq!(label_matches(Shape::Grouped, b, &starts), spans(grouped), "{text:?}");
    }

    #[test]
    fn label_searches_examples() {
        for t in [
            "BIC: COBADEFFXXX",
            "bic ist cobadeffxxx",
            "Swift-Code = COBADEFF",
            "BIC istanbulx",
            "swiftcode:is  ABCDEFGH",
            "BIC COBA DE FF XXX",
            "COBA DE FF",
            " \tCOBA DEFF 123",
            "bic code lautet\tabcdefgh12",
            "BICCODE X",
            "BIC  :  ist",
        ] {
            same_label_matches(t.as_bytes());
        }
    }

    #[test]
    fn hand_written_shapes_examples() {
        for t in [
            "DE89 3704 0044 0532 0130 00",
            "at61-1904-3002-3457-3201 x",
            "GENODEF1M04 BICXDEFFXXX_",
            "4111 1111 1111 1111 2222 3333",
            "4111-1111-1111-1111",
            "12345678901234567890123",
            "x1234567890123 ÄBCDEFGH1",
            "4111  1111\t1111  1111, 4111\t1111\t1111\t1111_ 04111  1111  1111  1111",
            "4111  1111  1111  11112222\t3333\t4444\t5555",
        ] {
            same_as_patterns(t.as_bytes());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn hand_written_shapes_match_the_patterns(t in proptest::collection::vec(proptest::sample::select(b"AZBde0123456789 49 -_\xC3.".to_vec()), 0..60)) {
            same_as_patterns(&t);
        }
        #[test]
        fn hand_written_bics_match_the_pattern(t in proptest::collection::vec(proptest::sample::select(b"ABCDEFGH12_ a-\xC3".to_vec()), 0..40)) {
            same_as_patterns(&t);
        }
        #[test]
        fn label_searches_match_the_patterns(parts in proptest::collection::vec(proptest::sample::select(vec!["BIC", "swift", "Swift", "pu", "bic", " ", "\t", ":", "=", "-", "code", "ist ", "is", "t", "lautet", "COBADEFF", "XXX", "cobadeffxxx", "COBA DE FF", "COBA", "DE", "FF", "12", "_", ".", "\n", "\u{e4}"]), 0..14)) {
            let t = parts.concat();
            let b = t.as_bytes();
            same_label_matches(b);
        }
        #[test]
        fn hand_written_cards_match_the_pattern(parts in proptest::collection::vec(proptest::sample::select(vec!["4111", "12", "7", " ", "-", "  ", "\t", "x", "_", "DE", "at", "\u{e4}"]), 0..30)) {
            same_as_patterns(parts.concat().as_bytes());
        }
    }
}

//! Every occurrence of a found value: once a text says a value is personal, the value
//! is masked wherever it appears again in that text — also where the words around the
//! second occurrence would not have been enough (`geb. 12.03.1985, Termin am
//! 12.03.1985`; `Steuer-ID 65929970489, Rechnung 65929970489`).
//!
//! Occurrences are compared in a canonical spelling: letters and digits lower-cased,
//! with spaces, line breaks, dashes, dots, slashes, brackets, `+` and apostrophes left
//! out (so `DE89 3704 0044…` and `de89370400440…` are one value), and must stand on
//! their own (no digit glued to a digit, no letter to a letter, on either side). A value of fewer than four
//! letters and digits is only matched as written, so a short name does not mask every
//! word that contains it in another case. One Aho-Corasick search finds every value at
//! once, in time linear in the text.

use crate::types::Candidate;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashSet;

/// Values shorter than this (letters and digits) are matched only as written.
const MIN_CANONICAL: usize = 4;

/// True for the characters left out of the canonical spelling.
fn separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '/' | '(' | ')' | '+' | '\'')
}

/// The canonical spelling of a whole text, with the byte range of the character each
/// of its bytes came from.
struct Skeleton {
    bytes: Vec<u8>,
    from: Vec<(u32, u32)>,
}

impl Skeleton {
    fn of(text: &str) -> Skeleton {
        let mut bytes = Vec::with_capacity(text.len());
        let mut from = Vec::with_capacity(text.len());
        let mut buf = [0u8; 4];
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            if x.is_ascii() {
                // The common case, a byte at a time, without the Unicode tables.
                if !separator(char::from(x)) {
                    bytes.push(x.to_ascii_lowercase());
                    from.push((i as u32, i as u32 + 1));
                }
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
            let len = c.len_utf8();
            if !separator(c) {
                let range = (i as u32, (i + len) as u32);
                for l in c.to_lowercase() {
                    for &lb in l.encode_utf8(&mut buf).as_bytes() {
                        bytes.push(lb);
                        from.push(range);
                    }
                }
            }
            i += len;
        }
        Skeleton { bytes, from }
    }
}

/// The canonical spelling of one value (see [`Skeleton`]).
fn canonical(value: &str) -> String {
    value.chars().filter(|&c| !separator(c)).flat_map(char::to_lowercase).collect()
}

/// True for a combining mark (the main combining blocks): it belongs to the character
/// before it, so gluing is judged by that one.
fn mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// True if `a` and `b` glue into one word or number: both letters or both digits.
fn glued(a: char, b: char) -> bool {
    (a.is_alphabetic() && b.is_alphabetic()) || (a.is_numeric() && b.is_numeric())
}

/// True if `start..end` of `text` is not glued to the letters or digits around it: a
/// digit run does not go on into digits, nor a word into letters (`4711` is not part
/// of `47112`, `Huber` not of `Huberstraße`; `IBAN:DE89…` and `Tel0664…` stand alone).
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let (Some(first), Some(last)) = (text[start..end].chars().next(), text[..end].chars().next_back()) else {
        return false;
    };
    let before = text[..start].chars().rev().find(|&c| !mark(c)).is_some_and(|c| glued(c, first));
    let after = text[end..].chars().next().is_some_and(|c| glued(last, c));
    !before && !after
}

/// `kept` (sorted by start, disjoint, offsets into `text`) plus a copy of a candidate
/// for every other place its value stands in `text`, sorted by start.
pub(super) fn with_repeats(text: &str, mut kept: Vec<Candidate>) -> Vec<Candidate> {
    if kept.is_empty() {
        return kept;
    }
    // One pattern per distinct value; the first candidate of a value is its model.
    let mut keys: Vec<String> = Vec::new();
    let mut models: Vec<usize> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for (i, c) in kept.iter().enumerate() {
        let key = canonical(&text[c.start..c.end]);
        if key.chars().any(char::is_alphanumeric) && seen.insert(key.clone()) {
            keys.push(key);
            models.push(i);
        }
    }
    // Every match, overlapping ones too: a leftmost-longest search could take a value
    // glued to the first digit of the next one and miss the value itself.
    let Ok(ac) = AhoCorasick::builder().match_kind(MatchKind::Standard).build(&keys) else {
        return kept;
    };
    let sk = Skeleton::of(text);
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for m in ac.find_overlapping_iter(&sk.bytes) {
        let (start, end) = (sk.from[m.start()].0 as usize, sk.from[m.end() - 1].1 as usize);
        // Already found, or part of another finding?
        let k = kept.partition_point(|c| c.end <= start);
        if k < kept.len() && kept[k].start < end {
            continue;
        }
        let p = m.pattern().as_usize();
        let model = &kept[models[p]];
        let short = keys[p].chars().filter(|c| c.is_alphanumeric()).count() < MIN_CANONICAL;
        if stands_alone(text, start, end) && (!short || text[start..end] == text[model.start..model.end]) {
            found.push((start, end, p));
        }
    }
    // Left to right, the longest first where two start together, none overlapping.
    found.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut added: Vec<Candidate> = Vec::new();
    for (start, end, p) in found {
        if added.last().is_some_and(|c| c.end > start) {
            continue;
        }
        let mut c = kept[models[p]].clone();
        (c.start, c.end) = (start, end);
        added.push(c);
    }
    if !added.is_empty() {
        kept.append(&mut added);
        kept.sort_by_key(|c| c.start);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::Kind;

    fn repeats(text: &str, found: &[&str]) -> Vec<String> {
        let kept = found
            .iter()
            .map(|f| {
                let s = text.find(f).unwrap();
                Candidate::new(Kind::NationalId, s, s + f.len(), 0.9)
            })
            .collect();
        with_repeats(text, kept).iter().map(|c| text[c.start..c.end].to_string()).collect()
    }

    #[test]
    fn every_spelling_of_a_value_is_found() {
        assert_eq!(
            repeats("Steuer-ID 65929970489, Rechnung 65929970489, alt 659 299 704 89.", &["65929970489"]),
            ["65929970489", "65929970489", "659 299 704 89"]
        );
        assert_eq!(
            repeats(
                "IBAN DE89 3704 0044 0532 0130 00; nochmal: de89370400440532013000!",
                &["DE89 3704 0044 0532 0130 00"]
            ),
            ["DE89 3704 0044 0532 0130 00", "de89370400440532013000"]
        );
        assert_eq!(repeats("Maria Huber, MARIA  HUBER, maria-huber", &["Maria Huber"]).len(), 3);
    }

    #[test]
    fn only_values_that_stand_alone() {
        // Glued to letters (a word) or digits (a number): another word or number.
        assert_eq!(repeats("Huber, Huberstraße 5, AHuber, Huber.", &["Huber"]), ["Huber", "Huber"]);
        assert_eq!(repeats("4711 und 47112 und 94711", &["4711"]), ["4711"]);
        // Digits after letters (or letters after digits) are a token of their own.
        assert_eq!(repeats("4711, Tel4711, Huber, 1Huber", &["4711", "Huber"]), ["4711", "4711", "Huber", "Huber"]);
        // Short values only as written.
        assert_eq!(repeats("Li, li, Li.", &["Li"]), ["Li", "Li"]);
    }

    #[test]
    fn a_value_glued_to_the_start_of_another_is_still_found() {
        // "…1234567" + "4…": a search for the longest match would take "4366412345674".
        let t = "+43 664 1234567-4 x +43 664 1234567 +43 664 1234567";
        let last = t.rfind('+').unwrap();
        let kept = vec![Candidate::new(Kind::Phone, 0, 17, 0.9), Candidate::new(Kind::Phone, last, t.len(), 0.9)];
        let spans: Vec<&str> = with_repeats(t, kept).iter().map(|c| &t[c.start..c.end]).collect();
        assert_eq!(spans, ["+43 664 1234567-4", "43 664 1234567", "+43 664 1234567"]);
    }

    #[test]
    fn findings_stay_sorted_and_disjoint() {
        let t = "a 12345678 b 1234 5678 c 12345678";
        let out = with_repeats(t, vec![Candidate::new(Kind::Phone, 13, 22, 0.9)]);
        let spans: Vec<(usize, usize)> = out.iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(spans, [(2, 10), (13, 22), (25, 33)]);
        assert!(out.windows(2).all(|w| w[0].end <= w[1].start));
    }
}

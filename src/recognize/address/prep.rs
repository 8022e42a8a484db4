//! German streets named by a preposition and a noun, without a street-type word:
//! `Am Anger 4`, `In der Bleiche 9b`, `Zur Mühle 3`, `Unter den Linden 77`,
//! `Auf der Heide 12-14`, `Im Gewerbepark C 12`.
//!
//! The shape is common in prose (`Im Jahr 2023`, `Am Montag 3 Pakete`, `Auf Seite 12`), so
//! it is a street only with address evidence: a postal code right after it (same line or
//! the next), an address word earlier on its line (`Adresse`, `Anschrift`, `wohne`, …) or
//! a street field; and never when the noun is a calendar, quantity or document word.

use super::de::amount_after;
use super::house::house_number;
use crate::tokens::{Tokens, T};
use crate::words::streets::{street_compound, DE_STREET_PREPS, DE_TYPES, NOT_PREP_STREET};

/// A preposition street starting at token `i`: (first, last, score).
pub(super) fn prep_street(tk: &Tokens<'_>, i: usize, field_street: bool) -> Option<(usize, usize, f32)> {
    let n = tk.v.len();
    if !tk.is_word(i) || !(tk.v[i].cap || tk.all_lower) || !DE_STREET_PREPS.contains(&tk.low(i)) {
        return None;
    }
    // "am", "zur" hold their article: in chat "am anger 4" is the whole name, while
    // "auf bettina-kraus-ring 8" is a preposition before a street compound
    let fused =
        matches!(tk.low(i), "am" | "im" | "zum" | "zur" | "beim" | "unterm" | "hinterm" | "vorm" | "überm" | "aufm");
    let mut k = i + 1;
    if k < n && tk.is_word(k) && tk.v[k].nl == 0 && matches!(tk.low(k), "der" | "den" | "dem" | "die" | "das") {
        k += 1;
    }
    let mut words = 0;
    while k < n && words < 3 && tk.is_word(k) && tk.v[k].nl == 0 && (tk.v[k].cap || tk.all_lower) {
        let w = tk.low(k);
        // a single capital before the number is a block letter ("Im Gewerbepark C 12")
        if words > 0 && tk.raw(k).chars().count() == 1 {
            break;
        }
        // a street word after it is read by the compound grammar ("in der Kernstraße 5")
        if NOT_PREP_STREET.contains(&w)
            || DE_STREET_PREPS.contains(&w)
            || tk.raw(k).chars().count() < 3
            || tk.street(k)
            || !tk.v[i].cap && !fused && street_compound(w) && !DE_TYPES.contains(&w)
        {
            return None;
        }
        k += 1;
        words += 1;
    }
    if words == 0 {
        return None;
    }
    // block letter: "Gewerbepark C 12"
    if k + 1 < n
        && tk.is_word(k)
        && tk.v[k].nl == 0
        && tk.raw(k).len() == 1
        && tk.raw(k).bytes().all(|b| b.is_ascii_uppercase())
        && tk.v[k + 1].t == T::Num
    {
        k += 1;
    }
    // a house number of 1–3 digits on the same line
    if !(k < n && tk.v[k].t == T::Num && tk.v[k].nl == 0 && !tk.v[k].code && tk.v[k].e - tk.v[k].s <= 3) {
        return None;
    }
    let b = house_number(tk, k, true);
    if amount_after(tk, b) || tk.is_punct(b + 1, '%') || tk.is_punct(b + 1, '€') {
        return None;
    }
    if field_street || postcode_after(tk, b) || address_word_on_line(tk, i) {
        return Some((i, b, 0.8));
    }
    None
}

/// A postal code (`[CC-]NNNN(N)` and a word) right after token `b`, on its line or as the
/// first thing of the next line.
pub(super) fn postcode_after(tk: &Tokens<'_>, b: usize) -> bool {
    let n = tk.v.len();
    let mut k = b + 1;
    if k < n && tk.is_punct(k, ',') && tk.v[k].nl == 0 {
        k += 1;
    }
    if k + 2 < n && tk.v[k].t == T::Word && tk.is_punct(k + 1, '-') && tk.raw(k).len() <= 2 {
        k += 2;
    }
    k + 1 < n
        && tk.v[k].t == T::Num
        && matches!(tk.v[k].e - tk.v[k].s, 4 | 5)
        && tk.v[k].nl <= 1
        && tk.v[k + 1].t == T::Word
        && tk.v[k + 1].nl == 0
}

/// An address word earlier on the line of token `i` (at most 12 tokens back):
/// `Adresse`, `Anschrift`, `Lieferadresse`, `wohne`, `wohnhaft`, `Straße:`, `address`.
pub(super) fn address_word_on_line(tk: &Tokens<'_>, i: usize) -> bool {
    let mut p = i;
    let lo = i.saturating_sub(12);
    while p > lo && tk.v[p].nl == 0 {
        p -= 1;
        if tk.is_word(p) && is_address_word(tk.low(p)) {
            return true;
        }
    }
    false
}

/// Words that announce an address (German, with Swiss spelling, and English).
fn is_address_word(w: &str) -> bool {
    w.ends_with("adresse")
        || w.ends_with("anschrift")
        || w.ends_with("address")
        || w.starts_with("adress")
        || w.starts_with("adräss")
        || w == "adres"
        || matches!(
            w,
            "wohne"
                | "wohnen"
                | "wohnt"
                | "wohn"
                | "wohnhaft"
                | "wohnort"
                | "straße"
                | "strasse"
                | "str"
                | "umgezogen"
                | "gezogen"
                | "ziehe"
                | "ziehen"
                | "adr"
        )
}

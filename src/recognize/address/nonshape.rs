//! Address lines without the street-word + number shape: PO boxes (`Postfach 12 34`,
//! `PO Box 4471`, `Case postale 12`, `Casella postale 45`, `Apartado 123`,
//! `Postbus 51`), and British/Irish house names (`The Old Forge`, `Rose Cottage`) where
//! an address is expected: typed into a street field, or before an English street.

use crate::entity::Kind;
use crate::tokens::{Tokens, T};
use crate::types::{Candidate, Input};
use crate::words::flag;
use crate::words::streets_en::HOUSE_NOUNS;

/// A PO box at token `i`: (first, last, score).
pub(super) fn po_box(tk: &Tokens<'_>, i: usize) -> Option<(usize, usize, f32)> {
    let n = tk.v.len();
    if !tk.is_word(i) || !(tk.v[i].cap || tk.all_lower) {
        return None;
    }
    let mut k = match tk.low(i) {
        "postfach" | "postbus" | "postbox" | "postlagerfach" | "apartado" => i + 1,
        "po" | "p" => {
            // PO Box, P.O. Box, P. O. Box
            let mut k = i + 1;
            if tk.is_punct(k, '.') {
                k += 1;
                if tk.is_word(k) && tk.low(k) == "o" {
                    k += 1;
                    if tk.is_punct(k, '.') {
                        k += 1;
                    }
                } else {
                    return None;
                }
            } else if tk.low(i) == "p" {
                return None;
            }
            if !(tk.is_word(k) && tk.low(k) == "box") {
                return None;
            }
            k + 1
        }
        "case" | "casella" | "boîte" | "boite" if tk.is_word(i + 1) && tk.low(i + 1) == "postale" => i + 2,
        _ => return None,
    };
    // "Apartado de Correos 123"
    if tk.low(i) == "apartado" && tk.is_word(k) && tk.low(k) == "de" && tk.is_word(k + 1) && tk.low(k + 1) == "correos"
    {
        k += 2;
    }
    if tk.is_punct(k, '.') || tk.is_punct(k, ':') {
        k += 1;
    }
    if !(k < n && tk.v[k].t == T::Num && tk.v[k].nl == 0 && !tk.v[k].code && tk.v[k].e - tk.v[k].s <= 6) {
        return None;
    }
    // groups of two after the first ("Postfach 10 12 34"); a 4–5 digit group is the postal code
    let mut last = k;
    while last + 1 < n
        && tk.v[last + 1].t == T::Num
        && tk.v[last + 1].nl == 0
        && tk.v[last + 1].e - tk.v[last + 1].s == 2
    {
        last += 1;
    }
    Some((i, last, 0.8))
}

/// A house name at token `i` (1–4 capitalised words ending in a house noun, or starting
/// with `The`) followed by `,` and a number: returns the token after the comma.
pub(super) fn house_name_before(tk: &Tokens<'_>, i: usize) -> Option<usize> {
    let n = tk.v.len();
    // the name starts here, not inside a run of capitalised words ("Tracy Hall")
    if i > 0 && tk.is_word(i - 1) && tk.v[i - 1].cap && tk.v[i].nl == 0 {
        return None;
    }
    let mut k = i;
    while k < n && k - i < 4 && tk.is_word(k) && tk.v[k].cap && (k == i || tk.v[k].nl == 0) {
        k += 1;
    }
    if k == i || !(tk.is_punct(k, ',') && k + 1 < n && tk.v[k + 1].t == T::Num && tk.v[k + 1].nl == 0) {
        return None;
    }
    let named = HOUSE_NOUNS.contains(&tk.low(k - 1)) || tk.low(i) == "the" && k - i >= 2;
    // "Tracy Hall, 1995 Ian Expressway": a given name and a surname, not a house
    let person = k - i == 2
        && tk.has(i, flag::GIVEN_F | flag::GIVEN_AMB_F)
        && (tk.has(k - 1, flag::SURNAME_F) || SURNAME_HOUSES.contains(&tk.low(k - 1)));
    (named && !person).then_some(k + 1)
}

/// House nouns that are also English surnames (`Hall`, `Mill`, `House`).
const SURNAME_HOUSES: &[&str] =
    &["hall", "mill", "house", "court", "croft", "chapel", "lodge", "farm", "grange", "manor", "barn", "dairy", "mews"];

/// A whole street-field value without digits (`The Old Forge`, `Rose Cottage`): a house
/// name of 1–5 words.
pub(super) fn bare_house_name(input: &Input<'_>, out: &mut Vec<Candidate>) {
    let t = input.text;
    let trimmed = t.trim();
    if trimmed.is_empty() || trimmed.len() > 60 || trimmed.split_whitespace().count() > 5 {
        return;
    }
    if !trimmed.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '\'' | ',')) {
        return;
    }
    if !trimmed.chars().next().is_some_and(char::is_uppercase) {
        return;
    }
    let s = trimmed.as_ptr() as usize - t.as_ptr() as usize;
    out.push(Candidate::new(Kind::StreetAddress, s, s + trimmed.len(), 0.6));
}

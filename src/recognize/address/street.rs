//! Streets by the language family of their grammar: which grammar applies at a token
//! ([`street_at`]), English flats before a street (`Flat 3, 12 Baker Street`), Romance
//! types that lead (`Via Roma 5`, `Calle Mayor, 3`, `C/ Mayor 3`) and French numbers
//! first (`12 bis, rue de la Paix`). German/Dutch streets are in `de.rs`, English ones
//! in `en.rs`.

use super::de::de_street;
use super::en::en_street;
use super::house::{house_number, is_house_num, unit_details};
use super::nonshape::{house_name_before, po_box};
use super::prep::prep_street;
use crate::tokens::{Tokens, T};
use crate::words::flag;
use crate::words::streets::{DE_TYPES, FR_TYPES};

/// How far ahead of a word the number of a street starting at it can be, in tokens:
/// `Ground Floor Flat, Jubilee Court, 88 Station Road` has it 8 tokens after the first
/// word, a lead type reads at most 8 tokens ahead, every other grammar fewer (see
/// [`street_at`]).
pub(super) const NUM_REACH: usize = 8;

/// A street starting at token `i`: (first, last, score). `next_num`: the first number
/// token after `i` (or any index past the tokens when there is none); every grammar
/// that starts at a word needs a number within [`NUM_REACH`] tokens, and those that
/// read only words before it need it nearer, so a word farther from a number is
/// passed by a subtraction (most words of a text are).
pub(super) fn street_at(tk: &Tokens<'_>, i: usize, next_num: usize, field_street: bool) -> Option<(usize, usize, f32)> {
    let t = &tk.v[i];
    if t.code {
        return None;
    }
    if t.t == T::Word {
        let d = next_num - i;
        if d > NUM_REACH {
            return None;
        }
        let w = tk.low(i);
        // German/Dutch compound or standalone type: word + house number
        let num_follows = is_house_num(tk, i + 1) || tk.is_punct(i + 1, '.') && is_house_num(tk, i + 2);
        let compound = num_follows && crate::words::streets::street_compound(w);
        let standalone = num_follows && DE_TYPES.contains(&w);
        if compound || standalone {
            return de_street(tk, i, w, standalone);
        }
        if !may_lead_to_number(tk, i, w, next_num) {
            return None;
        }
        // A PO box (`P. O. Box: 12`) and a preposition street (`In der Alten Au C 12`)
        // have only words and marks before their number, at most six tokens on.
        if d <= 6 {
            if let Some(s) = po_box(tk, i) {
                return Some(s);
            }
            if let Some(s) = prep_street(tk, i, field_street) {
                return Some(s);
            }
        }
        if let Some(s) = flat_street(tk, i) {
            return Some(s);
        }
        return lead_type_street(tk, i, w);
    }
    if t.t == T::Num && t.e - t.s <= 6 {
        // Each grammar starting at a number reads a word right after it (`2nd Floor`,
        // `12 Baker Street`, `12 rue …`) or, French only, after a comma (`12, rue …`):
        // numbers before other marks (dates, times, amounts) start none.
        if !(tk.is_word(i + 1) || tk.is_punct(i + 1, ',')) {
            return None;
        }
        return flat_street(tk, i).or_else(|| fr_street(tk, i)).or_else(|| en_street(tk, i));
    }
    None
}

/// Can a street other than a German one start at word `i` (`w`, lower case) whose next
/// number token is `next_num`? They start with a word of a closed set
/// ([`lead_word`](crate::words::streets::lead_word): PO box, preposition, floor and flat words, `C/`) or a lead type
/// (`Via`, `rue`), or a house name ends with a comma right before the number (`Rose
/// Cottage, 4 Mill Lane`). One hash probe instead of trying each grammar's word list.
fn may_lead_to_number(tk: &Tokens<'_>, i: usize, w: &str, next_num: usize) -> bool {
    // every grammar but the Polish `ul.` needs a capital or a text without any
    if !(tk.v[i].cap || tk.all_lower) && w != "ul" {
        return false;
    }
    tk.has(i, flag::LEAD_TYPE)
        || tk.v[i].cap && next_num - i <= 5 && tk.is_punct(next_num - 1, ',')
        || crate::words::streets::lead_word(w)
}

/// A flat, unit or floor before an English street: `Flat 3, 12 Baker Street`,
/// `2nd Floor Flat, 18 Cromwell Road`, `Flat 12, Jubilee Court, 88 Station Road`.
fn flat_street(tk: &Tokens<'_>, i: usize) -> Option<(usize, usize, f32)> {
    let n = tk.v.len();
    let mut m = flat_prefix(tk, i)?;
    if tk.is_punct(m, ',') {
        m += 1;
    }
    // a building name between: "Jubilee Court,", "The Maltings,"
    let mut k = m;
    while k < n && k - m < 3 && tk.is_word(k) && tk.v[k].cap && tk.v[k].nl == 0 {
        k += 1;
    }
    if k > m && tk.is_punct(k, ',') && k + 1 < n && tk.v[k + 1].nl == 0 {
        m = k + 1;
    }
    if m < n && tk.v[m].t == T::Num && tk.v[m].nl == 0 {
        if let Some((_, b, sc)) = en_street(tk, m) {
            return Some((i, b, sc));
        }
    }
    None
}

/// `Flat 3`, `Apt. 4B`, `Unit 7`, `2nd Floor [Flat]`, `Ground Floor Flat` at token `i`:
/// the token after it.
fn flat_prefix(tk: &Tokens<'_>, i: usize) -> Option<usize> {
    let n = tk.v.len();
    let floor_at = |k: usize| {
        let mut k = k;
        if !(k < n && tk.is_word(k) && tk.low(k) == "floor" && tk.v[k].nl == 0) {
            return None;
        }
        k += 1;
        if k < n && tk.is_word(k) && tk.v[k].nl == 0 && matches!(tk.low(k), "flat" | "apartment") {
            k += 1;
        }
        Some(k)
    };
    if tk.v[i].t == T::Num && tk.v[i].e - tk.v[i].s <= 2 {
        // "2nd Floor Flat"
        let o = i + 1;
        if o < n && tk.is_word(o) && tk.v[o].s == tk.v[i].e && matches!(tk.low(o), "st" | "nd" | "rd" | "th") {
            return floor_at(o + 1);
        }
        return None;
    }
    if !(tk.is_word(i) && tk.v[i].cap) {
        return None;
    }
    // "Rose Cottage, 4 Mill Lane"
    if let Some(k) = house_name_before(tk, i) {
        return Some(k);
    }
    let w = tk.low(i);
    if matches!(w, "ground" | "first" | "second" | "third" | "top" | "basement" | "lower" | "upper") {
        return floor_at(i + 1);
    }
    if !matches!(w, "flat" | "apartment" | "apt" | "unit" | "suite") {
        return None;
    }
    let mut k = i + 1;
    if tk.is_punct(k, '.') {
        k += 1;
    }
    if !(k < n && tk.v[k].t == T::Num && tk.v[k].nl == 0) {
        return None;
    }
    k += 1;
    if k < n && tk.v[k].t == T::Word && !tk.v[k].sp && tk.raw(k).len() == 1 {
        k += 1;
    }
    Some(k)
}

/// Via Roma 5 / Calle Mayor, 3 / Piazza Vito 54: the street type leads, the name and
/// the house number follow.
fn lead_type_street(tk: &Tokens<'_>, i: usize, w: &str) -> Option<(usize, usize, f32)> {
    let n = tk.v.len();
    let c_abbrev = w == "c" && tk.v[i].cap && (tk.is_punct(i + 1, '.') || tk.is_punct(i + 1, '/'));
    // a lead type needs a number within the next few tokens
    let num_near = || (i + 1..(i + 9).min(n)).any(|k| tk.v[k].t == T::Num);
    // Polish "ul." is written in lower case
    let pl_abbrev = w == "ul" && tk.abbrev(i);
    if !((tk.v[i].cap || tk.all_lower || pl_abbrev) && (c_abbrev || tk.has(i, flag::LEAD_TYPE)) && num_near()) {
        return None;
    }
    let mut k = i + 1;
    if tk.is_punct(k, '.') || tk.is_punct(k, '/') {
        k += 1;
    }
    let mut words = 0;
    while k < n
        && words < 5
        && tk.v[k].nl == 0
        && tk.is_word(k)
        && (tk.v[k].cap
            || matches!(
                tk.low(k),
                "de" | "la"
                    | "del"
                    | "della"
                    | "di"
                    | "dei"
                    | "delle"
                    | "degli"
                    | "los"
                    | "las"
                    | "el"
                    | "des"
                    | "du"
                    | "le"
                    | "d'"
                    | "dels"
                    | "da"
                    | "do"
            )
            || tk.all_lower)
    {
        k += 1;
        words += 1;
    }
    if words == 0 {
        return None;
    }
    let mut m = k;
    if tk.is_punct(m, ',') {
        m += 1;
    }
    if m < n && tk.is_word(m) && matches!(tk.low(m), "n" | "nº" | "no" | "nr" | "num") {
        m += 1;
        if tk.is_punct(m, '.') || tk.is_punct(m, 'º') || tk.is_punct(m, '°') {
            m += 1;
        }
    }
    if is_house_num(tk, m) {
        let b = house_number(tk, m, true);
        return Some((i, b, 0.8));
    }
    None
}

/// French: `12 [bis] [,] rue de la Paix`.
fn fr_street(tk: &Tokens<'_>, i: usize) -> Option<(usize, usize, f32)> {
    let n = tk.v.len();
    let mut k = i + 1;
    if k < n && tk.is_word(k) && matches!(tk.low(k), "bis" | "ter" | "b" | "a") && tk.v[k].nl == 0 {
        k += 1;
    }
    if tk.is_punct(k, ',') {
        k += 1;
    }
    if k < n && tk.is_word(k) && tk.v[k].nl == 0 && FR_TYPES.contains(&tk.low(k)) && !tk.v[k].cap
        || k < n
            && tk.is_word(k)
            && tk.v[k].nl == 0
            && FR_TYPES.contains(&tk.low(k))
            && matches!(tk.low(k), "rue" | "boulevard" | "impasse" | "allée" | "chemin" | "quai")
    {
        let mut m = k + 1;
        let mut last = k;
        let mut words = 0;
        while m < n
            && words < 6
            && tk.v[m].nl == 0
            && tk.is_word(m)
            && (tk.v[m].cap
                || matches!(tk.low(m), "de" | "la" | "du" | "des" | "le" | "les" | "d'" | "l'" | "et" | "sur" | "en")
                || tk.low(m).starts_with("d'")
                || tk.low(m).starts_with("l'")
                || tk.all_lower)
        {
            last = m;
            m += 1;
            words += 1;
        }
        if words > 0 && tk.v[last].cap | tk.all_lower {
            return Some((i, unit_details(tk, last), 0.8));
        }
    }
    None
}

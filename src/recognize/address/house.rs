//! House numbers and the unit details after them: letters (`12a`, `12 a`), `bis`/`ter`
//! (`3bis`, `118 bis`), `/3/29`, ranges (`12-14`, `7-III`), Spanish floor and door
//! (`5º C`, `4º izq.`), and a chain of floor and unit details (`Stiege 2, Tür 14`,
//! `Top 4`, `3. OG links`, `Hinterhaus 1. Stock`, `scala B, int. 7`, `Appt 34`, `bus 3`).
//! The details are a closed vocabulary, read only after a recognised street.

use crate::tokens::{Tokens, T};
use crate::words::streets::{DE_DETAILS, FLOOR_WORDS, HOUSE_PARTS};

/// End of a house number starting at token `i` (a `Num`), with letters, `/3/29`,
/// ranges and unit details. Returns the index of the last token.
pub(super) fn house_number(tk: &Tokens<'_>, i: usize, de_details: bool) -> usize {
    let n = tk.v.len();
    let mut last = i;
    let mut k = i + 1;
    // 12a, 3bis (same chunk); 12 a, 118 bis (one space, then the end of the number)
    if k < n && tk.v[k].t == T::Word && tk.v[k].nl == 0 && letter_suffix(tk, k) && (!tk.v[k].sp || ends_here(tk, k + 1))
    {
        last = k;
        k += 1;
    }
    // /3/29, -14, 12-14, 7-III
    while k + 1 < n && matches!(tk.v[k].t, T::Punct('/' | '-')) && tk.v[k].nl == 0 && tk.v[k + 1].nl == 0 {
        let roman = tk.v[k + 1].t == T::Word
            && tk.v[k + 1].s == tk.v[k].e
            && tk.raw(k + 1).len() <= 4
            && tk.raw(k + 1).bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
        if !(roman || tk.v[k + 1].t == T::Num && tk.v[k + 1].e - tk.v[k + 1].s <= 4) {
            break;
        }
        // "104/3. OG links": the ordinal after the slash is a floor, read below
        if tk.v[k].t == T::Punct('/') && floor(tk, k + 1).is_some() {
            break;
        }
        last = k + 1;
        k += 2;
        if k < n && tk.v[k].t == T::Word && !tk.v[k].sp && tk.raw(k).chars().count() == 1 {
            last = k;
            k += 1;
        }
    }
    if !de_details {
        return last;
    }
    unit_details(tk, last)
}

/// A letter or `bis`/`ter`/`quater` after a house number at token `k`.
fn letter_suffix(tk: &Tokens<'_>, k: usize) -> bool {
    tk.raw(k).chars().count() == 1 || matches!(tk.low(k), "bis" | "ter" | "quater")
}

/// Does the house number end before token `k`: `,` `.` `/` `;`, a line break, the end of
/// the text, or a postal code?
fn ends_here(tk: &Tokens<'_>, k: usize) -> bool {
    k >= tk.v.len()
        || tk.v[k].nl > 0
        || matches!(tk.v[k].t, T::Punct(',' | '.' | '/' | ';' | ')'))
        || tk.v[k].t == T::Num && matches!(tk.v[k].e - tk.v[k].s, 4 | 5)
}

/// The floor and unit details after the house number ending at token `last`, on the same
/// line: returns the last token taken (`last` when there are none).
pub(super) fn unit_details(tk: &Tokens<'_>, last: usize) -> usize {
    let n = tk.v.len();
    let mut last = spanish_floor(tk, last);
    loop {
        let mut m = last + 1;
        if m < n && matches!(tk.v[m].t, T::Punct(',' | '/')) && tk.v[m].nl == 0 {
            m += 1;
        }
        if m >= n || tk.v[m].nl > 0 {
            break;
        }
        let got = floor(tk, m).or_else(|| house_part(tk, m)).or_else(|| numbered_detail(tk, m));
        match got {
            Some(e) => last = e,
            None => break,
        }
    }
    last
}

/// Spanish floor and door after token `last`: `, 5º C`, `, 3º izq.`.
fn spanish_floor(tk: &Tokens<'_>, last: usize) -> usize {
    let n = tk.v.len();
    let mut m = last + 1;
    if tk.is_punct(m, ',') {
        m += 1;
    }
    if !(m + 1 < n
        && tk.v[m].t == T::Num
        && tk.v[m].nl == 0
        && tk.v[m].e - tk.v[m].s <= 2
        && (matches!(tk.v[m + 1].t, T::Punct('°')) || matches!(tk.raw(m + 1), "º" | "ª")))
    {
        return last;
    }
    let mut last = m + 1;
    let k = m + 2;
    if k < n
        && tk.v[k].t == T::Word
        && tk.v[k].nl == 0
        && (tk.raw(k).chars().count() == 1
            || matches!(tk.low(k), "izq" | "izda" | "dcha" | "der" | "izquierda" | "derecha" | "centro" | "ctro"))
    {
        last = abbrev_dot(tk, k);
    }
    last
}

/// Token `k`, or the full stop written right after it (`izq.`, `int.`).
fn abbrev_dot(tk: &Tokens<'_>, k: usize) -> usize {
    if tk.is_punct(k + 1, '.') && tk.v[k + 1].s == tk.v[k].e && tk.raw(k).chars().count() <= 4 {
        k + 1
    } else {
        k
    }
}

/// A floor at token `m`: `3. OG`, `1. Stock`, `2. Etage`, `EG`, `DG`, with a side after
/// it (`links`, `rechts`, `Mitte`): returns its last token.
fn floor(tk: &Tokens<'_>, m: usize) -> Option<usize> {
    let n = tk.v.len();
    let mut k = m;
    if tk.v[m].t == T::Num && tk.v[m].e - tk.v[m].s <= 2 && tk.is_punct(m + 1, '.') && tk.v[m + 1].s == tk.v[m].e {
        k = m + 2;
        if !(k < n && tk.is_word(k) && tk.v[k].nl == 0 && FLOOR_WORDS.contains(&tk.low(k))) {
            return None;
        }
    } else if !(tk.is_word(m) && matches!(tk.low(m), "eg" | "dg" | "ug" | "hochparterre" | "parterre" | "souterrain")) {
        return None;
    }
    let mut last = abbrev_dot(tk, k);
    let s = last + 1;
    if s < n && tk.is_word(s) && tk.v[s].nl == 0 && matches!(tk.low(s), "links" | "rechts" | "mitte" | "li" | "re") {
        last = abbrev_dot(tk, s);
    }
    Some(last)
}

/// A part of the house at token `m` (`Hinterhaus`, `Vorderhaus`, `Seitenflügel`),
/// with a floor after it (`Hinterhaus 1. Stock`): returns its last token.
fn house_part(tk: &Tokens<'_>, m: usize) -> Option<usize> {
    if !(tk.is_word(m) && HOUSE_PARTS.contains(&tk.low(m))) {
        return None;
    }
    let k = m + 1;
    if k < tk.v.len() && tk.v[k].nl == 0 {
        if let Some(e) = floor(tk, k) {
            return Some(e);
        }
    }
    Some(m)
}

/// A detail word with its number or letter at token `m`: `Stiege 2`, `Tür 14`, `Top 4`,
/// `scala B`, `int. 7`, `Appt 34`, `bus 3`: returns its last token.
fn numbered_detail(tk: &Tokens<'_>, m: usize) -> Option<usize> {
    let n = tk.v.len();
    if !(tk.v[m].t == T::Word && DE_DETAILS.contains(&tk.low(m))) {
        return None;
    }
    let mut d = m + 1;
    if tk.is_punct(d, '.') {
        d += 1;
    }
    if tk.is_punct(d, '#') {
        d += 1;
    }
    if !(d < n && tk.v[d].nl == 0) {
        return None;
    }
    if tk.v[d].t == T::Num && tk.v[d].e - tk.v[d].s <= 3 {
        if d + 1 < n && tk.v[d + 1].t == T::Word && !tk.v[d + 1].sp && tk.raw(d + 1).chars().count() == 1 {
            return Some(d + 1);
        }
        return Some(d);
    }
    // a block or staircase letter: "scala B", "Stiege A"
    if tk.v[d].t == T::Word && tk.raw(d).len() == 1 && tk.raw(d).bytes().all(|b| b.is_ascii_uppercase()) {
        return Some(d);
    }
    None
}

/// Is token `i` a house number (1–4 digits, optionally a letter)?
pub(super) fn is_house_num(tk: &Tokens<'_>, i: usize) -> bool {
    i < tk.v.len() && tk.v[i].t == T::Num && tk.v[i].e - tk.v[i].s <= 4 && tk.v[i].nl == 0 && !tk.v[i].code
}

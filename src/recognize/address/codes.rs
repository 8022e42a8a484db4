//! Postal codes without a city beside them: a bare code after a cue in its national
//! shape (`zip 10025`, `my zip is 98103`, `PLZ: 80331`, `CP 28013`), a whole postal-code
//! field, and Irish Eircodes (`D06 W9C3`, `T12 XK4P`) with address context, keeping
//! the town, county or Dublin district before them on the line (`Westport, Co. Mayo
//! F28 HX52`, `Dublin 3, D03 X2Y7`).

use crate::tokens::{Tokens, T};

/// A bare postal code at token `i` after a postal-code cue: its last token (`98103`,
/// `10025-1234`).
pub(super) fn cued_code(tk: &Tokens<'_>, i: usize) -> Option<usize> {
    let n = tk.v.len();
    let t = &tk.v[i];
    if !(t.t == T::Num && !t.code && matches!(t.e - t.s, 4 | 5) && t.nl == 0) {
        return None;
    }
    // not part of a longer number ("98103 4471", "10025.5")
    if i + 1 < n && tk.v[i + 1].nl == 0 && (tk.v[i + 1].t == T::Num || tk.v[i + 1].s == t.e && tk.is_word(i + 1)) {
        return None;
    }
    if i > 0 && tk.v[i - 1].e == t.s && matches!(tk.v[i - 1].t, T::Num | T::Punct('.' | '/' | '-' | '+' | '€' | '$'))
    {
        return None;
    }
    if !cue_before(tk, i) {
        return None;
    }
    // ZIP+4
    if t.e - t.s == 5
        && i + 2 < n
        && tk.is_punct(i + 1, '-')
        && tk.v[i + 2].t == T::Num
        && tk.v[i + 2].e - tk.v[i + 2].s == 4
    {
        return Some(i + 2);
    }
    Some(i)
}

/// A postal-code cue just before token `i`, over `is`, `ist`, `lautet`, `code`, `:`, `=`.
fn cue_before(tk: &Tokens<'_>, i: usize) -> bool {
    let mut p = i;
    let mut steps = 0;
    while p > 0 && steps < 4 && tk.v[p].nl == 0 {
        p -= 1;
        steps += 1;
        match tk.v[p].t {
            T::Punct(':' | '=' | '#' | '-') => continue,
            T::Word => {}
            _ => return false,
        }
        let w = tk.low(p);
        if matches!(w, "zip" | "zipcode" | "postcode" | "postleitzahl" | "plz" | "cap" | "cp" | "eircode") {
            return true;
        }
        // "postal code", "code postal", "post code"
        if w == "code" && p > 0 && tk.is_word(p - 1) && matches!(tk.low(p - 1), "postal" | "post") {
            return true;
        }
        if w == "postal" && p > 0 && tk.is_word(p - 1) && tk.low(p - 1) == "code" {
            return true;
        }
        if !matches!(w, "is" | "ist" | "lautet" | "code" | "my" | "meine" | "die" | "new" | "neue" | "billing") {
            return false;
        }
    }
    false
}

/// A whole field value that is only a postal code (`80331`, `A-1010`, `10025-1234`).
pub(super) fn whole_code(text: &str) -> Option<(usize, usize)> {
    let t = text.trim();
    let s = t.as_ptr() as usize - text.as_ptr() as usize;
    let body = match t.split_once('-') {
        Some((p, rest)) if p.len() <= 2 && p.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        Some((zip, four)) if zip.len() == 5 && four.len() == 4 => {
            return (zip.bytes().all(|b| b.is_ascii_digit()) && four.bytes().all(|b| b.is_ascii_digit()))
                .then_some((s, s + t.len()));
        }
        _ => t,
    };
    (matches!(body.len(), 4 | 5) && body.bytes().all(|b| b.is_ascii_digit())).then_some((s, s + t.len()))
}

/// The Eircode alphabet of the unique identifier (digits and these letters).
fn eircode_char(c: u8) -> bool {
    c.is_ascii_digit() || b"ACDEFHKNPRTVWXY".contains(&c.to_ascii_uppercase())
}

/// An Eircode starting at token `i`: its last token. Routing key (a letter and two
/// digits, or `D6W`), an optional space, four characters of the Eircode alphabet.
pub(super) fn eircode(tk: &Tokens<'_>, i: usize) -> Option<usize> {
    let t = &tk.v[i];
    if !(t.t == T::Word && !t.code && t.e - t.s == 1) {
        return None;
    }
    if i > 0 && tk.v[i - 1].e == t.s && !matches!(tk.v[i - 1].t, T::Punct(',' | '(' | ':')) {
        return None;
    }
    let b = tk.text.as_bytes();
    let s = t.s;
    let upper = |c: u8| c.is_ascii_uppercase() || tk.all_lower && c.is_ascii_lowercase();
    if s + 7 > b.len() || !upper(b[s]) {
        return None;
    }
    let key = b[s + 1].is_ascii_digit() && b[s + 2].is_ascii_digit() || b[s..s + 3].eq_ignore_ascii_case(b"D6W");
    if !key {
        return None;
    }
    let mut u = s + 3;
    if b.get(u) == Some(&b' ') {
        u += 1;
    }
    if u + 4 > b.len() || !b[u..u + 4].iter().all(|&c| eircode_char(c) && (c.is_ascii_digit() || upper(c))) {
        return None;
    }
    // at least one letter and one digit among the four, and the code ends there
    let id = &b[u..u + 4];
    if !(id.iter().any(u8::is_ascii_digit) && id.iter().any(u8::is_ascii_alphabetic)) {
        return None;
    }
    if b.get(u + 4).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let end = u + 4;
    (i..tk.v.len()).take(8).find(|&k| tk.v[k].e == end)
}

/// Address context for an Eircode at token `a`: an `Eircode` cue, a county or Dublin
/// district before it on the line, a comma after a town, or the code alone in the text.
pub(super) fn eircode_context(tk: &Tokens<'_>, a: usize, b: usize) -> bool {
    // alone in the text, or alone on its line (a code line of an address block)
    let line_end = b + 1 == tk.v.len() || tk.v[b + 1].nl > 0;
    let alone = (a == 0 || tk.v[a].nl > 0) && line_end;
    let cue = (a.saturating_sub(4)..a).any(|p| tk.is_word(p) && tk.low(p) == "eircode");
    alone || cue || place_before(tk, a) < a
}

/// The start of `Town, Co. County`, `Co. County`, `County Cork` or `Dublin 3,` before
/// token `a` on its line (`a` when there is none).
pub(super) fn place_before(tk: &Tokens<'_>, a: usize) -> usize {
    if a == 0 || tk.v[a].nl > 0 {
        return a;
    }
    let mut p = a;
    if tk.is_punct(p - 1, ',') {
        p -= 1;
    }
    let mut start = a;
    // "Co. Mayo", "County Cork"
    if p >= 3 && tk.is_word(p - 1) && tk.v[p - 1].cap && tk.is_punct(p - 2, '.') && tk.raw(p - 3) == "Co" {
        start = p - 3;
    } else if p >= 2 && tk.is_word(p - 1) && tk.v[p - 1].cap && tk.raw(p - 2) == "County" {
        start = p - 2;
    } else if p >= 2 && tk.v[p - 1].t == T::Num && tk.v[p - 1].e - tk.v[p - 1].s <= 2 && tk.raw(p - 2) == "Dublin" {
        // "Dublin 3, D03 X2Y7"
        return p - 2;
    }
    if start == a || tk.v[start].nl > 0 {
        return start;
    }
    // "Westport, Co. Mayo"
    if start >= 2 && tk.is_punct(start - 1, ',') && tk.is_word(start - 2) && tk.v[start - 2].cap {
        let mut t = start - 2;
        while t > 0 && tk.is_word(t - 1) && tk.v[t - 1].cap && tk.v[t].nl == 0 && start - t < 4 {
            t -= 1;
        }
        if tk.v[start - 1].nl == 0 {
            return t;
        }
    }
    start
}

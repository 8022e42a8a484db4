//! City names beside a postal code: the words after it (`1010 Wien`, `Frankfurt a. M.`,
//! `Biel/Bienne`, `Frankfurt (Oder)`, `Sankt Goar` in lower case, linkers such as `am`,
//! `an der`, `sur`), the words before a UK postcode or US state (`Leeds LS6 2AB`,
//! `Springfield, IL`), and a bare city typed into a city field.

use crate::entity::Kind;
use crate::tokens::{Tokens, T};
use crate::types::{Candidate, Input};
use crate::words::streets::NOT_CITY;
use crate::words::streets_en::US_STATES;

/// A whole field value that reads like a place name (letters, spaces, hyphens, dots).
pub(super) fn bare_city(input: &Input<'_>, out: &mut Vec<Candidate>) {
    let t = input.text;
    let trimmed = t.trim_matches(|c: char| !(c.is_alphanumeric() || c == ')' || c == '.'));
    if trimmed.is_empty() || trimmed.len() > 60 {
        return;
    }
    if !trimmed.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '\'' | '(' | ')' | '/' | ',')) {
        return;
    }
    if trimmed.split_whitespace().count() > 5 {
        return;
    }
    let s = trimmed.as_ptr() as usize - t.as_ptr() as usize;
    out.push(Candidate::new(Kind::PostalCity, s, s + trimmed.len(), 0.35));
}

/// City words after a postal code at token `c`: returns the last token. `lower_ok`:
/// the code has strong evidence of its own, so a lower-case city is read in mixed-case
/// text too (`Hauptstraße 5, 1210 wien`).
pub(super) fn city_after(tk: &Tokens<'_>, c: usize, lower_ok: bool) -> Option<usize> {
    let n = tk.v.len();
    if c >= n || tk.v[c].t != T::Word || tk.v[c].nl > 0 || tk.v[c].code {
        return None;
    }
    let w = tk.low(c);
    if NOT_CITY.contains(&w)
        || !(tk.v[c].cap || tk.all_lower || tk.raw(c).chars().next().is_some_and(|ch| ch.is_lowercase()))
    {
        return None;
    }
    if tk.raw(c).chars().count() < 2 {
        return None;
    }
    // in mixed-case text a lower-case first word is a city only with strong evidence
    let lower_city = lower_ok && tk.raw(c).chars().count() >= 3 && !NOT_LOWER_CITY.contains(&w);
    if !(tk.v[c].cap || tk.all_lower || lower_city) {
        return None;
    }
    let mut last = c;
    let mut k = c + 1;
    let mut words = 1;
    // "sankt goar", "bad ischl" typed in lower case
    if !tk.v[c].cap && lower_prefix(w) && k < n && tk.is_word(k) && tk.v[k].nl == 0 {
        last = k;
        k += 1;
    }
    while k < n && words < 5 && tk.v[k].nl == 0 {
        if tk.v[k].t == T::Word {
            // any other word ends the city ("St. Gallen", "a. M." go on at the dot below)
            match city_word(tk, c, k) {
                Some(m) => {
                    last = m;
                    k = m + 1;
                    words += 1;
                    continue;
                }
                None => break,
            }
        }
        // district number: "Drosendorf-Zissersdorf 1,"
        if tk.v[k].t == T::Num
            && tk.v[k].e - tk.v[k].s <= 2
            && (k + 1 >= n || tk.is_punct(k + 1, ',') || tk.v[k + 1].nl > 0)
        {
            last = k;
            break;
        }
        match city_punct(tk, k) {
            Some(m) => {
                last = m;
                k = m + 1;
            }
            None => break,
        }
    }
    Some(last)
}

/// Lower-case words after a number that are no city even after a house number
/// (`Hauptstraße 5, 1200 wird …`).
const NOT_LOWER_CITY: &[&str] = &[
    "ist", "sind", "war", "wird", "wurde", "hat", "habe", "hatte", "the", "is", "was", "are", "you", "ich", "wir",
    "sie", "es", "er", "das", "die", "der", "den", "dem", "ein", "eine", "einen", "nicht", "noch", "auch", "nur",
    "schon", "jetzt", "aber", "als", "wie", "not", "now", "but", "also", "stk", "stück", "euro", "eur",
];

/// First words of a place name that may be typed in lower case ("sankt goar", "bad ischl").
fn lower_prefix(w: &str) -> bool {
    matches!(
        w,
        "sankt"
            | "st"
            | "bad"
            | "neu"
            | "markt"
            | "klein"
            | "groß"
            | "gross"
            | "hohen"
            | "ober"
            | "unter"
            | "alt"
            | "san"
            | "santa"
            | "saint"
            | "sainte"
            | "den"
            | "le"
            | "la"
            | "los"
            | "las"
            | "new"
            | "north"
            | "south"
            | "east"
            | "west"
            | "port"
            | "fort"
            | "mount"
    )
}

/// Word `k` continues the city that starts at token `c`: a capitalised word, or a linker
/// (am, im, in, an der, bei, ob, sur, sul, de, la, aan, den) and the word after it.
/// Returns the last token taken.
fn city_word(tk: &Tokens<'_>, c: usize, k: usize) -> Option<usize> {
    let n = tk.v.len();
    let w = tk.low(k);
    if matches!(
        w,
        "am" | "im"
            | "in"
            | "an"
            | "bei"
            | "ob"
            | "der"
            | "den"
            | "dem"
            | "sur"
            | "sul"
            | "de"
            | "la"
            | "le"
            | "aan"
            | "op"
            | "upon"
            | "on"
            | "del"
            | "di"
    ) && !tk.v[k].cap
    {
        let mut m = k + 1;
        while m < n && tk.is_word(m) && matches!(tk.low(m), "der" | "den" | "dem" | "la" | "le" | "del") && !tk.v[m].cap
        {
            m += 1;
        }
        if m < n
            && tk.is_word(m)
            && tk.v[m].nl == 0
            && (tk.v[m].cap || tk.all_lower)
            && !NOT_CITY.contains(&tk.low(m))
            && (tk.v[m].cap || k == c + 1)
        {
            return Some(m);
        }
        return None;
    }
    if tk.v[k].cap
        && !NOT_CITY.contains(&w)
        && !tk.street(k)
        && !matches!(
            w,
            "tel"
                | "telefon"
                | "uid"
                | "iban"
                | "can"
                | "old"
                | "alte"
                | "please"
                | "bitte"
                | "phone"
                | "mobil"
                | "email"
                | "fax"
                | "gespeichert"
                | "danke"
        )
        && tk.raw(k).chars().filter(|c| c.is_uppercase()).count() < 3
    {
        return Some(k);
    }
    None
}

/// Punctuation at `k` inside a city name ("St. Gallen", "Frankfurt a. M.", "Biel/Bienne",
/// "Frankfurt (Oder)"): returns the last token taken.
fn city_punct(tk: &Tokens<'_>, k: usize) -> Option<usize> {
    let n = tk.v.len();
    if tk.is_punct(k, '.')
        && tk.v[k].s == tk.v[k - 1].e
        && matches!(tk.low(k - 1), "st" | "a" | "i" | "b" | "d")
        && k + 1 < n
        && tk.is_word(k + 1)
    {
        return Some(k + 1);
    }
    if tk.is_punct(k, '/') && tk.v[k].s == tk.v[k - 1].e && k + 1 < n && tk.is_word(k + 1) && tk.v[k + 1].s == tk.v[k].e
    {
        // "Biel/Bienne"
        return Some(k + 1);
    }
    if tk.is_punct(k, '(') {
        // "Frankfurt (Oder)"
        if k + 2 < n && tk.is_word(k + 1) && tk.is_punct(k + 2, ')') {
            return Some(k + 2);
        }
    }
    None
}

/// City words before token `st` on the same line (for "Leeds LS6 2AB", "Springfield, IL").
pub(super) fn city_before(tk: &Tokens<'_>, st: usize, street_ends: &[usize]) -> usize {
    let mut a = st;
    let mut count = 0;
    if tk.v[st].nl > 0 {
        return st;
    }
    while a > 0 && count < 4 {
        let p = a - 1;
        if street_ends.binary_search(&p).is_ok() {
            break;
        }
        if !tk.is_word(p) {
            break;
        }
        let w = tk.low(p);
        if !(tk.v[p].cap || tk.all_lower) {
            break;
        }
        if matches!(w, "to" | "at" | "in" | "address" | "the" | "and" | "moved" | "nach" | "ship")
            || US_STATES.contains(&tk.raw(p)) && tk.raw(p).len() == 2
        {
            break;
        }
        a = p;
        count += 1;
        if tk.v[p].nl > 0 {
            break;
        }
    }
    a
}

//! Street addresses and postal code + city.
//!
//! Both are read by grammar over the shared tokenizer (see `crate::tokens`), not by lists
//! of streets or towns:
//!
//! * **Street** = a street word plus a house number. German/Dutch compounds end in a
//!   street suffix (`-straße`, `-strasse`, `-str.`, `-gasse`, `-weg`, `-platz`, `-allee`,
//!   `-ring`, `-damm`, `-ufer`, `-gürtel`, `-zeile`, `-steig`, `-straat`, `-laan`, …) or
//!   the type is its own word after capitalised words (`Lange Gasse 5`, `Am Graben 3a`);
//!   Romance types lead (`Via Roma 5`, `Calle Mayor 3`, `12 rue de la Paix`); English
//!   addresses are number + words + a USPS street suffix (`12952 West Spring Lane`),
//!   with `Flat 3,` before and `, Unit 18` / `Apt 4B` / `#589` after. The house number
//!   takes `/3/29`, letters, ranges and `Stiege 2, Tür 14`, `Top 4`.
//! * **Postal + city** = a postal code in its country's shape with the city beside it:
//!   `1010 Wien`, `A-1010 Wien`, `CH-8001 Zürich`, `80331 München`, `1012 AB Amsterdam`,
//!   `Leeds LS6 2AB` (UK postcode grammar), `Springfield, IL 62704` (state + ZIP). A
//!   4–5 digit number before a capitalised word is only a postal code with evidence:
//!   a country prefix, a street just before it, or a form field asking for it.
//! * A bare city is reported only where a form field expects a city; `I flew to Berlin`
//!   is not an address.

use super::util::Recognizer;
use crate::entity::Kind;
use crate::tokens::{Tokens, T};
use crate::types::{Candidate, Input};
use crate::words::flag;
use crate::words::streets::{DE_DETAILS, DE_TYPES, EN_SUFFIXES, EN_UNITS, FR_TYPES, NOT_CITY, US_STATES};

pub(super) struct Address;

impl Address {
    pub(super) fn new() -> Address {
        Address
    }
}

/// End of a house number starting at token `i` (a `Num`), with letters, `/3/29`,
/// ranges and unit details. Returns the index of the last token.
fn house_number(tk: &Tokens<'_>, i: usize, de_details: bool) -> usize {
    let n = tk.v.len();
    let mut last = i;
    let mut k = i + 1;
    // 12a, 12 a (single letter, same chunk or one space)
    if k < n && tk.v[k].t == T::Word && tk.v[k].nl == 0 && tk.raw(k).chars().count() == 1 && !tk.v[k].sp {
        last = k;
        k += 1;
    }
    // /3/29, -14, 12-14
    while k + 1 < n
        && matches!(tk.v[k].t, T::Punct('/' | '-'))
        && tk.v[k].nl == 0
        && tk.v[k + 1].t == T::Num
        && tk.v[k + 1].nl == 0
        && tk.v[k + 1].e - tk.v[k + 1].s <= 4
    {
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
    // Spanish floor and door: ", 5º C", ", 3º izq"
    {
        let mut m = k;
        if tk.is_punct(m, ',') {
            m += 1;
        }
        if m + 1 < n
            && tk.v[m].t == T::Num
            && tk.v[m].nl == 0
            && tk.v[m].e - tk.v[m].s <= 2
            && (matches!(tk.v[m + 1].t, T::Punct('°')) || matches!(tk.raw(m + 1), "º" | "ª"))
        {
            last = m + 1;
            k = m + 2;
            if k < n
                && tk.v[k].t == T::Word
                && tk.v[k].nl == 0
                && (tk.raw(k).chars().count() == 1
                    || matches!(tk.low(k), "izq" | "izda" | "dcha" | "der" | "izquierda" | "derecha"))
            {
                last = k;
                k += 1;
            }
        }
    }
    // , Stiege 2, Tür 14 / Top 4 / /Top 4
    loop {
        let mut m = k;
        if m < n && matches!(tk.v[m].t, T::Punct(',' | '/')) && tk.v[m].nl == 0 {
            m += 1;
        }
        if m < n && tk.v[m].t == T::Word && tk.v[m].nl == 0 && DE_DETAILS.contains(&tk.low(m)) {
            let mut d = m + 1;
            if tk.is_punct(d, '.') {
                d += 1;
            }
            if d < n && tk.v[d].t == T::Num && tk.v[d].nl == 0 && tk.v[d].e - tk.v[d].s <= 3 {
                last = d;
                k = d + 1;
                if k < n && tk.v[k].t == T::Word && !tk.v[k].sp && tk.raw(k).chars().count() == 1 {
                    last = k;
                    k += 1;
                }
                continue;
            }
        }
        break;
    }
    last
}

/// Is token `i` a house number (1–4 digits, optionally a letter)?
fn is_house_num(tk: &Tokens<'_>, i: usize) -> bool {
    i < tk.v.len() && tk.v[i].t == T::Num && tk.v[i].e - tk.v[i].s <= 4 && tk.v[i].nl == 0 && !tk.v[i].code
}

/// Capitalised words before `i` that belong to a street name (`Lange`, `Am`, `Karl-Marx-`).
fn lead_words(tk: &Tokens<'_>, i: usize, max: usize) -> usize {
    let mut a = i;
    let mut count = 0;
    while a > 0 && count < max {
        let p = a - 1;
        if tk.v[a].nl > 0 || !tk.is_word(p) {
            break;
        }
        let w = tk.low(p);
        let cap = tk.v[p].cap;
        let prep = matches!(
            w,
            "am" | "an"
                | "auf"
                | "im"
                | "in"
                | "zum"
                | "zur"
                | "unter"
                | "ober"
                | "hinter"
                | "vor"
                | "bei"
                | "der"
                | "den"
                | "dem"
                | "die"
        );
        if cap
            && (prep
                || !matches!(
                    w,
                    "adresse"
                        | "anschrift"
                        | "lieferadresse"
                        | "rechnungsadresse"
                        | "wohnhaft"
                        | "neue"
                        | "ich"
                        | "wir"
                        | "address"
                        | "to"
                        | "at"
                        | "the"
                ))
        {
            a = p;
            count += 1;
            continue;
        }
        if prep
            && !cap
            && count > 0
            && matches!(w, "der" | "den" | "dem")
            && p > 0
            && tk.is_word(p - 1)
            && tk.v[p - 1].cap
            && matches!(tk.low(p - 1), "an" | "auf" | "in" | "unter" | "hinter")
        {
            a = p - 1;
            break;
        }
        break;
    }
    a
}

impl Recognizer for Address {
    fn kinds(&self) -> &'static [Kind] {
        &[Kind::StreetAddress, Kind::PostalCity]
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let has_digit = input.bytes.iter().any(u8::is_ascii_digit);
        let field = input.field.expects;
        if !has_digit {
            // Only a bare city typed into a city field.
            if field == Some(Kind::PostalCity) {
                bare_city(input, out);
            }
            return;
        }
        let tk = input.tokens();
        let n = tk.v.len();
        let street_start = out.len();
        // street ends (token index) for postal evidence
        let mut street_ends: Vec<usize> = Vec::new();
        let mut street_spans: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < n {
            if let Some((a, b, score)) = street_at(&tk, i) {
                let mut c = Candidate::new(Kind::StreetAddress, tk.v[a].s, tk.v[b].e, score);
                c.subtype = None;
                out.push(c);
                street_ends.push(b);
                street_spans.push((a, b));
                i = b + 1;
                continue;
            }
            i += 1;
        }
        let _ = street_start;
        // postal codes
        let mut i = 0;
        let mut last_end_tok = 0usize;
        let mut span_k = 0usize; // street spans starting at or before `i`
        while i < n {
            // Street ends are ascending: the nearest one before `tok` is found by binary
            // search (a linear scan per number made long texts quadratic).
            let near_street = |tok: usize| {
                let k = street_ends.partition_point(|&e| e < tok);
                k > 0 && tok - street_ends[k - 1] <= 3 && tok >= last_end_tok
            };
            // UK postcode: outward + inward
            if let Some((pa, pb)) = uk_postcode(&tk, i) {
                let a = city_before(&tk, pa, &street_ends);
                let score = if a < pa { 0.9 } else { 0.75 };
                out.push(Candidate::new(Kind::PostalCity, tk.v[a].s, tk.v[pb].e, score));
                last_end_tok = pb + 1;
                i = pb + 1;
                continue;
            }
            // US: State ZIP
            let state_ok = tk.v[i].t == T::Word
                && tk.v[i].e - tk.v[i].s == 2
                && (tk.v[i].cap && US_STATES.contains(&tk.raw(i))
                    || tk.all_lower
                        && i > 0
                        && tk.is_punct(i - 1, ',')
                        && tk.raw(i).len() == 2
                        && US_STATES.iter().any(|s| s.eq_ignore_ascii_case(tk.raw(i))));
            if state_ok
                && i + 1 < n
                && tk.v[i + 1].t == T::Num
                && tk.v[i + 1].nl == 0
                && tk.v[i + 1].e - tk.v[i + 1].s == 5
                && !tk.v[i + 1].code
            {
                let mut b = i + 1;
                if b + 2 < n && tk.is_punct(b + 1, '-') && tk.v[b + 2].t == T::Num && tk.v[b + 2].e - tk.v[b + 2].s == 4
                {
                    b += 2;
                }
                let after_ok = b + 1 >= n || !matches!(tk.v[b + 1].t, T::Num);
                let mut st = i;
                if st > 0 && tk.is_punct(st - 1, ',') {
                    st -= 1;
                }
                let a = city_before(&tk, st, &street_ends);
                if after_ok && (a < st || tk.v[i].nl > 0 || i > 0 && tk.is_punct(i - 1, ',')) {
                    let a = if a < st { a } else { i };
                    out.push(Candidate::new(Kind::PostalCity, tk.v[a].s, tk.v[b].e, if a < i { 0.9 } else { 0.6 }));
                    last_end_tok = b + 1;
                    i = b + 1;
                    continue;
                }
            }
            // Continental: [prefix-]NNNN(N) City
            // `i` only grows: the street spans starting at or before it are passed once.
            while span_k < street_spans.len() && street_spans[span_k].0 <= i {
                span_k += 1;
            }
            let in_street = span_k > 0 && street_spans[span_k - 1].1 >= i;
            if tk.v[i].t == T::Num && !tk.v[i].code && !in_street {
                let len = tk.v[i].e - tk.v[i].s;
                let mut a = i;
                let mut prefixed = false;
                if i >= 2
                    && tk.is_punct(i - 1, '-')
                    && tk.v[i - 1].s == tk.v[i - 2].e
                    && tk.v[i].s == tk.v[i - 1].e
                    && tk.v[i - 2].t == T::Word
                {
                    let pre = tk.raw(i - 2);
                    let pre_ok = |p: &str| {
                        matches!(
                            p,
                            "D" | "A"
                                | "CH"
                                | "F"
                                | "I"
                                | "E"
                                | "NL"
                                | "B"
                                | "L"
                                | "FL"
                                | "DE"
                                | "AT"
                                | "P"
                                | "DK"
                                | "S"
                                | "N"
                        )
                    };
                    // "a-88076" after "order" is a reference, not a postal code
                    let reference = i >= 3
                        && tk.is_word(i - 3)
                        && crate::context::matches_any(tk.low(i - 3), crate::context::REFERENCE_WORDS);
                    if !reference
                        && (pre_ok(pre) || tk.all_lower && pre_ok(&pre.to_ascii_uppercase()) && near_street(i))
                    {
                        a = i - 2;
                        prefixed = true;
                    }
                }
                let bounded =
                    a == 0 || tk.v[a].sp || tk.v[a].nl > 0 || matches!(tk.v[a - 1].t, T::Punct(',' | '(' | ':' | ';'));
                let prev_ok = a == 0
                    || !matches!(tk.v[a - 1].t, T::Punct('.' | '/' | '-' | '+' | '€' | '$' | '£' | '#'))
                    || tk.v[a].sp;
                if (len == 4 || len == 5) && bounded && prev_ok {
                    let mut c = i + 1;
                    // NL: 1012 AB
                    let mut nl_code = false;
                    let nl_letters = c < n
                        && tk.v[c].t == T::Word
                        && tk.v[c].nl == 0
                        && tk.raw(c).len() == 2
                        && (tk.raw(c).bytes().all(|ch| ch.is_ascii_uppercase())
                            || tk.all_lower && tk.raw(c).bytes().all(|ch| ch.is_ascii_lowercase()));
                    if len == 4
                        && nl_letters
                        && c + 1 < n
                        && tk.v[c + 1].t == T::Word
                        && (tk.v[c + 1].cap || tk.all_lower)
                        && !NOT_CITY.contains(&tk.low(c + 1))
                    {
                        c += 1;
                        nl_code = true;
                    }
                    if let Some(b) = city_after(&tk, c) {
                        let ev_street = near_street(i);
                        let ctx = postal_cue_before(&tk, a);
                        let year = len == 4
                            && tk.raw(i).starts_with(['1', '2'])
                            && (tk.raw(i) >= "1900" && tk.raw(i) <= "2099");
                        let score = if prefixed || ev_street {
                            0.9
                        } else if ctx || nl_code {
                            0.75
                        } else if year {
                            0.3
                        } else {
                            0.45
                        };
                        out.push(Candidate::new(Kind::PostalCity, tk.v[a].s, tk.v[b].e, score));
                        last_end_tok = b + 1;
                        i = b + 1;
                        continue;
                    }
                }
            }
            i += 1;
        }
        if field == Some(Kind::PostalCity) && !out.iter().any(|c| c.kind == Kind::PostalCity) {
            bare_city(input, out);
        }
    }
}

/// Is there a postal code right after token `b`, or an address word just before `a`?
fn address_around(tk: &Tokens<'_>, a: usize, b: usize) -> bool {
    let n = tk.v.len();
    let mut k = b + 1;
    if k < n && tk.is_punct(k, ',') {
        k += 1;
    }
    if k + 2 < n && tk.v[k].t == T::Word && tk.is_punct(k + 1, '-') && tk.raw(k).len() <= 2 {
        k += 2;
    }
    if k < n && tk.v[k].t == T::Num && matches!(tk.v[k].e - tk.v[k].s, 4 | 5) {
        return true;
    }
    postal_cue_before(tk, a)
        || (a.saturating_sub(3)..a).any(|p| {
            tk.v[p].t == T::Word
                && matches!(
                    tk.low(p),
                    "an" | "auf" | "wohne" | "wohnen" | "wohnhaft" | "nach" | "straße" | "strasse" | "adres" | "naar"
                )
        })
}

/// A whole field value that reads like a place name (letters, spaces, hyphens, dots).
fn bare_city(input: &Input<'_>, out: &mut Vec<Candidate>) {
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

/// Words like "PLZ", "wohnhaft", "Adresse" shortly before a postal code.
fn postal_cue_before(tk: &Tokens<'_>, a: usize) -> bool {
    let lo = a.saturating_sub(4);
    (lo..a).any(|k| {
        tk.v[k].t == T::Word
            && matches!(
                tk.low(k),
                "plz"
                    | "postleitzahl"
                    | "wohnhaft"
                    | "adresse"
                    | "anschrift"
                    | "wohnort"
                    | "lieferadresse"
                    | "rechnungsadresse"
                    | "address"
                    | "zip"
                    | "postcode"
                    | "indirizzo"
                    | "adresse:"
                    | "dirección"
                    | "direccion"
                    | "adres"
                    | "cap"
                    | "cp"
                    | "wohne"
                    | "wohnen"
                    | "ort"
                    | "city"
                    | "moved"
                    | "umgezogen"
                    | "nuovo"
                    | "nueva"
                    | "nouvelle"
            )
    })
}

/// City words after a postal code at token `c`: returns the last token.
fn city_after(tk: &Tokens<'_>, c: usize) -> Option<usize> {
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
    // in mixed-case text a lower-case first word is not a city
    if !tk.v[c].cap && !tk.all_lower {
        return None;
    }
    let mut last = c;
    let mut k = c + 1;
    let mut words = 1;
    // "sankt goar", "bad ischl" typed in lower case
    if !tk.v[c].cap
        && matches!(
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
        && k < n
        && tk.is_word(k)
        && tk.v[k].nl == 0
    {
        last = k;
        k += 1;
    }
    while k < n && words < 5 && tk.v[k].nl == 0 {
        // linkers: am, im, in, an der, bei, ob, sur, sul, de, la, aan, den
        if tk.v[k].t == T::Word {
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
                while m < n
                    && tk.is_word(m)
                    && matches!(tk.low(m), "der" | "den" | "dem" | "la" | "le" | "del")
                    && !tk.v[m].cap
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
                    last = m;
                    k = m + 1;
                    words += 1;
                    continue;
                }
                break;
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
                last = k;
                k += 1;
                words += 1;
                continue;
            }
            // "St. Gallen", "Frankfurt a. M."
            break;
        }
        // district number: "Drosendorf-Zissersdorf 1,"
        if tk.v[k].t == T::Num
            && tk.v[k].e - tk.v[k].s <= 2
            && (k + 1 >= n || tk.is_punct(k + 1, ',') || tk.v[k + 1].nl > 0)
        {
            last = k;
            break;
        }
        if tk.is_punct(k, '.')
            && tk.v[k].s == tk.v[k - 1].e
            && matches!(tk.low(k - 1), "st" | "a" | "i" | "b" | "d")
            && k + 1 < n
            && tk.is_word(k + 1)
        {
            last = k + 1;
            k += 2;
            continue;
        }
        if tk.is_punct(k, '/')
            && tk.v[k].s == tk.v[k - 1].e
            && k + 1 < n
            && tk.is_word(k + 1)
            && tk.v[k + 1].s == tk.v[k].e
        {
            // "Biel/Bienne"
            last = k + 1;
            k += 2;
            continue;
        }
        if tk.is_punct(k, '(') {
            // "Frankfurt (Oder)"
            if k + 2 < n && tk.is_word(k + 1) && tk.is_punct(k + 2, ')') {
                last = k + 2;
                k += 3;
                continue;
            }
        }
        break;
    }
    Some(last)
}

/// City words before token `st` on the same line (for "Leeds LS6 2AB", "Springfield, IL").
fn city_before(tk: &Tokens<'_>, st: usize, street_ends: &[usize]) -> usize {
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

/// UK postcode starting at token `i`: returns (first, last) token.
fn uk_postcode(tk: &Tokens<'_>, i: usize) -> Option<(usize, usize)> {
    let n = tk.v.len();
    let t = &tk.v[i];
    if t.t != T::Word || t.code {
        return None;
    }
    let raw = tk.raw(i);
    if raw.len() > 2 {
        return None;
    }
    let upper = raw.bytes().all(|b| b.is_ascii_uppercase());
    let lower_ok = tk.all_lower && raw.bytes().all(|b| b.is_ascii_lowercase());
    if !(upper || lower_ok) {
        return None;
    }
    if i > 0 && !t.sp && t.nl == 0 && !matches!(tk.v[i - 1].t, T::Punct(',' | '(' | ':' | ';')) {
        return None;
    }
    let letters_ok = |k: usize, len: usize| {
        let r = tk.raw(k);
        r.len() == len
            && (r.bytes().all(|b| b.is_ascii_uppercase()) || lower_ok && r.bytes().all(|b| b.is_ascii_lowercase()))
    };
    // outward: A9, A99, AA9, AA99, A9A, AA9A -> tokens Word(letters) Num [Word(letter)]
    let mut k = i + 1;
    if k >= n || tk.v[k].t != T::Num || tk.v[k].s != t.e || tk.v[k].e - tk.v[k].s > 2 {
        return None;
    }
    k += 1;
    // optional outward trailing letter (SW1A): Word directly attached, single letter
    if k < n && tk.v[k].t == T::Word && tk.v[k].s == tk.v[k - 1].e && letters_ok(k, 1) {
        k += 1;
    }
    // inward: 9AA, with a space before (or not)
    if k + 1 >= n || tk.v[k].t != T::Num || tk.v[k].e - tk.v[k].s != 1 || tk.v[k].nl > 0 {
        // "9AA" could be tokenised with the number attached to the outward number (no space)
        return None;
    }
    let inward = k + 1;
    if tk.v[inward].t != T::Word || tk.v[inward].s != tk.v[k].e || !letters_ok(inward, 2) {
        return None;
    }
    let after = inward + 1;
    if after < n && tk.v[after].s == tk.v[inward].e && matches!(tk.v[after].t, T::Word | T::Num) {
        return None;
    }
    Some((i, inward))
}

/// A street starting at token `i`: (first, last, score).
fn street_at(tk: &Tokens<'_>, i: usize) -> Option<(usize, usize, f32)> {
    let n = tk.v.len();
    let t = &tk.v[i];
    if t.code {
        return None;
    }
    if t.t == T::Word {
        let w = tk.low(i);
        // German/Dutch compound or standalone type: word + house number
        let num_follows = is_house_num(tk, i + 1) || tk.is_punct(i + 1, '.') && is_house_num(tk, i + 2);
        let compound = num_follows && crate::words::streets::street_compound(w);
        let standalone = num_follows && DE_TYPES.contains(&w);
        if compound || standalone {
            let mut k = i + 1;
            if tk.is_punct(k, '.') && (w.ends_with("str") || w == "str") {
                k += 1;
            }
            if is_house_num(tk, k) {
                let b = house_number(tk, k, true);
                if b + 1 < tk.v.len()
                    && tk.is_word(b + 1)
                    && tk.v[b + 1].nl == 0
                    && matches!(
                        tk.low(b + 1),
                        "euro"
                            | "eur"
                            | "chf"
                            | "usd"
                            | "stück"
                            | "stk"
                            | "prozent"
                            | "mal"
                            | "uhr"
                            | "kg"
                            | "km"
                            | "min"
                            | "minuten"
                            | "tage"
                            | "jahre"
                            | "x"
                    )
                {
                    return None;
                }
                let mut a = i;
                if standalone {
                    a = lead_words(tk, i, 2);
                    if a == i {
                        return None;
                    }
                } else if tk.v[i].cap {
                    // "Am Lindenweg"? keep compound alone; "H.-Dieter-Matthäi-Straße"
                    if i >= 3
                        && tk.is_punct(i - 1, '-')
                        && tk.is_punct(i - 2, '.')
                        && tk.is_word(i - 3)
                        && tk.raw(i - 3).chars().count() == 1
                        && tk.v[i - 1].s == tk.v[i - 2].e
                    {
                        a = i - 3;
                    }
                    let lw = lead_words(tk, a, 1);
                    if lw < a
                        && matches!(
                            tk.low(lw),
                            "am" | "im"
                                | "zum"
                                | "zur"
                                | "alte"
                                | "alter"
                                | "neue"
                                | "neuer"
                                | "obere"
                                | "untere"
                                | "große"
                                | "kleine"
                                | "lange"
                                | "hohe"
                        )
                    {
                        a = lw;
                    }
                }
                // Suffixes that also end ordinary nouns ("-ring", "-hof", "-berg", "-markt")
                // need the rest of an address around them.
                const WEAK: &[&str] = &[
                    "ring", "berg", "hof", "park", "markt", "anger", "wall", "steg", "kai", "stiege", "graben", "laan",
                    "kade", "dijk",
                ];
                let weak = !standalone && WEAK.iter().any(|s| w.ends_with(s)) && !w.contains('-');
                let score = if weak && !address_around(tk, a, b) { 0.45 } else { 0.8 };
                return Some((a, b, score));
            }
            return None;
        }
        // Flat 3, 12 Baker Street
        if matches!(w, "flat" | "apartment" | "apt" | "unit" | "suite") && tk.v[i].cap {
            let mut k = i + 1;
            if tk.is_punct(k, '.') {
                k += 1;
            }
            if k < n && (tk.v[k].t == T::Num) {
                let mut m = k + 1;
                if m < n && tk.v[m].t == T::Word && !tk.v[m].sp && tk.raw(m).len() == 1 {
                    m += 1;
                }
                if tk.is_punct(m, ',') {
                    m += 1;
                }
                if m < n && tk.v[m].t == T::Num {
                    if let Some((_, b, sc)) = en_street(tk, m) {
                        return Some((i, b, sc));
                    }
                }
            }
        }
        // Via Roma 5 / Calle Mayor, 3 / Piazza Vito 54
        let c_abbrev = w == "c" && tk.v[i].cap && (tk.is_punct(i + 1, '.') || tk.is_punct(i + 1, '/'));
        // a lead type needs a number within the next few tokens
        let num_near = || (i + 1..(i + 9).min(n)).any(|k| tk.v[k].t == T::Num);
        if (tk.v[i].cap || tk.all_lower) && (c_abbrev || tk.has(i, flag::LEAD_TYPE)) && num_near() {
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
            return None;
        }
        return None;
    }
    if t.t == T::Num && t.e - t.s <= 6 {
        // French: 12 [bis] [,] rue de la Paix
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
                    || matches!(
                        tk.low(m),
                        "de" | "la" | "du" | "des" | "le" | "les" | "d'" | "l'" | "et" | "sur" | "en"
                    )
                    || tk.low(m).starts_with("d'")
                    || tk.low(m).starts_with("l'")
                    || tk.all_lower)
            {
                last = m;
                m += 1;
                words += 1;
            }
            if words > 0 && tk.v[last].cap | tk.all_lower {
                return Some((i, last, 0.8));
            }
        }
        return en_street(tk, i);
    }
    None
}

/// English street: number + words + USPS suffix [+ direction] [+ unit].
fn en_street(tk: &Tokens<'_>, i: usize) -> Option<(usize, usize, f32)> {
    let n = tk.v.len();
    if tk.v[i].t != T::Num || tk.v[i].e - tk.v[i].s > 6 || tk.v[i].code {
        return None;
    }
    if i > 0
        && !tk.v[i].sp
        && tk.v[i].nl == 0
        && matches!(tk.v[i - 1].t, T::Punct(_) | T::Word)
        && !tk.is_punct(i - 1, ',')
        && !tk.is_punct(i - 1, '(')
    {
        return None;
    }
    let mut k = i + 1;
    // 12A Baker Street
    if k < n && tk.v[k].t == T::Word && !tk.v[k].sp && tk.raw(k).len() == 1 {
        k += 1;
    }
    let mut words = 0;
    let mut suffix_at = None;
    while k < n && words < 5 && tk.v[k].nl == 0 && tk.is_word(k) {
        let w = tk.low(k);
        if !(tk.v[k].cap || tk.all_lower) {
            break;
        }
        if words >= 1 && EN_SUFFIXES.contains(&w) {
            suffix_at = Some(k);
            // "Parkways", "St." — longest: keep going if the next is also a suffix word
            let nx = k + 1;
            if nx < n
                && tk.is_word(nx)
                && tk.v[nx].nl == 0
                && EN_SUFFIXES.contains(&tk.low(nx))
                && tk.v[nx].cap
                && !matches!(tk.low(nx), "apt" | "unit")
            {
                k += 1;
                words += 1;
                continue;
            }
            break;
        }
        k += 1;
        words += 1;
    }
    let s = suffix_at?;
    let mut last = s;
    let mut k = s + 1;
    if tk.is_punct(k, '.') && tk.v[k].s == tk.v[s].e {
        k += 1;
    }
    // direction
    if k < n
        && tk.is_word(k)
        && tk.v[k].nl == 0
        && matches!(tk.raw(k), "N" | "S" | "E" | "W" | "NE" | "NW" | "SE" | "SW")
    {
        last = k;
        k += 1;
    }
    // unit: [,] Apt 4B / Unit 18 / #589 / Suite 200
    let mut m = k;
    if tk.is_punct(m, ',') {
        m += 1;
    }
    if m < n && tk.v[m].nl == 0 {
        if tk.is_punct(m, '#') && m + 1 < n && tk.v[m + 1].t == T::Num {
            last = m + 1;
            if m + 2 < n && tk.v[m + 2].t == T::Word && !tk.v[m + 2].sp && tk.raw(m + 2).len() <= 2 {
                last = m + 2;
            }
        } else if tk.is_word(m) && EN_UNITS.contains(&tk.low(m)) {
            let mut d = m + 1;
            if tk.is_punct(d, '.') {
                d += 1;
            }
            if tk.is_punct(d, '#') {
                d += 1;
            }
            if d < n && tk.v[d].nl == 0 && (tk.v[d].t == T::Num || tk.v[d].t == T::Word && tk.raw(d).len() <= 2) {
                last = d;
                if d + 1 < n && !tk.v[d + 1].sp && matches!(tk.v[d + 1].t, T::Word | T::Num) && tk.raw(d + 1).len() <= 3
                {
                    last = d + 1;
                }
            }
        }
    }
    Some((i, last, 0.75))
}

#[cfg(test)]
mod tests {
    use crate::{FieldHints, Kind, Scanner};

    fn found(text: &str, kind: Kind) -> Vec<String> {
        let s = Scanner::new();
        s.scan(text, None)
            .unwrap()
            .into_iter()
            .filter(|f| f.kind == kind)
            .map(|f| text[f.span.start..f.span.end].to_string())
            .collect()
    }

    #[test]
    fn streets() {
        assert_eq!(found("Hauptstraße 12, 1010 Wien", Kind::StreetAddress), vec!["Hauptstraße 12"]);
        assert_eq!(found("Museumstraße 7/3/29", Kind::StreetAddress), vec!["Museumstraße 7/3/29"]);
        assert_eq!(
            found("Lange Gasse 5, Stiege 2, Tür 14", Kind::StreetAddress),
            vec!["Lange Gasse 5, Stiege 2, Tür 14"]
        );
        assert_eq!(
            found("12952 West Spring Lane, Unit 18", Kind::StreetAddress),
            vec!["12952 West Spring Lane, Unit 18"]
        );
        assert_eq!(found("Flat 3, 12 Baker Street", Kind::StreetAddress), vec!["Flat 3, 12 Baker Street"]);
        assert_eq!(found("12 rue de la Paix", Kind::StreetAddress), vec!["12 rue de la Paix"]);
        assert_eq!(found("Via Roma 5", Kind::StreetAddress), vec!["Via Roma 5"]);
        assert_eq!(found("Kerkstraat 12", Kind::StreetAddress), vec!["Kerkstraat 12"]);
    }

    #[test]
    fn postal() {
        assert_eq!(found("A-1010 Wien", Kind::PostalCity), vec!["A-1010 Wien"]);
        assert_eq!(found("Hauptstraße 12, 80331 München", Kind::PostalCity), vec!["80331 München"]);
        assert_eq!(found("Leeds LS6 2AB", Kind::PostalCity), vec!["Leeds LS6 2AB"]);
        assert_eq!(found("Springfield, IL 62704", Kind::PostalCity), vec!["Springfield, IL 62704"]);
        assert!(found("I flew to Berlin", Kind::PostalCity).is_empty());
        assert!(found("Ich bräuchte 1588 Euro", Kind::PostalCity).is_empty());
        let f = FieldHints { label: "Ort".into(), ..Default::default() };
        let s = Scanner::new();
        assert_eq!(s.scan("Lienz", Some(&f)).unwrap().len(), 1);
    }
}

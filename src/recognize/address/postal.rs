//! Postal codes with their city, per country shape: UK postcodes (`Leeds LS6 2AB`), US
//! state + ZIP (`Springfield, IL 62704`), and continental 4–5 digit codes with an
//! optional country prefix (`A-1010 Wien`, `CH-8001 Zürich`, `80331 München`) or Dutch
//! letters (`1012 AB Amsterdam`). A bare 4–5 digit number before a capitalised word
//! scores low unless there is evidence: a prefix, a street just before, a cue word.

use super::around::postal_cue_before;
use super::city::{city_after, city_before};
use super::codes::{cued_code, eircode, eircode_context, place_before};
use super::prep::address_word_on_line;
use crate::entity::Kind;
use crate::tokens::{Tokens, T};
use crate::types::Candidate;
use crate::words::streets::{NOT_CITY, NOT_PREP_STREET};
use crate::words::streets_en::US_STATES;

/// The postal-code pass over the tokens, after the streets were found.
pub(super) struct Postal<'a, 't> {
    tk: &'a Tokens<'t>,
    /// Last token of each street found (ascending).
    street_ends: &'a [usize],
    /// First and last token of each street found (ascending).
    street_spans: &'a [(usize, usize)],
    /// Token after the last postal code reported.
    last_end_tok: usize,
    /// Street spans starting at or before the current token.
    span_k: usize,
}

impl<'a, 't> Postal<'a, 't> {
    /// Reports every postal code + city of `tk` into `out`.
    pub(super) fn find(
        tk: &'a Tokens<'t>,
        street_ends: &'a [usize],
        street_spans: &'a [(usize, usize)],
        out: &mut Vec<Candidate>,
    ) {
        let mut p = Postal { tk, street_ends, street_spans, last_end_tok: 0, span_k: 0 };
        let n = tk.v.len();
        let mut i = 0;
        while i < n {
            i = p.next_start(i);
            if i >= n {
                break;
            }
            i = p
                .eir(i, out)
                .or_else(|| p.uk(i, out))
                .or_else(|| p.us(i, out))
                .or_else(|| p.continental(i, out))
                .or_else(|| p.bare(i, out))
                .or_else(|| p.city_key(i, out))
                .or_else(|| p.polish(i, out))
                .unwrap_or(i + 1);
        }
    }

    /// The first token at or after `i` where a reading of [`Postal::find`] may start
    /// (`n` when none does). Each starts at a number of 2, 4 or 5 digits (a Polish or a
    /// continental code), at a word of one or two letters right before a number (a UK
    /// or US code, an Eircode's routing key), or at a city key within two tokens of the
    /// code reported last: the search passes over the other tokens (most of a text)
    /// without trying every reading.
    fn next_start(&self, i: usize) -> usize {
        let v = &self.tk.v;
        let mut k = i;
        let mut start = loop {
            while k < v.len() && !matches!(v[k].t, T::Num) {
                k += 1;
            }
            if k >= v.len() {
                break k;
            }
            if k > i && matches!(v[k - 1].t, T::Word) && v[k - 1].e - v[k - 1].s <= 2 {
                break k - 1;
            }
            if matches!(v[k].e - v[k].s, 2 | 4 | 5) {
                break k;
            }
            k += 1;
        };
        if self.last_end_tok > 0 {
            let key =
                (self.last_end_tok.max(i)..=self.last_end_tok + 2).find(|&c| c < start && matches!(v[c].t, T::Word));
            start = key.unwrap_or(start);
        }
        start
    }

    /// Is there a street ending at most 3 tokens before `tok` (and after the last postal code)?
    fn near_street(&self, tok: usize) -> bool {
        // Street ends are ascending: the nearest one before `tok` is found by binary
        // search (a linear scan per number made long texts quadratic).
        let k = self.street_ends.partition_point(|&e| e < tok);
        k > 0 && tok - self.street_ends[k - 1] <= 3 && tok >= self.last_end_tok
    }

    /// A street ends on the line of token `a` shortly before it, and a comma parts them
    /// (`Hauptplatz 7, Hinterhaus 1. Stock, 8410 Wildon`): near from the end of the
    /// address line, not of the street.
    fn street_on_line_before(&self, a: usize) -> bool {
        let tk = self.tk;
        let k = self.street_ends.partition_point(|&e| e < a);
        if k == 0 || a < self.last_end_tok || !(a > 0 && tk.is_punct(a - 1, ',')) {
            return false;
        }
        let e = self.street_ends[k - 1];
        a - e <= 10 && (e + 1..=a).all(|t| tk.v[t].nl == 0)
    }

    /// A street found right after the city read from `c` to `b`, on its line, after a
    /// comma or nothing: the address said city first (`aus 1010 Wien, Hauptstraße
    /// 12/3/4`). Returns the city's last token (cut before a street it ran into:
    /// `1010 Wien Hauptstraße 12`) and whether the street follows.
    fn street_after(&self, c: usize, b: usize) -> (usize, bool) {
        let tk = self.tk;
        let j = self.street_spans.partition_point(|&(s, _)| s <= c);
        let Some(&(s, _)) = self.street_spans.get(j) else { return (b, false) };
        if s <= b {
            return (s - 1, true);
        }
        let comma = s == b + 2 && tk.is_punct(b + 1, ',');
        (b, (s == b + 1 || comma) && (b + 1..=s).all(|t| tk.v[t].nl == 0))
    }

    /// The code at `a` starts its line, the city (from `c`) ends it, and the line above
    /// is an address line: it ends in a house number or holds a street.
    fn below_address_line(&self, a: usize, c: usize) -> bool {
        let tk = self.tk;
        if a == 0 || tk.v[a].nl == 0 || tk.v[a].nl > 1 || !line_ends_after_city(tk, c) {
            return false;
        }
        let k = self.street_ends.partition_point(|&e| e < a);
        let street_above = k > 0 && {
            let e = self.street_ends[k - 1];
            (e + 1..a).all(|t| tk.v[t].nl == 0)
        };
        street_above || house_number_ends_at(tk, a - 1)
    }

    /// Reports tokens `a..=b` as a postal code + city; returns the token after it.
    fn emit(&mut self, a: usize, b: usize, score: f32, out: &mut Vec<Candidate>) -> usize {
        out.push(Candidate::new(Kind::PostalCity, self.tk.v[a].s, self.tk.v[b].e, score));
        self.last_end_tok = b + 1;
        b + 1
    }

    /// An Eircode with address context, with the town, county or Dublin district
    /// before it on the line.
    fn eir(&mut self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let tk = self.tk;
        let b = eircode(tk, i)?;
        if !(eircode_context(tk, i, b) || self.near_street(i) || self.street_on_line_before(i)) {
            return None;
        }
        let mut a = place_before(tk, i);
        // not back into a street or an earlier code
        let k = self.street_ends.partition_point(|&e| e < i);
        let floor = if k > 0 { self.street_ends[k - 1] + 1 } else { 0 }.max(self.last_end_tok);
        if a < floor {
            a = floor;
            while a < i && !tk.is_word(a) {
                a += 1;
            }
        }
        Some(self.emit(a, b, 0.85, out))
    }

    /// A city after a city key right after a postal code (`PLZ: 18055⏎Ort: Rostock`,
    /// `plz=6020; ort=Innsbruck`): the city words only.
    fn city_key(&mut self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let tk = self.tk;
        // the postal code was reported just before (same line or the line above)
        if !(self.last_end_tok > 0 && i >= self.last_end_tok && i - self.last_end_tok <= 2) {
            return None;
        }
        let key = tk.is_word(i)
            && matches!(
                tk.low(i),
                "ort" | "wohnort" | "stadt" | "city" | "town" | "ville" | "città" | "ciudad" | "plaats"
            );
        if !key {
            return None;
        }
        let mut c = i + 1;
        if !(tk.is_punct(c, ':') || tk.is_punct(c, '=')) || tk.v[c].nl > 0 {
            return None;
        }
        c += 1;
        let b = city_after(tk, c, true)?;
        Some(self.emit(c, b, 0.85, out))
    }

    /// A Polish postal code `NN-NNN` and its city (`00-238 Warszawa`) with evidence: a
    /// street or house number before it, or an address word on the line.
    fn polish(&mut self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let tk = self.tk;
        let n = tk.v.len();
        let t = &tk.v[i];
        if !(t.t == T::Num && !t.code && t.e - t.s == 2 && i + 2 < n && tk.is_punct(i + 1, '-')) {
            return None;
        }
        let d = &tk.v[i + 2];
        if !(tk.v[i + 1].s == t.e && d.s == tk.v[i + 1].e && d.t == T::Num && d.e - d.s == 3) {
            return None;
        }
        if i > 0 && tk.v[i - 1].e == t.s {
            return None;
        }
        let ev = self.near_street(i)
            || self.street_on_line_before(i)
            || after_house_number(tk, i)
            || address_word_on_line(tk, i);
        if !ev {
            return None;
        }
        let b = city_after(tk, i + 3, true)?;
        Some(self.emit(i, b, 0.85, out))
    }

    /// A bare postal code after a cue (`zip 10025`, `PLZ: 80331`).
    fn bare(&mut self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let b = cued_code(self.tk, i)?;
        Some(self.emit(i, b, 0.8, out))
    }

    /// UK postcode (outward + inward) with the city before it (`Leeds LS6 2AB`,
    /// `Hebden Bridge, HX7 6AW`).
    fn uk(&mut self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let (pa, pb) = uk_postcode(self.tk, i)?;
        let mut a = city_before(self.tk, pa, self.street_ends);
        if a == pa && pa > 0 && self.tk.is_punct(pa - 1, ',') && self.tk.v[pa].nl == 0 {
            let c = city_before(self.tk, pa - 1, self.street_ends);
            if c < pa - 1 {
                a = c;
            }
        }
        let score = if a < pa { 0.9 } else { 0.75 };
        Some(self.emit(a, pb, score, out))
    }

    /// US: State ZIP, with the city before it.
    fn us(&mut self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let tk = self.tk;
        let n = tk.v.len();
        // a ZIP code after it (tested first: a 5-digit number after a word is rare)
        let zip = i + 1 < n
            && tk.v[i + 1].t == T::Num
            && tk.v[i + 1].nl == 0
            && tk.v[i + 1].e - tk.v[i + 1].s == 5
            && !tk.v[i + 1].code;
        if !zip {
            return None;
        }
        let state_ok = tk.v[i].t == T::Word
            && tk.v[i].e - tk.v[i].s == 2
            && (tk.v[i].cap && US_STATES.contains(&tk.raw(i))
                || tk.all_lower
                    && i > 0
                    && tk.is_punct(i - 1, ',')
                    && tk.raw(i).len() == 2
                    && US_STATES.iter().any(|s| s.eq_ignore_ascii_case(tk.raw(i))));
        if !state_ok {
            return None;
        }
        let mut b = i + 1;
        if b + 2 < n && tk.is_punct(b + 1, '-') && tk.v[b + 2].t == T::Num && tk.v[b + 2].e - tk.v[b + 2].s == 4 {
            b += 2;
        }
        let after_ok = b + 1 >= n || !matches!(tk.v[b + 1].t, T::Num);
        let mut st = i;
        if st > 0 && tk.is_punct(st - 1, ',') {
            st -= 1;
        }
        let a = city_before(tk, st, self.street_ends);
        if after_ok && (a < st || tk.v[i].nl > 0 || i > 0 && tk.is_punct(i - 1, ',')) {
            let a = if a < st { a } else { i };
            return Some(self.emit(a, b, if a < i { 0.9 } else { 0.6 }, out));
        }
        None
    }

    /// Continental: [prefix-]NNNN(N) City.
    fn continental(&mut self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let tk = self.tk;
        // `i` only grows: the street spans starting at or before it are passed once.
        while self.span_k < self.street_spans.len() && self.street_spans[self.span_k].0 <= i {
            self.span_k += 1;
        }
        let in_street = self.span_k > 0 && self.street_spans[self.span_k - 1].1 >= i;
        if !(tk.v[i].t == T::Num && !tk.v[i].code && !in_street) {
            return None;
        }
        let len = tk.v[i].e - tk.v[i].s;
        let (a, prefixed) = self.country_prefix(i);
        let bounded =
            a == 0 || tk.v[a].sp || tk.v[a].nl > 0 || matches!(tk.v[a - 1].t, T::Punct(',' | '(' | ':' | ';'));
        let prev_ok =
            a == 0 || !matches!(tk.v[a - 1].t, T::Punct('.' | '/' | '-' | '+' | '€' | '$' | '£' | '#')) || tk.v[a].sp;
        if !((len == 4 || len == 5) && bounded && prev_ok) {
            return None;
        }
        let (c, nl_code) = nl_letters(tk, i, len);
        let year = len == 4 && tk.raw(i).starts_with(['1', '2']) && (tk.raw(i) >= "1900" && tk.raw(i) <= "2099");
        let ev_street = self.near_street(i) || self.street_on_line_before(a);
        // evidence that does not need a recognised street: a house number or PO box
        // number just before on the line, or an address line just above
        let ev_line = !year && (after_house_number(tk, a) || self.below_address_line(a, c));
        let b = city_after(tk, c, ev_street || ev_line)?;
        let (b, street_after) = self.street_after(c, b);
        // not a number named by the word before it ("Bestellung 48213 Müller, Hauptstraße 12")
        let ev_after = street_after
            && !year
            && !(a.saturating_sub(3)..a)
                .any(|k| tk.is_word(k) && crate::context::matches_any(tk.low(k), crate::context::REFERENCE_WORDS));
        let ctx = postal_cue_before(tk, a) || !year && address_word_on_line(tk, a);
        let score = if prefixed || ev_street || ev_line || ev_after {
            0.9
        } else if ctx || nl_code {
            0.75
        } else if year {
            0.3
        } else {
            0.45
        };
        Some(self.emit(a, b, score, out))
    }

    /// A country prefix joined to the number at `i` ("A-1010", "CH-8001"; in lower-case
    /// text "a-1010" only after a street): the first token of the code and whether
    /// there is one.
    fn country_prefix(&self, i: usize) -> (usize, bool) {
        let tk = self.tk;
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
                    "D" | "A" | "CH" | "F" | "I" | "E" | "NL" | "B" | "L" | "FL" | "DE" | "AT" | "P" | "DK" | "S" | "N"
                )
            };
            // "a-88076" after "order" is a reference, not a postal code
            let reference = i >= 3
                && tk.is_word(i - 3)
                && crate::context::matches_any(tk.low(i - 3), crate::context::REFERENCE_WORDS);
            if !reference && (pre_ok(pre) || tk.all_lower && pre_ok(&pre.to_ascii_uppercase()) && self.near_street(i)) {
                return (i - 2, true);
            }
        }
        (i, false)
    }
}

/// `, NNNN(N)` at `a` right after a house-number-like token on the same line (`11 a,`,
/// `4/2/15,`, `Postfach 1123,`).
fn after_house_number(tk: &Tokens<'_>, a: usize) -> bool {
    a >= 2 && tk.v[a].nl == 0 && tk.is_punct(a - 1, ',') && tk.v[a - 1].nl == 0 && house_number_ends_at(tk, a - 2)
}

/// Does a house number end at token `q`: 1–4 digits after a word (`Hauptstr. 12`), with
/// a letter (`12a`, `11 a`), parts (`4/2/15`, `12-14`) or `bis`/`ter` after it?
fn house_number_ends_at(tk: &Tokens<'_>, q: usize) -> bool {
    let mut q = q;
    if q > 0 && tk.is_word(q) && (tk.raw(q).chars().count() == 1 || matches!(tk.low(q), "bis" | "ter")) {
        q -= 1;
    }
    let t = &tk.v[q];
    if !(t.t == T::Num && !t.code && t.e - t.s <= 4) {
        return false;
    }
    // the number follows a word (or `Str.`), or is the last part of `4/2/15`, `12-14`;
    // not a page, item or count (`Seite 3,`, `Punkt 2,`)
    q > 0
        && (tk.is_word(q - 1) && !NOT_PREP_STREET.contains(&tk.low(q - 1))
            || tk.is_punct(q - 1, '.')
            || tk.is_punct(q - 1, '/')
            || tk.is_punct(q - 1, '-'))
}

/// The city ending at or after token `c` ends its line (a `.`/`,` may close it).
fn line_ends_after_city(tk: &Tokens<'_>, c: usize) -> bool {
    let n = tk.v.len();
    let mut k = c + 1;
    while k < n && tk.v[k].nl == 0 {
        if !(tk.is_word(k) || matches!(tk.v[k].t, T::Punct('.' | ',' | '(' | ')' | '/' | '-'))) {
            return false;
        }
        k += 1;
    }
    k - c <= 6
}

/// NL: the two letters of "1012 AB" after the number at `i` (of `len` digits): the
/// token where the city starts and whether the letters were there.
fn nl_letters(tk: &Tokens<'_>, i: usize, len: usize) -> (usize, bool) {
    let n = tk.v.len();
    let c = i + 1;
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
        return (c + 1, true);
    }
    (c, false)
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

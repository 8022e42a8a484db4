//! The steps of the name recogniser that need no cue phrase before the name: the writer's
//! sign-off after a dash (`– Tina`), a name before `hier`/`here`/`speaking`, `Nguyen,
//! Randy` at the end of a line, a known given name followed by a surname-like word
//! (`Kevin Werner`) or ending the message, and a form field that expects a name.

use super::lists::noun_ending;
use super::namey::{common_lower, looks_common_capital, may_be_given, Namey};
use super::scan::Scan;
use crate::case::Lowercase;
use crate::entity::Kind;
use crate::tokens::T;
use crate::words::cues::FILLERS;
use crate::words::flag;
use crate::words::names::GREETINGS;
use crate::words::streets::{is_street_word, lead_word};

impl Scan<'_, '_, '_> {
    /// A form field that expects a name: the whole value, if it is made of name words.
    /// True when the value was reported (nothing else is looked for then).
    pub(super) fn form_field(&mut self, expects: Option<Kind>) -> bool {
        if expects == Some(Kind::Person) && self.n > 0 && self.n <= 8 {
            if let Some((a, b)) = self.name_value(0, self.n) {
                self.emit(a, b, 0.35);
                return true;
            }
        }
        false
    }

    /// The name a value made of tokens `from..to` holds, as its first and last word:
    /// at most five words (titles before them stay outside), only `,` `.` `-` `'`
    /// between them, no code and no company word. For values whose place (a form
    /// field, a table column) says they name a person.
    pub(super) fn name_value(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        let tk = self.tk;
        let words: Vec<usize> = (from..to).filter(|&i| tk.v[i].t == T::Word).collect();
        let others_ok = (from..to).all(|i| matches!(tk.v[i].t, T::Word | T::Punct(',' | '.' | '-' | '\'')));
        // "dr. med. univ. Sabine K.", "Hr. Đorđević": the titles stay outside
        let titles = words
            .iter()
            .take_while(|&&i| {
                (tk.has(i, flag::TITLE) || tk.abbrev(i) && !tk.v[i].cap && tk.raw(i).len() <= 5) && i + 1 < to
            })
            .count();
        let words = if titles < words.len() { &words[titles..] } else { &words[..] };
        // "Bäckerei Müller GmbH" in a name field names a company, not a person (the
        // particle "der" of "van der Berg" is no company word here).
        let company = words.iter().any(|&i| tk.has(i, flag::ORG) && !tk.has(i, flag::PARTICLE));
        (others_ok && !company && !words.is_empty() && words.len() <= 5 && words.iter().all(|&i| !tk.v[i].code))
            .then(|| (words[0], *words.last().unwrap()))
    }

    /// "– Tina" at the end of a note: the writer's sign-off.
    pub(super) fn dash_signoff(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        if i > 0
            && matches!(tk.v[i - 1].t, T::Punct('-' | '–'))
            && tk.v[i - 1].e == tk.v[i].s
            && (tk.v[i - 1].sp || tk.v[i - 1].nl > 0)
            && tk.cap_or_lower(i)
            && tk.raw(i).chars().count() >= 2
            && i >= self.covered_to
        {
            let b = self.cx.extend(i);
            let end = b + 1 >= self.n || tk.v[b + 1].nl > 0;
            if end && self.cx.namey(i) != Namey::No {
                self.emit(i, b, 0.8);
                return Some(b + 1);
            }
        }
        None
    }

    /// "KARADAĞ Zeynep": a surname in capitals before a given name in title case, as on
    /// ID cards and forms.
    pub(super) fn caps_surname_given(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        let raw = tk.raw(i);
        // (a word in capitals starts with a capital: `cap` rules most words out first;
        // `all` stops at the first letter that is not a capital, mostly the second)
        if !(tk.v[i].cap
            && i >= self.covered_to
            && !tk.v[i].useg
            && raw.chars().all(char::is_uppercase)
            && raw.chars().nth(1).is_some()
            && self.cx.caps_surname(i)
            && i + 1 < self.n
            && tk.v[i + 1].nl == 0
            && tk.is_word(i + 1)
            && !tk.street(i))
        {
            return None;
        }
        let b = self.cx.extend(i + 1).max(i + 1);
        self.emit(i, b, 0.75);
        Some(b + 1)
    }

    /// "Hope Adebayo mein Name", "Will here again": a name of one to three words before
    /// a cue that follows it, at the start of a line or sentence or after a greeting.
    pub(super) fn name_before_cue(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        let n = self.n;
        if i < self.covered_to || !tk.cap_or_lower(i) || tk.v[i].code {
            return None;
        }
        let prev_ok = tk.line_start(i)
            || matches!(tk.v[i - 1].t, T::Punct(',' | '!' | '.' | ':' | '-' | '–'))
            || tk.is_word(i - 1) && tk.has(i - 1, flag::CUE) && GREETINGS.contains(&tk.low(i - 1));
        if !prev_ok || !self.cue_later_on_line(i) {
            return None;
        }
        let k = self.cx.namey(i);
        // "Will here": a given name that is also a function word, capitalised
        let stop_given = k == Namey::No && tk.capital(i) && tk.has(i, flag::GIVEN_F | flag::GIVEN_AMB_F);
        // after 'hier'/'here', several words only from a given name ("Frua Zobel hier"
        // has a mistyped title); before 'mein Name' any name-shaped words
        let given = stop_given || matches!(k, Namey::Given | Namey::Weak);
        let shaped = given || k != Namey::No && tk.capital(i) && !looks_common_capital(tk.low(i));
        if !shaped {
            return None;
        }
        let b = if stop_given { i } else { self.cx.extend(i) };
        let word = |j: usize| if tk.is_word(j) && tk.v[j].nl == 0 { tk.low(j) } else { "" };
        let (w1, w2) = (word(b + 1), word(b + 2));
        let ends = |j: usize| j >= n || tk.v[j].nl > 0 || matches!(tk.v[j].t, T::Punct(_));
        let cue = matches!((w1, w2), ("mein" | "my", "name" | "name's"))
            || given
                && matches!(w1, "here" | "hier" | "speaking" | "spricht")
                && (ends(b + 2) || FILLERS.contains(&w2))
                && (b > i || stop_given);
        if !cue {
            return None;
        }
        self.emit(i, b, 0.8);
        Some(b + 2)
    }

    /// "--" alone on a line (the e-mail signature separator): the next line signs.
    pub(super) fn after_separator(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        let sep = i >= 2
            && tk.v[i].nl > 0
            && tk.is_punct(i - 1, '-')
            && tk.is_punct(i - 2, '-')
            && tk.v[i - 1].nl == 0
            && tk.line_start(i - 2)
            && i >= self.covered_to;
        if !sep {
            return None;
        }
        let (a, b, sc) = self.cx.signature(i)?;
        self.emit(a, b, sc);
        Some(b + 1)
    }

    /// The last words of a message, one to three name words after `.`, `!`, a line
    /// break or a dash, starting with a given name ("… per favore. Salvatore",
    /// "danke! elfriede pöll", "- Raj"): the writer's sign-off.
    pub(super) fn final_signoff(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        let n = self.n;
        // The name (at most three words, `b <= i + 2`) and a `.`/`!` after it must reach
        // the end of the text (`end == n` below): a word five or more tokens before the
        // end is never a final sign-off, and most words are ruled out by this test alone.
        if i + 4 < n {
            return None;
        }
        let before_ok = i > 0
            && (tk.line_start_quoted(i)
                || matches!(tk.v[i - 1].t, T::Punct('.' | '!' | '-' | '–'))
                    && (tk.v[i - 1].sp || tk.v[i - 1].nl > 0 || tk.v[i].sp));
        if !(before_ok && i >= self.covered_to && tk.cap_or_lower(i) && tk.raw(i).chars().count() >= 2) {
            return None;
        }
        let known = self.known(i);
        let k = if known { Namey::Given } else { self.cx.namey(i) };
        if !(k == Namey::Given || k == Namey::Weak && tk.capital(i)) || tk.has(i, flag::CLOSING) {
            return None;
        }
        let b = self.cx.extend(i);
        let mut end = b + 1;
        if end < n && matches!(tk.v[end].t, T::Punct('.' | '!')) && tk.v[end].nl == 0 {
            end += 1;
        }
        if end < n || b > i + 2 {
            return None;
        }
        self.emit_unless_repeat(known, i, b, 0.7);
        Some(b + 1)
    }

    /// "1. Olusegun Adebisi, born 11 Nov 1980", "Maria Wimmer (geb. 1938)": two or
    /// three capitalised name-shaped words at the start of a line or after a colon,
    /// followed by a birth word or `*`; or, with a known given name among them, by a
    /// street and its house number (an address block on one line: "geändert: Maria
    /// Wimmer, Bahnhofstr. 12 a, 84028 Landshut"; "Grace Moss, 14 Elm Road").
    pub(super) fn name_before_birth(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        let n = self.n;
        // The name ends at `i + 1` or `i + 2` (see the checks on `b` below) and a `,` or
        // `(` on the same line follows it before the birth word: without one at `i + 2`
        // or `i + 3` nothing below can match, so the name is not read at all.
        let opens = |k: usize| k < n && tk.v[k].nl == 0 && matches!(tk.v[k].t, T::Punct(',' | '('));
        if !(opens(i + 2) || opens(i + 3)) {
            return None;
        }
        let starts = tk.line_start_quoted(i)
            || i > 0 && matches!(tk.v[i - 1].t, T::Punct(':' | '.' | ';'))
            || i > 0 && tk.is_punct(i - 1, ',') && tk.v[i].sp;
        if !(starts && i >= self.covered_to && tk.cap_or_lower(i) && self.cx.namey(i) != Namey::No) {
            return None;
        }
        let b = self.cx.extend(i);
        let first = i;
        // "Clinet Sophie Laine": a mistyped role word before a given name stays outside
        let i = if b == i + 2
            && self.cx.namey(i) == Namey::Unknown
            && matches!(self.cx.namey(i + 1), Namey::Given | Namey::Weak)
        {
            i + 1
        } else {
            i
        };
        let unlike = |k: usize| {
            !tk.cap_or_lower(k)
                || tk.has(k, flag::CALENDAR)
                || !tk.capital(k) && common_lower(tk, k)
                || noun_ending(tk.low(k)) && !tk.has(k, flag::GIVEN_F | flag::SURNAME_F)
        };
        if b == i || b > i + 2 || (i..=b).any(unlike) {
            return None;
        }
        let mut k = b + 1;
        while k < n && tk.v[k].nl == 0 && matches!(tk.v[k].t, T::Punct(',' | '(')) {
            k += 1;
        }
        let birth = k < n
            && tk.v[k].nl == 0
            && (tk.is_punct(k, '*')
                || tk.is_word(k)
                    && matches!(
                        tk.low(k),
                        "born" | "geb" | "geboren" | "née" | "né" | "nato" | "nata" | "nacido" | "nacida"
                    ));
        let street = || {
            let on_line = |j: usize| j < n && tk.v[j].nl == 0;
            let street_word = |j: usize| {
                on_line(j) && tk.is_word(j) && (is_street_word(tk.low(j)) || tk.v[j].cap && lead_word(tk.low(j)))
            };
            let number = |j: usize| on_line(j) && tk.v[j].t == T::Num;
            // (not after a word skipped as a role word: "Gasthaus Maria Rast, Hauptstraße 3")
            i == first
                && (i..=b).any(|j| tk.has(j, flag::GIVEN_F | flag::GIVEN_AMB_F))
                && (street_word(k) && (k + 1..k + 4).any(number) || number(k) && (k + 1..k + 4).any(street_word))
        };
        if !((birth || street()) && k > b + 1) {
            return None;
        }
        self.emit(i, b, 0.75);
        Some(b + 1)
    }

    /// "this is Mark's wife": a given name with an English
    /// possessive before a family word; the `'s` stays outside the name.
    pub(super) fn possessive_given(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        let raw = tk.raw(i);
        // (both endings end with the byte `s`: one test rules out most words)
        if raw.as_bytes().last() != Some(&b's') {
            return None;
        }
        let stem = raw.strip_suffix("'s").or_else(|| raw.strip_suffix("’s"))?;
        let family = tk.is_word(i + 1)
            && tk.v[i + 1].nl == 0
            && matches!(
                tk.low(i + 1),
                "wife" | "husband" | "son" | "daughter" | "mum" | "mom" | "dad" | "partner" | "brother" | "sister"
            );
        if !(family && i >= self.covered_to && tk.capital(i)) {
            return None;
        }
        if crate::words::word_flags(&stem.lowercase()) & (flag::GIVEN_F | flag::GIVEN_AMB_F) == 0 {
            return None;
        }
        let s = tk.v[i].s;
        self.emit_part(i, s, s + stem.len(), 0.75);
        Some(i + 1)
    }

    /// "Isabel hier", "Herr Leunberger hier": a name before 'hier'/'here'/'speaking'.
    pub(super) fn name_here(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        let n = self.n;
        if !(i + 1 < n
            && tk.is_word(i + 1)
            && matches!(tk.low(i + 1), "hier" | "here" | "speaking" | "am" | "spricht")
            && tk.v[i + 1].nl == 0)
        {
            return None;
        }
        let prev_ok = i == 0
            || tk.line_start(i)
            || self.cx.namey(i) == Namey::Given && tk.capital(i)
            || matches!(tk.v[i - 1].t, T::Punct(',' | '!' | '.' | '(' | ':'))
            || (tk.is_word(i - 1)
                && matches!(
                    tk.low(i - 1),
                    "hallo" | "hi" | "hey" | "servus" | "moin" | "hoi" | "grüezi" | "ja" | "hallöchen" | "na"
                ));
        let after_ok = tk.low(i + 1) != "am" || i + 2 >= n || tk.v[i + 2].t != T::Word;
        let k = self.cx.namey(i);
        if prev_ok
            && after_ok
            && tk.low(i + 1) != "am"
            && matches!(k, Namey::Given | Namey::Weak | Namey::Surname | Namey::Unknown)
            && tk.cap_or_lower(i)
            && (k != Namey::Unknown
                || tk.capital(i)
                || tk.lower_at(i)
                    && i >= 2
                    && tk.is_punct(i - 1, ',')
                    && tk.is_word(i - 2)
                    && matches!(
                        tk.low(i - 2),
                        "hallo" | "hi" | "hey" | "servus" | "moin" | "hoi" | "grüezi" | "hello" | "ciao" | "salut"
                    ))
        {
            if i >= self.covered_to {
                self.emit(i, i, 0.8);
            }
            return Some(i + 2);
        }
        None
    }

    /// "…, Kunde Haumer, Tea" / "Nguyen, Randy" at the end of a line: surname, given name.
    pub(super) fn surname_comma_given(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        let n = self.n;
        if !(i >= self.covered_to
            && tk.capital(i)
            && i + 2 < n
            && tk.is_punct(i + 1, ',')
            && tk.v[i + 2].nl == 0
            && tk.capital(i + 2))
        {
            return None;
        }
        let g = i + 2;
        let line_end = g + 1 >= n
            || tk.v[g + 1].nl > 0
            || (matches!(tk.v[g + 1].t, T::Punct('.')) && (g + 2 >= n || tk.v[g + 2].nl > 0));
        let k1 = self.cx.namey(i);
        let k2 = self.cx.namey(g);
        let prev_role = i > 0 && tk.is_word(i - 1) && tk.v[i].nl == 0 && tk.capital(i - 1);
        if line_end
            && matches!(k1, Namey::Surname | Namey::Unknown | Namey::Given | Namey::Weak)
            && (k2 == Namey::Given || prev_role && k2 != Namey::No)
            && !tk.street(i)
        {
            self.emit(i, g, 0.75);
            return Some(g + 1);
        }
        None
    }

    /// No cue: a known given name and a surname-like word ("Kevin Werner"), or a lone
    /// given name ending the message after a comma ("Thanks, Roy").
    pub(super) fn given_surname(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        let n = self.n;
        let after_number = i > 0 && tk.v[i - 1].t == T::Num && tk.v[i].nl == 0;
        if i < self.covered_to || after_number || !tk.cap_or_lower(i) {
            return None;
        }
        let known = self.known(i);
        if !(known || may_be_given(tk, i)) || !tk.capital(i) && common_lower(tk, i) {
            return None;
        }
        let k = if known { Namey::Given } else { self.cx.namey(i) };
        if !matches!(k, Namey::Given | Namey::Weak) {
            return None;
        }
        let mut b = self.cx.extend(i);
        if b > i
            && !known
            && (k == Namey::Weak || tk.lower_at(i))
            && !matches!(self.cx.namey(i + 1), Namey::Given | Namey::Surname)
        {
            b = i;
        }
        if b > i {
            let sc = if k == Namey::Given { 0.72 } else { 0.6 };
            self.emit_unless_repeat(known, i, b, sc);
            return Some(b + 1);
        }
        // a lone given name at the end of a message after a comma ("Thanks, Roy")
        let end_after = i + 1 >= n
            || matches!(tk.v[i + 1].t, T::Punct('.' | '!')) && (i + 2 >= n || tk.v[i + 2].nl > 0)
            || tk.v[i + 1].nl > 0;
        let comma_before = i > 0 && (tk.is_punct(i - 1, ',') || tk.v[i].nl > 0 && tk.line_start(i));
        if k == Namey::Given && end_after && comma_before && i + 1 >= n.min(i + 2) {
            self.emit_unless_repeat(known, i, i, 0.7);
        }
        None
    }
}

//! The steps of the name recogniser that start at a cue word: titles and salutations
//! (strong evidence), closings (a signature follows), labels, roles, intros and greetings
//! (medium evidence: the next word must look like a name), `ich (Carina, …)` and
//! `meine Frau Ariane`. Each step either claims token `i` (returning where to go on)
//! or returns `None` for the next step to try.

use super::lists::{lst, match_cue};
use super::namey::{common_lower, tab_before, Namey};
use super::scan::Scan;
use crate::tokens::{Tokens, T};
use crate::words::cues::{BRACKET_ROLES, CUES, FILLERS, FORM_NOUNS, FROM_HEADERS};
use crate::words::flag;
use crate::words::names::{FAMILY, GREETINGS};

/// Is word `i` a title or salutation here (`Herr`, `Dr.`; not `meine Frau`, not a lone
/// lower-case `ma` or `di`)?
fn is_title(tk: &Tokens<'_>, i: usize) -> bool {
    let w = tk.low(i);
    tk.flags(i) & flag::TITLE != 0
        && (w != "di" || tk.raw(i).starts_with("DI"))
        && (!matches!(w, "ma" | "ba" | "sir" | "lady" | "dame" | "lord") || tk.capital(i))
        && !(matches!(w, "frau" | "fr") && after_article(tk, i))
        && (w != "fr" || tk.abbrev(i))
        && (w != "hr" || tk.abbrev(i))
        && (!matches!(w, "ma" | "ba" | "msc" | "bsc") || tk.abbrev(i))
}

/// Does a possessive or article come just before word `i` ("meine Frau", "die Frau")?
fn after_article(tk: &Tokens<'_>, i: usize) -> bool {
    i > 0
        && tk.is_word(i - 1)
        && matches!(
            tk.low(i - 1),
            "meine" | "meiner" | "seine" | "seiner" | "deine" | "ihre" | "die" | "eine" | "einer" | "der"
        )
}

/// A possessive before word `i` ("mein", "my", "mon", "mijn", …).
fn after_possessive(tk: &Tokens<'_>, i: usize) -> bool {
    i > 0
        && tk.is_word(i - 1)
        && matches!(
            tk.low(i - 1),
            "mein"
                | "meine"
                | "meinem"
                | "meinen"
                | "meiner"
                | "unser"
                | "unsere"
                | "my"
                | "our"
                | "mon"
                | "ma"
                | "mio"
                | "mia"
                | "mi"
                | "mijn"
                | "onze"
        )
}

impl Scan<'_, '_, '_> {
    /// Titles and salutations: the next capitalised words are the name, whatever they
    /// are. Claims every title, whether a name follows or not.
    pub(super) fn title(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        if !is_title(tk, i) {
            return None;
        }
        let next = if tk.abbrev(i) { i + 2 } else { i + 1 };
        if next < self.n && tk.v[next].nl == 0 {
            if let Some((a, b)) = self.cx.name_at(next, 2) {
                if a >= self.covered_to {
                    self.emit(a, b, 0.9);
                }
                return Some(b + 1);
            }
        }
        Some(i + 1)
    }

    /// Closings: the next words (same line after ',' or the next line) sign.
    pub(super) fn closing(&mut self, i: usize) -> Option<usize> {
        let (a, b, sc) = self.cx.closing_signature(i)?;
        if a >= self.covered_to {
            self.emit(a, b, sc);
        }
        Some(b + 1)
    }

    /// The longest cue (label, role, intro, greeting) starting at word `i`: the index
    /// after it and its strength.
    fn longest_cue(&self, i: usize) -> Option<(usize, u8)> {
        let tk = self.tk;
        if tk.flags(i) & flag::CUE == 0 {
            return None;
        }
        let cue_idx = lst().cues_from(tk.low(i))?;
        let mut best: Option<(usize, u8)> = None;
        for (cue, strength) in cue_idx.iter().map(|&k| &CUES[usize::from(k)]) {
            if *strength == 0 {
                continue;
            }
            if let Some(j) = match_cue(tk, i, cue) {
                // keep the longest cue
                if best.map_or(true, |(bj, _)| j > bj) {
                    best = Some((j, *strength));
                }
            }
        }
        best
    }

    /// Labels, roles, intros and greetings: a name-like word after the cue is the name.
    pub(super) fn cue(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        let n = self.n;
        let (mut j, mut strength) = self.longest_cue(i)?;
        let w = tk.low(i);
        // family and role words after a possessive are strong ("mein Kind Annemie");
        // roles and intros may be followed by a verb ("Kunde Müller ruft an")
        if after_possessive(tk, i) && FAMILY.contains(&w) {
            strength = 2;
        } else if strength == 1 && !GREETINGS.contains(&w) {
            strength = 3;
        }
        // "Ansprechpartnerin ist Frau X": a title after the cue decides; "ich bin's
        // nochmal, Aylin": filler words (and a comma) between an intro and the name
        let intro = strength == 3;
        while j < n && tk.v[j].nl == 0 {
            if tk.is_word(j)
                && (matches!(tk.low(j), "ist" | "is" | "war" | "was" | "named" | "called" | "heißt" | "heisst")
                    || intro && !tk.capital(j) && FILLERS.contains(&tk.low(j)))
                || intro && j > i + 1 && matches!(tk.v[j].t, T::Punct(',' | '-' | '–'))
            {
                j += 1;
            } else {
                break;
            }
        }
        if j < n && tk.is_word(j) && tk.has(j, flag::TITLE) {
            return Some(j);
        }
        if j < n && tk.is_word(j) && !tk.capital(j) && FORM_NOUNS.contains(&tk.low(j)) {
            return Some(j);
        }
        let same_line =
            j < n && (tk.v[j].nl == 0 || matches!(tk.low(i), "name" | "naam" | "kontoinhaber" | "kontoinhaberin"));
        // a tab ends the cell of a table header
        if !same_line || tab_before(tk, j) {
            return None;
        }
        let (a, b) = self.cx.name_at(j, strength)?;
        let b = self.given_after_comma(a, b);
        if a >= self.covered_to {
            self.emit(a, b, if strength == 2 { 0.9 } else { 0.8 });
        }
        Some(b + 1)
    }

    /// "Kunde Stelzl, Aurelia": surname, comma, given name. The last token of the name
    /// read as `a..=b`, with the given name if one follows.
    fn given_after_comma(&mut self, a: usize, b: usize) -> usize {
        let tk = self.tk;
        let n = self.n;
        // Only after a one-word name, or before a known given name: after a full name
        // ("Jonas Weber, Rückruf erbeten") the word after the comma starts the message.
        if b + 2 < n
            && tk.is_punct(b + 1, ',')
            && tk.v[b + 2].nl == 0
            && (a == b || tk.has(b + 2, flag::GIVEN_F) && !tk.has(b + 2, flag::STOP))
            && self.cx.namey(b + 2) != Namey::No
            && tk.capital(b + 2) == tk.capital(a)
            && (tk.capital(b + 2) || tk.has(b + 2, flag::GIVEN_F) && !common_lower(tk, b + 2))
            && !tk.street(b + 2)
            && !(b + 3 < n && matches!(tk.v[b + 3].t, T::Num | T::Punct('.')))
        {
            let after = b + 3;
            if after >= n
                || tk.v[after].nl > 0
                || matches!(tk.v[after].t, T::Punct(_))
                || tk.v[after].t == T::Word && !tk.capital(after)
            {
                return b + 2;
            }
        }
        b
    }

    /// "ich (Carina, geb. …)": a name in brackets after "I".
    pub(super) fn self_in_brackets(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        if !(tk.is_punct(i + 1, '(') && matches!(tk.low(i), "ich" | "i" | "me" | "moi" | "io" | "yo" | "ik")) {
            return None;
        }
        let (a, b) = self.cx.name_at(i + 2, 2)?;
        if tk.is_punct(b + 1, ',')
            || tk.is_punct(b + 1, ')')
            || tk.is_word(b + 1) && matches!(tk.low(b + 1), "geb" | "born" | "né" | "née" | "nato" | "nata" | "jg")
        {
            self.emit(a, b, 0.8);
            return Some(b + 1);
        }
        None
    }

    /// "beim Nachbarn (Pavlović)", "agent (Rebecca?)", "Krzysztof here (Zieliński)":
    /// name words in brackets at `i`, after a role word or right after a name.
    pub(super) fn name_in_brackets(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        if !(i >= 2 && tk.is_punct(i - 1, '(') && tk.v[i].nl == 0 && tk.cap_or_lower(i) && i >= self.covered_to) {
            return None;
        }
        let p = i - 2;
        let role = tk.is_word(p) && BRACKET_ROLES.contains(&tk.low(p));
        let after_name = self.covered_to == i - 1
            || self.covered_to == p && tk.is_word(p) && matches!(tk.low(p), "here" | "hier" | "speaking");
        // after a name, a department in brackets is no name ("Herr X (Einkauf)")
        if !(role || after_name && matches!(self.cx.namey(i), Namey::Given | Namey::Surname | Namey::Weak)) {
            return None;
        }
        let (a, b) = self.cx.name_at(i, 2)?;
        let closes = |k: usize| tk.is_punct(k, ')') || tk.is_punct(k, '?') || tk.is_punct(k, ',');
        if a != i
            || !closes(b + 1)
            || (a..=b).any(|k| tk.is_word(k) && !tk.cap_or_lower(k) && !tk.has(k, flag::PARTICLE))
        {
            return None;
        }
        self.emit(a, b, 0.8);
        Some(b + 1)
    }

    /// "Von: Hakan Yıldırım <hakan@…>": the sender in the header of a forwarded e-mail.
    pub(super) fn sender_header(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        if !(tk.is_punct(i + 1, ':') && tk.line_start_quoted(i) && FROM_HEADERS.contains(&tk.low(i))) {
            return None;
        }
        let (a, b) = self.cx.name_at(i + 2, 2)?;
        let n = self.n;
        let ends = b + 1 >= n || tk.v[b + 1].nl > 0 || tk.is_punct(b + 1, '<') || tk.is_punct(b + 1, '[');
        if !ends || tk.v[a].nl > 0 || a < self.covered_to {
            return None;
        }
        self.emit(a, b, 0.85);
        Some(b + 1)
    }

    /// "Nadine Kroll geb. Ehrhardt", "(née Price)": the birth name after a name.
    pub(super) fn birth_name(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        let w = tk.low(i);
        if !matches!(w, "geb" | "geborene" | "geborener" | "née" | "né" | "nee") {
            return None;
        }
        let after_name = self.covered_to == i || tk.is_punct(i - 1, '(') && self.covered_to == i - 1;
        let next = if tk.abbrev(i) { i + 2 } else { i + 1 };
        if !(after_name && tk.is_word(next) && tk.v[next].nl == 0 && tk.cap_or_lower(next)) {
            return None;
        }
        if matches!(self.cx.namey(next), Namey::No) || tk.has(next, flag::CALENDAR) {
            return None;
        }
        let b = self.cx.extend(next);
        self.emit(next, b, 0.8);
        Some(b + 1)
    }

    /// "meine Frau Ariane", "mein Mann Peter": a role, not a title.
    pub(super) fn partner(&mut self, i: usize) -> Option<usize> {
        let tk = self.tk;
        let role = matches!(tk.low(i), "frau" | "mann" | "freundin" | "freund")
            && i > 0
            && tk.is_word(i - 1)
            && matches!(
                tk.low(i - 1),
                "meine"
                    | "mein"
                    | "meiner"
                    | "meinem"
                    | "seine"
                    | "sein"
                    | "deine"
                    | "dein"
                    | "ihre"
                    | "ihr"
                    | "unsere"
            );
        if !role {
            return None;
        }
        let (a, b) = self.cx.name_at(i + 1, 1)?;
        if tk.v[a].nl == 0 && a >= self.covered_to {
            self.emit(a, b, 0.8);
            return Some(b + 1);
        }
        None
    }
}

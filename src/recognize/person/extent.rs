//! Reading a name from its first token: how far it extends (more name words, initials,
//! particles such as `van der`, generational suffixes) and, given the strength of the
//! evidence before it, whether the word there may start a name at all
//! ([`Ctx::name_at`]). Every cue step of the recogniser ends here.

use super::lists::{ends_with_any, noun_ending};
use super::namey::{common_lower, looks_common_capital, tab_before, Ctx, Namey};
use crate::words::flag;

impl Ctx<'_, '_> {
    /// A single capital letter followed by '.' (an initial).
    pub(super) fn initial(&self, i: usize) -> bool {
        let tk = self.tk;
        tk.is_word(i) && tk.cap_or_lower(i) && one_char(tk.raw(i)) && tk.abbrev(i)
    }

    /// Can token `i` continue a name started before it (same line, a space apart)?
    pub(super) fn continues(&mut self, i: usize) -> bool {
        let tk = self.tk;
        if i >= tk.v.len() || tk.v[i].nl > 0 || !tk.is_word(i) || tab_before(tk, i) {
            return false;
        }
        let w = tk.low(i);
        let k = self.namey(i);
        let name_word = if k == Namey::No {
            // after a name, a capitalised word with a noun ending is still a surname
            // ("Dietrich Hartung"), but not a function word, team or title
            let raw = tk.raw(i);
            tk.capital(i)
                && !tk.has(i, flag::STOP | flag::ORG | flag::TITLE)
                && !(raw.chars().count() <= 5 && raw.chars().all(|c| c.is_uppercase()))
                && noun_ending(w)
        } else {
            tk.capital(i)
                || tk.lower_at(i)
                    && matches!(k, Namey::Given | Namey::Surname | Namey::Unknown | Namey::Weak)
                    && !common_lower(tk, i)
        };
        // generational suffixes ("Jr.", "II") and street words are not name words
        // (tested last: the street lists are read only for a word that may continue)
        name_word && !matches!(w, "ii" | "iii" | "iv" | "jr" | "sr" | "jun" | "sen") && !tk.street(i)
    }

    /// Extends a name that starts at token `i` (already accepted) to its last token.
    /// Returns the index of the last token.
    pub(super) fn extend(&mut self, i: usize) -> usize {
        let tk = self.tk;
        let mut last = i;
        let mut k = i + 1;
        let mut words = 1;
        while words < 4 && k < tk.v.len() {
            if self.initial(k) && tk.v[k].nl == 0 {
                // "Hans P. Müller", "T. A. Okafor": one or more initials, then a name word
                let m = self.after_initials(k);
                if self.continues(m) {
                    last = m;
                    words += (m - k) / 2 + 1;
                    k = m + 1;
                    continue;
                }
                if let Some(p) = self.particle_name(m) {
                    // "J. De Santis"
                    last = p;
                    words += 2;
                    k = p + 1;
                    continue;
                }
                break;
            }
            // "Margaret (Peggy) Holloway": a nickname in brackets between name words
            if tk.is_punct(k, '(')
                && tk.v[k].nl == 0
                && tk.is_word(k + 1)
                && tk.cap_or_lower(k + 1)
                && tk.is_punct(k + 2, ')')
                && self.namey(k + 1) != Namey::No
            {
                let after = if self.continues(k + 3) { Some(k + 3) } else { self.particle_name(k + 3) };
                if let Some(p) = after {
                    last = p;
                    k = p + 1;
                    words += 1;
                    continue;
                }
            }
            // "Francesca De Luca", "Nguyen Van Long": a capitalised particle before a name word
            let cap_particle = tk.capital(k) && tk.v[k].nl == 0 && tk.has(k, flag::PARTICLE) && tk.capital(k + 1);
            if tk.is_word(k) && tk.v[k].nl == 0 && tk.has(k, flag::PARTICLE) && (!tk.capital(k) || cap_particle) {
                // particles: "van der Berg", "di Stefano"
                let mut m = k;
                while m < tk.v.len() && tk.is_word(m) && tk.v[m].nl == 0 && tk.has(m, flag::PARTICLE) && m < k + 3 {
                    m += 1;
                }
                // "Timo von Timos Kaffeebude": a possessive before a noun is a business
                let possessive = tk.is_word(m)
                    && tk.low(m).ends_with('s')
                    && tk.is_word(m + 1)
                    && tk.v[m + 1].nl == 0
                    && tk.cap_or_lower(m + 1);
                if m < tk.v.len()
                    && tk.is_word(m)
                    && tk.v[m].nl == 0
                    && !possessive
                    && tk.cap_or_lower(m)
                    && self.namey(m) != Namey::No
                    && !tk.street(m)
                {
                    last = m;
                    k = m + 1;
                    words += 1;
                    continue;
                }
                break;
            }
            if self.continues(k) {
                last = k;
                k += 1;
                words += 1;
                continue;
            }
            // a generational numeral belongs to the name ("Koch II"); "Jr." stays outside
            if tk.is_word(k) && tk.v[k].nl == 0 && matches!(tk.raw(k), "II" | "III" | "IV") {
                last = k;
            }
            break;
        }
        last
    }

    /// Tries to read a name starting at token `i` with the given evidence strength
    /// (2 strong, 1 medium). Returns (first, last) token indices.
    pub(super) fn name_at(&mut self, mut i: usize, strength: u8) -> Option<(usize, usize)> {
        let tk = self.tk;
        // skip further titles ("Herr Dr. Mag.") and articles ("ich bin die Maria")
        let mut guard = 0;
        while i < tk.v.len() && guard < 4 {
            guard += 1;
            if tk.is_word(i) && tk.has(i, flag::TITLE) && (tk.low(i) != "di" || tk.capital(i)) {
                i += if tk.abbrev(i) { 2 } else { 1 };
                if tk.is_punct(i, '-') {
                    // Dipl.-Ing.
                    i += 1;
                }
                continue;
            }
            if tk.is_word(i)
                && strength >= 1
                && matches!(tk.low(i), "die" | "der" | "the" | "ist" | "is" | "la" | "el")
                && i + 1 < tk.v.len()
                && tk.v[i + 1].nl == 0
            {
                i += 1;
                continue;
            }
            break;
        }
        if i >= tk.v.len() {
            return None;
        }
        // "M. Huber" / "J. Young" / "T. A. Okafor"
        let first = i;
        if self.initial(i) {
            if let Some(p) = self.particle_name(self.after_initials(i)) {
                return Some((first, self.extend(p)));
            }
        }
        let i = if self.initial(i) { self.after_initials(i) - 2 } else { i };
        if self.initial(i)
            && i + 2 < tk.v.len()
            && tk.v[i + 2].nl == 0
            && tk.is_word(i + 2)
            && (tk.capital(i + 2) || tk.lower_at(i + 2) && tk.raw(i + 2).chars().count() > 1)
        {
            let k = self.namey(i + 2);
            if k != Namey::No {
                let last = self.extend(i + 2);
                return Some((first, last));
            }
        }
        if !tk.is_word(i) {
            return None;
        }
        // "Frau van der Dussen": particles before a capitalised surname
        if strength >= 2 && tk.has(i, flag::PARTICLE) && !tk.capital(i) {
            let mut m = i;
            while m < tk.v.len() && m < i + 3 && tk.is_word(m) && tk.v[m].nl == 0 && tk.has(m, flag::PARTICLE) {
                m += 1;
            }
            if m < tk.v.len() && tk.is_word(m) && tk.v[m].nl == 0 && tk.cap_or_lower(m) && self.namey(m) != Namey::No {
                let last = self.extend(m);
                return Some((i, last));
            }
            return None;
        }
        let mut k = self.namey(i);
        if k == Namey::No && strength == 2 && self.caps_before_titled(i) {
            k = Namey::Surname;
        }
        let cap = tk.capital(i);
        let w = tk.low(i);
        let ok = match k {
            Namey::No => false,
            Namey::Given | Namey::Surname => cap || tk.lower_at(i) || strength == 2,
            Namey::Weak => cap || tk.lower_at(i),
            Namey::Unknown => {
                if tk.street(i) {
                    false
                } else if cap {
                    strength == 2 || self.next_is_namey(i) || !looks_common_capital(w)
                } else {
                    // lower case: only in all-lower chat, with strong evidence or an intro
                    // followed by a two-word name ("bin iwona hesse")
                    tk.lower_at(i)
                        && !common_lower(tk, i)
                        && (strength == 2 || strength == 3 && (self.continues(i + 1) || self.comma_given(i + 1)))
                }
            }
        };
        if !ok || self.code_or_profession(i, k) {
            return None;
        }
        let last = self.extend(i);
        // "Dear Crestview team": a team, not a person
        let nx = last + 1;
        if nx < tk.v.len() && tk.is_word(nx) && tk.v[nx].nl == 0 && tk.has(nx, flag::ORG) {
            return None;
        }
        // "Hallo, Paket ist …": an unknown word followed by a verb is a noun subject
        if last == i
            && strength == 1
            && k == Namey::Unknown
            && !tk.lower_at(i)
            && nx < tk.v.len()
            && tk.is_word(nx)
            && tk.v[nx].nl == 0
            && !tk.capital(nx)
        {
            return None;
        }
        // A lone ambiguous word with medium evidence is not enough ("Hallo Mai" is fine,
        // "bin Wolf" is not sure) unless followed by another name word.
        // An intro ("its john, …", "its john can you") is enough when the name ends there.
        let intro_end = strength == 3 && (nx >= tk.v.len() || !tk.is_word(nx) || common_lower(tk, nx));
        if last == i && strength != 2 && k == Namey::Weak && !cap && !intro_end {
            return None;
        }
        Some((i, last))
    }

    /// Particles at `m` ("De", "van der") followed by a capitalised name word on the
    /// same line: the index of that word.
    fn particle_name(&mut self, m: usize) -> Option<usize> {
        let tk = self.tk;
        let mut p = m;
        while p < m + 3 && tk.is_word(p) && tk.v[p].nl == 0 && tk.has(p, flag::PARTICLE) {
            p += 1;
        }
        (p > m && tk.is_word(p) && tk.v[p].nl == 0 && tk.capital(p) && self.namey(p) != Namey::No && !tk.street(p))
            .then_some(p)
    }

    /// The token after a run of initials starting at `k` ("T. A. " → the word after).
    fn after_initials(&self, mut k: usize) -> usize {
        let start = k;
        while self.initial(k) && (k == start || self.tk.v[k].nl == 0) {
            k += 2;
        }
        k
    }

    /// "stelzl, aurelia": token `i` is a comma and a known given name follows it on the line.
    fn comma_given(&self, i: usize) -> bool {
        let tk = self.tk;
        tk.is_punct(i, ',') && tk.is_word(i + 1) && tk.v[i + 1].nl == 0 && tk.has(i + 1, flag::GIVEN_F)
    }

    /// "Name: NOWAK Bartosz": word `i` is a surname in capitals before a title-case word.
    fn caps_before_titled(&self, i: usize) -> bool {
        let tk = self.tk;
        tk.raw(i).chars().count() >= 2
            && tk.raw(i).chars().all(char::is_uppercase)
            && tk.flags(i) & (flag::STOP | flag::TITLE | flag::ORG | flag::CALENDAR) == 0
            && tk.is_word(i + 1)
            && tk.v[i + 1].nl == 0
            && !tab_before(tk, i + 1)
            && tk.capital(i + 1)
            && tk.raw(i + 1).chars().count() >= 3
            && !tk.has(i + 1, flag::STOP)
            && tk.raw(i + 1).chars().skip(1).any(char::is_lowercase)
    }

    /// "Escalated to T2": a code; "Ich bin Fotografin": a profession after an intro.
    fn code_or_profession(&mut self, i: usize, k: Namey) -> bool {
        let tk = self.tk;
        let w = tk.low(i);
        let glued_number = i + 1 < tk.v.len() && tk.v[i + 1].t == crate::tokens::T::Num && tk.v[i + 1].s == tk.v[i].e;
        let after_intro = i > 0
            && tk.is_word(i - 1)
            && matches!(tk.low(i - 1), "bin" | "am" | "bins" | "suis" | "sono" | "soy" | "ben");
        let profession = after_intro
            && k == Namey::Unknown
            && !self.next_is_namey(i)
            && ends_with_any(
                w,
                &[
                    "erin", "in", "ist", "istin", "ent", "entin", "ant", "antin", "eur", "iker", "ikerin", "ekt",
                    "ator", "arzt", "meister", "loge", "nom",
                ],
                4,
            );
        glued_number || profession
    }

    /// Is the word after `i` on the same line capitalised and possibly a name?
    fn next_is_namey(&mut self, i: usize) -> bool {
        let tk = self.tk;
        i + 1 < tk.v.len()
            && tk.v[i + 1].nl == 0
            && tk.capital(i + 1)
            && matches!(self.namey(i + 1), Namey::Given | Namey::Surname | Namey::Unknown | Namey::Weak)
    }
}

/// `s` is one character (an initial), read without counting all of them.
fn one_char(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some() && c.next().is_none()
}

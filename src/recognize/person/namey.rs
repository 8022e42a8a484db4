//! How name-like one word is ([`Namey`]), judged from the word-list bits of the shared
//! tokeniser and the surname / common-noun endings, and memoised per token in [`Ctx`],
//! the state every step of the name recogniser reads through. Also the cheap tests
//! that rule a word out before the full judgement (`may_be_given`, `common_lower`,
//! `looks_common_capital`).

use super::lists::{ends_with_any, in_list, noun_ending, surname_ending};
use crate::case::Lowercase;
use crate::tokens::Tokens;
use crate::words::{flag, held_out, word_flags};

/// How name-like one word is.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(super) enum Namey {
    /// Never a name here.
    No,
    /// Unknown word (capitalised or not; the caller decides).
    Unknown,
    /// A known given name that is also an ordinary word, or a surname that is.
    Weak,
    /// Surname shape or frequent surname.
    Surname,
    /// Known given name.
    Given,
}

/// The tokens of one text and what is known about their words.
pub(super) struct Ctx<'a, 't> {
    pub(super) tk: &'a Tokens<'t>,
    /// namey() per token, computed once (0 = not yet).
    memo: Vec<u8>,
}

impl<'a, 't> Ctx<'a, 't> {
    /// Nothing judged yet.
    pub(super) fn new(tk: &'a Tokens<'t>) -> Ctx<'a, 't> {
        Ctx { tk, memo: vec![0; tk.v.len()] }
    }
}

impl Ctx<'_, '_> {
    /// How name-like token `i` is (memoised).
    pub(super) fn namey(&mut self, i: usize) -> Namey {
        if !self.tk.is_word(i) {
            return Namey::No;
        }
        if let Some(&m) = self.memo.get(i) {
            if m != 0 {
                return [Namey::No, Namey::Unknown, Namey::Weak, Namey::Surname, Namey::Given][m as usize - 1];
            }
        }
        let k = self.namey_uncached(i);
        if i < self.memo.len() {
            self.memo[i] = k as u8 + 1;
        }
        k
    }

    fn namey_uncached(&mut self, i: usize) -> Namey {
        let w = self.tk.low(i);
        let raw = self.tk.raw(i);
        let wf = self.tk.flags(i);
        if wf & (flag::STOP | flag::TITLE) != 0 {
            return Namey::No;
        }
        if wf & flag::CALENDAR != 0 {
            return Namey::Weak;
        }
        // All-caps words of 2-5 letters are codes (IBAN, BIC, UID, KD) unless the text
        // shouts or they stand next to a given name as on forms ("GEIER Oliver").
        // (`all` stops at the first letter that is not a capital; the letters are
        // counted only for words in capitals)
        let caps = raw.chars().all(|c| c.is_uppercase());
        let n = if caps { w.chars().count() } else { 0 };
        if caps && n >= 2 && self.caps_surname(i) {
            return Namey::Surname;
        }
        if (2..=5).contains(&n) && caps && !self.tk.v[i].useg {
            return Namey::No;
        }
        // Most words have no `-`, `'` or `’` (a bit of the token): the tests of their
        // parts are skipped for them.
        let joined = self.tk.joined(i);
        // English contractions: I'm, it's, don't, we're, I'll, they've, I'd
        if let Some((_, tail)) = joined.then(|| w.split_once(['\'', '’'])).flatten() {
            if matches!(tail, "m" | "s" | "t" | "re" | "ll" | "ve" | "d") {
                return Namey::No;
            }
        }
        // "USt-ID", "Kd-Nr": a part in capitals of two or three letters makes a code
        if joined
            && !self.tk.v[i].useg
            && raw.contains('-')
            && raw.split('-').any(|p| {
                (2..=3).contains(&p.chars().count()) && p.chars().skip(1).any(char::is_uppercase)
                    || matches!(p.lowercase().as_str(), "nr" | "id" | "kd" | "tel" | "fax" | "ust")
            })
        {
            return Namey::No;
        }
        // Hyphenated: judge by the parts (Marie-Claire, Ramic-Seemann).
        let whole = !joined;
        let parts = (!whole)
            .then(|| w.split(['-', '\'', '’']).filter(|p| !p.is_empty()))
            .into_iter()
            .flatten()
            .chain(whole.then_some(w));
        let mut best = Namey::No;
        let mut any_noun = false;
        for p in parts {
            let pf = if whole { wf } else { word_flags(p) };
            let listed_surname = pf & flag::SURNAME_F != 0;
            let k = if pf & flag::GIVEN_F != 0 && !held_out(p) {
                Namey::Given
            } else if pf & flag::GIVEN_AMB_F != 0 {
                Namey::Weak
            } else if listed_surname || surname_ending(p) {
                Namey::Surname
            } else {
                Namey::Unknown
            };
            if pf & flag::ORG != 0
                || pf & flag::STOP != 0 && p.len() > 3
                || k < Namey::Given && !listed_surname && noun_ending(p)
            {
                any_noun = true;
            }
            best = best.max(k);
        }
        if any_noun && best < Namey::Given {
            return Namey::No;
        }
        if best == Namey::No {
            Namey::Unknown
        } else {
            best
        }
    }
}

impl Ctx<'_, '_> {
    /// All-caps word `i` next to a given name in title case on the same line ("GEIER
    /// Oliver", "Oliver GEIER"): the surname, written as on ID cards and forms.
    pub(super) fn caps_surname(&self, i: usize) -> bool {
        let tk = self.tk;
        let titled_given = |j: usize| {
            tk.is_word(j)
                && tk.capital(j)
                && tk.raw(j).chars().skip(1).any(char::is_lowercase)
                && tk.has(j, flag::GIVEN_F | flag::GIVEN_AMB_F)
                && !tk.has(j, flag::STOP | flag::TITLE | flag::CALENDAR)
        };
        tk.flags(i) & (flag::STOP | flag::TITLE | flag::ORG | flag::CALENDAR) == 0
            && tk.raw(i).chars().count() >= 3
            && (i + 1 < tk.v.len() && tk.v[i + 1].nl == 0 && !tab_before(tk, i + 1) && titled_given(i + 1)
                || i > 0 && tk.v[i].nl == 0 && !tab_before(tk, i) && titled_given(i - 1))
    }
}

/// A tab between token `i` and the one before it: table cells, not one name.
pub(super) fn tab_before(tk: &Tokens<'_>, i: usize) -> bool {
    i > 0 && tk.text.as_bytes()[tk.v[i - 1].e..tk.v[i].s].contains(&b'\t')
}

/// False when [`Ctx::namey`] cannot say `Given` or `Weak` for word `i`: neither the word
/// nor (if it has `-`/`'`) one of its parts is in a given-name list or the calendar.
/// One flag test instead of the whole judgement for most words.
pub(super) fn may_be_given(tk: &Tokens<'_>, i: usize) -> bool {
    tk.flags(i) & (flag::GIVEN_F | flag::GIVEN_AMB_F | flag::CALENDAR) != 0 || tk.joined(i)
}

/// Lower-case words of chat that are verbs/adverbs, not names, in languages we see.
pub(super) fn common_lower(tk: &Tokens<'_>, i: usize) -> bool {
    let w = tk.low(i);
    const CHAT_WORDS: &[&str] = &[
        "sauer", "froh", "krank", "voll", "traurig", "müde", "fertig", "wütend", "happy", "sad", "sick", "tired",
        "mad", // chat words that are also given names in the lists ("ty" = thank you)
        "ty", "else", "can", "will", "said", "falsch", "richtig", "korrekt", "wrong", "right", "correct",
    ];
    tk.has(i, flag::STOP)
        || in_list(CHAT_WORDS, w)
        || w.starts_with("ge") && w.ends_with('t') && w.chars().count() > 5
        || w.ends_with("ing") && !w.ends_with("ring") && w.len() > 5
        || ends_with_any(w, &["ed", "ly", "lich", "isch", "ung", "heit", "keit", "ieren", "iert"], 2)
            && !tk.has(i, flag::GIVEN | flag::SURNAME)
}

/// Capitalised unknown words that read like common nouns: weak cues need more.
pub(super) fn looks_common_capital(w: &str) -> bool {
    // Typical German noun endings and plural/infinitive shapes.
    noun_ending(w) || ends_with_any(w, &["ung", "en", "ie", "ik", "ur", "at", "ät", "age", "ei", "ling"], 2)
}

#[cfg(test)]
mod tests {
    use super::{may_be_given, Ctx, Namey};
    use crate::tokens::Tokens;
    use proptest::prelude::*;

    /// Every word of `text`: when `may_be_given` says no, the full judgement says
    /// neither `Given` nor `Weak`.
    fn given_prefilter_agrees(text: &str) {
        let tk = Tokens::new(text);
        let mut cx = Ctx::new(&tk);
        for i in 0..tk.v.len() {
            if tk.is_word(i) && !may_be_given(&tk, i) {
                let k = cx.namey(i);
                assert!(!matches!(k, Namey::Given | Namey::Weak), "{:?} in {text:?}: {k:?}", tk.raw(i));
            }
        }
    }

    #[test]
    fn given_prefilter_examples() {
        given_prefilter_agrees("Anna Mai Montag Wolf Ramic-Seemann Marie-Claire O'Brien Jürgen Juergen Müller Zoë Zoe Anna-Lena jan-ove d'Angelo Herr Dr. Huber der die Maria's");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn given_prefilter(parts in proptest::collection::vec(proptest::sample::select(vec![
            "anna", "Anna", "MAI", "mai", "Montag", "wolf", "Huber", "müller", "Jürgen", "zoë", "Herr", "der", "die",
            "-", "'", "’", " ", "\n", ".", ",", "Straße", "x", "É", "12", "Marie", "Lena", "jan", "Ove", "Kevin", "Werner",
        ]), 0..16)) {
            given_prefilter_agrees(&parts.concat());
        }
    }
}

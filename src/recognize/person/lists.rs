//! The lookup tables of the name recogniser, built once: cues and closings indexed by
//! their first word (so a token is tried only against the phrases that start with it),
//! the surname and common-noun ending tries, and the small string tests over word lists.
//! [`match_cue`] matches one cue or closing phrase against the tokens.

use crate::lexicon::{Lexicon, Suffixes};
use crate::tokens::{Tokens, T};
use crate::words::cues::{CLOSINGS, CUES};
use crate::words::names::{NOUN_ENDINGS, SURNAME_ENDINGS};
use std::sync::OnceLock;

/// Cues and closings by first word, and the ending sets, built once.
pub(super) struct Lists {
    /// The positions in `CUES`, by first word (those of one word in the order listed).
    cues_by_first: ByFirst,
    /// The positions in `CLOSINGS`, by first word.
    closings_by_first: ByFirst,
    surname_endings: Suffixes,
    noun_endings: Suffixes,
}

/// Positions in a list of phrases sorted by their first word: the phrases that start
/// with a word are one run of it, found in a word table (the lexicon's lookup) that
/// holds where each first word's run starts and how long it is.
struct ByFirst {
    at: Vec<u16>,
    runs: Lexicon,
}

impl ByFirst {
    fn new(firsts: Vec<&'static str>) -> ByFirst {
        let mut at: Vec<u16> = (0..firsts.len() as u16).collect();
        crate::sort::sort_by_key(&mut at, |&k| firsts[usize::from(k)]);
        let mut runs = Lexicon::for_entries(firsts.len());
        let mut from = 0;
        while from < at.len() {
            let w = firsts[usize::from(at[from])];
            let to = from + at[from..].iter().take_while(|&&k| firsts[usize::from(k)] == w).count();
            runs.insert(w.as_bytes(), (from as u32) << 16 | (to - from) as u32);
            from = to;
        }
        ByFirst { at, runs }
    }

    /// The positions of the phrases that start with `w`, if any.
    fn of(&self, w: &str) -> Option<&[u16]> {
        let run = self.runs.get(w.as_bytes()) as usize;
        (run != 0).then(|| &self.at[run >> 16..(run >> 16) + (run & 0xFFFF)])
    }
}

impl Lists {
    /// The cues that start with word `w` (positions in `CUES`).
    pub(super) fn cues_from(&self, w: &str) -> Option<&[u16]> {
        self.cues_by_first.of(w)
    }

    /// The closings that start with word `w` (positions in `CLOSINGS`).
    pub(super) fn closings_from(&self, w: &str) -> Option<&[u16]> {
        self.closings_by_first.of(w)
    }
}

/// The tables, built on first use.
pub(super) fn lst() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| Lists {
        cues_by_first: ByFirst::new(CUES.iter().map(|(c, _)| c[0]).collect()),
        closings_by_first: ByFirst::new(CLOSINGS.iter().map(|c| c[0]).collect()),
        surname_endings: Suffixes::new(SURNAME_ENDINGS),
        noun_endings: Suffixes::new(NOUN_ENDINGS),
    })
}

/// `w` is one of `list`.
pub(super) fn in_list(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// `w` ends with one of `list` after at least `min_stem` bytes.
pub(super) fn ends_with_any(w: &str, list: &[&str], min_stem: usize) -> bool {
    list.iter().any(|e| w.len() >= e.len() + min_stem && w.ends_with(e))
}

/// `w` ends with a surname ending (`-mann`, `-ová`, …) after at least two bytes.
pub(super) fn surname_ending(w: &str) -> bool {
    lst().surname_endings.matches(w, 2, 12)
}

/// `w` ends with a common-noun ending (`-ung`, `-heit`, …) after at least two bytes.
pub(super) fn noun_ending(w: &str) -> bool {
    lst().noun_endings.matches(w, 2, usize::MAX)
}

/// Does the sequence `cue` match the words starting at token `i`? Returns the index
/// after the cue (skipping a following `:`/`,`/`-`). Dots after abbreviations are skipped.
/// The callers find a cue by its first word ([`Lists::cues_from`],
/// [`Lists::closings_from`]): word `i` is that word, and the match starts at the second.
pub(super) fn match_cue(tk: &Tokens<'_>, i: usize, cue: &[&str]) -> Option<usize> {
    debug_assert!(tk.v[i].t == T::Word && tk.low(i) == cue[0]);
    let mut i = i + 1;
    for w in &cue[1..] {
        if tk.is_punct(i, '.') {
            i += 1;
        }
        if *w == "c/o" {
            if tk.is_word(i) && tk.low(i) == "c" && tk.is_punct(i + 1, '/') && tk.is_word(i + 2) && tk.low(i + 2) == "o"
            {
                i += 3;
                continue;
            }
            return None;
        }
        if !(i < tk.v.len() && tk.v[i].t == T::Word && tk.low(i) == *w) || tk.v[i].nl > 0 {
            return None;
        }
        i += 1;
    }
    // after the cue: `:`, `,`, `-`, `=` ("name=Kerim Demir;") and the dot of an
    // abbreviation ("Kd.", "attn."), but not a full stop ("… a customer. Receipt …")
    while i < tk.v.len() && tk.v[i].nl == 0 {
        let abbrev_dot = tk.is_punct(i, '.')
            && i > 0
            && tk.v[i - 1].t == T::Word
            && tk.v[i - 1].e == tk.v[i].s
            && (tk.raw(i - 1).len() <= 4 || tk.is_punct(i + 1, ':'));
        if matches!(tk.v[i].t, T::Punct(':' | ',' | '-' | '–' | '=')) || abbrev_dot {
            i += 1;
        } else {
            break;
        }
    }
    Some(i)
}

//! The lookup tables of the name recogniser, built once: cues and closings indexed by
//! their first word (so a token is tried only against the phrases that start with it),
//! the surname and common-noun ending tries, and the small string tests over word lists.
//! [`match_cue`] matches one cue or closing phrase against the tokens.

use crate::lexicon::Suffixes;
use crate::tokens::{Tokens, T};
use crate::words::cues::{CLOSINGS, CUES};
use crate::words::names::{NOUN_ENDINGS, SURNAME_ENDINGS};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FxHash (as in rustc): fast for short keys, no DoS concern for a fixed word list.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        self.0 = h;
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<V> = HashMap<&'static str, V, BuildHasherDefault<FxHasher>>;
/// Cues and closings by first word, and the ending sets, built once.
pub(super) struct Lists {
    /// Cues by first word (indices into CUES).
    cues_by_first: FxMap<Vec<usize>>,
    /// Closings by first word (indices into CLOSINGS).
    closings_by_first: FxMap<Vec<usize>>,
    surname_endings: Suffixes,
    noun_endings: Suffixes,
}

impl Lists {
    /// The cues that start with word `w` (indices into `CUES`).
    pub(super) fn cues_from(&self, w: &str) -> Option<&[usize]> {
        self.cues_by_first.get(w).map(Vec::as_slice)
    }

    /// The closings that start with word `w` (indices into `CLOSINGS`).
    pub(super) fn closings_from(&self, w: &str) -> Option<&[usize]> {
        self.closings_by_first.get(w).map(Vec::as_slice)
    }
}

/// The tables, built on first use.
pub(super) fn lst() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    // Entry positions by the entry's first word.
    let by_first = |firsts: &mut dyn Iterator<Item = &'static str>| {
        let mut m: FxMap<Vec<usize>> = HashMap::default();
        for (i, w) in firsts.enumerate() {
            m.entry(w).or_default().push(i);
        }
        m
    };
    L.get_or_init(|| Lists {
        cues_by_first: by_first(&mut CUES.iter().map(|(c, _)| c[0])),
        closings_by_first: by_first(&mut CLOSINGS.iter().map(|c| c[0])),
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

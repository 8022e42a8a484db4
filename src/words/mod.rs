//! The word lists and their one lookup table.
//!
//! Every fixed list (`names`, `stop`, `cues`, `streets`, `streets_en`) and the gazetteers
//! (`src/data/*.txt`, built by `tests/gen_gazetteers.py` from US SSA and US Census
//! public-domain name files plus a curated list of European spellings) are merged into
//! one hashed [`Lexicon`]: a word is looked up once and gets a set of bits ([`flag`]),
//! which the tokeniser caches per token. Umlauts and accents are also tried folded
//! (`Müller` → `mueller`, `muller`) for the name lists.

pub(crate) mod company;
pub(crate) mod cues;
mod gazetteers;
pub(crate) mod names;
pub(crate) mod stop;
pub(crate) mod streets;
pub(crate) mod streets_en;

use crate::lexicon::Lexicon;
use std::sync::OnceLock;

/// What the word lists say of a lower-case word, as bits: one hash probe answers for
/// every list (stop words, titles, gazetteers, first words of cues and closings).
pub(crate) mod flag {
    pub const STOP: u32 = 1;
    pub const TITLE: u32 = 1 << 1;
    pub const CALENDAR: u32 = 1 << 2;
    pub const ORG: u32 = 1 << 3;
    pub const PARTICLE: u32 = 1 << 4;
    /// In the given-name list as written.
    pub const GIVEN: u32 = 1 << 5;
    /// In the list of given names that are also ordinary words.
    pub const GIVEN_AMB: u32 = 1 << 6;
    /// In the surname list as written.
    pub const SURNAME: u32 = 1 << 7;
    /// First word of a cue / of a closing.
    pub const CUE: u32 = 1 << 8;
    pub const CLOSING: u32 = 1 << 9;
    /// The same three lists, also trying umlauts and accents folded (`müller` → `mueller`, `muller`).
    pub const GIVEN_F: u32 = GIVEN << 5;
    pub const GIVEN_AMB_F: u32 = GIVEN_AMB << 5;
    pub const SURNAME_F: u32 = SURNAME << 5;
    /// Cache bits of [`crate::tokens::Tokens`]: street word known / is a street word.
    pub const STREET_DONE: u32 = 1 << 13;
    pub const STREET: u32 = 1 << 14;
    /// Street types that lead a street name (`Via`, `Calle`, `rue`; see the address recogniser).
    pub const LEAD_TYPE: u32 = 1 << 16;
    /// German street types that stand alone (`Straße`, `Weg`; see the address recogniser).
    pub const DE_TYPE: u32 = 1 << 17;
}

/// The list bits of `w` exactly as written (no folding).
pub(crate) fn listed(w: &str) -> u32 {
    lexicon().get(w.as_bytes())
}

/// The gazetteers with their bits.
fn gazetteers() -> [(gazetteers::Gazetteer, u32); 3] {
    [
        (gazetteers::given(), flag::GIVEN),
        (gazetteers::given_amb(), flag::GIVEN_AMB),
        (gazetteers::surnames(), flag::SURNAME),
    ]
}

/// Every entry of the fixed lists with its bit.
fn fixed_entries() -> impl Iterator<Item = (&'static str, u32)> {
    let list = |l: &'static [&'static str], f: u32| l.iter().map(move |&w| (w, f));
    list(stop::STOP, flag::STOP)
        .chain(list(names::TITLES, flag::TITLE))
        .chain(list(names::CALENDAR, flag::CALENDAR))
        .chain(list(names::ORG_WORDS, flag::ORG))
        .chain(list(names::PARTICLES, flag::PARTICLE))
        .chain(cues::CUES.iter().map(|(c, _)| (c[0], flag::CUE)))
        .chain(cues::CLOSINGS.iter().map(|c| (c[0], flag::CLOSING)))
        .chain(list(streets::LEAD_TYPES, flag::LEAD_TYPE))
        .chain(list(streets::DE_TYPES, flag::DE_TYPE))
}

/// The one table of every list: the gazetteers' words put in as they are read from
/// their front coding (25,000 words, no list of them made), then the fixed lists.
pub(crate) fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let lists = gazetteers();
        let n = lists.iter().map(|(g, _)| g.len).sum::<usize>() + fixed_entries().count();
        let mut lex = Lexicon::for_entries(n);
        for (g, f) in &lists {
            g.for_each(|w| lex.insert(w, *f));
        }
        for (w, f) in fixed_entries() {
            lex.insert(w.as_bytes(), f);
        }
        lex
    })
}

const NAMES: u32 = flag::GIVEN | flag::GIVEN_AMB | flag::SURNAME;

/// [`word_flags`] of an ASCII word: no folded spelling to try, the name bits as written
/// are also the folded ones.
pub(crate) fn ascii_word_flags(lex: &Lexicon, w: &[u8]) -> u32 {
    let f = lex.get(w);
    f | (f & NAMES) << 5
}

/// The list bits of `w` (lower-case), with the name lists also tried folded.
pub(crate) fn word_flags(w: &str) -> u32 {
    let lex = lexicon();
    let get = |k: &str| lex.get(k.as_bytes());
    let f = get(w);
    let mut names = f & NAMES;
    if !w.is_ascii() && names != NAMES {
        let mut buf = String::with_capacity(w.len() + 4);
        for c in w.chars() {
            match c {
                'ä' => buf.push_str("ae"),
                'ö' => buf.push_str("oe"),
                'ü' => buf.push_str("ue"),
                'ß' => buf.push_str("ss"),
                _ => buf.push(fold_char(c)),
            }
        }
        names |= get(&buf) & NAMES;
        // Also plain accent stripping (Müller → muller, as US records spell it).
        buf.clear();
        buf.extend(w.chars().map(fold_char));
        names |= get(&buf) & NAMES;
    }
    f | names << 5
}

#[cfg(test)]
thread_local! {
    /// Test hook: drop a share of the given-name list to measure generalisation.
    pub(crate) static HOLDOUT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

pub(crate) fn held_out(_w: &str) -> bool {
    #[cfg(test)]
    {
        let pct = HOLDOUT.with(|h| h.get());
        if pct > 0 {
            let mut h: u32 = 2166136261;
            for b in _w.bytes() {
                h = (h ^ b as u32).wrapping_mul(16777619);
            }
            return h % 100 < pct;
        }
    }
    false
}

/// A letter without its diacritics (`case::base_letter`; a lower-case word's letters).
fn fold_char(c: char) -> char {
    crate::case::base_letter(c).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    /// Every entry, as the table is made of them.
    fn entries() -> Vec<(String, u32)> {
        let mut all: Vec<(String, u32)> = Vec::new();
        for (g, f) in super::gazetteers() {
            all.extend(g.words().into_iter().map(|w| (w, f)));
        }
        all.extend(super::fixed_entries().map(|(w, f)| (w.to_string(), f)));
        all
    }

    /// The table answers what a map of the same entries answers, for every entry and for
    /// near misses (cut, extended, zero-padded, longer than a slot holds).
    #[test]
    fn lexicon_is_the_lists() {
        let entries = entries();
        let mut want: std::collections::HashMap<&[u8], u32> = Default::default();
        for (w, f) in &entries {
            *want.entry(w.as_bytes()).or_default() |= f;
        }
        let lex = super::lexicon();
        let mut probes: Vec<Vec<u8>> = vec![vec![], vec![0], b"a".to_vec(), b"abcdefghijklmnopq".to_vec()];
        for (w, _) in &entries {
            let b = w.as_bytes();
            probes.push(b.to_vec());
            probes.push(b[..b.len() - 1].to_vec());
            probes.push([b, b"\0"].concat());
            probes.push([b, b"s"].concat());
            probes.push([b"x", b].concat());
            probes.push([b, b, b].concat());
        }
        for p in &probes {
            assert_eq!(lex.get(p), want.get(p.as_slice()).copied().unwrap_or(0), "{:?}", String::from_utf8_lossy(p));
        }
        assert!(want.keys().any(|k| k.len() > 16), "some entries are longer than a slot");
    }
}

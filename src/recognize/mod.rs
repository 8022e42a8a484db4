//! Recognisers: one file per kind (or family of kinds), chosen by a registry.
//!
//! A recogniser = candidate pattern + validator + invalidator + score. It reads the
//! normalised text and pushes [`Candidate`]s; context words, thresholds and overlaps
//! are handled by the pipeline for every kind alike (see `crate::scanner`). Patterns
//! are compiled once per scanner, in ASCII mode (`regex::bytes` without Unicode
//! tables): personal-data formats are ASCII, and the normaliser has already folded
//! full-width digits and odd spaces.

use crate::entity::Kind;
use crate::scanner::{Candidate, Input};
use regex::bytes::{Regex, RegexBuilder};

mod address;
mod bank;
mod dob;
mod email;
mod ids;
mod net;
mod person;
mod phone;
mod plate;
mod web;

#[cfg(not(target_arch = "wasm32"))]
pub(crate) use person::all_lower_of;
pub(crate) use person::Tokens;

/// Something that finds candidates of one or more kinds.
pub trait Recognizer: Send + Sync {
    /// The kinds this recogniser can produce (used to skip it when all are disabled).
    fn kinds(&self) -> &'static [Kind];
    /// Appends candidates found in `input` to `out`.
    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>);
}

/// The recognisers needed for the enabled kinds, compiled.
pub fn registry(enabled: &[Kind]) -> Vec<Box<dyn Recognizer>> {
    let all: Vec<Box<dyn Recognizer>> = vec![
        Box::new(email::Email::new()),
        Box::new(bank::Bank::new()),
        Box::new(phone::Phone::new()),
        Box::new(ids::Ids::new()),
        Box::new(dob::Dob::new()),
        Box::new(plate::Plate::new()),
        Box::new(net::Net::new()),
        Box::new(web::Web::new()),
        Box::new(person::Person::new()),
        Box::new(address::Address::new()),
    ];
    all.into_iter().filter(|r| r.kinds().iter().any(|k| enabled.contains(k))).collect()
}

/// A set of word endings matched from the end of a word: a trie over the entries'
/// bytes, reversed. One walk over the word's last bytes replaces one comparison (or
/// one hash probe) per entry.
pub(crate) struct Suffixes {
    /// Per node: whether an entry ends here, and the children by byte.
    nodes: Vec<(bool, Vec<(u8, u32)>)>,
}

impl Suffixes {
    pub(crate) fn new(entries: &[&str]) -> Suffixes {
        let mut nodes: Vec<(bool, Vec<(u8, u32)>)> = vec![(false, Vec::new())];
        for e in entries {
            let mut at = 0usize;
            for &b in e.as_bytes().iter().rev() {
                at = match nodes[at].1.iter().find(|(c, _)| *c == b) {
                    Some(&(_, next)) => next as usize,
                    None => {
                        nodes.push((false, Vec::new()));
                        let next = nodes.len() - 1;
                        nodes[at].1.push((b, next as u32));
                        next
                    }
                };
            }
            nodes[at].0 = true;
        }
        Suffixes { nodes }
    }

    /// True if `w` ends with an entry of at most `max` bytes that leaves at least
    /// `min_stem` bytes before it.
    pub(crate) fn matches(&self, w: &str, min_stem: usize, max: usize) -> bool {
        let b = w.as_bytes();
        let limit = b.len().saturating_sub(min_stem).min(max);
        let mut at = 0usize;
        for d in 1..=limit {
            let c = b[b.len() - d];
            match self.nodes[at].1.iter().find(|(x, _)| *x == c) {
                Some(&(_, next)) => at = next as usize,
                None => return false,
            }
            if self.nodes[at].0 && w.is_char_boundary(b.len() - d) {
                return true;
            }
        }
        false
    }
}

/// Compiles a built-in pattern (ASCII mode). Built-in patterns are tested, so a
/// failure here is a bug in this crate.
pub(crate) fn re(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .unicode(false)
        .build()
        .unwrap_or_else(|e| panic!("built-in pattern does not compile: {e}"))
}

/// Compiles a built-in pattern written in lower case, to be run over
/// [`crate::scanner::Input::folded`]: it finds what `(?i)pattern` finds in the text (ASCII
/// case folding only, as everywhere in ASCII mode). A search for many literals ignoring
/// case gets no literal prefilter and runs the automaton over every byte; in lower case
/// the literals are searched for directly, several times faster.
pub(crate) fn re_folded(pattern: &str) -> Regex {
    assert!(!pattern.bytes().any(|b| b.is_ascii_uppercase()), "folded pattern must be lower case: {pattern}");
    re(pattern)
}

/// True if the byte before `start` and the byte at `end` are not ASCII letters or
/// digits, and not the continuation of a non-ASCII letter (so `Müller12` is not split).
pub(crate) fn bounded(bytes: &[u8], start: usize, end: usize) -> bool {
    let before_ok = start == 0 || !word_byte(bytes[start - 1]);
    let after_ok = end >= bytes.len() || !word_byte(bytes[end]);
    before_ok && after_ok
}

/// True for an ASCII letter or digit, or any byte of a non-ASCII character (treated
/// as part of a word, so `Müller12` stays one word).
#[inline]
pub(crate) fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// True for an ASCII word byte (`[0-9A-Za-z_]`): what `\b` looks at in ASCII mode.
#[inline]
pub(crate) fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The maximal runs of at least `min` (≥ 1) bytes for which `is` holds, left to right.
/// Where such bytes are rare it reads about one byte in `min`: if the byte `min - 1`
/// places after a possible start fails, no run of `min` starts at or before it.
/// Hand-written scans over these replace patterns like `\b[A-Z]{6}…\b` whose cost in
/// the lazy DFA (several ns per byte, no literal to skip ahead to) dominated the scan.
pub(crate) fn runs<'a>(
    b: &'a [u8],
    min: usize,
    is: impl Fn(u8) -> bool + 'a,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut i = 0; // no run of `min` starts before `i`; `i` is 0 or follows a failing byte
    std::iter::from_fn(move || {
        while i + min <= b.len() {
            let p = i + min - 1;
            if !is(b[p]) {
                i = p + 1;
                continue;
            }
            match (i..p).rev().find(|&q| !is(b[q])) {
                Some(q) => i = q + 1,
                None => {
                    let s = i;
                    let mut e = p + 1;
                    while e < b.len() && is(b[e]) {
                        e += 1;
                    }
                    i = e + 1;
                    return Some((s, e));
                }
            }
        }
        None
    })
}

/// The maximal runs of at least `min` (1 to 64) ASCII letters and digits, as [`runs`]
/// finds them. Most bytes of prose are in this class, so skipping ahead gains nothing,
/// and a byte-by-byte run search mispredicts a branch at every word boundary. Instead
/// the bytes are classified 64 at a time into bit masks (eight per step, see
/// [`crate::bytes::alnum_mask`]); the starts of the long runs are found with bit
/// operations, so only those are looked at one by one.
pub(crate) fn alnum_runs(b: &[u8], min: usize) -> Vec<(usize, usize)> {
    debug_assert!((1..=64).contains(&min));
    let masks: Vec<u64> = b.chunks(64).map(crate::bytes::alnum_mask).collect();
    let at = |k: usize| masks.get(k).copied().unwrap_or(0);
    let mut out = Vec::new();
    for k in 0..masks.len() {
        let (m, next) = (masks[k], at(k + 1));
        // Run starts: in the class, the byte before not (bit 63 of the block before).
        let prev_last = if k > 0 { masks[k - 1] >> 63 } else { 0 };
        let starts = m & !((m << 1) | prev_last);
        // Positions with `min` bytes of the class from them on (reading into the next block).
        let mut long = m;
        for d in 1..min {
            long &= (m >> d) | (next << (64 - d));
        }
        let mut hits = starts & long;
        while hits != 0 {
            let p = hits.trailing_zeros() as usize;
            hits &= hits - 1;
            // The run ends at the first byte out of the class from `p` on.
            let (mut kk, mut bit) = (k, p);
            let end = loop {
                let zeros = !at(kk) >> bit;
                if zeros != 0 {
                    break kk * 64 + bit + zeros.trailing_zeros() as usize;
                }
                (kk, bit) = (kk + 1, 0);
            };
            out.push((k * 64 + p, end.min(b.len())));
        }
    }
    out
}

/// Matches of `re` (as `(start, end)`) searched only inside the runs of at least `min`
/// bytes of class `is`, for a pattern whose every match is such a run's part: each run
/// is searched with one byte of context on both sides (for an ASCII `\b`), so the
/// matches are exactly those of a search of the whole text, without running the
/// automaton over prose.
pub(crate) fn find_in_runs<'a>(
    re: &'a Regex,
    b: &'a [u8],
    min: usize,
    is: impl Fn(u8) -> bool + 'a,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    find_in(re, b, runs(b, min, is).map(|(s, e)| (s.saturating_sub(1), (e + 1).min(b.len()))))
}

/// Matches of `re` inside each range of `b`, as `(start, end)` in `b`.
pub(crate) fn find_in<'a>(
    re: &'a Regex,
    b: &'a [u8],
    ranges: impl IntoIterator<Item = (usize, usize)> + 'a,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    ranges.into_iter().flat_map(move |(lo, hi)| re.find_iter(&b[lo..hi]).map(move |m| (lo + m.start(), lo + m.end())))
}

/// Letters and digits of `s`, upper-cased (the compact form validators take).
pub(crate) fn compact(s: &[u8]) -> Vec<u8> {
    s.iter().filter(|b| b.is_ascii_alphanumeric()).map(|b| b.to_ascii_uppercase()).collect()
}

/// True if `word` is `target` or one typing slip away from it (one letter missing,
/// added, replaced, or two neighbours swapped), for targets of at least four letters.
/// Both are expected lower-case. Used for the few label words a recogniser relies on
/// ("Benutzername", "geboren", "Fahrzeug"), which chat users often mistype.
pub(crate) fn typo_eq(word: &str, target: &str) -> bool {
    typo_eq_bytes(word.as_bytes(), target.as_bytes())
}

/// [`typo_eq`] ignoring ASCII case in `word`, without allocating.
pub(crate) fn typo_eq_ci(word: &str, target: &str) -> bool {
    let w = word.as_bytes();
    if w.len() > 32 || w.len().abs_diff(target.len()) > 1 {
        return false;
    }
    let mut buf = [0u8; 32];
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    typo_eq_bytes(&buf[..w.len()], target.as_bytes())
}

fn typo_eq_bytes(w: &[u8], t: &[u8]) -> bool {
    if w == t {
        return true;
    }
    if t.len() < 4 || w.len() < 4 || w.len().abs_diff(t.len()) > 1 {
        return false;
    }
    // Compared byte-wise: a slip inside a non-ASCII letter counts as two, which only
    // makes the check stricter.
    let p = w.iter().zip(t).take_while(|(a, b)| a == b).count();
    let (wr, tr) = (&w[p..], &t[p..]);
    match w.len().cmp(&t.len()) {
        std::cmp::Ordering::Equal => {
            wr[1..] == tr[1..] || (wr.len() >= 2 && wr[0] == tr[1] && wr[1] == tr[0] && wr[2..] == tr[2..])
        }
        std::cmp::Ordering::Less => wr == &tr[1..],
        std::cmp::Ordering::Greater => &wr[1..] == tr,
    }
}

/// True if one of the first `n` words matches an entry of `list`, exactly (see
/// [`crate::context::matches_any`]) or, for entries without `*`, with one typing slip.
pub(crate) fn has_typo_tolerant(words: &[String], n: usize, list: &[&str]) -> bool {
    words.iter().take(n).any(|w| {
        let t = crate::context::trim_hyphens(w);
        crate::context::matches_any(t, list) || list.iter().any(|e| !e.ends_with('*') && typo_eq(t, e))
    })
}

#[cfg(test)]
mod tests {
    use super::{alnum_runs, runs, typo_eq};
    use proptest::prelude::*;

    /// Each pattern searched in lower case over the folded text finds what the same
    /// pattern ignoring case finds over the text.
    fn folded_like_ignoring_case(text: &str) {
        static PAIRS: std::sync::OnceLock<Vec<(&str, regex::bytes::Regex, regex::bytes::Regex)>> =
            std::sync::OnceLock::new();
        let pairs = PAIRS.get_or_init(|| {
            [super::web::LABEL, super::web::GATE, super::plate::HINT, super::dob::HINT]
                .into_iter()
                .map(|p| (p, super::re_folded(p), super::re(&format!("(?i){p}"))))
                .collect()
        });
        for (p, folded, ignoring) in pairs {
            let want: Vec<(usize, usize)> = ignoring.find_iter(text.as_bytes()).map(|m| (m.start(), m.end())).collect();
            let got: Vec<(usize, usize)> =
                folded.find_iter(&text.as_bytes().to_ascii_lowercase()).map(|m| (m.start(), m.end())).collect();
            assert_eq!(got, want, "{p} in {text:?}");
        }
    }

    #[test]
    fn folded_patterns_examples() {
        folded_like_ignoring_case("Benutzername: X, USER NAME y, User-ID 3, LinkedIn.com/in/a, WWW.x.de, Geb. am, GEBURT, Né, NÉ, née, Nata, KFZ-Kennzeichen, CAR reg, Park, Homepage: AGE 3");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn folded_patterns(parts in proptest::collection::vec(proptest::sample::select(vec![
            "user", "USER", "Name", "nAme", " ", "-", "\n", ".", "né", "NÉ", "É", "e", "Geb", "kfz", "Car", "REG", "www", "://", "x.COM", "Nat", "a", "O", "ID", "age", "ß", "1",
        ]), 0..24)) {
            folded_like_ignoring_case(&parts.concat());
        }
    }

    /// Maximal runs of at least `min` bytes, by the definition (byte by byte).
    fn runs_reference(b: &[u8], min: usize, is: impl Fn(u8) -> bool) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut s = 0;
        while s < b.len() {
            let mut e = s;
            while e < b.len() && is(b[e]) {
                e += 1;
            }
            if e - s >= min {
                out.push((s, e));
            }
            s = e + 1;
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn runs_match_the_definition(t in proptest::collection::vec(proptest::sample::select(b"ABZa0 -\xC3".to_vec()), 0..40), min in 1usize..10) {
            let up = |c: u8| c.is_ascii_uppercase();
            prop_assert_eq!(runs(&t, min, up).collect::<Vec<_>>(), runs_reference(&t, min, up));
        }

        /// Texts up to several blocks of 64 bytes long, with runs that cross the blocks'
        /// edges and end at the text's end.
        #[test]
        fn alnum_runs_match_the_definition(t in proptest::collection::vec(proptest::sample::select(b"ABZa09 -\xC3".to_vec()), 0..300), min in 1usize..70) {
            let alnum = |c: u8| c.is_ascii_alphanumeric();
            let min = min.min(64);
            prop_assert_eq!(alnum_runs(&t, min), runs_reference(&t, min, alnum));
        }
    }

    #[test]
    fn alnum_runs_across_blocks() {
        let alnum = |c: u8| c.is_ascii_alphanumeric();
        for n in [0, 1, 63, 64, 65, 127, 128, 129, 200] {
            let all = vec![b'a'; n];
            assert_eq!(alnum_runs(&all, 1), runs_reference(&all, 1, alnum), "{n} letters");
            for cut in [0, 1, 62, 63, 64, 65, 127, 128] {
                let mut t = all.clone();
                if cut < n {
                    t[cut] = b' ';
                }
                for min in [1, 6, 63, 64] {
                    assert_eq!(
                        alnum_runs(&t, min),
                        runs_reference(&t, min, alnum),
                        "{n} letters, space at {cut}, min {min}"
                    );
                }
            }
        }
    }

    #[test]
    fn typing_slips() {
        assert!(typo_eq("gebroen", "geboren"));
        assert!(typo_eq("bnutzername", "benutzername"));
        assert!(typo_eq("usernamme", "username"));
        assert!(typo_eq("birh", "birth"));
        assert!(typo_eq("fharzeug", "fahrzeug"));
        assert!(typo_eq("burn", "born"));
        assert!(!typo_eq("bin", "born"));
        assert!(!typo_eq("usreame", "username"));
        assert!(!typo_eq("am", "an"));
    }
}

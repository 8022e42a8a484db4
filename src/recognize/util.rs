//! What every recogniser shares: the [`Recognizer`] trait, pattern compilation in ASCII
//! mode, word-boundary tests, run searches over bytes, and the typing-slip comparison
//! of label words. Nothing here knows a kind of personal data.

use crate::entity::Kind;
use crate::types::{Candidate, Input};
use regex::bytes::{Regex, RegexBuilder};

/// Something that finds candidates of one or more kinds.
pub trait Recognizer: Send + Sync {
    /// The kinds this recogniser can produce (used to skip it when all are disabled).
    fn kinds(&self) -> &'static [Kind];
    /// Appends candidates found in `input` to `out`.
    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>);
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
/// [`crate::types::Input::folded`]: it finds what `(?i)pattern` finds in the text (ASCII
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

/// [`typo_eq`] over bytes: equal, or (both at least four bytes long) one letter missing,
/// added, replaced, or two neighbours swapped.
pub(crate) fn typo_eq_bytes(w: &[u8], t: &[u8]) -> bool {
    // Lengths first: most words of a window are far from the target's length.
    if w.len().abs_diff(t.len()) > 1 {
        return false;
    }
    if w == t {
        return true;
    }
    if t.len() < 4 || w.len() < 4 {
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

//! Byte classes and tokens: the runs of ASCII letters and digits the id recogniser
//! reads, and the whole words of document letters.

/// Byte classes for the scanning loops.
const ALNUM: u8 = 1;
pub(super) const DIGIT: u8 = 2;
/// A character of German identity document serial numbers: digits and the
/// consonants C F G H J K L M N P R T V W X Y Z (no vowels, so words never fit).
pub(super) const DOC: u8 = 4;
const SEP: u8 = 8;
/// A letter of [`DOC`].
const DOC_LETTER: u8 = 16;

static CLASS: [u8; 256] = classes();

const fn classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        let mut v = 0;
        if c.is_ascii_alphanumeric() {
            v |= ALNUM;
        }
        if c.is_ascii_digit() {
            v |= DIGIT | DOC;
        }
        let u = c.to_ascii_uppercase();
        if c.is_ascii_alphabetic()
            && matches!(
                u,
                b'C' | b'F'
                    | b'G'
                    | b'H'
                    | b'J'
                    | b'K'
                    | b'L'
                    | b'M'
                    | b'N'
                    | b'P'
                    | b'R'
                    | b'T'
                    | b'V'
                    | b'W'
                    | b'X'
                    | b'Y'
                    | b'Z'
            )
        {
            v |= DOC | DOC_LETTER;
        }
        if matches!(c, b' ' | b'.' | b'-') {
            v |= SEP;
        }
        t[i] = v;
        i += 1;
    }
    t
}

pub(super) fn is(b: u8, class: u8) -> bool {
    CLASS[b as usize] & class != 0
}

/// A maximal run of ASCII letters and digits.
#[derive(Clone, Copy)]
pub(super) struct Tok {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) digits: usize,
    /// The separator (space, dot, hyphen, slash, [`WIDE`]) to the next token of the same
    /// run, or 0.
    pub(super) sep: u8,
}

impl Tok {
    /// The token that ends at `end` (exclusive).
    pub(super) fn ending_at(b: &[u8], end: usize) -> Tok {
        let mut s = end;
        let mut digits = 0;
        while s > 0 && is(b[s - 1], ALNUM) {
            s -= 1;
            digits += usize::from(is(b[s], DIGIT));
        }
        Tok { s, e: end, digits, sep: 0 }
    }

    /// The token that starts at `start`.
    pub(super) fn starting_at(b: &[u8], start: usize) -> Tok {
        let mut e = start;
        let mut digits = 0;
        while e < b.len() && is(b[e], ALNUM) {
            digits += usize::from(is(b[e], DIGIT));
            e += 1;
        }
        Tok { s: start, e, digits, sep: 0 }
    }

    /// Letters-only tokens of more than four letters are words: they end a run.
    pub(super) fn joins(&self) -> bool {
        self.digits > 0 || self.e - self.s <= 4
    }

    /// True if the token is digits only.
    pub(super) fn all_digits(&self) -> bool {
        self.digits == self.e - self.s
    }

    /// The token before this one, joined by exactly one separator (a slash only
    /// between two digit groups: `12/345/67890`), or by a wide gap between two
    /// tokens with digits (see [`wide_gap`]; its `sep` is [`WIDE`]).
    pub(super) fn prev(&self, b: &[u8]) -> Option<Tok> {
        let s = self.s;
        if s < 2 {
            return None;
        }
        if is(b[s - 2], ALNUM) && (is(b[s - 1], SEP) || b[s - 1] == b'/') {
            if is(b[s - 1], SEP) {
                return Some(Tok { sep: b[s - 1], ..Tok::ending_at(b, s - 1) });
            }
            let p = Tok { sep: b'/', ..Tok::ending_at(b, s - 1) };
            return (self.all_digits() && p.all_digits()).then_some(p);
        }
        let mut g = s;
        while g > 0 && s - g < 4 && matches!(b[g - 1], b' ' | b'\t' | b'\n' | b'\r') {
            g -= 1;
        }
        if !(g > 0 && is(b[g - 1], ALNUM) && wide_gap(&b[g..s]) && self.digits > 0) {
            return None;
        }
        let p = Tok { sep: WIDE, ..Tok::ending_at(b, g) };
        (p.digits > 0).then_some(p)
    }

    /// The token after this one, joined by exactly one separator (a slash only
    /// between two digit groups), or by a wide gap between two tokens with digits.
    pub(super) fn next(&self, b: &[u8]) -> Option<Tok> {
        let e = self.e;
        if e + 1 >= b.len() {
            return None;
        }
        if is(b[e + 1], ALNUM) && (is(b[e], SEP) || b[e] == b'/') {
            if is(b[e], SEP) {
                return Some(Tok { sep: b[e], ..Tok::starting_at(b, e + 1) });
            }
            let n = Tok { sep: b'/', ..Tok::starting_at(b, e + 1) };
            return (self.all_digits() && n.all_digits()).then_some(n);
        }
        let mut g = e;
        while g < b.len() && g - e < 4 && matches!(b[g], b' ' | b'\t' | b'\n' | b'\r') {
            g += 1;
        }
        if !(g < b.len() && is(b[g], ALNUM) && wide_gap(&b[e..g]) && self.digits > 0) {
            return None;
        }
        let n = Tok { sep: WIDE, ..Tok::starting_at(b, g) };
        (n.digits > 0).then_some(n)
    }
}

/// The `sep` of tokens joined by a wide gap.
pub(super) const WIDE: u8 = b'\t';

/// A gap people leave between the groups of one number when they type or paste it:
/// two spaces, a tab, or one line break (with a space or a carriage return around
/// it). Unlike the narrow separators a wide gap may also stand between two numbers
/// (table cells), so a run may end or start at one.
fn wide_gap(g: &[u8]) -> bool {
    let newlines = g.iter().filter(|&&c| c == b'\n').count();
    let tabs = g.iter().filter(|&&c| c == b'\t').count();
    match (newlines, tabs) {
        (1, 0) => g.len() <= 3,
        (0, 1) => g.len() == 1,
        (0, 0) => g == b"  ",
        _ => false,
    }
}

/// Whole words (maximal runs of [`ALNUM`] bytes) of 9 or 10 [`DOC_LETTER`]s, left to
/// right, found from the runs of at least 9 document letters.
pub(super) fn doc_words(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    crate::recognize::util::runs(b, 9, |x| is(x, DOC_LETTER))
        .filter(|&(s, e)| e - s <= 10 && (s == 0 || !is(b[s - 1], ALNUM)) && (e == b.len() || !is(b[e], ALNUM)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Whole words of 9 or 10 document letters, by the definition: every maximal run
    /// of ASCII letters and digits, checked byte by byte.
    fn doc_words_reference(b: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut s = 0;
        while s < b.len() {
            if !is(b[s], ALNUM) {
                s += 1;
                continue;
            }
            let mut e = s;
            while e < b.len() && is(b[e], ALNUM) {
                e += 1;
            }
            if (9..=10).contains(&(e - s)) && b[s..e].iter().all(|&x| is(x, DOC_LETTER)) {
                out.push((s, e));
            }
            s = e;
        }
        out
    }

    #[test]
    fn doc_words_examples() {
        for t in [
            "CFGHJKLMN",
            "x CFGHJKLMNP.",
            "CFGHJKLMNPR",
            "aCFGHJKLMN",
            "CFGHJKLMN1",
            "cfghjklmn CFGHJKLMNT",
            "",
            "CFGHJKLM",
            "T22000129 LZ6311T47",
        ] {
            assert_eq!(doc_words(t.as_bytes()).collect::<Vec<_>>(), doc_words_reference(t.as_bytes()), "{t:?}");
        }
        assert_eq!(doc_words(b"Nr. CFGHJKLMN!").collect::<Vec<_>>(), vec![(4, 13)]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn doc_words_match_the_definition(t in proptest::collection::vec(proptest::sample::select(b"CFGHJKLMNcxA1 .-\xC3".to_vec()), 0..40)) {
            prop_assert_eq!(doc_words(&t).collect::<Vec<_>>(), doc_words_reference(&t));
        }
    }
}

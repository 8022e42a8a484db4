//! Every occurrence of a found value: once a text says a value is personal, the value
//! is masked wherever it appears again in that text — also where the words around the
//! second occurrence would not have been enough (`geb. 12.03.1985, Termin am
//! 12.03.1985`; `Steuer-ID 65929970489, Rechnung 65929970489`).
//!
//! Occurrences are compared in a canonical spelling: letters and digits lower-cased,
//! the Latin letters with diacritics as their base letters ([`fold`]: `Gülşen Çakır`
//! and `Gulsen Cakir`, `René` and `Rene` are one name), and spaces, line breaks,
//! dashes, dots, slashes, brackets, `+` and apostrophes
//! left out (so `DE89 3704 0044…` and `de89370400440…` are one value), and must stand on
//! their own (no digit glued to a digit, no letter to a letter, on either side). A value of fewer than four
//! letters and digits is only matched as written, so a short name does not mask every
//! word that contains it in another case.
//!
//! An occurrence can only start where the text is not glued to what comes before (the
//! first letter of a word, the first digit of a number, any other character), and not
//! inside a finding, so the values are looked up only there: the canonical spelling is
//! read from such a place only as far as the lookup needs, in the sorted values,
//! narrowed byte by byte, after a table of hashes of the values' first four bytes (and
//! of the first two of the short values) has ruled out most places. Time is linear in
//! the text plus the length of the values that match at each place.

mod again;
mod matches;

use crate::case::Lowercase;
pub(super) use again::{with_repeats_again, Edit, Memo};
use matches::{matches_in, with_matches};

use crate::types::Candidate;

/// Values shorter than this (letters and digits) are matched only as written.
const MIN_CANONICAL: usize = 4;

/// At most this many bits of the hash of a value's first four bytes (a table of 8 KB).
const HEAD_BITS: u32 = 16;

/// True for the characters left out of the canonical spelling.
fn separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '/' | '(' | ')' | '+' | '\'')
}

/// The canonical spelling of the non-ASCII character `c`, written into `buf`: a Latin
/// letter with diacritics as its base letter (`ü` → `u`, `ş` → `s`, `ı` → `i`; `ß` →
/// `ss`, `æ` → `ae`, `œ` → `oe`, `þ` → `th`, `ĳ` → `ij`), any other character
/// lower-cased. Writing a name without its accents is common enough (a keyboard without
/// them, a system that drops them) that it is the same name.
#[inline(never)]
fn fold(c: char, buf: &mut [u8; 12]) -> &str {
    let two: &str = match c {
        'ß' => "ss",
        'Æ' | 'æ' => "ae",
        'Œ' | 'œ' => "oe",
        'Þ' | 'þ' => "th",
        'Ĳ' | 'ĳ' => "ij",
        _ => "",
    };
    let n = if !two.is_empty() {
        buf[..2].copy_from_slice(two.as_bytes());
        2
    } else if let Some(b) = crate::case::base_letter(c) {
        buf[0] = b as u8;
        1
    } else {
        let mut n = 0;
        for l in c.lowercase() {
            n += l.encode_utf8(&mut buf[n..]).len();
        }
        n
    };
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

/// Glue classes of a character: two characters glue into one word or number when their
/// classes share a bit.
const ALPHA: u8 = 1;
const NUM: u8 = 2;

fn class(c: char) -> u8 {
    (if c.is_alphabetic() { ALPHA } else { 0 }) | (if c.is_numeric() { NUM } else { 0 })
}

/// Per ASCII byte: its glue class, or `SEP` for a separator.
const SEP: u8 = 4;
const ASCII: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = if c.is_ascii_alphabetic() {
            ALPHA
        } else if c.is_ascii_digit() {
            NUM
        } else if matches!(
            c,
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b'-' | b'.' | b'/' | b'(' | b')' | b'+' | b'\''
        ) {
            SEP
        } else {
            0
        };
        i += 1;
    }
    t
};

/// The canonical spelling of the text (letters and digits lower-cased, separators left
/// out) from one place on, read only as far as a lookup asks: most places are ruled out
/// by their first few bytes.
struct Reader<'t> {
    text: &'t str,
    /// Where the spelling read starts.
    from: usize,
    /// The next character to read.
    at: usize,
    bytes: Vec<u8>,
}

impl<'t> Reader<'t> {
    fn new(text: &'t str) -> Reader<'t> {
        Reader { text, from: 0, at: 0, bytes: Vec::with_capacity(64) }
    }

    /// Starts reading again at character `i`.
    fn reset(&mut self, i: usize) {
        (self.from, self.at) = (i, i);
        self.bytes.clear();
    }

    /// Reads until `n` bytes are there or the text ends; returns how many are there.
    #[inline]
    fn fill(&mut self, n: usize) -> usize {
        if self.bytes.len() < n {
            self.read(n);
        }
        self.bytes.len()
    }

    fn read(&mut self, n: usize) {
        let b = self.text.as_bytes();
        while self.bytes.len() < n && self.at < b.len() {
            let x = b[self.at];
            if x.is_ascii() {
                if ASCII[x as usize] != SEP {
                    self.bytes.push(x.to_ascii_lowercase());
                }
                self.at += 1;
                continue;
            }
            let c = self.text[self.at..].chars().next().unwrap_or('\u{FFFD}');
            if !separator(c) {
                self.bytes.extend_from_slice(fold(c, &mut [0; 12]).as_bytes());
            }
            self.at += c.len_utf8();
        }
    }

    /// Where byte `k` of what was read came from: the start of its character in the
    /// text, and its place among the bytes of that character's lower case (in this
    /// order, places in the spelling of the whole text compare as their bytes do).
    fn origin(&self, k: usize) -> (usize, usize) {
        let b = self.text.as_bytes();
        let (mut i, mut n) = (self.from, 0);
        loop {
            let x = b[i];
            let (len, out) = if x.is_ascii() {
                (1, usize::from(ASCII[x as usize] != SEP))
            } else {
                let c = self.text[i..].chars().next().unwrap_or('\u{FFFD}');
                let out = if separator(c) { 0 } else { fold(c, &mut [0; 12]).len() };
                (c.len_utf8(), out)
            };
            if k < n + out {
                return (i, k - n);
            }
            n += out;
            i += len;
        }
    }

    /// The byte range in the text of the characters that bytes `a..b` came from.
    fn span(&self, a: usize, b: usize) -> (usize, usize) {
        let last = self.origin(b - 1).0;
        let len = match self.text.as_bytes()[last] {
            x if x < 0x80 => 1,
            x if x < 0xE0 => 2,
            x if x < 0xF0 => 3,
            _ => 4,
        };
        (self.origin(a).0, last + len)
    }
}

/// Appends the canonical spelling of one value (see [`Reader`]) to `out`; returns
/// how many letters and digits it has.
fn canonical_into(value: &str, out: &mut Vec<u8>) -> usize {
    let b = value.as_bytes();
    let mut alnum = 0;
    let mut buf = [0u8; 12];
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x.is_ascii() {
            let k = ASCII[x as usize];
            if k != SEP {
                out.push(x.to_ascii_lowercase());
                alnum += usize::from(k != 0);
            }
            i += 1;
            continue;
        }
        let c = value[i..].chars().next().unwrap_or('\u{FFFD}');
        if !separator(c) {
            let f = fold(c, &mut buf);
            alnum += f.chars().filter(|l| l.is_alphanumeric()).count();
            out.extend_from_slice(f.as_bytes());
        }
        i += c.len_utf8();
    }
    alnum
}

/// True for a combining mark (the main combining blocks): it belongs to the character
/// before it, so gluing is judged by that one.
fn mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// True if `a` and `b` glue into one word or number: both letters or both digits.
fn glued(a: char, b: char) -> bool {
    (a.is_alphabetic() && b.is_alphabetic()) || (a.is_numeric() && b.is_numeric())
}

/// True if `start..end` of `text` is not glued to the letters or digits around it: a
/// digit run does not go on into digits, nor a word into letters (`4711` is not part
/// of `47112`, `Huber` not of `Huberstraße`; `IBAN:DE89…` and `Tel0664…` stand alone).
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let (Some(first), Some(last)) = (text[start..end].chars().next(), text[..end].chars().next_back()) else {
        return false;
    };
    let before = text[..start].chars().rev().find(|&c| !mark(c)).is_some_and(|c| glued(c, first));
    let after = text[end..].chars().next().is_some_and(|c| glued(last, c));
    !before && !after
}

/// One distinct value: where its canonical spelling is in [`Values::keys`], the first
/// candidate with it (its model) and whether it is short (matched only as written).
#[derive(Debug, Clone)]
struct Value {
    at: u32,
    len: u32,
    /// The spelling's first eight bytes, zero-padded, as a big-endian number: of two
    /// values whose heads differ, the one with the smaller head sorts first (where two
    /// heads first differ, both spellings have a byte, or the shorter one has ended).
    head: u64,
    model: usize,
    short: bool,
}

/// The distinct values of `kept`, sorted by canonical spelling, for finding every value
/// that starts at a place of the text.
#[derive(Debug, Clone)]
struct Values {
    /// The canonical spellings of the values, one after the other.
    keys: Vec<u8>,
    v: Vec<Value>,
    /// Per first byte: where its values start in `v` (`first[b]..first[b + 1]`).
    first: [u32; 257],
    /// Bit [`Values::hash`] of the first four bytes is set for every value of four
    /// bytes or more (a Bloom filter with one hash, of [`Values::bits`] bits: 64 per
    /// value, so that few places pass it).
    heads: Vec<u64>,
    bits: u32,
    /// Per byte: a value of one byte is this byte.
    one: [bool; 256],
    /// Bit `256 * a + b` is set when a value of two or three bytes starts with bytes
    /// `a b` (empty when there is no such value).
    two: Vec<u64>,
}

impl Values {
    fn new(text: &str, kept: &[Candidate]) -> Values {
        let mut keys = Vec::new();
        let mut v: Vec<Value> = Vec::with_capacity(kept.len());
        for (i, c) in kept.iter().enumerate() {
            let at = keys.len();
            let alnum = canonical_into(&text[c.start..c.end], &mut keys);
            if alnum > 0 {
                let mut head = [0u8; 8];
                let n = (keys.len() - at).min(8);
                head[..n].copy_from_slice(&keys[at..at + n]);
                v.push(Value {
                    at: at as u32,
                    len: (keys.len() - at) as u32,
                    head: u64::from_be_bytes(head),
                    model: i,
                    short: alnum < MIN_CANONICAL,
                });
            } else {
                keys.truncate(at);
            }
        }
        let key = |x: &Value| &keys[x.at as usize..(x.at + x.len) as usize];
        // Sorted by spelling; of the candidates with one spelling, the first is the
        // value's model. (Most pairs are told apart by their heads alone.)
        crate::sort::sort_by(&mut v, |a, b| {
            a.head.cmp(&b.head).then_with(|| key(a).cmp(key(b))).then(a.model.cmp(&b.model))
        });
        v.dedup_by(|later, kept| key(later) == key(kept));
        let mut first = [0u32; 257];
        let bits = (usize::BITS - v.len().leading_zeros() + 6).clamp(10, HEAD_BITS);
        let mut heads = vec![0u64; 1 << (bits - 6)];
        let mut one = [false; 256];
        let mut two = Vec::new();
        for x in &v {
            let k = key(x);
            first[k[0] as usize + 1] += 1;
            match Self::hash(k, 0, bits) {
                Some(h) => heads[h >> 6] |= 1 << (h & 63),
                None if k.len() == 1 => one[k[0] as usize] = true,
                None => {
                    two.resize(1 << 10, 0u64);
                    let t = (k[0] as usize) << 8 | k[1] as usize;
                    two[t >> 6] |= 1 << (t & 63);
                }
            }
        }
        for b in 0..256 {
            first[b + 1] += first[b];
        }
        Values { keys, v, first, heads, bits, one, two }
    }

    /// The canonical spelling of value `x`.
    #[inline]
    fn key(&self, x: usize) -> &[u8] {
        let x = &self.v[x];
        &self.keys[x.at as usize..(x.at + x.len) as usize]
    }

    /// A hash of `s[p..p + 4]` of `bits` bits (none if `s` ends before).
    #[inline]
    fn hash(s: &[u8], p: usize, bits: u32) -> Option<usize> {
        let w = s.get(p..p + 4)?;
        let w = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
        Some((w.wrapping_mul(0x9E37_79B1) >> (32 - bits)) as usize)
    }

    /// True if some value may start at `s[p..]` (`s` holds at least four bytes from `p`
    /// unless the spelling ends before): the hash of its first four bytes is one of the
    /// long values', or its first one or two bytes are a short value's.
    #[inline]
    fn may_start(&self, s: &[u8], p: usize) -> bool {
        let b0 = s[p] as usize;
        if self.first[b0] == self.first[b0 + 1] {
            return false;
        }
        let Some(h) = Self::hash(s, p, self.bits) else { return true };
        if self.heads[h >> 6] & 1 << (h & 63) != 0 || self.one[b0] {
            return true;
        }
        let t = b0 << 8 | s[p + 1] as usize;
        self.two.get(t >> 6).is_some_and(|w| w & 1 << (t & 63) != 0)
    }

    /// False if no value can start at the run `text[run]` of ASCII letters or of digits
    /// (or one other ASCII character) that is not glued to what comes before it. The
    /// spelling there starts with the run lower-cased: the first four bytes are the run's
    /// when it is that long, else read on over separators (a value may still start where
    /// the text ends or a character of another script comes within them).
    #[inline]
    fn may_start_run(&self, text: &[u8], run: std::ops::Range<usize>) -> bool {
        let b0 = text[run.start].to_ascii_lowercase() as usize;
        if self.first[b0] == self.first[b0 + 1] {
            return false;
        }
        let mut w = [0u8; 4];
        if run.len() >= 4 {
            for (o, &x) in w.iter_mut().zip(&text[run.start..run.start + 4]) {
                *o = x.to_ascii_lowercase();
            }
        } else {
            let (mut n, mut j) = (0, run.start);
            while n < 4 {
                let Some(&x) = text.get(j) else { return true };
                if !x.is_ascii() {
                    return true;
                }
                if ASCII[x as usize] != SEP {
                    w[n] = x.to_ascii_lowercase();
                    n += 1;
                }
                j += 1;
            }
        }
        self.may_start(&w, 0)
    }

    /// Calls `f(reader, value, end)` for every value that the spelling read by `rd`
    /// starts with at byte `p` (`end`: where it ends there), shortest first.
    #[inline]
    fn each_at(&self, rd: &mut Reader<'_>, p: usize, mut f: impl FnMut(&Reader<'_>, usize, usize)) {
        if rd.fill(p + 4) <= p || !self.may_start(&rd.bytes, p) {
            return;
        }
        let b0 = rd.bytes[p] as usize;
        let (mut lo, mut hi) = (self.first[b0] as usize, self.first[b0 + 1] as usize);
        let mut d = 1;
        loop {
            // The values in `lo..hi` all begin with the `d` bytes at `p`: a few are
            // compared whole, more are narrowed by their next byte (those of length `d`
            // sort first).
            if hi - lo <= 4 {
                for x in lo..hi {
                    let k = self.key(x);
                    if rd.fill(p + k.len()) >= p + k.len() && rd.bytes[p + d..p + k.len()] == k[d..] {
                        f(rd, x, p + k.len());
                    }
                }
                return;
            }
            while lo < hi && self.v[lo].len as usize == d {
                f(rd, lo, p + d);
                lo += 1;
            }
            if lo == hi || rd.fill(p + d + 1) <= p + d {
                return;
            }
            let b = rd.bytes[p + d];
            let r = &self.v[lo..hi];
            let at = |x: &Value| self.keys[x.at as usize + d];
            let a = r.partition_point(|x| at(x) < b);
            let z = a + r[a..].partition_point(|x| at(x) == b);
            (lo, hi) = (lo + a, lo + z);
            d += 1;
        }
    }
}

/// A place of the canonical spelling of the text as an ordered number: the start of its character in
/// the text, then its byte among that character's lower case.
fn place((i, sub): (usize, usize)) -> u64 {
    (i as u64) << 8 | sub as u64
}

/// A value found at a place of the text: its start and end in the text, the value
/// (index into [`Values::v`]) and its first and last places in the spelling.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Match {
    start: usize,
    end: usize,
    x: usize,
    p: u64,
    q: u64,
}

/// `kept` (sorted by start, disjoint, offsets into `text`) plus a copy of a candidate
/// for every other place its value stands in `text`, sorted by start.
pub(super) fn with_repeats(text: &str, kept: Vec<Candidate>) -> Vec<Candidate> {
    if kept.is_empty() {
        return kept;
    }
    let values = Values::new(text, &kept);
    let mut found = Vec::new();
    matches_in(text, &kept, &values, 0..text.len(), &mut found);
    with_matches(kept, &values, found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::Kind;

    /// The canonical spelling of one value (see [`Reader`]).
    fn canonical(value: &str) -> String {
        let mut s = String::new();
        for c in value.chars().filter(|&c| !separator(c)) {
            if c.is_ascii() {
                s.push(c.to_ascii_lowercase());
            } else {
                s.push_str(fold(c, &mut [0; 12]));
            }
        }
        s
    }

    fn repeats(text: &str, found: &[&str]) -> Vec<String> {
        let kept = found
            .iter()
            .map(|f| {
                let s = text.find(f).unwrap();
                Candidate::new(Kind::NationalId, s, s + f.len(), 0.9)
            })
            .collect();
        with_repeats(text, kept).iter().map(|c| text[c.start..c.end].to_string()).collect()
    }

    #[test]
    fn every_spelling_of_a_value_is_found() {
        assert_eq!(
            repeats("Steuer-ID 65929970489, Rechnung 65929970489, alt 659 299 704 89.", &["65929970489"]),
            ["65929970489", "65929970489", "659 299 704 89"]
        );
        assert_eq!(
            repeats(
                "IBAN DE89 3704 0044 0532 0130 00; nochmal: de89370400440532013000!",
                &["DE89 3704 0044 0532 0130 00"]
            ),
            ["DE89 3704 0044 0532 0130 00", "de89370400440532013000"]
        );
        assert_eq!(repeats("Maria Huber, MARIA  HUBER, maria-huber", &["Maria Huber"]).len(), 3);
    }

    #[test]
    fn only_values_that_stand_alone() {
        // Glued to letters (a word) or digits (a number): another word or number.
        assert_eq!(repeats("Huber, Huberstraße 5, AHuber, Huber.", &["Huber"]), ["Huber", "Huber"]);
        assert_eq!(repeats("4711 und 47112 und 94711", &["4711"]), ["4711"]);
        // Digits after letters (or letters after digits) are a token of their own.
        assert_eq!(repeats("4711, Tel4711, Huber, 1Huber", &["4711", "Huber"]), ["4711", "4711", "Huber", "Huber"]);
        // Short values only as written.
        assert_eq!(repeats("Li, li, Li.", &["Li"]), ["Li", "Li"]);
    }

    #[test]
    fn a_value_glued_to_the_start_of_another_is_still_found() {
        // "…1234567" + "4…": a search for the longest match would take "4366412345674".
        let t = "+43 664 1234567-4 x +43 664 1234567 +43 664 1234567";
        let last = t.rfind('+').unwrap();
        let kept = vec![Candidate::new(Kind::Phone, 0, 17, 0.9), Candidate::new(Kind::Phone, last, t.len(), 0.9)];
        let spans: Vec<&str> = with_repeats(t, kept).iter().map(|c| &t[c.start..c.end]).collect();
        assert_eq!(spans, ["+43 664 1234567-4", "43 664 1234567", "+43 664 1234567"]);
    }

    /// The plain definition: every place in the canonical spelling of the whole text
    /// where a value's spelling is, in the order of their ends (the longer first at one
    /// end), kept if it stands alone and is no part of a finding; then left to right,
    /// the longest first, none overlapping.
    fn plain(text: &str, mut kept: Vec<Candidate>) -> Vec<Candidate> {
        let mut keys: Vec<String> = Vec::new();
        let mut models = Vec::new();
        for (i, c) in kept.iter().enumerate() {
            let key = canonical(&text[c.start..c.end]);
            if key.chars().any(char::is_alphanumeric) && !keys.contains(&key) {
                keys.push(key);
                models.push(i);
            }
        }
        let (mut sk, mut from) = (Vec::new(), Vec::new());
        for (i, c) in text.char_indices() {
            if !separator(c) {
                for b in canonical(&c.to_string()).bytes() {
                    sk.push(b);
                    from.push((i, i + c.len_utf8()));
                }
            }
        }
        let mut found = Vec::new();
        for q in 1..=sk.len() {
            for p in 0..q {
                let Some(x) = keys.iter().position(|k| k.as_bytes() == &sk[p..q]) else { continue };
                let (start, end) = (from[p].0, from[q - 1].1);
                let model = &kept[models[x]];
                let short = keys[x].chars().filter(|c| c.is_alphanumeric()).count() < MIN_CANONICAL;
                if !kept.iter().any(|c| c.start < end && start < c.end)
                    && stands_alone(text, start, end)
                    && (!short || text[start..end] == text[model.start..model.end])
                {
                    found.push((start, end, x));
                }
            }
        }
        found.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        let mut added: Vec<Candidate> = Vec::new();
        for (start, end, x) in found {
            if added.last().is_some_and(|c| c.end > start) {
                continue;
            }
            let mut c = kept[models[x]].clone();
            (c.start, c.end) = (start, end);
            added.push(c);
        }
        kept.append(&mut added);
        kept.sort_by_key(|c| c.start);
        kept
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Looking values up only where a value may start finds what the plain
        /// definition finds, in the same order and with the same models.
        #[test]
        fn same_as_the_plain_definition(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Huber", "huber", "HUBER", "4711", "47", "11", " ", "  ", "-", ".", "/", "\n", "İ", "i\u{307}", "ä", "Ä",
                "\u{301}", "1", "a", "Li", "li", "ǅ", "Ⅻ", "ⅻ", ",", "@", "x@y", "ß", "SS", "\u{A0}", "'", "+43", "Σ", "σ",
            ]), 0..14),
            picks in proptest::collection::vec((0usize..14, 1usize..4, 0usize..3), 1..4),
        ) {
            let text = parts.concat();
            // Findings: whole parts, sorted and disjoint, of three kinds.
            let bounds: Vec<usize> = parts.iter().scan(0, |at, p| { *at += p.len(); Some(*at) }).collect();
            let starts: Vec<usize> = std::iter::once(0).chain(bounds.iter().copied()).collect();
            let mut kept: Vec<Candidate> = Vec::new();
            let mut picks = picks;
            picks.sort();
            for (a, n, k) in picks {
                if a >= parts.len() {
                    continue;
                }
                let (s, e) = (starts[a], starts[(a + n).min(parts.len())]);
                if s < e && !kept.last().is_some_and(|c| c.end > s) {
                    let kind = [Kind::Person, Kind::Phone, Kind::NationalId][k];
                    kept.push(Candidate::new(kind, s, e, 0.5 + k as f32 / 10.0));
                }
            }
            proptest::prop_assert_eq!(with_repeats(&text, kept.clone()), plain(&text, kept), "{:?}", text);
        }
    }

    #[test]
    fn findings_stay_sorted_and_disjoint() {
        let t = "a 12345678 b 1234 5678 c 12345678";
        let out = with_repeats(t, vec![Candidate::new(Kind::Phone, 13, 22, 0.9)]);
        let spans: Vec<(usize, usize)> = out.iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(spans, [(2, 10), (13, 22), (25, 33)]);
        assert!(out.windows(2).all(|w| w[0].end <= w[1].start));
    }
}

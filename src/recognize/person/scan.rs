//! The scanning state of the name recogniser: the tokens, the per-token judgements
//! ([`Ctx`]), the output and how far names were already reported. The cue steps
//! (`cues.rs`, `bare.rs`) are methods on [`Scan`]; each either claims token `i`
//! (returning the index to go on from) or leaves it to the next step.

use super::namey::Ctx;
use crate::entity::Kind;
use crate::tokens::Tokens;
use crate::types::Candidate;
use crate::words::flag;

/// How far (in bytes) a name found makes the same word a name again: near, so that a
/// text read in two halves (with margins of 4 KB) finds the same names.
const KNOWN_REACH: usize = 600;

/// English street types that are no surname: a name-like word before them is a street.
const STREET_HEADS: &[&str] =
    &["street", "road", "avenue", "blvd", "boulevard", "terrace", "crescent", "cottage", "parkway", "highway"];

/// One pass over the tokens of a text.
pub(super) struct Scan<'a, 't, 'o> {
    pub(super) cx: Ctx<'a, 't>,
    pub(super) tk: &'a Tokens<'t>,
    /// Number of tokens.
    pub(super) n: usize,
    out: &'o mut Vec<Candidate>,
    /// Token index up to which a name was already found.
    pub(super) covered_to: usize,
    /// The words (lower case, three letters or more) of the names found so far, with
    /// the byte where each ends: the same word again, capitalised and at most
    /// [`KNOWN_REACH`] bytes later, starts a name ("Will here again - Will Ashworth").
    known: Vec<(&'a str, usize)>,
    /// Bit `b % 64` for the first byte `b` of every word in `known`: a word whose bit
    /// is not set is none of them (most words are answered by this test).
    known_first: u64,
}

impl<'a, 't, 'o> Scan<'a, 't, 'o> {
    /// A scan of `tk` from its first token, reporting into `out`.
    pub(super) fn new(tk: &'a Tokens<'t>, out: &'o mut Vec<Candidate>) -> Scan<'a, 't, 'o> {
        Scan { cx: Ctx::new(tk), tk, n: tk.v.len(), out, covered_to: 0, known: Vec::new(), known_first: 0 }
    }

    /// Reports tokens `a..=b` as a name and marks them covered.
    pub(super) fn emit(&mut self, a: usize, b: usize, score: f32) {
        // "Tanner Malerei GmbH", "Kessler Treuhand AG": a company, not a person
        let tk = self.tk;
        let org = |k: usize| tk.is_word(k) && tk.v[k].nl == 0 && tk.capital(k) && tk.has(k, flag::ORG);
        // "Rose Street", "Grafton Street", "Hawthorne Blvd": a street, not a person
        let street =
            |k: usize| tk.is_word(k) && tk.v[k].nl == 0 && tk.cap_or_lower(k) && STREET_HEADS.contains(&tk.low(k));
        if org(b + 1) || tk.is_punct(b + 1, '&') && org(b + 2) || (a..=b + 1).any(street) {
            self.covered_to = b + 1;
            return;
        }
        let mut c = Candidate::new(Kind::Person, self.tk.v[a].s, self.tk.v[b].e, score);
        c.subtype = None;
        self.out.push(c);
        self.covered_to = b + 1;
        for k in a..=b {
            if self.tk.is_word(k) && self.tk.low(k).chars().count() >= 3 {
                self.known.retain(|&(_, e)| e + KNOWN_REACH >= self.tk.v[a].s);
                self.known.push((self.tk.low(k), self.tk.v[k].e));
            }
        }
        self.known_first = self.known.iter().fold(0, |m, (w, _)| m | first_bit(w));
    }

    /// Reports the bytes `s..e` (inside token `i`) as a name and marks token `i` covered.
    pub(super) fn emit_part(&mut self, i: usize, s: usize, e: usize, score: f32) {
        let mut c = Candidate::new(Kind::Person, s, e, score);
        c.subtype = None;
        self.out.push(c);
        self.covered_to = i + 1;
    }

    /// True if a name with exactly the bytes `s..e` was reported already.
    pub(super) fn reported(&self, s: usize, e: usize) -> bool {
        self.out.iter().any(|c| c.kind == Kind::Person && c.start == s && c.end == e)
    }

    /// True if a name overlapping the bytes `s..e` was reported already.
    pub(super) fn overlaps(&self, s: usize, e: usize) -> bool {
        self.out.iter().any(|c| c.kind == Kind::Person && c.start < e && s < c.end)
    }

    /// Word `i` is capitalised (or in chat typing) and one of the words of a name found before.
    pub(super) fn known(&self, i: usize) -> bool {
        let (w, s) = (self.tk.low(i), self.tk.v[i].s);
        self.known_first & first_bit(w) != 0
            && self.tk.cap_or_lower(i)
            && self.known.iter().any(|&(k, e)| k == w && e + KNOWN_REACH >= s)
    }
}

/// The bit of a word's first byte in [`Scan`]'s `known_first` (none for an empty word).
fn first_bit(w: &str) -> u64 {
    w.as_bytes().first().map_or(0, |&b| 1 << (b % 64))
}

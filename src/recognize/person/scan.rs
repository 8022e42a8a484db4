//! The scanning state of the name recogniser: the tokens, the per-token judgements
//! ([`Ctx`]), the output and how far names were already reported. The cue steps
//! (`cues.rs`, `bare.rs`) are methods on [`Scan`]; each either claims token `i`
//! (returning the index to go on from) or leaves it to the next step.

use super::namey::Ctx;
use crate::entity::Kind;
use crate::tokens::{Tokens, T};
use crate::types::{Candidate, Input, Learned};
use crate::words::flag;

/// How far (in bytes) a name found makes the same word a name again: near, so that a
/// text read in two halves (with margins of 4 KB) finds the same names.
pub(super) const KNOWN_REACH: usize = 600;

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
    /// the byte up to which each is known ([`KNOWN_REACH`] after its end): the same
    /// word again, capitalised and starting before that, starts a name ("Will here
    /// again - Will Ashworth").
    known: Vec<(&'a str, usize)>,
    /// Where the names start whose words are learned (all of the text, but in a
    /// rescan's part given the words learned before it: [`Scan::learning`]).
    learn: std::ops::Range<usize>,
    /// Where the words learned are recorded for a rescan ([`Input::keeps`]).
    record: Option<&'a std::cell::RefCell<Vec<Learned>>>,
    /// The bit of [`known_bit`] for every word in `known`: a word whose bit is not
    /// set is none of them (most words are answered by this test).
    known_first: u64,
    /// `(from, stop)`: `stop` is the first token after `from` that starts a new line
    /// or is a cue mark ([`cue_mark`]), so for every `i` in `from..stop` it is also the
    /// first one after `i` (see [`Scan::cue_later_on_line`]).
    cue_stop: (usize, usize),
}

impl<'a, 't, 'o> Scan<'a, 't, 'o> {
    /// A scan of `tk` from its first token, reporting into `out`.
    pub(super) fn new(tk: &'a Tokens<'t>, out: &'o mut Vec<Candidate>) -> Scan<'a, 't, 'o> {
        Scan {
            cx: Ctx::new(tk),
            tk,
            n: tk.v.len(),
            out,
            covered_to: 0,
            known: Vec::new(),
            known_first: 0,
            learn: 0..usize::MAX,
            record: None,
            cue_stop: (0, 0),
        }
    }

    /// Takes what `input` says of learning: the words learned before a rescan's part
    /// (which then learns from the names it keeps only), and whether to record what
    /// is learned.
    pub(super) fn learning(&mut self, input: &'a Input<'t>) {
        if let Some(before) = &input.learned_before {
            self.known.extend(before.iter().map(|(w, until)| (w.as_str(), *until)));
            self.known_first = self.known.iter().fold(0, |m, (w, _)| m | known_bit(w));
            self.learn = input.wanted.clone();
        }
        self.record = input.keeps().then_some(&input.learned);
    }

    /// Reports tokens `a..=b` as a name and marks them covered; its words are
    /// remembered (see [`Scan::known`]).
    pub(super) fn emit(&mut self, a: usize, b: usize, score: f32) {
        self.report(a, b, score, true);
    }

    /// [`Scan::emit`] for a name found once the text was read (the names of a table's
    /// columns): it teaches no word, as no name is looked for after it (so a rescan
    /// is handed no word of it either).
    pub(super) fn emit_last(&mut self, a: usize, b: usize, score: f32) {
        self.report(a, b, score, false);
    }

    /// [`Scan::emit`], except for a name found because its first word was found as a
    /// name before (`repeat`, see [`Scan::known`]): its words are not remembered again.
    /// So a word is known at most [`KNOWN_REACH`] bytes after a name found on evidence
    /// of its own, never in a chain of repeats each reaching further (which a rescan of
    /// the text around an edit could not see the start of).
    pub(super) fn emit_unless_repeat(&mut self, repeat: bool, a: usize, b: usize, score: f32) {
        self.report(a, b, score, !repeat);
    }

    fn report(&mut self, a: usize, b: usize, score: f32, learn: bool) {
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
        let start = self.tk.v[a].s;
        if !learn || !self.learn.contains(&start) {
            return;
        }
        // The words out of reach are dropped once (the words added are all in reach),
        // and the filter is made again only when words were added.
        let mut added = false;
        for k in a..=b {
            if self.tk.is_word(k) && self.tk.low(k).chars().nth(2).is_some() {
                if !added {
                    self.known.retain(|&(_, until)| until >= start);
                    added = true;
                }
                let t = &self.tk.v[k];
                self.known.push((self.tk.low(k), t.e + KNOWN_REACH));
                if let Some(r) = self.record {
                    r.borrow_mut().push(Learned { from: start, start: t.s, end: t.e });
                }
            }
        }
        if added {
            self.known_first = self.known.iter().fold(0, |m, (w, _)| m | known_bit(w));
        }
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

    /// How many names were reported so far.
    #[cfg(test)]
    pub(super) fn found(&self) -> usize {
        self.out.len()
    }

    /// Word `i` is capitalised (or in chat typing) and one of the words of a name found before.
    pub(super) fn known(&self, i: usize) -> bool {
        let (w, s) = (self.tk.low(i), self.tk.v[i].s);
        self.known_first & known_bit(w) != 0
            && self.tk.cap_or_lower(i)
            && self.known.iter().any(|&(k, until)| k == w && until >= s)
    }

    /// A token after word `i` on its line is a cue mark ([`cue_mark`]). When not, no
    /// name starting at `i` is followed by `mein Name`, `my name`, `hier`, `here`,
    /// `speaking` or `spricht` ([`Scan::name_before_cue`]): a name read by
    /// `Ctx::extend` stays on its line except across a nickname
    /// in brackets, whose `(` is a mark itself. Each token is read once in a scan of
    /// increasing `i`.
    pub(super) fn cue_later_on_line(&mut self, i: usize) -> bool {
        let (from, stop) = self.cue_stop;
        let stop = if from <= i && i < stop {
            stop
        } else {
            let tk = self.tk;
            let mut j = i + 1;
            while j < self.n && tk.v[j].nl == 0 && !cue_mark(tk, j) {
                j += 1;
            }
            self.cue_stop = (i, j);
            j
        };
        stop < self.n && self.tk.v[stop].nl == 0
    }
}

/// Token `j` is `(` or a word that may follow a name as its cue (see
/// [`Scan::cue_later_on_line`]).
fn cue_mark(tk: &Tokens<'_>, j: usize) -> bool {
    match tk.v[j].t {
        T::Punct(c) => c == '(',
        T::Word => matches!(tk.low(j), "mein" | "my" | "hier" | "here" | "speaking" | "spricht"),
        T::Num => false,
    }
}

/// The bit of a word (from its length and first and last bytes) in [`Scan`]'s
/// `known_first` (none for an empty word).
fn known_bit(w: &str) -> u64 {
    let b = w.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => 1 << ((f as usize * 7 + l as usize * 3 + b.len()) % 64),
        _ => 0,
    }
}

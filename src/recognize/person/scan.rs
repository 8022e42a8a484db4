//! The scanning state of the name recogniser: the tokens, the per-token judgements
//! ([`Ctx`]), the output and how far names were already reported. The cue steps
//! (`cues.rs`, `bare.rs`) are methods on [`Scan`]; each either claims token `i`
//! (returning the index to go on from) or leaves it to the next step.

use super::namey::Ctx;
use crate::entity::Kind;
use crate::tokens::Tokens;
use crate::types::Candidate;

/// One pass over the tokens of a text.
pub(super) struct Scan<'a, 't, 'o> {
    pub(super) cx: Ctx<'a, 't>,
    pub(super) tk: &'a Tokens<'t>,
    /// Number of tokens.
    pub(super) n: usize,
    out: &'o mut Vec<Candidate>,
    /// Token index up to which a name was already found.
    pub(super) covered_to: usize,
}

impl<'a, 't, 'o> Scan<'a, 't, 'o> {
    /// A scan of `tk` from its first token, reporting into `out`.
    pub(super) fn new(tk: &'a Tokens<'t>, out: &'o mut Vec<Candidate>) -> Scan<'a, 't, 'o> {
        Scan { cx: Ctx::new(tk), tk, n: tk.v.len(), out, covered_to: 0 }
    }

    /// Reports tokens `a..=b` as a name and marks them covered.
    pub(super) fn emit(&mut self, a: usize, b: usize, score: f32) {
        let mut c = Candidate::new(Kind::Person, self.tk.v[a].s, self.tk.v[b].e, score);
        c.subtype = None;
        self.out.push(c);
        self.covered_to = b + 1;
    }
}

//! Overlap resolution: at most one finding covers any character.
//!
//! Recognisers work independently, so their candidates overlap: a 16-digit card
//! number also looks like a phone number, an IBAN contains a "number", a date inside a
//! national id looks like a date. Candidates are ranked and taken greedily; a candidate
//! that overlaps one already taken is dropped. The ranking, first rule first:
//!
//! 1. a candidate whose check digit was verified beats one without (a Luhn-valid card
//!    number beats the phone number it resembles);
//! 2. the longer candidate beats the shorter (an IBAN beats the account number inside it);
//! 3. the higher score wins;
//! 4. the earlier start wins (the ranking is total, so results never depend on the
//!    order recognisers ran in).
//!
//! Runs in O(n log n) for n candidates.

use crate::scanner::Candidate;
use std::collections::BTreeMap;

/// Keeps a non-overlapping subset of `cands` (by the rules above), sorted by start.
pub fn resolve(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    if cands.len() <= 1 {
        return cands;
    }
    cands.sort_by(|a, b| {
        b.validated
            .cmp(&a.validated)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(b.score.total_cmp(&a.score))
            .then(a.start.cmp(&b.start))
            .then(a.kind.cmp(&b.kind))
    });
    // Taken intervals by start; they never overlap each other.
    let mut taken: BTreeMap<usize, Candidate> = BTreeMap::new();
    for c in cands {
        let clash_prev = taken.range(..=c.start).next_back().is_some_and(|(_, t)| t.end > c.start);
        let clash_next = taken.range(c.start..).next().is_some_and(|(_, t)| t.start < c.end);
        if !clash_prev && !clash_next {
            taken.insert(c.start, c);
        }
    }
    taken.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::Kind;

    fn c(kind: Kind, start: usize, end: usize, score: f32, validated: bool) -> Candidate {
        Candidate { kind, start, end, score, subtype: None, validated, country: None }
    }

    #[test]
    fn rules() {
        // checksum beats longer generic
        let r = resolve(vec![c(Kind::Phone, 0, 20, 0.9, false), c(Kind::CreditCard, 2, 18, 0.6, true)]);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].kind, Kind::CreditCard);
        // longer beats contained
        let r = resolve(vec![c(Kind::Phone, 5, 10, 0.9, false), c(Kind::Phone, 0, 12, 0.6, false)]);
        assert_eq!((r[0].start, r[0].end), (0, 12));
        // tie → higher score
        let r = resolve(vec![c(Kind::Phone, 0, 10, 0.6, false), c(Kind::DateOfBirth, 0, 10, 0.9, false)]);
        assert_eq!(r[0].kind, Kind::DateOfBirth);
        // disjoint both kept, in order
        let r = resolve(vec![c(Kind::Email, 10, 20, 0.9, false), c(Kind::Phone, 0, 5, 0.6, false)]);
        assert_eq!(r.iter().map(|c| c.start).collect::<Vec<_>>(), vec![0, 10]);
    }
}

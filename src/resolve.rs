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
//! Runs in O(n log n) for n candidates (plus one bit per byte of the text to mark what
//! is taken).

use crate::scanner::Candidate;

/// Keeps a non-overlapping subset of `cands` (by the rules above), sorted by start.
pub fn resolve(cands: Vec<Candidate>) -> Vec<Candidate> {
    if cands.len() <= 1 {
        return cands;
    }
    // Bytes covered by the candidates taken so far (one bit each): a candidate clashes
    // with a taken one exactly when one of its bytes is covered.
    let len = cands.iter().map(|c| c.end).max().unwrap_or(0);
    let mut covered = Bits::new(len);
    let mut taken = Vec::new();
    for i in ranked(&cands) {
        let c = &cands[i];
        if c.start < c.end && !covered.any(c.start, c.end) {
            covered.set(c.start, c.end);
            taken.push(c.clone());
        }
    }
    taken.sort_unstable_by_key(|c| c.start);
    taken
}

/// The candidates' indices, best first: the order a stable sort by [`outranks`] gives.
/// The first four rules are packed into two integers compared at once (ties go on to
/// the kind, then to the input order, as in a stable sort), which sorts the tens of
/// thousands of candidates of a long text about three times faster than comparing
/// the fields one by one.
fn ranked(cands: &[Candidate]) -> Vec<usize> {
    if cands.iter().any(|c| c.end > u32::MAX as usize) {
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by(|&a, &b| outranks(&cands[a], &cands[b]));
        return order;
    }
    // Longer first, higher score first: both keys are flipped so that smaller sorts
    // first. The `f32::total_cmp` order as an unsigned integer: every bit of a negative
    // number flipped, only the sign bit of a positive one.
    let score_key = |s: f32| {
        let b = s.to_bits();
        !(if b >> 31 == 1 { !b } else { b | 1 << 31 })
    };
    let mut keys: Vec<(u64, u64, usize)> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let len = (c.end - c.start) as u32;
            let hi = (u64::from(!c.validated) << 32) | u64::from(u32::MAX - len);
            let lo = (u64::from(score_key(c.score)) << 32) | c.start as u64;
            (hi, lo, i)
        })
        .collect();
    keys.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| cands[a.2].kind.cmp(&cands[b.2].kind)).then(a.2.cmp(&b.2)));
    keys.into_iter().map(|k| k.2).collect()
}

/// The ranking rules as a comparison (`Less`: `a` is taken before `b`).
fn outranks(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    b.validated
        .cmp(&a.validated)
        .then((b.end - b.start).cmp(&(a.end - a.start)))
        .then(b.score.total_cmp(&a.score))
        .then(a.start.cmp(&b.start))
        .then(a.kind.cmp(&b.kind))
}

/// A fixed-size bit set over byte positions.
struct Bits(Vec<u64>);

impl Bits {
    fn new(len: usize) -> Bits {
        Bits(vec![0; len / 64 + 1])
    }

    /// The mask of bits `a..b` inside one word (`a < b <= 64`).
    fn mask(a: usize, b: usize) -> u64 {
        (u64::MAX >> (64 - (b - a))) << a
    }

    /// Calls `f(word index, mask)` for the words covering positions `start..end`.
    fn words(start: usize, end: usize, mut f: impl FnMut(usize, u64) -> bool) -> bool {
        let mut i = start;
        while i < end {
            let w = i / 64;
            let a = i % 64;
            let b = (end - w * 64).min(64);
            if f(w, Bits::mask(a, b)) {
                return true;
            }
            i = w * 64 + b;
        }
        false
    }

    fn any(&self, start: usize, end: usize) -> bool {
        Bits::words(start, end, |w, m| self.0[w] & m != 0)
    }

    fn set(&mut self, start: usize, end: usize) {
        Bits::words(start, end, |w, m| {
            self.0[w] |= m;
            false
        });
    }
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
        // touching intervals do not overlap; across 64-bit word edges too
        let r = resolve(vec![c(Kind::Email, 60, 130, 0.9, false), c(Kind::Phone, 130, 140, 0.6, false), c(Kind::Phone, 50, 61, 0.6, false), c(Kind::Phone, 129, 131, 0.6, false)]);
        assert_eq!(r.iter().map(|c| (c.start, c.end)).collect::<Vec<_>>(), vec![(60, 130), (130, 140)]);
    }

    #[test]
    fn packed_ranking_is_the_stable_sort() {
        let mut seed = 11u64;
        let mut next = |m: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % m
        };
        let kinds = [Kind::Phone, Kind::Email, Kind::Iban, Kind::Custom(0), Kind::Custom(3), Kind::Person];
        let scores = [0.0, -0.0, 0.3, 0.9, 1.0, -0.5, f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 1e-40];
        for _ in 0..2000 {
            let n = next(40) + 2;
            let cands: Vec<Candidate> = (0..n)
                .map(|_| {
                    let s = next(20);
                    c(kinds[next(kinds.len())], s, s + next(6), scores[next(scores.len())], next(2) == 0)
                })
                .collect();
            let mut want: Vec<usize> = (0..n).collect();
            want.sort_by(|&a, &b| outranks(&cands[a], &cands[b]));
            assert_eq!(ranked(&cands), want);
        }
    }

    #[test]
    fn same_as_pairwise_overlap_check() {
        // Greedy selection checked against the plain quadratic definition.
        let mut seed = 7u64;
        let mut next = |m: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % m
        };
        for _ in 0..500 {
            let n = next(30) + 1;
            let cands: Vec<Candidate> = (0..n)
                .map(|_| {
                    let s = next(300);
                    c(Kind::Phone, s, s + 1 + next(80), next(10) as f32 / 10.0, next(3) == 0)
                })
                .collect();
            let mut ranked = cands.clone();
            ranked.sort_by(|a, b| b.validated.cmp(&a.validated).then((b.end - b.start).cmp(&(a.end - a.start))).then(b.score.total_cmp(&a.score)).then(a.start.cmp(&b.start)));
            let mut want: Vec<(usize, usize)> = Vec::new();
            for x in &ranked {
                if want.iter().all(|&(s, e)| e <= x.start || x.end <= s) {
                    want.push((x.start, x.end));
                }
            }
            want.sort();
            let got: Vec<(usize, usize)> = resolve(cands).iter().map(|c| (c.start, c.end)).collect();
            assert_eq!(got, want);
        }
    }
}

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

use crate::types::Candidate;

/// Keeps a non-overlapping subset of `cands` (by the rules above), sorted by start.
///
/// A candidate can only lose to one that overlaps it, directly or through a chain of
/// overlapping candidates, so the ranking is applied within each group of candidates
/// linked that way: in order of start, a group ends where no later candidate starts
/// before the ends seen so far. Most candidates of a text overlap nothing and are kept
/// without being ranked; the groups left are small. The result is the one a single
/// ranking of all candidates gives.
pub fn resolve(cands: Vec<Candidate>) -> Vec<Candidate> {
    if cands.len() <= 1 {
        return cands;
    }
    // Bytes covered by the candidates taken so far (one bit each): a candidate clashes
    // with a taken one exactly when one of its bytes is covered.
    let len = cands.iter().map(|c| c.end).max().unwrap_or(0);
    let mut covered = Bits::new(len);
    let mut by_start: Vec<(usize, usize)> = cands.iter().enumerate().map(|(i, c)| (c.start, i)).collect();
    crate::sort::sort(&mut by_start);
    let mut taken: Vec<usize> = Vec::new();
    let mut group: Vec<usize> = Vec::new();
    let mut kept: Vec<(usize, usize)> = Vec::new();
    let mut a = 0;
    while a < by_start.len() {
        let mut end = cands[by_start[a].1].end;
        let mut b = a + 1;
        while b < by_start.len() && by_start[b].0 < end {
            end = end.max(cands[by_start[b].1].end);
            b += 1;
        }
        if b == a + 1 {
            let i = by_start[a].1;
            if cands[i].start < cands[i].end {
                taken.push(i);
            }
        } else {
            group.clear();
            group.extend(by_start[a..b].iter().map(|&(_, i)| i));
            // Ties go to the input order, as in a stable sort.
            crate::sort::sort_by(&mut group, |&x, &y| outranks(&cands[x], &cands[y]).then(x.cmp(&y)));
            kept.clear();
            for &i in &group {
                let c = &cands[i];
                if c.start < c.end && !covered.any(c.start, c.end) {
                    covered.set(c.start, c.end);
                    kept.push((c.start, i));
                }
            }
            // Kept candidates do not overlap and are not empty: their starts differ.
            crate::sort::sort(&mut kept);
            taken.extend(kept.iter().map(|&(_, i)| i));
        }
        a = b;
    }
    taken.into_iter().map(|i| cands[i].clone()).collect()
}

/// The ranking rules as a comparison (`Less`: `a` is taken before `b`). Not inlined:
/// the sort would copy it into each of its code paths (a larger `.wasm` for no speed).
#[inline(never)]
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
        let r = resolve(vec![
            c(Kind::Email, 60, 130, 0.9, false),
            c(Kind::Phone, 130, 140, 0.6, false),
            c(Kind::Phone, 50, 61, 0.6, false),
            c(Kind::Phone, 129, 131, 0.6, false),
        ]);
        assert_eq!(r.iter().map(|c| (c.start, c.end)).collect::<Vec<_>>(), vec![(60, 130), (130, 140)]);
    }

    /// The rules applied to all candidates at once: one stable sort, then greedy.
    fn resolve_by_one_ranking(mut cands: Vec<Candidate>) -> Vec<Candidate> {
        cands.sort_by(outranks);
        let mut taken: Vec<Candidate> = Vec::new();
        for c in cands {
            if c.start < c.end && taken.iter().all(|t| t.end <= c.start || c.end <= t.start) {
                taken.push(c);
            }
        }
        taken.sort_by_key(|c| c.start);
        taken
    }

    #[test]
    fn groups_give_what_one_ranking_gives() {
        let mut next = crate::test_rng(11);
        let kinds = [Kind::Phone, Kind::Email, Kind::Iban, Kind::Custom(0), Kind::Custom(3), Kind::Person];
        let scores = [0.0, -0.0, 0.3, 0.9, 1.0, -0.5, f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 1e-40];
        let subtypes = [None, Some("a"), Some("b")];
        for _ in 0..3000 {
            let n = next(40) + 2;
            let spread = [10, 40, 200][next(3)];
            let cands: Vec<Candidate> = (0..n)
                .map(|_| {
                    let s = next(spread);
                    let mut x = c(kinds[next(kinds.len())], s, s + next(8), scores[next(scores.len())], next(2) == 0);
                    x.subtype = subtypes[next(subtypes.len())];
                    x
                })
                .collect();
            // Compared field by field, with scores as bits (NaN is a score here too).
            let fields = |v: Vec<Candidate>| {
                v.into_iter()
                    .map(|c| (c.kind, c.start, c.end, c.score.to_bits(), c.subtype, c.validated))
                    .collect::<Vec<_>>()
            };
            assert_eq!(fields(resolve(cands.clone())), fields(resolve_by_one_ranking(cands)));
        }
    }

    #[test]
    fn same_as_pairwise_overlap_check() {
        // Greedy selection checked against the plain quadratic definition.
        let mut next = crate::test_rng(7);
        for _ in 0..500 {
            let n = next(30) + 1;
            let cands: Vec<Candidate> = (0..n)
                .map(|_| {
                    let s = next(300);
                    c(Kind::Phone, s, s + 1 + next(80), next(10) as f32 / 10.0, next(3) == 0)
                })
                .collect();
            let mut ranked = cands.clone();
            ranked.sort_by(|a, b| {
                b.validated
                    .cmp(&a.validated)
                    .then((b.end - b.start).cmp(&(a.end - a.start)))
                    .then(b.score.total_cmp(&a.score))
                    .then(a.start.cmp(&b.start))
            });
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

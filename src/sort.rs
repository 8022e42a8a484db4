//! Stable sorting with one copy of the sort code. `slice::sort_by` is compiled anew for
//! every element type and every comparison closure (about 7 KB of WebAssembly each);
//! [`sort_by`] sorts positions (`u32`) with the comparison behind a pointer, so the sort
//! itself is compiled once, and then moves the elements into that order. Results are
//! those of `slice::sort_by`: stable, equal elements keep their order.

use std::cmp::Ordering;

/// Sorts `v` as `v.sort_by(cmp)` does (stable).
pub(crate) fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order = positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, &mut order);
}

/// Sorts `v` as `v.sort()` does (stable). Also where `sort_unstable` would do (no two
/// elements are equal, or equal ones cannot be told apart): the result is the same.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` as `v.sort_by_key(key)` does (stable).
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..n` sorted stably by `cmp`. Not generic: compiled once.
fn positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by(|&a, &b| cmp(a as usize, b as usize));
    order
}

/// Puts `v[order[j]]` at `j` for every `j`, following each cycle of the permutation
/// (`order` is used up: each position is marked done as it is filled).
fn permute<T>(v: &mut [T], order: &mut [u32]) {
    const DONE: u32 = u32::MAX;
    for i in 0..order.len() {
        let mut j = i;
        while order[j] != DONE {
            let k = order[j] as usize;
            order[j] = DONE;
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_the_slice_sort() {
        let mut next = crate::test_rng(5);
        for _ in 0..2000 {
            let n = next(60);
            // (key, tag): keys repeat, tags tell equal keys apart (stability)
            let v: Vec<(usize, usize)> = (0..n).map(|t| (next(8), t)).collect();
            let (mut a, mut b) = (v.clone(), v.clone());
            let cmp = |x: &(usize, usize), y: &(usize, usize)| (x.0 % 3).cmp(&(y.0 % 3)).then(y.0.cmp(&x.0));
            a.sort_by(cmp);
            sort_by(&mut b, cmp);
            assert_eq!(a, b);
            let (mut a, mut b) = (v.clone(), v);
            a.sort_by_key(|x| x.0 % 3);
            sort_by_key(&mut b, |x| x.0 % 3);
            assert_eq!(a, b);
        }
        let mut s = vec!["b".to_string(), "a".to_string(), "c".to_string()];
        sort_by_key(&mut s, |x| x.clone());
        assert_eq!(s, ["a", "b", "c"]);
        let mut t = vec![(2, 1), (1, 9), (2, 0), (1, 9)];
        sort(&mut t);
        assert_eq!(t, [(1, 9), (1, 9), (2, 0), (2, 1)]);
    }
}

//! Byte scans that read eight bytes at a time: finding the next byte of a rare kind
//! (a non-ASCII byte, a digit) in long stretches of prose without testing every byte.

/// The index of the first byte of `b` for which `byte_hit` holds, or `b.len()`.
/// `word_hit` answers the same question for eight bytes at once (read little-endian):
/// the high bit of each byte's lane is set exactly where `byte_hit` holds.
#[inline]
fn first_hit(b: &[u8], word_hit: impl Fn(u64) -> u64, byte_hit: impl Fn(u8) -> bool) -> usize {
    let mut i = 0;
    while let Some(w) = b.get(i..i + 8) {
        let hit = word_hit(u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]));
        if hit != 0 {
            return i + (hit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !byte_hit(b[i]) {
        i += 1;
    }
    i
}

/// Eight bytes as one number (little-endian).
#[inline]
fn word(c: &[u8]) -> u64 {
    u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])
}

/// The length of the longest common start of `a` and `b`, compared eight bytes at a
/// time (a rescan compares the text before and after an edit).
pub(crate) fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut i = 0;
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        let d = word(x) ^ word(y);
        if d != 0 {
            return i + (d.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + a[i..].iter().zip(&b[i..]).take_while(|(x, y)| x == y).count()
}

/// The length of the longest common end of `a` and `b`, at most `max` bytes, compared
/// eight bytes at a time.
pub(crate) fn common_suffix(a: &[u8], b: &[u8], max: usize) -> usize {
    let n = a.len().min(b.len()).min(max);
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut j = 0;
    for (x, y) in a.rchunks_exact(8).zip(b.rchunks_exact(8)) {
        let d = word(x) ^ word(y);
        if d != 0 {
            return j + (d.leading_zeros() / 8) as usize;
        }
        j += 8;
    }
    j + a[..n - j].iter().rev().zip(b[..n - j].iter().rev()).take_while(|(x, y)| x == y).count()
}

/// Where a text after an edit differs from the text before it: the two share their
/// first `before` bytes and their last `after` bytes (which may overlap those when
/// bytes were only added or only taken away); the text before was `old_len` long.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Edit {
    pub before: usize,
    pub after: usize,
    pub old_len: usize,
}

impl Edit {
    /// The edit that makes `new` of `old`.
    pub(crate) fn between(old: &[u8], new: &[u8]) -> Edit {
        Edit { before: common_prefix(old, new), after: common_suffix(old, new, usize::MAX), old_len: old.len() }
    }
}

const ONES: u64 = u64::MAX / 255;

/// The length of the ASCII run at the start of `b` (the index of its first byte of
/// 0x80 or more, or its length): most text is ASCII between its few other characters.
pub(crate) fn ascii_run(b: &[u8]) -> usize {
    first_hit(b, |x| x & (ONES * 128), |c| c >= 0x80)
}

/// The index of the first byte of `b` in `lo..=hi` (ASCII, `lo < hi`), or `b.len()`:
/// for scans that start only at a few kinds of bytes (digits, '+', '(') and would
/// otherwise test every byte of the prose between them.
pub(crate) fn skip_to_range(b: &[u8], lo: u8, hi: u8) -> usize {
    debug_assert!(lo < hi && hi < 0x80);
    first_hit(b, |x| in_range(x, lo, hi), |c| (lo..=hi).contains(&c))
}

/// For eight bytes read little-endian: the high bit of each byte's lane set exactly
/// where the byte is in `lo..=hi` (ASCII, `0 < lo <= hi < 0x7F`). Per byte, with no
/// carry or borrow between bytes: below `hi + 1`, above `lo - 1`, and high bit clear
/// (the bit-twiddling "hasbetween").
#[inline]
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let (m, n) = (lo as u64 - 1, hi as u64 + 1);
    let low7 = x & (ONES * 127);
    (ONES * (127 + n)).wrapping_sub(low7) & !x & low7.wrapping_add(ONES * (127 - m)) & (ONES * 128)
}

/// Bit `j` set where byte `j` of `b` (at most 64 bytes) is an ASCII letter or digit:
/// eight bytes per step, without a branch per byte.
pub(crate) fn alnum_mask(b: &[u8]) -> u64 {
    debug_assert!(b.len() <= 64);
    let mut m = 0u64;
    let mut words = b.chunks_exact(8);
    for (k, w) in words.by_ref().enumerate() {
        let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        let hit = in_range(x, b'0', b'9') | in_range(x | (ONES * 0x20), b'a', b'z');
        // The eight lane bits gathered into one byte, lane j to bit j.
        m |= ((hit >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k);
    }
    let tail = b.len() - words.remainder().len();
    for (j, c) in words.remainder().iter().enumerate() {
        m |= u64::from(c.is_ascii_alphanumeric()) << (tail + j);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn common_ends_are_those_read_byte_by_byte() {
        let mut next = crate::test_rng(11);
        for _ in 0..3000 {
            // two texts of a small alphabet, the second an edit of the first
            let a: Vec<u8> = (0..next(40)).map(|_| b"ab\n\xc3"[next(4)]).collect();
            let (at, cut) = (next(a.len() + 1), next(4));
            let typed: Vec<u8> = (0..next(4)).map(|_| b"ab\n\xc3"[next(4)]).collect();
            let b = [&a[..at], &typed[..], &a[(at + cut).min(a.len())..]].concat();
            let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
            assert_eq!(common_prefix(&a, &b), prefix, "{a:?} {b:?}");
            for max in [0, 3, 9, usize::MAX] {
                let suffix = a.iter().rev().zip(b.iter().rev()).take(max).take_while(|(x, y)| x == y).count();
                assert_eq!(common_suffix(&a, &b, max), suffix, "{a:?} {b:?} {max}");
            }
        }
    }

    #[test]
    fn ascii_run_is_the_first_high_byte() {
        let mut next = crate::test_rng(9);
        for _ in 0..3000 {
            let len = next(40);
            let b: Vec<u8> =
                (0..len).map(|_| if next(12) == 0 { 0x80 + next(128) as u8 } else { next(128) as u8 }).collect();
            for from in 0..=b.len() {
                let want = b[from..].iter().position(|&c| c >= 0x80).unwrap_or(b.len() - from);
                assert_eq!(ascii_run(&b[from..]), want, "{b:?} from {from}");
            }
        }
    }

    #[test]
    fn alnum_mask_is_the_class() {
        // Every byte value in every lane, and blocks of every length up to 64.
        for c in 0..=255u8 {
            for lane in 0..64 {
                let mut b = [b' '; 64];
                b[lane] = c;
                let want = u64::from(c.is_ascii_alphanumeric()) << lane;
                assert_eq!(alnum_mask(&b), want, "byte {c:#x} in lane {lane}");
                assert_eq!(alnum_mask(&b[..lane + 1]), want, "byte {c:#x} last of {}", lane + 1);
            }
        }
        let mut next = crate::test_rng(5);
        for _ in 0..3000 {
            let b: Vec<u8> = (0..next(65)).map(|_| next(256) as u8).collect();
            let want = b.iter().enumerate().fold(0u64, |m, (j, c)| m | u64::from(c.is_ascii_alphanumeric()) << j);
            assert_eq!(alnum_mask(&b), want, "{b:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn skip_to_range_finds_the_first(t in proptest::collection::vec(proptest::sample::select(b"09+(')*/:a \x80\xff\xb6\xa8\xb9\x27\x3a\x28\x39".to_vec()), 0..40), pad in 0usize..8) {
            let t = [&vec![b'x'; pad][..], &t[..]].concat();
            let want = t.iter().position(|c| (b'('..=b'9').contains(c)).unwrap_or(t.len());
            prop_assert_eq!(skip_to_range(&t, b'(', b'9'), want);
            let want = t.iter().position(u8::is_ascii_digit).unwrap_or(t.len());
            prop_assert_eq!(skip_to_range(&t, b'0', b'9'), want);
        }
    }
}

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

/// For eight bytes: the high bit of a byte's lane set where the byte is zero, exact in
/// the lowest such lane (a borrow only runs towards higher lanes, which may be set
/// wrongly above a zero byte): what a search for the first zero byte needs.
#[inline]
fn first_zero_lanes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & (ONES * 128)
}

/// The index of the first byte `c` in `b`: eight bytes at a time (a byte equal to `c`
/// is a zero byte of the word XOR `c`).
pub(crate) fn find_byte(b: &[u8], c: u8) -> Option<usize> {
    let k = ONES * u64::from(c);
    found(b, first_hit(b, |x| first_zero_lanes(x ^ k), |d| d == c))
}

/// `i` if it is an index of `b`.
fn found(b: &[u8], i: usize) -> Option<usize> {
    (i < b.len()).then_some(i)
}

/// The index of the first of the bytes `cs` in `b` (see [`find_byte`]: the lowest lane
/// that tests zero for one of them is the first of any).
pub(crate) fn find_any3(b: &[u8], cs: [u8; 3]) -> Option<usize> {
    let k = cs.map(|c| ONES * u64::from(c));
    let hit = |x: u64| first_zero_lanes(x ^ k[0]) | first_zero_lanes(x ^ k[1]) | first_zero_lanes(x ^ k[2]);
    found(b, first_hit(b, hit, |d| cs.contains(&d)))
}

/// Where the byte `c` stands in `b`, left to right.
pub(crate) fn byte_positions(b: &[u8], c: u8) -> impl Iterator<Item = usize> + '_ {
    positions(b, move |rest| find_byte(rest, c))
}

/// Where one of the bytes `cs` stands in `b`, left to right.
pub(crate) fn any3_positions(b: &[u8], cs: [u8; 3]) -> impl Iterator<Item = usize> + '_ {
    positions(b, move |rest| find_any3(rest, cs))
}

/// The places `first` finds in `b` (the first place in what it is given), left to right.
fn positions<'a>(b: &'a [u8], first: impl Fn(&[u8]) -> Option<usize> + 'a) -> impl Iterator<Item = usize> + 'a {
    let mut i = 0;
    std::iter::from_fn(move || {
        let p = i + first(b.get(i..)?)?;
        i = p + 1;
        Some(p)
    })
}

/// For eight bytes: the high bit of each byte's lane set exactly where the byte is
/// zero (no borrow between lanes, so every lane is exact, not only the lowest as in
/// [`first_zero_lanes`]).
#[inline]
fn zero_lanes(x: u64) -> u64 {
    !(((x & (ONES * 127)) + ONES * 127) | x) & (ONES * 128)
}

/// Where two bytes `c` in a row stand in `b`, left to right, each pair after the one
/// before (`"    "` holds two): eight bytes read at a time, seven apart, so that every
/// two neighbours are read in one word.
pub(crate) fn pair_positions(b: &[u8], c: u8) -> impl Iterator<Item = usize> + '_ {
    let k = ONES * u64::from(c);
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(w) = b.get(i..i + 8) {
            let m = zero_lanes(word(w) ^ k);
            let pairs = m & (m >> 8);
            if pairs != 0 {
                let s = i + (pairs.trailing_zeros() / 8) as usize;
                i = s + 2;
                return Some(s);
            }
            i += 7;
        }
        while i + 1 < b.len() {
            i += 1;
            if b[i - 1] == c && b[i] == c {
                i += 1;
                return Some(i - 2);
            }
        }
        None
    })
}

/// The index of the last byte `c` in `b`, if there is one: eight bytes at a time, from
/// the end.
pub(crate) fn rfind_byte(b: &[u8], c: u8) -> Option<usize> {
    let k = ONES * u64::from(c);
    let mut e = b.len();
    while e >= 8 {
        let m = zero_lanes(word(&b[e - 8..e]) ^ k);
        if m != 0 {
            return Some(e - 8 + 7 - (m.leading_zeros() / 8) as usize);
        }
        e -= 8;
    }
    b[..e].iter().rposition(|&d| d == c)
}

/// Where `needle` (not empty) stands in `hay`, left to right, each found after the end
/// of the one before (as a search that does not overlap its matches). The search jumps
/// to the needle's rarest byte in prose (by the order of letters in English and German
/// text; any other byte is rarer), and compares the needle where that byte stands.
pub(crate) fn find_all<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    const COMMON: &[u8] = b" etnaiorsdhlucmgfpwbkyvzjxq";
    let rank = |c: &u8| COMMON.iter().position(|d| d == c).unwrap_or(COMMON.len());
    let r = (0..needle.len()).max_by_key(|&k| rank(&needle[k])).unwrap_or(0);
    let mut i = 0;
    std::iter::from_fn(move || loop {
        let s = i + find_byte(hay.get(i + r..)?, needle[r])?;
        if hay[s..].starts_with(needle) {
            i = s + needle.len();
            return Some(s);
        }
        i = s + 1;
    })
}

/// Whether `needle` (not empty) stands in `hay`.
pub(crate) fn contains(hay: &[u8], needle: &[u8]) -> bool {
    find_all(hay, needle).next().is_some()
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

    /// The searches read byte by byte: where a byte is, where one of three is, and where
    /// a word stands without overlapping the one found before.
    fn searches_read_byte_by_byte(t: &[u8]) -> Result<(), TestCaseError> {
        for c in [b'.', b'@', b'\n', 0x80, 0xff, 0] {
            let want: Vec<usize> = t.iter().enumerate().filter(|&(_, &d)| d == c).map(|(i, _)| i).collect();
            prop_assert_eq!(find_byte(t, c), want.first().copied());
            prop_assert_eq!(byte_positions(t, c).collect::<Vec<_>>(), want);
        }
        for c in [b'.', b'\n', b' ', 0xff, 0] {
            prop_assert_eq!(rfind_byte(t, c), t.iter().rposition(|&d| d == c));
        }
        let cs = [b'\t', b'|', b';'];
        prop_assert_eq!(find_any3(t, cs), t.iter().position(|d| cs.contains(d)));
        let want: Vec<usize> = t.iter().enumerate().filter(|(_, d)| cs.contains(d)).map(|(i, _)| i).collect();
        prop_assert_eq!(any3_positions(t, cs).collect::<Vec<_>>(), want);
        for c in [b' ', b'a', 0xff] {
            prop_assert_eq!(pair_positions(t, c).collect::<Vec<_>>(), find_all(t, &[c, c]).collect::<Vec<_>>());
        }
        for needle in [&b"  "[..], b"bic", b"aa", b"a", b"a.a"] {
            let mut want = Vec::new();
            let mut i = 0;
            while i + needle.len() <= t.len() {
                if &t[i..i + needle.len()] == needle {
                    want.push(i);
                    i += needle.len();
                } else {
                    i += 1;
                }
            }
            prop_assert_eq!(find_all(t, needle).collect::<Vec<_>>(), want.clone(), "{:?} in {:?}", needle, t);
            prop_assert_eq!(contains(t, needle), !want.is_empty());
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn byte_and_word_searches(t in proptest::collection::vec(proptest::sample::select(b".@\n\x80\xff\x00\x01\x2f\x2d\x3f\x41 a b i c|;\t".to_vec()), 0..70)) {
            searches_read_byte_by_byte(&t)?;
        }
    }
}

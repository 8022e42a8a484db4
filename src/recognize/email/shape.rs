//! The shape of an e-mail address, found without a pattern: what
//! `(?i)L+(?:\.L+)*@(?:D(?:[D-]{0,61}D)?\.)+[a-z]{2,24}` finds (leftmost first, as a
//! regular expression search would), where `L` is a byte of a dot-atom local part
//! (letters, digits, ``!#$%&'*+/=?^_`{|}~-`` and UTF-8) and `D` one of a domain label
//! (letters, digits and UTF-8). Every text with an `@` is searched for it, and as a
//! pattern it had to be compiled before the first such text could be read.

/// A byte of a dot-atom local part (RFC 5322 `atext`, and UTF-8).
fn local(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80 || b"!#$%&'*+/=?^_`{|}~-".contains(&c)
}

/// A byte a domain label may start and end with (letters, digits, UTF-8).
fn label(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// The leftmost start, not before `from`, of a local part that ends right before the
/// `@` at `at`: atoms of local bytes joined by single dots.
fn local_start(b: &[u8], from: usize, at: usize) -> Option<usize> {
    if at <= from || !local(b[at - 1]) {
        return None;
    }
    let mut s = at - 1;
    loop {
        while s > from && local(b[s - 1]) {
            s -= 1;
        }
        if s >= from + 2 && b[s - 1] == b'.' && local(b[s - 2]) {
            s -= 2;
        } else {
            return Some(s);
        }
    }
}

/// The end of the domain after the `@` at `at`: as many labels each followed by a dot
/// as there are (a label is 1 to 63 label bytes and hyphens, not starting or ending
/// with a hyphen), then 2 to 24 ASCII letters; with fewer labels if the letters are
/// missing after the last one, as a pattern search backs off.
fn domain_end(b: &[u8], at: usize) -> Option<usize> {
    let mut ends = [0usize; 16];
    let (mut n, mut more) = (0, Vec::new());
    let mut p = at + 1;
    while p < b.len() && label(b[p]) {
        let run = b[p..].iter().take_while(|&&c| label(c) || c == b'-').count();
        let e = p + run;
        if run > 63 || b[e - 1] == b'-' || e >= b.len() || b[e] != b'.' {
            break;
        }
        p = e + 1;
        if n < ends.len() {
            ends[n] = p;
            n += 1;
        } else {
            more.push(p);
        }
    }
    more.iter().rev().chain(ends[..n].iter().rev()).find_map(|&q| {
        let letters = b[q..].iter().take(24).take_while(|c| c.is_ascii_alphabetic()).count();
        (letters >= 2).then_some(q + letters)
    })
}

/// The addresses in `b`, as `(start, end)`, left to right and not overlapping.
pub(super) fn addresses(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    let mut ats = memchr::memchr_iter(b'@', b);
    std::iter::from_fn(move || {
        for at in ats.by_ref() {
            if at < pos {
                continue;
            }
            let Some(s) = local_start(b, pos, at) else { continue };
            if let Some(e) = domain_end(b, at) {
                pos = e;
                return Some((s, e));
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::addresses;
    use proptest::prelude::*;

    /// The pattern the scan replaces.
    const PATTERN: &str = r"(?i)[a-z0-9\x80-\xff!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9\x80-\xff!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9\x80-\xff](?:[a-z0-9\x80-\xff-]{0,61}[a-z0-9\x80-\xff])?\.)+[a-z]{2,24}";

    fn same_as_pattern(t: &[u8]) {
        static RE: std::sync::OnceLock<regex::bytes::Regex> = std::sync::OnceLock::new();
        let re = RE.get_or_init(|| crate::recognize::util::compile(PATTERN));
        let want: Vec<(usize, usize)> = re.find_iter(t).map(|m| (m.start(), m.end())).collect();
        assert_eq!(addresses(t).collect::<Vec<_>>(), want, "{:?}", String::from_utf8_lossy(t));
    }

    #[test]
    fn examples() {
        for t in [
            "maria.huber@example.at",
            "a@b.c a@b.co.uk x@b.example.c 'quoted'@x.de a..b@x.de .a@x.de a.@x.de",
            "a@b@c.de user@-x.de user@x-.de.com mail=anna@example.org ä@ü.de",
            "x@123.45.de x@a.b1 x@a.bb1 @x.de x@.de",
        ] {
            same_as_pattern(t.as_bytes());
        }
        let long =
            format!("a@{}.de b@{}.de c@{}x.{}.de", "x".repeat(63), "y".repeat(64), "z".repeat(62), "w".repeat(30));
        same_as_pattern(long.as_bytes());
        let tld = format!("a@b.{}", "c".repeat(30));
        same_as_pattern(tld.as_bytes());
        let labels = format!("a@{}com", "b.".repeat(20));
        same_as_pattern(labels.as_bytes());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn finds_what_the_pattern_finds(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "Z", "0", "@", ".", "-", "_", "+", "'", "=", " ", "\n", "ä", "de", "COM", "x1", "@x.de", "..", ".-",
            "abcdefghijklmnopqrstuvwxyz0123", "ABCDEFGHIJKLMNOPQRST", "(", ",",
        ]), 0..40)) {
            same_as_pattern(parts.concat().as_bytes());
        }
    }
}

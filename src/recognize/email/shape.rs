//! The shape of an e-mail address, found without a pattern: what
//! `(?i)L+(?:\.L+)*@(?:D(?:[D-]{0,61}D)?\.)+[a-z]{2,24}` finds (leftmost first, as a
//! regular expression search would), where `L` is a byte of a dot-atom local part
//! (letters, digits, ``!#$%&'*+/=?^_`{|}~-`` and UTF-8) and `D` one of a domain label
//! (letters, digits and UTF-8). Every text with an `@` is searched for it, and as a
//! pattern it had to be compiled before the first such text could be read.

use crate::recognize::util::domain_end;

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

/// The addresses in `b`, as `(start, end)`, left to right and not overlapping.
pub(super) fn addresses(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    let mut ats = crate::bytes::byte_positions(b, b'@');
    std::iter::from_fn(move || {
        for at in ats.by_ref() {
            if at < pos {
                continue;
            }
            let Some(s) = local_start(b, pos, at) else { continue };
            // labels of up to 63 bytes (RFC 1035)
            if let Some(e) = domain_end(b, at + 1, label, 63) {
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
        let re = RE.get_or_init(|| crate::recognize::util::reference(PATTERN));
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

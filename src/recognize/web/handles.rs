//! `@handle` user names, and Mastodon/Fediverse addresses `@user@instance.social`
//! (see the parent module's docs).

use super::text::{glued_before, looks_like_domain, lower};
use crate::entity::Kind;
use crate::recognize::util::domain_end;
use crate::types::{Candidate, Input};

/// `@handle` user names and Fediverse addresses. Found without a pattern (every text
/// with an `@` is searched, and a pattern would have to be compiled first): a match is
/// what `@[A-Za-z0-9_][A-Za-z0-9_.-]{0,30}` followed by an optional
/// `@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}`
/// matches, leftmost first (see [`handles`]).
pub(super) struct Handles;

/// A byte of a handle name after its first (`[A-Za-z0-9_.-]`).
fn name_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-')
}

/// The handles in `b` as `(start, end)`, left to right and not overlapping.
fn handles(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    let mut ats = crate::bytes::byte_positions(b, b'@');
    std::iter::from_fn(move || {
        for at in ats.by_ref() {
            if at < pos || !b.get(at + 1).is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_') {
                continue;
            }
            let name = b[at + 2..].iter().take(30).take_while(|&&c| name_byte(c)).count();
            let mut e = at + 2 + name;
            if b.get(e) == Some(&b'@') {
                // the instance: labels of letters, digits and hyphens, of any length
                e = domain_end(b, e + 1, |c| c.is_ascii_alphanumeric(), usize::MAX).unwrap_or(e);
            }
            pos = e;
            return Some((at, e));
        }
        None
    })
}

impl Handles {
    pub(super) fn new() -> Handles {
        Handles
    }

    /// The handles of the text that do not start inside a URL of `urls`.
    pub(super) fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>, urls: &[(usize, usize)]) {
        let b = input.bytes;
        for (s, m_end) in handles(b) {
            if glued_before(b, s) || urls.iter().any(|&(us, ue)| us <= s && s < ue) {
                continue;
            }
            let mut e = m_end;
            while e > s + 1 && matches!(b[e - 1], b'.' | b'-') {
                e -= 1;
            }
            let v = &b[s + 1..e];
            let name_end = v.iter().position(|&c| c == b'@').unwrap_or(v.len());
            let name = &v[..name_end];
            if name.len() < 2 || name.len() > 30 || !name.iter().any(u8::is_ascii_alphabetic) {
                continue;
            }
            if e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] >= 0x80 || b[e] == b'@') {
                continue;
            }
            let ln = lower(name);
            if NOT_HANDLES.contains(&ln.as_str()) || looks_like_domain(&ln) {
                continue;
            }
            let mut c = Candidate::new(Kind::Username, s, e, 0.8);
            c.subtype = Some(if name_end < v.len() { "fediverse" } else { "handle" });
            out.push(c);
        }
    }
}

/// Broadcast mentions that are not somebody's handle.
const NOT_HANDLES: &[&str] = &["all", "here", "everyone", "channel", "team", "home", "work", "gmail", "web"];

#[cfg(test)]
mod tests {
    use super::handles;
    use proptest::prelude::*;

    /// The pattern the scan replaces.
    const PATTERN: &str = r"@[A-Za-z0-9_][A-Za-z0-9_.-]{0,30}(?:@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24})?";

    fn same_as_pattern(t: &[u8]) {
        static RE: std::sync::OnceLock<regex::bytes::Regex> = std::sync::OnceLock::new();
        let re = RE.get_or_init(|| crate::recognize::util::reference(PATTERN));
        let want: Vec<(usize, usize)> = re.find_iter(t).map(|m| (m.start(), m.end())).collect();
        assert_eq!(handles(t).collect::<Vec<_>>(), want, "{:?}", String::from_utf8_lossy(t));
    }

    #[test]
    fn examples() {
        for t in [
            "@anna_k @x @@y a@b @user@mastodon.social @u@host.com.x @u@a-.de @u@-a.de @u@a.b.c2 @u@a@b.de",
            "@abcdefghijklmnopqrstuvwxyz0123456789 @a.b-c_d. mail@example.org x@y",
        ] {
            same_as_pattern(t.as_bytes());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn finds_what_the_pattern_finds(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "Z", "0", "@", ".", "-", "_", " ", "ä", "de", "COM", "x1", "@x.de", "..", "-.", "abcdefghijklmnopqrstuvwxyz", "social",
        ]), 0..40)) {
            same_as_pattern(parts.concat().as_bytes());
        }
    }
}

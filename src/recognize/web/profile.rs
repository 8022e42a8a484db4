//! The shape of a profile URL on a network, read by hand: what the pattern
//! `(?i)(?:https?://)?(?:(?:www|m|mobile|[a-z]{2})\.)?(?:HOST)(?:profile\.php\?id=[0-9]+|[A-Za-z0-9_.%~\x80-\xff-]+/?)`
//! finds, where `HOST` is one of [`HOSTS`] in turn. Searched leftmost first, like the
//! pattern, and at one start the first way through it in the pattern's order: scheme
//! (`https://`, `http://`, none), then sub-domain, then host, then profile name. A
//! property test in `urls.rs` compares the two.

use super::text::label_run_end;

/// A network host with the path before the profile name.
enum Host {
    /// Written out, lower case.
    Literal(&'static str),
    /// `pinterest.` with a top-level domain of two or three letters, then `/`.
    Pinterest,
    /// Any host name, then `/@` (a Fediverse instance): `[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}/@`.
    Fediverse,
}

/// The hosts in the order they are tried (where a pattern would try a longer form
/// first, as `threads\.net/@?`, both are listed, the longer first).
const HOSTS: &[Host] = &[
    Host::Literal("linkedin.com/in/"),
    Host::Literal("linkedin.com/pub/"),
    Host::Literal("xing.com/profiles/"),
    Host::Literal("xing.com/profile/"),
    Host::Literal("xing.de/profiles/"),
    Host::Literal("xing.de/profile/"),
    Host::Literal("facebook.com/"),
    Host::Literal("fb.com/"),
    Host::Literal("instagram.com/"),
    Host::Literal("twitter.com/"),
    Host::Literal("x.com/"),
    Host::Literal("github.com/"),
    Host::Literal("gitlab.com/"),
    Host::Literal("threads.net/@"),
    Host::Literal("threads.net/"),
    Host::Pinterest,
    Host::Literal("behance.net/"),
    Host::Literal("dribbble.com/"),
    Host::Literal("about.me/"),
    Host::Literal("t.me/"),
    Host::Literal("reddit.com/user/"),
    Host::Literal("reddit.com/u/"),
    Host::Literal("soundcloud.com/"),
    Host::Literal("vimeo.com/"),
    Host::Fediverse,
];

/// True if `b` holds `word` (lower case) at `i`, ignoring ASCII case.
fn at(b: &[u8], i: usize, word: &str) -> bool {
    b.get(i..i + word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// A byte of a profile name.
fn name_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'%' | b'~' | b'-') || c >= 0x80
}

/// The matches in `b`, as `(start, end)`, left to right.
pub(super) fn profiles(b: &[u8]) -> Vec<(usize, usize)> {
    // Per dot: where a Fediverse host whose labels start after it ends (after its
    // `/@`), worked out from the right: a label followed by a dot reaches on.
    let dots: Vec<usize> = crate::bytes::byte_positions(b, b'.').collect();
    let mut fedi: Vec<Option<usize>> = vec![None; dots.len()];
    for i in (0..dots.len()).rev() {
        let q = dots[i] + 1;
        let r = label_run_end(b, q);
        fedi[i] = if r > q && b.get(r) == Some(&b'.') {
            fedi[i + 1]
        } else {
            let letters = b[q..r].iter().take_while(|c| c.is_ascii_alphabetic()).count();
            ((2..=24).contains(&letters) && letters == r - q && at(b, r, "/@")).then_some(r + 2)
        };
    }
    let fediverse = |p: usize| {
        let r = label_run_end(b, p);
        if r > p && b.get(r) == Some(&b'.') {
            dots.binary_search(&r).ok().and_then(|i| fedi[i])
        } else {
            None
        }
    };
    // Per position: the end of the first host there followed by a profile name, and
    // the end of that name (worked out when first asked).
    let mut ends: Vec<Option<Option<usize>>> = vec![None; b.len() + 1];
    let mut host_at = |p: usize| {
        *ends[p].get_or_insert_with(|| {
            HOSTS.iter().find_map(|h| {
                let e = match h {
                    Host::Literal(w) => at(b, p, w).then(|| p + w.len()),
                    Host::Pinterest if at(b, p, "pinterest.") => {
                        let q = p + "pinterest.".len();
                        let letters = b[q..].iter().take(3).take_while(|c| c.is_ascii_alphabetic()).count();
                        (letters >= 2 && b.get(q + letters) == Some(&b'/')).then(|| q + letters + 1)
                    }
                    Host::Pinterest => None,
                    Host::Fediverse => fediverse(p),
                }?;
                name_end(b, e)
            })
        })
    };
    let mut out = Vec::new();
    let mut s = 0;
    while s < b.len() {
        let mut found = None;
        'start: for scheme in ["https://", "http://", ""] {
            if !at(b, s, scheme) {
                continue;
            }
            let p = s + scheme.len();
            for sub in ["www.", "m.", "mobile.", "??.", ""] {
                let q = if sub == "??." {
                    let two =
                        b.get(p..p + 3).is_some_and(|w| w[..2].iter().all(u8::is_ascii_alphabetic) && w[2] == b'.');
                    two.then_some(p + 3)
                } else {
                    at(b, p, sub).then(|| p + sub.len())
                };
                if let Some(e) = q.and_then(&mut host_at) {
                    found = Some(e);
                    break 'start;
                }
            }
        }
        match found {
            Some(e) => {
                out.push((s, e));
                s = e;
            }
            None => s += 1,
        }
    }
    out
}

/// The end of the profile name at `q`: `profile.php?id=` and digits, or a run of name
/// bytes and an optional `/`.
fn name_end(b: &[u8], q: usize) -> Option<usize> {
    const PHP: &str = "profile.php?id=";
    let digits = if at(b, q, PHP) { b[q + PHP.len()..].iter().take_while(|c| c.is_ascii_digit()).count() } else { 0 };
    if digits > 0 {
        return Some(q + PHP.len() + digits);
    }
    let r = q + b[q..].iter().take_while(|&&c| name_byte(c)).count();
    (r > q).then(|| r + usize::from(b.get(r) == Some(&b'/')))
}

//! The shape of a homepage URL, read by hand: what the pattern
//! `(?i)(?:https?://)?(?:www\.)?L(?:\.L)*\.(?:TLD)\b(?:/[A-Za-z0-9_.%~/-]*)?` finds,
//! where `L` is a host label (1 to 64 letters, digits and hyphens, a letter or digit at
//! both ends) and `TLD` one of [`HOMEPAGE_TLDS`]. Searched leftmost first, like the
//! pattern; a property test in `urls.rs` compares the two.
//!
//! How the pattern decides, and so this search: from a start, the labels must each be
//! followed by a dot, and the greedy `(?:\.L)*` takes as many as it can such that a
//! top-level domain follows the last dot taken; a `www.` in front changes nothing
//! (`www` is a label itself); a scheme must be followed by such a host. What is
//! reachable after each dot is worked out once, from the right, so a part is read in
//! linear time whatever its dots.

use super::text::label_run_end;
use crate::recognize::util::is_word;

/// The top-level domains of a personal homepage.
pub(super) const HOMEPAGE_TLDS: &[&str] = &[
    "de", "at", "ch", "li", "com", "net", "org", "eu", "info", "me", "io", "name", "page", "dev", "blog", "online",
    "website", "site", "uk", "ie", "fr", "it", "es", "pt", "nl", "be", "lu", "pl", "cz", "dk", "se",
];

/// A byte of the path after the host.
fn path_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'%' | b'~' | b'/' | b'-')
}

/// The matches in `b`, as `(start, end)`, left to right.
pub(super) fn homepages(b: &[u8]) -> Vec<(usize, usize)> {
    // Per dot: where the host ends when labels start after it (the farthest top-level
    // domain reachable), worked out from the right: a label after a dot reaches on
    // through the next dot.
    let dots: Vec<usize> = crate::bytes::byte_positions(b, b'.').collect();
    let mut reach: Vec<Option<usize>> = vec![None; dots.len()];
    for i in (0..dots.len()).rev() {
        let q = dots[i] + 1;
        let deeper = if label(b, q, label_run_end(b, q)) { reach[i + 1] } else { None };
        reach[i] = deeper.or_else(|| tld_end(b, q));
    }
    // Where the host ends when a label runs from `p` to `r`.
    let host = |p: usize, r: usize| {
        if label(b, p, r) {
            dots.binary_search(&r).ok().and_then(|i| reach[i])
        } else {
            None
        }
    };
    let mut out = Vec::new();
    let (mut s, mut run) = (0, (0, 0)); // the label run holding `s`, as (start, end)
    while s < b.len() {
        let host_end = if let Some(p) = scheme_end(b, s) {
            host(p, label_run_end(b, p))
        } else if b[s].is_ascii_alphanumeric() {
            if !(run.0 <= s && s < run.1) {
                run = (s, label_run_end(b, s));
            }
            host(s, run.1)
        } else {
            None
        };
        match host_end {
            Some(e) => {
                let path = if b.get(e) == Some(&b'/') {
                    1 + b[e + 1..].iter().take_while(|&&c| path_byte(c)).count()
                } else {
                    0
                };
                out.push((s, e + path));
                s = e + path;
            }
            None => s += 1,
        }
    }
    out
}

/// True if the run `p..r` of label bytes is a label followed by a dot.
fn label(b: &[u8], p: usize, r: usize) -> bool {
    p < r && r - p <= 64 && b[p].is_ascii_alphanumeric() && b[r - 1].is_ascii_alphanumeric() && b.get(r) == Some(&b'.')
}

/// The end of the top-level domain at `q`: the word there, if it is one.
pub(super) fn tld_end(b: &[u8], q: usize) -> Option<usize> {
    let e = q + b[q..].iter().take_while(|&&c| is_word(c)).count();
    HOMEPAGE_TLDS.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(&b[q..e])).then_some(e)
}

/// The end of `http://` or `https://` (any case) at `s`.
fn scheme_end(b: &[u8], s: usize) -> Option<usize> {
    if b[s] | 0x20 != b'h' {
        return None;
    }
    ["https://", "http://"]
        .iter()
        .find_map(|p| b[s..].get(..p.len())?.eq_ignore_ascii_case(p.as_bytes()).then(|| s + p.len()))
}
